// Citizen reception (tiếp công dân): sessions and their visits, the register
// (sổ tiếp công dân, Mẫu 03 of TT 04/2021) with printing and XLSX export,
// and leaders' periodic reception schedules with their compliance.
import { useEffect, useState } from 'preact/hooks';
import { withLinkFilters } from '../linkFilters.js';
import { api, apiUrl, download } from '../api.js';
import { formatDateTime, formatDay, formatNumber, formatRate, navigate, todayDay } from '../format.js';
import {
	CLASSIFICATION_LABELS, DIRECTION_LABELS, DIRECTION_SHORT, DUTY_PER_LABELS, DUTY_RULE_LABELS,
	RULE_STATUS_LABELS, SESSION_KIND_LABELS, WEEKDAY_LABELS, label, patternLabel,
} from '../labels.js';
import { Pager } from '../components/Pager.jsx';
import { UnitField } from '../components/UnitPicker.jsx';
import { Alert, ConfirmButton, Field, fieldError, useLoader, usePageTitle } from '../components/ui.jsx';
import {
	DayField, MapSelect, OrgPicker, PeriodPicker, TabLinks, defaultPeriod, fieldName, FieldSelect,
	periodString, usePetitionFields,
} from '../components/forms.jsx';

const LIMIT = 20;

const TABS = [
	{ id: 'sessions', href: '#/reception', label: 'Buổi tiếp công dân' },
	{ id: 'register', href: '#/reception/register', label: 'Sổ tiếp công dân' },
	{ id: 'schedules', href: '#/reception/schedules', label: 'Lịch tiếp của lãnh đạo' },
];

export const canWrite = (user) => !!user && user.role !== 'viewer';
const defaultStructure = (user) => (user.unit ? Number(user.unit.structure) : 2025);
const unitParams = (unit) => (unit ? { structure: unit.structure, unit: unit.code } : {});

/** Weekday of a "YYYY-MM-DD" day: "Thứ Tư". */
function weekday(day) {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || '');
	if (!m) return '';
	const w = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
	return WEEKDAY_LABELS[w === 0 ? 7 : w];
}

/** A positive whole number typed in an input, or null. */
function intOrNull(text) {
	const s = String(text).trim();
	return /^\d+$/.test(s) ? Number(s) : null;
}

/* ---------------------------------------------------------------------- */
/* Sessions list                                                           */

let sessionFilters = { unit: null, kind: '', from: '', to: '', offset: 0 };

export function SessionsPage({ user, query }) {
	usePageTitle('Tiếp công dân');
	const [f, setF] = useState(() => withLinkFilters(query, sessionFilters));
	useEffect(() => { sessionFilters = f; }, [f]);
	const set = (k) => (v) => setF((x) => ({ ...x, [k]: v, offset: 0 }));
	const datesOk = f.from !== null && f.to !== null;

	const list = useLoader(() => (datesOk
		? api.get('/reception/sessions', {
			...unitParams(f.unit), kind: f.kind, from: f.from, to: f.to, limit: LIMIT, offset: f.offset,
		})
		: Promise.resolve(null)),
	[f.unit && f.unit.structure, f.unit && f.unit.code, f.kind, f.from, f.to, f.offset]);
	const data = list.data;

	return (
		<section class="page">
			<div class="page-head">
				<h1>Tiếp công dân</h1>
				{canWrite(user) ? (
					<a class="btn btn-primary" href="#/reception/new" data-testid="session-new-button">+ Thêm buổi tiếp</a>
				) : null}
			</div>
			<TabLinks items={TABS} current="sessions" testid="reception-tabs" />

			<div class="card filters" data-testid="session-filters">
				<UnitField
					label="Đơn vị (gồm cả đơn vị trực thuộc)"
					value={f.unit}
					onChange={set('unit')}
					testid="session-filter-unit"
					defaultStructure={defaultStructure(user)}
				/>
				<Field label="Loại buổi tiếp">
					<MapSelect map={SESSION_KIND_LABELS} value={f.kind} onChange={set('kind')} empty="Tất cả"
						testid="session-filter-kind" />
				</Field>
				<DayField label="Từ ngày" value={f.from} onChange={set('from')} testid="session-filter-from" />
				<DayField label="Đến ngày" value={f.to} onChange={set('to')} testid="session-filter-to" />
			</div>

			{list.error ? <Alert kind="error" testid="session-list-error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách buổi tiếp công dân">
				<table class="table" data-testid="session-table">
					<thead>
						<tr>
							<th>Ngày tiếp</th>
							<th>Loại</th>
							<th>Cơ quan, tổ chức tiếp</th>
							<th>Địa điểm</th>
							<th>Người chủ trì</th>
							<th class="num">Lượt tiếp</th>
							<th class="num">Số người</th>
						</tr>
					</thead>
					<tbody>
						{data && data.items.map((s) => (
							<tr key={s.id} data-testid={`session-row-${s.id}`}>
								<td class="nowrap">
									<a href={`#/reception/sessions/${s.id}`} data-testid={`session-link-${s.id}`}>
										{formatDay(s.day)}
									</a>
									<span class="muted small block">{weekday(s.day)}</span>
								</td>
								<td>{label(SESSION_KIND_LABELS, s.kind)}{s.delegated ? <span class="muted small block">Cấp phó tiếp thay</span> : null}</td>
								<td>
									{s.org ? s.org.name : ''}
									{s.unit ? <span class="muted small block">{s.unit.name}</span> : null}
								</td>
								<td>{s.place}</td>
								<td>{s.host_name}</td>
								<td class="num">{formatNumber(s.visits)}</td>
								<td class="num">{formatNumber(s.persons)}</td>
							</tr>
						))}
						{data && data.items.length === 0 ? (
							<tr><td colSpan={7} class="empty">Chưa có buổi tiếp công dân nào.</td></tr>
						) : null}
						{!data && list.loading ? <tr><td colSpan={7} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? (
				<Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF((x) => ({ ...x, offset: o }))}
					testid="session-pager" noun="buổi tiếp" exportSpec={{
						path: '/reception/sessions', query: { ...unitParams(f.unit), kind: f.kind, from: f.from, to: f.to },
						title: 'Danh sách buổi tiếp công dân', filename: 'tiep-cong-dan',
						columns: [
							{ key: 'day', label: 'Ngày tiếp' },
							{ key: 'kind', label: 'Loại', values: SESSION_KIND_LABELS },
							{ key: 'delegated', label: 'Cấp phó tiếp thay' },
							{ key: 'org.name', label: 'Cơ quan, tổ chức tiếp' },
							{ key: 'unit.name', label: 'Đơn vị' },
							{ key: 'place', label: 'Địa điểm' },
							{ key: 'host_name', label: 'Người chủ trì' },
							{ key: 'visits', label: 'Lượt tiếp' },
							{ key: 'persons', label: 'Số người' },
						],
					}} />
			) : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Create / edit a session                                                 */

function ScheduleSelect({ orgId, value, onChange, error }) {
	const list = useLoader(() => (orgId
		? api.get('/reception/schedules', { org: orgId, limit: 500 })
		: Promise.resolve({ items: [] })), [orgId]);
	const items = (list.data && list.data.items) || [];
	return (
		<Field label="Lịch tiếp định kỳ" required error={error || (list.error ? list.error.message : null)}
			hint={orgId ? (items.length ? null : 'Tổ chức này chưa có lịch tiếp định kỳ: hãy tạo ở mục “Lịch tiếp của lãnh đạo”.') : 'Chọn tổ chức trước.'}>
			<select class="input" value={value ? String(value) : ''} data-testid="session-schedule"
				onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : '')}>
				<option value="">— Chọn lịch —</option>
				{items.map((s) => (
					<option key={s.id} value={String(s.id)}>
						{s.leader_name}{s.leader_title ? `, ${s.leader_title}` : ''} — {patternLabel(s.pattern)}
					</option>
				))}
			</select>
		</Field>
	);
}

export function SessionFormPage({ user, params }) {
	const editing = !!params.id;
	usePageTitle(editing ? 'Sửa buổi tiếp công dân' : 'Thêm buổi tiếp công dân');
	const loaded = useLoader(() => (editing ? api.get(`/reception/sessions/${params.id}`) : Promise.resolve(null)), [params.id]);
	const s = loaded.data && loaded.data.session;

	if (!canWrite(user)) {
		return (
			<section class="page">
				<h1>Buổi tiếp công dân</h1>
				<Alert kind="error" testid="forbidden">Vai trò “Xem báo cáo” không ghi nhận buổi tiếp công dân.</Alert>
			</section>
		);
	}
	if (editing && !s) {
		return (
			<section class="page">
				<h1>Sửa buổi tiếp công dân</h1>
				{loaded.error ? <Alert kind="error">{loaded.error.message}</Alert> : <p class="muted">Đang tải…</p>}
			</section>
		);
	}
	return <SessionForm key={s ? s.id : 'new'} session={s} />;
}

function SessionForm({ session }) {
	const editing = !!session;
	const [org, setOrg] = useState(session ? session.org.id : '');
	const [orgObj, setOrgObj] = useState(session ? session.org : null);
	const [kind, setKind] = useState(session ? session.kind : 'regular');
	const [day, setDay] = useState(session ? session.day : todayDay());
	const [place, setPlace] = useState(session ? session.place : '');
	const [host, setHost] = useState(session ? session.host_name : '');
	const [schedule, setSchedule] = useState(session && session.schedule_id ? session.schedule_id : '');
	const [delegated, setDelegated] = useState(session ? !!session.delegated : false);
	const [note, setNote] = useState(session && session.note ? session.note : '');
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);

	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn cơ quan, tổ chức tiếp công dân.' });
		if (day === null) return setError({ field: 'day', message: 'Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.' });
		if (!day) return setError({ field: 'day', message: 'Vui lòng nhập ngày tiếp (dd/mm/yyyy).' });
		if (!place.trim()) return setError({ field: 'place', message: 'Vui lòng nhập địa điểm tiếp.' });
		if (!host.trim()) return setError({ field: 'host_name', message: 'Vui lòng nhập người chủ trì.' });
		if (kind === 'periodic' && !schedule) {
			return setError({ field: 'schedule_id', message: 'Buổi tiếp định kỳ cần chọn lịch tiếp của lãnh đạo.' });
		}
		const body = {
			kind, day, place: place.trim(), host_name: host.trim(), delegated,
		};
		if (kind === 'periodic') body.schedule_id = Number(schedule);
		if (note.trim() || editing) body.note = note.trim();
		setBusy(true);
		try {
			let r;
			if (editing) {
				const patch = {};
				for (const [k, v] of Object.entries(body)) {
					const old = session[k] === null || session[k] === undefined ? (k === 'note' ? '' : session[k]) : session[k];
					if (v !== old) patch[k] = v;
				}
				r = Object.keys(patch).length ? await api.patch(`/reception/sessions/${session.id}`, patch) : { session };
			} else {
				r = await api.post('/reception/sessions', { org_id: Number(org), ...body });
			}
			navigate(`/reception/sessions/${r.session.id}`);
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
		}
	}

	const fields = ['org_id', 'kind', 'day', 'place', 'host_name', 'schedule_id', 'note'];
	const general = error && !fields.includes(error.field) ? error.message : null;
	return (
		<section class="page">
			<p class="no-print"><a href={editing ? `#/reception/sessions/${session.id}` : '#/reception'}>‹ Quay lại</a></p>
			<form class="card form-card" onSubmit={submit} noValidate data-testid="session-form">
				<h1>{editing ? 'Sửa buổi tiếp công dân' : 'Thêm buổi tiếp công dân'}</h1>
				<Alert kind="error" testid="session-form-error">{general}</Alert>
				<div class="form-grid">
					<Field label="Cơ quan, tổ chức tiếp công dân" required wide error={fieldError(error, 'org_id')}
						hint={editing ? 'Không đổi được tổ chức của buổi tiếp đã ghi.' : null}>
						<OrgPicker value={org} extra={orgObj} disabled={editing} testid="session-org"
							onChange={(v, o) => { setOrg(v); setOrgObj(o); setSchedule(''); }} />
					</Field>
					<Field label="Loại buổi tiếp" required error={fieldError(error, 'kind')}>
						<MapSelect map={SESSION_KIND_LABELS} value={kind} onChange={setKind} testid="session-kind" />
					</Field>
					<DayField label="Ngày tiếp" value={day} onChange={setDay} required testid="session-day"
						error={fieldError(error, 'day')} />
					<Field label="Địa điểm" required error={fieldError(error, 'place')}>
						<input class="input" maxLength={200} value={place} data-testid="session-place"
							placeholder="Ví dụ: Trụ sở tiếp công dân xã"
							onInput={(e) => setPlace(e.currentTarget.value)} />
					</Field>
					<Field label="Người chủ trì" required error={fieldError(error, 'host_name')}>
						<input class="input" maxLength={200} value={host} data-testid="session-host"
							placeholder="Họ tên, chức vụ"
							onInput={(e) => setHost(e.currentTarget.value)} />
					</Field>
					{kind === 'periodic' ? (
						<ScheduleSelect orgId={org} value={schedule} onChange={setSchedule} error={fieldError(error, 'schedule_id')} />
					) : null}
					<label class="check field-wide">
						<input type="checkbox" checked={delegated} data-testid="session-delegated"
							onChange={(e) => setDelegated(e.currentTarget.checked)} />
						<span>Cấp phó tiếp thay (được ủy quyền)</span>
					</label>
					<Field label="Ghi chú" wide error={fieldError(error, 'note')}>
						<textarea class="input" rows={3} maxLength={2000} value={note} data-testid="session-note"
							onInput={(e) => setNote(e.currentTarget.value)} />
					</Field>
				</div>
				<div class="form-actions">
					<button type="submit" class="btn btn-primary" disabled={busy} data-testid="session-submit">
						{busy ? 'Đang lưu…' : editing ? 'Lưu thay đổi' : 'Thêm buổi tiếp'}
					</button>
					<a class="btn" href={editing ? `#/reception/sessions/${session.id}` : '#/reception'}>Huỷ</a>
				</div>
			</form>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Session detail, visits                                                   */

function Citizen({ v }) {
	if (v.identity_protected) {
		return <span class="protected" data-testid={`visit-protected-${v.id}`}>Danh tính được giữ bí mật</span>;
	}
	return (
		<>
			<strong>{v.citizen_name}</strong>
			{v.citizen_address ? <span class="small block">{v.citizen_address}</span> : null}
			{v.citizen_id_number ? <span class="muted small block">CCCD: {v.citizen_id_number}</span> : null}
		</>
	);
}

const VISIT_FIELDS = ['citizen_name', 'citizen_address', 'citizen_id_number', 'persons', 'representatives', 'content',
	'classification', 'field', 'prior_handler', 'direction', 'forwarded_to', 'follow_up', 'note', 'refused',
	'refusal_reason'];

function VisitForm({ sessionId, visit, onSaved, onCancel }) {
	const editing = !!visit;
	const protectedId = editing && visit.identity_protected;
	const init = (k, d = '') => (visit && visit[k] !== null && visit[k] !== undefined ? visit[k] : d);
	const [v, setV] = useState({
		citizen_name: init('citizen_name'),
		citizen_address: init('citizen_address'),
		citizen_id_number: init('citizen_id_number'),
		persons: String(init('persons', 1)),
		representatives: String(init('representatives', 0)),
		content: init('content'),
		classification: init('classification'),
		field: init('field'),
		prior_handler: init('prior_handler'),
		direction: init('direction', 'accept'),
		forwarded_to: init('forwarded_to'),
		follow_up: init('follow_up'),
		note: init('note'),
		refused: !!init('refused', false),
		refusal_reason: init('refusal_reason'),
	});
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const set = (k) => (e) => {
		const val = e && e.currentTarget ? (e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value) : e;
		setV((x) => ({ ...x, [k]: val }));
	};
	const persons = intOrNull(v.persons);
	const reps = intOrNull(v.representatives);

	async function submit(e) {
		e.preventDefault();
		setError(null);
		const need = (k, msg) => (!String(v[k]).trim() ? { field: k, message: msg } : null);
		const err = (!protectedId && (need('citizen_name', 'Vui lòng nhập họ tên công dân.')
				|| need('citizen_address', 'Vui lòng nhập địa chỉ của công dân.')))
			|| (persons === null || persons < 1 || persons > 10000 ? { field: 'persons', message: 'Số người từ 1 đến 10.000.' } : null)
			|| (reps === null || reps > 5 ? { field: 'representatives', message: 'Đoàn đông người cử không quá 5 người đại diện.' } : null)
			|| need('content', 'Vui lòng nhập nội dung vụ việc.')
			|| need('classification', 'Vui lòng chọn phân loại theo nội dung.')
			|| need('field', 'Vui lòng chọn lĩnh vực.')
			|| need('direction', 'Vui lòng chọn hướng xử lý.')
			|| (v.refused ? need('refusal_reason', 'Vui lòng ghi lý do từ chối tiếp.') : null);
		if (err) return setError(err);
		const body = {};
		for (const k of VISIT_FIELDS) {
			let val = v[k];
			if (k === 'persons') val = persons;
			else if (k === 'representatives') val = reps;
			else if (typeof val === 'string') val = val.trim();
			if (protectedId && k.startsWith('citizen_')) continue;
			if (k === 'forwarded_to' && v.direction !== 'forward' && !editing) continue;
			if (k === 'refusal_reason' && !v.refused && !editing) continue;
			if (editing) {
				const old = visit[k] === null || visit[k] === undefined ? (typeof val === 'string' ? '' : visit[k]) : visit[k];
				if (val === old || (k === 'refused' && !!old === val)) continue;
			} else if (val === '' || (k === 'representatives' && val === 0) || (k === 'refused' && !val)) {
				continue;
			}
			body[k] = val;
		}
		setBusy(true);
		try {
			const r = editing
				? (Object.keys(body).length ? await api.patch(`/reception/visits/${visit.id}`, body) : { visit })
				: await api.post(`/reception/sessions/${sessionId}/visits`, body);
			onSaved(r.visit, editing);
		} catch (ex) {
			setError(ex);
		} finally {
			setBusy(false);
		}
	}

	const shown = VISIT_FIELDS.filter((k) => !(protectedId && k.startsWith('citizen_'))
		&& !(k === 'forwarded_to' && v.direction !== 'forward') && !(k === 'refusal_reason' && !v.refused));
	const general = error && !shown.includes(error.field) ? error.message : null;
	const fe = (k) => fieldError(error, k);
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="visit-form">
			<h2>{editing ? 'Sửa lượt tiếp' : 'Thêm lượt tiếp công dân'}</h2>
			<Alert kind="error" testid="visit-form-error">{general}</Alert>
			<fieldset class="fieldset">
				<legend>Công dân</legend>
				{protectedId ? (
					<p class="protected">Danh tính được giữ bí mật (người tố cáo) — không hiển thị, không sửa ở đây.</p>
				) : (
					<div class="form-grid">
						<Field label="Họ và tên" required error={fe('citizen_name')}>
							<input class="input" maxLength={200} value={v.citizen_name} data-testid="visit-name"
								autocomplete="off" onInput={set('citizen_name')} />
						</Field>
						<Field label="Địa chỉ" required error={fe('citizen_address')}>
							<input class="input" maxLength={500} value={v.citizen_address} data-testid="visit-address"
								autocomplete="off" onInput={set('citizen_address')} />
						</Field>
						<Field label="Số CCCD / hộ chiếu" error={fe('citizen_id_number')}>
							<input class="input" maxLength={20} value={v.citizen_id_number} data-testid="visit-id-number"
								inputMode="numeric" autocomplete="off" onInput={set('citizen_id_number')} />
						</Field>
					</div>
				)}
				<div class="form-grid">
					<Field label="Số người" required error={fe('persons')}
						hint="Đoàn đông người: từ 5 người trở lên (theo cài đặt).">
						<input class="input" type="number" min={1} max={10000} value={v.persons} data-testid="visit-persons"
							onInput={set('persons')} />
					</Field>
					<Field label="Số người đại diện" error={fe('representatives')} hint="Đoàn đông người cử không quá 5 người.">
						<input class="input" type="number" min={0} max={5} value={v.representatives} data-testid="visit-representatives"
							onInput={set('representatives')} />
					</Field>
				</div>
			</fieldset>
			<fieldset class="fieldset">
				<legend>Nội dung</legend>
				<div class="form-grid">
					<Field label="Nội dung vụ việc" required wide error={fe('content')}>
						<textarea class="input" rows={4} maxLength={5000} value={v.content} data-testid="visit-content"
							onInput={set('content')} />
					</Field>
					<Field label="Phân loại theo nội dung" required error={fe('classification')}
						hint={v.classification === 'denunciation' ? 'Danh tính người tố cáo sẽ được mã hoá và giữ bí mật.' : 'Phân loại theo nội dung, không theo tiêu đề.'}>
						<MapSelect map={CLASSIFICATION_LABELS} value={v.classification} onChange={set('classification')}
							empty="— Chọn —" testid="visit-classification" />
					</Field>
					<Field label="Lĩnh vực" required error={fe('field')}>
						<FieldSelect value={v.field} onChange={set('field')} testid="visit-field" />
					</Field>
					<Field label="Cơ quan đã giải quyết (nếu có)" wide error={fe('prior_handler')}>
						<input class="input" maxLength={500} value={v.prior_handler} data-testid="visit-prior-handler"
							onInput={set('prior_handler')} />
					</Field>
				</div>
			</fieldset>
			<fieldset class="fieldset">
				<legend>Hướng xử lý</legend>
				<div class="form-grid">
					<Field label="Hướng xử lý" required error={fe('direction')}>
						<MapSelect map={DIRECTION_LABELS} value={v.direction} onChange={set('direction')} testid="visit-direction" />
					</Field>
					{v.direction === 'forward' ? (
						<Field label="Chuyển đến cơ quan" error={fe('forwarded_to')}>
							<input class="input" maxLength={500} value={v.forwarded_to} data-testid="visit-forwarded-to"
								onInput={set('forwarded_to')} />
						</Field>
					) : null}
					<Field label="Theo dõi kết quả" error={fe('follow_up')}>
						<input class="input" maxLength={2000} value={v.follow_up} data-testid="visit-follow-up"
							onInput={set('follow_up')} />
					</Field>
					<Field label="Ghi chú" error={fe('note')}>
						<input class="input" maxLength={2000} value={v.note} data-testid="visit-note" onInput={set('note')} />
					</Field>
					<label class="check field-wide">
						<input type="checkbox" checked={v.refused} data-testid="visit-refused" onChange={set('refused')} />
						<span>Từ chối tiếp (theo Điều 9 Luật Tiếp công dân)</span>
					</label>
					{v.refused ? (
						<Field label="Lý do từ chối" required wide error={fe('refusal_reason')}>
							<input class="input" maxLength={2000} value={v.refusal_reason} data-testid="visit-refusal-reason"
								onInput={set('refusal_reason')} />
						</Field>
					) : null}
				</div>
			</fieldset>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="visit-submit">
					{busy ? 'Đang lưu…' : editing ? 'Lưu lượt tiếp' : 'Thêm lượt tiếp'}
				</button>
				<button type="button" class="btn" onClick={onCancel} data-testid="visit-cancel">Huỷ</button>
			</div>
		</form>
	);
}

export function SessionPage({ user, params }) {
	usePageTitle('Buổi tiếp công dân');
	const loaded = useLoader(() => api.get(`/reception/sessions/${params.id}`), [params.id]);
	const fields = usePetitionFields();
	const [form, setForm] = useState(null); // null | 'new' | visit
	const [message, setMessage] = useState(null);
	const [actionError, setActionError] = useState(null);
	const writer = canWrite(user);

	if (!loaded.data) {
		return (
			<section class="page">
				<p><a href="#/reception">‹ Danh sách buổi tiếp</a></p>
				<h1>Buổi tiếp công dân</h1>
				{loaded.error ? <Alert kind="error" testid="session-error">{loaded.error.message}</Alert> : <p class="muted">Đang tải…</p>}
			</section>
		);
	}
	const { session: s, visits } = loaded.data;

	async function remove() {
		setActionError(null);
		try {
			await api.del(`/reception/sessions/${s.id}`);
			navigate('/reception');
		} catch (e) {
			setActionError(e.message);
		}
	}

	return (
		<section class="page">
			<p><a href="#/reception">‹ Danh sách buổi tiếp</a></p>
			<div class="page-head">
				<h1>Buổi tiếp công dân ngày {formatDay(s.day)}</h1>
				{writer ? (
					<span class="actions">
						<a class="btn" href={`#/reception/sessions/${s.id}/edit`} data-testid="session-edit">Sửa</a>
						{!visits.length ? (
							<ConfirmButton label="Xoá" question="Xoá buổi tiếp này?" confirmLabel="Xoá" testid="session-delete"
								onConfirm={remove} />
						) : null}
					</span>
				) : null}
			</div>
			<Alert kind="error" testid="session-action-error">{actionError}</Alert>
			<div class="card">
				<dl class="deflist" data-testid="session-info">
					<dt>Cơ quan, tổ chức</dt><dd>{s.org ? s.org.name : ''}{s.unit ? ` — ${s.unit.name}` : ''}</dd>
					<dt>Ngày tiếp</dt><dd>{formatDay(s.day)} ({weekday(s.day)})</dd>
					<dt>Loại</dt><dd>{label(SESSION_KIND_LABELS, s.kind)}{s.delegated ? ' — cấp phó tiếp thay' : ''}</dd>
					<dt>Địa điểm</dt><dd>{s.place}</dd>
					<dt>Người chủ trì</dt><dd>{s.host_name}</dd>
					{s.note ? <><dt>Ghi chú</dt><dd class="pre">{s.note}</dd></> : null}
					<dt>Lượt tiếp</dt><dd>{formatNumber(visits.length)} lượt, {formatNumber(visits.reduce((n, v) => n + (v.persons || 0), 0))} người</dd>
					<dt>Cập nhật</dt><dd>{formatDateTime(s.updated_at || s.created_at)}</dd>
				</dl>
			</div>

			<div class="page-head">
				<h2>Các lượt tiếp</h2>
				{writer && form !== 'new' ? (
					<button type="button" class="btn btn-primary" data-testid="visit-new-button"
						onClick={() => { setForm('new'); setMessage(null); }}>
						+ Thêm lượt tiếp
					</button>
				) : null}
			</div>
			<Alert kind="success" testid="visit-message">{message}</Alert>
			{form ? (
				<VisitForm
					key={form === 'new' ? 'new' : form.id}
					sessionId={s.id}
					visit={form === 'new' ? null : form}
					onCancel={() => setForm(null)}
					onSaved={(v, edited) => {
						setForm(null);
						setMessage(edited ? 'Đã lưu lượt tiếp.' : 'Đã thêm lượt tiếp.');
						loaded.reload();
					}}
				/>
			) : null}
			<div class="table-wrap" tabIndex={0} aria-label="Các lượt tiếp của buổi tiếp">
				<table class="table" data-testid="visit-table">
					<thead>
						<tr>
							<th>STT</th>
							<th>Công dân</th>
							<th class="num">Số người</th>
							<th>Nội dung</th>
							<th>Phân loại, lĩnh vực</th>
							<th>Hướng xử lý</th>
							{writer ? <th class="col-actions">Thao tác</th> : null}
						</tr>
					</thead>
					<tbody>
						{visits.map((v, i) => (
							<tr key={v.id} data-testid={`visit-row-${v.id}`}>
								<td>{i + 1}</td>
								<td><Citizen v={v} /></td>
								<td class="num">
									{formatNumber(v.persons)}
									{v.is_mass ? <span class="badge badge-mass block-badge" data-testid={`visit-mass-${v.id}`}>Đoàn đông người</span> : null}
									{v.representatives ? <span class="muted small block">{formatNumber(v.representatives)} người đại diện</span> : null}
								</td>
								<td class="pre cell-text">{v.content}</td>
								<td>
									{label(CLASSIFICATION_LABELS, v.classification)}
									<span class="muted small block">{fieldName(fields, v.field)}</span>
								</td>
								<td>
									{v.refused ? <strong class="text-error block">Từ chối tiếp</strong> : null}
									{label(DIRECTION_LABELS, v.direction)}
									{v.forwarded_to ? <span class="small block">Đến: {v.forwarded_to}</span> : null}
									{v.follow_up ? <span class="muted small block">Theo dõi: {v.follow_up}</span> : null}
								</td>
								{writer ? (
									<td class="col-actions">
										{v.petition_id ? (
											<a class="btn btn-small" href={`#/petitions/${v.petition_id}`}>Xem đơn</a>
										) : v.direction !== 'none' && !v.refused ? (
											<a class="btn btn-small" href={`#/petitions/new?session=${s.id}&visit=${v.id}`}
												data-testid={`visit-petition-${v.id}`}>
												Ghi nhận đơn
											</a>
										) : null}
										<button type="button" class="btn btn-small" data-testid={`visit-edit-${v.id}`}
											onClick={() => { setForm(v); setMessage(null); }}>
											Sửa
										</button>
									</td>
								) : null}
							</tr>
						))}
						{!visits.length ? (
							<tr><td colSpan={writer ? 7 : 6} class="empty">Chưa có lượt tiếp nào.</td></tr>
						) : null}
					</tbody>
				</table>
			</div>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Register (Mẫu 03)                                                        */

function classificationPersons(x) {
	if (x === null || x === undefined) return '';
	if (typeof x !== 'object') return String(x);
	const parts = [];
	if (x.classification) parts.push(label(CLASSIFICATION_LABELS, x.classification));
	if (x.persons !== undefined) parts.push(`${formatNumber(x.persons)} người`);
	if (x.is_mass) parts.push('đoàn đông người');
	return parts.join('; ');
}

/** The direction code of a register row: the JSON row carries the label ("…: where" for forwarding). */
function directionCode(row) {
	if (row.direction_code) return row.direction_code;
	const d = String(row.direction || '');
	for (const [code, text] of Object.entries(DIRECTION_LABELS)) {
		if (d === code || d === text || d.startsWith(`${text}:`)) return code;
	}
	return null;
}

/** Column 8-10: "x" in the direction's column (with where the letter went). */
function directionCell(row, code) {
	if (directionCode(row) !== code) return '';
	if (code === 'forward') {
		const where = row.forwarded_to || String(row.direction || '').replace(/^[^:]*:\s*/, '');
		return where && where !== row.direction ? `x (${where})` : 'x';
	}
	return 'x';
}

let registerFilters = { unit: null, from: '', to: '' };

export function RegisterPage({ user, query }) {
	usePageTitle('Sổ tiếp công dân');
	const [f, setF] = useState(() => withLinkFilters(query, registerFilters));
	useEffect(() => { registerFilters = f; }, [f]);
	const [org, setOrg] = useState('');
	const [orgObj, setOrgObj] = useState(null);
	const [exporting, setExporting] = useState(false);
	const [exportError, setExportError] = useState(null);
	const set = (k) => (v) => setF((x) => ({ ...x, [k]: v }));
	const ok = f.from !== null && f.to !== null;
	const q = { ...unitParams(f.unit), org: org || undefined, from: f.from, to: f.to };
	const list = useLoader(() => (ok ? api.get('/reception/register', q) : Promise.resolve(null)),
		[f.unit && f.unit.structure, f.unit && f.unit.code, org, f.from, f.to]);
	const data = list.data;
	const rows = (data && data.rows) || [];

	const scope = orgObj ? orgObj.name : f.unit ? f.unit.name : user.unit ? user.unit.name : 'Toàn quốc';
	const period = f.from || f.to
		? `Từ ngày ${f.from ? formatDay(f.from) : '…'} đến ngày ${f.to ? formatDay(f.to) : '…'}`
		: 'Tất cả các ngày';

	return (
		<section class="page page-wide">
			<div class="page-head no-print">
				<h1>Sổ tiếp công dân</h1>
				<span class="actions">
					<button type="button" class="btn" onClick={() => window.print()} disabled={!rows.length}
						data-testid="register-print">
						In sổ
					</button>
					<a class={`btn${ok ? '' : ' is-disabled'}`} href={ok ? apiUrl('/reception/register', { ...q, format: 'xlsx' }) : undefined}
						download="so-tiep-cong-dan.xlsx" data-testid="register-xlsx" aria-disabled={exporting ? 'true' : undefined}
						onClick={async (e) => {
							e.preventDefault();
							if (!ok || exporting) return;
							setExporting(true);
							setExportError(null);
							try {
								await download('/reception/register', { ...q, format: 'xlsx' }, `so-tiep-cong-dan-${todayDay()}.xlsx`);
							} catch (ex) {
								setExportError(ex.message);
							} finally {
								setExporting(false);
							}
						}}>
						{exporting ? 'Đang xuất…' : 'Xuất Excel'}
					</a>
				</span>
			</div>
			<TabLinks items={TABS} current="register" testid="reception-tabs" />
			<div class="card filters no-print" data-testid="register-filters">
				<UnitField label="Đơn vị (gồm cả đơn vị trực thuộc)" value={f.unit} onChange={set('unit')}
					testid="register-filter-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Cơ quan, tổ chức">
					<OrgPicker value={org} extra={orgObj} empty="Tất cả" testid="register-filter-org"
						onChange={(v, o) => { setOrg(v); setOrgObj(o); }} />
				</Field>
				<DayField label="Từ ngày" value={f.from} onChange={set('from')} testid="register-from" />
				<DayField label="Đến ngày" value={f.to} onChange={set('to')} testid="register-to" />
			</div>
			{list.error ? <Alert kind="error" testid="register-error">{list.error.message}</Alert> : null}
			<Alert kind="error" testid="register-export-error">{exportError}</Alert>

			<div class="print-area register-sheet" data-testid="register-sheet">
				<div class="print-only register-title">
					<p class="register-org">{scope}</p>
					<h2>SỔ TIẾP CÔNG DÂN</h2>
					<p>{period}</p>
				</div>
				<p class="muted small no-print" aria-live="polite">
					{list.loading ? 'Đang tải…' : data ? `${period}: ${formatNumber(data.total)} lượt tiếp.` : ''}
				</p>
				<div class="table-wrap" tabIndex={0} aria-label="Sổ tiếp công dân">
					<table class="table table-register" data-testid="register-table">
						<thead>
							<tr>
								<th rowSpan={2}>STT</th>
								<th rowSpan={2}>Ngày tiếp</th>
								<th rowSpan={2}>Họ và tên – Địa chỉ</th>
								<th rowSpan={2}>Số CCCD / hộ chiếu</th>
								<th rowSpan={2}>Nội dung vụ việc</th>
								<th rowSpan={2}>Phân loại đơn, số người</th>
								<th rowSpan={2}>Cơ quan đã giải quyết</th>
								<th colSpan={3}>Hướng xử lý</th>
								<th rowSpan={2}>Theo dõi kết quả</th>
								<th rowSpan={2}>Ghi chú</th>
							</tr>
							<tr>
								<th>{DIRECTION_SHORT.accept}</th>
								<th>{DIRECTION_SHORT.guide_and_return}</th>
								<th>{DIRECTION_SHORT.forward}</th>
							</tr>
							<tr class="col-numbers">
								{Array.from({ length: 12 }, (_, i) => <th key={i}>({i + 1})</th>)}
							</tr>
						</thead>
						<tbody>
							{rows.map((r, i) => (
								<tr key={i} data-testid={`register-row-${i + 1}`}>
									<td class="num">{r.seq ?? i + 1}</td>
									<td class="nowrap">{formatDay(r.day)}</td>
									<td class="cell-text">{r.name_address === null ? <span class="protected">Danh tính được giữ bí mật</span> : r.name_address}</td>
									<td>{r.id_number || ''}</td>
									<td class="cell-text">{r.content}</td>
									<td>{classificationPersons(r.classification_persons)}</td>
									<td class="cell-text">{r.prior_handler || ''}</td>
									<td class="center">{directionCell(r, 'accept')}</td>
									<td class="center">{directionCell(r, 'guide_and_return')}</td>
									<td class="center">{directionCell(r, 'forward')}</td>
									<td class="cell-text">{r.follow_up || ''}</td>
									<td class="cell-text">{r.note || ''}</td>
								</tr>
							))}
							{data && !rows.length ? <tr><td colSpan={12} class="empty">Không có lượt tiếp nào trong thời gian này.</td></tr> : null}
						</tbody>
					</table>
				</div>
			</div>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Leaders' schedules and compliance                                       */

let dutyRulesPromise = null;
function loadDutyRules() {
	if (!dutyRulesPromise) {
		dutyRulesPromise = api.get('/reception/duty-rules').then((r) => r.items || []);
		dutyRulesPromise.catch(() => { dutyRulesPromise = null; });
	}
	return dutyRulesPromise;
}

function useDutyRules() {
	const [rules, setRules] = useState([]);
	useEffect(() => {
		let live = true;
		loadDutyRules().then((r) => { if (live) setRules(r); }, () => {});
		return () => { live = false; };
	}, []);
	return rules;
}

function ruleText(rules, id) {
	const r = rules.find((x) => x.id === id);
	if (!r) return label(DUTY_RULE_LABELS, id);
	return `${r.name} — ${formatNumber(r.days)} ngày/${label(DUTY_PER_LABELS, r.per)}`;
}

function ScheduleForm({ onSaved, onCancel }) {
	const rules = useDutyRules();
	const [org, setOrg] = useState('');
	const [orgObj, setOrgObj] = useState(null);
	const [leader, setLeader] = useState('');
	const [title, setTitle] = useState('');
	const [rule, setRule] = useState('');
	const [per, setPer] = useState('week');
	const [weekDay, setWeekDay] = useState('1');
	const [monthDays, setMonthDays] = useState('');
	const [from, setFrom] = useState(todayDay());
	const [to, setTo] = useState('');
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);

	function pattern() {
		if (per === 'week') return `week:${weekDay}`;
		const days = monthDays.split(/[\s,;]+/).filter(Boolean);
		if (!days.length || days.some((d) => !/^\d{1,2}$/.test(d) || Number(d) < 1 || Number(d) > 31)) return null;
		return `month:${[...new Set(days.map(Number))].sort((a, b) => a - b).join(',')}`;
	}

	async function submit(e) {
		e.preventDefault();
		setError(null);
		const p = pattern();
		if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn cơ quan, tổ chức.' });
		if (!leader.trim()) return setError({ field: 'leader_name', message: 'Vui lòng nhập họ tên lãnh đạo.' });
		if (!title.trim()) return setError({ field: 'leader_title', message: 'Vui lòng nhập chức vụ.' });
		if (!rule) return setError({ field: 'rule_id', message: 'Vui lòng chọn quy định về số ngày tiếp.' });
		if (!p) return setError({ field: 'pattern', message: 'Nhập các ngày trong tháng từ 1 đến 31, cách nhau bởi dấu phẩy, ví dụ: 15, 25.' });
		if (!from) return setError({ field: 'valid_from', message: 'Vui lòng nhập ngày áp dụng.' });
		if (to === null) return setError({ field: 'valid_to', message: 'Ngày không hợp lệ.' });
		if (to && to < from) return setError({ field: 'valid_to', message: 'Ngày hết hiệu lực phải sau ngày áp dụng.' });
		const body = {
			org_id: Number(org), leader_name: leader.trim(), leader_title: title.trim(), rule_id: rule, pattern: p,
			valid_from: from,
		};
		if (to) body.valid_to = to;
		setBusy(true);
		try {
			const r = await api.post('/reception/schedules', body);
			onSaved(r.schedule || r);
		} catch (ex) {
			setError(ex);
		} finally {
			setBusy(false);
		}
	}

	const known = ['org_id', 'leader_name', 'leader_title', 'rule_id', 'pattern', 'valid_from', 'valid_to'];
	const general = error && !known.includes(error.field) ? error.message : null;
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="schedule-form">
			<h2>Thêm lịch tiếp công dân định kỳ</h2>
			<Alert kind="error" testid="schedule-form-error">{general}</Alert>
			<div class="form-grid">
				<Field label="Cơ quan, tổ chức" required wide error={fieldError(error, 'org_id')}>
					<OrgPicker value={org} extra={orgObj} testid="schedule-org" onChange={(v, o) => { setOrg(v); setOrgObj(o); }} />
				</Field>
				<Field label="Họ tên lãnh đạo" required error={fieldError(error, 'leader_name')}>
					<input class="input" maxLength={200} value={leader} data-testid="schedule-leader"
						onInput={(e) => setLeader(e.currentTarget.value)} />
				</Field>
				<Field label="Chức vụ" required error={fieldError(error, 'leader_title')}>
					<input class="input" maxLength={200} value={title} data-testid="schedule-title" placeholder="Ví dụ: Chủ tịch UBND xã"
						onInput={(e) => setTitle(e.currentTarget.value)} />
				</Field>
				<Field label="Quy định về số ngày tiếp" required wide error={fieldError(error, 'rule_id')}>
					<select class="input" value={rule} data-testid="schedule-rule" onChange={(e) => {
						const id = e.currentTarget.value;
						setRule(id);
						const r = rules.find((x) => x.id === id);
						if (r) setPer(r.per);
					}}>
						<option value="">{rules.length ? '— Chọn quy định —' : 'Đang tải…'}</option>
						{rules.map((r) => <option key={r.id} value={r.id}>{ruleText(rules, r.id)} ({r.id})</option>)}
					</select>
				</Field>
				<Field label="Lặp lại" required>
					<select class="input" value={per} data-testid="schedule-per" onChange={(e) => setPer(e.currentTarget.value)}>
						<option value="week">Hằng tuần</option>
						<option value="month">Hằng tháng</option>
					</select>
				</Field>
				{per === 'week' ? (
					<Field label="Ngày trong tuần" required error={fieldError(error, 'pattern')}>
						<select class="input" value={weekDay} data-testid="schedule-weekday" onChange={(e) => setWeekDay(e.currentTarget.value)}>
							{[1, 2, 3, 4, 5, 6, 7].map((d) => <option key={d} value={String(d)}>{WEEKDAY_LABELS[d]}</option>)}
						</select>
					</Field>
				) : (
					<Field label="Các ngày trong tháng" required error={fieldError(error, 'pattern')}
						hint="Ví dụ: 15, 25. Ngày trùng ngày nghỉ được lùi sang ngày làm việc kế tiếp.">
						<input class="input" value={monthDays} data-testid="schedule-monthdays" inputMode="numeric"
							onInput={(e) => setMonthDays(e.currentTarget.value)} />
					</Field>
				)}
				<DayField label="Áp dụng từ ngày" value={from} onChange={setFrom} required testid="schedule-from"
					error={fieldError(error, 'valid_from')} />
				<DayField label="Đến ngày (nếu có)" value={to} onChange={setTo} testid="schedule-to"
					error={fieldError(error, 'valid_to')} />
			</div>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="schedule-submit">
					{busy ? 'Đang lưu…' : 'Thêm lịch'}
				</button>
				<button type="button" class="btn" onClick={onCancel}>Huỷ</button>
			</div>
		</form>
	);
}

export function SchedulesPage({ user }) {
	usePageTitle('Lịch tiếp công dân của lãnh đạo');
	const rules = useDutyRules();
	const [unit, setUnit] = useState(null);
	const [offset, setOffset] = useState(0);
	const [form, setForm] = useState(false);
	const [message, setMessage] = useState(null);
	const list = useLoader(() => api.get('/reception/schedules', { ...unitParams(unit), limit: LIMIT, offset }),
		[unit && unit.structure, unit && unit.code, offset]);
	const data = list.data;
	const items = (data && data.items) || [];
	return (
		<section class="page">
			<div class="page-head">
				<h1>Tiếp công dân</h1>
				{canWrite(user) && !form ? (
					<button type="button" class="btn btn-primary" data-testid="schedule-new-button"
						onClick={() => { setForm(true); setMessage(null); }}>
						+ Thêm lịch tiếp
					</button>
				) : null}
			</div>
			<TabLinks items={TABS} current="schedules" testid="reception-tabs" />
			<p class="muted">
				Lịch tiếp công dân định kỳ của người đứng đầu (Luật Tiếp công dân Điều 12–18; Quy định 11-QĐi/TW).
				Chọn một lịch để xem số buổi đã tiếp so với kế hoạch.
			</p>
			{form ? (
				<ScheduleForm
					onCancel={() => setForm(false)}
					onSaved={() => { setForm(false); setMessage('Đã thêm lịch tiếp công dân.'); list.reload(); }}
				/>
			) : null}
			<Alert kind="success" testid="schedule-message">{message}</Alert>
			<div class="card filters">
				<UnitField label="Đơn vị (gồm cả đơn vị trực thuộc)" value={unit} onChange={(u) => { setUnit(u); setOffset(0); }}
					testid="schedule-filter-unit" defaultStructure={defaultStructure(user)} />
			</div>
			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Lịch tiếp công dân">
				<table class="table" data-testid="schedule-table">
					<thead>
						<tr>
							<th>Lãnh đạo</th>
							<th>Cơ quan, tổ chức</th>
							<th>Quy định</th>
							<th>Lịch tiếp</th>
							<th>Hiệu lực</th>
							<th class="col-actions">Thực hiện</th>
						</tr>
					</thead>
					<tbody>
						{items.map((s) => (
							<tr key={s.id} data-testid={`schedule-row-${s.id}`}>
								<td><strong>{s.leader_name}</strong><span class="muted small block">{s.leader_title}</span></td>
								<td>{s.org ? s.org.name : ''}{s.unit ? <span class="muted small block">{s.unit.name}</span> : null}</td>
								<td>{ruleText(rules, s.rule_id)}<span class="muted small block">{s.rule_id}</span></td>
								<td>{patternLabel(s.pattern)}</td>
								<td class="nowrap">từ {formatDay(s.valid_from)}{s.valid_to ? <> đến {formatDay(s.valid_to)}</> : null}</td>
								<td class="col-actions">
									<a class="btn btn-small" href={`#/reception/schedules/${s.id}`} data-testid={`schedule-compliance-${s.id}`}>
										Xem việc thực hiện
									</a>
								</td>
							</tr>
						))}
						{data && !items.length ? <tr><td colSpan={6} class="empty">Chưa có lịch tiếp nào.</td></tr> : null}
						{!data && list.loading ? <tr><td colSpan={6} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} testid="schedule-pager" noun="lịch"
				exportSpec={{
					path: '/reception/schedules', query: unitParams(unit), title: 'Danh sách lịch tiếp công dân của người đứng đầu',
					filename: 'lich-tiep-cong-dan',
					columns: [
						{ key: 'leader_name', label: 'Lãnh đạo' },
						{ key: 'leader_title', label: 'Chức vụ' },
						{ key: 'org.name', label: 'Cơ quan, tổ chức' },
						{ key: 'unit.name', label: 'Đơn vị' },
						{ key: 'rule_id', label: 'Quy định' },
						{ key: 'valid_from', label: 'Hiệu lực từ ngày' },
						{ key: 'valid_to', label: 'Hiệu lực đến ngày' },
					],
				}} /> : null}
			<details class="card">
				<summary>Quy định về số ngày tiếp công dân của người đứng đầu</summary>
				<div class="table-wrap">
					<table class="table" data-testid="duty-rules-table">
						<thead><tr><th>Mã</th><th>Người đứng đầu</th><th>Số ngày</th><th>Tình trạng</th><th>Căn cứ</th></tr></thead>
						<tbody>
							{rules.map((r) => (
								<tr key={r.id}>
									<td class="mono">{r.id}</td>
									<td>{r.name}</td>
									<td class="nowrap">{formatNumber(r.days)} ngày/{label(DUTY_PER_LABELS, r.per)}</td>
									<td>{label(RULE_STATUS_LABELS, r.status)}</td>
									<td>{r.source}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</details>
		</section>
	);
}

function DayList({ days, testid, empty }) {
	if (!days || !days.length) return <p class="muted small" data-testid={testid}>{empty}</p>;
	return (
		<ul class="day-list" data-testid={testid}>
			{days.map((d) => <li key={d}>{formatDay(d)} <span class="muted small">{weekday(d)}</span></li>)}
		</ul>
	);
}

export function CompliancePage({ params }) {
	usePageTitle('Việc thực hiện lịch tiếp công dân');
	const [period, setPeriod] = useState(defaultPeriod('month', 0));
	const sched = useLoader(() => api.get('/reception/schedules', { limit: 500 }).then(
		(r) => (r.items || []).find((x) => String(x.id) === String(params.id)) || null,
	), [params.id]);
	const p = periodString(period);
	const comp = useLoader(() => api.get(`/reception/schedules/${params.id}/compliance`, { period: p }), [params.id, p]);
	const s = sched.data;
	const c = comp.data;
		return (
		<section class="page">
			<p><a href="#/reception/schedules">‹ Lịch tiếp của lãnh đạo</a></p>
			<h1>Việc thực hiện lịch tiếp công dân</h1>
			{s ? (
				<div class="card">
					<dl class="deflist" data-testid="schedule-info">
						<dt>Lãnh đạo</dt><dd>{s.leader_name}{s.leader_title ? `, ${s.leader_title}` : ''}</dd>
						<dt>Cơ quan, tổ chức</dt><dd>{s.org ? s.org.name : ''}</dd>
						<dt>Lịch tiếp</dt><dd>{patternLabel(s.pattern)}</dd>
						<dt>Quy định</dt><dd>{label(DUTY_RULE_LABELS, s.rule_id)}</dd>
						<dt>Hiệu lực</dt><dd>từ {formatDay(s.valid_from)}{s.valid_to ? ` đến ${formatDay(s.valid_to)}` : ''}</dd>
					</dl>
				</div>
			) : null}
			<div class="card filters">
				<PeriodPicker value={period} onChange={setPeriod} kinds={['month', 'quarter', 'year']} testid="compliance-period" />
			</div>
			{comp.error ? <Alert kind="error" testid="compliance-error">{comp.error.message}</Alert> : null}
			{c ? (
				<>
					{c.period && c.period.from ? (
						<p class="muted">Từ {formatDay(c.period.from)} đến {formatDay(c.period.to)}</p>
					) : null}
					<div class="stats" data-testid="compliance-figures">
						<div class="stat card"><span class="stat-value">{formatNumber(c.required)}</span><span class="stat-label">Buổi phải tiếp theo lịch</span></div>
						<div class="stat card"><span class="stat-value">{formatNumber(c.held)}</span><span class="stat-label">Buổi đã tiếp</span></div>
						<div class="stat card"><span class="stat-value">{formatNumber((c.missed || []).length)}</span><span class="stat-label">Buổi chưa tiếp</span></div>
						<div class="stat card"><span class="stat-value" data-testid="compliance-rate">{formatRate(c.rate)}</span><span class="stat-label">Tỷ lệ thực hiện</span></div>
					</div>
					<div class="grid-3">
						<div class="card"><h2>Ngày theo kế hoạch</h2><DayList days={c.planned} testid="compliance-planned" empty="Không có ngày nào." /></div>
						<div class="card"><h2>Ngày đã tiếp</h2><DayList days={c.held_days} testid="compliance-held" empty="Chưa có buổi tiếp định kỳ nào." /></div>
						<div class="card"><h2>Ngày chưa tiếp</h2><DayList days={c.missed} testid="compliance-missed" empty="Không có." /></div>
					</div>
				</>
			) : comp.loading ? <p class="muted">Đang tải…</p> : null}
		</section>
	);
}

