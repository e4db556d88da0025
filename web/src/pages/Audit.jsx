import { useState } from 'preact/hooks';
import { api } from '../api.js';
import {
	AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, FIELD_LABELS, formatDateTime, orgTypeLabel,
	STRUCTURE_LABELS, parseViDate, roleLabel, structureShort,
} from '../format.js';
import { Pager } from '../components/Pager.jsx';
import { Alert, Field, useLoader, usePageTitle } from '../components/ui.jsx';

const LIMIT = 50;
const SKIP_KEYS = new Set(['id', 'created_at', 'updated_at']);
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z$/;

/** A value from before/after as short readable text. */
function showValue(key, v) {
	if (v === null || v === undefined) return '—';
	if (key === 'role') return roleLabel(v);
	if (key === 'type') return orgTypeLabel(v);
	if (typeof v === 'boolean') return v ? 'có' : 'không';
	if (typeof v === 'string' && ISO_RE.test(v)) return formatDateTime(v, true);
	if (typeof v === 'object' && !Array.isArray(v) && 'code' in v && 'structure' in v) {
		return `${v.name ? v.name + ' ' : ''}(mã ${v.code}, ${structureShort(v.structure)})`;
	}
	if (typeof v === 'object') return JSON.stringify(v);
	return String(v);
}

const label = (k) => FIELD_LABELS[k] || k;

/** Rows of [key, before, after] that differ, for display. */
export function auditDiff(before, after) {
	const b = before && typeof before === 'object' ? before : null;
	const a = after && typeof after === 'object' ? after : null;
	const keys = new Set([...Object.keys(b || {}), ...Object.keys(a || {})]);
	const rows = [];
	for (const k of keys) {
		const bv = b ? b[k] : undefined;
		const av = a ? a[k] : undefined;
		if (b && a) {
			if (JSON.stringify(bv) === JSON.stringify(av)) continue;
			if (k === 'updated_at') continue;
		} else if (SKIP_KEYS.has(k)) {
			continue;
		}
		rows.push([k, bv, av]);
	}
	return rows;
}

function Changes({ entry }) {
	const { before, after } = entry;
	if (!before && !after) return <span class="muted">—</span>;
	const rows = auditDiff(before, after);
	if (!rows.length) return <span class="muted">Không có thay đổi dữ liệu</span>;
	return (
		<ul class="diff">
			{rows.map(([k, bv, av]) => (
				<li key={k}>
					<span class="diff-key">{label(k)}:</span>{' '}
					{before && after ? (
						<>
							<del class="diff-old">{showValue(k, bv)}</del>
							<span class="diff-arrow" aria-label="thành"> → </span>
							<ins class="diff-new">{showValue(k, av)}</ins>
						</>
					) : after ? (
						<span class="diff-new">{showValue(k, av)}</span>
					) : (
						<del class="diff-old">{showValue(k, bv)}</del>
					)}
				</li>
			))}
		</ul>
	);
}

const EMPTY = { entity: '', action: '', actor: '', from: '', to: '' };

export function AuditPage() {
	usePageTitle('Nhật ký hệ thống');
	const [draft, setDraft] = useState(EMPTY);
	const [filters, setFilters] = useState({ entity: '', action: '', actor: '', from: '', to: '' });
	const [formError, setFormError] = useState(null);
	const [offset, setOffset] = useState(0);

	const list = useLoader(
		() => api.get('/audit', { ...filters, limit: LIMIT, offset }),
		[filters, offset],
	);

	const set = (k) => (e) => setDraft({ ...draft, [k]: e.currentTarget.value });

	function apply(e) {
		if (e) e.preventDefault();
		setFormError(null);
		const from = parseViDate(draft.from);
		const to = parseViDate(draft.to);
		if (from === null) return setFormError({ field: 'from', message: 'Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.' });
		if (to === null) return setFormError({ field: 'to', message: 'Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.' });
		if (from && to && from > to) return setFormError({ field: 'to', message: 'Ngày kết thúc phải sau ngày bắt đầu.' });
		setFilters({ entity: draft.entity, action: draft.action, actor: draft.actor.trim(), from, to });
		setOffset(0);
	}

	function clear() {
		setDraft(EMPTY);
		setFormError(null);
		setFilters({ ...EMPTY });
		setOffset(0);
	}

	const fe = (f) => (formError && formError.field === f ? formError.message : null);
	const data = list.data;
	return (
		<section class="page">
			<h1>Nhật ký hệ thống</h1>
			<form class="card filters" onSubmit={apply} noValidate data-testid="audit-filters">
				<Field label="Đối tượng">
					<select class="input" value={draft.entity} onChange={set('entity')} data-testid="audit-entity">
						<option value="">Tất cả</option>
						{Object.entries(AUDIT_ENTITY_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
					</select>
				</Field>
				<Field label="Hành động">
					<select class="input" value={draft.action} onChange={set('action')} data-testid="audit-action">
						<option value="">Tất cả</option>
						{Object.entries(AUDIT_ACTION_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
					</select>
				</Field>
				<Field label="Người thực hiện">
					<input class="input" value={draft.actor} onInput={set('actor')} placeholder="Tên đăng nhập"
						autocapitalize="none" spellcheck={false} data-testid="audit-actor" />
				</Field>
				<Field label="Từ ngày" error={fe('from')}>
					<input class="input" value={draft.from} onInput={set('from')} placeholder="dd/mm/yyyy"
						inputMode="numeric" data-testid="audit-from" />
				</Field>
				<Field label="Đến ngày" error={fe('to')}>
					<input class="input" value={draft.to} onInput={set('to')} placeholder="dd/mm/yyyy"
						inputMode="numeric" data-testid="audit-to" />
				</Field>
				<div class="filters-actions">
					<button type="submit" class="btn btn-primary" data-testid="audit-apply">Lọc</button>
					<button type="button" class="btn" onClick={clear} data-testid="audit-clear">Xoá bộ lọc</button>
				</div>
			</form>

			{list.error ? <Alert kind="error" testid="audit-error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Nhật ký hệ thống">
				<table class="table table-audit" data-testid="audit-table">
					<thead>
						<tr>
							<th>Thời gian</th>
							<th>Người thực hiện</th>
							<th>Hành động</th>
							<th>Đối tượng</th>
							<th>Mã đối tượng</th>
							<th>Đơn vị</th>
							<th>Nội dung thay đổi</th>
						</tr>
					</thead>
					<tbody>
						{data && data.items.map((e) => (
							<tr key={e.id} data-testid={`audit-row-${e.id}`}>
								<td class="nowrap">{formatDateTime(e.at, true)}</td>
								<td class="mono">{e.actor ? e.actor.username : '—'}</td>
								<td>{AUDIT_ACTION_LABELS[e.action] || e.action}</td>
								<td>{AUDIT_ENTITY_LABELS[e.entity] || e.entity}</td>
								<td>{e.entity_id === null || e.entity_id === undefined ? '—' : e.entity_id}</td>
								<td class="nowrap">{e.unit ? <>mã {e.unit.code}<span class="muted small block">{structureShort(e.unit.structure)}</span></> : '—'}</td>
								<td class="col-diff"><Changes entry={e} /></td>
							</tr>
						))}
						{data && data.items.length === 0 ? (
							<tr><td colSpan={7} class="empty">Không có mục nhật ký nào.</td></tr>
						) : null}
						{!data && list.loading ? <tr><td colSpan={7} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} testid="audit-pager" noun="mục"
				exportSpec={{
					path: '/audit', query: filters, title: 'Nhật ký hệ thống', filename: 'nhat-ky-he-thong',
					columns: [
						{ key: 'at', label: 'Thời gian' },
						{ key: 'actor.username', label: 'Người thực hiện' },
						{ key: 'action', label: 'Hành động', values: AUDIT_ACTION_LABELS },
						{ key: 'entity', label: 'Đối tượng', values: AUDIT_ENTITY_LABELS },
						{ key: 'entity_id', label: 'Mã đối tượng' },
						{ key: 'unit.code', label: 'Mã đơn vị' },
						{ key: 'unit.structure', label: 'Cơ cấu', values: STRUCTURE_LABELS },
					],
				}} /> : null}
		</section>
	);
}
