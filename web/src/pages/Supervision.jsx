// MTTQ supervision and social criticism (issue 5): supervision activities with the units they covered and
// their recommendations followed to the answer; drafts submitted for social criticism with the comments
// and whether each was accepted; the contributions to building the Party and the government (QĐ 218,
// opinions of their own channel); the counts of a period ("19/19 xã", "40 dự thảo (05 cấp huyện, 35 cấp xã)").
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatDay, formatNumber, navigate, todayDay } from '../format.js';
import { Pager } from '../components/Pager.jsx';
import { UnitField } from '../components/UnitPicker.jsx';
import { Alert, Field, fieldError, useDebounced, useLoader, usePageTitle } from '../components/ui.jsx';
import { DayField, MapSelect, OrgPicker, PeriodPicker, TabLinks, defaultPeriod, periodString } from '../components/forms.jsx';
import { OPINION_STATUS_LABELS, OpinionBadge } from './Dialogues.jsx';

const LIMIT = 20;
const TABS = [
	{ id: 'supervision', href: '#/supervision', label: 'Giám sát' },
	{ id: 'criticism', href: '#/supervision/criticism', label: 'Phản biện xã hội' },
	{ id: 'party', href: '#/supervision/party-building', label: 'Góp ý xây dựng Đảng, chính quyền' },
	{ id: 'stats', href: '#/supervision/stats', label: 'Thống kê' },
];
export const SUP_STATUS = { planned: 'Kế hoạch', in_progress: 'Đang giám sát', done: 'Đã hoàn thành' };
const SUP_ORDER = ['planned', 'in_progress', 'done'];
export const REC_STATUS = { open: 'Chờ trả lời', responded: 'Đã trả lời', closed: 'Kết thúc theo dõi' };
export const RESULT_LABELS = { pending: 'Chờ tiếp thu', accepted: 'Được tiếp thu', partly: 'Tiếp thu một phần', not_accepted: 'Không được tiếp thu' };

const canWrite = (user) => !!user && user.role !== 'viewer';
const defaultStructure = (user) => (user.unit ? Number(user.unit.structure) : 2025);
const unitParams = (unit) => (unit ? { structure: unit.structure, unit: unit.code } : {});
const n = (x) => formatNumber(x || 0);
const pad2 = (x) => String(x || 0).padStart(2, '0');
const toMap = (items) => Object.fromEntries((items || []).map((i) => [i.code, i.name]));

let vocabCache = null;
function useVocab() {
	const [v, setV] = useState(vocabCache);
	useEffect(() => {
		if (vocabCache) return undefined;
		let live = true;
		api.get('/supervision-vocabularies').then((r) => { vocabCache = r; if (live) setV(r); }, () => {});
		return () => { live = false; };
	}, []);
	return v || { forms: [], topics: [], levels: [], doc_types: [], criticism_forms: [] };
}

function Badge({ tone, children, testid, status }) {
	return <span class={`status status-${tone}`} data-status={status} data-testid={testid}>{children}</span>;
}
const supTone = (s) => (s === 'done' ? 'ok' : 'open');
const recTone = (r) => (r.overdue ? 'closed' : r.status === 'open' ? 'open' : 'ok');
const resultTone = (r) => (r === 'accepted' ? 'ok' : r === 'not_accepted' ? 'closed' : 'open');

function Head({ title, current, action }) {
	return (
		<>
			<div class="page-head">
				<h1>{title}</h1>
				{action}
			</div>
			<TabLinks items={TABS} current={current} testid="supervision-tabs" />
		</>
	);
}

/* ---------------------------------------------------------------------- */
/* Supervision list                                                        */

let supFilters = { unit: null, topic: '', form: '', status: '', q: '', offset: 0 };

export function SupervisionPage({ user }) {
	usePageTitle('Giám sát – phản biện');
	const v = useVocab();
	const [f, setF] = useState(supFilters);
	useEffect(() => { supFilters = f; }, [f]);
	const set = (k) => (x) => setF((o) => ({ ...o, [k]: x, offset: 0 }));
	const q = useDebounced(f.q.trim(), 300);
	const list = useLoader(() => api.get('/supervisions', {
		...unitParams(f.unit), topic: f.topic, form: f.form, status: f.status, q, limit: LIMIT, offset: f.offset,
	}), [f.unit && f.unit.structure, f.unit && f.unit.code, f.topic, f.form, f.status, q, f.offset]);
	const data = list.data;
	const topics = toMap(v.topics);
	const forms = toMap(v.forms);
	return (
		<section class="page">
			<Head title="Giám sát – phản biện xã hội" current="supervision"
				action={canWrite(user) ? <a class="btn btn-primary" href="#/supervision/new" data-testid="sup-new-button">+ Thêm cuộc giám sát</a> : null} />
			<div class="card filters" data-testid="sup-filters">
				<UnitField label="Đơn vị" value={f.unit} onChange={set('unit')} testid="sup-filter-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Nội dung"><MapSelect map={topics} value={f.topic} onChange={set('topic')} empty="Tất cả" testid="sup-filter-topic" /></Field>
				<Field label="Hình thức"><MapSelect map={forms} value={f.form} onChange={set('form')} empty="Tất cả" testid="sup-filter-form" /></Field>
				<Field label="Tình trạng"><MapSelect map={SUP_STATUS} value={f.status} onChange={set('status')} empty="Tất cả" testid="sup-filter-status" /></Field>
				<Field label="Tìm theo tên"><input type="search" class="input" value={f.q} onInput={(e) => set('q')(e.currentTarget.value)} data-testid="sup-filter-q" /></Field>
			</div>
			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách cuộc giám sát">
				<table class="table" data-testid="sup-table">
					<thead><tr><th>Cuộc giám sát</th><th>Tổ chức</th><th>Hình thức</th><th>Thời gian</th><th class="num">Địa bàn</th><th class="num">Kiến nghị</th><th>Tình trạng</th></tr></thead>
					<tbody>
						{data && data.items.map((s) => (
							<tr key={s.id} data-testid={`sup-row-${s.id}`}>
								<td><a href={`#/supervision/${s.id}`}>{s.title}</a><span class="muted small block">{topics[s.topic] || s.topic}</span></td>
								<td>{s.org.name}<span class="muted small block">{s.unit.name}</span></td>
								<td>{forms[s.form] || s.form}</td>
								<td>{formatDay(s.from_day)} – {formatDay(s.to_day)}</td>
								<td class="num">{n(s.unit_count)}</td>
								<td class="num">{n(s.recommendation_count)}</td>
								<td><Badge tone={supTone(s.status)} status={s.status}>{SUP_STATUS[s.status] || s.status}</Badge></td>
							</tr>
						))}
						{data && !data.items.length ? <tr><td colSpan={7} class="empty">Chưa có cuộc giám sát nào.</td></tr> : null}
						{!data && list.loading ? <tr><td colSpan={7} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF((x) => ({ ...x, offset: o }))} testid="sup-pager" noun="cuộc giám sát"
				exportSpec={{
					path: '/supervisions', query: { ...unitParams(f.unit), topic: f.topic, form: f.form, status: f.status, q },
					title: 'Danh sách cuộc giám sát', filename: 'giam-sat',
					columns: [
						{ key: 'title', label: 'Cuộc giám sát' },
						{ key: 'topic', label: 'Chủ đề', values: topics },
						{ key: 'org.name', label: 'Tổ chức' },
						{ key: 'unit.name', label: 'Đơn vị' },
						{ key: 'form', label: 'Hình thức', values: forms },
						{ key: 'from_day', label: 'Từ ngày' },
						{ key: 'to_day', label: 'Đến ngày' },
						{ key: 'unit_count', label: 'Số địa bàn' },
						{ key: 'recommendation_count', label: 'Số kiến nghị' },
						{ key: 'status', label: 'Tình trạng', values: SUP_STATUS },
					],
				}} /> : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Supervision form                                                        */

/** Checkboxes over the organisation's unit and its direct children. */
function UnitsChecklist({ org, value, onChange }) {
	const unit = org && org.unit;
	const r = useLoader(() => (unit ? api.get('/units', { structure: unit.structure, parent: unit.code, limit: 500 }) : Promise.resolve(null)),
		[unit && unit.structure, unit && unit.code]);
	if (!unit) return <p class="muted small">Chọn tổ chức để chọn địa bàn được giám sát.</p>;
	const items = [{ code: unit.code, name: unit.name }, ...((r.data && r.data.items) || [])];
	const chosen = new Set(value);
	const toggle = (code) => onChange(chosen.has(code) ? value.filter((c) => c !== code) : [...value, code]);
	const children = items.slice(1).map((u) => u.code);
	return (
		<div data-testid="sup-units">
			{children.length ? (
				<p class="small">
					<button type="button" class="btn btn-small" data-testid="sup-units-all" onClick={() => onChange(children)}>Chọn tất cả {n(children.length)} đơn vị trực thuộc</button>{' '}
					<button type="button" class="btn btn-small btn-link" onClick={() => onChange([])}>Bỏ chọn</button>
					<span class="muted"> Đã chọn {n(value.length)}</span>
				</p>
			) : null}
			<div class="check-grid" style="display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.2rem .8rem;max-height:16rem;overflow:auto">
				{items.map((u) => (
					<label class="check" key={u.code}>
						<input type="checkbox" checked={chosen.has(u.code)} onChange={() => toggle(u.code)} data-testid={`sup-unit-${u.code}`} />
						<span>{u.name}</span>
					</label>
				))}
			</div>
			{r.loading ? <p class="muted small" role="status">Đang tải danh sách đơn vị…</p> : null}
		</div>
	);
}

export function SupervisionFormPage({ user, params }) {
	const editing = !!params.id;
	usePageTitle(editing ? 'Sửa cuộc giám sát' : 'Thêm cuộc giám sát');
	const r = useLoader(() => (editing ? api.get(`/supervisions/${params.id}`) : Promise.resolve(null)), [params.id]);
	const s = r.data && r.data.supervision;
	if (!canWrite(user)) return <section class="page"><h1>Giám sát</h1><Alert kind="error" testid="forbidden">Vai trò “Xem báo cáo” không ghi nhận cuộc giám sát.</Alert></section>;
	if (editing && !s) return <section class="page"><h1>Sửa cuộc giám sát</h1>{r.error ? <Alert kind="error">{r.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	return <SupForm key={s ? s.id : 'new'} sup={s} />;
}

function SupForm({ sup }) {
	const editing = !!sup;
	const voc = useVocab();
	const [org, setOrg] = useState(sup ? sup.org.id : '');
	const [orgObj, setOrgObj] = useState(sup ? { ...sup.org, unit: sup.unit } : null);
	const [v, setV] = useState({
		title: sup ? sup.title : '', topic: sup ? sup.topic : '', form: sup ? sup.form : '',
		from_day: sup ? sup.from_day : todayDay(), to_day: sup ? sup.to_day : todayDay(), status: sup ? sup.status : 'planned',
		bodies: sup ? sup.bodies.join('\n') : '', findings: (sup && sup.findings) || '', note: (sup && sup.note) || '',
		units: sup ? sup.units.map((u) => u.code) : [],
	});
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	const inp = (k) => (e) => set(k)(e.currentTarget.value);
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const minStatus = sup ? SUP_ORDER.indexOf(sup.status) : 0;
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn tổ chức giám sát.' });
		if (!v.title.trim()) return setError({ field: 'title', message: 'Vui lòng nhập tên cuộc giám sát.' });
		if (!v.topic) return setError({ field: 'topic', message: 'Vui lòng chọn nội dung giám sát.' });
		if (!v.form) return setError({ field: 'form', message: 'Vui lòng chọn hình thức giám sát.' });
		if (!v.from_day) return setError({ field: 'from_day', message: 'Vui lòng nhập ngày bắt đầu theo dạng dd/mm/yyyy.' });
		if (!v.to_day) return setError({ field: 'to_day', message: 'Vui lòng nhập ngày kết thúc theo dạng dd/mm/yyyy.' });
		const body = {
			title: v.title.trim(), topic: v.topic, form: v.form, from_day: v.from_day, to_day: v.to_day, status: v.status,
			bodies: v.bodies.split('\n').map((x) => x.trim()).filter(Boolean), units: v.units,
			findings: v.findings.trim(), note: v.note.trim(),
		};
		setBusy(true);
		try {
			const r = editing ? await api.patch(`/supervisions/${sup.id}`, body) : await api.post('/supervisions', { org_id: Number(org), ...body });
			navigate(`/supervision/${r.supervision.id}`);
		} catch (err) { setError(err); } finally { setBusy(false); }
	}
	const known = ['org_id', 'title', 'topic', 'form', 'from_day', 'to_day', 'status', 'bodies', 'units', 'findings', 'note'];
	return (
		<section class="page">
			<p class="no-print"><a href={editing ? `#/supervision/${sup.id}` : '#/supervision'}>‹ Quay lại</a></p>
			<form class="card form-card" onSubmit={submit} noValidate data-testid="sup-form">
				<h1>{editing ? 'Sửa cuộc giám sát' : 'Thêm kế hoạch, cuộc giám sát'}</h1>
				<Alert kind="error" testid="sup-form-error">{error && !known.includes(error.field) ? error.message : null}</Alert>
				<div class="form-grid">
					<Field label="Tổ chức giám sát" required wide error={fieldError(error, 'org_id')} hint={editing ? 'Không đổi được tổ chức.' : 'Ủy ban MTTQ hoặc tổ chức chính trị - xã hội.'}>
						<OrgPicker value={org} extra={sup ? sup.org : null} disabled={editing} testid="sup-org"
							onChange={(x, o) => { setOrg(x); setOrgObj(o); set('units')([]); }} />
					</Field>
					<Field label="Tên cuộc giám sát" required wide error={fieldError(error, 'title')}>
						<input class="input" maxLength={500} value={v.title} onInput={inp('title')} data-testid="sup-title" />
					</Field>
					<Field label="Nội dung giám sát" required error={fieldError(error, 'topic')}>
						<MapSelect map={toMap(voc.topics)} value={v.topic} onChange={set('topic')} empty="— Chọn nội dung —" testid="sup-topic" />
					</Field>
					<Field label="Hình thức" required error={fieldError(error, 'form')}>
						<MapSelect map={toMap(voc.forms)} value={v.form} onChange={set('form')} empty="— Chọn hình thức —" testid="sup-form-kind" />
					</Field>
					<DayField label="Từ ngày" required value={v.from_day} onChange={set('from_day')} error={fieldError(error, 'from_day')} testid="sup-from" />
					<DayField label="Đến ngày" required value={v.to_day} onChange={set('to_day')} error={fieldError(error, 'to_day')} testid="sup-to" />
					<Field label="Tình trạng" error={fieldError(error, 'status')} hint="Chỉ chuyển tiếp: kế hoạch → đang giám sát → đã hoàn thành.">
						<MapSelect map={SUP_STATUS} codes={SUP_ORDER.slice(minStatus)} value={v.status} onChange={set('status')} testid="sup-status" />
					</Field>
					<Field label="Cơ quan, đơn vị được giám sát" wide error={fieldError(error, 'bodies')} hint="Mỗi dòng một cơ quan, đơn vị (tối đa 50).">
						<textarea class="input" rows={3} value={v.bodies} onInput={inp('bodies')} data-testid="sup-bodies" />
					</Field>
					<Field label="Địa bàn được giám sát" wide error={fieldError(error, 'units')} hint="Dùng để tính số xã, phường đã được giám sát.">
						<UnitsChecklist org={orgObj} value={v.units} onChange={set('units')} />
					</Field>
					<Field label="Kết quả giám sát (phát hiện)" wide error={fieldError(error, 'findings')}>
						<textarea class="input" rows={4} value={v.findings} onInput={inp('findings')} data-testid="sup-findings" />
					</Field>
					<Field label="Ghi chú" wide error={fieldError(error, 'note')}>
						<textarea class="input" rows={2} value={v.note} onInput={inp('note')} data-testid="sup-note" />
					</Field>
				</div>
				<div class="form-actions">
					<button type="submit" class="btn btn-primary" disabled={busy} data-testid="sup-submit">{busy ? 'Đang lưu…' : 'Lưu'}</button>
				</div>
			</form>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Supervision detail with recommendations                                 */

export function SupervisionDetailPage({ user, params }) {
	usePageTitle('Cuộc giám sát');
	const voc = useVocab();
	const r = useLoader(() => api.get(`/supervisions/${params.id}`), [params.id]);
	const [recs, setRecs] = useState(null);
	useEffect(() => { if (r.data) setRecs(r.data.recommendations); }, [r.data]);
	const [adding, setAdding] = useState(false);
	if (!r.data) return <section class="page"><h1>Cuộc giám sát</h1>{r.error ? <Alert kind="error">{r.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	const s = r.data.supervision;
	return (
		<section class="page">
			<p class="no-print"><a href="#/supervision">‹ Danh sách cuộc giám sát</a></p>
			<div class="card" data-testid="sup-detail">
				<div class="page-head">
					<h1 data-testid="sup-detail-title">{s.title}</h1>
					{canWrite(user) ? <a class="btn" href={`#/supervision/${s.id}/edit`} data-testid="sup-edit">Sửa</a> : null}
				</div>
				<p><Badge tone={supTone(s.status)} status={s.status} testid="sup-detail-status">{SUP_STATUS[s.status]}</Badge></p>
				<dl class="deflist">
					<dt>Tổ chức giám sát</dt><dd>{s.org.name} ({s.unit.name})</dd>
					<dt>Nội dung</dt><dd>{toMap(voc.topics)[s.topic] || s.topic}</dd>
					<dt>Hình thức</dt><dd>{toMap(voc.forms)[s.form] || s.form}</dd>
					<dt>Thời gian</dt><dd>{formatDay(s.from_day)} – {formatDay(s.to_day)}</dd>
					<dt>Cơ quan được giám sát</dt><dd>{s.bodies.length ? s.bodies.join('; ') : '—'}</dd>
					<dt>Địa bàn ({n(s.units.length)})</dt><dd data-testid="sup-detail-units">{s.units.length ? s.units.map((u) => u.name).join(', ') : '—'}</dd>
					{s.findings ? <><dt>Kết quả giám sát</dt><dd class="pre-wrap">{s.findings}</dd></> : null}
					{s.note ? <><dt>Ghi chú</dt><dd class="pre-wrap">{s.note}</dd></> : null}
				</dl>
			</div>
			<div class="card">
				<div class="page-head">
					<h2>Kiến nghị sau giám sát ({n(recs ? recs.length : 0)})</h2>
					{canWrite(user) ? <button type="button" class="btn btn-small" data-testid="rec-new" onClick={() => setAdding(!adding)}>{adding ? 'Đóng' : '+ Thêm kiến nghị'}</button> : null}
				</div>
				{adding ? <RecForm supId={s.id} onSaved={(x) => { setAdding(false); setRecs([...(recs || []), x]); }} /> : null}
				<ul class="plain-list" data-testid="rec-list">
					{(recs || []).map((x) => <RecItem key={x.id} rec={x} user={user} onChange={(y) => setRecs(recs.map((z) => (z.id === y.id ? y : z)))} />)}
					{recs && !recs.length ? <li class="muted">Chưa có kiến nghị nào.</li> : null}
				</ul>
			</div>
		</section>
	);
}

function RecForm({ supId, rec, onSaved, onCancel }) {
	const [v, setV] = useState({
		content: rec ? rec.content : '', addressee: rec ? rec.addressee : '', due_day: rec ? rec.due_day || '' : '',
		response_day: rec ? rec.response_day || todayDay() : '', response: rec ? rec.response || '' : '',
	});
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const responding = !!rec;
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!v.content.trim()) return setError({ field: 'content', message: 'Vui lòng nhập nội dung kiến nghị.' });
		if (!v.addressee.trim()) return setError({ field: 'addressee', message: 'Vui lòng nhập nơi nhận kiến nghị.' });
		if (v.due_day === null) return setError({ field: 'due_day', message: 'Hạn trả lời không hợp lệ.' });
		const body = { content: v.content.trim(), addressee: v.addressee.trim(), due_day: v.due_day || '' };
		if (responding) {
			if (!v.response.trim()) return setError({ field: 'response', message: 'Vui lòng nhập nội dung trả lời.' });
			if (!v.response_day) return setError({ field: 'response_day', message: 'Vui lòng nhập ngày nhận trả lời.' });
			body.response = v.response.trim();
			body.response_day = v.response_day;
		}
		setBusy(true);
		try {
			const r = responding ? await api.patch(`/supervision-recommendations/${rec.id}`, body)
				: await api.post(`/supervisions/${supId}/recommendations`, body);
			onSaved(r.recommendation);
		} catch (err) { setError(err); } finally { setBusy(false); }
	}
	const known = ['content', 'addressee', 'due_day', 'response', 'response_day'];
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid={responding ? `rec-respond-form-${rec.id}` : 'rec-form'}>
			<Alert kind="error">{error && !known.includes(error.field) ? error.message : null}</Alert>
			<div class="form-grid">
				<Field label="Nội dung kiến nghị" required wide error={fieldError(error, 'content')}>
					<textarea class="input" rows={3} value={v.content} onInput={(e) => set('content')(e.currentTarget.value)} data-testid="rec-content" />
				</Field>
				<Field label="Nơi nhận kiến nghị" required error={fieldError(error, 'addressee')}>
					<input class="input" maxLength={500} value={v.addressee} onInput={(e) => set('addressee')(e.currentTarget.value)} data-testid="rec-addressee" />
				</Field>
				<DayField label="Hạn trả lời" value={v.due_day} onChange={set('due_day')} error={fieldError(error, 'due_day')} testid="rec-due" />
				{responding ? (
					<>
						<DayField label="Ngày nhận trả lời" required value={v.response_day} onChange={set('response_day')} error={fieldError(error, 'response_day')} testid="rec-response-day" />
						<Field label="Nội dung trả lời" required wide error={fieldError(error, 'response')}>
							<textarea class="input" rows={3} value={v.response} onInput={(e) => set('response')(e.currentTarget.value)} data-testid="rec-response" />
						</Field>
					</>
				) : null}
			</div>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary btn-small" disabled={busy} data-testid="rec-submit">{busy ? 'Đang lưu…' : 'Lưu'}</button>
				{onCancel ? <button type="button" class="btn btn-small" onClick={onCancel}>Huỷ</button> : null}
			</div>
		</form>
	);
}

function RecItem({ rec, user, onChange }) {
	const [open, setOpen] = useState(false);
	const [error, setError] = useState(null);
	async function close() {
		setError(null);
		try { onChange((await api.patch(`/supervision-recommendations/${rec.id}`, { status: 'closed' })).recommendation); } catch (e) { setError(e); }
	}
	return (
		<li class="card" data-testid={`rec-${rec.id}`}>
			<div class="page-head">
				<Badge tone={recTone(rec)} status={rec.status} testid={`rec-status-${rec.id}`}>{rec.overdue ? 'Quá hạn trả lời' : REC_STATUS[rec.status]}</Badge>
				<span class="muted small">Gửi: {rec.addressee}{rec.due_day ? ` · hạn trả lời ${formatDay(rec.due_day)}` : ''}</span>
			</div>
			<p class="pre-wrap">{rec.content}</p>
			{rec.response ? <p class="small">Trả lời ({formatDay(rec.response_day)}): {rec.response}</p> : null}
			{error ? <Alert kind="error">{error.message}</Alert> : null}
			{canWrite(user) && rec.status !== 'closed' ? (
				open ? <RecForm rec={rec} onSaved={(x) => { setOpen(false); onChange(x); }} onCancel={() => setOpen(false)} /> : (
					<p>
						<button type="button" class="btn btn-small" data-testid={`rec-respond-${rec.id}`} onClick={() => setOpen(true)}>{rec.status === 'open' ? 'Ghi nhận trả lời' : 'Sửa trả lời'}</button>{' '}
						{rec.status === 'responded' ? <button type="button" class="btn btn-small" data-testid={`rec-close-${rec.id}`} onClick={close}>Kết thúc theo dõi</button> : null}
					</p>
				)
			) : null}
		</li>
	);
}

/* ---------------------------------------------------------------------- */
/* Social criticism                                                        */

let critFilters = { unit: null, level: '', doc_type: '', q: '', offset: 0 };

export function CriticismPage({ user }) {
	usePageTitle('Phản biện xã hội');
	const v = useVocab();
	const [f, setF] = useState(critFilters);
	useEffect(() => { critFilters = f; }, [f]);
	const set = (k) => (x) => setF((o) => ({ ...o, [k]: x, offset: 0 }));
	const q = useDebounced(f.q.trim(), 300);
	const list = useLoader(() => api.get('/criticism-drafts', {
		...unitParams(f.unit), level: f.level, doc_type: f.doc_type, q, limit: LIMIT, offset: f.offset,
	}), [f.unit && f.unit.structure, f.unit && f.unit.code, f.level, f.doc_type, q, f.offset]);
	const data = list.data;
	const levels = toMap(v.levels);
	const types = toMap(v.doc_types);
	return (
		<section class="page">
			<Head title="Giám sát – phản biện xã hội" current="criticism"
				action={canWrite(user) ? <a class="btn btn-primary" href="#/supervision/criticism/new" data-testid="crit-new-button">+ Ghi nhận dự thảo</a> : null} />
			<div class="card filters" data-testid="crit-filters">
				<UnitField label="Đơn vị" value={f.unit} onChange={set('unit')} testid="crit-filter-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Cấp ban hành"><MapSelect map={levels} value={f.level} onChange={set('level')} empty="Tất cả" testid="crit-filter-level" /></Field>
				<Field label="Loại văn bản"><MapSelect map={types} value={f.doc_type} onChange={set('doc_type')} empty="Tất cả" testid="crit-filter-type" /></Field>
				<Field label="Tìm theo tên"><input type="search" class="input" value={f.q} onInput={(e) => set('q')(e.currentTarget.value)} data-testid="crit-filter-q" /></Field>
			</div>
			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách dự thảo được phản biện">
				<table class="table" data-testid="crit-table">
					<thead><tr><th>Dự thảo văn bản</th><th>Cơ quan soạn thảo</th><th>Cấp</th><th>Loại</th><th>Ngày nhận</th><th class="num">Ý kiến (tiếp thu)</th></tr></thead>
					<tbody>
						{data && data.items.map((d) => (
							<tr key={d.id} data-testid={`crit-row-${d.id}`}>
								<td><a href={`#/supervision/criticism/${d.id}`}>{d.title}</a><span class="muted small block">{d.org.name}</span></td>
								<td>{d.issuer}</td><td>{levels[d.level] || d.level}</td><td>{types[d.doc_type] || d.doc_type}</td>
								<td>{formatDay(d.received_day)}</td>
								<td class="num">{n(d.comment_count)} ({n(d.accepted_count)})</td>
							</tr>
						))}
						{data && !data.items.length ? <tr><td colSpan={6} class="empty">Chưa có dự thảo nào.</td></tr> : null}
						{!data && list.loading ? <tr><td colSpan={6} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF((x) => ({ ...x, offset: o }))} testid="crit-pager" noun="dự thảo"
				exportSpec={{
					path: '/criticism-drafts', query: { ...unitParams(f.unit), level: f.level, doc_type: f.doc_type, q },
					title: 'Danh sách dự thảo văn bản được phản biện xã hội', filename: 'phan-bien-xa-hoi',
					columns: [
						{ key: 'title', label: 'Dự thảo văn bản' },
						{ key: 'org.name', label: 'Tổ chức phản biện' },
						{ key: 'issuer', label: 'Cơ quan soạn thảo' },
						{ key: 'level', label: 'Cấp', values: levels },
						{ key: 'doc_type', label: 'Loại', values: types },
						{ key: 'received_day', label: 'Ngày nhận' },
						{ key: 'comment_count', label: 'Số ý kiến' },
						{ key: 'accepted_count', label: 'Số ý kiến được tiếp thu' },
					],
				}} /> : null}
		</section>
	);
}

export function CriticismFormPage({ user, params }) {
	const editing = !!params.id;
	usePageTitle(editing ? 'Sửa dự thảo' : 'Ghi nhận dự thảo phản biện');
	const r = useLoader(() => (editing ? api.get(`/criticism-drafts/${params.id}`) : Promise.resolve(null)), [params.id]);
	const d = r.data && r.data.draft;
	if (!canWrite(user)) return <section class="page"><h1>Phản biện xã hội</h1><Alert kind="error" testid="forbidden">Vai trò “Xem báo cáo” không ghi nhận dự thảo.</Alert></section>;
	if (editing && !d) return <section class="page"><h1>Sửa dự thảo</h1>{r.error ? <Alert kind="error">{r.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	return <CritForm key={d ? d.id : 'new'} draft={d} user={user} />;
}

function CritForm({ draft, user }) {
	const editing = !!draft;
	const voc = useVocab();
	const [org, setOrg] = useState(draft ? draft.org.id : '');
	const [orgObj, setOrgObj] = useState(draft ? { ...draft.org, unit: draft.unit } : null);
	const [v, setV] = useState({
		title: draft ? draft.title : '', issuer: draft ? draft.issuer : '', level: draft ? draft.level : '',
		doc_type: draft ? draft.doc_type : '', form: draft ? draft.form : 'conference',
		received_day: draft ? draft.received_day : todayDay(), due_day: draft ? draft.due_day || '' : '', note: (draft && draft.note) || '',
	});
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	const inp = (k) => (e) => set(k)(e.currentTarget.value);
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const structure = orgObj && orgObj.unit ? Number(orgObj.unit.structure) : defaultStructure(user);
	const levels = voc.levels.filter((l) => !l.only_structure || l.only_structure === structure);
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn tổ chức phản biện.' });
		if (!v.title.trim()) return setError({ field: 'title', message: 'Vui lòng nhập tên dự thảo văn bản.' });
		if (!v.issuer.trim()) return setError({ field: 'issuer', message: 'Vui lòng nhập cơ quan soạn thảo.' });
		if (!v.level) return setError({ field: 'level', message: 'Vui lòng chọn cấp ban hành.' });
		if (!v.doc_type) return setError({ field: 'doc_type', message: 'Vui lòng chọn loại văn bản.' });
		if (!v.received_day) return setError({ field: 'received_day', message: 'Vui lòng nhập ngày nhận theo dạng dd/mm/yyyy.' });
		if (v.due_day === null) return setError({ field: 'due_day', message: 'Hạn góp ý không hợp lệ.' });
		const body = {
			title: v.title.trim(), issuer: v.issuer.trim(), level: v.level, doc_type: v.doc_type, form: v.form,
			received_day: v.received_day, due_day: v.due_day || '', note: v.note.trim(),
		};
		setBusy(true);
		try {
			const r = editing ? await api.patch(`/criticism-drafts/${draft.id}`, body) : await api.post('/criticism-drafts', { org_id: Number(org), ...body });
			navigate(`/supervision/criticism/${r.draft.id}`);
		} catch (err) { setError(err); } finally { setBusy(false); }
	}
	const known = ['org_id', 'title', 'issuer', 'level', 'doc_type', 'form', 'received_day', 'due_day', 'note'];
	return (
		<section class="page">
			<p class="no-print"><a href={editing ? `#/supervision/criticism/${draft.id}` : '#/supervision/criticism'}>‹ Quay lại</a></p>
			<form class="card form-card" onSubmit={submit} noValidate data-testid="crit-form">
				<h1>{editing ? 'Sửa dự thảo' : 'Ghi nhận dự thảo văn bản được phản biện'}</h1>
				<Alert kind="error" testid="crit-form-error">{error && !known.includes(error.field) ? error.message : null}</Alert>
				<div class="form-grid">
					<Field label="Tổ chức phản biện" required wide error={fieldError(error, 'org_id')} hint={editing ? 'Không đổi được tổ chức.' : null}>
						<OrgPicker value={org} extra={draft ? draft.org : null} disabled={editing} testid="crit-org" onChange={(x, o) => { setOrg(x); setOrgObj(o); }} />
					</Field>
					<Field label="Tên dự thảo văn bản" required wide error={fieldError(error, 'title')}>
						<input class="input" maxLength={500} value={v.title} onInput={inp('title')} data-testid="crit-title" />
					</Field>
					<Field label="Cơ quan soạn thảo, ban hành" required error={fieldError(error, 'issuer')}>
						<input class="input" maxLength={500} value={v.issuer} onInput={inp('issuer')} data-testid="crit-issuer" />
					</Field>
					<Field label="Cấp ban hành" required error={fieldError(error, 'level')} hint="Cấp huyện chỉ có ở cơ cấu trước 01/7/2025.">
						<MapSelect map={toMap(levels)} value={v.level} onChange={set('level')} empty="— Chọn cấp —" testid="crit-level" />
					</Field>
					<Field label="Loại văn bản" required error={fieldError(error, 'doc_type')}>
						<MapSelect map={toMap(voc.doc_types)} value={v.doc_type} onChange={set('doc_type')} empty="— Chọn loại —" testid="crit-type" />
					</Field>
					<Field label="Hình thức phản biện" required error={fieldError(error, 'form')}>
						<MapSelect map={toMap(voc.criticism_forms)} value={v.form} onChange={set('form')} testid="crit-form-kind" />
					</Field>
					<DayField label="Ngày nhận dự thảo" required value={v.received_day} onChange={set('received_day')} error={fieldError(error, 'received_day')} testid="crit-received" />
					<DayField label="Hạn góp ý" value={v.due_day} onChange={set('due_day')} error={fieldError(error, 'due_day')} testid="crit-due" />
					<Field label="Ghi chú" wide error={fieldError(error, 'note')}>
						<textarea class="input" rows={2} value={v.note} onInput={inp('note')} data-testid="crit-note" />
					</Field>
				</div>
				<div class="form-actions">
					<button type="submit" class="btn btn-primary" disabled={busy} data-testid="crit-submit">{busy ? 'Đang lưu…' : 'Lưu'}</button>
				</div>
			</form>
		</section>
	);
}

export function CriticismDetailPage({ user, params }) {
	usePageTitle('Dự thảo được phản biện');
	const voc = useVocab();
	const r = useLoader(() => api.get(`/criticism-drafts/${params.id}`), [params.id]);
	const [comments, setComments] = useState(null);
	useEffect(() => { if (r.data) setComments(r.data.comments); }, [r.data]);
	if (!r.data) return <section class="page"><h1>Dự thảo</h1>{r.error ? <Alert kind="error">{r.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	const d = r.data.draft;
	const cs = comments || [];
	const accepted = cs.filter((c) => c.result === 'accepted' || c.result === 'partly').length;
	return (
		<section class="page">
			<p class="no-print"><a href="#/supervision/criticism">‹ Danh sách dự thảo</a></p>
			<div class="card" data-testid="crit-detail">
				<div class="page-head">
					<h1 data-testid="crit-detail-title">{d.title}</h1>
					{canWrite(user) ? <a class="btn" href={`#/supervision/criticism/${d.id}/edit`} data-testid="crit-edit">Sửa</a> : null}
				</div>
				<dl class="deflist">
					<dt>Tổ chức phản biện</dt><dd>{d.org.name} ({d.unit.name})</dd>
					<dt>Cơ quan soạn thảo</dt><dd>{d.issuer}</dd>
					<dt>Cấp, loại văn bản</dt><dd>{toMap(voc.levels)[d.level] || d.level} · {toMap(voc.doc_types)[d.doc_type] || d.doc_type}</dd>
					<dt>Hình thức</dt><dd>{toMap(voc.criticism_forms)[d.form] || d.form}</dd>
					<dt>Ngày nhận</dt><dd>{formatDay(d.received_day)}{d.due_day ? ` · hạn góp ý ${formatDay(d.due_day)}` : ''}</dd>
					{d.note ? <><dt>Ghi chú</dt><dd class="pre-wrap">{d.note}</dd></> : null}
				</dl>
			</div>
			<div class="card">
				<h2>Ý kiến phản biện</h2>
				<p data-testid="crit-comment-summary">{n(cs.length)} ý kiến, được tiếp thu (toàn bộ hoặc một phần) {n(accepted)}.</p>
				<ul class="plain-list" data-testid="comment-list">
					{cs.map((c) => <CommentItem key={c.id} c={c} user={user} onChange={(x) => setComments(cs.map((y) => (y.id === x.id ? x : y)))} />)}
					{!cs.length ? <li class="muted">Chưa có ý kiến nào.</li> : null}
				</ul>
				{canWrite(user) ? <CommentForm draftId={d.id} onSaved={(x) => setComments([...cs, x])} /> : null}
			</div>
		</section>
	);
}

function CommentForm({ draftId, comment, onSaved, onCancel }) {
	const [v, setV] = useState({ content: comment ? comment.content : '', result: comment ? comment.result : 'pending', reason: (comment && comment.reason) || '' });
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const tid = comment ? `comment-edit-${comment.id}` : 'comment';
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!v.content.trim()) return setError({ field: 'content', message: 'Vui lòng nhập nội dung ý kiến phản biện.' });
		if (v.result === 'not_accepted' && !v.reason.trim()) return setError({ field: 'reason', message: 'Vui lòng nêu lý do không được tiếp thu.' });
		const body = { content: v.content.trim(), result: v.result, reason: v.reason.trim() };
		setBusy(true);
		try {
			const r = comment ? await api.patch(`/criticism-comments/${comment.id}`, body) : await api.post(`/criticism-drafts/${draftId}/comments`, body);
			onSaved(r.comment);
			if (!comment) setV({ content: '', result: 'pending', reason: '' });
		} catch (err) { setError(err); } finally { setBusy(false); }
	}
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid={`${tid}-form`}>
			{comment ? null : <h3>Thêm ý kiến phản biện</h3>}
			<Alert kind="error">{error && !['content', 'result', 'reason'].includes(error.field) ? error.message : null}</Alert>
			<div class="form-grid">
				<Field label="Nội dung ý kiến" required wide error={fieldError(error, 'content')}>
					<textarea class="input" rows={3} value={v.content} onInput={(e) => set('content')(e.currentTarget.value)} data-testid={`${tid}-content`} />
				</Field>
				<Field label="Kết quả tiếp thu" error={fieldError(error, 'result')}>
					<MapSelect map={RESULT_LABELS} value={v.result} onChange={set('result')} testid={`${tid}-result`} />
				</Field>
				<Field label="Lý do không tiếp thu" required={v.result === 'not_accepted'} wide error={fieldError(error, 'reason')}>
					<textarea class="input" rows={2} value={v.reason} onInput={(e) => set('reason')(e.currentTarget.value)} data-testid={`${tid}-reason`} />
				</Field>
			</div>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary btn-small" disabled={busy} data-testid={`${tid}-submit`}>{busy ? 'Đang lưu…' : comment ? 'Lưu' : 'Thêm ý kiến'}</button>
				{onCancel ? <button type="button" class="btn btn-small" onClick={onCancel}>Huỷ</button> : null}
			</div>
		</form>
	);
}

function CommentItem({ c, user, onChange }) {
	const [open, setOpen] = useState(false);
	return (
		<li class="card" data-testid={`comment-${c.id}`}>
			<p><Badge tone={resultTone(c.result)} status={c.result} testid={`comment-result-${c.id}`}>{RESULT_LABELS[c.result]}</Badge></p>
			<p class="pre-wrap">{c.content}</p>
			{c.reason ? <p class="small">Lý do: {c.reason}</p> : null}
			{canWrite(user) ? (open ? <CommentForm comment={c} onSaved={(x) => { setOpen(false); onChange(x); }} onCancel={() => setOpen(false)} />
				: <button type="button" class="btn btn-small" data-testid={`comment-edit-${c.id}`} onClick={() => setOpen(true)}>Cập nhật kết quả tiếp thu</button>) : null}
		</li>
	);
}

/* ---------------------------------------------------------------------- */
/* Contributions to building the Party and the government (QĐ 218)         */

let pbFilters = { unit: null, status: '', offset: 0 };

export function PartyBuildingPage({ user }) {
	usePageTitle('Góp ý xây dựng Đảng, xây dựng chính quyền');
	const [f, setF] = useState(pbFilters);
	useEffect(() => { pbFilters = f; }, [f]);
	const set = (k) => (x) => setF((o) => ({ ...o, [k]: x, offset: 0 }));
	const list = useLoader(() => api.get('/opinions', {
		...unitParams(f.unit), channel: 'party_building', status: f.status, limit: LIMIT, offset: f.offset,
	}), [f.unit && f.unit.structure, f.unit && f.unit.code, f.status, f.offset]);
	const data = list.data;
	return (
		<section class="page">
			<Head title="Giám sát – phản biện xã hội" current="party" />
			<p class="muted">
				Ý kiến góp ý xây dựng Đảng, xây dựng chính quyền của Nhân dân (Quyết định 218-QĐ/TW) được ghi nhận và theo dõi trả lời như
				ý kiến, kiến nghị của Nhân dân, kênh “Góp ý xây dựng Đảng, xây dựng chính quyền”. Ghi ý kiến mới và xử lý, trả lời tại trang{' '}
				<a href="#/opinions" data-testid="pb-opinions-link">Ý kiến, kiến nghị của Nhân dân</a>.
			</p>
			<div class="card filters" data-testid="pb-filters">
				<UnitField label="Đơn vị" value={f.unit} onChange={set('unit')} testid="pb-filter-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Tình trạng"><MapSelect map={OPINION_STATUS_LABELS} value={f.status} onChange={set('status')} empty="Tất cả" testid="pb-filter-status" /></Field>
			</div>
			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			{data ? <p class="muted" data-testid="pb-total">Tổng số: {n(data.total)} ý kiến</p> : null}
			<ul class="plain-list" data-testid="pb-list">
				{(data ? data.items : []).map((o) => (
					<li key={o.id} class="card" data-testid={`pb-${o.id}`}>
						<div class="page-head">
							<OpinionBadge status={o.status} />
							<span class="muted small">{formatDay(o.day)}{o.org ? ` · ${o.org.name}` : ''}</span>
						</div>
						<p class="pre-wrap">{o.content}</p>
						{o.raised_by ? <p class="small muted">Người góp ý: {o.raised_by}</p> : null}
						{o.forwarded_to ? <p class="small">Đã chuyển: {o.forwarded_to}{o.due_day ? `, hạn trả lời ${formatDay(o.due_day)}` : ''}</p> : null}
						{o.answer ? <p class="small">Trả lời{o.answered_day ? ` (${formatDay(o.answered_day)})` : ''}: {o.answer}</p> : null}
					</li>
				))}
				{data && !data.items.length ? <li class="muted">Chưa có ý kiến góp ý nào.</li> : null}
			</ul>
			{data ? <Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF((x) => ({ ...x, offset: o }))} testid="pb-pager" noun="ý kiến"
				exportSpec={{
					path: '/opinions', query: { ...unitParams(f.unit), channel: 'party_building', status: f.status },
					title: 'Danh sách ý kiến góp ý xây dựng Đảng, xây dựng chính quyền', filename: 'gop-y-xay-dung-dang',
					columns: [
						{ key: 'day', label: 'Ngày' },
						{ key: 'org.name', label: 'Tổ chức' },
						{ key: 'content', label: 'Nội dung' },
						{ key: 'raised_by', label: 'Người góp ý' },
						{ key: 'status', label: 'Tình trạng', values: OPINION_STATUS_LABELS },
						{ key: 'forwarded_to', label: 'Đã chuyển đến' },
						{ key: 'due_day', label: 'Hạn trả lời' },
						{ key: 'answer', label: 'Trả lời' },
						{ key: 'answered_day', label: 'Ngày trả lời' },
					],
				}} /> : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Statistics                                                              */

let statsState = null;

export function SupervisionStatsPage({ user }) {
	usePageTitle('Thống kê giám sát, phản biện');
	const voc = useVocab();
	const [s, setS] = useState(statsState || { unit: null, period: defaultPeriod('year'), topic: '' });
	useEffect(() => { statsState = s; }, [s]);
	const p = periodString(s.period);
	const r = useLoader(() => api.get('/stats/supervision', { ...unitParams(s.unit), period: p, topic: s.topic }),
		[s.unit && s.unit.structure, s.unit && s.unit.code, p, s.topic]);
	const d = r.data;
	const topicName = toMap(voc.topics)[s.topic];
	return (
		<section class="page">
			<Head title="Giám sát – phản biện xã hội" current="stats" />
			<div class="card filters" data-testid="sup-stats-filters">
				<UnitField label="Đơn vị" value={s.unit} onChange={(u) => setS({ ...s, unit: u })} testid="sup-stats-unit" defaultStructure={defaultStructure(user)} />
				<PeriodPicker value={s.period} onChange={(x) => setS({ ...s, period: x })} testid="sup-stats-period" />
				<Field label="Nội dung giám sát (độ phủ)"><MapSelect map={toMap(voc.topics)} value={s.topic} onChange={(x) => setS({ ...s, topic: x })} empty="Tất cả" testid="sup-stats-topic" /></Field>
			</div>
			{r.error ? <Alert kind="error" testid="sup-stats-error">{r.error.message}</Alert> : null}
			{!d && r.loading ? <p class="muted" role="status">Đang tải số liệu…</p> : null}
			{d ? (
				<>
					<div class="card" data-testid="sup-stats-supervision">
						<h2>Giám sát {d.period.label}</h2>
						<p data-testid="sup-stats-coverage">
							<strong>{n(d.supervision.total)}</strong> cuộc giám sát; {topicName ? `giám sát “${topicName}” ` : 'đã giám sát '}
							<strong>{n(d.supervision.coverage.covered)}/{n(d.supervision.coverage.communes)}</strong> xã, phường, thị trấn.
						</p>
						{d.supervision.coverage.uncovered_count ? (
							<p class="small" data-testid="sup-stats-uncovered">
								Chưa được giám sát ({n(d.supervision.coverage.uncovered_count)}): {d.supervision.coverage.uncovered.map((u) => u.name).join(', ')}
								{d.supervision.coverage.uncovered_count > d.supervision.coverage.uncovered.length ? '…' : ''}
							</p>
						) : null}
						<p data-testid="sup-stats-recs">
							Kiến nghị sau giám sát: {n(d.supervision.recommendations.made)}; đã được trả lời {n(d.supervision.recommendations.responded + d.supervision.recommendations.closed)};
							đang chờ trả lời {n(d.supervision.recommendations.open)}, trong đó <span class={d.supervision.recommendations.overdue ? 'flag-below' : ''}>quá hạn {n(d.supervision.recommendations.overdue)}</span>.
						</p>
						<div class="table-wrap">
							<table class="table table-compact" data-testid="sup-stats-forms">
								<thead><tr><th>Hình thức giám sát</th><th class="num">Số cuộc</th></tr></thead>
								<tbody>{d.supervision.by_form.map((x) => <tr key={x.code}><td>{x.name}</td><td class="num">{n(x.count)}</td></tr>)}</tbody>
							</table>
						</div>
						<p class="small muted">
							Tình trạng: {SUP_ORDER.map((k) => `${SUP_STATUS[k]} ${n(d.supervision.by_status[k])}`).join(' · ')}
						</p>
					</div>
					<div class="card" data-testid="sup-stats-criticism">
						<h2>Phản biện xã hội {d.period.label}</h2>
						<p data-testid="sup-stats-criticism-text">
							Tham gia phản biện <strong>{n(d.criticism.drafts)}</strong> dự thảo văn bản
							{d.criticism.drafts ? ` (trong đó ${d.criticism.by_level.filter((x) => x.count).map((x) => `${pad2(x.count)} văn bản ${x.name.toLowerCase()}`).join(', ')})` : ''}.
						</p>
						<p data-testid="sup-stats-comments">
							{n(d.criticism.comments.made)} ý kiến phản biện; được tiếp thu {n(d.criticism.comments.accepted)}, tiếp thu một phần {n(d.criticism.comments.partly)},
							không được tiếp thu {n(d.criticism.comments.not_accepted)}, chờ tiếp thu {n(d.criticism.comments.pending)}
							{d.criticism.comments.acceptance_rate !== null ? `; tỷ lệ tiếp thu ${formatNumber(d.criticism.comments.acceptance_rate)}%` : ''}.
						</p>
						<div class="table-wrap">
							<table class="table table-compact" data-testid="sup-stats-levels">
								<thead><tr><th>Cấp ban hành</th><th class="num">Số dự thảo</th></tr></thead>
								<tbody>{d.criticism.by_level.map((x) => <tr key={x.code} data-testid={`sup-stats-level-${x.code}`}><td>{x.name}</td><td class="num">{n(x.count)}</td></tr>)}</tbody>
							</table>
							<table class="table table-compact" data-testid="sup-stats-types">
								<thead><tr><th>Loại văn bản</th><th class="num">Số dự thảo</th></tr></thead>
								<tbody>{d.criticism.by_type.map((x) => <tr key={x.code}><td>{x.name}</td><td class="num">{n(x.count)}</td></tr>)}</tbody>
							</table>
						</div>
					</div>
					<div class="card" data-testid="sup-stats-party">
						<h2>Góp ý xây dựng Đảng, xây dựng chính quyền</h2>
						<p>
							{n(d.party_building.opinions)} ý kiến góp ý
							{Object.keys(d.party_building.by_status).length ? ` (${Object.entries(d.party_building.by_status).map(([k, x]) => `${(OPINION_STATUS_LABELS[k] || k).toLowerCase()} ${n(x)}`).join(', ')})` : ''}.
						</p>
					</div>
				</>
			) : null}
		</section>
	);
}
