// Grassroots democracy (Luật Thực hiện dân chủ ở cơ sở 2022, issue 5): the
// counts of a subtree and a period, public disclosure with its due day and
// the compliance of a commune, consultations and votes with the outcome the
// server computes from the threshold rules, villages and residential groups,
// suggestion boxes, inspection and supervision boards with their warnings.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatDay, formatNumber, todayDay } from '../format.js';
import { UnitField } from '../components/UnitPicker.jsx';
import { Pager } from '../components/Pager.jsx';
import { Alert, Field, fieldError, useLoader, usePageTitle } from '../components/ui.jsx';
import {
	DayInput, MapSelect, OrgPicker, PeriodPicker, TabLinks, defaultPeriod, periodString,
} from '../components/forms.jsx';

const LIMIT = 20;
const TABS = [
	{ id: 'overview', href: '#/democracy', label: 'Tổng hợp' },
	{ id: 'votes', href: '#/democracy/votes', label: 'Bàn và quyết định' },
	{ id: 'disclosures', href: '#/democracy/disclosures', label: 'Công khai' },
	{ id: 'villages', href: '#/democracy/villages', label: 'Thôn, tổ dân phố' },
	{ id: 'boxes', href: '#/democracy/boxes', label: 'Hòm thư góp ý' },
	{ id: 'boards', href: '#/democracy/boards', label: 'Ban TTND, GSĐTCCĐ' },
];
export const OUTCOME_LABELS = { passed: 'Thông qua', not_passed: 'Không thông qua', not_applicable: 'Lấy ý kiến (không biểu quyết)' };
const ROLE_LABELS = { head: 'Trưởng ban', vice: 'Phó Trưởng ban', member: 'Thành viên' };

const canWrite = (user) => !!user && user.role !== 'viewer';
const defaultStructure = (user) => (user.unit ? Number(user.unit.structure) : 2025);
const unitParams = (unit) => (unit ? { structure: unit.structure, unit: unit.code } : {});
const n = (x) => formatNumber(x || 0);
const toMap = (items) => Object.fromEntries((items || []).map((i) => [i.code, i.name]));

let vocabCache = null;
function useVocab() {
	const [v, setV] = useState(vocabCache);
	useEffect(() => {
		if (vocabCache) return undefined;
		let live = true;
		api.get('/democracy/vocabularies').then((r) => { vocabCache = r; if (live) setV(r); }, () => {});
		return () => { live = false; };
	}, []);
	return v || { groups: [], channels: [], matters: [], forms: [], village_kinds: [], board_kinds: [], member_roles: [] };
}

function Head({ title, current, children }) {
	usePageTitle(title);
	return (
		<>
			<div class="page-head"><h1>Dân chủ ở cơ sở</h1>{children}</div>
			<TabLinks items={TABS} current={current} testid="democracy-tabs" />
		</>
	);
}

function OutcomeBadge({ outcome, testid }) {
	const r = outcome ? outcome.result : '';
	const cls = r === 'passed' ? 'ok' : r === 'not_passed' ? 'late' : 'open';
	return <span class={`status status-${cls}`} data-status={r} data-testid={testid}>{OUTCOME_LABELS[r] || r}</span>;
}

function outcomeText(o) {
	if (!o || o.result === 'not_applicable') return 'Không áp dụng ngưỡng biểu quyết.';
	return `${o.fraction} phiếu tán thành; cần ${n(o.needed)} (${o.rule.label}, ${o.rule.id}).`;
}

// The days the server computes for a vote (R-DC-18, R-DC-20, R-DC-22) and the rules it breaks.
export function VoteChecks({ vote, testid }) {
	const lines = [];
	if (vote.posting_min_day) lines.push(`Niêm yết dự thảo từ ${formatDay(vote.posted_day)}; biểu quyết sớm nhất ${formatDay(vote.posting_min_day)}.`);
	if (vote.notice_min_day) lines.push(`Thông báo hộ gia đình ${formatDay(vote.notice_day)}; họp sớm nhất ${formatDay(vote.notice_min_day)}.`);
	if (vote.dossier_due) {
		lines.push(`Hạn gửi hồ sơ công nhận đến UBND xã: ${formatDay(vote.dossier_due)}`
			+ (vote.sent_day ? `; đã gửi ${formatDay(vote.sent_day)}` : '; chưa gửi') + (vote.dossier_late ? ' (trễ hạn).' : '.'));
	}
	if (vote.election_due) {
		lines.push(`Hạn bầu trưởng thôn, tổ trưởng mới: ${formatDay(vote.election_due)}`
			+ (vote.election_day ? `; đã bầu ${formatDay(vote.election_day)}` : '; chưa bầu') + (vote.election_overdue ? ' (quá hạn).' : '.'));
	}
	if (vote.consent_valid_until) lines.push(`Ý kiến đồng ý của hộ gia đình thu thập từ ${formatDay(vote.consent_day)}, còn giá trị đến ${formatDay(vote.consent_valid_until)}.`);
	const viol = vote.violations || [];
	if (!lines.length && !viol.length) return null;
	return (
		<div class="small" data-testid={testid}>
			{lines.map((l) => <span key={l} class="muted block">{l}</span>)}
			{viol.length ? (
				<ul class="violations" data-testid={testid && `${testid}-violations`}>
					{viol.map((w) => <li key={w.check} class="status-late">{w.message} ({w.rule})</li>)}
				</ul>
			) : null}
		</div>
	);
}

/* ---------------------------------------------------------------------- */
/* Overview                                                                */

export function DemocracyPage({ user }) {
	const [unit, setUnit] = useState(null);
	const [period, setPeriod] = useState(defaultPeriod('year'));
	const st = useLoader(() => api.get('/stats/democracy', { ...unitParams(unit), period: periodString(period), cutoff: 0 }),
		[unit && unit.code, periodString(period)]);
	const d = st.data;
	return (
		<section class="page">
			<Head title="Dân chủ ở cơ sở" current="overview" />
			<div class="card filters">
				<UnitField label="Đơn vị" value={unit} onChange={setUnit} testid="dc-unit" defaultStructure={defaultStructure(user)} />
				<PeriodPicker value={period} onChange={setPeriod} testid="dc-period" />
			</div>
			{st.error ? <Alert kind="error">{st.error.message}</Alert> : null}
			{d ? (
				<div class="card" data-testid="dc-stats">
					<h2>Kết quả thực hiện dân chủ ở cơ sở {d.period.label}</h2>
					<ul>
						<li data-testid="dc-stats-disclosures">Công khai {n(d.disclosures.count)} nội dung, trong đó {n(d.disclosures.late)} nội dung công khai chậm so với thời hạn.</li>
						<li data-testid="dc-stats-compliance">{n(d.compliance.compliant)}/{n(d.compliance.communes)} xã, phường công khai đủ các nhóm nội dung bắt buộc.</li>
						<li data-testid="dc-stats-votes">Tổ chức {n(d.votes.held)} cuộc bàn, biểu quyết và lấy ý kiến của Nhân dân: {n(d.votes.passed)} nội dung được thông qua, {n(d.votes.not_passed)} không thông qua, {n(d.votes.consultations)} cuộc lấy ý kiến.</li>
						<li data-testid="dc-stats-boxes">{n(d.boxes.boxes)} hòm thư góp ý; mở {n(d.boxes.openings)} lượt, thu được {n(d.boxes.letters)} thư.</li>
						<li data-testid="dc-stats-boards">{n(d.boards.by_kind.ttnd_commune.boards + d.boards.by_kind.ttnd_agency.boards)} Ban Thanh tra nhân dân, {n(d.boards.by_kind.gsdtccd.boards)} Ban Giám sát đầu tư của cộng đồng với {n(d.boards.members)} thành viên, {n(d.boards.activities)} cuộc kiểm tra, giám sát.</li>
					</ul>
					<div class="table-wrap">
						<table class="table table-compact" data-testid="dc-stats-matters">
							<thead><tr><th>Nội dung</th><th class="num">Số cuộc</th><th class="num">Thông qua</th><th class="num">Không thông qua</th></tr></thead>
							<tbody>
								{d.votes.by_matter.map((m) => (
									<tr key={m.code}><td>{m.name}</td><td class="num">{n(m.held)}</td><td class="num">{n(m.passed)}</td><td class="num">{n(m.not_passed)}</td></tr>
								))}
							</tbody>
						</table>
					</div>
				</div>
			) : st.loading ? <p class="muted" role="status">Đang tải số liệu…</p> : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Villages                                                                */

function useVillages(unit) {
	return useLoader(() => (unit ? api.get('/democracy/villages', { ...unitParams(unit), limit: 500 }) : Promise.resolve({ items: [], total: 0 })),
		[unit && unit.structure, unit && unit.code]);
}

export function DemocracyVillagesPage({ user }) {
	const vocab = useVocab();
	const [unit, setUnit] = useState(user.unit && user.unit.level === 'commune' ? user.unit : null);
	const list = useVillages(unit);
	const [v, setV] = useState({ name: '', kind: 'village', households: '' });
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	async function add(e) {
		e.preventDefault();
		setError(null);
		if (!unit) return setError({ field: 'unit', message: 'Vui lòng chọn xã, phường.' });
		setBusy(true);
		try {
			await api.post('/democracy/villages', { unit: { structure: unit.structure, code: unit.code }, name: v.name.trim(), kind: v.kind,
				households: Number(v.households) || 0 });
			setV({ name: '', kind: v.kind, households: '' });
			list.reload();
		} catch (err) { setError(err); } finally { setBusy(false); }
	}
	async function setHouseholds(id, value) {
		try { await api.patch(`/democracy/villages/${id}`, { households: Number(value) || 0 }); list.reload(); } catch (err) { setError(err); }
	}
	const total = ((list.data && list.data.items) || []).reduce((s, x) => s + x.households, 0);
	return (
		<section class="page">
			<Head title="Thôn, tổ dân phố" current="villages" />
			<div class="card filters">
				<UnitField label="Xã, phường" value={unit} onChange={setUnit} testid="dc-village-unit" defaultStructure={defaultStructure(user)} error={fieldError(error, 'unit')} />
			</div>
			<Alert kind="error" testid="dc-village-error">{error && error.field !== 'unit' ? error.message : null}</Alert>
			<div class="table-wrap">
				<table class="table" data-testid="dc-villages">
					<thead><tr><th>Tên</th><th>Loại</th><th class="num">Số hộ gia đình</th></tr></thead>
					<tbody>
						{list.data && list.data.items.map((x) => (
							<tr key={x.id} data-testid={`dc-village-${x.id}`}>
								<td>{x.name}</td><td>{toMap(vocab.village_kinds)[x.kind] || x.kind}</td>
								<td class="num">{canWrite(user) ? (
									<input class="input input-num" inputMode="numeric" aria-label={`Số hộ của ${x.name}`} value={String(x.households)}
										onChange={(e) => setHouseholds(x.id, e.currentTarget.value)} />
								) : n(x.households)}</td>
							</tr>
						))}
						{list.data && !list.data.items.length ? <tr><td colSpan={3} class="empty">{unit ? 'Chưa có thôn, tổ dân phố nào.' : 'Chọn một xã, phường.'}</td></tr> : null}
					</tbody>
					{list.data && list.data.items.length ? <tfoot><tr><th colSpan={2}>Tổng số hộ của xã</th><th class="num">{n(total)}</th></tr></tfoot> : null}
				</table>
			</div>
			{canWrite(user) && unit ? (
				<form class="card form-card" onSubmit={add} noValidate data-testid="dc-village-form">
					<h2>Thêm thôn, tổ dân phố</h2>
					<div class="form-grid">
						<Field label="Tên" required error={fieldError(error, 'name')}><input class="input" maxLength={200} value={v.name} onInput={(e) => setV({ ...v, name: e.currentTarget.value })} data-testid="dc-village-name" /></Field>
						<Field label="Loại" required><MapSelect map={toMap(vocab.village_kinds)} value={v.kind} onChange={(k) => setV({ ...v, kind: k })} testid="dc-village-kind" /></Field>
						<Field label="Số hộ gia đình" required error={fieldError(error, 'households')}><input class="input" inputMode="numeric" value={v.households} onInput={(e) => setV({ ...v, households: e.currentTarget.value })} data-testid="dc-village-households" /></Field>
					</div>
					<div class="form-actions"><button class="btn btn-primary" type="submit" disabled={busy} data-testid="dc-village-save">Thêm</button></div>
				</form>
			) : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Votes                                                                   */

function VoteForm({ onSaved }) {
	const vocab = useVocab();
	const [org, setOrg] = useState(null);
	const commune = org && org.unit ? { structure: org.unit.structure, code: org.unit.code } : null;
	const villages = useVillages(commune);
	const vs = (villages.data && villages.data.items) || [];
	const [v, setV] = useState({ village: '', matter: 'convention', form: 'meeting', subject: '', day: todayDay(), total: '', present: '', yes: '', no: '', abstain: '',
		posted: '', sent: '', notice: '', recognized: '', action: '', consent: '' });
	const isConvention = v.matter === 'convention';
	const isElection = v.matter === 'village_head' || v.matter === 'board_members';
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	const [error, setError] = useState(null);
	const [saved, setSaved] = useState(null);
	const [busy, setBusy] = useState(false);
	const village = vs.find((x) => String(x.id) === v.village);
	const num = (s) => Number(String(s).replace(/\D/g, '')) || 0;
	async function submit(e) {
		e.preventDefault();
		setError(null);
		setSaved(null);
		if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn tổ chức.' });
		const body = { org_id: org.id, matter: v.matter, form: v.form, subject: v.subject.trim(), day: v.day, present: num(v.present),
			yes: num(v.yes), no: num(v.no), abstain: num(v.abstain) };
		if (v.village) body.village_id = Number(v.village);
		if (String(v.total).trim()) body.total_households = num(v.total);
		if (isConvention && v.posted) body.posted_day = v.posted;
		if (isConvention && v.sent) body.sent_day = v.sent;
		if (v.form === 'meeting' && v.notice) body.notice_day = v.notice;
		if (v.recognized) body.recognized_day = v.recognized;
		if (isElection && v.action) body.action = v.action;
		if (v.matter === 'initiative' && v.consent) body.consent_day = v.consent;
		setBusy(true);
		try {
			const r = await api.post('/democracy/votes', body);
			setSaved(r.vote);
			onSaved();
		} catch (err) { setError(err); } finally { setBusy(false); }
	}
	const known = ['org_id', 'village_id', 'matter', 'form', 'subject', 'day', 'total_households', 'present', 'yes', 'no', 'abstain',
		'posted_day', 'sent_day', 'notice_day', 'recognized_day', 'action', 'consent_day'];
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="dc-vote-form">
			<h2>Ghi nhận cuộc bàn, biểu quyết, lấy ý kiến</h2>
			<Alert kind="error" testid="dc-vote-error">{error && !known.includes(error.field) ? error.message : null}</Alert>
			<div class="form-grid">
				<Field label="Tổ chức (UBND, MTTQ xã)" required wide error={fieldError(error, 'org_id')}>
					<OrgPicker value={org ? org.id : ''} onChange={(id, o) => { setOrg(o); set('village')(''); }} testid="dc-vote-org" />
				</Field>
				<Field label="Phạm vi" error={fieldError(error, 'village_id')} hint="Để trống khi lấy ý kiến toàn xã bằng phiếu hoặc trực tuyến.">
					<select class="input" value={v.village} onChange={(e) => set('village')(e.currentTarget.value)} data-testid="dc-vote-village">
						<option value="">— Toàn xã —</option>
						{vs.map((x) => <option key={x.id} value={String(x.id)}>{x.name} ({n(x.households)} hộ)</option>)}
					</select>
				</Field>
				<Field label="Nội dung" required error={fieldError(error, 'matter')}><MapSelect map={toMap(vocab.matters)} codes={vocab.matters.map((m) => m.code)} value={v.matter} onChange={set('matter')} testid="dc-vote-matter" /></Field>
				<Field label="Hình thức" required error={fieldError(error, 'form')}><MapSelect map={toMap(vocab.forms)} codes={vocab.forms.map((m) => m.code)} value={v.form} onChange={set('form')} testid="dc-vote-form-kind" /></Field>
				<Field label="Ngày" required error={fieldError(error, 'day')}><DayInput value={v.day} onChange={set('day')} testid="dc-vote-day" /></Field>
				<Field label="Tên nội dung biểu quyết" required wide error={fieldError(error, 'subject')}>
					<input class="input" maxLength={500} value={v.subject} onInput={(e) => set('subject')(e.currentTarget.value)} data-testid="dc-vote-subject" />
				</Field>
				<Field label="Tổng số hộ" error={fieldError(error, 'total_households')} hint={village ? `Mặc định: ${n(village.households)} hộ của ${village.name}.` : 'Mặc định: tổng số hộ các thôn, tổ dân phố của xã.'}>
					<input class="input" inputMode="numeric" value={v.total} onInput={(e) => set('total')(e.currentTarget.value)} data-testid="dc-vote-total" />
				</Field>
				<Field label="Số đại diện hộ tham dự" required error={fieldError(error, 'present')}><input class="input" inputMode="numeric" value={v.present} onInput={(e) => set('present')(e.currentTarget.value)} data-testid="dc-vote-present" /></Field>
				<Field label="Tán thành" error={fieldError(error, 'yes')}><input class="input" inputMode="numeric" value={v.yes} onInput={(e) => set('yes')(e.currentTarget.value)} data-testid="dc-vote-yes" /></Field>
				<Field label="Không tán thành" error={fieldError(error, 'no')}><input class="input" inputMode="numeric" value={v.no} onInput={(e) => set('no')(e.currentTarget.value)} data-testid="dc-vote-no" /></Field>
				<Field label="Không biểu quyết" error={fieldError(error, 'abstain')}><input class="input" inputMode="numeric" value={v.abstain} onInput={(e) => set('abstain')(e.currentTarget.value)} data-testid="dc-vote-abstain" /></Field>
				{isConvention ? (
					<>
						<Field label="Ngày niêm yết dự thảo" error={fieldError(error, 'posted_day')} hint="Niêm yết tối thiểu 30 ngày trước ngày biểu quyết (R-DC-18)."><DayInput value={v.posted} onChange={set('posted')} testid="dc-vote-posted" /></Field>
						<Field label="Ngày gửi hồ sơ công nhận" error={fieldError(error, 'sent_day')} hint="Gửi UBND xã trong 5 ngày làm việc sau hội nghị, kết thúc phát phiếu."><DayInput value={v.sent} onChange={set('sent')} testid="dc-vote-sent" /></Field>
					</>
				) : null}
				{v.matter === 'initiative' ? (
					<Field label="Ngày bắt đầu thu thập ý kiến đồng ý" error={fieldError(error, 'consent_day')} hint="Ý kiến đồng ý có giá trị 3 tháng (R-DC-21)."><DayInput value={v.consent} onChange={set('consent')} testid="dc-vote-consent" /></Field>
				) : null}
				{v.form === 'meeting' ? (
					<Field label="Ngày thông báo đến hộ gia đình" error={fieldError(error, 'notice_day')} hint="Tối thiểu 5 ngày trước ngày họp (R-DC-22)."><DayInput value={v.notice} onChange={set('notice')} testid="dc-vote-notice" /></Field>
				) : null}
				{isElection ? (
					<Field label="Bầu hay cho thôi làm" error={fieldError(error, 'action')}>
						<MapSelect map={{ elect: 'Bầu', dismiss: 'Cho thôi làm' }} codes={['elect', 'dismiss']} value={v.action} onChange={set('action')} empty="—" testid="dc-vote-action" />
					</Field>
				) : null}
				<Field label="Ngày UBND xã công nhận" error={fieldError(error, 'recognized_day')} hint={isElection ? 'Cho thôi làm trưởng thôn: bầu mới trong 60 ngày kể từ ngày công nhận (R-DC-20).' : undefined}><DayInput value={v.recognized} onChange={set('recognized')} testid="dc-vote-recognized" /></Field>
			</div>
			<div class="form-actions"><button class="btn btn-primary" type="submit" disabled={busy} data-testid="dc-vote-save">Ghi nhận và tính kết quả</button></div>
			{saved ? (
				<div class={`alert alert-${saved.outcome.result === 'passed' ? 'success' : 'info'}`} role="status" data-testid="dc-vote-result">
					<strong>Kết quả: <OutcomeBadge outcome={saved.outcome} testid="dc-vote-result-badge" /></strong>{' '}
					<span data-testid="dc-vote-result-text">{outcomeText(saved.outcome)}</span>
					<VoteChecks vote={saved} testid="dc-vote-result-checks" />
				</div>
			) : null}
		</form>
	);
}

export function DemocracyVotesPage({ user }) {
	const vocab = useVocab();
	const [f, setF] = useState({ unit: null, matter: '', offset: 0 });
	const list = useLoader(() => api.get('/democracy/votes', { ...unitParams(f.unit), matter: f.matter, limit: LIMIT, offset: f.offset }),
		[f.unit && f.unit.code, f.matter, f.offset]);
	const data = list.data;
	return (
		<section class="page">
			<Head title="Bàn và quyết định, lấy ý kiến" current="votes" />
			{canWrite(user) ? <VoteForm onSaved={() => list.reload()} /> : null}
			<div class="card filters">
				<UnitField label="Đơn vị" value={f.unit} onChange={(u) => setF({ ...f, unit: u, offset: 0 })} testid="dc-votes-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Nội dung"><MapSelect map={toMap(vocab.matters)} codes={vocab.matters.map((m) => m.code)} value={f.matter} onChange={(m) => setF({ ...f, matter: m, offset: 0 })} empty="Tất cả" testid="dc-votes-matter" /></Field>
			</div>
			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách cuộc biểu quyết">
				<table class="table" data-testid="dc-votes">
					<thead><tr><th>Ngày</th><th>Nội dung</th><th>Phạm vi</th><th class="num">Tổng số hộ</th><th class="num">Tham dự</th><th class="num">Tán thành</th><th>Kết quả</th></tr></thead>
					<tbody>
						{data && data.items.map((x) => (
							<tr key={x.id} data-testid={`dc-vote-row-${x.id}`}>
								<td>{formatDay(x.day)}</td>
								<td>{x.subject}<span class="muted small block">{x.matter_name}</span></td>
								<td>{x.village ? x.village.name : 'Toàn xã'}<span class="muted small block">{x.unit.name}</span></td>
								<td class="num">{n(x.total_households)}</td><td class="num">{n(x.present)}</td><td class="num">{n(x.yes)}</td>
								<td><OutcomeBadge outcome={x.outcome} testid={`dc-vote-outcome-${x.id}`} /><span class="muted small block">{outcomeText(x.outcome)}</span>
									<VoteChecks vote={x} testid={`dc-vote-checks-${x.id}`} /></td>
							</tr>
						))}
						{data && !data.items.length ? <tr><td colSpan={7} class="empty">Chưa có cuộc biểu quyết nào.</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF({ ...f, offset: o })} testid="dc-votes-pager" noun="cuộc"
				exportSpec={{
					path: '/democracy/votes', query: { ...unitParams(f.unit), matter: f.matter },
					title: 'Danh sách cuộc bàn và quyết định, lấy ý kiến', filename: 'bieu-quyet',
					columns: [
						{ key: 'day', label: 'Ngày' },
						{ key: 'subject', label: 'Nội dung' },
						{ key: 'matter_name', label: 'Loại nội dung' },
						{ key: 'village.name', label: 'Thôn, tổ dân phố' },
						{ key: 'unit.name', label: 'Xã, phường' },
						{ key: 'total_households', label: 'Tổng số hộ' },
						{ key: 'present', label: 'Tham dự' },
						{ key: 'yes', label: 'Tán thành' },
						{ key: 'no', label: 'Không tán thành' },
						{ key: 'abstain', label: 'Không ý kiến' },
						{ key: 'outcome.result', label: 'Kết quả', values: OUTCOME_LABELS },
					],
				}} /> : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Disclosure                                                              */

function DisclosureForm({ onSaved }) {
	const vocab = useVocab();
	const [org, setOrg] = useState('');
	const [v, setV] = useState({ group: '', title: '', document: '', decision_day: '', from_day: todayDay(), duration_days: '30', channels: ['posting'] });
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const toggle = (c) => set('channels')(v.channels.includes(c) ? v.channels.filter((x) => x !== c) : [...v.channels, c]);
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn tổ chức.' });
		const body = { org_id: Number(org), group: v.group, title: v.title.trim(), from_day: v.from_day, channels: v.channels };
		if (v.document.trim()) body.document = v.document.trim();
		if (v.decision_day) body.decision_day = v.decision_day;
		if (String(v.duration_days).trim()) body.duration_days = Number(v.duration_days) || 0;
		setBusy(true);
		try { await api.post('/democracy/disclosures', body); setV({ ...v, title: '', document: '' }); onSaved(); } catch (err) { setError(err); } finally { setBusy(false); }
	}
	const known = ['org_id', 'group', 'title', 'from_day', 'decision_day', 'duration_days', 'channels'];
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="dc-disc-form">
			<h2>Ghi nhận nội dung công khai</h2>
			<Alert kind="error">{error && !known.includes(error.field) ? error.message : null}</Alert>
			<div class="form-grid">
				<Field label="Tổ chức (UBND xã)" required wide error={fieldError(error, 'org_id')}><OrgPicker value={org} onChange={(x) => setOrg(x)} testid="dc-disc-org" /></Field>
				<Field label="Nhóm nội dung (Điều 11)" required wide error={fieldError(error, 'group')}><MapSelect map={toMap(vocab.groups)} codes={vocab.groups.map((g) => g.code)} value={v.group} onChange={set('group')} empty="— Chọn nhóm —" testid="dc-disc-group" /></Field>
				<Field label="Nội dung công khai" required wide error={fieldError(error, 'title')}><input class="input" maxLength={500} value={v.title} onInput={(e) => set('title')(e.currentTarget.value)} data-testid="dc-disc-title" /></Field>
				<Field label="Số, ký hiệu văn bản"><input class="input" maxLength={200} value={v.document} onInput={(e) => set('document')(e.currentTarget.value)} /></Field>
				<Field label="Ngày ban hành quyết định" error={fieldError(error, 'decision_day')} hint="Hạn công khai: 10 ngày làm việc sau ngày này (R-DC-05)."><DayInput value={v.decision_day} onChange={set('decision_day')} testid="dc-disc-decision" /></Field>
				<Field label="Công khai từ ngày" required error={fieldError(error, 'from_day')}><DayInput value={v.from_day} onChange={set('from_day')} testid="dc-disc-from" /></Field>
				<Field label="Thời gian công khai (ngày)" error={fieldError(error, 'duration_days')}><input class="input" inputMode="numeric" value={v.duration_days} onInput={(e) => set('duration_days')(e.currentTarget.value)} /></Field>
				<Field label="Hình thức công khai" required wide error={fieldError(error, 'channels')}>
					<div class="checks">
						{vocab.channels.map((c) => (
							<label key={c.code} class="check"><input type="checkbox" checked={v.channels.includes(c.code)} onChange={() => toggle(c.code)} /> {c.name}</label>
						))}
					</div>
				</Field>
			</div>
			<div class="form-actions"><button class="btn btn-primary" type="submit" disabled={busy} data-testid="dc-disc-save">Ghi nhận</button></div>
		</form>
	);
}

function Compliance({ unit, year }) {
	const c = useLoader(() => (unit ? api.get('/democracy/disclosures/compliance', { ...unitParams(unit), year }) : Promise.resolve(null)),
		[unit && unit.code, year]);
	if (!unit) return <p class="muted">Chọn một xã, phường để xem việc công khai đủ các nhóm nội dung bắt buộc.</p>;
	if (c.error) return <Alert kind="error">{c.error.message}</Alert>;
	const d = c.data;
	if (!d) return null;
	return (
		<div class="card" data-testid="dc-compliance">
			<h2>Công khai theo Điều 11 năm {d.year}: <span data-testid="dc-compliance-ratio">{d.disclosed}/{d.required}</span> nhóm bắt buộc</h2>
			<div class="table-wrap">
				<table class="table table-compact">
					<thead><tr><th>Nhóm nội dung</th><th class="num">Số nội dung</th><th class="num">Chậm</th><th>Tình trạng</th></tr></thead>
					<tbody>
						{d.groups.map((g) => (
							<tr key={g.code}><td>{g.name}{g.status === 'U' ? <span class="muted small block">Chưa đối chiếu văn bản gốc</span> : null}</td>
								<td class="num">{n(g.items)}</td><td class="num">{n(g.late)}</td>
								<td>{g.disclosed ? 'Đã công khai' : g.required ? <strong>Chưa công khai</strong> : 'Không bắt buộc'}</td></tr>
						))}
					</tbody>
				</table>
			</div>
		</div>
	);
}

export function DemocracyDisclosuresPage({ user }) {
	const vocab = useVocab();
	const [f, setF] = useState({ unit: null, group: '', offset: 0 });
	const year = Number(todayDay().slice(0, 4));
	const list = useLoader(() => api.get('/democracy/disclosures', { ...unitParams(f.unit), group: f.group, limit: LIMIT, offset: f.offset }),
		[f.unit && f.unit.code, f.group, f.offset]);
	const data = list.data;
	const chans = toMap(vocab.channels);
	return (
		<section class="page">
			<Head title="Công khai thông tin" current="disclosures" />
			{canWrite(user) ? <DisclosureForm onSaved={() => list.reload()} /> : null}
			<div class="card filters">
				<UnitField label="Đơn vị" value={f.unit} onChange={(u) => setF({ ...f, unit: u, offset: 0 })} testid="dc-disc-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Nhóm nội dung"><MapSelect map={toMap(vocab.groups)} codes={vocab.groups.map((g) => g.code)} value={f.group} onChange={(g) => setF({ ...f, group: g, offset: 0 })} empty="Tất cả" /></Field>
			</div>
			<Compliance unit={f.unit && f.unit.level === 'commune' ? f.unit : null} year={year} />
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách nội dung công khai">
				<table class="table" data-testid="dc-disclosures">
					<thead><tr><th>Nội dung</th><th>Hình thức</th><th>Công khai</th><th>Hạn</th></tr></thead>
					<tbody>
						{data && data.items.map((x) => (
							<tr key={x.id}>
								<td>{x.title}<span class="muted small block">{x.group.name}</span></td>
								<td>{x.channels.map((c) => chans[c] || c).join('; ')}</td>
								<td>{formatDay(x.from_day)}{x.end_day ? ` – ${formatDay(x.end_day)}` : ''}</td>
								<td>{x.due_day ? formatDay(x.due_day) : '—'}{x.late ? <span class="status status-late block">Chậm</span> : null}</td>
							</tr>
						))}
						{data && !data.items.length ? <tr><td colSpan={4} class="empty">Chưa có nội dung công khai nào.</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF({ ...f, offset: o })} testid="dc-disc-pager" noun="nội dung"
				exportSpec={{
					path: '/democracy/disclosures', query: { ...unitParams(f.unit), group: f.group },
					title: 'Danh sách nội dung công khai thông tin', filename: 'cong-khai-thong-tin',
					columns: [
						{ key: 'title', label: 'Nội dung' },
						{ key: 'group.name', label: 'Nhóm nội dung' },
						{ key: 'unit.name', label: 'Đơn vị' },
						{ key: 'channels', label: 'Hình thức', values: chans },
						{ key: 'from_day', label: 'Công khai từ ngày' },
						{ key: 'end_day', label: 'Đến ngày' },
						{ key: 'due_day', label: 'Hạn công khai' },
						{ key: 'late', label: 'Chậm' },
					],
				}} /> : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Suggestion boxes                                                        */

function Box({ box, user, onChange }) {
	const [open, setOpen] = useState(false);
	const detail = useLoader(() => (open ? api.get(`/democracy/boxes/${box.id}`) : Promise.resolve(null)), [open, box.openings]);
	const [v, setV] = useState({ day: todayDay(), opened_by: '', letters: '', summary: '', follow_up: '' });
	const [error, setError] = useState(null);
	async function add(e) {
		e.preventDefault();
		setError(null);
		try {
			await api.post(`/democracy/boxes/${box.id}/openings`, { day: v.day, opened_by: v.opened_by.trim(), letters: Number(v.letters) || 0,
				summary: v.summary.trim(), follow_up: v.follow_up.trim() });
			setV({ ...v, letters: '', summary: '', follow_up: '' });
			onChange();
		} catch (err) { setError(err); }
	}
	return (
		<div class="card">
			<h2>{box.place}</h2>
			<p class="muted">{box.org.name} · mở {n(box.openings)} lượt, {n(box.letters)} thư{box.last_opened ? ` · lần gần nhất ${formatDay(box.last_opened)}` : ''}</p>
			<button type="button" class="btn btn-small" onClick={() => setOpen(!open)}>{open ? 'Ẩn các lần mở' : 'Xem các lần mở'}</button>
			{open && detail.data ? (
				<ul>{detail.data.openings.map((o) => <li key={o.id}>{formatDay(o.day)}: {n(o.letters)} thư ({o.opened_by}){o.summary ? ` — ${o.summary}` : ''}{o.follow_up ? `; xử lý: ${o.follow_up}` : ''}</li>)}</ul>
			) : null}
			{open && canWrite(user) ? (
				<form onSubmit={add} noValidate class="form-grid">
					<Alert kind="error">{error ? error.message : null}</Alert>
					<Field label="Ngày mở" required><DayInput value={v.day} onChange={(x) => setV({ ...v, day: x })} /></Field>
					<Field label="Thành phần mở" required><input class="input" value={v.opened_by} onInput={(e) => setV({ ...v, opened_by: e.currentTarget.value })} /></Field>
					<Field label="Số thư" required><input class="input" inputMode="numeric" value={v.letters} onInput={(e) => setV({ ...v, letters: e.currentTarget.value })} /></Field>
					<Field label="Nội dung thư" wide><input class="input" value={v.summary} onInput={(e) => setV({ ...v, summary: e.currentTarget.value })} /></Field>
					<Field label="Xử lý" wide><input class="input" value={v.follow_up} onInput={(e) => setV({ ...v, follow_up: e.currentTarget.value })} /></Field>
					<div class="form-actions"><button class="btn btn-primary" type="submit">Ghi nhận lần mở</button></div>
				</form>
			) : null}
		</div>
	);
}

export function DemocracyBoxesPage({ user }) {
	const [unit, setUnit] = useState(null);
	const list = useLoader(() => api.get('/democracy/boxes', { ...unitParams(unit), limit: 100 }), [unit && unit.code]);
	const [org, setOrg] = useState('');
	const [place, setPlace] = useState('');
	const [error, setError] = useState(null);
	async function add(e) {
		e.preventDefault();
		setError(null);
		try { await api.post('/democracy/boxes', { org_id: Number(org) || 0, place: place.trim() }); setPlace(''); list.reload(); } catch (err) { setError(err); }
	}
	return (
		<section class="page">
			<Head title="Hòm thư góp ý" current="boxes" />
			<div class="card filters"><UnitField label="Đơn vị" value={unit} onChange={setUnit} defaultStructure={defaultStructure(user)} /></div>
			{list.data ? list.data.items.map((b) => <Box key={b.id} box={b} user={user} onChange={() => list.reload()} />) : null}
			{list.data && !list.data.items.length ? <p class="muted">Chưa có hòm thư góp ý nào.</p> : null}
			{canWrite(user) ? (
				<form class="card form-card" onSubmit={add} noValidate>
					<h2>Thêm hòm thư góp ý</h2>
					<Alert kind="error">{error ? error.message : null}</Alert>
					<div class="form-grid">
						<Field label="Tổ chức" required wide><OrgPicker value={org} onChange={(x) => setOrg(x)} /></Field>
						<Field label="Nơi đặt" required wide><input class="input" maxLength={300} value={place} onInput={(e) => setPlace(e.currentTarget.value)} /></Field>
					</div>
					<div class="form-actions"><button class="btn btn-primary" type="submit">Thêm</button></div>
				</form>
			) : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Boards                                                                  */

export function DemocracyBoardsPage({ user }) {
	const vocab = useVocab();
	const [f, setF] = useState({ unit: null, kind: '', offset: 0 });
	const list = useLoader(() => api.get('/democracy/boards', { ...unitParams(f.unit), kind: f.kind, limit: LIMIT, offset: f.offset }),
		[f.unit && f.unit.code, f.kind, f.offset]);
	const [v, setV] = useState({ org: '', kind: 'ttnd_commune', name: '', project_name: '', term_start: todayDay() });
	const [error, setError] = useState(null);
	async function add(e) {
		e.preventDefault();
		setError(null);
		const body = { org_id: Number(v.org) || 0, kind: v.kind, name: v.name.trim(), term_start: v.term_start };
		if (v.project_name.trim()) body.project_name = v.project_name.trim();
		try { const r = await api.post('/democracy/boards', body); window.location.hash = `#/democracy/boards/${r.board.id}`; } catch (err) { setError(err); }
	}
	const kinds = toMap(vocab.board_kinds);
	const data = list.data;
	return (
		<section class="page">
			<Head title="Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng" current="boards" />
			<div class="card filters">
				<UnitField label="Đơn vị" value={f.unit} onChange={(u) => setF({ ...f, unit: u, offset: 0 })} defaultStructure={defaultStructure(user)} />
				<Field label="Loại ban"><MapSelect map={kinds} codes={vocab.board_kinds.map((k) => k.code)} value={f.kind} onChange={(k) => setF({ ...f, kind: k, offset: 0 })} empty="Tất cả" /></Field>
			</div>
			<div class="table-wrap">
				<table class="table" data-testid="dc-boards">
					<thead><tr><th>Tên ban</th><th>Loại</th><th>Nhiệm kỳ</th><th class="num">Thành viên</th></tr></thead>
					<tbody>
						{data && data.items.map((b) => (
							<tr key={b.id}><td><a href={`#/democracy/boards/${b.id}`}>{b.name}</a>{b.project_name ? <span class="muted small block">Dự án: {b.project_name}</span> : null}</td>
								<td>{kinds[b.kind] || b.kind}</td>
								<td>{formatDay(b.term_start)}{b.term_end ? ` – ${formatDay(b.term_end)}` : ''}{b.dissolved_day ? <span class="muted small block">Giải thể {formatDay(b.dissolved_day)}</span> : null}{b.active === false ? <span class="status status-closed block" data-testid={`dc-board-inactive-${b.id}`}>Đã giải thể, không còn hoạt động</span> : null}</td>
								<td class="num">{n(b.members)}</td></tr>
						))}
						{data && !data.items.length ? <tr><td colSpan={4} class="empty">Chưa có ban nào.</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF({ ...f, offset: o })} testid="dc-boards-pager" noun="ban"
				exportSpec={{
					path: '/democracy/boards', query: { ...unitParams(f.unit), kind: f.kind },
					title: 'Danh sách Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng', filename: 'ban-ttnd-gsdtcd',
					columns: [
						{ key: 'name', label: 'Tên ban' },
						{ key: 'project_name', label: 'Dự án' },
						{ key: 'kind', label: 'Loại', values: kinds },
						{ key: 'term_start', label: 'Nhiệm kỳ từ ngày' },
						{ key: 'term_end', label: 'Nhiệm kỳ đến ngày' },
						{ key: 'dissolved_day', label: 'Ngày giải thể' },
						{ key: 'active', label: 'Còn hoạt động' },
						{ key: 'members', label: 'Thành viên' },
					],
				}} /> : null}
			{canWrite(user) ? (
				<form class="card form-card" onSubmit={add} noValidate>
					<h2>Thành lập ban</h2>
					<Alert kind="error">{error ? error.message : null}</Alert>
					<div class="form-grid">
						<Field label="Tổ chức (MTTQ xã, cơ quan)" required wide><OrgPicker value={v.org} onChange={(x) => setV({ ...v, org: x })} /></Field>
						<Field label="Loại ban" required><MapSelect map={kinds} codes={vocab.board_kinds.map((k) => k.code)} value={v.kind} onChange={(k) => setV({ ...v, kind: k })} /></Field>
						<Field label="Tên ban" required wide><input class="input" value={v.name} onInput={(e) => setV({ ...v, name: e.currentTarget.value })} /></Field>
						{v.kind === 'gsdtccd' ? <Field label="Chương trình, dự án" required wide><input class="input" value={v.project_name} onInput={(e) => setV({ ...v, project_name: e.currentTarget.value })} /></Field> : null}
						<Field label="Bắt đầu nhiệm kỳ" required><DayInput value={v.term_start} onChange={(x) => setV({ ...v, term_start: x })} /></Field>
					</div>
					<div class="form-actions"><button class="btn btn-primary" type="submit">Thành lập</button></div>
				</form>
			) : null}
		</section>
	);
}

export function DemocracyBoardPage({ user, params }) {
	const vocab = useVocab();
	const r = useLoader(() => api.get(`/democracy/boards/${params.id}`), [params.id]);
	const d = r.data;
	const commune = d ? { structure: d.board.unit.structure, code: d.board.unit.code } : null;
	const villages = useVillages(d && d.board.kind !== 'ttnd_agency' ? commune : null);
	const [m, setM] = useState({ name: '', role: 'member', village: '', elected_day: todayDay() });
	const [a, setA] = useState({ day: todayDay(), content: '', recommendation: '' });
	const [error, setError] = useState(null);
	usePageTitle(d ? d.board.name : 'Ban');
	async function addMember(e) {
		e.preventDefault();
		setError(null);
		const body = { name: m.name.trim(), role: m.role, elected_day: m.elected_day };
		if (m.village) body.village_id = Number(m.village);
		try { await api.post(`/democracy/boards/${params.id}/members`, body); setM({ ...m, name: '' }); r.reload(); } catch (err) { setError(err); }
	}
	async function leave(id) {
		try { await api.patch(`/democracy/board-members/${id}`, { left_day: todayDay() }); r.reload(); } catch (err) { setError(err); }
	}
	async function addActivity(e) {
		e.preventDefault();
		setError(null);
		try { await api.post(`/democracy/boards/${params.id}/activities`, { day: a.day, content: a.content.trim(), recommendation: a.recommendation.trim() }); setA({ ...a, content: '', recommendation: '' }); r.reload(); } catch (err) { setError(err); }
	}
	if (!d) return <section class="page">{r.error ? <Alert kind="error">{r.error.message}</Alert> : <p class="muted" role="status">Đang tải…</p>}</section>;
	const b = d.board;
	return (
		<section class="page">
			<p class="no-print"><a href="#/democracy/boards">‹ Danh sách ban</a></p>
			<h1>{b.name}</h1>
			<p class="muted">{toMap(vocab.board_kinds)[b.kind]} · {b.org.name} · {b.unit.name} · nhiệm kỳ từ {formatDay(b.term_start)}{b.term_end ? ` đến ${formatDay(b.term_end)}` : ''}{b.project_name ? ` · dự án: ${b.project_name}` : ''}</p>
			{b.active === false ? <p class="status status-closed" data-testid="dc-board-inactive">Ban đã giải thể ngày {formatDay(b.dissolved_day)}, không còn hoạt động (R-DC-60).</p> : null}
			{d.warnings.length ? (
				<div class="alert alert-error" role="status" data-testid="dc-board-warnings">
					<strong>Thành phần, nhiệm kỳ của ban chưa đúng quy định:</strong>
					<ul>{d.warnings.map((w) => <li key={w.rule}>{w.message} ({w.rule})</li>)}</ul>
				</div>
			) : <p data-testid="dc-board-ok">Thành phần ban phù hợp quy định.</p>}
			<Alert kind="error">{error ? error.message : null}</Alert>
			<div class="card">
				<h2>Thành viên ({n(b.members)})</h2>
				<div class="table-wrap">
					<table class="table table-compact" data-testid="dc-board-members">
						<thead><tr><th>Họ tên</th><th>Chức danh</th><th>Thôn, tổ dân phố</th><th>Ngày bầu</th><th /></tr></thead>
						<tbody>
							{d.members.map((x) => (
								<tr key={x.id} class={x.current ? '' : 'muted'}>
									<td>{x.name}</td><td>{ROLE_LABELS[x.role]}</td><td>{x.village ? x.village.name : ''}</td>
									<td>{formatDay(x.elected_day)}{x.left_day ? ` (thôi ${formatDay(x.left_day)})` : ''}</td>
									<td>{x.current && canWrite(user) ? <button type="button" class="btn btn-small" onClick={() => leave(x.id)}>Cho thôi</button> : null}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
				{canWrite(user) ? (
					<form onSubmit={addMember} noValidate class="form-grid">
						<Field label="Họ tên" required><input class="input" value={m.name} onInput={(e) => setM({ ...m, name: e.currentTarget.value })} /></Field>
						<Field label="Chức danh"><MapSelect map={ROLE_LABELS} value={m.role} onChange={(x) => setM({ ...m, role: x })} /></Field>
						<Field label="Thôn, tổ dân phố">
							<select class="input" value={m.village} onChange={(e) => setM({ ...m, village: e.currentTarget.value })}>
								<option value="">—</option>
								{((villages.data && villages.data.items) || []).map((x) => <option key={x.id} value={String(x.id)}>{x.name}</option>)}
							</select>
						</Field>
						<Field label="Ngày bầu"><DayInput value={m.elected_day} onChange={(x) => setM({ ...m, elected_day: x })} /></Field>
						<div class="form-actions"><button class="btn btn-primary" type="submit">Thêm thành viên</button></div>
					</form>
				) : null}
			</div>
			<div class="card">
				<h2>Hoạt động kiểm tra, giám sát</h2>
				<ul>{d.activities.map((x) => <li key={x.id}>{formatDay(x.day)}: {x.content}{x.recommendation ? ` — Kiến nghị: ${x.recommendation}` : ''}</li>)}</ul>
				{canWrite(user) ? (
					<form onSubmit={addActivity} noValidate class="form-grid">
						<Field label="Ngày" required><DayInput value={a.day} onChange={(x) => setA({ ...a, day: x })} /></Field>
						<Field label="Nội dung, kết quả" required wide><input class="input" value={a.content} onInput={(e) => setA({ ...a, content: e.currentTarget.value })} /></Field>
						<Field label="Kiến nghị" wide><input class="input" value={a.recommendation} onInput={(e) => setA({ ...a, recommendation: e.currentTarget.value })} /></Field>
						<div class="form-actions"><button class="btn btn-primary" type="submit">Ghi nhận</button></div>
					</form>
				) : null}
			</div>
		</section>
	);
}
