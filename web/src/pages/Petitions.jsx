// Petitions (đơn khiếu nại, tố cáo, kiến nghị, phản ánh): the queue with its
// filters and due tabs, recording a letter (also from a reception visit),
// duplicates, and a letter's page with deadlines, timeline, attachments and
// the handling actions.
import { useEffect, useState } from 'preact/hooks';
import { withLinkFilters } from '../linkFilters.js';
import { api } from '../api.js';
import {
	dueInfo, formatDateTime, formatDay, formatNumber, isAdmin, navigate, todayDay,
} from '../format.js';
import {
	CLASSIFICATION_LABELS, COMPLEXITY_LABELS, DUE_LABELS, ELIGIBILITY_LABELS, EVENT_KIND_LABELS, LEVEL_LABELS,
	MANUAL_SOURCES, OPEN_STATUSES, PETITION_DIRECTION_LABELS, SOURCE_LABELS, STATUS_LABELS, label,
} from '../labels.js';
import { Attachments } from '../components/Attachments.jsx';
import { valueMap } from '../components/ExportButton.jsx';
import { Pager } from '../components/Pager.jsx';
import { UnitField } from '../components/UnitPicker.jsx';
import { Alert, Field, fieldError, useDebounced, useLoader, usePageTitle } from '../components/ui.jsx';
import {
	ClassificationText, DayField, FieldSelect, MapSelect, OrgPicker, StatusBadge, TabButtons, fieldName,
	usePetitionFields,
} from '../components/forms.jsx';

const LIMIT = 20;

const canWrite = (user) => !!user && user.role !== 'viewer';
const isOpen = (status) => OPEN_STATUSES.includes(status);
const inProgress = (status) => isOpen(status) && status !== 'received';

/** The due day that matters now: handling while received, resolution while being resolved. */
function currentDue(p) {
	if (p.status === 'received') return p.handling_due ? { day: p.handling_due, what: 'xử lý đơn' } : null;
	if (inProgress(p.status)) return p.resolution_due ? { day: p.resolution_due, what: 'giải quyết' } : null;
	return null;
}

function DueText({ day, testid }) {
	const d = dueInfo(day);
	if (!d) return null;
	return <span class={`due due-${d.tone}`} data-testid={testid}>{d.text}</span>;
}

function Petitioner({ p, short }) {
	if (p.anonymous) return <span class="muted">Nặc danh</span>;
	if (p.identity_protected) return <span class="protected">Danh tính được giữ bí mật</span>;
	if (!p.petitioner) return <span class="muted">—</span>;
	return (
		<>
			<span>{p.petitioner.name}</span>
			{!short && p.petitioner.address ? <span class="muted small block">{p.petitioner.address}</span> : null}
		</>
	);
}

/* ---------------------------------------------------------------------- */
/* List                                                                    */

const EMPTY_FILTERS = {
	due: '', q: '', status: '', classification: '', field: '', source: '', mass_case: '', unit: null, from: '', to: '',
	offset: 0,
};
let listFilters = { ...EMPTY_FILTERS };

export function PetitionsPage({ user, query }) {
	usePageTitle('Đơn thư');
	const fields = usePetitionFields();
	const [f, setF] = useState(() => {
		const due = query && query.get('due');
		const base = withLinkFilters(query, listFilters);
		return due === 'soon' || due === 'overdue' ? { ...base, due, offset: 0 } : base;
	});
	const [qText, setQText] = useState(listFilters.q);
	const dq = useDebounced(qText.trim(), 300);
	useEffect(() => { listFilters = f; }, [f]);
	useEffect(() => { if (dq !== f.q) setF((x) => ({ ...x, q: dq, offset: 0 })); }, [dq]); // eslint-disable-line react-hooks/exhaustive-deps
	const set = (k) => (v) => setF((x) => ({ ...x, [k]: v, offset: 0 }));
	const datesOk = f.from !== null && f.to !== null;

	const params = {
		structure: f.unit ? f.unit.structure : undefined,
		unit: f.unit ? f.unit.code : undefined,
		due: f.due, q: f.q, status: f.status, classification: f.classification, field: f.field, source: f.source,
		mass_case: f.mass_case, from: f.from, to: f.to,
	};
	const list = useLoader(() => (datesOk ? api.get('/petitions', { ...params, limit: LIMIT, offset: f.offset })
		: Promise.resolve(null)), [f.due, f.q, f.status, f.classification, f.field, f.source, f.mass_case,
		f.unit && f.unit.structure, f.unit && f.unit.code, f.from, f.to, f.offset]);
	const data = list.data;
	const filtered = Object.keys(EMPTY_FILTERS).some((k) => k !== 'offset' && k !== 'due' && f[k] !== EMPTY_FILTERS[k]);

	return (
		<section class="page">
			<div class="page-head">
				<h1>Đơn thư</h1>
				{canWrite(user) ? (
					<a class="btn btn-primary" href="#/petitions/new" data-testid="petition-new-button">+ Ghi nhận đơn</a>
				) : null}
			</div>
			<TabButtons
				label="Lọc theo thời hạn"
				testid="petition-due"
				value={f.due}
				onChange={set('due')}
				items={[
					{ value: '', label: 'Tất cả' },
					{ value: 'soon', label: DUE_LABELS.soon },
					{ value: 'overdue', label: DUE_LABELS.overdue },
				]}
			/>
			<div class="card filters" data-testid="petition-filters">
				<Field label="Tìm kiếm">
					<input class="input" type="search" value={qText} placeholder="Tiêu đề, nội dung" data-testid="petition-filter-q"
						onInput={(e) => setQText(e.currentTarget.value)} />
				</Field>
				<Field label="Trạng thái">
					<MapSelect map={STATUS_LABELS} value={f.status} onChange={set('status')} empty="Tất cả" testid="petition-filter-status" />
				</Field>
				<Field label="Phân loại">
					<MapSelect map={CLASSIFICATION_LABELS} value={f.classification} onChange={set('classification')} empty="Tất cả"
						testid="petition-filter-classification" />
				</Field>
				<Field label="Lĩnh vực">
					<FieldSelect value={f.field} onChange={set('field')} empty="Tất cả" testid="petition-filter-field" />
				</Field>
				<Field label="Nguồn đơn">
					<MapSelect map={SOURCE_LABELS} value={f.source} onChange={set('source')} empty="Tất cả" testid="petition-filter-source" />
				</Field>
				<Field label="Vụ việc đông người">
					<select class="input" value={f.mass_case} data-testid="petition-filter-mass"
						onChange={(e) => set('mass_case')(e.currentTarget.value)}>
						<option value="">Tất cả</option>
						<option value="1">Chỉ vụ việc đông người, phức tạp</option>
						<option value="0">Không phải vụ việc đông người</option>
					</select>
				</Field>
				<DayField label="Nhận từ ngày" value={f.from} onChange={set('from')} testid="petition-filter-from" />
				<DayField label="Đến ngày" value={f.to} onChange={set('to')} testid="petition-filter-to" />
				<UnitField label="Đơn vị (gồm cả đơn vị trực thuộc)" value={f.unit} onChange={set('unit')}
					testid="petition-filter-unit" defaultStructure={user.unit ? Number(user.unit.structure) : 2025} />
				{filtered ? (
					<div class="filters-actions">
						<button type="button" class="btn" data-testid="petition-filter-clear"
							onClick={() => { setQText(''); setF({ ...EMPTY_FILTERS, due: f.due }); }}>
							Xoá bộ lọc
						</button>
					</div>
				) : null}
			</div>

			{list.error ? <Alert kind="error" testid="petition-list-error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách đơn">
				<table class="table" data-testid="petition-table">
					<thead>
						<tr>
							<th>Mã đơn, ngày nhận</th>
							<th>Tiêu đề, người gửi</th>
							<th>Phân loại, lĩnh vực</th>
							<th>Cơ quan nhận</th>
							<th>Trạng thái</th>
							<th>Thời hạn</th>
						</tr>
					</thead>
					<tbody>
						{data && data.items.map((p) => {
							const due = currentDue(p);
							return (
								<tr key={p.id} data-testid={`petition-row-${p.id}`} data-code={p.tracking_code}>
									<td class="nowrap">
										<a href={`#/petitions/${p.id}`} class="mono" data-testid={`petition-link-${p.id}`}>{p.tracking_code}</a>
										<span class="block">{formatDay(p.received_day)}</span>
										<span class="muted small block">{label(SOURCE_LABELS, p.source)}</span>
									</td>
									<td class="cell-text">
										<a href={`#/petitions/${p.id}`}>{p.subject}</a>
										<span class="small block">Người gửi: <Petitioner p={p} short /></span>
										{p.mass_case ? <span class="badge badge-mass block-badge">Vụ việc đông người</span> : null}
										{p.repeat_count ? <span class="muted small block">{formatNumber(p.repeat_count)} đơn trùng gộp vào</span> : null}
									</td>
									<td><ClassificationText code={p.classification} /><span class="muted small block">{fieldName(fields, p.field)}</span></td>
									<td>{p.org ? p.org.name : ''}{p.unit ? <span class="muted small block">{p.unit.name}</span> : null}</td>
									<td><StatusBadge status={p.status} /></td>
									<td class="nowrap">
										{due ? <>{formatDay(due.day)}<span class="block small"><DueText day={due.day} /></span></> : null}
										{p.resolved_day ? <>Có kết quả {formatDay(p.resolved_day)}</> : null}
									</td>
								</tr>
							);
						})}
						{data && !data.items.length ? (
							<tr><td colSpan={6} class="empty">{f.due === 'overdue' ? 'Không có đơn quá hạn.' : f.due === 'soon' ? 'Không có đơn sắp đến hạn.' : 'Không có đơn nào.'}</td></tr>
						) : null}
						{!data && list.loading ? <tr><td colSpan={6} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? (
				<Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF((x) => ({ ...x, offset: o }))}
					testid="petition-pager" noun="đơn" exportSpec={{
						path: '/petitions', query: params, title: 'Danh sách đơn thư', filename: 'don-thu',
						columns: [
							{ key: 'tracking_code', label: 'Mã đơn' },
							{ key: 'received_day', label: 'Ngày nhận' },
							{ key: 'source', label: 'Nguồn đơn', values: SOURCE_LABELS },
							{ key: 'subject', label: 'Tiêu đề' },
							{ key: 'petitioner.name', label: 'Người gửi' },
							{ key: 'anonymous', label: 'Nặc danh' },
							{ key: 'mass_case', label: 'Vụ việc đông người' },
							{ key: 'repeat_count', label: 'Số đơn trùng gộp vào' },
							{ key: 'classification', label: 'Phân loại', values: CLASSIFICATION_LABELS },
							{ key: 'field', label: 'Lĩnh vực', values: valueMap(fields) },
							{ key: 'org.name', label: 'Cơ quan nhận' },
							{ key: 'unit.name', label: 'Đơn vị' },
							{ key: 'status', label: 'Trạng thái', values: STATUS_LABELS },
							{ key: 'handling_due', label: 'Hạn xử lý đơn' },
							{ key: 'resolution_due', label: 'Hạn giải quyết' },
							{ key: 'resolved_day', label: 'Ngày có kết quả' },
						],
					}} />
			) : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* New petition                                                            */

const NEW_FIELDS = ['org_id', 'source', 'received_day', 'petitioner_name', 'petitioner_address', 'petitioner_id_number',
	'petitioner_phone', 'anonymous', 'persons', 'subject', 'content', 'classification', 'field', 'level', 'remote_area'];

export function PetitionNewPage({ user, query }) {
	usePageTitle('Ghi nhận đơn');
	const visitId = query.get('visit');
	const sessionId = query.get('session');
	const src = useLoader(() => (sessionId ? api.get(`/reception/sessions/${sessionId}`) : Promise.resolve(null)), [sessionId]);
	if (!canWrite(user)) {
		return (
			<section class="page">
				<h1>Ghi nhận đơn</h1>
				<Alert kind="error" testid="forbidden">Vai trò “Xem báo cáo” không ghi nhận đơn.</Alert>
			</section>
		);
	}
	if (sessionId && !src.data) {
		return (
			<section class="page">
				<h1>Ghi nhận đơn</h1>
				{src.error ? <Alert kind="error">{src.error.message}</Alert> : <p class="muted">Đang tải lượt tiếp…</p>}
			</section>
		);
	}
	let visit = null;
	let session = null;
	if (src.data) {
		session = src.data.session;
		visit = (src.data.visits || []).find((v) => String(v.id) === String(visitId)) || null;
	}
	return <PetitionForm key={visitId || 'new'} session={session} visit={visit} />;
}

function Duplicates({ created, duplicates, onDone }) {
	const [busy, setBusy] = useState(null);
	const [error, setError] = useState(null);
	async function attach(d) {
		setBusy(d.id);
		setError(null);
		try {
			await api.post(`/petitions/${created.id}/attach`, { to: d.id, day: created.received_day });
			onDone(created.id);
		} catch (e) {
			setError(e.message);
		} finally {
			setBusy(null);
		}
	}
	return (
		<div class="card card-warn" data-testid="petition-duplicates" role="alert">
			<h2>Có thể trùng với hồ sơ đang giải quyết</h2>
			<p>
				Đơn vừa ghi nhận (mã <strong class="mono">{created.tracking_code}</strong>) có cùng người gửi, cùng nội dung với
				{duplicates.length > 1 ? ' các hồ sơ' : ' hồ sơ'} dưới đây. Theo quy định, đơn trùng về vụ việc đang giải quyết
				được gộp vào hồ sơ, không mở hồ sơ mới.
			</p>
			<Alert kind="error">{error}</Alert>
			<ul class="dup-list">
				{duplicates.map((d) => (
					<li key={d.id} data-testid={`duplicate-${d.id}`}>
						<a href={`#/petitions/${d.id}`} target="_blank" rel="noopener" class="mono">{d.tracking_code}</a>
						{d.similarity !== undefined && d.similarity !== null
							? <span class="muted small"> — giống {formatNumber(Math.round(Number(d.similarity) * (Number(d.similarity) <= 1 ? 100 : 1)))}%</span>
							: null}
						{d.subject ? <span class="small block">{d.subject}</span> : null}
						<button type="button" class="btn btn-primary btn-small" disabled={busy !== null}
							data-testid={`duplicate-attach-${d.id}`} onClick={() => attach(d)}>
							{busy === d.id ? 'Đang gộp…' : 'Gộp vào hồ sơ đang giải quyết'}
						</button>
					</li>
				))}
			</ul>
			<div class="form-actions">
				<button type="button" class="btn" disabled={busy !== null} data-testid="duplicate-keep"
					onClick={() => onDone(created.id)}>
					Giữ là đơn mới
				</button>
			</div>
		</div>
	);
}

function PetitionForm({ session, visit }) {
	const fromVisit = !!visit;
	const protectedVisit = fromVisit && visit.identity_protected;
	const [v, setV] = useState({
		org_id: session ? session.org.id : '',
		source: fromVisit ? 'visit' : 'post',
		received_day: visit ? visit.day || session.day : todayDay(),
		anonymous: false,
		petitioner_name: visit && visit.citizen_name ? visit.citizen_name : '',
		petitioner_address: visit && visit.citizen_address ? visit.citizen_address : '',
		petitioner_id_number: visit && visit.citizen_id_number ? visit.citizen_id_number : '',
		petitioner_phone: '',
		persons: String(visit ? visit.persons : 1),
		subject: '',
		content: visit ? visit.content : '',
		classification: visit ? visit.classification : '',
		field: visit ? visit.field : '',
		level: '1',
		remote_area: false,
	});
	const [orgObj, setOrgObj] = useState(session ? session.org : null);
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const [dups, setDups] = useState(null);
	const set = (k) => (e) => {
		const val = e && e.currentTarget ? (e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value) : e;
		setV((x) => ({ ...x, [k]: val }));
	};

	async function submit(e) {
		e.preventDefault();
		setError(null);
		const persons = /^\d+$/.test(String(v.persons).trim()) ? Number(v.persons) : null;
		const err = (!v.org_id && { field: 'org_id', message: 'Vui lòng chọn cơ quan nhận đơn.' })
			|| (!v.received_day && { field: 'received_day', message: 'Vui lòng nhập ngày nhận đơn (dd/mm/yyyy).' })
			|| (!v.anonymous && !v.petitioner_name.trim()
				&& { field: 'petitioner_name', message: 'Vui lòng nhập họ tên người gửi, hoặc đánh dấu “Đơn nặc danh”.' })
			|| ((persons === null || persons < 1 || persons > 10000) && { field: 'persons', message: 'Số người từ 1 đến 10.000.' })
			|| (!v.subject.trim() && { field: 'subject', message: 'Vui lòng nhập tiêu đề (tóm tắt) của đơn.' })
			|| (!v.content.trim() && { field: 'content', message: 'Vui lòng nhập nội dung đơn.' });
		if (err) return setError(err);
		const body = {
			org_id: Number(v.org_id), source: v.source, received_day: v.received_day, persons,
			subject: v.subject.trim(), content: v.content.trim(),
		};
		if (fromVisit) body.visit_id = visit.id;
		if (v.anonymous) {
			body.anonymous = true;
		} else {
			for (const k of ['petitioner_name', 'petitioner_address', 'petitioner_id_number', 'petitioner_phone']) {
				if (v[k].trim()) body[k] = v[k].trim();
			}
		}
		if (v.classification) body.classification = v.classification;
		if (v.field) body.field = v.field;
		if (v.classification === 'complaint' && v.level === '2') body.level = 2;
		if (v.remote_area) body.remote_area = true;
		setBusy(true);
		try {
			const r = await api.post('/petitions', body);
			if (r.duplicates && r.duplicates.length) setDups({ created: r.petition, list: r.duplicates });
			else navigate(`/petitions/${r.petition.id}`);
		} catch (ex) {
			setError(ex);
		} finally {
			setBusy(false);
		}
	}

	if (dups) {
		return (
			<section class="page">
				<h1>Ghi nhận đơn</h1>
				<Alert kind="success" testid="petition-created">Đã ghi nhận đơn, mã {dups.created.tracking_code}.</Alert>
				<Duplicates created={dups.created} duplicates={dups.list} onDone={(id) => navigate(`/petitions/${id}`)} />
			</section>
		);
	}

	const shown = v.anonymous ? NEW_FIELDS.filter((k) => !k.startsWith('petitioner_')) : NEW_FIELDS;
	const general = error && !shown.includes(error.field) ? error.message : null;
	const fe = (k) => fieldError(error, k);
	return (
		<section class="page">
			<p><a href={session ? `#/reception/sessions/${session.id}` : '#/petitions'}>‹ Quay lại</a></p>
			<form class="card form-card" onSubmit={submit} noValidate data-testid="petition-form">
				<h1>Ghi nhận đơn</h1>
				{fromVisit ? (
					<Alert kind="info" testid="petition-from-visit">
						Ghi nhận đơn từ lượt tiếp ngày {formatDay(visit.day || session.day)} tại buổi tiếp của {session.org.name}.
					</Alert>
				) : null}
				<Alert kind="error" testid="petition-form-error">{general}</Alert>
				<fieldset class="fieldset">
					<legend>Tiếp nhận</legend>
					<div class="form-grid">
						<Field label="Cơ quan nhận đơn" required wide error={fe('org_id')}>
							<OrgPicker value={v.org_id} extra={orgObj} testid="petition-org" disabled={fromVisit}
								onChange={(id, o) => { set('org_id')(id); setOrgObj(o); }} />
						</Field>
						<Field label="Nguồn đơn" required error={fe('source')}>
							<MapSelect map={SOURCE_LABELS} codes={MANUAL_SOURCES} value={v.source} onChange={set('source')}
								testid="petition-source" disabled={fromVisit} />
						</Field>
						<DayField label="Ngày nhận đơn" value={v.received_day} onChange={set('received_day')} required
							testid="petition-received-day" error={fe('received_day')} />
					</div>
				</fieldset>
				<fieldset class="fieldset">
					<legend>Người gửi đơn</legend>
					{protectedVisit ? (
						<p class="protected small" data-testid="petition-protected-visit">
							Danh tính người tố cáo ở lượt tiếp được giữ bí mật và không hiển thị. Nhập họ tên, địa chỉ theo đơn;
							với đơn tố cáo, các thông tin này cũng được mã hoá, giữ bí mật.
						</p>
					) : null}
					<label class="check">
						<input type="checkbox" checked={v.anonymous} data-testid="petition-anonymous" onChange={set('anonymous')} />
						<span>Đơn nặc danh (không rõ họ tên, địa chỉ người gửi)</span>
					</label>
					<div class="form-grid fill">
						{!v.anonymous ? (
							<>
								<Field label="Họ và tên" required error={fe('petitioner_name')}>
									<input class="input" maxLength={200} value={v.petitioner_name} autocomplete="off"
										data-testid="petition-name" onInput={set('petitioner_name')} />
								</Field>
								<Field label="Địa chỉ" error={fe('petitioner_address')}>
									<input class="input" maxLength={500} value={v.petitioner_address} autocomplete="off"
										data-testid="petition-address" onInput={set('petitioner_address')} />
								</Field>
								<Field label="Số CCCD / hộ chiếu" error={fe('petitioner_id_number')}>
									<input class="input" maxLength={20} value={v.petitioner_id_number} inputMode="numeric" autocomplete="off"
										data-testid="petition-id-number" onInput={set('petitioner_id_number')} />
								</Field>
								<Field label="Số điện thoại" error={fe('petitioner_phone')}>
									<input class="input" type="tel" maxLength={20} value={v.petitioner_phone} autocomplete="off"
										data-testid="petition-phone" onInput={set('petitioner_phone')} />
								</Field>
							</>
						) : null}
						<Field label="Số người cùng gửi" required error={fe('persons')}>
							<input class="input" type="number" min={1} max={10000} value={v.persons} data-testid="petition-persons"
								onInput={set('persons')} />
						</Field>
					</div>
				</fieldset>
				<fieldset class="fieldset">
					<legend>Nội dung</legend>
					<div class="form-grid">
						<Field label="Tiêu đề (tóm tắt)" required wide error={fe('subject')}>
							<input class="input" maxLength={500} value={v.subject} data-testid="petition-subject" onInput={set('subject')} />
						</Field>
						<Field label="Nội dung đơn" required wide error={fe('content')}>
							<textarea class="input" rows={6} maxLength={10000} value={v.content} data-testid="petition-content"
								onInput={set('content')} />
						</Field>
					</div>
				</fieldset>
				<fieldset class="fieldset">
					<legend>Phân loại (có thể làm sau)</legend>
					<div class="form-grid">
						<Field label="Phân loại theo nội dung" error={fe('classification')}
							hint="Phân loại theo nội dung, mục đích, yêu cầu của đơn — không theo tiêu đề.">
							<MapSelect map={CLASSIFICATION_LABELS} value={v.classification} onChange={set('classification')}
								empty="— Chưa phân loại —" testid="petition-classification" />
						</Field>
						<Field label="Lĩnh vực" error={fe('field')}>
							<FieldSelect value={v.field} onChange={set('field')} empty="— Chưa chọn —" testid="petition-field" />
						</Field>
						{v.classification === 'complaint' ? (
							<Field label="Khiếu nại lần" error={fe('level')}>
								<MapSelect map={LEVEL_LABELS} value={v.level} onChange={set('level')} testid="petition-level" />
							</Field>
						) : null}
						<label class="check field-wide">
							<input type="checkbox" checked={v.remote_area} data-testid="petition-remote" onChange={set('remote_area')} />
							<span>Vùng sâu, vùng xa, đi lại khó khăn (thời hạn dài hơn)</span>
						</label>
					</div>
				</fieldset>
				<div class="form-actions">
					<button type="submit" class="btn btn-primary" disabled={busy} data-testid="petition-submit">
						{busy ? 'Đang lưu…' : 'Ghi nhận đơn'}
					</button>
					<a class="btn" href={session ? `#/reception/sessions/${session.id}` : '#/petitions'}>Huỷ</a>
				</div>
			</form>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Actions                                                                 */

/**
 * A small form for one action.  fields: [{name, label, type, required, map,
 * codes, hint, max, wide, show(values)}]; type: day | text | textarea |
 * select | check | org | user | number.  build(values) → request body.
 */
function ActionForm({ title, intro, fields, initial, submitLabel, build, path, onDone, onCancel, testid, extra }) {
	const [v, setV] = useState(initial);
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const set = (k) => (val) => setV((x) => ({ ...x, [k]: val }));

	async function submit(e) {
		e.preventDefault();
		setError(null);
		for (const fd of fields) {
			if (fd.show && !fd.show(v)) continue;
			const val = v[fd.name];
			if (fd.type === 'day' && val === null) return setError({ field: fd.name, message: 'Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.' });
			if (fd.required && (val === '' || val === undefined || val === null || (typeof val === 'string' && !val.trim()))) {
				return setError({ field: fd.name, message: `Vui lòng nhập “${fd.label}”.` });
			}
		}
		let body;
		try {
			body = build(v);
		} catch (ex) {
			return setError(ex);
		}
		setBusy(true);
		try {
			const r = await api.post(path, body);
			onDone(r);
		} catch (ex) {
			setError(ex);
		} finally {
			setBusy(false);
		}
	}

	const names = fields.filter((fd) => !fd.show || fd.show(v)).map((x) => x.name);
	const general = error && !names.includes(error.field) ? error.message : null;
	return (
		<form class="card form-card action-form" onSubmit={submit} noValidate data-testid={testid}>
			<h3>{title}</h3>
			{intro ? <p class="muted small">{intro}</p> : null}
			<Alert kind="error" testid={`${testid}-error`}>{general}</Alert>
			<div class="form-grid">
				{fields.filter((fd) => !fd.show || fd.show(v)).map((fd) => {
					const id = `${testid}-${fd.name}`;
					const err = fieldError(error, fd.name);
					if (fd.type === 'day') {
						return <DayField key={fd.name} label={fd.label} value={v[fd.name]} onChange={set(fd.name)} required={fd.required}
							testid={id} error={err} hint={fd.hint} />;
					}
					if (fd.type === 'check') {
						return (
							<label key={fd.name} class="check field-wide">
								<input type="checkbox" checked={!!v[fd.name]} data-testid={id}
									onChange={(e) => set(fd.name)(e.currentTarget.checked)} />
								<span>{fd.label}</span>
							</label>
						);
					}
					let input;
					if (fd.type === 'textarea') {
						input = <textarea class="input" rows={4} maxLength={fd.max} value={v[fd.name]} data-testid={id}
							onInput={(e) => set(fd.name)(e.currentTarget.value)} />;
					} else if (fd.type === 'select') {
						input = <MapSelect map={fd.map} codes={fd.codes ? fd.codes(v) : undefined} value={v[fd.name]}
							onChange={set(fd.name)} empty={fd.empty} testid={id} />;
					} else if (fd.type === 'field') {
						input = <FieldSelect value={v[fd.name]} onChange={set(fd.name)} testid={id} />;
					} else if (fd.type === 'render') {
						input = fd.render(v, set, id);
					} else {
						input = <input class="input" type={fd.type === 'number' ? 'number' : 'text'} maxLength={fd.max}
							value={v[fd.name]} inputMode={fd.type === 'number' ? 'numeric' : undefined} data-testid={id}
							onInput={(e) => set(fd.name)(e.currentTarget.value)} />;
					}
					return (
						<Field key={fd.name} label={fd.label} required={fd.required} error={err} hint={fd.hint} wide={fd.wide}>
							{input}
						</Field>
					);
				})}
			</div>
			{extra}
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid={`${testid}-submit`}>
					{busy ? 'Đang lưu…' : submitLabel}
				</button>
				<button type="button" class="btn" onClick={onCancel} data-testid={`${testid}-cancel`}>Huỷ</button>
			</div>
		</form>
	);
}

/** Users who may be given the case (GET /users needs an admin role; others get none). */
function useAssignees(user) {
	const allowed = isAdmin(user);
	const [state, setState] = useState({ items: allowed ? null : [], error: allowed ? null : 'forbidden' });
	useEffect(() => {
		if (!allowed) return undefined;
		let live = true;
		api.get('/users', { limit: 500 }).then(
			(r) => { if (live) setState({ items: r.items.filter((u) => !u.disabled && u.role !== 'viewer'), error: null }); },
			(e) => { if (live) setState({ items: [], error: e.status === 403 ? 'forbidden' : e.message }); },
		);
		return () => { live = false; };
	}, [allowed]);
	return state;
}

function UserSelect({ value, onChange, testid, users }) {
	if (users.items === null) return <p class="muted small">Đang tải danh sách cán bộ…</p>;
	if (users.error === 'forbidden' || !users.items.length) {
		return (
			<span class="field-hint">
				Bạn không xem được danh sách cán bộ; người quản trị đơn vị có thể giao người xử lý sau.
			</span>
		);
	}
	return (
		<select class="input" value={value ? String(value) : ''} data-testid={testid}
			onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : '')}>
			<option value="">— Chưa giao —</option>
			{users.items.map((u) => (
				<option key={u.id} value={String(u.id)}>{u.full_name} ({u.username}){u.unit ? ` — ${u.unit.name}` : ''}</option>
			))}
		</select>
	);
}

function optional(body, k, val) {
	if (val !== '' && val !== null && val !== undefined) body[k] = typeof val === 'string' ? val.trim() : val;
	return body;
}

function ForwardTarget({ v, set, id }) {
	return (
		<div class="forward-target">
			<OrgPicker value={v.to_org_id} extra={v.to_org} testid={id}
				onChange={(oid, o) => { set('to_org_id')(oid); set('to_org')(o); set('to_org_text')(''); }} />
			<div class="field">
				<span class="field-hint" id={`${id}-id-hint`}>Cơ quan ngoài phạm vi của bạn: nhập mã số tổ chức (hỏi quản trị hệ thống).</span>
				<input class="input" inputMode="numeric" value={v.to_org_text} placeholder="Mã số tổ chức, ví dụ 12"
					aria-label="Mã số tổ chức nhận đơn" aria-describedby={`${id}-id-hint`} data-testid={`${id}-id`}
					onInput={(e) => { set('to_org_text')(e.currentTarget.value); set('to_org_id')(''); }} />
			</div>
		</div>
	);
}

function actionsFor(p, users) {
	const today = todayDay();
	const day = { name: 'day', label: 'Ngày', type: 'day', required: true };
	const note = { name: 'note', label: 'Ghi chú nội bộ', type: 'textarea', max: 2000 };
	const A = [];
	if (p.status === 'received') {
		A.push({
			id: 'classify', label: p.classification && p.eligibility ? 'Phân loại lại' : 'Phân loại đơn', primary: !p.eligibility,
			title: 'Phân loại, xử lý đơn',
			intro: 'Phân loại theo nội dung, mục đích, yêu cầu của đơn (không theo tiêu đề). Hạn xử lý đơn được tính lại theo phân loại.',
			initial: {
				classification: p.classification || '', eligibility: p.eligibility || (p.anonymous ? 'anonymous_verifiable' : 'eligible'),
				field: p.field || '', level: String(p.level || 1), remote_area: !!p.remote_area,
			},
			fields: [
				{ name: 'classification', label: 'Phân loại theo nội dung', type: 'select', map: CLASSIFICATION_LABELS, empty: '— Chọn —', required: true },
				{
					name: 'eligibility', label: 'Điều kiện xử lý', type: 'select', map: ELIGIBILITY_LABELS, required: true,
					codes: () => Object.keys(ELIGIBILITY_LABELS).filter((k) => k.startsWith('anonymous_') === !!p.anonymous),
				},
				{ name: 'field', label: 'Lĩnh vực', type: 'field', required: true },
				{ name: 'level', label: 'Khiếu nại lần', type: 'select', map: LEVEL_LABELS, show: (v) => v.classification === 'complaint' },
				{ name: 'remote_area', label: 'Vùng sâu, vùng xa, đi lại khó khăn', type: 'check' },
			],
			submit: 'Lưu phân loại',
			build: (v) => ({
				classification: v.classification, eligibility: v.eligibility, field: v.field,
				level: v.classification === 'complaint' ? Number(v.level) : 1, remote_area: !!v.remote_area,
			}),
		});
		const acceptable = p.classification && (p.eligibility === 'eligible' || p.eligibility === 'anonymous_verifiable');
		A.push({
			id: 'accept', label: 'Thụ lý', primary: !!acceptable, disabled: !acceptable,
			why: acceptable ? null : 'Cần phân loại đơn là đủ điều kiện xử lý trước khi thụ lý.',
			title: 'Thụ lý giải quyết',
			intro: 'Thời hạn giải quyết bắt đầu từ ngày thụ lý, theo mức độ phức tạp của vụ việc.',
			initial: { day: today, complexity: 'normal', assigned_user_id: p.assigned_user ? p.assigned_user.id : '', note: '' },
			fields: [
				day,
				{ name: 'complexity', label: 'Mức độ phức tạp', type: 'select', map: COMPLEXITY_LABELS },
				{
					name: 'assigned_user_id', label: 'Giao người xử lý', type: 'render',
					render: (v, set, id) => <UserSelect value={v.assigned_user_id} onChange={set('assigned_user_id')} testid={id} users={users} />,
				},
				note,
			],
			submit: 'Thụ lý',
			build: (v) => {
				const b = { day: v.day, complexity: v.complexity };
				// docs/API.md names it assigned_user_id; the server binds user_id (as /assign does).
				if (v.assigned_user_id) b.user_id = Number(v.assigned_user_id);
				return optional(b, 'note', v.note);
			},
		});
		A.push({
			id: 'return', label: 'Trả lại, hướng dẫn', title: 'Trả lại đơn và hướng dẫn',
			initial: { day: today, note: '', public_note: '' },
			fields: [
				day,
				{ name: 'note', label: 'Lý do, nội dung hướng dẫn', type: 'textarea', max: 2000, required: true, wide: true },
				{ name: 'public_note', label: 'Thông báo cho công dân (hiện trên trang tra cứu)', type: 'textarea', max: 2000, wide: true },
			],
			submit: 'Trả lại đơn',
			build: (v) => optional({ day: v.day, note: v.note.trim() }, 'public_note', v.public_note),
		});
		A.push({
			id: 'forward', label: 'Chuyển đơn', title: 'Chuyển đơn đến cơ quan có thẩm quyền',
			intro: 'Đơn được tạo tại cơ quan nhận (trong danh sách đơn của cơ quan đó); kết quả giải quyết được báo lại cho đơn này.',
			initial: { day: today, to_org_id: '', to_org: null, to_org_text: '', note: '' },
			fields: [
				day,
				{ name: 'to_org_id', label: 'Cơ quan nhận đơn chuyển', type: 'render', wide: true, render: (v, set, id) => <ForwardTarget v={v} set={set} id={id} /> },
				note,
			],
			submit: 'Chuyển đơn',
			build: (v) => {
				let to = v.to_org_id;
				if (!to) {
					const t = String(v.to_org_text || '').trim();
					if (!/^\d+$/.test(t)) throw { field: 'to_org_id', message: 'Vui lòng chọn cơ quan nhận, hoặc nhập mã số tổ chức.' };
					to = Number(t);
				}
				return optional({ day: v.day, to_org_id: Number(to) }, 'note', v.note);
			},
		});
		A.push({
			id: 'attach', label: 'Gộp vào hồ sơ', title: 'Gộp vào hồ sơ đang giải quyết',
			intro: 'Đơn trùng người gửi, trùng nội dung với vụ việc đang giải quyết thì gộp vào hồ sơ đó.',
			initial: { day: today, to: '' },
			fields: [
				day,
				{ name: 'to', label: 'Số hồ sơ đang giải quyết (số trong địa chỉ trang đơn)', type: 'number', required: true },
			],
			submit: 'Gộp đơn',
			build: (v) => {
				if (!/^\d+$/.test(String(v.to).trim())) throw { field: 'to', message: 'Số hồ sơ là một số nguyên.' };
				return { to: Number(v.to), day: v.day };
			},
		});
		A.push({
			id: 'archive', label: 'Lưu đơn', title: 'Lưu đơn',
			initial: { day: today, note: '' },
			fields: [day, { name: 'note', label: 'Lý do lưu đơn', type: 'textarea', max: 2000, required: true, wide: true }],
			submit: 'Lưu đơn',
			build: (v) => ({ day: v.day, note: v.note.trim() }),
		});
	}
	if (inProgress(p.status)) {
		A.push({
			id: 'resolve', label: 'Ghi kết quả giải quyết', primary: true, title: 'Kết quả giải quyết',
			initial: { day: today, result: '', public_note: '' },
			fields: [
				day,
				{ name: 'result', label: 'Kết quả giải quyết', type: 'textarea', max: 10000, required: true, wide: true },
				{
					name: 'public_note', label: 'Thông báo công khai cho công dân', type: 'textarea', max: 2000, wide: true,
					hint: 'Hiện trên trang tra cứu của công dân. Không ghi thông tin cá nhân.',
				},
			],
			submit: 'Lưu kết quả',
			build: (v) => optional({ day: v.day, result: v.result.trim() }, 'public_note', v.public_note),
		});
		A.push({
			id: 'progress', label: 'Xác minh / đối thoại', title: 'Cập nhật tiến độ',
			initial: { status: p.status === 'verifying' ? 'dialogue' : 'verifying', day: today, note: '' },
			fields: [
				{ name: 'status', label: 'Bước', type: 'select', map: { verifying: 'Đang xác minh', dialogue: 'Đang đối thoại' } },
				day, note,
			],
			submit: 'Cập nhật',
			build: (v) => optional({ status: v.status, day: v.day }, 'note', v.note),
		});
		A.push({
			id: 'extend', label: 'Gia hạn', title: 'Gia hạn giải quyết',
			intro: 'Gia hạn nâng mức độ phức tạp lên một bậc và tính lại hạn giải quyết; có quy định không cho gia hạn.',
			initial: { day: today, decision: '', note: '' },
			fields: [
				day,
				{ name: 'decision', label: 'Quyết định gia hạn (số, ngày)', max: 200, required: true },
				note,
			],
			submit: 'Gia hạn',
			build: (v) => optional({ day: v.day, decision: v.decision.trim() }, 'note', v.note),
		});
	}
	if (isOpen(p.status)) {
		A.push({
			id: 'withdraw', label: 'Rút đơn', danger: true, title: 'Người gửi rút đơn',
			initial: { day: today, note: '' },
			fields: [day, note],
			submit: 'Ghi nhận rút đơn',
			build: (v) => optional({ day: v.day }, 'note', v.note),
		});
		if (users.items && users.items.length) A.push({
			id: 'assign', label: 'Giao người xử lý', title: 'Giao người xử lý',
			initial: { user_id: p.assigned_user ? p.assigned_user.id : '' },
			fields: [{
				name: 'user_id', label: 'Cán bộ xử lý', type: 'render', required: true,
				render: (v, set, id) => <UserSelect value={v.user_id} onChange={set('user_id')} testid={id} users={users} />,
			}],
			submit: 'Giao',
			build: (v) => ({ user_id: Number(v.user_id) }),
		});
	}
	A.push({
		id: 'mass-case', label: p.mass_case ? 'Vụ việc đông người…' : 'Đánh dấu đông người, phức tạp', title: 'Vụ việc đông người, phức tạp, kéo dài',
		intro: 'Theo dõi cho đến khi giải quyết dứt điểm.',
		initial: { mass_case: true, settled_day: p.mass_settled_day || '' },
		fields: [
			{ name: 'mass_case', label: 'Là vụ việc đông người, phức tạp, kéo dài', type: 'check' },
			{ name: 'settled_day', label: 'Ngày giải quyết dứt điểm (nếu đã xong)', type: 'day', show: (v) => v.mass_case },
		],
		submit: 'Lưu',
		build: (v) => (v.mass_case && v.settled_day ? { mass_case: true, settled_day: v.settled_day } : { mass_case: !!v.mass_case }),
	});
	return A;
}

/* ---------------------------------------------------------------------- */
/* Identity, attachments, timeline                                          */

function IdentityBox({ id }) {
	const [state, setState] = useState(null);
	async function load() {
		setState({ loading: true });
		try {
			const r = await api.get(`/petitions/${id}/identity`);
			setState({ identity: r.identity });
		} catch (e) {
			setState({ error: e });
		}
	}
	if (!state) {
		return (
			<button type="button" class="btn btn-small" data-testid="identity-button" onClick={load}>
				Xem danh tính người tố cáo
			</button>
		);
	}
	if (state.loading) return <span class="muted small">Đang tải…</span>;
	if (state.error) {
		const restricted = state.error.code === 'identity_restricted' || state.error.status === 403;
		return (
			<div class="alert alert-info identity-denied" role="status" data-testid="identity-denied">
				{restricted ? (
					<>
						<strong class="block">Không được xem danh tính người tố cáo.</strong>
						{state.error.message && state.error.code === 'identity_restricted'
							? state.error.message
							: 'Chỉ cán bộ được giao xử lý và lãnh đạo cơ quan có thẩm quyền mới được xem.'}
					</>
				) : state.error.message}
			</div>
		);
	}
	const who = state.identity || {};
	return (
		<div class="identity-box" data-testid="identity-box">
			<p class="small muted">Thông tin bảo mật — lần xem này đã được ghi nhật ký.</p>
			<dl class="deflist">
				<dt>Họ và tên</dt><dd>{who.name || '—'}</dd>
				<dt>Địa chỉ</dt><dd>{who.address || '—'}</dd>
				<dt>Số CCCD</dt><dd>{who.id_number || '—'}</dd>
				<dt>Điện thoại</dt><dd>{who.phone || '—'}</dd>
			</dl>
			<button type="button" class="btn btn-small" onClick={() => setState(null)}>Ẩn</button>
		</div>
	);
}

function Timeline({ events }) {
	if (!events.length) return <p class="muted small">Chưa có sự kiện nào.</p>;
	return (
		<ol class="timeline" data-testid="timeline">
			{events.map((e) => (
				<li key={e.id} data-testid={`event-${e.id}`}>
					<div class="timeline-head">
						<strong>{label(EVENT_KIND_LABELS, e.kind)}</strong>
						<span class="muted small"> · {formatDay(e.day)}</span>
						{e.status ? <span class="small"> · {label(STATUS_LABELS, e.status)}</span> : null}
					</div>
					{e.note ? <p class="pre small timeline-note">{e.note}</p> : null}
					{e.public_note ? <p class="small timeline-public">Công khai: {e.public_note}</p> : null}
					<p class="muted small timeline-meta">
						{e.actor_name ? `${e.actor_name} · ` : ''}ghi lúc {formatDateTime(e.at)}
					</p>
				</li>
			))}
		</ol>
	);
}

/* ---------------------------------------------------------------------- */
/* Detail                                                                   */

function DueRow({ title, day, rule, active, testid }) {
	if (!day) return null;
	return (
		<>
			<dt>{title}</dt>
			<dd data-testid={testid}>
				{formatDay(day)}
				{active ? <> — <DueText day={day} testid={`${testid}-left`} /></> : null}
				{rule ? <span class="muted small"> (theo {rule})</span> : null}
			</dd>
		</>
	);
}

export function PetitionPage({ user, params }) {
	const loaded = useLoader(() => api.get(`/petitions/${params.id}`), [params.id]);
	const fields = usePetitionFields();
	const [action, setAction] = useState(null);
	const [message, setMessage] = useState(null);
	const writer = canWrite(user);
	const users = useAssignees(user);
	const data = loaded.data;
	usePageTitle(data ? `Đơn ${data.petition.tracking_code}` : 'Đơn thư');

	if (!data) {
		return (
			<section class="page">
				<p><a href="#/petitions">‹ Danh sách đơn</a></p>
				<h1>Đơn thư</h1>
				{loaded.error ? <Alert kind="error" testid="petition-error">{loaded.error.message}</Alert> : <p class="muted">Đang tải…</p>}
			</section>
		);
	}
	const { petition: p, events = [], attachments = [] } = data;
	const actions = writer ? actionsFor(p, users) : [];
	const current = actions.find((a) => a.id === action);

	return (
		<section class="page">
			<p><a href="#/petitions">‹ Danh sách đơn</a></p>
			<div class="page-head">
				<h1>
					Đơn <span class="mono" data-testid="petition-code">{p.tracking_code}</span>{' '}
					<StatusBadge status={p.status} testid="petition-status" />
				</h1>
			</div>
			<p class="lead" data-testid="petition-subject">{p.subject}</p>
			<Alert kind="success" testid="petition-message">{message}</Alert>

			{writer && actions.length ? (
				<div class="card actions-card no-print" data-testid="petition-actions">
					<h2>Xử lý đơn</h2>
					<div class="action-buttons">
						{actions.map((a) => (
							<button key={a.id} type="button"
								class={`btn${a.primary ? ' btn-primary' : ''}${a.danger ? ' btn-danger-outline' : ''}${action === a.id ? ' is-pressed' : ''}`}
								aria-pressed={String(action === a.id)}
								disabled={a.disabled}
								title={a.why || undefined}
								data-testid={`action-${a.id}`}
								onClick={() => { setAction(action === a.id ? null : a.id); setMessage(null); }}>
								{a.label}
							</button>
						))}
					</div>
					{actions.some((a) => a.disabled && a.why) ? (
						<p class="muted small">{actions.filter((a) => a.disabled && a.why).map((a) => a.why).join(' ')}</p>
					) : null}
					{current ? (
						<ActionForm
							key={current.id}
							testid={`form-${current.id}`}
							title={current.title}
							intro={current.intro}
							fields={current.fields}
							initial={current.initial}
							submitLabel={current.submit}
							build={current.build}
							path={`/petitions/${p.id}/${current.id}`}
							onCancel={() => setAction(null)}
							onDone={() => {
								setAction(null);
								setMessage(`Đã cập nhật: ${current.title.toLowerCase()}.`);
								loaded.reload();
							}}
						/>
					) : null}
				</div>
			) : null}

			<div class="grid-2">
				<div class="card">
					<h2>Thông tin đơn</h2>
					<dl class="deflist" data-testid="petition-info">
						<dt>Mã tra cứu</dt><dd class="mono">{p.tracking_code}</dd>
						<dt>Cơ quan nhận</dt><dd>{p.org ? p.org.name : ''}{p.unit ? <span class="muted small block">{p.unit.name}</span> : null}</dd>
						<dt>Nguồn đơn</dt><dd>{label(SOURCE_LABELS, p.source)}</dd>
						<dt>Ngày nhận</dt><dd>{formatDay(p.received_day)}</dd>
						<dt>Người gửi</dt>
						<dd data-testid="petition-petitioner">
							{p.anonymous ? <span class="muted">Nặc danh</span> : p.identity_protected ? (
								<>
									<span class="protected block">Danh tính được giữ bí mật</span>
									<IdentityBox id={p.id} />
								</>
							) : p.petitioner ? (
								<>
									<strong>{p.petitioner.name}</strong>
									{p.petitioner.address ? <span class="block">{p.petitioner.address}</span> : null}
									{p.petitioner.id_number ? <span class="muted small block">Số CCCD: {p.petitioner.id_number}</span> : null}
									{p.petitioner.phone ? <span class="muted small block">Điện thoại: {p.petitioner.phone}</span> : null}
								</>
							) : '—'}
						</dd>
						<dt>Số người</dt><dd>{formatNumber(p.persons)}</dd>
						<dt>Phân loại</dt><dd><ClassificationText code={p.classification} />{p.classification === 'complaint' && p.level ? ` — ${label(LEVEL_LABELS, p.level).toLowerCase()}` : ''}</dd>
						<dt>Điều kiện xử lý</dt><dd>{p.eligibility ? label(ELIGIBILITY_LABELS, p.eligibility) : <span class="muted">Chưa xét</span>}</dd>
						<dt>Lĩnh vực</dt><dd>{p.field ? fieldName(fields, p.field) : <span class="muted">Chưa chọn</span>}</dd>
						<dt>Hướng xử lý</dt><dd>{p.direction ? label(PETITION_DIRECTION_LABELS, p.direction) : <span class="muted">Chưa có</span>}</dd>
						<dt>Mức độ</dt><dd>{label(COMPLEXITY_LABELS, p.complexity || 'normal')}{p.remote_area ? '; vùng sâu, vùng xa' : ''}</dd>
						<dt>Người xử lý</dt><dd>{p.assigned_user ? p.assigned_user.full_name : <span class="muted">Chưa giao</span>}</dd>
						{p.mass_case ? (
							<>
								<dt>Vụ việc</dt>
								<dd><span class="badge badge-mass">Đông người, phức tạp, kéo dài</span>
									{p.mass_settled_day ? ` — giải quyết dứt điểm ngày ${formatDay(p.mass_settled_day)}` : ' — đang theo dõi'}</dd>
							</>
						) : null}
						{p.forwarded_from ? <><dt>Chuyển đến từ</dt><dd><a href={`#/petitions/${p.forwarded_from}`}>Hồ sơ số {p.forwarded_from}</a></dd></> : null}
						{p.forwarded_to ? <><dt>Đã chuyển tới</dt><dd><a href={`#/petitions/${p.forwarded_to}`} data-testid="petition-forwarded-to">Hồ sơ số {p.forwarded_to}</a></dd></> : null}
						{p.duplicate_of ? <><dt>Gộp vào hồ sơ</dt><dd><a href={`#/petitions/${p.duplicate_of}`}>Hồ sơ số {p.duplicate_of}</a></dd></> : null}
						{p.repeat_count ? <><dt>Đơn trùng</dt><dd>{formatNumber(p.repeat_count)} đơn đã gộp vào hồ sơ này</dd></> : null}
						{p.visit_id ? <><dt>Từ lượt tiếp</dt><dd>Lượt tiếp số {p.visit_id}</dd></> : null}
					</dl>
				</div>
				<div>
					<div class="card">
						<h2>Thời hạn</h2>
						<dl class="deflist" data-testid="petition-deadlines">
							<DueRow title="Hạn xử lý đơn" day={p.handling_due} rule={p.handling_rule} active={p.status === 'received'}
								testid="handling-due" />
							<DueRow title="Hạn giải quyết" day={p.resolution_due} rule={p.resolution_rule} active={inProgress(p.status)}
								testid="resolution-due" />
							{p.extensions ? <><dt>Gia hạn</dt><dd>{formatNumber(p.extensions)} lần</dd></> : null}
							{p.resolved_day ? (
								<>
									<dt>Ngày có kết quả</dt>
									<dd data-testid="resolved-day">
										{formatDay(p.resolved_day)}
										{p.on_time === true ? <span class="due due-ok"> — đúng hạn</span> : p.on_time === false ? <span class="due due-late"> — quá hạn</span> : null}
									</dd>
								</>
							) : null}
							{!p.handling_due && !p.resolution_due && !p.resolved_day ? <dd class="muted">Chưa có thời hạn (cần phân loại đơn).</dd> : null}
						</dl>
					</div>
					{p.result ? (
						<div class="card">
							<h2>Kết quả giải quyết</h2>
							<p class="pre" data-testid="petition-result">{p.result}</p>
						</div>
					) : null}
				</div>
			</div>

			<div class="card">
				<h2>Nội dung đơn</h2>
				<p class="pre" data-testid="petition-content">{p.content}</p>
			</div>

			<div class="grid-2">
				<div class="card">
					<h2>Quá trình xử lý</h2>
					<Timeline events={events} />
				</div>
				<Attachments uploadPath={`/petitions/${p.id}/attachments`} downloadPath={(id) => `/attachments/${id}`}
					items={attachments} writer={writer} onUploaded={loaded.reload} />
			</div>
		</section>
	);
}
