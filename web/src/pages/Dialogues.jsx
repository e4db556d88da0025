// Dialogues and public opinion (issue 4): dialogue conferences (hội nghị đối
// thoại, tiếp xúc) with the opinions raised at them, opinions from other
// channels and their follow-up, the dialogue regulation (required / held per
// year) and a short statistics block in the words of the reports.
import { useEffect, useState } from 'preact/hooks';
import { withLinkFilters } from '../linkFilters.js';
import { api } from '../api.js';
import { formatDay, formatNumber, formatRate, isAdmin, navigate, todayDay } from '../format.js';
import { label } from '../labels.js';
import { Attachments } from '../components/Attachments.jsx';
import { valueMap } from '../components/ExportButton.jsx';
import { Pager } from '../components/Pager.jsx';
import { UnitField } from '../components/UnitPicker.jsx';
import { Alert, Field, fieldError, useDebounced, useLoader, usePageTitle } from '../components/ui.jsx';
import {
	DayField, FieldSelect, MapSelect, OrgPicker, PeriodPicker, TabLinks, defaultPeriod, fieldName, periodString,
	usePetitionFields,
} from '../components/forms.jsx';

const LIMIT = 20;

const TABS = [
	{ id: 'dialogues', href: '#/dialogues', label: 'Hội nghị đối thoại' },
	{ id: 'opinions', href: '#/opinions', label: 'Ý kiến, kiến nghị của Nhân dân' },
	{ id: 'requirements', href: '#/dialogues/requirements', label: 'Quy định đối thoại' },
];

export const OPINION_STATUS_LABELS = {
	open: 'Chưa trả lời',
	answered: 'Đã trả lời tại hội nghị',
	studying: 'Tiếp thu, nghiên cứu',
	forwarded: 'Đã chuyển cơ quan có thẩm quyền',
	closed: 'Đã giải quyết xong',
};

const RESPOND_LABELS = {
	answered: 'Trả lời tại hội nghị',
	studying: 'Tiếp thu, nghiên cứu',
	forwarded: 'Chuyển cơ quan có thẩm quyền',
	closed: 'Kết thúc (đã giải quyết)',
};

const canWrite = (user) => !!user && user.role !== 'viewer';
const defaultStructure = (user) => (user.unit ? Number(user.unit.structure) : 2025);
const unitParams = (unit) => (unit ? { structure: unit.structure, unit: unit.code } : {});
const n = (x) => formatNumber(x || 0);
const cap = (t) => (t ? t.charAt(0).toLocaleUpperCase('vi-VN') + t.slice(1) : '');

/** A {code,name} list of the API, once per page load. */
const cache = {};
function useCodeList(path) {
	const [items, setItems] = useState(cache[path] || []);
	useEffect(() => {
		if (cache[path]) return undefined;
		let live = true;
		api.get(path).then((r) => { cache[path] = r.items || []; if (live) setItems(cache[path]); }, () => {});
		return () => { live = false; };
	}, [path]);
	return items;
}
const nameOf = (items, code) => { const x = items.find((i) => i.code === code); return x ? x.name : code || ''; };
const toMap = (items) => Object.fromEntries(items.map((i) => [i.code, i.name]));

export function OpinionBadge({ status, testid }) {
	const tone = status === 'closed' || status === 'answered' ? 'ok' : status === 'open' ? 'open' : 'closed';
	return (
		<span class={`status status-${tone}`} data-testid={testid} data-status={status}>
			{label(OPINION_STATUS_LABELS, status)}
		</span>
	);
}

/* ---------------------------------------------------------------------- */
/* Statistics block                                                        */

function DialogueStats({ user, unit }) {
	const [period, setPeriod] = useState(defaultPeriod('year'));
	const p = periodString(period);
	const st = useLoader(() => api.get('/stats/dialogues', { ...unitParams(unit), period: p }),
		[unit && unit.structure, unit && unit.code, p]);
	const d = st.data;
	const scope = unit ? unit.name : user.unit ? user.unit.name : 'toàn quốc';
	const bs = (d && d.opinions.by_status) || {};
	return (
		<div class="card" data-testid="dialogue-stats">
			<h2>Kết quả đối thoại, nắm ý kiến của Nhân dân</h2>
			<div class="filters">
				<PeriodPicker value={period} onChange={setPeriod} testid="dialogue-stats-period" />
			</div>
			{st.error ? <Alert kind="error">{st.error.message}</Alert> : null}
			{!d && st.loading ? <p class="muted" role="status">Đang tải số liệu…</p> : null}
			{d ? (
				<div class="stats-summary">
					<p data-testid="dialogue-stats-text" style="margin-top:.75rem">
						{d.period.label ? `${cap(d.period.label)}, ${scope}` : cap(scope)}: đã tổ chức{' '}
						<strong data-testid="dialogue-stats-count">{n(d.dialogues.count)}</strong> cuộc tiếp xúc, đối thoại với{' '}
						<strong data-testid="dialogue-stats-participants">{n(d.dialogues.participants)}</strong> người tham gia;
						nắm, tổng hợp báo cáo <strong data-testid="dialogue-stats-opinions">{n(d.opinions.count)}</strong> ý kiến
						của Nhân dân.
					</p>
					<ul>
						<li data-testid="dialogue-stats-status">
							Chưa trả lời {n(bs.open)}; đã trả lời tại hội nghị {n(bs.answered)}; tiếp thu, nghiên cứu {n(bs.studying)};
							đã chuyển cơ quan có thẩm quyền <span data-testid="dialogue-stats-forwarded">{n(bs.forwarded)}</span>;
							đã giải quyết xong <span data-testid="dialogue-stats-closed">{n(bs.closed)}</span>.
						</li>
						<li>Điểm nóng: {n(d.opinions.hot_spots)}; ý kiến đã chuyển quá hạn trả lời: {n(d.opinions.forwarded_overdue)}.</li>
					</ul>
				</div>
			) : null}
		</div>
	);
}

/* ---------------------------------------------------------------------- */
/* Dialogues list                                                          */

let dlgFilters = { unit: null, group: '', from: '', to: '', offset: 0 };

export function DialoguesPage({ user, query }) {
	usePageTitle('Đối thoại');
	const groups = useCodeList('/dialogue-groups');
	const [f, setF] = useState(() => withLinkFilters(query, dlgFilters));
	useEffect(() => { dlgFilters = f; }, [f]);
	const set = (k) => (v) => setF((x) => ({ ...x, [k]: v, offset: 0 }));
	const datesOk = f.from !== null && f.to !== null;
	const list = useLoader(() => (datesOk
		? api.get('/dialogues', { ...unitParams(f.unit), group: f.group, from: f.from, to: f.to, limit: LIMIT, offset: f.offset })
		: Promise.resolve(null)),
	[f.unit && f.unit.structure, f.unit && f.unit.code, f.group, f.from, f.to, f.offset]);
	const data = list.data;
	return (
		<section class="page">
			<div class="page-head">
				<h1>Đối thoại, tiếp xúc Nhân dân</h1>
				{canWrite(user) ? <a class="btn btn-primary" href="#/dialogues/new" data-testid="dialogue-new-button">+ Thêm hội nghị đối thoại</a> : null}
			</div>
			<TabLinks items={TABS} current="dialogues" testid="dialogue-tabs" />
			<DialogueStats user={user} unit={f.unit} />
			<div class="card filters" data-testid="dialogue-filters">
				<UnitField label="Đơn vị (gồm cả đơn vị trực thuộc)" value={f.unit} onChange={set('unit')}
					testid="dialogue-filter-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Đối tượng đối thoại">
					<MapSelect map={toMap(groups)} value={f.group} onChange={set('group')} empty="Tất cả" testid="dialogue-filter-group" />
				</Field>
				<DayField label="Từ ngày" value={f.from} onChange={set('from')} testid="dialogue-filter-from" />
				<DayField label="Đến ngày" value={f.to} onChange={set('to')} testid="dialogue-filter-to" />
			</div>
			{list.error ? <Alert kind="error" testid="dialogue-list-error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách hội nghị đối thoại">
				<table class="table" data-testid="dialogue-table">
					<thead>
						<tr>
							<th>Ngày</th><th>Tổ chức</th><th>Người chủ trì</th><th>Đối tượng</th><th>Địa điểm</th>
							<th class="num">Người tham gia</th><th class="num">Ý kiến</th>
						</tr>
					</thead>
					<tbody>
						{data && data.items.map((d) => (
							<tr key={d.id} data-testid={`dialogue-row-${d.id}`}>
								<td class="nowrap"><a href={`#/dialogues/${d.id}`} data-testid={`dialogue-link-${d.id}`}>{formatDay(d.day)}</a></td>
								<td>{d.org ? d.org.name : ''}{d.unit ? <span class="muted small block">{d.unit.name}</span> : null}</td>
								<td>{d.host_name}{d.host_title ? <span class="muted small block">{d.host_title}</span> : null}</td>
								<td>{d.target_group_name || nameOf(groups, d.target_group)}</td>
								<td>{d.place}</td>
								<td class="num">{n(d.participants)}</td>
								<td class="num" data-testid={`dialogue-opinions-${d.id}`}>{n(d.opinions)}</td>
							</tr>
						))}
						{data && data.items.length === 0 ? <tr><td colSpan={7} class="empty">Chưa có hội nghị đối thoại nào.</td></tr> : null}
						{!data && list.loading ? <tr><td colSpan={7} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF((x) => ({ ...x, offset: o }))}
				testid="dialogue-pager" noun="hội nghị"
				exportSpec={{
					path: '/dialogues', query: { ...unitParams(f.unit), group: f.group, from: f.from, to: f.to },
					title: 'Danh sách hội nghị đối thoại', filename: 'hoi-nghi-doi-thoai',
					columns: [
						{ key: 'day', label: 'Ngày' },
						{ key: 'org.name', label: 'Tổ chức' },
						{ key: 'unit.name', label: 'Đơn vị' },
						{ key: 'host_name', label: 'Người chủ trì' },
						{ key: 'host_title', label: 'Chức vụ người chủ trì' },
						{ key: 'target_group', label: 'Đối tượng', values: toMap(groups) },
						{ key: 'place', label: 'Địa điểm' },
						{ key: 'participants', label: 'Người tham gia' },
						{ key: 'opinions', label: 'Ý kiến' },
					],
				}} /> : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Create / edit                                                           */

export function DialogueFormPage({ user, params }) {
	const editing = !!params.id;
	usePageTitle(editing ? 'Sửa hội nghị đối thoại' : 'Thêm hội nghị đối thoại');
	const loaded = useLoader(() => (editing ? api.get(`/dialogues/${params.id}`) : Promise.resolve(null)), [params.id]);
	const d = loaded.data && loaded.data.dialogue;
	if (!canWrite(user)) {
		return <section class="page"><h1>Hội nghị đối thoại</h1><Alert kind="error" testid="forbidden">Vai trò “Xem báo cáo” không ghi nhận hội nghị đối thoại.</Alert></section>;
	}
	if (editing && !d) {
		return <section class="page"><h1>Sửa hội nghị đối thoại</h1>{loaded.error ? <Alert kind="error">{loaded.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	}
	return <DialogueForm key={d ? d.id : 'new'} dialogue={d} />;
}

function DialogueForm({ dialogue }) {
	const editing = !!dialogue;
	const groups = useCodeList('/dialogue-groups');
	const init = (k, def = '') => (dialogue && dialogue[k] !== null && dialogue[k] !== undefined ? dialogue[k] : def);
	const [org, setOrg] = useState(dialogue ? dialogue.org.id : '');
	const [orgObj, setOrgObj] = useState(dialogue ? dialogue.org : null);
	const [v, setV] = useState({
		host_name: init('host_name'), host_title: init('host_title'), target_group: init('target_group'),
		day: init('day', todayDay()), place: init('place'), participants: String(init('participants', '')),
		minutes: init('minutes'), note: init('note'),
	});
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	const inp = (k) => (e) => set(k)(e.currentTarget.value);
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);

	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn tổ chức tổ chức hội nghị.' });
		if (!v.host_name.trim()) return setError({ field: 'host_name', message: 'Vui lòng nhập họ tên người chủ trì.' });
		if (!v.host_title.trim()) return setError({ field: 'host_title', message: 'Vui lòng nhập chức vụ người chủ trì.' });
		if (!v.target_group) return setError({ field: 'target_group', message: 'Vui lòng chọn đối tượng đối thoại.' });
		if (v.day === null || !v.day) return setError({ field: 'day', message: 'Vui lòng nhập ngày theo dạng dd/mm/yyyy.' });
		if (!v.place.trim()) return setError({ field: 'place', message: 'Vui lòng nhập địa điểm.' });
		if (!/^\d+$/.test(v.participants.trim())) return setError({ field: 'participants', message: 'Số người tham gia phải là số nguyên không âm.' });
		const body = {
			host_name: v.host_name.trim(), host_title: v.host_title.trim(), target_group: v.target_group, day: v.day,
			place: v.place.trim(), participants: Number(v.participants.trim()),
		};
		if (v.minutes.trim() || editing) body.minutes = v.minutes.trim();
		if (v.note.trim() || editing) body.note = v.note.trim();
		setBusy(true);
		try {
			let r;
			if (editing) {
				const patch = {};
				for (const [k, x] of Object.entries(body)) if (x !== (dialogue[k] ?? '')) patch[k] = x;
				r = Object.keys(patch).length ? await api.patch(`/dialogues/${dialogue.id}`, patch) : { dialogue };
			} else {
				r = await api.post('/dialogues', { org_id: Number(org), ...body });
			}
			navigate(`/dialogues/${r.dialogue.id}`);
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
		}
	}
	const fields = ['org_id', 'host_name', 'host_title', 'target_group', 'day', 'place', 'participants', 'minutes', 'note'];
	const general = error && !fields.includes(error.field) ? error.message : null;
	const back = editing ? `#/dialogues/${dialogue.id}` : '#/dialogues';
	return (
		<section class="page">
			<p class="no-print"><a href={back}>‹ Quay lại</a></p>
			<form class="card form-card" onSubmit={submit} noValidate data-testid="dialogue-form">
				<h1>{editing ? 'Sửa hội nghị đối thoại' : 'Thêm hội nghị đối thoại'}</h1>
				<Alert kind="error" testid="dialogue-form-error">{general}</Alert>
				<div class="form-grid">
					<Field label="Cơ quan, tổ chức tổ chức hội nghị" required wide error={fieldError(error, 'org_id')}
						hint={editing ? 'Không đổi được tổ chức của hội nghị đã ghi.' : null}>
						<OrgPicker value={org} extra={orgObj} disabled={editing} testid="dialogue-org"
							onChange={(x, o) => { setOrg(x); setOrgObj(o); }} />
					</Field>
					<Field label="Người chủ trì (họ tên)" required error={fieldError(error, 'host_name')}>
						<input class="input" maxLength={200} value={v.host_name} onInput={inp('host_name')} data-testid="dialogue-host-name" />
					</Field>
					<Field label="Chức vụ người chủ trì" required error={fieldError(error, 'host_title')} hint="Ví dụ: Bí thư, Chủ tịch UBND">
						<input class="input" maxLength={200} value={v.host_title} onInput={inp('host_title')} data-testid="dialogue-host-title" list="host-titles" />
						<datalist id="host-titles">
							<option value="Bí thư" /><option value="Chủ tịch UBND" /><option value="Chủ tịch HĐND" /><option value="Chủ tịch UBMTTQ" />
						</datalist>
					</Field>
					<Field label="Đối tượng đối thoại" required error={fieldError(error, 'target_group')}>
						<MapSelect map={toMap(groups)} value={v.target_group} onChange={set('target_group')}
							empty={groups.length ? '— Chọn đối tượng —' : 'Đang tải…'} testid="dialogue-group" />
					</Field>
					<DayField label="Ngày tổ chức" required value={v.day} onChange={set('day')} testid="dialogue-day" error={fieldError(error, 'day')} />
					<Field label="Địa điểm" required error={fieldError(error, 'place')}>
						<input class="input" maxLength={200} value={v.place} onInput={inp('place')} data-testid="dialogue-place" />
					</Field>
					<Field label="Số người tham gia" required error={fieldError(error, 'participants')}>
						<input class="input" inputMode="numeric" maxLength={7} value={v.participants} onInput={inp('participants')} data-testid="dialogue-participants" />
					</Field>
					<Field label="Biên bản, nội dung chính" wide error={fieldError(error, 'minutes')}>
						<textarea class="input" rows={4} maxLength={20000} value={v.minutes} onInput={inp('minutes')} data-testid="dialogue-minutes" />
					</Field>
					<Field label="Ghi chú" wide error={fieldError(error, 'note')}>
						<textarea class="input" rows={2} maxLength={2000} value={v.note} onInput={inp('note')} data-testid="dialogue-note" />
					</Field>
				</div>
				<div class="form-actions">
					<button type="submit" class="btn btn-primary" disabled={busy} data-testid="dialogue-submit">
						{busy ? 'Đang lưu…' : editing ? 'Lưu thay đổi' : 'Thêm hội nghị'}
					</button>
					<a class="btn" href={back}>Huỷ</a>
				</div>
			</form>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Opinion follow-up                                                       */

function RespondForm({ opinion, onDone }) {
	// open → answered | studying | forwarded → closed; an opinion under study may still be forwarded.
	const allowed = opinion.status === 'open' ? ['answered', 'studying', 'forwarded', 'closed']
		: opinion.status === 'studying' ? ['forwarded', 'closed'] : ['closed'];
	const [status, setStatus] = useState(allowed[0]);
	const [answer, setAnswer] = useState('');
	const [to, setTo] = useState('');
	const [due, setDue] = useState('');
	const [day, setDay] = useState(todayDay());
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const id = opinion.id;
	async function submit(e) {
		e.preventDefault();
		setError(null);
		const body = { status, day };
		if (day === null || !day) return setError({ field: 'day', message: 'Vui lòng nhập ngày theo dạng dd/mm/yyyy.' });
		if (status === 'forwarded') {
			if (!to.trim()) return setError({ field: 'forwarded_to', message: 'Vui lòng nhập cơ quan được chuyển đến.' });
			if (!due) return setError({ field: 'due_day', message: 'Vui lòng nhập hạn trả lời (dd/mm/yyyy).' });
			body.forwarded_to = to.trim();
			body.due_day = due;
		}
		if (status === 'answered' || status === 'closed') {
			if (!answer.trim()) return setError({ field: 'answer', message: 'Vui lòng nhập nội dung trả lời.' });
			body.answer = answer.trim();
		} else if (answer.trim()) body.answer = answer.trim();
		setBusy(true);
		try {
			const r = await api.post(`/opinions/${id}/respond`, body);
			onDone(r.opinion);
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
		}
	}
	const known = ['answer', 'forwarded_to', 'due_day', 'day'];
	return (
		<form class="respond-form" onSubmit={submit} noValidate data-testid={`respond-form-${id}`}>
			<Alert kind="error" testid={`respond-error-${id}`}>{error && !known.includes(error.field) ? error.message : null}</Alert>
			<div class="form-grid">
				<Field label="Xử lý">
					<MapSelect map={RESPOND_LABELS} codes={allowed} value={status} onChange={setStatus} testid={`respond-status-${id}`} />
				</Field>
				<DayField label="Ngày" value={day} onChange={setDay} testid={`respond-day-${id}`} error={fieldError(error, 'day')} />
				{status === 'forwarded' ? (
					<>
						<Field label="Cơ quan được chuyển đến" required error={fieldError(error, 'forwarded_to')}>
							<input class="input" maxLength={300} value={to} onInput={(e) => setTo(e.currentTarget.value)} data-testid={`respond-to-${id}`} />
						</Field>
						<DayField label="Hạn trả lời" required value={due} onChange={setDue} testid={`respond-due-${id}`} error={fieldError(error, 'due_day')} />
					</>
				) : null}
				<Field label="Nội dung trả lời" wide required={status === 'answered' || status === 'closed'} error={fieldError(error, 'answer')}>
					<textarea class="input" rows={2} maxLength={5000} value={answer} onInput={(e) => setAnswer(e.currentTarget.value)} data-testid={`respond-answer-${id}`} />
				</Field>
			</div>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary btn-small" disabled={busy} data-testid={`respond-submit-${id}`}>{busy ? 'Đang lưu…' : 'Ghi nhận'}</button>
				<button type="button" class="btn btn-small" onClick={() => onDone(null)}>Huỷ</button>
			</div>
		</form>
	);
}

function OpinionItem({ o, user, fields, channels, onChange, showOrg }) {
	const [open, setOpen] = useState(false);
	return (
		<li class="card opinion" data-testid={`opinion-${o.id}`}>
			<div class="page-head">
				<div>
					<OpinionBadge status={o.status} testid={`opinion-status-${o.id}`} />
					{o.hot_spot ? <span class="status status-closed" style="margin-left:.4rem">Điểm nóng</span> : null}
					{o.overdue ? <span class="status status-closed" style="margin-left:.4rem" data-testid={`opinion-overdue-${o.id}`}>Quá hạn trả lời</span> : null}
				</div>
				<span class="muted small">{formatDay(o.day)} · {nameOf(channels, o.channel)}</span>
			</div>
			<p class="pre-wrap" data-testid={`opinion-content-${o.id}`}>{o.content}</p>
			<p class="small muted">
				Lĩnh vực: {fieldName(fields, o.field)}
				{o.raised_by ? ` · Người nêu: ${o.raised_by}` : ''}
				{o.place ? ` · ${o.place}` : ''}
				{showOrg && o.org ? ` · ${o.org.name}` : ''}
				{o.dialogue_id ? <> · <a href={`#/dialogues/${o.dialogue_id}`}>Hội nghị đối thoại</a></> : null}
			</p>
			{o.forwarded_to ? <p class="small">Đã chuyển: {o.forwarded_to}{o.due_day ? `, hạn trả lời ${formatDay(o.due_day)}` : ''}</p> : null}
			{o.answer ? <p class="small">Trả lời{o.answered_day ? ` (${formatDay(o.answered_day)})` : ''}: {o.answer}</p> : null}
			{canWrite(user) && o.status !== 'closed' ? (
				open ? <RespondForm opinion={o} onDone={(x) => { setOpen(false); if (x) onChange(x); }} />
					: <button type="button" class="btn btn-small" data-testid={`opinion-respond-${o.id}`} onClick={() => setOpen(true)}>Xử lý, trả lời</button>
			) : null}
		</li>
	);
}

function OpinionForm({ dialogueId, onSaved, channels }) {
	const [v, setV] = useState({ content: '', field: '', raised_by: '', place: '', hot_spot: false, reported_to: '', channel: '', day: todayDay() });
	const [org, setOrg] = useState('');
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	const inp = (k) => (e) => set(k)(e.currentTarget.value);
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const tid = dialogueId ? 'dlg-opinion' : 'opinion-new';
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!dialogueId) {
			if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn tổ chức nắm ý kiến.' });
			if (!v.channel) return setError({ field: 'channel', message: 'Vui lòng chọn kênh tiếp nhận.' });
			if (!v.day) return setError({ field: 'day', message: 'Vui lòng nhập ngày theo dạng dd/mm/yyyy.' });
		}
		if (!v.content.trim()) return setError({ field: 'content', message: 'Vui lòng nhập nội dung ý kiến.' });
		if (!v.field) return setError({ field: 'field', message: 'Vui lòng chọn lĩnh vực.' });
		const body = { content: v.content.trim(), field: v.field };
		for (const k of ['raised_by', 'place', 'reported_to']) if (v[k].trim()) body[k] = v[k].trim();
		if (v.hot_spot) body.hot_spot = true;
		setBusy(true);
		try {
			const r = dialogueId
				? await api.post(`/dialogues/${dialogueId}/opinions`, body)
				: await api.post('/opinions', { ...body, org_id: Number(org), channel: v.channel, day: v.day });
			setV((o) => ({ ...o, content: '', raised_by: '', hot_spot: false }));
			onSaved(r.opinion);
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
		}
	}
	const known = ['org_id', 'channel', 'day', 'content', 'field', 'raised_by', 'place', 'reported_to'];
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid={`${tid}-form`}>
			<h2>{dialogueId ? 'Ghi ý kiến nêu tại hội nghị' : 'Ghi ý kiến từ kênh khác'}</h2>
			<Alert kind="error" testid={`${tid}-error`}>{error && !known.includes(error.field) ? error.message : null}</Alert>
			<div class="form-grid">
				{!dialogueId ? (
					<>
						<Field label="Tổ chức nắm ý kiến" required wide error={fieldError(error, 'org_id')}>
							<OrgPicker value={org} onChange={(x) => setOrg(x)} testid={`${tid}-org`} />
						</Field>
						<Field label="Kênh tiếp nhận" required error={fieldError(error, 'channel')}>
							<MapSelect map={toMap(channels.filter((c) => c.code !== 'dialogue'))} value={v.channel} onChange={set('channel')}
								empty="— Chọn kênh —" testid={`${tid}-channel`} />
						</Field>
						<DayField label="Ngày" required value={v.day} onChange={set('day')} testid={`${tid}-day`} error={fieldError(error, 'day')} />
					</>
				) : null}
				<Field label="Nội dung ý kiến, kiến nghị" required wide error={fieldError(error, 'content')}>
					<textarea class="input" rows={3} maxLength={5000} value={v.content} onInput={inp('content')} data-testid={`${tid}-content`} />
				</Field>
				<Field label="Lĩnh vực" required error={fieldError(error, 'field')}>
					<FieldSelect value={v.field} onChange={set('field')} testid={`${tid}-field`} />
				</Field>
				<Field label="Người nêu ý kiến" error={fieldError(error, 'raised_by')}>
					<input class="input" maxLength={200} value={v.raised_by} onInput={inp('raised_by')} data-testid={`${tid}-raised-by`} />
				</Field>
				<Field label="Địa điểm" error={fieldError(error, 'place')} hint={dialogueId ? 'Để trống: địa điểm của hội nghị.' : null}>
					<input class="input" maxLength={200} value={v.place} onInput={inp('place')} data-testid={`${tid}-place`} />
				</Field>
				<Field label="Đã báo cáo (cấp ủy, UBND, …)" error={fieldError(error, 'reported_to')}>
					<input class="input" maxLength={200} value={v.reported_to} onInput={inp('reported_to')} data-testid={`${tid}-reported-to`} />
				</Field>
				<label class="check">
					<input type="checkbox" checked={v.hot_spot} onChange={(e) => set('hot_spot')(e.currentTarget.checked)} data-testid={`${tid}-hot`} />
					<span>Điểm nóng</span>
				</label>
			</div>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid={`${tid}-submit`}>{busy ? 'Đang lưu…' : 'Ghi ý kiến'}</button>
			</div>
		</form>
	);
}

/* ---------------------------------------------------------------------- */
/* Dialogue detail                                                         */

export function DialoguePage({ user, params }) {
	usePageTitle('Hội nghị đối thoại');
	const fields = usePetitionFields();
	const channels = useCodeList('/opinion-channels');
	const groups = useCodeList('/dialogue-groups');
	const r = useLoader(() => api.get(`/dialogues/${params.id}`), [params.id]);
	const [ops, setOps] = useState(null);
	useEffect(() => { if (r.data) setOps(r.data.opinions || []); }, [r.data]);
	if (!r.data) {
		return <section class="page"><h1>Hội nghị đối thoại</h1>{r.error ? <Alert kind="error" testid="dialogue-error">{r.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	}
	const d = r.data.dialogue;
	const list = ops || [];
	const replace = (o) => setOps(list.map((x) => (x.id === o.id ? o : x)));
	return (
		<section class="page">
			<p class="no-print"><a href="#/dialogues">‹ Danh sách hội nghị đối thoại</a></p>
			<div class="page-head">
				<h1>Hội nghị đối thoại ngày {formatDay(d.day)}</h1>
				{canWrite(user) ? <a class="btn" href={`#/dialogues/${d.id}/edit`} data-testid="dialogue-edit">Sửa</a> : null}
			</div>
			<div class="card" data-testid="dialogue-detail">
				<dl class="deflist">
					<dt>Tổ chức</dt><dd>{d.org.name}{d.unit ? ` — ${d.unit.name}` : ''}</dd>
					<dt>Người chủ trì</dt><dd>{d.host_name}, {d.host_title}</dd>
					<dt>Đối tượng</dt><dd>{d.target_group_name || nameOf(groups, d.target_group)}</dd>
					<dt>Địa điểm</dt><dd>{d.place}</dd>
					<dt>Số người tham gia</dt><dd data-testid="dialogue-participants-view">{n(d.participants)}</dd>
					<dt>Số ý kiến</dt><dd data-testid="dialogue-opinion-count">{n(list.length)}</dd>
					{d.minutes ? <><dt>Biên bản</dt><dd class="pre-wrap">{d.minutes}</dd></> : null}
					{d.note ? <><dt>Ghi chú</dt><dd>{d.note}</dd></> : null}
				</dl>
			</div>
			<h2>Ý kiến, kiến nghị của Nhân dân ({n(list.length)})</h2>
			<ul class="plain-list" data-testid="dialogue-opinions">
				{list.map((o) => <OpinionItem key={o.id} o={o} user={user} fields={fields} channels={channels} onChange={replace} />)}
				{!list.length ? <li class="muted">Chưa ghi ý kiến nào.</li> : null}
			</ul>
			{canWrite(user) ? <OpinionForm dialogueId={d.id} channels={channels} onSaved={(o) => setOps([...list, o])} /> : null}
			<Attachments uploadPath={`/dialogues/${d.id}/attachments`} downloadPath={(id) => `/dialogue-attachments/${id}`}
				items={r.data.attachments || []} writer={canWrite(user)} onUploaded={r.reload}
				hint="Thêm biên bản, ảnh chụp hội nghị" />
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Opinions list                                                           */

let opFilters = { unit: null, channel: '', field: '', status: '', hot: '', overdue: false, q: '', offset: 0 };

export function OpinionsPage({ user, query }) {
	usePageTitle('Ý kiến, kiến nghị của Nhân dân');
	const fields = usePetitionFields();
	const channels = useCodeList('/opinion-channels');
	const [f, setF] = useState(() => withLinkFilters(query, opFilters, ['unit']));
	useEffect(() => { opFilters = f; }, [f]);
	const set = (k) => (v) => setF((x) => ({ ...x, [k]: v, offset: 0 }));
	const [adding, setAdding] = useState(false);
	const q = useDebounced(f.q.trim(), 300);
	const list = useLoader(() => api.get('/opinions', {
		...unitParams(f.unit), channel: f.channel, field: f.field, status: f.status, hot_spot: f.hot,
		overdue: f.overdue ? 1 : '', q, limit: LIMIT, offset: f.offset,
	}), [f.unit && f.unit.structure, f.unit && f.unit.code, f.channel, f.field, f.status, f.hot, f.overdue, q, f.offset]);
	const [items, setItems] = useState(null);
	useEffect(() => { if (list.data) setItems(list.data.items); }, [list.data]);
	const data = list.data;
	return (
		<section class="page">
			<div class="page-head">
				<h1>Ý kiến, kiến nghị của Nhân dân</h1>
				{canWrite(user) ? <button type="button" class="btn btn-primary" data-testid="opinion-new-button" onClick={() => setAdding(!adding)}>{adding ? 'Đóng' : '+ Ghi ý kiến'}</button> : null}
			</div>
			<TabLinks items={TABS} current="opinions" testid="dialogue-tabs" />
			{adding ? <OpinionForm channels={channels} onSaved={() => { setAdding(false); list.reload(); }} /> : null}
			<div class="card filters" data-testid="opinion-filters">
				<UnitField label="Đơn vị" value={f.unit} onChange={set('unit')} testid="opinion-filter-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Kênh">
					<MapSelect map={toMap(channels)} value={f.channel} onChange={set('channel')} empty="Tất cả" testid="opinion-filter-channel" />
				</Field>
				<Field label="Lĩnh vực"><FieldSelect value={f.field} onChange={set('field')} empty="Tất cả" testid="opinion-filter-field" /></Field>
				<Field label="Tình trạng">
					<MapSelect map={OPINION_STATUS_LABELS} value={f.status} onChange={set('status')} empty="Tất cả" testid="opinion-filter-status" />
				</Field>
				<Field label="Điểm nóng">
					<MapSelect map={{ 1: 'Chỉ điểm nóng', 0: 'Không phải điểm nóng' }} value={f.hot} onChange={set('hot')} empty="Tất cả" testid="opinion-filter-hot" />
				</Field>
				<Field label="Tìm trong nội dung">
					<input type="search" class="input" value={f.q} onInput={(e) => set('q')(e.currentTarget.value)} data-testid="opinion-filter-q" />
				</Field>
				<label class="check">
					<input type="checkbox" checked={f.overdue} onChange={(e) => set('overdue')(e.currentTarget.checked)} data-testid="opinion-filter-overdue" />
					<span>Đã chuyển, quá hạn trả lời</span>
				</label>
			</div>
			{list.error ? <Alert kind="error" testid="opinion-list-error">{list.error.message}</Alert> : null}
			{data ? <p class="muted" data-testid="opinion-total">Tổng số: {n(data.total)} ý kiến</p> : null}
			{!data && list.loading ? <p class="muted" role="status">Đang tải…</p> : null}
			<ul class="plain-list" data-testid="opinion-list">
				{(items || []).map((o) => (
					<OpinionItem key={o.id} o={o} user={user} fields={fields} channels={channels} showOrg
						onChange={(x) => setItems(items.map((y) => (y.id === x.id ? x : y)))} />
				))}
				{items && !items.length ? <li class="muted">Không có ý kiến nào.</li> : null}
			</ul>
			{data ? <Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF((x) => ({ ...x, offset: o }))} testid="opinion-pager" noun="ý kiến"
				exportSpec={{
					path: '/opinions',
					query: {
						...unitParams(f.unit), channel: f.channel, field: f.field, status: f.status, hot_spot: f.hot,
						overdue: f.overdue ? 1 : '', q,
					},
					title: 'Danh sách ý kiến, kiến nghị của Nhân dân', filename: 'y-kien-kien-nghi',
					columns: [
						{ key: 'day', label: 'Ngày' },
						{ key: 'channel', label: 'Kênh', values: toMap(channels) },
						{ key: 'content', label: 'Nội dung' },
						{ key: 'field', label: 'Lĩnh vực', values: valueMap(fields) },
						{ key: 'raised_by', label: 'Người nêu' },
						{ key: 'place', label: 'Địa điểm' },
						{ key: 'org.name', label: 'Tổ chức' },
						{ key: 'status', label: 'Tình trạng', values: OPINION_STATUS_LABELS },
						{ key: 'hot_spot', label: 'Điểm nóng' },
						{ key: 'forwarded_to', label: 'Đã chuyển đến' },
						{ key: 'due_day', label: 'Hạn trả lời' },
						{ key: 'overdue', label: 'Quá hạn trả lời' },
						{ key: 'answer', label: 'Trả lời' },
						{ key: 'answered_day', label: 'Ngày trả lời' },
					],
				}} /> : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Dialogue regulation and compliance                                     */

export function DialogueRequirementsPage({ user }) {
	usePageTitle('Quy định đối thoại');
	const thisYear = Number(todayDay().slice(0, 4));
	const [year, setYear] = useState(thisYear);
	const [unit, setUnit] = useState(null);
	const c = useLoader(() => api.get('/dialogue-requirements/compliance', { ...unitParams(unit), year }),
		[year, unit && unit.structure, unit && unit.code]);
	const [org, setOrg] = useState('');
	const [title, setTitle] = useState('Bí thư');
	const [required, setRequired] = useState('1');
	const [error, setError] = useState(null);
	const [ok, setOk] = useState(null);
	const [busy, setBusy] = useState(false);
	async function submit(e) {
		e.preventDefault();
		setError(null); setOk(null);
		if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn tổ chức.' });
		if (!title.trim()) return setError({ field: 'host_title', message: 'Vui lòng nhập chức vụ.' });
		if (!/^\d+$/.test(required.trim())) return setError({ field: 'required', message: 'Số cuộc phải là số nguyên không âm.' });
		setBusy(true);
		try {
			await api.post('/dialogue-requirements', { org_id: Number(org), host_title: title.trim(), year, required: Number(required) });
			setOk('Đã lưu quy định đối thoại.');
			c.reload();
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
		}
	}
	const years = [];
	for (let y = thisYear + 1; y >= thisYear - 6; y--) years.push(y);
	const d = c.data;
	return (
		<section class="page">
			<h1>Quy định đối thoại và việc thực hiện</h1>
			<TabLinks items={TABS} current="requirements" testid="dialogue-tabs" />
			<div class="card filters">
				<UnitField label="Đơn vị" value={unit} onChange={setUnit} testid="req-filter-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Năm">
					<select class="input" value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))} data-testid="req-year">
						{years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
					</select>
				</Field>
			</div>
			{c.error ? <Alert kind="error">{c.error.message}</Alert> : null}
			<div class="table-wrap">
				<table class="table" data-testid="req-table">
					<thead><tr><th>Tổ chức</th><th>Chức vụ chủ trì</th><th class="num">Số cuộc phải tổ chức</th><th class="num">Đã tổ chức</th><th class="num">Tỷ lệ</th></tr></thead>
					<tbody>
						{d && d.items.map((x) => (
							<tr key={x.id} data-testid={`req-row-${x.id}`}>
								<td>{x.org ? x.org.name : ''}</td><td>{x.host_title}</td><td class="num">{n(x.required)}</td>
								<td class="num">{n(x.held)}</td><td class="num">{x.rate === null || x.rate === undefined ? '—' : formatRate(x.rate)}</td>
							</tr>
						))}
						{d && !d.items.length ? <tr><td colSpan={5} class="empty">Chưa có quy định đối thoại cho năm {year}.</td></tr> : null}
						{!d && c.loading ? <tr><td colSpan={5} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{isAdmin(user) ? (
				<form class="card form-card" onSubmit={submit} noValidate data-testid="req-form">
					<h2>Quy định số cuộc đối thoại năm {year}</h2>
					<Alert kind="error">{error && !['org_id', 'host_title', 'required'].includes(error.field) ? error.message : null}</Alert>
					<Alert kind="success">{ok}</Alert>
					<div class="form-grid">
						<Field label="Tổ chức" required wide error={fieldError(error, 'org_id')}><OrgPicker value={org} onChange={(x) => setOrg(x)} testid="req-org" /></Field>
						<Field label="Chức vụ chủ trì" required error={fieldError(error, 'host_title')}>
							<input class="input" maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} data-testid="req-title" />
						</Field>
						<Field label="Số cuộc/năm" required error={fieldError(error, 'required')}>
							<input class="input" inputMode="numeric" value={required} onInput={(e) => setRequired(e.currentTarget.value)} data-testid="req-required" />
						</Field>
					</div>
					<div class="form-actions"><button type="submit" class="btn btn-primary" disabled={busy} data-testid="req-submit">{busy ? 'Đang lưu…' : 'Lưu'}</button></div>
				</form>
			) : null}
		</section>
	);
}
