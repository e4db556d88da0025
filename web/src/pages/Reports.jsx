// Periodic reports (issue 6, docs/API.md "Reports"): the list of reports in
// the user's scope, a new report built from a template + a unit + a period
// (POST /reports), and a report's page: a preview in the official layout
// rendered from its stored content (NĐ 30/2020 or HD 36-HD/VPTW header
// blocks, headings, paragraphs, tables, "Nơi nhận", signature), inline
// editing of a draft's texts, header and closing (PATCH), issuing with a
// number and a day (leaders, administrators), deleting a draft, downloads.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, apiUrl } from '../api.js';
import { formatDateTime, formatDay, navigate, todayDay } from '../format.js';
import { QUARTER_LABELS } from '../labels.js';
import { Pager } from '../components/Pager.jsx';
import { UnitField } from '../components/UnitPicker.jsx';
import { Alert, ConfirmButton, Field, fieldError, useLoader, usePageTitle } from '../components/ui.jsx';
import { DayField, OrgPicker, PeriodPicker, TabLinks, defaultPeriod, periodString } from '../components/forms.jsx';
import './Reports.css';

const LIMIT = 20;
const KINDS = ['year', 'H1', 'H2', '9M', 'quarter', 'month', 'custom'];

export const INDICATOR_TABS = [
	{ id: 'indicators', href: '#/indicators', label: 'Chỉ tiêu' },
	{ id: 'reports', href: '#/reports', label: 'Báo cáo' },
];

const STATUS_TEXT = { draft: 'Dự thảo', issued: 'Đã ban hành' };
const REGIME_TEXT = { party: 'thể thức Đảng (HD 36)', state: 'thể thức hành chính (NĐ 30/2020)' };
const AUTHORITIES = [
	{ value: '', label: '— (không ghi)' },
	{ value: 'TM', label: 'TM. (thay mặt)' },
	{ value: 'KT', label: 'KT. (ký thay)' },
	{ value: 'TL', label: 'TL. (thừa lệnh)' },
	{ value: 'TUQ', label: 'TUQ. (thừa ủy quyền)' },
];

const canWrite = (user) => !!user && user.role !== 'viewer';
const canIssue = (user) => !!user && ['sysadmin', 'unit_admin', 'leader'].includes(user.role);

/* ---------------------------------------------------------------------- */
/* Texts                                                                   */

/** "2025-Q3" → "Quý III năm 2025" (the period strings of the API). */
export function periodText(p) {
	const s = String(p || '');
	let m;
	if ((m = /^(\d{4})$/.exec(s))) return `Năm ${m[1]}`;
	if ((m = /^(\d{4})-H([12])$/.exec(s))) return `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}`;
	if ((m = /^(\d{4})-9M$/.exec(s))) return `9 tháng đầu năm ${m[1]}`;
	if ((m = /^(\d{4})-Q([1-4])$/.exec(s))) return `${QUARTER_LABELS[Number(m[2])]} năm ${m[1]}`;
	if ((m = /^(\d{4})-(\d{2})$/.exec(s))) return `Tháng ${Number(m[2])} năm ${m[1]}`;
	if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(s))) return `Từ ${formatDay(m[1])} đến ${formatDay(m[2])}`;
	return s;
}

const pad2 = (n) => String(n).padStart(2, '0');

/** "Số: 05/BC-UBND" (state), "Số 05-BC/BTGDV" (party); blanks before issuing. */
export function numberText(head, number) {
	const party = head.regime === 'party';
	const n = Number(number) > 0 ? pad2(number) : '\u00a0\u00a0\u00a0\u00a0\u00a0';
	return party ? `Số ${n}-${head.type_abbr || ''}/${head.issuer_abbr || ''}` : `Số: ${n}/${head.type_abbr || ''}-${head.issuer_abbr || ''}`;
}

/** "Phú Thọ, ngày 20 tháng 12 năm 2023" (days 1..9 and months 1, 2 with a leading zero: R-VB-08). */
export function placeDateText(place, day) {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(day || ''));
	const pl = place ? `${place}, ` : '';
	if (!m) return `${pl}ngày\u00a0\u00a0\u00a0\u00a0 tháng\u00a0\u00a0\u00a0\u00a0 năm\u00a0\u00a0\u00a0\u00a0`;
	const mo = Number(m[2]);
	return `${pl}ngày ${m[3]} tháng ${mo <= 2 ? pad2(mo) : mo} năm ${m[1]}`;
}

function authorityText(closing, party) {
	const au = closing.authority || '';
	if (!au) return '';
	const word = party ? ({ TM: 'T/M', KT: 'K/T', TL: 'T/L', TUQ: 'T/U' }[au] || au) : `${au}.`;
	return `${word} ${closing.on_behalf || ''}`.trim();
}

const numFmt = {};
function fmtNum(v, decimals, fixed) {
	const d = Math.max(0, Math.min(4, Number(decimals) || 0));
	const k = `${d}|${fixed ? 1 : 0}`;
	if (!numFmt[k]) numFmt[k] = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: fixed ? d : 0, maximumFractionDigits: d });
	return numFmt[k].format(Number(v));
}

/** A table cell: numbers in vi-VN with the row's decimals, null as "…". */
export function cellText(row, cell) {
	if (typeof cell === 'string') return cell;
	if (typeof cell === 'number') return row.percent ? `${fmtNum(cell, row.decimals, true)}%` : fmtNum(cell, row.decimals, false);
	if (cell === null && row.decimals !== undefined) return '…';
	return '';
}

/* ---------------------------------------------------------------------- */
/* Templates                                                               */

let templatesCache = null;
function useTemplates() {
	const [items, setItems] = useState(templatesCache);
	const [error, setError] = useState(null);
	useEffect(() => {
		if (templatesCache) return undefined;
		let live = true;
		api.get('/report-templates').then(
			(r) => { templatesCache = r.items || []; if (live) setItems(templatesCache); },
			(e) => { if (live) setError(e.message); },
		);
		return () => { live = false; };
	}, []);
	const map = Object.fromEntries((items || []).map((t) => [t.code, t]));
	return { items: items || [], map, loaded: !!items, error };
}

/* ---------------------------------------------------------------------- */
/* The list                                                                */

let savedFilters = null;

export function ReportsPage({ user }) {
	usePageTitle('Báo cáo định kỳ');
	const init = (savedFilters && savedFilters.user === user.id && savedFilters) || {
		unit: null, template: '', status: '', offset: 0,
	};
	const [unit, setUnit] = useState(init.unit);
	const [template, setTemplate] = useState(init.template);
	const [status, setStatus] = useState(init.status);
	const [offset, setOffset] = useState(init.offset);
	savedFilters = { user: user.id, unit, template, status, offset };
	const tpl = useTemplates();
	const first = useRef(true);
	useEffect(() => {
		if (first.current) { first.current = false; return; }
		setOffset(0);
	}, [unit && unit.code, unit && unit.structure, template, status]);
	const list = useLoader(() => api.get('/reports', {
		structure: unit ? unit.structure : undefined, unit: unit ? unit.code : undefined,
		template, status, limit: LIMIT, offset,
	}), [unit && unit.structure, unit && unit.code, template, status, offset]);
	const data = list.data;
	return (
		<section class="page rp-page">
			<div class="page-head">
				<h1>Chỉ tiêu, báo cáo</h1>
				<span>
					{user.role === 'sysadmin' ? <a class="btn" href="#/reports/templates" data-testid="rp-templates-link">Mẫu báo cáo</a> : null}
					{' '}
					{canWrite(user) ? <a class="btn btn-primary" href="#/reports/new" data-testid="rp-new-link">Lập báo cáo</a> : null}
				</span>
			</div>
			<TabLinks items={INDICATOR_TABS} current="reports" testid="ind-tabs" />
			<div class="card filters rp-filters" data-testid="rp-filters">
				<UnitField label="Đơn vị (gồm cả đơn vị trực thuộc)" value={unit} onChange={setUnit} testid="rp-filter-unit"
					defaultStructure={user.unit ? Number(user.unit.structure) : 2025} />
				<Field label="Mẫu báo cáo">
					<select class="input" value={template} data-testid="rp-filter-template" onChange={(e) => setTemplate(e.currentTarget.value)}>
						<option value="">Tất cả mẫu báo cáo</option>
						{tpl.items.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
					</select>
				</Field>
				<Field label="Trạng thái">
					<select class="input" value={status} data-testid="rp-filter-status" onChange={(e) => setStatus(e.currentTarget.value)}>
						<option value="">Tất cả</option>
						<option value="draft">Dự thảo</option>
						<option value="issued">Đã ban hành</option>
					</select>
				</Field>
			</div>
			{tpl.error ? <Alert kind="error">{tpl.error}</Alert> : null}
			{list.error ? <Alert kind="error" testid="rp-list-error">{list.error.message}</Alert> : null}
			<div class="card">
				<div class={`table-wrap${list.loading && data ? ' is-stale' : ''}`} tabIndex={0} role="region" aria-label="Danh sách báo cáo">
					<table class="table rp-list" data-testid="rp-list">
						<thead>
							<tr><th>Báo cáo</th><th>Đơn vị</th><th>Kỳ báo cáo</th><th>Trạng thái</th><th>Số, ngày ban hành</th><th>Cập nhật</th></tr>
						</thead>
						<tbody>
							{data && data.items.map((r) => (
								<tr key={r.id} data-testid={`rp-row-${r.id}`}>
									<td class="cell-text">
										<a href={`#/reports/${r.id}`} data-testid={`rp-link-${r.id}`}>{tpl.map[r.template] ? tpl.map[r.template].name : r.template}</a>
									</td>
									<td>{r.unit.name}<span class="muted small block">Mã {r.unit.code}</span></td>
									<td>{periodText(r.period)}</td>
									<td class="nowrap"><span class={`status ${r.status === 'issued' ? 'status-ok' : 'status-open'}`} data-testid={`rp-status-${r.id}`}>{STATUS_TEXT[r.status] || r.status}</span></td>
									<td class="nowrap" data-testid={`rp-number-${r.id}`}>{r.status === 'issued' ? `Số ${pad2(r.number)}, ngày ${formatDay(r.issued_day)}` : <span class="muted">—</span>}</td>
									<td class="nowrap">{formatDateTime(Number(r.updated_at) * 1000)}</td>
								</tr>
							))}
							{data && !data.items.length ? <tr><td colSpan={6} class="empty">Chưa có báo cáo nào.</td></tr> : null}
							{!data && list.loading ? <tr><td colSpan={6} class="empty">Đang tải…</td></tr> : null}
						</tbody>
					</table>
				</div>
				{data ? <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} testid="rp-pager" noun="báo cáo"
					exportSpec={{
						path: '/reports',
						query: { structure: unit ? unit.structure : undefined, unit: unit ? unit.code : undefined, template, status },
						title: 'Danh sách báo cáo định kỳ', filename: 'bao-cao-dinh-ky',
						columns: [
							{ key: 'template', label: 'Báo cáo', values: Object.fromEntries(tpl.items.map((t) => [t.code, t.name])) },
							{ key: 'unit.name', label: 'Đơn vị' },
							{ key: 'unit.code', label: 'Mã đơn vị' },
							{ key: 'period', label: 'Kỳ báo cáo' },
							{ key: 'status', label: 'Trạng thái', values: STATUS_TEXT },
							{ key: 'number', label: 'Số' },
							{ key: 'issued_day', label: 'Ngày ban hành' },
						],
					}} /> : null}
			</div>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* A new report                                                            */

export function ReportNewPage({ user }) {
	usePageTitle('Lập báo cáo');
	const tpl = useTemplates();
	const [template, setTemplate] = useState('');
	const [unit, setUnit] = useState(user.unit ? { ...user.unit, structure: Number(user.unit.structure) } : null);
	const [period, setPeriod] = useState({ ...defaultPeriod('year'), from: '', to: '' });
	const [orgId, setOrgId] = useState('');
	const [cutoff, setCutoff] = useState('');
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState(null);
	const chosen = template || (tpl.items[0] ? tpl.items[0].code : '');
	const t = tpl.map[chosen];

	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!chosen) return setError({ field: 'template', message: 'Vui lòng chọn mẫu báo cáo.' });
		if (!unit) return setError({ field: 'unit', message: 'Vui lòng chọn đơn vị.' });
		const p = periodString(period);
		if (!p) return setError({ field: 'period', message: 'Nhập đủ từ ngày, đến ngày (dd/mm/yyyy) của kỳ tùy chọn.' });
		const body = { template: chosen, unit: { structure: Number(unit.structure), code: unit.code }, period: p };
		if (orgId) body.org_id = Number(orgId);
		if (cutoff !== '') body.cutoff_day = Number(cutoff);
		setBusy(true);
		try {
			const r = await api.post('/reports', body);
			navigate(`/reports/${r.report.id}`);
		} catch (err) {
			setError(err);
			setBusy(false);
		}
	}
	const known = ['template', 'unit', 'period', 'org_id', 'cutoff_day'];
	return (
		<section class="page rp-page">
			<div class="page-head">
				<h1>Lập báo cáo</h1>
				<a class="btn" href="#/reports">‹ Danh sách báo cáo</a>
			</div>
			<TabLinks items={INDICATOR_TABS} current="reports" testid="ind-tabs" />
			{!canWrite(user) ? <Alert kind="error">Tài khoản xem báo cáo không lập được báo cáo.</Alert> : null}
			<form class="card form-card" onSubmit={submit} noValidate data-testid="rp-new-form" aria-busy={busy ? 'true' : 'false'}>
				<p class="muted small">
					Báo cáo được lập từ mẫu báo cáo, số liệu của đơn vị (gồm cả các đơn vị trực thuộc) trong kỳ đã chọn.
					Dự thảo được sửa lời văn trước khi lãnh đạo ban hành.
				</p>
				<Alert kind="error" testid="rp-new-error">{error && !known.includes(error.field) ? error.message : null}</Alert>
				{tpl.error ? <Alert kind="error">{tpl.error}</Alert> : null}
				<div class="form-grid">
					<Field label="Mẫu báo cáo" required wide error={fieldError(error, 'template')}
						hint={t ? `${REGIME_TEXT[t.regime] || t.regime}${t.cutoff_day ? `; số liệu chốt ngày ${t.cutoff_day} hằng tháng` : '; số liệu theo tháng dương lịch'}` : null}>
						<select class="input" value={chosen} data-testid="rp-new-template" onChange={(e) => setTemplate(e.currentTarget.value)}>
							{!tpl.loaded ? <option value="">Đang tải…</option> : null}
							{tpl.items.map((x) => <option key={x.code} value={x.code}>{x.name} — {REGIME_TEXT[x.regime] || x.regime}</option>)}
						</select>
					</Field>
					<UnitField label="Đơn vị báo cáo" required value={unit} onChange={setUnit} testid="rp-new-unit" clearable={false}
						error={fieldError(error, 'unit')} defaultStructure={user.unit ? Number(user.unit.structure) : 2025} />
					<PeriodPicker value={period} onChange={setPeriod} kinds={KINDS} testid="rp-new-period" />
					{fieldError(error, 'period') ? <p class="field-error field-wide" data-testid="rp-new-period-error">{fieldError(error, 'period')}</p> : null}
					<Field label="Ngày chốt số liệu" error={fieldError(error, 'cutoff_day')}>
						<select class="input" value={cutoff} data-testid="rp-new-cutoff" onChange={(e) => setCutoff(e.currentTarget.value)}>
							<option value="">Theo mẫu báo cáo</option>
							<option value="15">Ngày 15 (TT 01/2024)</option>
							<option value="0">Theo tháng dương lịch</option>
						</select>
					</Field>
					<div class="field field-wide">
						<span class="field-label">Cơ quan ban hành (không bắt buộc)</span>
						<OrgPicker value={orgId} onChange={(v) => setOrgId(v)} testid="rp-new-org" empty="— Theo mẫu báo cáo —" />
						{fieldError(error, 'org_id') ? <span class="field-error">{fieldError(error, 'org_id')}</span> : null}
					</div>
				</div>
				<div class="form-actions">
					<button type="submit" class="btn btn-primary" disabled={busy || !canWrite(user)} data-testid="rp-new-submit">
						{busy ? 'Đang lập báo cáo…' : 'Lập báo cáo'}
					</button>
					{busy ? <span class="rp-progress" role="status" data-testid="rp-new-progress"><span class="rp-spinner" aria-hidden="true" />Đang tổng hợp số liệu…</span> : null}
				</div>
			</form>
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* The preview                                                             */

function TextBlock({ b, index, editable, editing, onEdit, onSave, onCancel }) {
	const [text, setText] = useState(b.text || '');
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState(null);
	useEffect(() => { if (editing) { setText(b.text || ''); setError(null); } }, [editing]); // eslint-disable-line react-hooks/exhaustive-deps
	const Tag = b.kind === 'p' ? 'p' : b.kind === 'h1' ? 'h2' : b.kind === 'h2' ? 'h3' : 'h4';
	const cls = `rp-${b.kind}`;
	if (editing) {
		return (
			<div class="rp-edit no-print" data-testid={`rp-block-${index}`}>
				<label class="sr-only" for={`rp-text-${index}`}>Nội dung đoạn {index + 1}</label>
				<textarea id={`rp-text-${index}`} class="input rp-textarea" rows={b.kind === 'p' ? 6 : 2} maxLength={20000} value={text}
					onInput={(e) => setText(e.currentTarget.value)} data-testid={`rp-block-text-${index}`} />
				{error ? <span class="field-error block" data-testid={`rp-block-error-${index}`}>{error}</span> : null}
				<div class="rp-edit-actions">
					<button type="button" class="btn btn-small btn-primary" disabled={busy} data-testid={`rp-block-save-${index}`}
						onClick={async () => {
							setBusy(true);
							setError(null);
							try {
								await onSave(index, text);
							} catch (e) {
								setError(e.message);
							} finally {
								setBusy(false);
							}
						}}>
						{busy ? 'Đang lưu…' : 'Lưu'}
					</button>
					<button type="button" class="btn btn-small" onClick={onCancel} data-testid={`rp-block-cancel-${index}`}>Huỷ</button>
				</div>
			</div>
		);
	}
	return (
		<div class={`rp-block${editable ? ' is-editable' : ''}`} data-testid={`rp-block-${index}`}>
			<Tag class={cls} data-testid={`rp-block-view-${index}`}>{b.text}</Tag>
			{editable ? (
				<button type="button" class="btn btn-small rp-edit-btn no-print" data-testid={`rp-block-edit-${index}`}
					aria-label={`Sửa đoạn: ${String(b.text || '').slice(0, 60)}`} onClick={() => onEdit(index)}>
					Sửa
				</button>
			) : null}
		</div>
	);
}

function TableBlock({ b, index }) {
	const cols = b.columns || [];
	return (
		<div class="rp-table-block" data-testid={`rp-block-${index}`}>
			{b.title ? <p class="rp-table-title">{b.annex ? <span class="rp-annex">Phụ lục · </span> : null}{b.title}</p> : null}
			<div class="rp-table-wrap" tabIndex={0} role="region" aria-label={b.title || 'Bảng số liệu'}>
				<table class="rp-table">
					<thead>
						<tr>{cols.map((c, i) => <th key={i} class={`al-${c.align || 'left'}`}>{c.name}</th>)}</tr>
					</thead>
					<tbody>
						{(b.rows || []).map((row, ri) => {
							const cells = row.cells || [];
							if (row.bold && cells.length < cols.length) {
								return (
									<tr key={ri} class="rp-group">
										<td class="al-center">{cells[0]}</td>
										<td colSpan={Math.max(1, cols.length - 1)}>{cells.slice(1).join(' ')}</td>
									</tr>
								);
							}
							return (
								<tr key={ri} class={row.bold ? 'rp-group' : ''}>
									{cols.map((c, ci) => (
										<td key={ci} class={`al-${typeof cells[ci] === 'number' || cells[ci] === null ? 'right' : c.align || 'left'}`}>
											{cellText(row, cells[ci])}
										</td>
									))}
								</tr>
							);
						})}
					</tbody>
				</table>
			</div>
		</div>
	);
}

function Preview({ report, editable, editing, setEditing, onSaveText }) {
	const c = report.content;
	const head = c.head || {};
	const closing = c.closing || {};
	const party = head.regime === 'party';
	const number = Number(head.number) > 0 ? head.number : report.number;
	const day = head.day || report.issued_day;
	const auth = authorityText(closing, party);
	return (
		<div class="rp-paper-box" data-testid="rp-preview-box">
			<article class={`rp-paper ${party ? 'is-party' : 'is-state'}`} data-testid="rp-preview" aria-label="Xem trước báo cáo">
				<div class="rp-header" data-testid="rp-header">
					<div class="rp-header-left">
						<div class="rp-caps">{head.parent}</div>
						<div class="rp-caps rp-b">{head.issuer}</div>
						{party ? <div>*</div> : <div class="rp-rule" aria-hidden="true" />}
						<div class="rp-number" data-testid="rp-head-number">{numberText(head, number)}</div>
					</div>
					<div class="rp-header-right">
						{party ? (
							<div class="rp-b rp-u">ĐẢNG CỘNG SẢN VIỆT NAM</div>
						) : (
							<>
								<div class="rp-b">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
								<div class="rp-b rp-u">Độc lập - Tự do - Hạnh phúc</div>
							</>
						)}
						<div class="rp-date" data-testid="rp-head-date">{placeDateText(head.place, day)}</div>
					</div>
				</div>
				<div class="rp-type" data-testid="rp-type">{head.type_name}</div>
				<div class="rp-abstract" data-testid="rp-abstract">{head.abstract}</div>
				<div class="rp-abstract-rule" aria-hidden="true">{party ? '-----' : ''}</div>
				{(c.blocks || []).map((b, i) => (b.kind === 'table'
					? <TableBlock key={i} b={b} index={i} />
					: <TextBlock key={i} b={b} index={i} editable={editable} editing={editing === i}
						onEdit={setEditing} onCancel={() => setEditing(-1)} onSave={onSaveText} />))}
				<div class="rp-closing" data-testid="rp-closing">
					<div class="rp-recipients">
						<div class="rp-b rp-i">Nơi nhận:</div>
						{(closing.recipients || []).map((r, i) => <div key={i} class="rp-recipient">{r}</div>)}
					</div>
					<div class="rp-sign" data-testid="rp-sign">
						{auth ? <div class="rp-caps rp-b">{auth}</div> : null}
						<div class="rp-caps rp-b">{closing.position}</div>
						<div class="rp-sign-space" aria-hidden="true" />
						<div class="rp-b">{closing.name}</div>
					</div>
				</div>
			</article>
		</div>
	);
}

/* ---------------------------------------------------------------------- */
/* Editing the header and the closing                                      */

const HEAD_FIELDS = [
	{ key: 'parent', label: 'Cơ quan chủ quản (dòng trên)' },
	{ key: 'issuer', label: 'Cơ quan ban hành' },
	{ key: 'issuer_abbr', label: 'Chữ viết tắt cơ quan ban hành' },
	{ key: 'place', label: 'Địa danh' },
	{ key: 'abstract', label: 'Trích yếu', wide: true },
];

function HeadForm({ report, onSaved }) {
	const h = report.content.head || {};
	const [v, setV] = useState(() => Object.fromEntries(HEAD_FIELDS.map((f) => [f.key, h[f.key] || ''])));
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState(null);
	const [done, setDone] = useState(null);
	async function submit(e) {
		e.preventDefault();
		setBusy(true);
		setError(null);
		setDone(null);
		try {
			const r = await api.patch(`/reports/${report.id}`, { head: Object.fromEntries(HEAD_FIELDS.map((f) => [f.key, v[f.key].trim()])) });
			onSaved(r.report);
			setDone('Đã lưu phần đầu báo cáo.');
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
		}
	}
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="rp-head-form">
			<h2>Phần đầu (thể thức)</h2>
			<Alert kind="success" testid="rp-head-done">{done}</Alert>
			<div class="form-grid">
				{HEAD_FIELDS.map((f) => (
					<Field key={f.key} label={f.label} wide={f.wide}>
						{f.wide ? (
							<textarea class="input" rows={2} maxLength={300} value={v[f.key]} data-testid={`rp-head-${f.key}`}
								onInput={(e) => setV({ ...v, [f.key]: e.currentTarget.value })} />
						) : (
							<input class="input" maxLength={300} value={v[f.key]} data-testid={`rp-head-${f.key}`}
								onInput={(e) => setV({ ...v, [f.key]: e.currentTarget.value })} />
						)}
					</Field>
				))}
			</div>
			{error ? <p class="field-error" role="alert" data-testid="rp-head-error">{error.message}</p> : null}
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="rp-head-save">{busy ? 'Đang lưu…' : 'Lưu phần đầu'}</button>
			</div>
		</form>
	);
}

function ClosingForm({ report, onSaved }) {
	const c = report.content.closing || {};
	const [v, setV] = useState({
		recipients: (c.recipients || []).join('\n'), authority: c.authority || '',
		on_behalf: c.on_behalf || '', position: c.position || '', name: c.name || '',
	});
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState(null);
	const [done, setDone] = useState(null);
	const set = (k) => (e) => setV({ ...v, [k]: e.currentTarget.value });
	async function submit(e) {
		e.preventDefault();
		setError(null);
		setDone(null);
		const recipients = v.recipients.split('\n').map((s) => s.trim()).filter(Boolean);
		if (recipients.length > 40) return setError({ message: 'Nơi nhận tối đa 40 dòng.' });
		setBusy(true);
		try {
			const r = await api.patch(`/reports/${report.id}`, { closing: {
				recipients, authority: v.authority, on_behalf: v.on_behalf.trim(), position: v.position.trim(), name: v.name.trim(),
			} });
			onSaved(r.report);
			setDone('Đã lưu nơi nhận và phần ký.');
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
		}
	}
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="rp-closing-form">
			<h2>Nơi nhận, người ký</h2>
			<Alert kind="success" testid="rp-closing-done">{done}</Alert>
			<div class="form-grid">
				<Field label="Nơi nhận (mỗi dòng một nơi)" wide hint="Ví dụ: - Như trên;">
					<textarea class="input" rows={5} value={v.recipients} onInput={set('recipients')} data-testid="rp-closing-recipients" />
				</Field>
				<Field label="Quyền hạn ký">
					<select class="input" value={v.authority} onChange={set('authority')} data-testid="rp-closing-authority">
						{AUTHORITIES.map((a) => <option key={a.value} value={a.value}>{a.label}</option>)}
					</select>
				</Field>
				<Field label="Thay mặt (tập thể, cơ quan)">
					<input class="input" maxLength={300} value={v.on_behalf} onInput={set('on_behalf')} data-testid="rp-closing-on_behalf" />
				</Field>
				<Field label="Chức vụ người ký">
					<input class="input" maxLength={300} value={v.position} onInput={set('position')} data-testid="rp-closing-position" />
				</Field>
				<Field label="Họ và tên người ký">
					<input class="input" maxLength={300} value={v.name} onInput={set('name')} data-testid="rp-closing-name" />
				</Field>
			</div>
			{error ? <p class="field-error" role="alert" data-testid="rp-closing-error">{error.message}</p> : null}
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="rp-closing-save">{busy ? 'Đang lưu…' : 'Lưu nơi nhận, người ký'}</button>
			</div>
		</form>
	);
}

function IssueForm({ report, onIssued }) {
	const [number, setNumber] = useState('');
	const [day, setDay] = useState(todayDay());
	const [asking, setAsking] = useState(false);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState(null);
	const n = Number(String(number).trim());
	const head = report.content.head || {};
	function ask(e) {
		e.preventDefault();
		setError(null);
		if (!/^\d{1,6}$/.test(String(number).trim()) || n < 1) return setError({ field: 'number', message: 'Số văn bản là số nguyên từ 1 đến 999999.' });
		if (!day) return setError({ field: 'day', message: 'Vui lòng nhập ngày ban hành (dd/mm/yyyy).' });
		setAsking(true);
	}
	async function issue() {
		setBusy(true);
		try {
			const r = await api.post(`/reports/${report.id}/issue`, { number: n, day });
			onIssued(r.report);
		} catch (err) {
			setError(err);
			setAsking(false);
		} finally {
			setBusy(false);
		}
	}
	return (
		<form class="card form-card" onSubmit={ask} noValidate data-testid="rp-issue-form">
			<h2>Ban hành</h2>
			<p class="muted small">Sau khi ban hành, nội dung báo cáo được giữ nguyên, không sửa được nữa.</p>
			<div class="form-grid">
				<Field label="Số văn bản" required error={fieldError(error, 'number')} hint={Number(n) > 0 ? numberText(head, n) : 'Ví dụ: 5'}>
					<input class="input" inputMode="numeric" autocomplete="off" maxLength={6} value={number}
						onInput={(e) => { setNumber(e.currentTarget.value); setAsking(false); }} data-testid="rp-issue-number" />
				</Field>
				<DayField label="Ngày ban hành" required value={day} onChange={(d) => { setDay(d); setAsking(false); }}
					error={fieldError(error, 'day')} testid="rp-issue-day" />
			</div>
			{error && error.field !== 'number' && error.field !== 'day' ? <p class="field-error" role="alert" data-testid="rp-issue-error">{error.message}</p> : null}
			<div class="form-actions">
				{asking ? (
					<span class="confirm" role="group" aria-label="Xác nhận ban hành">
						<span class="confirm-q" data-testid="rp-issue-question">
							Ban hành báo cáo {numberText(head, n)}, ngày {formatDay(day)}?
						</span>
						<button type="button" class="btn btn-small btn-primary" disabled={busy} data-testid="rp-issue-yes" onClick={issue}>
							{busy ? 'Đang ban hành…' : 'Ban hành'}
						</button>
						<button type="button" class="btn btn-small" data-testid="rp-issue-no" onClick={() => setAsking(false)}>Huỷ</button>
					</span>
				) : (
					<button type="submit" class="btn btn-primary" data-testid="rp-issue-submit">Ban hành…</button>
				)}
			</div>
		</form>
	);
}

/* ---------------------------------------------------------------------- */
/* A report                                                                */

export function ReportPage({ user, params }) {
	const id = params.id;
	const tpl = useTemplates();
	const [report, setReport] = useState(null);
	const [loadError, setLoadError] = useState(null);
	const [editing, setEditing] = useState(-1);
	const [notice, setNotice] = useState(null);
	const [error, setError] = useState(null);
	const [formsKey, setFormsKey] = useState(0);
	useEffect(() => {
		let live = true;
		api.get(`/reports/${encodeURIComponent(id)}`).then(
			(r) => { if (live) setReport(r.report); },
			(e) => { if (live) setLoadError(e); },
		);
		return () => { live = false; };
	}, [id]);
	const head = report && report.content ? report.content.head || {} : {};
	usePageTitle(report ? `${head.type_name || 'Báo cáo'} ${head.abstract || ''}`.trim() : 'Báo cáo');

	if (loadError) {
		return (
			<section class="page rp-page">
				<h1>Báo cáo</h1>
				<Alert kind="error" testid="rp-load-error">{loadError.status === 404 ? 'Không tìm thấy báo cáo này (hoặc báo cáo ngoài phạm vi của bạn).' : loadError.message}</Alert>
				<p><a href="#/reports">‹ Danh sách báo cáo</a></p>
			</section>
		);
	}
	if (!report) return <section class="page rp-page"><p class="muted" role="status">Đang tải báo cáo…</p></section>;

	const c = report.content || {};
	const draft = report.status === 'draft';
	const editable = draft && canWrite(user);
	const warnings = c.warnings || [];
	const t = tpl.map[report.template];

	async function saveText(index, text) {
		try {
			const r = await api.patch(`/reports/${report.id}`, { texts: [{ index, text }] });
			setReport(r.report);
			setEditing(-1);
			setNotice('Đã lưu đoạn văn.');
		} catch (e) {
			if (e.status === 409) setError(e);
			throw e;
		}
	}
	function saved(r) {
		setReport(r);
		setNotice(null);
	}
	async function remove() {
		setError(null);
		try {
			await api.del(`/reports/${report.id}`);
			navigate('/reports');
		} catch (e) {
			setError(e);
		}
	}
	const dl = (ext) => apiUrl(`/reports/${report.id}/${ext}`);

	return (
		<section class="page rp-page">
			<div class="page-head">
				<h1 data-testid="rp-title">{head.type_name || 'Báo cáo'} {head.abstract ? <span class="rp-title-abstract">{head.abstract}</span> : null}</h1>
				<a class="btn" href="#/reports">‹ Danh sách báo cáo</a>
			</div>
			<TabLinks items={INDICATOR_TABS} current="reports" testid="ind-tabs" />
			<div class="card rp-meta" data-testid="rp-meta">
				<p>
					<span class={`status status-large ${draft ? 'status-open' : 'status-ok'}`} data-testid="rp-status" data-status={report.status}>
						{STATUS_TEXT[report.status] || report.status}
					</span>
					{!draft ? <span class="rp-issued" data-testid="rp-issued"> Số {pad2(report.number)}, ngày {formatDay(report.issued_day)}</span> : null}
				</p>
				<dl class="rp-dl">
					<dt>Đơn vị</dt><dd data-testid="rp-unit">{report.unit.name} <span class="muted small">(mã {report.unit.code})</span></dd>
					<dt>Kỳ báo cáo</dt>
					<dd data-testid="rp-period">
						{periodText(report.period)}
						{c.period && c.period.from ? <span class="muted small"> (từ ngày {formatDay(c.period.from)} đến ngày {formatDay(c.period.to)})</span> : null}
					</dd>
					<dt>Mẫu báo cáo</dt><dd>{t ? t.name : report.template}{head.regime ? <span class="muted small"> — {REGIME_TEXT[head.regime]}</span> : null}</dd>
					<dt>Cập nhật</dt><dd>{formatDateTime(Number(report.updated_at) * 1000)}</dd>
				</dl>
				<p class="rp-downloads no-print">
					<a class="btn" href={dl('docx')} download data-testid="rp-docx">Tải DOCX</a>
					<a class="btn" href={dl('xlsx')} download data-testid="rp-xlsx">Tải XLSX</a>
					<a class="btn" href={dl('html')} download data-testid="rp-html">Tải HTML</a>
					<a class="btn" href={dl('pdf')} download data-testid="rp-pdf"
						title="PDF do LibreOffice trên máy chủ chuyển từ DOCX">Tải PDF</a>
				</p>
			</div>

			{draft && warnings.length ? (
				<div class="alert rp-warnings" role="status" data-testid="rp-warnings">
					<p class="rp-warnings-head">
						<strong>Dự thảo còn {warnings.length} số liệu chưa có</strong> (được ghi “…” trong báo cáo).{' '}
						<a href="#/indicators">Nhập số liệu chỉ tiêu ›</a>
					</p>
					{warnings.length > 5 ? (
						<details>
							<summary data-testid="rp-warnings-more">Xem {warnings.length} số liệu chưa có</summary>
							<ul>{warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
						</details>
					) : <ul>{warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>}
				</div>
			) : null}
			<Alert kind="error" testid="rp-error">{error ? (error.code === 'invalid_state' ? `${error.message} Hãy tải lại trang.` : error.message) : null}</Alert>
			<Alert kind="success" testid="rp-notice">{notice}</Alert>
			{editable ? <p class="muted small no-print">Bấm “Sửa” bên cạnh một đề mục hoặc đoạn văn để sửa lời văn; số liệu trong bảng không sửa được.</p> : null}

			<Preview report={report} editable={editable} editing={editing} setEditing={(i) => { setEditing(i); setNotice(null); }} onSaveText={saveText} />

			{editable ? (
				<div class="rp-forms" key={formsKey}>
					<HeadForm report={report} onSaved={saved} />
					<ClosingForm report={report} onSaved={saved} />
				</div>
			) : null}
			{draft && canIssue(user) ? (
				<IssueForm report={report} onIssued={(r) => { setReport(r); setFormsKey((k) => k + 1); setEditing(-1); setNotice(`Đã ban hành báo cáo số ${pad2(r.number)}, ngày ${formatDay(r.issued_day)}.`); window.scrollTo(0, 0); }} />
			) : null}
			{draft && canWrite(user) ? (
				<div class="card rp-danger no-print">
					<h2>Xoá dự thảo</h2>
					<p class="muted small">Chỉ xoá được dự thảo; báo cáo đã ban hành được lưu giữ.</p>
					<ConfirmButton label="Xoá dự thảo" question="Xoá dự thảo báo cáo này?" confirmLabel="Xoá" testid="rp-delete" onConfirm={remove} />
				</div>
			) : null}
		</section>
	);
}

/* ---------------------------------------------------------------------- */
/* Templates (system administrators)                                       */

const TEMPLATE_HELP = 'Chỗ điền số liệu: {period}, {period_prev}, {period_year_before}, {from}, {to}, {unit}, '
	+ '{unit_kind}, {unit_short}; theo mã chỉ tiêu: {mã}, {mã|n2}, {mã|prev}, {mã|yb}, {mã|change_prev}, '
	+ '{mã|change_yb}, {mã|rank_change_yb}, {mã|ty}, {mã|trieu}. Khối: {"h1"|"h2"|"h3"|"p": "…"} hoặc '
	+ '{"table": {"title": "…", "codes": ["mã", …], "annex": true}}.';

function TemplateForm({ tpl, onSaved }) {
	const creating = !tpl;
	const [v, setV] = useState(() => ({
		code: '', name: tpl ? tpl.name : '', regime: tpl ? tpl.regime : 'state',
		cutoff_day: tpl ? String(tpl.cutoff_day) : '15', type_name: tpl ? tpl.type_name : 'Báo cáo',
		type_abbr: tpl ? tpl.type_abbr : 'BC', abstract: tpl ? tpl.abstract : '',
		body: JSON.stringify(tpl ? tpl.body : { blocks: [{ h1: 'I. Kết quả' }, { p: 'Trong {period}, …' }] }, null, 2),
	}));
	const [err, setErr] = useState(null);
	const [busy, setBusy] = useState(false);
	const set = (k) => (e) => setV({ ...v, [k]: e.currentTarget.value });
	const save = async (e) => {
		e.preventDefault();
		let body;
		try {
			body = JSON.parse(v.body);
		} catch (x) {
			setErr({ field: 'body', message: 'Nội dung mẫu không phải JSON hợp lệ.' });
			return;
		}
		const payload = { name: v.name, regime: v.regime, cutoff_day: Number(v.cutoff_day), type_name: v.type_name,
			type_abbr: v.type_abbr, abstract: v.abstract, body };
		setBusy(true);
		setErr(null);
		try {
			const r = creating ? await api.post('/report-templates', { code: v.code, ...payload })
				: await api.patch(`/report-templates/${tpl.code}`, payload);
			templatesCache = null;
			onSaved(r.template);
		} catch (x) {
			setErr({ field: x.field, message: x.message });
		} finally {
			setBusy(false);
		}
	};
	const fe = (f) => (err && err.field === f ? err.message : null);
	return (
		<form class="card rp-template-form" onSubmit={save} data-testid="rp-template-form" noValidate>
			{creating ? (
				<Field label="Mã mẫu (chữ thường không dấu, số, _)" error={fe('code')}>
					<input class="input" value={v.code} onInput={set('code')} maxLength={40} data-testid="rp-tpl-code" />
				</Field>
			) : null}
			<Field label="Tên mẫu" error={fe('name')}>
				<input class="input" value={v.name} onInput={set('name')} maxLength={300} data-testid="rp-tpl-name" />
			</Field>
			<Field label="Thể thức" error={fe('regime')}>
				<select class="input" value={v.regime} onChange={set('regime')} data-testid="rp-tpl-regime">
					<option value="state">{REGIME_TEXT.state}</option>
					<option value="party">{REGIME_TEXT.party}</option>
				</select>
			</Field>
			<Field label="Ngày chốt số liệu (0: theo tháng dương lịch)" error={fe('cutoff_day')}>
				<input class="input" type="number" min={0} max={28} value={v.cutoff_day} onInput={set('cutoff_day')} data-testid="rp-tpl-cutoff" />
			</Field>
			<Field label="Tên loại văn bản" error={fe('type_name')}>
				<input class="input" value={v.type_name} onInput={set('type_name')} maxLength={100} />
			</Field>
			<Field label="Viết tắt tên loại" error={fe('type_abbr')}>
				<input class="input" value={v.type_abbr} onInput={set('type_abbr')} maxLength={10} />
			</Field>
			<Field label="Trích yếu" error={fe('abstract')}>
				<input class="input" value={v.abstract} onInput={set('abstract')} maxLength={1000} data-testid="rp-tpl-abstract" />
			</Field>
			<Field label="Nội dung mẫu (JSON)" error={fe('body')}>
				<textarea class="input rp-template-body" rows={18} value={v.body} onInput={set('body')} spellcheck={false} data-testid="rp-tpl-body" />
			</Field>
			<p class="muted small">{TEMPLATE_HELP}</p>
			{err && !['code', 'name', 'regime', 'cutoff_day', 'type_name', 'type_abbr', 'abstract', 'body'].includes(err.field)
				? <Alert kind="error" testid="rp-tpl-error">{err.message}</Alert> : null}
			<button class="btn btn-primary" type="submit" disabled={busy} data-testid="rp-tpl-save">{creating ? 'Thêm mẫu' : 'Lưu mẫu'}</button>
		</form>
	);
}

export function ReportTemplatesPage({ user }) {
	usePageTitle('Mẫu báo cáo');
	const [selected, setSelected] = useState(null);
	const [saved, setSaved] = useState(null);
	const [version, setVersion] = useState(0);
	const list = useLoader(() => api.get('/report-templates'), [version]);
	if (!user || user.role !== 'sysadmin') {
		return <section class="page"><Alert kind="error">Chỉ quản trị hệ thống được sửa mẫu báo cáo.</Alert></section>;
	}
	const items = list.data ? list.data.items : [];
	const tpl = selected && selected !== 'new' ? items.find((t) => t.code === selected) : null;
	return (
		<section class="page rp-page">
			<div class="page-head"><h1>Mẫu báo cáo</h1></div>
			<TabLinks items={INDICATOR_TABS} current="reports" testid="ind-tabs" />
			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			{saved ? <Alert kind="success" testid="rp-tpl-saved">Đã lưu mẫu “{saved}”.</Alert> : null}
			<div class="card">
				<ul class="plain-list" data-testid="rp-tpl-list">
					{items.map((t) => (
						<li key={t.code}>
							<button class="btn-link" type="button" data-testid={`rp-tpl-${t.code}`} onClick={() => { setSelected(t.code); setSaved(null); }}>
								{t.name}
							</button>
							<span class="muted small"> — {t.code}, {REGIME_TEXT[t.regime]}, chốt số liệu ngày {t.cutoff_day || 'cuối tháng'}</span>
						</li>
					))}
				</ul>
				<button class="btn" type="button" data-testid="rp-tpl-new" onClick={() => { setSelected('new'); setSaved(null); }}>Thêm mẫu mới</button>
			</div>
			{selected ? (
				<TemplateForm key={selected} tpl={tpl} onSaved={(t) => { setSaved(t.name); setSelected(t.code); setVersion(version + 1); }} />
			) : null}
		</section>
	);
}
