// "Dân vận khéo" (issue 4): models (mô hình, điển hình) with their forward-only
// status, replication, statistics for a year against the previous one, and
// breakthrough tasks (nhiệm vụ đột phá) per organisation and year.
import { useEffect, useState } from 'preact/hooks';
import { withLinkFilters } from '../linkFilters.js';
import { api } from '../api.js';
import { formatNumber, navigate, todayDay } from '../format.js';
import { label } from '../labels.js';
import { Pager } from '../components/Pager.jsx';
import { UnitField } from '../components/UnitPicker.jsx';
import { Alert, Field, fieldError, useDebounced, useLoader, usePageTitle } from '../components/ui.jsx';
import { MapSelect, OrgPicker, TabLinks } from '../components/forms.jsx';

const LIMIT = 20;
const TABS = [
	{ id: 'models', href: '#/dvk', label: 'Mô hình, điển hình' },
	{ id: 'breakthrough', href: '#/dvk/breakthrough', label: 'Nhiệm vụ đột phá' },
];
export const KIND_LABELS = { collective: 'Mô hình (tập thể)', individual: 'Điển hình (cá nhân)' };
export const MODEL_STATUS = { registered: 'Đăng ký', implementing: 'Triển khai', evaluated: 'Đánh giá, bình xét', recognised: 'Công nhận' };
const ORDER = ['registered', 'implementing', 'evaluated', 'recognised'];
export const TASK_STATUS = { registered: 'Đã đăng ký', in_progress: 'Đang thực hiện', completed: 'Hoàn thành', not_completed: 'Không hoàn thành' };

const canWrite = (user) => !!user && user.role !== 'viewer';
const defaultStructure = (user) => (user.unit ? Number(user.unit.structure) : 2025);
const unitParams = (unit) => (unit ? { structure: unit.structure, unit: unit.code } : {});
const n = (x) => formatNumber(x || 0);
const thisYear = () => Number(todayDay().slice(0, 4));
function yearList() {
	const y0 = thisYear();
	const ys = [];
	for (let y = y0 + 1; y >= y0 - 10; y--) ys.push(y);
	return ys;
}

let fieldsCache = null;
function useDvkFields() {
	const [items, setItems] = useState(fieldsCache || []);
	useEffect(() => {
		if (fieldsCache) return undefined;
		let live = true;
		api.get('/dvk-fields').then((r) => { fieldsCache = r.items || []; if (live) setItems(fieldsCache); }, () => {});
		return () => { live = false; };
	}, []);
	return items;
}
const fieldsMap = (items) => Object.fromEntries(items.map((i) => [i.code, i.name]));

function ModelBadge({ status, testid }) {
	return <span class={`status status-${status === 'recognised' ? 'ok' : 'open'}`} data-status={status} data-testid={testid}>{label(MODEL_STATUS, status)}</span>;
}

function changeText(change, prevYear, noun) {
	if (!change) return `bằng năm ${prevYear}`;
	return `${change > 0 ? 'tăng' : 'giảm'} ${n(Math.abs(change))} ${noun} so với năm ${prevYear}`;
}

/* ---------------------------------------------------------------------- */
/* Statistics                                                              */

function DvkStats({ unit, year }) {
	const st = useLoader(() => api.get('/stats/dvk', { ...unitParams(unit), year }), [unit && unit.structure, unit && unit.code, year]);
	const d = st.data;
	return (
		<div class="card" data-testid="dvk-stats">
			<h2>Kết quả phong trào “Dân vận khéo” năm {year}</h2>
			{st.error ? <Alert kind="error">{st.error.message}</Alert> : null}
			{!d && st.loading ? <p class="muted" role="status">Đang tải số liệu…</p> : null}
			{d ? (
				<div class="stats-summary">
					<p data-testid="dvk-stats-text">
						<strong>{n(d.models.total)}</strong> mô hình, điển hình ({changeText(d.models.change, d.year - 1, 'mô hình')}); trong đó{' '}
						{n(d.models.by_kind.collective)} mô hình tập thể, {n(d.models.by_kind.individual)} điển hình cá nhân;
						công nhận {n(d.models.by_status.recognised)}, tiêu biểu {n(d.models.outstanding)}, nhân rộng {n(d.models.replicated)}.
					</p>
					<p data-testid="dvk-stats-breakthrough">
						Nhiệm vụ đột phá: {n(d.breakthrough.organisations)} tổ chức đăng ký {n(d.breakthrough.tasks)} nhiệm vụ, hoàn thành{' '}
						{n(d.breakthrough.completed)};{' '}
						<span class={d.breakthrough.below_minimum ? 'flag-below' : ''}>{n(d.breakthrough.below_minimum)} tổ chức đăng ký dưới mức tối thiểu</span>.
					</p>
					{d.models.by_field && d.models.by_field.length ? (
						<div class="table-wrap">
							<table class="table table-compact" data-testid="dvk-stats-fields">
								<thead><tr><th>Lĩnh vực</th><th class="num">Năm {d.year}</th><th class="num">Năm {d.year - 1}</th><th class="num">Tăng/giảm</th></tr></thead>
								<tbody>
									{d.models.by_field.map((f) => (
										<tr key={f.code}><td>{f.name}</td><td class="num">{n(f.count)}</td><td class="num">{n(f.previous)}</td>
											<td class="num">{f.change > 0 ? '+' : ''}{formatNumber(f.change || 0)}</td></tr>
									))}
								</tbody>
							</table>
						</div>
					) : null}
				</div>
			) : null}
		</div>
	);
}

/* ---------------------------------------------------------------------- */
/* Models list                                                             */

let filters = { unit: null, field: '', kind: '', status: '', year: '', q: '', offset: 0 };

export function DvkPage({ user, query }) {
	usePageTitle('Dân vận khéo');
	const fields = useDvkFields();
	const [f, setF] = useState(() => withLinkFilters(query, filters, ['unit', 'year']));
	useEffect(() => { filters = f; }, [f]);
	const set = (k) => (v) => setF((x) => ({ ...x, [k]: v, offset: 0 }));
	const q = useDebounced(f.q.trim(), 300);
	const list = useLoader(() => api.get('/dvk-models', {
		...unitParams(f.unit), field: f.field, kind: f.kind, status: f.status, year: f.year, q, limit: LIMIT, offset: f.offset,
	}), [f.unit && f.unit.structure, f.unit && f.unit.code, f.field, f.kind, f.status, f.year, q, f.offset]);
	const data = list.data;
	const years = yearList();
	return (
		<section class="page">
			<div class="page-head">
				<h1>Dân vận khéo</h1>
				{canWrite(user) ? <a class="btn btn-primary" href="#/dvk/new" data-testid="dvk-new-button">+ Đăng ký mô hình</a> : null}
			</div>
			<TabLinks items={TABS} current="models" testid="dvk-tabs" />
			<DvkStats unit={f.unit} year={f.year ? Number(f.year) : thisYear()} />
			<div class="card filters" data-testid="dvk-filters">
				<UnitField label="Đơn vị" value={f.unit} onChange={set('unit')} testid="dvk-filter-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Lĩnh vực"><MapSelect map={fieldsMap(fields)} value={f.field} onChange={set('field')} empty="Tất cả" testid="dvk-filter-field" /></Field>
				<Field label="Loại"><MapSelect map={KIND_LABELS} value={f.kind} onChange={set('kind')} empty="Tất cả" testid="dvk-filter-kind" /></Field>
				<Field label="Tình trạng"><MapSelect map={MODEL_STATUS} value={f.status} onChange={set('status')} empty="Tất cả" testid="dvk-filter-status" /></Field>
				<Field label="Năm"><MapSelect map={Object.fromEntries(years.map((y) => [String(y), String(y)]))} codes={years.map(String)} value={f.year} onChange={set('year')} empty="Tất cả" testid="dvk-filter-year" /></Field>
				<Field label="Tìm theo tên"><input type="search" class="input" value={f.q} onInput={(e) => set('q')(e.currentTarget.value)} data-testid="dvk-filter-q" /></Field>
			</div>
			{list.error ? <Alert kind="error" testid="dvk-list-error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách mô hình Dân vận khéo">
				<table class="table" data-testid="dvk-table">
					<thead><tr><th>Tên mô hình, điển hình</th><th>Tổ chức</th><th>Lĩnh vực</th><th>Loại</th><th class="num">Năm</th><th>Tình trạng</th></tr></thead>
					<tbody>
						{data && data.items.map((m) => (
							<tr key={m.id} data-testid={`dvk-row-${m.id}`}>
								<td><a href={`#/dvk/${m.id}`}>{m.name}</a>{m.outstanding ? <span class="muted small block">Tiêu biểu</span> : null}{m.replicated_from ? <span class="muted small block">Nhân rộng</span> : null}</td>
								<td>{m.org ? m.org.name : ''}{m.unit ? <span class="muted small block">{m.unit.name}</span> : null}</td>
								<td>{fieldsMap(fields)[m.field] || m.field}</td><td>{label(KIND_LABELS, m.kind)}</td>
								<td class="num">{m.year}</td><td><ModelBadge status={m.status} /></td>
							</tr>
						))}
						{data && !data.items.length ? <tr><td colSpan={6} class="empty">Chưa có mô hình nào.</td></tr> : null}
						{!data && list.loading ? <tr><td colSpan={6} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF((x) => ({ ...x, offset: o }))} testid="dvk-pager" noun="mô hình"
				exportSpec={{
					path: '/dvk-models', query: { ...unitParams(f.unit), field: f.field, kind: f.kind, status: f.status, year: f.year, q },
					title: 'Danh sách mô hình, điển hình “Dân vận khéo”', filename: 'dan-van-kheo',
					columns: [
						{ key: 'name', label: 'Tên mô hình, điển hình' },
						{ key: 'outstanding', label: 'Tiêu biểu' },
						{ key: 'org.name', label: 'Tổ chức' },
						{ key: 'unit.name', label: 'Đơn vị' },
						{ key: 'field', label: 'Lĩnh vực', values: fieldsMap(fields) },
						{ key: 'kind', label: 'Loại', values: KIND_LABELS },
						{ key: 'year', label: 'Năm' },
						{ key: 'status', label: 'Tình trạng', values: MODEL_STATUS },
					],
				}} /> : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Create / edit                                                           */

function ModelPicker({ value, onChange, exclude }) {
	const [q, setQ] = useState('');
	const dq = useDebounced(q.trim(), 300);
	const r = useLoader(() => api.get('/dvk-models', { q: dq, limit: 50 }), [dq]);
	const items = ((r.data && r.data.items) || []).filter((m) => m.id !== exclude);
	return (
		<div class="org-picker">
			<select class="input" value={value ? String(value) : ''} data-testid="dvk-replicated"
				onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : 0)}>
				<option value="">— Không nhân rộng từ mô hình nào —</option>
				{value && !items.some((m) => m.id === value) ? <option value={String(value)}>Mô hình số {value}</option> : null}
				{items.map((m) => <option key={m.id} value={String(m.id)}>{m.name} ({m.year}{m.org ? `, ${m.org.name}` : ''})</option>)}
			</select>
			<input type="search" class="input" placeholder="Tìm mô hình theo tên" aria-label="Tìm mô hình theo tên" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
		</div>
	);
}

export function DvkModelFormPage({ user, params }) {
	const editing = !!params.id;
	usePageTitle(editing ? 'Sửa mô hình' : 'Đăng ký mô hình');
	const r = useLoader(() => (editing ? api.get(`/dvk-models/${params.id}`) : Promise.resolve(null)), [params.id]);
	const m = r.data && r.data.model;
	if (!canWrite(user)) return <section class="page"><h1>Dân vận khéo</h1><Alert kind="error" testid="forbidden">Vai trò “Xem báo cáo” không ghi nhận mô hình.</Alert></section>;
	if (editing && !m) return <section class="page"><h1>Sửa mô hình</h1>{r.error ? <Alert kind="error">{r.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	return <ModelForm key={m ? m.id : 'new'} model={m} />;
}

function ModelForm({ model }) {
	const editing = !!model;
	const fields = useDvkFields();
	const [org, setOrg] = useState(model ? model.org.id : '');
	const [v, setV] = useState({
		name: model ? model.name : '', field: model ? model.field : '', kind: model ? model.kind : 'collective',
		year: String(model ? model.year : thisYear()), status: model ? model.status : 'registered',
		outstanding: model ? !!model.outstanding : false, results: (model && model.results) || '', evidence: (model && model.evidence) || '',
		replicated_from: (model && model.replicated_from) || 0,
	});
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const minStatus = model ? ORDER.indexOf(model.status) : 0;
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn tổ chức.' });
		if (!v.name.trim()) return setError({ field: 'name', message: 'Vui lòng nhập tên mô hình, điển hình.' });
		if (!v.field) return setError({ field: 'field', message: 'Vui lòng chọn lĩnh vực.' });
		if (!/^\d{4}$/.test(v.year.trim())) return setError({ field: 'year', message: 'Năm không hợp lệ.' });
		const body = {
			name: v.name.trim(), field: v.field, kind: v.kind, year: Number(v.year), status: v.status,
			outstanding: v.status === 'recognised' ? v.outstanding : false, results: v.results.trim(), evidence: v.evidence.trim(),
		};
		if (v.replicated_from || editing) body.replicated_from = v.replicated_from || 0;
		setBusy(true);
		try {
			let r;
			if (editing) {
				const patch = {};
				for (const [k, x] of Object.entries(body)) if (x !== (model[k] ?? (k === 'replicated_from' ? 0 : k === 'outstanding' ? false : ''))) patch[k] = x;
				r = Object.keys(patch).length ? await api.patch(`/dvk-models/${model.id}`, patch) : { model };
			} else {
				if (!body.results) delete body.results;
				if (!body.evidence) delete body.evidence;
				if (!body.outstanding) delete body.outstanding;
				r = await api.post('/dvk-models', { org_id: Number(org), ...body });
			}
			navigate(`/dvk/${r.model.id}`);
		} catch (err) { setError(err); } finally { setBusy(false); }
	}
	const known = ['org_id', 'name', 'field', 'kind', 'year', 'status', 'outstanding', 'results', 'evidence', 'replicated_from'];
	const back = editing ? `#/dvk/${model.id}` : '#/dvk';
	return (
		<section class="page">
			<p class="no-print"><a href={back}>‹ Quay lại</a></p>
			<form class="card form-card" onSubmit={submit} noValidate data-testid="dvk-form">
				<h1>{editing ? 'Sửa mô hình, điển hình' : 'Đăng ký mô hình, điển hình “Dân vận khéo”'}</h1>
				<Alert kind="error" testid="dvk-form-error">{error && !known.includes(error.field) ? error.message : null}</Alert>
				<div class="form-grid">
					<Field label="Tổ chức" required wide error={fieldError(error, 'org_id')} hint={editing ? 'Không đổi được tổ chức.' : null}>
						<OrgPicker value={org} extra={model ? model.org : null} disabled={editing} onChange={(x) => setOrg(x)} testid="dvk-org" />
					</Field>
					<Field label="Tên mô hình, điển hình" required wide error={fieldError(error, 'name')}>
						<input class="input" maxLength={300} value={v.name} onInput={(e) => set('name')(e.currentTarget.value)} data-testid="dvk-name" />
					</Field>
					<Field label="Lĩnh vực" required error={fieldError(error, 'field')}>
						<MapSelect map={fieldsMap(fields)} value={v.field} onChange={set('field')} empty={fields.length ? '— Chọn lĩnh vực —' : 'Đang tải…'} testid="dvk-field" />
					</Field>
					<Field label="Loại" required error={fieldError(error, 'kind')}><MapSelect map={KIND_LABELS} value={v.kind} onChange={set('kind')} testid="dvk-kind" /></Field>
					<Field label="Năm" required error={fieldError(error, 'year')}>
						<input class="input" inputMode="numeric" maxLength={4} value={v.year} onInput={(e) => set('year')(e.currentTarget.value)} data-testid="dvk-year" />
					</Field>
					<Field label="Tình trạng" error={fieldError(error, 'status')} hint="Chỉ chuyển tiếp: đăng ký → triển khai → đánh giá → công nhận.">
						<MapSelect map={MODEL_STATUS} codes={ORDER.slice(minStatus)} value={v.status} onChange={set('status')} testid="dvk-status" />
					</Field>
					<label class="check">
						<input type="checkbox" disabled={v.status !== 'recognised'} checked={v.status === 'recognised' && v.outstanding}
							onChange={(e) => set('outstanding')(e.currentTarget.checked)} data-testid="dvk-outstanding" />
						<span>Tiêu biểu {v.status !== 'recognised' ? '(chỉ khi đã công nhận)' : ''}</span>
					</label>
					<Field label="Nhân rộng từ mô hình" wide error={fieldError(error, 'replicated_from')}>
						<ModelPicker value={v.replicated_from} onChange={set('replicated_from')} exclude={model ? model.id : 0} />
					</Field>
					<Field label="Kết quả" wide error={fieldError(error, 'results')}>
						<textarea class="input" rows={3} maxLength={10000} value={v.results} onInput={(e) => set('results')(e.currentTarget.value)} data-testid="dvk-results" />
					</Field>
					<Field label="Minh chứng" wide error={fieldError(error, 'evidence')}>
						<textarea class="input" rows={2} maxLength={10000} value={v.evidence} onInput={(e) => set('evidence')(e.currentTarget.value)} data-testid="dvk-evidence" />
					</Field>
				</div>
				<div class="form-actions">
					<button type="submit" class="btn btn-primary" disabled={busy} data-testid="dvk-submit">{busy ? 'Đang lưu…' : editing ? 'Lưu thay đổi' : 'Đăng ký'}</button>
					<a class="btn" href={back}>Huỷ</a>
				</div>
			</form>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Detail                                                                  */

export function DvkModelPage({ user, params }) {
	usePageTitle('Mô hình Dân vận khéo');
	const fields = useDvkFields();
	const r = useLoader(() => api.get(`/dvk-models/${params.id}`), [params.id]);
	if (!r.data) return <section class="page"><h1>Mô hình Dân vận khéo</h1>{r.error ? <Alert kind="error">{r.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	const m = r.data.model;
	const reps = r.data.replications || [];
	return (
		<section class="page">
			<p class="no-print"><a href="#/dvk">‹ Danh sách mô hình</a></p>
			<div class="page-head">
				<h1>{m.name}</h1>
				{canWrite(user) ? <a class="btn" href={`#/dvk/${m.id}/edit`} data-testid="dvk-edit">Sửa</a> : null}
			</div>
			<div class="card" data-testid="dvk-detail">
				<dl class="deflist">
					<dt>Tổ chức</dt><dd>{m.org.name}{m.unit ? ` — ${m.unit.name}` : ''}</dd>
					<dt>Lĩnh vực</dt><dd>{fieldsMap(fields)[m.field] || m.field}</dd>
					<dt>Loại</dt><dd>{label(KIND_LABELS, m.kind)}</dd>
					<dt>Năm</dt><dd>{m.year}</dd>
					<dt>Tình trạng</dt><dd><ModelBadge status={m.status} testid="dvk-status-view" />{m.outstanding ? ' · Tiêu biểu' : ''}</dd>
					{m.replicated_from ? <><dt>Nhân rộng từ</dt><dd><a href={`#/dvk/${m.replicated_from}`}>Mô hình gốc</a></dd></> : null}
					{m.results ? <><dt>Kết quả</dt><dd class="pre-wrap">{m.results}</dd></> : null}
					{m.evidence ? <><dt>Minh chứng</dt><dd class="pre-wrap">{m.evidence}</dd></> : null}
				</dl>
			</div>
			<h2>Mô hình nhân rộng từ mô hình này ({n(reps.length)})</h2>
			<ul>
				{reps.map((x) => <li key={x.id}><a href={`#/dvk/${x.id}`}>{x.name}</a> — {x.org ? x.org.name : ''} ({x.year})</li>)}
				{!reps.length ? <li class="muted">Chưa có.</li> : null}
			</ul>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Breakthrough tasks                                                      */

function TaskRow({ t, user, onSaved }) {
	const [edit, setEdit] = useState(false);
	const [v, setV] = useState({ progress: String(t.progress ?? 0), status: t.status, evaluation: t.evaluation || '' });
	const [err, setErr] = useState(null);
	const [busy, setBusy] = useState(false);
	async function save() {
		setErr(null);
		const p = Number(v.progress);
		if (!/^\d+$/.test(v.progress.trim()) || p > 100) return setErr({ message: 'Tiến độ là số từ 0 đến 100.' });
		if ((v.status === 'completed' || v.status === 'not_completed') && !v.evaluation.trim()) return setErr({ message: 'Đánh giá cuối cùng cần nội dung đánh giá.' });
		const body = {};
		if (p !== t.progress) body.progress = p;
		if (v.status !== t.status) body.status = v.status;
		if (v.evaluation.trim() !== (t.evaluation || '')) body.evaluation = v.evaluation.trim();
		setBusy(true);
		try {
			if (Object.keys(body).length) await api.patch(`/breakthrough-tasks/${t.id}`, body);
			setEdit(false); onSaved();
		} catch (e) { setErr(e); } finally { setBusy(false); }
	}
	return (
		<tr data-testid={`task-row-${t.id}`}>
			<td>{t.org ? t.org.name : ''}</td><td class="num">{t.year}</td><td>{t.title}</td>
			<td class="nowrap">{edit ? <input class="input input-points" inputMode="numeric" value={v.progress} onInput={(e) => setV({ ...v, progress: e.currentTarget.value })} aria-label="Tiến độ (%)" />
				: <><span class="progress" aria-hidden="true"><span style={`width:${Math.min(100, t.progress || 0)}%`} /></span> {n(t.progress)}%</>}</td>
			<td>{edit ? <MapSelect map={TASK_STATUS} value={v.status} onChange={(x) => setV({ ...v, status: x })} /> : label(TASK_STATUS, t.status)}</td>
			<td>{edit ? <textarea class="input" rows={2} maxLength={10000} value={v.evaluation} onInput={(e) => setV({ ...v, evaluation: e.currentTarget.value })} aria-label="Đánh giá" /> : t.evaluation || ''}
				{err ? <span class="field-error">{err.message}</span> : null}</td>
			<td class="nowrap">{canWrite(user) ? (edit
				? <><button type="button" class="btn btn-small btn-primary" disabled={busy} onClick={save}>Lưu</button> <button type="button" class="btn btn-small" onClick={() => setEdit(false)}>Huỷ</button></>
				: <button type="button" class="btn btn-small" onClick={() => setEdit(true)} data-testid={`task-edit-${t.id}`}>Cập nhật</button>) : null}</td>
		</tr>
	);
}

export function BreakthroughPage({ user }) {
	usePageTitle('Nhiệm vụ đột phá');
	const [unit, setUnit] = useState(null);
	const [year, setYear] = useState(thisYear());
	const [offset, setOffset] = useState(0);
	const list = useLoader(() => api.get('/breakthrough-tasks', { ...unitParams(unit), year, limit: LIMIT, offset }), [unit && unit.code, unit && unit.structure, year, offset]);
	const sum = useLoader(() => api.get('/breakthrough-tasks/summary', { ...unitParams(unit), year }), [unit && unit.code, unit && unit.structure, year]);
	const [org, setOrg] = useState('');
	const [title, setTitle] = useState('');
	const [err, setErr] = useState(null);
	const [busy, setBusy] = useState(false);
	async function add(e) {
		e.preventDefault();
		setErr(null);
		if (!org) return setErr({ field: 'org_id', message: 'Vui lòng chọn tổ chức.' });
		if (!title.trim()) return setErr({ field: 'title', message: 'Vui lòng nhập nội dung nhiệm vụ.' });
		setBusy(true);
		try {
			await api.post('/breakthrough-tasks', { org_id: Number(org), year, title: title.trim() });
			setTitle(''); list.reload(); sum.reload();
		} catch (x) { setErr(x); } finally { setBusy(false); }
	}
	const years = yearList();
	const s = sum.data;
	return (
		<section class="page">
			<h1>Nhiệm vụ đột phá</h1>
			<TabLinks items={TABS} current="breakthrough" testid="dvk-tabs" />
			<div class="card filters">
				<UnitField label="Đơn vị" value={unit} onChange={(u) => { setUnit(u); setOffset(0); }} testid="task-filter-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Năm">
					<select class="input" value={String(year)} onChange={(e) => { setYear(Number(e.currentTarget.value)); setOffset(0); }} data-testid="task-year">
						{years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
					</select>
				</Field>
			</div>
			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			<div class="table-wrap">
				<table class="table" data-testid="task-table">
					<thead><tr><th>Tổ chức</th><th class="num">Năm</th><th>Nhiệm vụ</th><th>Tiến độ</th><th>Tình trạng</th><th>Đánh giá</th><th /></tr></thead>
					<tbody>
						{list.data && list.data.items.map((t) => <TaskRow key={`${t.id}-${t.updated_at}`} t={t} user={user} onSaved={() => { list.reload(); sum.reload(); }} />)}
						{list.data && !list.data.items.length ? <tr><td colSpan={7} class="empty">Chưa có nhiệm vụ đột phá năm {year}.</td></tr> : null}
						{!list.data && list.loading ? <tr><td colSpan={7} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{list.data ? <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={setOffset} testid="task-pager" noun="nhiệm vụ"
				exportSpec={{
					path: '/breakthrough-tasks', query: { ...unitParams(unit), year },
					title: `Danh sách nhiệm vụ đột phá năm ${year}`, filename: `nhiem-vu-dot-pha-nam-${year}`,
					columns: [
						{ key: 'org.name', label: 'Tổ chức' },
						{ key: 'unit.name', label: 'Đơn vị' },
						{ key: 'year', label: 'Năm' },
						{ key: 'title', label: 'Nhiệm vụ' },
						{ key: 'progress', label: 'Tiến độ (%)' },
						{ key: 'status', label: 'Tình trạng', values: TASK_STATUS },
						{ key: 'evaluation', label: 'Đánh giá' },
					],
				}} /> : null}
			{canWrite(user) ? (
				<form class="card form-card" onSubmit={add} noValidate data-testid="task-form">
					<h2>Đăng ký nhiệm vụ đột phá năm {year}</h2>
					<Alert kind="error" testid="task-form-error">{err && !['org_id', 'title'].includes(err.field) ? err.message : null}</Alert>
					<div class="form-grid">
						<Field label="Tổ chức" required wide error={fieldError(err, 'org_id')}><OrgPicker value={org} onChange={(x) => setOrg(x)} testid="task-org" /></Field>
						<Field label="Nội dung nhiệm vụ" required wide error={fieldError(err, 'title')}>
							<textarea class="input" rows={2} maxLength={500} value={title} onInput={(e) => setTitle(e.currentTarget.value)} data-testid="task-title" />
						</Field>
					</div>
					<div class="form-actions"><button type="submit" class="btn btn-primary" disabled={busy} data-testid="task-submit">Đăng ký</button></div>
				</form>
			) : null}
			<div class="card" data-testid="task-summary">
				<h2>Tổng hợp đăng ký năm {year}{s ? ` (mỗi tổ chức từ ${s.min} đến ${s.max} nhiệm vụ)` : ''}</h2>
				{sum.error ? <Alert kind="error">{sum.error.message}</Alert> : null}
				<div class="table-wrap">
					<table class="table table-compact">
						<thead><tr><th>Tổ chức</th><th>Đơn vị</th><th class="num">Đã đăng ký</th><th class="num">Hoàn thành</th><th>Ghi chú</th></tr></thead>
						<tbody>
							{s && s.items.map((x) => (
								<tr key={x.org.id} data-testid={`task-sum-${x.org.id}`}>
									<td>{x.org.name}</td><td>{x.unit ? x.unit.name : ''}</td><td class="num">{n(x.registered)}</td><td class="num">{n(x.completed)}</td>
									<td>{x.below_minimum ? <span class="flag-below">Dưới mức tối thiểu ({s.min})</span> : ''}</td>
								</tr>
							))}
							{s && !s.items.length ? <tr><td colSpan={5} class="empty">Không có tổ chức nào.</td></tr> : null}
						</tbody>
					</table>
				</div>
			</div>
		</section>
	);
}
