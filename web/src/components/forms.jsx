// Form pieces of the reception and petition pages: day inputs (dd/mm/yyyy),
// organisation and field pickers, selects over a label map, status badges,
// tabs and the reporting period picker.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatDay, parseViDate, todayDay } from '../format.js';
import {
	CLASSIFICATION_LABELS, FIELD_GROUP_LABELS, PERIOD_KIND_LABELS, QUARTER_LABELS, STATUS_LABELS, label,
	statusTone,
} from '../labels.js';
import { Field, useDebounced } from './ui.jsx';

/**
 * A day typed as dd/mm/yyyy.  value: "YYYY-MM-DD", '' (empty) or null
 * (what was typed is not a date); onChange gets the same.
 */
export function DayInput({ value, onChange, testid, id, required, disabled, ariaLabel }) {
	const [text, setText] = useState(formatDay(value));
	useEffect(() => {
		const parsed = parseViDate(text);
		if (value === null || parsed === value) return;
		setText(formatDay(value));
	}, [value]); // eslint-disable-line react-hooks/exhaustive-deps
	return (
		<input
			id={id}
			class="input input-day"
			value={text}
			placeholder="dd/mm/yyyy"
			inputMode="numeric"
			autocomplete="off"
			maxLength={10}
			required={required}
			disabled={disabled}
			aria-label={ariaLabel}
			data-testid={testid}
			onInput={(e) => {
				const t = e.currentTarget.value;
				setText(t);
				onChange(parseViDate(t));
			}}
		/>
	);
}

/** DayInput in a labelled Field; shows "dd/mm/yyyy" errors itself. */
export function DayField({ label: text, value, onChange, testid, required, error, hint, disabled }) {
	const bad = value === null ? 'Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.' : null;
	return (
		<Field label={text} required={required} error={error || bad} hint={hint || 'Dạng dd/mm/yyyy'}>
			<DayInput value={value} onChange={onChange} testid={testid} required={required} disabled={disabled} />
		</Field>
	);
}

/** A select over a label map.  empty: text of the '' option (none when omitted). */
export function MapSelect({ map, value, onChange, empty, testid, id, codes, disabled }) {
	const keys = codes || Object.keys(map);
	return (
		<select
			id={id}
			class="input"
			value={value === null || value === undefined ? '' : String(value)}
			data-testid={testid}
			disabled={disabled}
			onChange={(e) => onChange(e.currentTarget.value)}
		>
			{empty !== undefined ? <option value="">{empty}</option> : null}
			{keys.map((k) => <option key={k} value={k}>{map[k]}</option>)}
		</select>
	);
}

export function StatusBadge({ status, testid }) {
	return (
		<span class={`status status-${statusTone(status)}`} data-testid={testid} data-status={status}>
			{label(STATUS_LABELS, status)}
		</span>
	);
}

export function ClassificationText({ code }) {
	return code ? label(CLASSIFICATION_LABELS, code) : <span class="muted">Chưa phân loại</span>;
}

/* Organisations --------------------------------------------------------- */

const ORG_LIMIT = 200;

/**
 * Pick an organisation of the user's scope (GET /organizations).  value: id
 * (number) or ''; onChange(id, org).  With many organisations a search box
 * narrows the list.
 */
export function OrgPicker({ value, onChange, testid = 'org-picker', id, empty = '— Chọn tổ chức —', disabled, extra }) {
	const [q, setQ] = useState('');
	const dq = useDebounced(q.trim(), 300);
	const [state, setState] = useState({ items: [], total: 0, loading: true, error: null, many: false });

	useEffect(() => {
		let live = true;
		setState((s) => ({ ...s, loading: true, error: null }));
		api.get('/organizations', { q: dq, limit: ORG_LIMIT }).then(
			(r) => {
				if (!live) return;
				setState((s) => ({
					items: r.items, total: r.total, loading: false, error: null,
					many: s.many || (!dq && r.total > r.items.length),
				}));
			},
			(e) => { if (live) setState((s) => ({ ...s, loading: false, error: e.message })); },
		);
		return () => { live = false; };
	}, [dq]);

	let items = state.items;
	// Keep the chosen organisation in the list while searching.
	if (extra && !items.some((o) => o.id === extra.id)) items = [extra, ...items];
	return (
		<div class="org-picker">
			<select
				id={id}
				class="input"
				value={value ? String(value) : ''}
				disabled={disabled}
				data-testid={testid}
				onChange={(e) => {
					const v = e.currentTarget.value;
					const org = items.find((o) => String(o.id) === v) || null;
					onChange(v ? Number(v) : '', org);
				}}
			>
				<option value="">{state.loading && !items.length ? 'Đang tải danh sách tổ chức…' : empty}</option>
				{items.map((o) => (
					<option key={o.id} value={String(o.id)}>
						{o.name}{o.unit && o.unit.name ? ` — ${o.unit.name}` : ''}
					</option>
				))}
			</select>
			{state.many ? (
				<input
					type="search"
					class="input"
					value={q}
					placeholder="Tìm tổ chức theo tên"
					aria-label="Tìm tổ chức theo tên"
					data-testid={`${testid}-search`}
					onInput={(e) => setQ(e.currentTarget.value)}
				/>
			) : null}
			{state.error ? <span class="field-error">{state.error}</span> : null}
			{!state.loading && !state.error && !items.length ? (
				<span class="field-hint">Không có tổ chức nào trong phạm vi của bạn{dq ? ' khớp với từ tìm kiếm' : ''}.</span>
			) : null}
		</div>
	);
}

/* Petition fields (lĩnh vực) --------------------------------------------- */

let fieldsPromise = null;

/** GET /petition-fields, once per page load. */
export function loadPetitionFields() {
	if (!fieldsPromise) {
		fieldsPromise = api.get('/petition-fields').then((r) => r.items || []);
		fieldsPromise.catch(() => { fieldsPromise = null; });
	}
	return fieldsPromise;
}

/** The field list (empty until loaded). */
export function usePetitionFields() {
	const [items, setItems] = useState([]);
	useEffect(() => {
		let live = true;
		loadPetitionFields().then((x) => { if (live) setItems(x); }, () => {});
		return () => { live = false; };
	}, []);
	return items;
}

export function fieldName(fields, code) {
	if (!code) return '';
	const f = fields.find((x) => x.code === code);
	return f ? f.name : code;
}

export function FieldSelect({ value, onChange, empty = '— Chọn lĩnh vực —', testid, id }) {
	const fields = usePetitionFields();
	const groups = [];
	for (const f of fields) {
		let g = groups.find((x) => x.group === f.group);
		if (!g) groups.push(g = { group: f.group, items: [] });
		g.items.push(f);
	}
	return (
		<select id={id} class="input" value={value || ''} data-testid={testid}
			onChange={(e) => onChange(e.currentTarget.value)}>
			<option value="">{fields.length ? empty : 'Đang tải…'}</option>
			{groups.map((g) => (
				<optgroup key={g.group} label={label(FIELD_GROUP_LABELS, g.group)}>
					{g.items.map((f) => <option key={f.code} value={f.code}>{f.name}</option>)}
				</optgroup>
			))}
			{value && !fields.some((f) => f.code === value) ? <option value={value}>{value}</option> : null}
		</select>
	);
}

/* Tabs ---------------------------------------------------------------------- */

/** Links styled as tabs (sub-pages of a section). items: [{href, label, id}] */
export function TabLinks({ items, current, testid }) {
	return (
		<nav class="tabs no-print" aria-label="Trang con" data-testid={testid}>
			{items.map((t) => (
				<a
					key={t.id}
					href={t.href}
					class={`tab${t.id === current ? ' is-active' : ''}`}
					aria-current={t.id === current ? 'page' : undefined}
					data-testid={`tab-${t.id}`}
				>
					{t.label}
				</a>
			))}
		</nav>
	);
}

/** Buttons styled as tabs selecting a value. items: [{value, label}] */
export function TabButtons({ items, value, onChange, testid, label: aria }) {
	return (
		<div class="tabs" role="group" aria-label={aria} data-testid={testid}>
			{items.map((t) => (
				<button
					key={t.value}
					type="button"
					aria-pressed={String(t.value === value)}
					class={`tab${t.value === value ? ' is-active' : ''}`}
					data-testid={`${testid}-${t.value || 'all'}`}
					onClick={() => onChange(t.value)}
				>
					{t.label}
				</button>
			))}
		</div>
	);
}

/* Reporting periods --------------------------------------------------------- */

/**
 * Period as the API writes it: "2025", "2025-H1", "2025-9M", "2025-Q3",
 * "2025-07".  p = {kind, year, quarter, month}
 */
export function periodString(p) {
	const y = String(p.year);
	switch (p.kind) {
	case 'H1': case 'H2': return `${y}-${p.kind}`;
	case '9M': return `${y}-9M`;
	case 'quarter': return `${y}-Q${p.quarter}`;
	case 'month': return `${y}-${String(p.month).padStart(2, '0')}`;
	case 'custom': return p.from && p.to ? `${p.from}..${p.to}` : '';
	default: return y;
	}
}

/**
 * The reporting period that holds today.  Statistics run from the cut-off
 * day to the day before it (report_cutoff_day, 15 by default: R-BC-02/03), so
 * from the 15th on today belongs to the next month's period (from 15
 * December: next year's).  cutoff 0: natural months (e.g. reception duty).
 */
export function defaultPeriod(kind = 'year', cutoff = 15) {
	const t = todayDay();
	let year = Number(t.slice(0, 4));
	let month = Number(t.slice(5, 7));
	if (cutoff > 0 && Number(t.slice(8, 10)) >= cutoff) {
		month += 1;
		if (month === 13) { month = 1; year += 1; }
	}
	return { kind, year, quarter: Math.floor((month - 1) / 3) + 1, month };
}

const CUSTOM_PERIOD_LABEL = 'Tùy chọn';

/**
 * kinds: the period kinds offered (keys of PERIOD_KIND_LABELS, and 'custom'
 * for a range of days: value.from / value.to "YYYY-MM-DD").
 */
export function PeriodPicker({ value, onChange, kinds = Object.keys(PERIOD_KIND_LABELS), testid = 'period' }) {
	const thisYear = Number(todayDay().slice(0, 4));
	const years = [];
	for (let y = thisYear + 1; y >= thisYear - 10; y--) years.push(y);
	const set = (k) => (e) => onChange({ ...value, [k]: k === 'kind' ? e.currentTarget.value : Number(e.currentTarget.value) });
	return (
		<div class="period-picker" data-testid={testid}>
			<Field label="Kỳ">
				<select class="input" value={value.kind} onChange={set('kind')} data-testid={`${testid}-kind`}>
					{kinds.map((k) => <option key={k} value={k}>{PERIOD_KIND_LABELS[k] || CUSTOM_PERIOD_LABEL}</option>)}
				</select>
			</Field>
			{value.kind === 'quarter' ? (
				<Field label="Quý">
					<select class="input" value={String(value.quarter)} onChange={set('quarter')} data-testid={`${testid}-quarter`}>
						{[1, 2, 3, 4].map((q) => <option key={q} value={String(q)}>{QUARTER_LABELS[q]}</option>)}
					</select>
				</Field>
			) : null}
			{value.kind === 'month' ? (
				<Field label="Tháng">
					<select class="input" value={String(value.month)} onChange={set('month')} data-testid={`${testid}-month`}>
						{Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
							<option key={m} value={String(m)}>Tháng {m}</option>
						))}
					</select>
				</Field>
			) : null}
			{value.kind === 'custom' ? (
				<>
					<DayField label="Từ ngày" value={value.from || ''} onChange={(d) => onChange({ ...value, from: d })} testid={`${testid}-from`} />
					<DayField label="Đến ngày" value={value.to || ''} onChange={(d) => onChange({ ...value, to: d })} testid={`${testid}-to`} />
				</>
			) : (
				<Field label="Năm">
					<select class="input" value={String(value.year)} onChange={set('year')} data-testid={`${testid}-year`}>
						{years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
					</select>
				</Field>
			)}
		</div>
	);
}
