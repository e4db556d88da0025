// Phong trào, vận động (issue 5): campaigns and support activities (thăm
// hỏi, tặng quà; nhà đại đoàn kết; quyên góp; ngày công, km đường, kênh
// mương) with their period totals, and organisation changes (kiện toàn
// chức danh) with the counts the reports quote ("kiện toàn 04 chức danh
// chủ tịch, 03 chức danh phó chủ tịch").
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatDay, formatNumber, ORG_TYPE_LABELS, LEVEL_LABELS, todayDay } from '../format.js';
import { Pager } from '../components/Pager.jsx';
import { UnitField } from '../components/UnitPicker.jsx';
import { Alert, ConfirmButton, Field, fieldError, useDebounced, useLoader, usePageTitle } from '../components/ui.jsx';
import { DayField, MapSelect, OrgPicker, PeriodPicker, TabLinks, defaultPeriod, periodString } from '../components/forms.jsx';

const LIMIT = 20;
const TABS = [
	{ id: 'campaigns', href: '#/campaigns', label: 'Hoạt động, hỗ trợ' },
	{ id: 'org-changes', href: '#/campaigns/org-changes', label: 'Kiện toàn chức danh' },
];
const QTY = [
	{ key: 'visits', label: 'Số lượt, suất', unit: 'lượt' },
	{ key: 'households', label: 'Số hộ', unit: 'hộ' },
	{ key: 'money', label: 'Số tiền (đồng)', unit: 'đồng' },
	{ key: 'labour_days', label: 'Ngày công', unit: 'ngày công' },
	{ key: 'road_m', label: 'Đường giao thông (km)', unit: 'km', km: true },
	{ key: 'canal_m', label: 'Kênh mương (km)', unit: 'km', km: true },
];
const CHANGE_ORG_TYPES = { fatherland_front: ORG_TYPE_LABELS.fatherland_front, mass_organization: ORG_TYPE_LABELS.mass_organization };

const canWrite = (user) => !!user && user.role !== 'viewer';
const defaultStructure = (user) => (user.unit ? Number(user.unit.structure) : 2025);
const unitParams = (unit) => (unit ? { structure: unit.structure, unit: unit.code } : {});
const kmFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });

/** 1250000000 → "1.250.000.000 đồng" */
export const formatMoney = (x) => `${formatNumber(x || 0)} đồng`;
/** metres → "12,5 km" */
export const formatKm = (m) => `${kmFmt.format((Number(m) || 0) / 1000)} km`;
function formatQty(q, x) {
	if (q.km) return formatKm(x);
	if (q.key === 'money') return formatMoney(x);
	return formatNumber(x || 0);
}

/** "1.250.000" → 1250000; "" → 0; null when not a whole number. */
function parseWhole(s) {
	const t = (s || '').replace(/[.\s]/g, '');
	if (!t) return 0;
	return /^\d{1,16}$/.test(t) ? Number(t) : null;
}
/** "2,5" (km) → 2500 (m); "" → 0; null when invalid. */
function parseKm(s) {
	const t = (s || '').trim().replace(/\s/g, '');
	if (!t) return 0;
	if (!/^\d{1,6}([,.]\d{1,3})?$/.test(t)) return null;
	return Math.round(Number(t.replace(',', '.')) * 1000);
}

let vocabCache = null;
function useVocab(path) {
	const [v, setV] = useState((vocabCache && vocabCache[path]) || null);
	useEffect(() => {
		if (v) return undefined;
		let live = true;
		api.get(path).then((r) => { vocabCache = { ...(vocabCache || {}), [path]: r }; if (live) setV(r); }, () => {});
		return () => { live = false; };
	}, [path]); // eslint-disable-line react-hooks/exhaustive-deps
	return v;
}
const toMap = (items) => Object.fromEntries((items || []).map((i) => [i.code, i.name]));
const pad2 = (x) => String(x).padStart(2, '0');
const cap = (t) => t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);

/* ---------------------------------------------------------------------- */
/* Campaigns                                                               */

function CampaignTotals({ unit }) {
	const [period, setPeriod] = useState(defaultPeriod('year'));
	const p = periodString(period);
	const r = useLoader(() => api.get('/campaigns/totals', { ...unitParams(unit), period: p }), [unit && unit.structure, unit && unit.code, p]);
	const d = r.data;
	return (
		<div class="card" data-testid="campaign-totals">
			<h2>Kết quả theo kỳ</h2>
			<PeriodPicker value={period} onChange={setPeriod} testid="campaign-period" />
			{r.error ? <Alert kind="error">{r.error.message}</Alert> : null}
			{d ? (
				<>
					<p class="totals-sentence" data-testid="campaign-totals-text">
						{cap(d.period.label)} (từ {d.period.from_vi} đến {d.period.to_vi}): {formatNumber(d.total.activities)} hoạt động;
						{' '}thăm hỏi, tặng quà {formatNumber(d.total.visits)} lượt; hỗ trợ {formatNumber(d.total.households)} hộ;
						{' '}tổng trị giá {formatMoney(d.total.money)}; {formatNumber(d.total.labour_days)} ngày công;
						{' '}{formatKm(d.total.road_m)} đường giao thông, {formatKm(d.total.canal_m)} kênh mương.
					</p>
					<div class="table-wrap">
						<table class="table table-compact" data-testid="campaign-totals-table">
							<thead><tr><th>Loại hoạt động</th><th class="num">Số hoạt động</th>{QTY.map((q) => <th key={q.key} class="num">{q.label}</th>)}</tr></thead>
							<tbody>
								{d.items.map((it) => (
									<tr key={it.kind} data-testid={`campaign-total-${it.kind}`}>
										<td>{it.name}</td><td class="num">{formatNumber(it.activities)}</td>
										{QTY.map((q) => <td key={q.key} class="num">{formatQty(q, it[q.key])}</td>)}
									</tr>
								))}
								<tr class="total-row"><th>Cộng</th><th class="num">{formatNumber(d.total.activities)}</th>{QTY.map((q) => <th key={q.key} class="num">{formatQty(q, d.total[q.key])}</th>)}</tr>
							</tbody>
						</table>
					</div>
				</>
			) : null}
		</div>
	);
}

function CampaignForm({ user, vocab, onSaved, onCancel }) {
	const [org, setOrg] = useState('');
	const [v, setV] = useState({
		kind: '', title: '', unit: null, place: '', day: todayDay(), end_day: '', target: '', note: '',
		visits: '', households: '', money: '', labour_days: '', road_m: '', canal_m: '',
	});
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const kinds = (vocab && vocab.kinds) || [];
	const kind = kinds.find((k) => k.code === v.kind);
	const needs = (key) => !!kind && (kind.requires_all.split(',').includes(key) || kind.requires_any.split(',').includes(key));
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn tổ chức thực hiện.' });
		if (!v.kind) return setError({ field: 'kind', message: 'Vui lòng chọn loại hoạt động.' });
		if (!v.title.trim()) return setError({ field: 'title', message: 'Vui lòng nhập tên hoạt động.' });
		if (!v.day) return setError({ field: 'day', message: 'Vui lòng nhập ngày (dd/mm/yyyy).' });
		if (v.end_day === null) return setError({ field: 'end_day', message: 'Ngày kết thúc không hợp lệ.' });
		if (!v.target) return setError({ field: 'target', message: 'Vui lòng chọn đối tượng.' });
		const body = { org_id: Number(org), kind: v.kind, title: v.title.trim(), day: v.day, target: v.target };
		for (const q of QTY) {
			const x = q.km ? parseKm(v[q.key]) : parseWhole(v[q.key]);
			if (x === null) return setError({ field: q.key, message: q.km ? 'Nhập số km, ví dụ 2,5.' : 'Nhập số nguyên, ví dụ 1.250.000.' });
			if (x) body[q.key] = x;
		}
		const all = kind.requires_all ? kind.requires_all.split(',') : [];
		const any = kind.requires_any ? kind.requires_any.split(',') : [];
		const miss = all.find((k) => !body[k]);
		if (miss) return setError({ field: miss, message: `Loại hoạt động này cần ghi ${QTY.find((q) => q.key === miss).label.toLocaleLowerCase('vi')}.` });
		if (any.length && !any.some((k) => body[k])) {
			return setError({ message: `Loại hoạt động này cần ghi ít nhất một trong: ${any.map((k) => QTY.find((q) => q.key === k).label.toLocaleLowerCase('vi')).join(', ')}.` });
		}
		if (v.unit) body.unit = { structure: v.unit.structure, code: v.unit.code };
		if (v.place.trim()) body.place = v.place.trim();
		if (v.end_day) body.end_day = v.end_day;
		if (v.note.trim()) body.note = v.note.trim();
		setBusy(true);
		try {
			await api.post('/campaigns', body);
			onSaved();
		} catch (err) { setError(err); } finally { setBusy(false); }
	}
	const known = ['org_id', 'kind', 'title', 'unit', 'day', 'end_day', 'target', ...QTY.map((q) => q.key)];
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="campaign-form">
			<h2>Ghi nhận hoạt động</h2>
			<Alert kind="error" testid="campaign-form-error">{error && !known.includes(error.field) ? error.message : null}</Alert>
			<div class="form-grid">
				<Field label="Tổ chức thực hiện" required wide error={fieldError(error, 'org_id')}><OrgPicker value={org} onChange={(x) => setOrg(x)} testid="campaign-org" /></Field>
				<Field label="Loại hoạt động" required error={fieldError(error, 'kind')}>
					<MapSelect map={toMap(kinds)} value={v.kind} onChange={set('kind')} empty={kinds.length ? '— Chọn loại —' : 'Đang tải…'} testid="campaign-kind" />
				</Field>
				<Field label="Đối tượng" required error={fieldError(error, 'target')}>
					<MapSelect map={toMap(vocab && vocab.targets)} value={v.target} onChange={set('target')} empty="— Chọn đối tượng —" testid="campaign-target" />
				</Field>
				<Field label="Tên hoạt động" required wide error={fieldError(error, 'title')}>
					<input class="input" maxLength={300} value={v.title} onInput={(e) => set('title')(e.currentTarget.value)} data-testid="campaign-title" />
				</Field>
				<UnitField label="Địa bàn (để trống: đơn vị của tổ chức)" value={v.unit} onChange={set('unit')} testid="campaign-unit" defaultStructure={defaultStructure(user)} error={fieldError(error, 'unit')} />
				<Field label="Địa điểm"><input class="input" maxLength={300} value={v.place} onInput={(e) => set('place')(e.currentTarget.value)} data-testid="campaign-place" /></Field>
				<DayField label="Ngày" required value={v.day} onChange={set('day')} error={fieldError(error, 'day')} testid="campaign-day" />
				<DayField label="Đến ngày" value={v.end_day} onChange={set('end_day')} error={fieldError(error, 'end_day')} testid="campaign-end-day" />
				{QTY.map((q) => (
					<Field key={q.key} label={q.label} required={needs(q.key)} error={fieldError(error, q.key)}>
						<input class="input" inputMode="decimal" maxLength={22} value={v[q.key]} onInput={(e) => set(q.key)(e.currentTarget.value)} data-testid={`campaign-${q.key}`} />
					</Field>
				))}
				<Field label="Ghi chú" wide><textarea class="input" rows={2} maxLength={5000} value={v.note} onInput={(e) => set('note')(e.currentTarget.value)} data-testid="campaign-note" /></Field>
			</div>
			{kind && kind.requires_any ? <p class="muted small">Loại này cần ghi ít nhất một trong các số liệu được đánh dấu *.</p> : null}
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="campaign-submit">{busy ? 'Đang lưu…' : 'Lưu hoạt động'}</button>
				<button type="button" class="btn" onClick={onCancel}>Huỷ</button>
			</div>
		</form>
	);
}

function quantities(c) {
	return QTY.filter((q) => c[q.key]).map((q) => (q.km || q.key === 'money' ? formatQty(q, c[q.key]) : `${formatNumber(c[q.key])} ${q.unit}`)).join('; ');
}

export function CampaignsPage({ user }) {
	usePageTitle('Phong trào, vận động');
	const vocab = useVocab('/campaign-kinds');
	const [f, setF] = useState({ unit: null, kind: '', q: '', offset: 0 });
	const [adding, setAdding] = useState(false);
	const [tick, setTick] = useState(0);
	const set = (k) => (x) => setF((o) => ({ ...o, [k]: x, offset: 0 }));
	const q = useDebounced(f.q.trim(), 300);
	const list = useLoader(() => api.get('/campaigns', { ...unitParams(f.unit), kind: f.kind, q, limit: LIMIT, offset: f.offset }),
		[f.unit && f.unit.structure, f.unit && f.unit.code, f.kind, q, f.offset, tick]);
	const data = list.data;
	const reload = () => setTick((x) => x + 1);
	return (
		<section class="page">
			<div class="page-head">
				<h1>Phong trào, vận động</h1>
				{canWrite(user) && !adding ? <button type="button" class="btn btn-primary" onClick={() => setAdding(true)} data-testid="campaign-new-button">+ Ghi nhận hoạt động</button> : null}
			</div>
			<TabLinks items={TABS} current="campaigns" testid="campaign-tabs" />
			{adding ? <CampaignForm user={user} vocab={vocab} onSaved={() => { setAdding(false); reload(); }} onCancel={() => setAdding(false)} /> : null}
			<div class="card filters">
				<UnitField label="Đơn vị" value={f.unit} onChange={set('unit')} testid="campaign-filter-unit" defaultStructure={defaultStructure(user)} />
				<Field label="Loại hoạt động"><MapSelect map={toMap(vocab && vocab.kinds)} value={f.kind} onChange={set('kind')} empty="Tất cả" testid="campaign-filter-kind" /></Field>
				<Field label="Tìm theo tên"><input type="search" class="input" value={f.q} onInput={(e) => set('q')(e.currentTarget.value)} data-testid="campaign-filter-q" /></Field>
			</div>
			<CampaignTotals key={tick} unit={f.unit} />
			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách hoạt động">
				<table class="table" data-testid="campaign-table">
					<thead><tr><th>Hoạt động</th><th>Ngày</th><th>Tổ chức, địa bàn</th><th>Đối tượng</th><th>Kết quả</th><th /></tr></thead>
					<tbody>
						{data && data.items.map((c) => (
							<tr key={c.id} data-testid={`campaign-row-${c.id}`}>
								<td>{c.title}<span class="muted small block">{c.kind_name}</span></td>
								<td>{formatDay(c.day)}{c.end_day ? ` – ${formatDay(c.end_day)}` : ''}</td>
								<td>{c.org.name}<span class="muted small block">{c.unit.name}{c.place ? `, ${c.place}` : ''}</span></td>
								<td>{c.target_name}</td>
								<td data-testid={`campaign-qty-${c.id}`}>{quantities(c)}</td>
								<td>{canWrite(user) ? <ConfirmButton label="Xoá" question="Xoá hoạt động này?" confirmLabel="Xoá" testid={`campaign-delete-${c.id}`}
									onConfirm={async () => { await api.del(`/campaigns/${c.id}`); reload(); }} /> : null}</td>
							</tr>
						))}
						{data && !data.items.length ? <tr><td colSpan={6} class="empty">Chưa có hoạt động nào.</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={f.offset} onChange={(o) => setF((x) => ({ ...x, offset: o }))} testid="campaign-pager" noun="hoạt động"
				exportSpec={{
					path: '/campaigns', query: { ...unitParams(f.unit), kind: f.kind, q }, title: 'Danh sách hoạt động phong trào, vận động',
					filename: 'hoat-dong-phong-trao',
					columns: [
						{ key: 'title', label: 'Hoạt động' },
						{ key: 'kind_name', label: 'Loại hoạt động' },
						{ key: 'day', label: 'Ngày' },
						{ key: 'end_day', label: 'Đến ngày' },
						{ key: 'org.name', label: 'Tổ chức' },
						{ key: 'unit.name', label: 'Địa bàn' },
						{ key: 'place', label: 'Địa điểm' },
						{ key: 'target_name', label: 'Đối tượng' },
						...QTY.map((x) => (x.km ? { key: x.key, label: x.label.replace('(km)', '(m)') } : { key: x.key, label: x.label })),
					],
				}} /> : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Organisation changes                                                    */

/** "Kiện toàn 04 chức danh chủ tịch, 03 chức danh phó chủ tịch" */
export function changesSentence(byPosition) {
	const parts = byPosition.filter((p) => p.filled > 0).map((p) => `${pad2(p.filled)} chức danh ${p.name.toLocaleLowerCase('vi')}`);
	return parts.length ? `Kiện toàn ${parts.join(', ')}` : 'Chưa kiện toàn chức danh nào';
}

function ChangeCounts({ unit }) {
	const [period, setPeriod] = useState(defaultPeriod('year'));
	const [orgType, setOrgType] = useState('fatherland_front');
	const [level, setLevel] = useState('');
	const p = periodString(period);
	const r = useLoader(() => api.get('/org-changes/counts', { ...unitParams(unit), period: p, org_type: orgType, level }),
		[unit && unit.structure, unit && unit.code, p, orgType, level]);
	const d = r.data;
	return (
		<div class="card" data-testid="change-counts">
			<h2>Kết quả kiện toàn theo kỳ</h2>
			<div class="filters">
				<PeriodPicker value={period} onChange={setPeriod} testid="change-period" />
				<Field label="Tổ chức"><MapSelect map={CHANGE_ORG_TYPES} value={orgType} onChange={setOrgType} empty="Tất cả" testid="change-count-org-type" /></Field>
				<Field label="Cấp"><MapSelect map={LEVEL_LABELS} value={level} onChange={setLevel} empty="Tất cả" testid="change-count-level" /></Field>
			</div>
			{r.error ? <Alert kind="error">{r.error.message}</Alert> : null}
			{d ? (
				<>
					<p class="totals-sentence" data-testid="change-counts-text">
						{cap(d.period.label)}: {changesSentence(d.by_position)}{orgType ? ` ${orgType === 'fatherland_front' ? 'Mặt trận Tổ quốc' : 'các đoàn thể'}` : ''}{level ? ` ${LEVEL_LABELS[level].toLocaleLowerCase('vi')}` : ''};
						{' '}{formatNumber(d.total.vacated)} trường hợp miễn nhiệm, khuyết.
					</p>
					<table class="table table-compact" data-testid="change-counts-table">
						<thead><tr><th>Chức danh</th><th class="num">Kiện toàn</th><th class="num">Miễn nhiệm, khuyết</th></tr></thead>
						<tbody>
							{d.by_position.map((x) => <tr key={x.code}><td>{x.name}</td><td class="num">{formatNumber(x.filled)}</td><td class="num">{formatNumber(x.vacated)}</td></tr>)}
							{!d.by_position.length ? <tr><td colSpan={3} class="empty">Không có.</td></tr> : null}
						</tbody>
					</table>
				</>
			) : null}
		</div>
	);
}

function ChangeForm({ vocab, onSaved, onCancel }) {
	const [org, setOrg] = useState('');
	const [v, setV] = useState({ position: '', change_kind: 'elected', person_name: '', day: todayDay(), note: '' });
	const set = (k) => (x) => setV((o) => ({ ...o, [k]: x }));
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!org) return setError({ field: 'org_id', message: 'Vui lòng chọn tổ chức (Mặt trận Tổ quốc hoặc đoàn thể).' });
		if (!v.position) return setError({ field: 'position', message: 'Vui lòng chọn chức danh.' });
		if (!v.person_name.trim()) return setError({ field: 'person_name', message: 'Vui lòng nhập họ và tên.' });
		if (!v.day) return setError({ field: 'day', message: 'Vui lòng nhập ngày (dd/mm/yyyy).' });
		const body = { org_id: Number(org), position: v.position, change_kind: v.change_kind, person_name: v.person_name.trim(), day: v.day };
		if (v.note.trim()) body.note = v.note.trim();
		setBusy(true);
		try {
			await api.post('/org-changes', body);
			onSaved();
		} catch (err) { setError(err); } finally { setBusy(false); }
	}
	const known = ['org_id', 'position', 'change_kind', 'person_name', 'day'];
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="change-form">
			<h2>Ghi nhận kiện toàn chức danh</h2>
			<Alert kind="error" testid="change-form-error">{error && !known.includes(error.field) ? error.message : null}</Alert>
			<div class="form-grid">
				<Field label="Tổ chức" required wide error={fieldError(error, 'org_id')}><OrgPicker value={org} onChange={(x) => setOrg(x)} testid="change-org" /></Field>
				<Field label="Chức danh" required error={fieldError(error, 'position')}>
					<MapSelect map={toMap(vocab && vocab.positions)} value={v.position} onChange={set('position')} empty="— Chọn chức danh —" testid="change-position" />
				</Field>
				<Field label="Hình thức" required error={fieldError(error, 'change_kind')}>
					<MapSelect map={toMap(vocab && vocab.change_kinds)} value={v.change_kind} onChange={set('change_kind')} testid="change-kind" />
				</Field>
				<Field label="Họ và tên" required error={fieldError(error, 'person_name')}>
					<input class="input" maxLength={200} value={v.person_name} onInput={(e) => set('person_name')(e.currentTarget.value)} data-testid="change-person" />
				</Field>
				<DayField label="Ngày" required value={v.day} onChange={set('day')} error={fieldError(error, 'day')} testid="change-day" />
				<Field label="Ghi chú" wide><input class="input" maxLength={2000} value={v.note} onInput={(e) => set('note')(e.currentTarget.value)} data-testid="change-note" /></Field>
			</div>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="change-submit">{busy ? 'Đang lưu…' : 'Lưu'}</button>
				<button type="button" class="btn" onClick={onCancel}>Huỷ</button>
			</div>
		</form>
	);
}

export function OrgChangesPage({ user }) {
	usePageTitle('Kiện toàn chức danh');
	const vocab = useVocab('/org-positions');
	const [unit, setUnit] = useState(null);
	const [offset, setOffset] = useState(0);
	const [adding, setAdding] = useState(false);
	const [tick, setTick] = useState(0);
	const list = useLoader(() => api.get('/org-changes', { ...unitParams(unit), limit: LIMIT, offset }), [unit && unit.structure, unit && unit.code, offset, tick]);
	const data = list.data;
	const reload = () => setTick((x) => x + 1);
	return (
		<section class="page">
			<div class="page-head">
				<h1>Phong trào, vận động</h1>
				{canWrite(user) && !adding ? <button type="button" class="btn btn-primary" onClick={() => setAdding(true)} data-testid="change-new-button">+ Ghi nhận kiện toàn</button> : null}
			</div>
			<TabLinks items={TABS} current="org-changes" testid="campaign-tabs" />
			{adding ? <ChangeForm vocab={vocab} onSaved={() => { setAdding(false); reload(); }} onCancel={() => setAdding(false)} /> : null}
			<div class="card filters">
				<UnitField label="Đơn vị" value={unit} onChange={(u) => { setUnit(u); setOffset(0); }} testid="change-filter-unit" defaultStructure={defaultStructure(user)} />
			</div>
			<ChangeCounts key={tick} unit={unit} />
			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách kiện toàn chức danh">
				<table class="table" data-testid="change-table">
					<thead><tr><th>Ngày</th><th>Tổ chức</th><th>Chức danh</th><th>Hình thức</th><th>Họ và tên</th><th /></tr></thead>
					<tbody>
						{data && data.items.map((c) => (
							<tr key={c.id} data-testid={`change-row-${c.id}`}>
								<td>{formatDay(c.day)}</td>
								<td>{c.org.name}<span class="muted small block">{c.unit.name}</span></td>
								<td>{c.position_name}</td><td>{c.change_kind_name}</td><td>{c.person_name}</td>
								<td>{canWrite(user) ? <ConfirmButton label="Xoá" question="Xoá bản ghi này?" confirmLabel="Xoá" testid={`change-delete-${c.id}`}
									onConfirm={async () => { await api.del(`/org-changes/${c.id}`); reload(); }} /> : null}</td>
							</tr>
						))}
						{data && !data.items.length ? <tr><td colSpan={6} class="empty">Chưa có bản ghi nào.</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} testid="change-pager" noun="bản ghi"
				exportSpec={{
					path: '/org-changes', query: unitParams(unit), title: 'Danh sách kiện toàn chức danh', filename: 'kien-toan-chuc-danh',
					columns: [
						{ key: 'day', label: 'Ngày' },
						{ key: 'org.name', label: 'Tổ chức' },
						{ key: 'unit.name', label: 'Đơn vị' },
						{ key: 'position_name', label: 'Chức danh' },
						{ key: 'change_kind_name', label: 'Hình thức' },
						{ key: 'person_name', label: 'Họ và tên' },
					],
				}} /> : null}
		</section>
	);
}
