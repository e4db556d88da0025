// Văn bản chỉ đạo (issue 5): the register of nghị quyết, chỉ thị, kết luận,
// kế hoạch, đề án ... with the tasks derived from each (responsible
// organisations, deadline, progress; "quá hạn" computed), their reviews
// (sơ kết, tổng kết) and the list of tasks due soon or overdue.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatDay, formatNumber, navigate, todayDay } from '../format.js';
import { Pager } from '../components/Pager.jsx';
import { UnitField } from '../components/UnitPicker.jsx';
import { Alert, Field, fieldError, useDebounced, useLoader, usePageTitle } from '../components/ui.jsx';
import { DayField, DayInput, MapSelect, OrgPicker } from '../components/forms.jsx';

const LIMIT = 20;
export const TASK_STATUS = {
	not_started: 'Chưa triển khai', in_progress: 'Đang thực hiện', done: 'Hoàn thành', overdue: 'Quá hạn',
};
const SET_STATUS = { not_started: 'Chưa triển khai', in_progress: 'Đang thực hiện', done: 'Hoàn thành' };
export const REVIEW_KINDS = { interim: 'Sơ kết', final: 'Tổng kết' };

const canWrite = (user) => !!user && user.role !== 'viewer';
const defaultStructure = (user) => (user.unit ? Number(user.unit.structure) : 2025);
const unitParams = (unit) => (unit ? { structure: unit.structure, unit: unit.code } : {});
const thisYear = () => Number(todayDay().slice(0, 4));

let kindsCache = null;
function useKinds() {
	const [items, setItems] = useState(kindsCache || []);
	useEffect(() => {
		if (kindsCache) return undefined;
		let live = true;
		api.get('/directive-kinds').then((r) => { kindsCache = r.items || []; if (live) setItems(kindsCache); }, () => {});
		return () => { live = false; };
	}, []);
	return items;
}
const kindsMap = (items) => Object.fromEntries(items.map((i) => [i.code, i.name]));

function TaskBadge({ status, testid }) {
	const tone = status === 'done' ? 'ok' : status === 'overdue' ? 'late' : 'open';
	return <span class={`status status-${tone}`} data-status={status} data-testid={testid}>{TASK_STATUS[status] || status}</span>;
}

function Progress({ value, testid }) {
	return (
		<span class="progress-cell" data-testid={testid}>
			<span class="progress" role="img" aria-label={`Tiến độ ${value}%`}><span style={{ width: `${value}%` }} /></span> {formatNumber(value)}%
		</span>
	);
}

/* ---------------------------------------------------------------------- */
/* List and due tasks                                                      */

function DueTasks({ unit }) {
	const r = useLoader(() => api.get('/directive-tasks/due', { ...unitParams(unit), limit: 10 }), [unit && unit.structure, unit && unit.code]);
	const d = r.data;
	return (
		<div class="card" data-testid="directive-due">
			<h2>Nhiệm vụ sắp đến hạn, quá hạn</h2>
			{r.error ? <Alert kind="error">{r.error.message}</Alert> : null}
			{d ? <p class="muted small">Chưa hoàn thành, hạn đến {formatDay(d.until)} ({formatNumber(d.days)} ngày tới) hoặc đã quá hạn: {formatNumber(d.total)} nhiệm vụ.</p> : null}
			{d && d.items.length ? (
				<ul class="plain-list">
					{d.items.map((t) => (
						<li key={t.id} data-testid={`due-task-${t.id}`}>
							<TaskBadge status={t.status} /> <a href={`#/directives/${t.directive.id}`}>{t.directive.number}</a>: {t.content}
							<span class="muted small"> — hạn {formatDay(t.deadline)}; {t.orgs.map((o) => o.name).join(', ')}</span>
						</li>
					))}
				</ul>
			) : null}
		</div>
	);
}

let filters = { unit: null, kind: '', year: '', q: '', offset: 0 };

export function DirectivesPage({ user }) {
	usePageTitle('Văn bản chỉ đạo');
	const kinds = useKinds();
	const [f, setF] = useState(filters);
	useEffect(() => { filters = f; }, [f]);
	const set = (k) => (v) => setF((x) => ({ ...x, [k]: v, offset: 0 }));
	const q = useDebounced(f.q.trim(), 300);
	const list = useLoader(() => api.get('/directives', {
		...unitParams(f.unit), kind: f.kind, year: f.year, q, limit: LIMIT, offset: f.offset,
	}), [f.unit && f.unit.structure, f.unit && f.unit.code, f.kind, f.year, q, f.offset]);
	const data = list.data;
	const years = [];
	for (let y = thisYear(); y >= thisYear() - 15; y--) years.push(String(y));
	return (
		<section class="page">
			<div class="page-head">
				<h1>Văn bản chỉ đạo</h1>
				{canWrite(user) ? <a class="btn btn-primary" href="#/directives/new" data-testid="directive-new-button">+ Thêm văn bản</a> : null}
			</div>
			<DueTasks unit={f.unit} />
			<div class="card filters" data-testid="directive-filters">
				<UnitField label="Đơn vị" value={f.unit} onChange={set('unit')} testid="directive-filter-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Loại văn bản"><MapSelect map={kindsMap(kinds)} value={f.kind} onChange={set('kind')} empty="Tất cả" testid="directive-filter-kind" /></Field>
				<Field label="Năm ban hành"><MapSelect map={Object.fromEntries(years.map((y) => [y, y]))} codes={years} value={f.year} onChange={set('year')} empty="Tất cả" testid="directive-filter-year" /></Field>
				<Field label="Tìm theo số, ký hiệu, trích yếu"><input type="search" class="input" value={f.q} onInput={(e) => set('q')(e.currentTarget.value)} data-testid="directive-filter-q" /></Field>
			</div>
			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách văn bản chỉ đạo">
				<table class="table" data-testid="directive-table">
					<thead><tr><th>Số, ký hiệu</th><th>Trích yếu</th><th>Ngày ban hành</th><th>Tổ chức theo dõi</th><th>Nhiệm vụ</th></tr></thead>
					<tbody>
						{data && data.items.map((d) => (
							<tr key={d.id} data-testid={`directive-row-${d.id}`}>
								<td><a href={`#/directives/${d.id}`}>{d.number}</a><span class="muted small block">{d.kind_name}</span></td>
								<td>{d.abstract}<span class="muted small block">{d.issuer}</span></td>
								<td>{formatDay(d.issued_day)}</td>
								<td>{d.org.name}<span class="muted small block">{d.unit.name}</span></td>
								<td>{formatNumber(d.tasks.done)}/{formatNumber(d.tasks.total)} hoàn thành<span class="block"><Progress value={d.tasks.percent} /></span></td>
							</tr>
						))}
						{data && !data.items.length ? <tr><td colSpan={5} class="empty">Chưa có văn bản nào.</td></tr> : null}
						{!data && list.loading ? <tr><td colSpan={5} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF((x) => ({ ...x, offset: o }))} testid="directive-pager" noun="văn bản"
				exportSpec={{
					path: '/directives', query: { ...unitParams(f.unit), kind: f.kind, year: f.year, q },
					title: 'Danh sách văn bản chỉ đạo', filename: 'van-ban-chi-dao',
					columns: [
						{ key: 'number', label: 'Số, ký hiệu' },
						{ key: 'kind_name', label: 'Loại văn bản' },
						{ key: 'abstract', label: 'Trích yếu' },
						{ key: 'issuer', label: 'Cơ quan ban hành' },
						{ key: 'issued_day', label: 'Ngày ban hành' },
						{ key: 'org.name', label: 'Tổ chức theo dõi' },
						{ key: 'unit.name', label: 'Đơn vị' },
						{ key: 'tasks.total', label: 'Số nhiệm vụ' },
						{ key: 'tasks.done', label: 'Nhiệm vụ hoàn thành' },
						{ key: 'tasks.percent', label: 'Tiến độ (%)' },
					],
				}} /> : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Create / edit                                                           */

export function DirectiveFormPage({ user, params }) {
	const editing = !!params.id;
	usePageTitle(editing ? 'Sửa văn bản' : 'Thêm văn bản chỉ đạo');
	const r = useLoader(() => (editing ? api.get(`/directives/${params.id}`) : Promise.resolve(null)), [params.id]);
	const d = r.data && r.data.directive;
	if (!canWrite(user)) return <section class="page"><h1>Văn bản chỉ đạo</h1><Alert kind="error" testid="forbidden">Vai trò “Xem báo cáo” không thêm, sửa văn bản.</Alert></section>;
	if (editing && !d) return <section class="page"><h1>Sửa văn bản</h1>{r.error ? <Alert kind="error">{r.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	return <DirectiveForm key={d ? d.id : 'new'} directive={d} />;
}

function DirectiveForm({ directive }) {
	const editing = !!directive;
	const kinds = useKinds();
	const [org, setOrg] = useState(directive ? directive.org.id : '');
	const [v, setV] = useState({
		kind: directive ? directive.kind : '', number: directive ? directive.number : '', issuer: directive ? directive.issuer : '',
		issued_day: directive ? directive.issued_day : '', abstract: directive ? directive.abstract : '',
		period_from: (directive && directive.period_from) || '', period_to: (directive && directive.period_to) || '',
	});
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn tổ chức theo dõi văn bản.' });
		if (!v.kind) return setError({ field: 'kind', message: 'Vui lòng chọn loại văn bản.' });
		if (!v.number.trim()) return setError({ field: 'number', message: 'Vui lòng nhập số, ký hiệu văn bản.' });
		if (!v.issuer.trim()) return setError({ field: 'issuer', message: 'Vui lòng nhập cơ quan ban hành.' });
		if (!v.issued_day) return setError({ field: 'issued_day', message: 'Vui lòng nhập ngày ban hành (dd/mm/yyyy).' });
		if (!v.abstract.trim()) return setError({ field: 'abstract', message: 'Vui lòng nhập trích yếu.' });
		if (v.period_from === null || v.period_to === null) return setError({ field: 'period_to', message: 'Ngày không hợp lệ.' });
		const body = {
			kind: v.kind, number: v.number.trim(), issuer: v.issuer.trim(), issued_day: v.issued_day, abstract: v.abstract.trim(),
			period_from: v.period_from || '', period_to: v.period_to || '',
		};
		setBusy(true);
		try {
			let r;
			if (editing) r = await api.patch(`/directives/${directive.id}`, body);
			else {
				if (!body.period_from) delete body.period_from;
				if (!body.period_to) delete body.period_to;
				r = await api.post('/directives', { org_id: Number(org), ...body });
			}
			navigate(`/directives/${r.directive.id}`);
		} catch (err) { setError(err); } finally { setBusy(false); }
	}
	const known = ['org_id', 'kind', 'number', 'issuer', 'issued_day', 'abstract', 'period_from', 'period_to'];
	const back = editing ? `#/directives/${directive.id}` : '#/directives';
	return (
		<section class="page">
			<p class="no-print"><a href={back}>‹ Quay lại</a></p>
			<form class="card form-card" onSubmit={submit} noValidate data-testid="directive-form">
				<h1>{editing ? 'Sửa văn bản chỉ đạo' : 'Thêm văn bản chỉ đạo'}</h1>
				<Alert kind="error" testid="directive-form-error">{error && !known.includes(error.field) ? error.message : null}</Alert>
				<div class="form-grid">
					<Field label="Tổ chức theo dõi" required wide error={fieldError(error, 'org_id')} hint={editing ? 'Không đổi được tổ chức.' : null}>
						<OrgPicker value={org} extra={directive ? directive.org : null} disabled={editing} onChange={(x) => setOrg(x)} testid="directive-org" />
					</Field>
					<Field label="Loại văn bản" required error={fieldError(error, 'kind')}>
						<MapSelect map={kindsMap(kinds)} value={v.kind} onChange={set('kind')} empty={kinds.length ? '— Chọn loại —' : 'Đang tải…'} testid="directive-kind" />
					</Field>
					<Field label="Số, ký hiệu" required error={fieldError(error, 'number')} hint="Ví dụ: 25-NQ/TW, 12/KH-UBND">
						<input class="input" maxLength={50} value={v.number} onInput={(e) => set('number')(e.currentTarget.value)} data-testid="directive-number" />
					</Field>
					<Field label="Cơ quan ban hành" required wide error={fieldError(error, 'issuer')}>
						<input class="input" maxLength={300} value={v.issuer} onInput={(e) => set('issuer')(e.currentTarget.value)} data-testid="directive-issuer" />
					</Field>
					<DayField label="Ngày ban hành" required value={v.issued_day} onChange={set('issued_day')} error={fieldError(error, 'issued_day')} testid="directive-issued-day" />
					<Field label="Trích yếu" required wide error={fieldError(error, 'abstract')}>
						<textarea class="input" rows={3} maxLength={2000} value={v.abstract} onInput={(e) => set('abstract')(e.currentTarget.value)} data-testid="directive-abstract" />
					</Field>
					<DayField label="Thực hiện từ ngày" value={v.period_from} onChange={set('period_from')} error={fieldError(error, 'period_from')} testid="directive-period-from" />
					<DayField label="Đến ngày" value={v.period_to} onChange={set('period_to')} error={fieldError(error, 'period_to')} testid="directive-period-to" />
				</div>
				<div class="form-actions">
					<button type="submit" class="btn btn-primary" disabled={busy} data-testid="directive-submit">{busy ? 'Đang lưu…' : editing ? 'Lưu thay đổi' : 'Lưu văn bản'}</button>
					<a class="btn" href={back}>Huỷ</a>
				</div>
			</form>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Detail: tasks and reviews                                               */

function OrgMultiPicker({ value, onChange, testid }) {
	const [pick, setPick] = useState('');
	return (
		<div data-testid={testid}>
			<ul class="chips">
				{value.map((o) => (
					<li key={o.id} class="chip" data-testid={`${testid}-chosen-${o.id}`}>
						{o.name} <button type="button" class="btn btn-small" aria-label={`Bỏ ${o.name}`} onClick={() => onChange(value.filter((x) => x.id !== o.id))}>×</button>
					</li>
				))}
			</ul>
			<OrgPicker value={pick} testid={`${testid}-select`} empty="— Thêm tổ chức chịu trách nhiệm —" onChange={(id, org) => {
				setPick('');
				if (id && org && !value.some((x) => x.id === id) && value.length < 20) onChange([...value, { id, name: org.name }]);
			}} />
		</div>
	);
}

function TaskForm({ directiveId, onSaved }) {
	const [v, setV] = useState({ content: '', orgs: [], deadline: '' });
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!v.content.trim()) return setError({ field: 'content', message: 'Vui lòng nhập nội dung nhiệm vụ.' });
		if (!v.orgs.length) return setError({ field: 'org_ids', message: 'Vui lòng chọn ít nhất một tổ chức chịu trách nhiệm.' });
		if (v.deadline === null) return setError({ field: 'deadline', message: 'Hạn hoàn thành không hợp lệ (dd/mm/yyyy).' });
		const body = { content: v.content.trim(), org_ids: v.orgs.map((o) => o.id) };
		if (v.deadline) body.deadline = v.deadline;
		setBusy(true);
		try {
			await api.post(`/directives/${directiveId}/tasks`, body);
			setV({ content: '', orgs: [], deadline: '' });
			onSaved();
		} catch (err) { setError(err); } finally { setBusy(false); }
	}
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="task-form">
			<h3>Thêm nhiệm vụ</h3>
			<Alert kind="error" testid="task-form-error">{error && !['content', 'org_ids', 'deadline'].includes(error.field) ? error.message : null}</Alert>
			<div class="form-grid">
				<Field label="Nội dung nhiệm vụ" required wide error={fieldError(error, 'content')}>
					<textarea class="input" rows={2} maxLength={2000} value={v.content} onInput={(e) => set('content')(e.currentTarget.value)} data-testid="task-content" />
				</Field>
				<Field label="Tổ chức chịu trách nhiệm" required wide error={fieldError(error, 'org_ids')}>
					<OrgMultiPicker value={v.orgs} onChange={set('orgs')} testid="task-orgs" />
				</Field>
				<DayField label="Hạn hoàn thành" value={v.deadline} onChange={set('deadline')} error={fieldError(error, 'deadline')} testid="task-deadline" />
			</div>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="task-submit">{busy ? 'Đang lưu…' : 'Thêm nhiệm vụ'}</button>
			</div>
		</form>
	);
}

function TaskRow({ t, user, onSaved }) {
	const [edit, setEdit] = useState(false);
	const stored = t.status === 'overdue' ? (t.percent > 0 ? 'in_progress' : 'not_started') : t.status;
	const [v, setV] = useState({ status: stored, percent: String(t.percent), notes: t.notes || '', done_day: t.done_day || todayDay() });
	const [err, setErr] = useState(null);
	const [busy, setBusy] = useState(false);
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	async function save() {
		setErr(null);
		if (!/^\d{1,3}$/.test(v.percent.trim()) || Number(v.percent) > 100) return setErr({ message: 'Tiến độ là số từ 0 đến 100.' });
		const body = { status: v.status, notes: v.notes.trim() };
		if (v.status === 'done') {
			body.percent = 100;
			if (!v.done_day) return setErr({ message: 'Vui lòng nhập ngày hoàn thành (dd/mm/yyyy).' });
			body.done_day = v.done_day;
		} else body.percent = v.status === 'not_started' ? 0 : Number(v.percent);
		setBusy(true);
		try {
			await api.patch(`/directive-tasks/${t.id}`, body);
			setEdit(false);
			onSaved();
		} catch (e) { setErr(e); } finally { setBusy(false); }
	}
	return (
		<li class="task" data-testid={`task-${t.id}`}>
			<div class="task-head">
				<TaskBadge status={t.status} testid={`task-status-${t.id}`} /> <strong data-testid={`task-content-${t.id}`}>{t.content}</strong>
			</div>
			<div class="muted small">
				{t.orgs.map((o) => o.name).join(', ')}{t.deadline ? ` — hạn ${formatDay(t.deadline)}` : ''}{t.done_day ? ` — hoàn thành ngày ${formatDay(t.done_day)}` : ''}
			</div>
			<Progress value={t.percent} testid={`task-percent-${t.id}`} />
			{t.notes ? <p class="pre-wrap small">{t.notes}</p> : null}
			{canWrite(user) && !edit ? <button type="button" class="btn btn-small" onClick={() => setEdit(true)} data-testid={`task-edit-${t.id}`}>Cập nhật tiến độ</button> : null}
			{edit ? (
				<div class="card inline-form" data-testid={`task-editor-${t.id}`}>
					{err ? <Alert kind="error">{err.message}</Alert> : null}
					<div class="form-grid">
						<Field label="Tình trạng"><MapSelect map={SET_STATUS} value={v.status} onChange={set('status')} testid={`task-set-status-${t.id}`} /></Field>
						{v.status === 'in_progress' ? (
							<Field label="Tiến độ (%)"><input class="input" inputMode="numeric" maxLength={3} value={v.percent} onInput={(e) => set('percent')(e.currentTarget.value)} data-testid={`task-set-percent-${t.id}`} /></Field>
						) : null}
						{v.status === 'done' ? (
							<Field label="Ngày hoàn thành" hint="Dạng dd/mm/yyyy"><DayInput value={v.done_day} onChange={set('done_day')} testid={`task-set-done-day-${t.id}`} /></Field>
						) : null}
						<Field label="Ghi chú" wide><textarea class="input" rows={2} maxLength={5000} value={v.notes} onInput={(e) => set('notes')(e.currentTarget.value)} data-testid={`task-set-notes-${t.id}`} /></Field>
					</div>
					<div class="form-actions">
						<button type="button" class="btn btn-primary" disabled={busy} onClick={save} data-testid={`task-save-${t.id}`}>{busy ? 'Đang lưu…' : 'Lưu'}</button>
						<button type="button" class="btn" onClick={() => setEdit(false)}>Huỷ</button>
					</div>
				</div>
			) : null}
		</li>
	);
}

function ReviewForm({ directiveId, onSaved }) {
	const [v, setV] = useState({ kind: 'interim', day: todayDay(), summary: '' });
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!v.day) return setError({ field: 'day', message: 'Vui lòng nhập ngày (dd/mm/yyyy).' });
		if (!v.summary.trim()) return setError({ field: 'summary', message: 'Vui lòng nhập kết quả sơ kết, tổng kết.' });
		setBusy(true);
		try {
			await api.post(`/directives/${directiveId}/reviews`, { kind: v.kind, day: v.day, summary: v.summary.trim() });
			setV({ kind: 'interim', day: todayDay(), summary: '' });
			onSaved();
		} catch (err) { setError(err); } finally { setBusy(false); }
	}
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="review-form">
			<h3>Ghi nhận sơ kết, tổng kết</h3>
			<Alert kind="error">{error && !['day', 'summary'].includes(error.field) ? error.message : null}</Alert>
			<div class="form-grid">
				<Field label="Hình thức"><MapSelect map={REVIEW_KINDS} value={v.kind} onChange={set('kind')} testid="review-kind" /></Field>
				<DayField label="Ngày" required value={v.day} onChange={set('day')} error={fieldError(error, 'day')} testid="review-day" />
				<Field label="Kết quả" required wide error={fieldError(error, 'summary')}>
					<textarea class="input" rows={3} maxLength={10000} value={v.summary} onInput={(e) => set('summary')(e.currentTarget.value)} data-testid="review-summary" />
				</Field>
			</div>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="review-submit">{busy ? 'Đang lưu…' : 'Ghi nhận'}</button>
			</div>
		</form>
	);
}

export function DirectivePage({ user, params }) {
	usePageTitle('Văn bản chỉ đạo');
	const [tick, setTick] = useState(0);
	const r = useLoader(() => api.get(`/directives/${params.id}`), [params.id, tick]);
	if (!r.data) return <section class="page"><h1>Văn bản chỉ đạo</h1>{r.error ? <Alert kind="error">{r.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	const { directive: d, tasks, reviews } = r.data;
	const reload = () => setTick((x) => x + 1);
	return (
		<section class="page">
			<p class="no-print"><a href="#/directives">‹ Danh sách văn bản</a></p>
			<div class="page-head">
				<h1>{d.kind_name} số {d.number}</h1>
				{canWrite(user) ? <a class="btn" href={`#/directives/${d.id}/edit`} data-testid="directive-edit">Sửa</a> : null}
			</div>
			<div class="card" data-testid="directive-detail">
				<dl class="deflist">
					<dt>Trích yếu</dt><dd>{d.abstract}</dd>
					<dt>Cơ quan ban hành</dt><dd>{d.issuer}</dd>
					<dt>Ngày ban hành</dt><dd>{formatDay(d.issued_day)}</dd>
					{d.period_from || d.period_to ? <><dt>Thời kỳ thực hiện</dt><dd>{d.period_from ? `từ ${formatDay(d.period_from)} ` : ''}{d.period_to ? `đến ${formatDay(d.period_to)}` : ''}</dd></> : null}
					<dt>Tổ chức theo dõi</dt><dd>{d.org.name} — {d.unit.name}</dd>
					<dt>Tiến độ chung</dt>
					<dd data-testid="directive-progress">{formatNumber(d.tasks.done)}/{formatNumber(d.tasks.total)} nhiệm vụ hoàn thành, bình quân {formatNumber(d.tasks.percent)}%</dd>
				</dl>
			</div>
			<h2>Nhiệm vụ ({formatNumber(tasks.length)})</h2>
			<ul class="plain-list tasks" data-testid="task-list">
				{tasks.map((t) => <TaskRow key={`${t.id}-${t.updated_at}`} t={t} user={user} onSaved={reload} />)}
				{!tasks.length ? <li class="muted">Chưa có nhiệm vụ.</li> : null}
			</ul>
			{canWrite(user) ? <TaskForm directiveId={d.id} onSaved={reload} /> : null}
			<h2>Sơ kết, tổng kết ({formatNumber(reviews.length)})</h2>
			<ul class="plain-list" data-testid="review-list">
				{reviews.map((x) => (
					<li key={x.id} data-testid={`review-${x.id}`}><strong>{REVIEW_KINDS[x.kind]}</strong> ngày {formatDay(x.day)}: <span class="pre-wrap">{x.summary}</span></li>
				))}
				{!reviews.length ? <li class="muted">Chưa sơ kết, tổng kết.</li> : null}
			</ul>
			{canWrite(user) ? <ReviewForm directiveId={d.id} onSaved={reload} /> : null}
		</section>
	);
}
