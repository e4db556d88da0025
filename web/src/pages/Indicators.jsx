// "Chỉ tiêu, báo cáo" (issue 6): the indicators of a unit's subtree for a
// period (GET /stats/indicators?compare=1) grouped by section, with the
// previous period and the same period of the previous year; bar charts of a
// section and of the direct child units (drill-down); links from a figure to
// the records behind it; entering values of the entered indicators
// (PUT /indicator-values) and their list.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatDateTime, formatDay, formatNumber, formatRate } from '../format.js';
import { QUARTER_LABELS } from '../labels.js';
import { listHref } from '../linkFilters.js';
import { BarChart } from '../components/Chart.jsx';
import { Pager } from '../components/Pager.jsx';
import { UnitField } from '../components/UnitPicker.jsx';
import { Alert, ConfirmButton, Field, fieldError, useLoader, usePageTitle } from '../components/ui.jsx';
import { PeriodPicker, TabLinks, defaultPeriod, periodString } from '../components/forms.jsx';
import './Indicators.css';

const KINDS = ['year', 'H1', 'H2', '9M', 'quarter', 'month', 'custom'];
const CHILD_CAP = 40;
const CHILD_PARALLEL = 4;
const LIMIT = 20;
const TABS = [
	{ id: 'indicators', href: '#/indicators', label: 'Chỉ tiêu' },
	{ id: 'reports', href: '#/reports', label: 'Báo cáo' },
];

const canWrite = (user) => !!user && user.role !== 'viewer';
const sameUnit = (a, b) => !!a && !!b && a.code === b.code && Number(a.structure) === Number(b.structure);

/* ---------------------------------------------------------------------- */
/* Numbers in the words of the reports                                     */

const fmtCache = {};
function fmt(v, decimals = 0) {
	const d = Math.max(0, Math.min(4, Number(decimals) || 0));
	if (!fmtCache[d]) fmtCache[d] = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: d, maximumFractionDigits: d });
	return fmtCache[d].format(Number(v));
}

const roundTo = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
const has = (v) => v !== null && v !== undefined;

/** 3.146 lượt, 99,74% ('—' without data). */
export function valueText(v, item) {
	if (!has(v)) return '—';
	const s = fmt(v, item.decimals);
	return item.measure === '%' ? `${s}%` : `${s} ${item.measure}`;
}

/** "tăng 568 (22,73%)", "giảm 2,5%" (a rate: the difference in points), "bằng"; null without data. */
export function changeText(cur, prev, item) {
	if (!has(cur) || !has(prev)) return null;
	const d = roundTo(Number(cur) - Number(prev), Number(item.decimals) || 0);
	if (d === 0) return 'bằng';
	const word = d > 0 ? 'tăng' : 'giảm';
	if (item.measure === '%') return `${word} ${fmt(Math.abs(d), item.decimals)}%`;
	const rel = Number(prev) !== 0 ? ` (${formatRate(roundTo((Math.abs(d) / Math.abs(Number(prev))) * 100, 2))})` : '';
	return `${word} ${fmt(Math.abs(d), item.decimals)}${rel}`;
}

function basisText(item) {
	switch (item.basis) {
	case 'own': return 'tự nhập';
	case 'subtree': return `tổng hợp ${formatNumber(item.units || 0)} đơn vị`;
	case 'computed': return 'tính từ dữ liệu';
	case 'ratio': return 'tính theo tỷ lệ';
	default: return 'chưa có số liệu';
	}
}

const ROMAN = QUARTER_LABELS;

/** "2025-Q3" → "Quý III năm 2025" and so on (the period strings of the API). */
export function periodText(p) {
	const s = String(p || '');
	let m;
	if ((m = /^(\d{4})$/.exec(s))) return `Năm ${m[1]}`;
	if ((m = /^(\d{4})-H([12])$/.exec(s))) return `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}`;
	if ((m = /^(\d{4})-9M$/.exec(s))) return `9 tháng đầu năm ${m[1]}`;
	if ((m = /^(\d{4})-Q([1-4])$/.exec(s))) return `${ROMAN[Number(m[2])]} năm ${m[1]}`;
	if ((m = /^(\d{4})-(\d{2})$/.exec(s))) return `Tháng ${Number(m[2])} năm ${m[1]}`;
	if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(s))) return `Từ ${formatDay(m[1])} đến ${formatDay(m[2])}`;
	return s;
}

const cap = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : '');

function periodDates(p) {
	if (!p) return '';
	return p.from ? `từ ngày ${formatDay(p.from)} đến ngày ${formatDay(p.to)}` : '';
}

/** "năm 2025 (từ ngày 15/12/2024 đến ngày 14/12/2025)"; a custom period's label already has its days. */
function periodFull(p) {
	if (!p) return '—';
	if (/^từ /.test(p.label || '') || !p.from) return p.label || p.period;
	return `${p.label} (${periodDates(p)})`;
}

/**
 * A number typed the Vietnamese way ("1.250", "88,46") or plainly ("88.46")
 * with at most `decimals` decimals → Number; null when it is not one.
 */
export function parseValue(text, decimals) {
	let s = String(text || '').replace(/\s/g, '');
	if (!s) return null;
	const neg = s.startsWith('-');
	if (neg) s = s.slice(1);
	if (s.includes(',')) {
		if (!/^\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) && !/^\d+(,\d+)?$/.test(s)) return null;
		s = s.replace(/\./g, '').replace(',', '.');
	} else if (/^\d{1,3}(\.\d{3})+$/.test(s) && (decimals === 0 || s.split('.').length > 2)) {
		s = s.replace(/\./g, ''); // thousands: "1.250"
	} else if (!/^\d+(\.\d+)?$/.test(s)) {
		return null;
	}
	const frac = s.includes('.') ? s.split('.')[1].length : 0;
	if (frac > decimals) return null;
	const v = Number(s);
	return Number.isFinite(v) ? (neg ? -v : v) : null;
}

/* ---------------------------------------------------------------------- */
/* Links to the records behind a computed figure                           */

function recordsLink(ind, d) {
	const c = (ind && ind.compute) || '';
	const unit = d.unit;
	const days = { unit, from: d.period.from, to: d.period.to };
	if (c === 'petitions:reception.sessions.total') return { href: listHref('/reception', days), text: 'Xem các buổi tiếp' };
	if (c.startsWith('petitions:reception.')) return { href: listHref('/reception/register', days), text: 'Xem sổ tiếp công dân' };
	if (c.startsWith('petitions:')) return { href: listHref('/petitions', days), text: 'Xem danh sách đơn thư' };
	if (c.startsWith('dialogues:opinions')) return { href: listHref('/opinions', { unit }), text: 'Xem các ý kiến, kiến nghị' };
	if (c.startsWith('dialogues:')) return { href: listHref('/dialogues', days), text: 'Xem các hội nghị đối thoại' };
	if (c.startsWith('dvk:')) return { href: listHref('/dvk', { unit, year: String(d.period.period).slice(0, 4) }), text: 'Xem các mô hình' };
	if (c.startsWith('units:')) return { href: '#/units', text: 'Xem danh sách đơn vị' };
	return null;
}

/* ---------------------------------------------------------------------- */
/* CSV of the shown table                                                  */

function csvCell(x) {
	const s = String(x === null || x === undefined ? '' : x);
	return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function downloadCsv(d, groups, twoCols) {
	const head = ['Nhóm', 'Mã', 'Chỉ tiêu', 'Đơn vị tính', cap(d.period.label), `Kỳ trước (${d.previous ? d.previous.label : ''})`];
	if (twoCols) head.push(`Cùng kỳ (${d.year_before ? d.year_before.label : ''})`);
	head.push('Kế hoạch', 'Cách tính');
	const rows = [head];
	const num = (v, it) => (has(v) ? fmt(v, it.decimals) : '');
	for (const g of groups) {
		for (const it of g.items) {
			const r = [g.section, it.code, it.name, it.measure, num(it.value, it), num(it.previous, it)];
			if (twoCols) r.push(num(it.year_before, it));
			r.push(num(it.target, it), basisText(it));
			rows.push(r);
		}
	}
	const text = '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
	const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
	const a = document.createElement('a');
	a.href = url;
	a.download = `chi-tieu-${d.unit.code}-${String(d.period.period).replace(/\.\./, '_')}.csv`;
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/* ---------------------------------------------------------------------- */
/* The catalogue                                                           */

let catalogueCache = null;
function useCatalogue() {
	const [items, setItems] = useState(catalogueCache);
	const [error, setError] = useState(null);
	useEffect(() => {
		if (catalogueCache) return undefined;
		let live = true;
		api.get('/indicators').then(
			(r) => { catalogueCache = r.items || []; if (live) setItems(catalogueCache); },
			(e) => { if (live) setError(e.message); },
		);
		return () => { live = false; };
	}, []);
	return { items: items || [], loaded: !!items, error };
}

function sectionsOf(list) {
	const out = [];
	for (const it of list) {
		let g = out.find((x) => x.section === it.section);
		if (!g) out.push(g = { section: it.section, items: [] });
		g.items.push(it);
	}
	return out;
}

function IndicatorSelect({ catalogue, value, onChange, entered, empty, testid, id }) {
	const list = entered ? catalogue.filter((i) => i.source === 'entered') : catalogue;
	return (
		<select id={id} class="input" value={value || ''} data-testid={testid} onChange={(e) => onChange(e.currentTarget.value)}>
			{empty !== undefined ? <option value="">{catalogue.length ? empty : 'Đang tải…'}</option> : null}
			{sectionsOf(list).map((g) => (
				<optgroup key={g.section} label={g.section}>
					{g.items.map((i) => <option key={i.code} value={i.code}>{i.name} ({i.measure})</option>)}
				</optgroup>
			))}
		</select>
	);
}

/* ---------------------------------------------------------------------- */
/* The figures                                                             */

function FigureRow({ it, ind, d, twoCols, unitStructure, onEntries }) {
	const link = ind && ind.source === 'computed' ? recordsLink(ind, d) : null;
	const prevChange = changeText(it.value, it.previous, it);
	const ybChange = changeText(it.value, it.year_before, it);
	const met = has(it.target) && has(it.value) ? Number(it.value) >= Number(it.target) : null;
	const oldStructure = Number(unitStructure) === 2025 && Number(it.structure_used) === 2024;
	return (
		<tr data-testid={`ind-row-${it.code}`} data-code={it.code}>
			<td class="ind-name">
				<span class="ind-title">{it.name}</span>
				<span class="ind-basis muted small block" data-testid={`ind-basis-${it.code}`}>
					{basisText(it)}
					{oldStructure ? <> · <span class="ind-old" data-testid={`ind-old-${it.code}`}>số liệu theo đơn vị hành chính cũ</span></> : null}
				</span>
				{it.partial && it.partial.length ? (
					<span class="ind-partial small block" data-testid={`ind-partial-${it.code}`}>
						Đơn vị chia tách, không cộng: {it.partial.map((p) => `${p.name} (${valueText(p.value, it)})`).join('; ')}
					</span>
				) : null}
				<span class="ind-links small block no-print">
					{link ? <a href={link.href} data-testid={`ind-link-${it.code}`}>{link.text} ›</a> : null}
					{ind && ind.source === 'entered' && has(it.value) ? (
						<button type="button" class="btn-link" data-testid={`ind-entries-${it.code}`} onClick={() => onEntries(it.code)}>
							Xem số liệu đã nhập ›
						</button>
					) : null}
				</span>
			</td>
			<td class="num ind-value" data-testid={`ind-value-${it.code}`}>{valueText(it.value, it)}</td>
			<td class="num" data-testid={`ind-previous-${it.code}`}>
				{valueText(it.previous, it)}
				{prevChange ? <span class={`ind-change small block ${tone(prevChange)}`} data-testid={`ind-previous-change-${it.code}`}>{prevChange}</span> : null}
			</td>
			{twoCols ? (
				<td class="num" data-testid={`ind-year-before-${it.code}`}>
					{valueText(it.year_before, it)}
					{ybChange ? <span class={`ind-change small block ${tone(ybChange)}`} data-testid={`ind-year-before-change-${it.code}`}>{ybChange}</span> : null}
				</td>
			) : null}
			<td class="num" data-testid={`ind-target-${it.code}`}>
				{has(it.target) ? valueText(it.target, it) : <span class="muted">—</span>}
				{met === null ? null : (
					<span class={`status ${met ? 'status-ok' : 'status-late'} block ind-met`} data-testid={`ind-met-${it.code}`}>
						{met ? 'Đạt' : 'Chưa đạt'}
					</span>
				)}
			</td>
		</tr>
	);
}

const tone = (text) => (text.startsWith('tăng') ? 'is-up' : text.startsWith('giảm') ? 'is-down' : '');

function FiguresTable({ group, d, catMap, twoCols, unitStructure, onEntries }) {
	const id = `ind-sec-${group.index}`;
	return (
		<div class="card" data-testid={`ind-section-${group.index}`}>
			<h2 id={id}>{group.section}</h2>
			<div class="table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
				<table class="table table-compact ind-table">
					<thead>
						<tr>
							<th>Chỉ tiêu</th>
							<th class="num">{cap(d.period.label)}</th>
							<th class="num">Kỳ trước<span class="muted small block">{d.previous ? d.previous.label : ''}</span></th>
							{twoCols ? <th class="num">Cùng kỳ năm trước<span class="muted small block">{d.year_before ? d.year_before.label : ''}</span></th> : null}
							<th class="num">Kế hoạch</th>
						</tr>
					</thead>
					<tbody>
						{group.items.map((it) => (
							<FigureRow key={it.code} it={it} ind={catMap[it.code]} d={d} twoCols={twoCols}
								unitStructure={unitStructure} onEntries={onEntries} />
						))}
					</tbody>
				</table>
			</div>
		</div>
	);
}

/* ---------------------------------------------------------------------- */
/* Charts                                                                  */

function SectionChart({ groups, d, twoCols, section, onSection }) {
	const g = groups.find((x) => x.section === section) || groups[0];
	if (!g) return null;
	const rows = g.items.filter((it) => has(it.value) || has(it.previous) || has(it.year_before));
	const val = (v) => (has(v) ? Number(v) : null);
	const datasets = [
		{ label: cap(d.period.label), data: rows.map((it) => val(it.value)) },
		{ label: `Kỳ trước (${d.previous ? d.previous.label : ''})`, data: rows.map((it) => val(it.previous)) },
	];
	if (twoCols) datasets.push({ label: `Cùng kỳ (${d.year_before ? d.year_before.label : ''})`, data: rows.map((it) => val(it.year_before)) });
	return (
		<div class="card" data-testid="ind-section-chart-card">
			<h2>Biểu đồ so sánh theo nhóm chỉ tiêu</h2>
			<Field label="Nhóm chỉ tiêu">
				<select class="input" value={g.section} data-testid="ind-chart-section" onChange={(e) => onSection(e.currentTarget.value)}>
					{groups.map((x) => <option key={x.section} value={x.section}>{x.section}</option>)}
				</select>
			</Field>
			{rows.length ? (
				<div class="ind-chart-layout">
					<BarChart
						labels={rows.map((it) => `${it.name} (${it.measure})`)}
						datasets={datasets}
						height={Math.max(260, rows.length * (twoCols ? 42 : 32) + 90)}
						horizontal
						integer={rows.every((it) => !Number(it.decimals))}
						ariaLabel={`Biểu đồ cột so sánh ${g.section}: kỳ này, kỳ trước${twoCols ? ', cùng kỳ năm trước' : ''}. Số liệu ở bảng bên dưới.`}
						testid="ind-section-chart"
					/>
					<div class="table-wrap">
						<table class="table table-compact" data-testid="ind-section-chart-table">
							<caption class="ind-caption">Số liệu của biểu đồ: {g.section}</caption>
							<thead>
								<tr><th>Chỉ tiêu</th>{datasets.map((ds) => <th key={ds.label} class="num">{ds.label}</th>)}</tr>
							</thead>
							<tbody>
								{rows.map((it) => (
									<tr key={it.code}>
										<td>{it.name}</td>
										<td class="num">{valueText(it.value, it)}</td>
										<td class="num">{valueText(it.previous, it)}</td>
										{twoCols ? <td class="num">{valueText(it.year_before, it)}</td> : null}
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</div>
			) : <p class="muted" data-testid="ind-section-chart-empty">Nhóm này chưa có số liệu để vẽ biểu đồ.</p>}
		</div>
	);
}

/** Each direct child unit's figure of one indicator: GET /units?parent, then one roll-up per child. */
function useChildFigures(unit, code, period, cutoff, version) {
	const [state, setState] = useState({ loading: false, items: null, total: 0, done: 0, count: 0, error: null });
	useEffect(() => {
		if (!unit || !code || !period) {
			setState({ loading: false, items: null, total: 0, done: 0, count: 0, error: null });
			return undefined;
		}
		let live = true;
		setState({ loading: true, items: null, total: 0, done: 0, count: 0, error: null });
		(async () => {
			const r = await api.get('/units', { structure: unit.structure, parent: unit.code, limit: CHILD_CAP });
			if (!live) return;
			const kids = r.items || [];
			setState((s) => ({ ...s, total: r.total, count: kids.length }));
			const out = kids.map((k) => ({ unit: { ...k, structure: unit.structure }, value: null, item: null }));
			let next = 0;
			let done = 0;
			const worker = async () => {
				while (live && next < kids.length) {
					const i = next++;
					const s = await api.get('/stats/indicators', {
						structure: unit.structure, unit: kids[i].code, period, codes: code, cutoff_day: cutoff,
					});
					const it = (s.items || [])[0] || null;
					out[i].item = it;
					out[i].value = it ? it.value : null;
					done++;
					if (live) setState((x) => ({ ...x, done }));
				}
			};
			await Promise.all(Array.from({ length: Math.min(CHILD_PARALLEL, kids.length) }, worker));
			if (live) setState((x) => ({ ...x, loading: false, items: out }));
		})().catch((e) => { if (live) setState((x) => ({ ...x, loading: false, error: e.message })); });
		return () => { live = false; };
	}, [unit && unit.structure, unit && unit.code, code, period, cutoff, version]);
	return state;
}

function ChildrenChart({ unit, catalogue, code, onCode, period, cutoff, version, onDrill }) {
	const st = useChildFigures(unit, code, period, cutoff, version);
	const ind = catalogue.find((i) => i.code === code);
	const meta = ind || { measure: '', decimals: 0 };
	const rows = st.items ? [...st.items].sort((a, b) => {
		if (!has(a.value) && !has(b.value)) return 0;
		if (!has(a.value)) return 1;
		if (!has(b.value)) return -1;
		return Number(b.value) - Number(a.value);
	}) : [];
	const anyValue = rows.some((r) => has(r.value));
	return (
		<div class="card" data-testid="ind-children-card">
			<h2>Số liệu của các đơn vị trực thuộc</h2>
			<Field label="Chỉ tiêu">
				<IndicatorSelect catalogue={catalogue} value={code} onChange={onCode} testid="ind-children-indicator" />
			</Field>
			{st.error ? <Alert kind="error" testid="ind-children-error">{st.error}</Alert> : null}
			{st.loading ? (
				<p class="muted" role="status" data-testid="ind-children-progress">
					{st.count ? `Đang tải ${formatNumber(st.done)}/${formatNumber(st.count)}…` : 'Đang tải danh sách đơn vị trực thuộc…'}
				</p>
			) : null}
			{st.items && !st.items.length ? (
				<p class="muted" data-testid="ind-children-empty">{unit.name} không có đơn vị trực thuộc.</p>
			) : null}
			{st.items && st.items.length ? (
				<>
					{st.total > st.items.length ? (
						<p class="muted small" data-testid="ind-children-cap">
							Hiển thị {formatNumber(st.items.length)} trên {formatNumber(st.total)} đơn vị trực thuộc (theo thứ tự tên).
						</p>
					) : null}
					<div class="ind-chart-layout">
					{anyValue ? (
						<BarChart
							labels={rows.map((r) => r.unit.name)}
							datasets={[{ label: ind ? `${ind.name} (${ind.measure})` : code, data: rows.map((r) => (has(r.value) ? Number(r.value) : null)) }]}
							horizontal
							height={Math.max(180, rows.length * 24 + 70)}
							integer={!Number(meta.decimals)}
							tooltip={(v) => valueText(v, meta)}
							onBarClick={(i) => onDrill(rows[i].unit)}
							ariaLabel={`Biểu đồ cột: ${ind ? ind.name : code} của từng đơn vị trực thuộc ${unit.name}. Bấm vào một cột để xem đơn vị đó. Số liệu ở bảng bên dưới.`}
							testid="ind-children-chart"
						/>
					) : <p class="muted" data-testid="ind-children-nodata">Các đơn vị trực thuộc chưa có số liệu của chỉ tiêu này.</p>}
					<div class="table-wrap">
						<table class="table table-compact" data-testid="ind-children-table">
							<caption class="ind-caption">Số liệu của biểu đồ: {ind ? ind.name : code} theo đơn vị trực thuộc {unit.name}</caption>
							<thead><tr><th>Đơn vị</th><th class="num">Giá trị</th></tr></thead>
							<tbody>
								{rows.map((r) => (
									<tr key={r.unit.code} data-testid={`ind-child-${r.unit.code}`}>
										<td>
											<button type="button" class="btn-link" data-testid={`ind-child-drill-${r.unit.code}`}
												title={`Xem số liệu của ${r.unit.name}`} onClick={() => onDrill(r.unit)}>
												{r.unit.name}
											</button>
										</td>
										<td class="num">{valueText(r.value, meta)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					</div>
				</>
			) : null}
		</div>
	);
}

/* ---------------------------------------------------------------------- */
/* Entering values                                                         */

function EntryForm({ catalogue, unit, period, user, onSaved }) {
	const [code, setCode] = useState('');
	const [eUnit, setEUnit] = useState(unit);
	const [ePeriod, setEPeriod] = useState(period);
	const [value, setValue] = useState('');
	const [source, setSource] = useState('');
	const [note, setNote] = useState('');
	const [error, setError] = useState(null);
	const [done, setDone] = useState(null);
	const [busy, setBusy] = useState(false);
	const ind = catalogue.find((i) => i.code === code);
	const decimals = ind ? Number(ind.decimals) || 0 : 0;

	async function submit(e) {
		e.preventDefault();
		setError(null);
		setDone(null);
		if (!code) return setError({ field: 'indicator', message: 'Vui lòng chọn chỉ tiêu.' });
		if (!eUnit) return setError({ field: 'unit', message: 'Vui lòng chọn đơn vị.' });
		const p = periodString(ePeriod);
		if (!p) return setError({ field: 'period', message: 'Vui lòng nhập đủ từ ngày, đến ngày (dd/mm/yyyy).' });
		if (!value.trim()) return setError({ field: 'value', message: 'Vui lòng nhập giá trị.' });
		const v = parseValue(value, decimals);
		if (v === null) {
			return setError({
				field: 'value',
				message: decimals ? `Giá trị không hợp lệ: nhập số có tối đa ${decimals} chữ số thập phân, ví dụ ${fmt(88.4612, decimals)}.`
					: 'Giá trị không hợp lệ: nhập số nguyên, ví dụ 1.250.',
			});
		}
		if (!source.trim()) return setError({ field: 'source', message: 'Vui lòng ghi nguồn số liệu.' });
		setBusy(true);
		try {
			const body = { indicator: code, unit: { structure: Number(eUnit.structure), code: eUnit.code }, period: p, value: v, source: source.trim() };
			if (note.trim()) body.note = note.trim();
			const r = await api.put('/indicator-values', body);
			setDone(`Đã lưu: ${r.value.indicator_name} — ${r.value.unit.name}, ${periodText(r.value.period).toLowerCase()}: ${valueText(r.value.value, ind)}.`);
			setValue('');
			setNote('');
			onSaved();
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
		}
	}
	const known = ['indicator', 'unit', 'period', 'value', 'source', 'note'];
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="ind-entry-form">
			<h2>Nhập số liệu chỉ tiêu</h2>
			<p class="muted small">
				Số liệu nhập cho một đơn vị và một kỳ; nhập lại cùng chỉ tiêu, đơn vị và kỳ sẽ thay số cũ.
				Số của cấp trên được tổng hợp từ các đơn vị trực thuộc khi cấp trên không tự nhập.
			</p>
			<Alert kind="error" testid="ind-entry-error">{error && !known.includes(error.field) ? error.message : null}</Alert>
			<Alert kind="success" testid="ind-entry-done">{done}</Alert>
			<div class="form-grid">
				<Field label="Chỉ tiêu" required wide error={fieldError(error, 'indicator')}>
					<IndicatorSelect catalogue={catalogue} entered value={code} onChange={setCode} empty="— Chọn chỉ tiêu —" testid="ind-entry-indicator" />
				</Field>
				<UnitField label="Đơn vị" required value={eUnit} onChange={setEUnit} testid="ind-entry-unit" error={fieldError(error, 'unit')}
					defaultStructure={user.unit ? Number(user.unit.structure) : 2025} clearable={false} />
				<PeriodPicker value={ePeriod} onChange={setEPeriod} kinds={KINDS} testid="ind-entry-period" />
				{fieldError(error, 'period') ? <p class="field-error" data-testid="ind-entry-period-error">{fieldError(error, 'period')}</p> : null}
				<Field label={ind ? `Giá trị (${ind.measure})` : 'Giá trị'} required error={fieldError(error, 'value')}
					hint={decimals ? `Tối đa ${decimals} chữ số thập phân, dùng dấu phẩy: ${fmt(88.4612, decimals)}` : 'Số nguyên, ví dụ 1.250'}>
					<input class="input" inputMode={decimals ? 'decimal' : 'numeric'} autocomplete="off" value={value}
						onInput={(e) => setValue(e.currentTarget.value)} data-testid="ind-entry-value" />
				</Field>
				<Field label="Nguồn số liệu" required wide error={fieldError(error, 'source')} hint="Ví dụ: Báo cáo số 45/BC-UBND ngày 10/12/2025 của UBND xã">
					<input class="input" maxLength={500} value={source} onInput={(e) => setSource(e.currentTarget.value)} data-testid="ind-entry-source" />
				</Field>
				<Field label="Ghi chú" wide error={fieldError(error, 'note')}>
					<textarea class="input" rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid="ind-entry-note" />
				</Field>
			</div>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="ind-entry-submit">
					{busy ? 'Đang lưu…' : 'Lưu số liệu'}
				</button>
			</div>
		</form>
	);
}

function EntriesList({ catalogue, unit, period, periodLabel, indicator, onIndicator, user, version, onChanged, listRef }) {
	const [onlyPeriod, setOnlyPeriod] = useState(true);
	const [offset, setOffset] = useState(0);
	const [error, setError] = useState(null);
	useEffect(() => { setOffset(0); }, [unit && unit.code, unit && unit.structure, period, indicator, onlyPeriod]);
	const list = useLoader(() => api.get('/indicator-values', {
		indicator, structure: unit ? unit.structure : undefined, unit: unit ? unit.code : undefined,
		period: onlyPeriod ? period : undefined, limit: LIMIT, offset,
	}), [indicator, unit && unit.structure, unit && unit.code, period, onlyPeriod, offset, version]);
	const data = list.data;
	const catMap = Object.fromEntries(catalogue.map((i) => [i.code, i]));
	async function remove(id) {
		setError(null);
		try {
			await api.del(`/indicator-values/${id}`);
			list.reload();
			onChanged();
		} catch (e) {
			setError(e.message);
		}
	}
	const write = canWrite(user);
	return (
		<div class="card" ref={listRef} data-testid="ind-entries" tabIndex={-1}>
			<h2>Số liệu đã nhập</h2>
			<div class="filters">
				<Field label="Chỉ tiêu">
					<IndicatorSelect catalogue={catalogue} entered value={indicator} onChange={onIndicator} empty="Tất cả chỉ tiêu nhập" testid="ind-entries-indicator" />
				</Field>
				<label class="check">
					<input type="checkbox" checked={onlyPeriod} onChange={(e) => setOnlyPeriod(e.currentTarget.checked)} data-testid="ind-entries-only-period" />
					{' '}Chỉ kỳ đang xem ({periodLabel})
				</label>
			</div>
			<p class="muted small">{unit ? `${unit.name} và các đơn vị trực thuộc.` : 'Mọi đơn vị trong phạm vi của bạn.'}</p>
			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			<Alert kind="error" testid="ind-entries-error">{error}</Alert>
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách số liệu đã nhập">
				<table class="table" data-testid="ind-entries-table">
					<thead>
						<tr><th>Chỉ tiêu</th><th>Đơn vị</th><th>Kỳ</th><th class="num">Giá trị</th><th>Nguồn, ghi chú</th><th>Cập nhật</th>{write ? <th /> : null}</tr>
					</thead>
					<tbody>
						{data && data.items.map((v) => {
							const ind = catMap[v.indicator] || { measure: '', decimals: 0 };
							return (
								<tr key={v.id} data-testid={`ind-entry-row-${v.id}`}>
									<td>{v.indicator_name}</td>
									<td>{v.unit.name}<span class="muted small block">Mã {v.unit.code}</span></td>
									<td>{periodText(v.period)}</td>
									<td class="num" data-testid={`ind-entry-value-${v.id}`}>{valueText(v.value, ind)}</td>
									<td class="cell-text">{v.source}{v.note ? <span class="muted small block">{v.note}</span> : null}</td>
									<td class="nowrap">{formatDateTime(Number(v.updated_at) * 1000)}</td>
									{write ? (
										<td>
											<ConfirmButton label="Xoá" question="Xoá số liệu này?" testid={`ind-entry-delete-${v.id}`} onConfirm={() => remove(v.id)} />
										</td>
									) : null}
								</tr>
							);
						})}
						{data && !data.items.length ? <tr><td colSpan={write ? 7 : 6} class="empty">Chưa có số liệu nào được nhập.</td></tr> : null}
						{!data && list.loading ? <tr><td colSpan={write ? 7 : 6} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} testid="ind-entries-pager" noun="số liệu"
				exportSpec={{
					path: '/indicator-values',
					query: {
						indicator, structure: unit ? unit.structure : undefined, unit: unit ? unit.code : undefined,
						period: onlyPeriod ? period : undefined,
					},
					title: 'Danh sách số liệu chỉ tiêu đã nhập', filename: 'so-lieu-chi-tieu',
					columns: [
						{ key: 'indicator_name', label: 'Chỉ tiêu' },
						{ key: 'unit.name', label: 'Đơn vị' },
						{ key: 'unit.code', label: 'Mã đơn vị' },
						{ key: 'period', label: 'Kỳ' },
						{ key: 'value', label: 'Giá trị' },
						{ key: 'source', label: 'Nguồn' },
						{ key: 'note', label: 'Ghi chú' },
					],
				}} /> : null}
		</div>
	);
}

/* ---------------------------------------------------------------------- */
/* The page                                                                */

let saved = null;

function initialState(user, query) {
	const s = (saved && saved.user === user.id && saved) || {
		unit: user.unit ? { ...user.unit, structure: Number(user.unit.structure) } : null,
		period: { ...defaultPeriod('year'), from: '', to: '' },
		cutoff: '',
		trail: [],
		section: '',
		childCode: '',
	};
	const code = query && query.get('unit');
	const structure = query && Number(query.get('structure'));
	if (code && (structure === 2024 || structure === 2025)) {
		return { ...s, unit: { structure, code, name: query.get('unit_name') || code }, trail: [] };
	}
	return s;
}

export function IndicatorsPage({ user, query }) {
	usePageTitle('Chỉ tiêu, báo cáo');
	const init = useRef(null);
	if (!init.current) init.current = initialState(user, query);
	const [unit, setUnit] = useState(init.current.unit);
	const [period, setPeriod] = useState(init.current.period);
	const [cutoff, setCutoff] = useState(init.current.cutoff);
	const [trail, setTrail] = useState(init.current.trail);
	const [section, setSection] = useState(init.current.section);
	const [childCode, setChildCode] = useState(init.current.childCode);
	const [entriesIndicator, setEntriesIndicator] = useState('');
	const [version, setVersion] = useState(0);
	const entriesRef = useRef(null);
	const chartsRef = useRef(null);
	const formRef = useRef(null);
	const jump = (ref) => () => { if (ref.current) ref.current.scrollIntoView({ block: 'start' }); };
	saved = { user: user.id, unit, period, cutoff, trail, section, childCode };

	const cat = useCatalogue();
	const catMap = Object.fromEntries(cat.items.map((i) => [i.code, i]));
	const p = periodString(period);
	const st = useLoader(() => (unit && p ? api.get('/stats/indicators', {
		structure: unit.structure, unit: unit.code, period: p, compare: 1, cutoff_day: cutoff,
	}) : Promise.resolve(null)), [unit && unit.structure, unit && unit.code, p, cutoff, version]);
	const d = st.data;

	// Sections in catalogue order (the answer comes in that order).
	const groups = d ? sectionsOf(d.items.map((it) => ({ ...it, section: (catMap[it.code] || {}).section || 'Chỉ tiêu khác' })))
		.map((g, index) => ({ ...g, index })) : [];
	const twoCols = !!d && !!d.previous && !!d.year_before && d.previous.period !== d.year_before.period;
	// By default the first section with a figure other than 0, and for the
	// children its first such entered indicator, else computed one (not the
	// number of communes: 1 for each commune).
	const nonZero = (it) => has(it.value) && Number(it.value) !== 0;
	const chosenSection = groups.some((g) => g.section === section) ? section
		: (groups.find((g) => g.items.some(nonZero)) || groups[0] || {}).section || '';
	const sectionItems = (groups.find((g) => g.section === chosenSection) || { items: [] }).items;
	const srcOf = (it) => catMap[it.code] || {};
	const childDefault = (sectionItems.find((it) => nonZero(it) && srcOf(it).source === 'entered')
		|| sectionItems.find((it) => nonZero(it) && !String(srcOf(it).compute || '').startsWith('units:'))
		|| sectionItems[0] || {}).code || '';
	const chosenChild = childCode && catMap[childCode] ? childCode : childDefault;

	function changeUnit(u) {
		setTrail([]);
		setUnit(u);
	}
	function drill(child) {
		setTrail((t) => [...t, unit]);
		setUnit({ structure: Number(child.structure), code: child.code, name: child.name, level: child.level });
		window.scrollTo(0, 0);
	}
	function back() {
		const t = [...trail];
		const prev = t.pop();
		setTrail(t);
		setUnit(prev);
	}
	function showEntries(code) {
		setEntriesIndicator(code);
		if (entriesRef.current) {
			entriesRef.current.scrollIntoView({ block: 'start' });
			entriesRef.current.focus({ preventScroll: true });
		}
	}

	const cutoffText = d ? (String(d.period.period).includes('..')
		? 'Kỳ tùy chọn: số liệu tính đúng từ ngày đến ngày đã chọn, không áp dụng ngày chốt số liệu.'
		: d.cutoff_day
		? `Số liệu chốt theo ngày ${d.cutoff_day} hằng tháng (kỳ báo cáo tính từ ngày ${d.cutoff_day} của tháng trước kỳ đến ngày ${d.cutoff_day - 1} của tháng cuối kỳ).`
		: 'Số liệu tính theo tháng dương lịch.') : '';

	return (
		<section class="page ind-page">
			<div class="page-head">
				<h1>Chỉ tiêu, báo cáo</h1>
			</div>
			<TabLinks items={TABS} current="indicators" testid="ind-tabs" />
			<div class="card filters" data-testid="ind-filters">
				<UnitField label="Đơn vị (gồm cả đơn vị trực thuộc)" value={unit} onChange={changeUnit} testid="ind-unit" clearable={false}
					defaultStructure={user.unit ? Number(user.unit.structure) : 2025} />
				<PeriodPicker value={period} onChange={setPeriod} kinds={KINDS} testid="ind-period" />
				<Field label="Ngày chốt số liệu">
					<select class="input" value={cutoff} data-testid="ind-cutoff" onChange={(e) => setCutoff(e.currentTarget.value)}>
						<option value="">Theo cài đặt</option>
						<option value="15">Ngày 15 (TT 01/2024)</option>
						<option value="0">Theo tháng dương lịch</option>
					</select>
				</Field>
				{d ? (
					<div class="filters-actions">
						<button type="button" class="btn" data-testid="ind-csv" onClick={() => downloadCsv(d, groups, twoCols)}>Tải CSV</button>
					</div>
				) : null}
			</div>

			{cat.error ? <Alert kind="error">{cat.error}</Alert> : null}
			{!unit ? <Alert kind="info" testid="ind-pick-unit">Chọn đơn vị để xem số liệu các chỉ tiêu.</Alert> : null}
			{unit && !p ? <Alert kind="info">Nhập đủ từ ngày, đến ngày (dd/mm/yyyy) của kỳ tùy chọn.</Alert> : null}
			{st.error ? <Alert kind="error" testid="ind-error">{st.error.message}</Alert> : null}
			{st.loading && !d && unit && p ? <p class="muted" role="status">Đang tổng hợp số liệu…</p> : null}

			{trail.length ? (
				<p class="no-print" data-testid="ind-trail">
					<button type="button" class="btn btn-small" data-testid="ind-back" onClick={back}>
						‹ Quay lại {trail[trail.length - 1].name}
					</button>
				</p>
			) : null}

			{d ? (
				<div class={st.loading ? 'is-stale' : ''} aria-busy={st.loading ? 'true' : 'false'}>
					<div class="card ind-head" data-testid="ind-head">
						<p class="lead" data-testid="ind-period-text">
							<strong data-testid="ind-unit-name">{d.unit.name}</strong> — {periodFull(d.period)}
						</p>
						<p class="muted small" data-testid="ind-compare-text">
							So sánh với kỳ trước: {periodFull(d.previous)}
							{twoCols ? <>; cùng kỳ năm trước: {periodFull(d.year_before)}</> : null}.
						</p>
						<p class="muted small" data-testid="ind-cutoff-text">{cutoffText}</p>
						<p class="ind-jump no-print">
							<button type="button" class="btn btn-small" onClick={jump(chartsRef)}>Biểu đồ</button>
							{canWrite(user) ? <button type="button" class="btn btn-small" onClick={jump(formRef)}>Nhập số liệu</button> : null}
							<button type="button" class="btn btn-small" onClick={jump(entriesRef)}>Số liệu đã nhập</button>
						</p>
					</div>

					{groups.map((g) => (
						<FiguresTable key={g.section} group={g} d={d} catMap={catMap} twoCols={twoCols} unitStructure={unit.structure}
							onEntries={showEntries} />
					))}
					{!groups.length ? <p class="muted">Chưa có chỉ tiêu nào trong danh mục.</p> : null}

					{groups.length ? (
						<div class="ind-charts" ref={chartsRef}>
							<SectionChart groups={groups} d={d} twoCols={twoCols} section={chosenSection} onSection={setSection} />
							<ChildrenChart unit={d.unit} catalogue={cat.items} code={chosenChild} onCode={setChildCode}
								period={d.period.period} cutoff={cutoff} version={version} onDrill={drill} />
						</div>
					) : null}
				</div>
			) : null}

			{canWrite(user) && cat.loaded ? (
				<div ref={formRef}>
					<EntryForm key={`${unit ? unit.code : ''}|${p}`} catalogue={cat.items} unit={unit} period={period} user={user}
						onSaved={() => setVersion((v) => v + 1)} />
				</div>
			) : null}
			{cat.loaded ? (
				<EntriesList catalogue={cat.items} unit={unit} period={p} periodLabel={d ? d.period.label : periodText(p)}
					indicator={entriesIndicator} onIndicator={setEntriesIndicator} user={user} version={version}
					onChanged={() => setVersion((v) => v + 1)} listRef={entriesRef} />
			) : null}
		</section>
	);
}

