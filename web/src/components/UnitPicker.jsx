// Administrative unit picker: structure selector (2025 / 2024), a tree that
// loads children lazily, and a debounced accent-insensitive search.  Used on
// the units page and, through UnitField, in the user and organisation forms.
//
// Test ids (prefix = `testid`, default "unit"):
//   PREFIX-structure, PREFIX-search, PREFIX-results, PREFIX-result-CODE,
//   PREFIX-tree, PREFIX-node-CODE, PREFIX-toggle-CODE
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { STRUCTURES, formatNumber, levelLabel, structureShort } from '../format.js';
import { useDebounced } from './ui.jsx';
import { parentText, unitIndex } from '../unitIndex.js';

const SEARCH_LIMIT = 50;
const CHILD_LIMIT = 1000;

export function StructureSelect({ value, onChange, testid, id }) {
	return (
		<select
			id={id}
			class="input"
			value={String(value)}
			data-testid={testid}
			onChange={(e) => onChange(Number(e.currentTarget.value))}
		>
			{STRUCTURES.map((s) => (
				<option key={s.value} value={String(s.value)}>{s.label}</option>
			))}
		</select>
	);
}

function TreeNode({ unit, structure, depth, selected, onSelect, prefix, initiallyOpen = false }) {
	const [open, setOpen] = useState(false);
	const [children, setChildren] = useState(null);
	const [loading, setLoading] = useState(false);
	const [error, setError] = useState(null);
	const leaf = unit.level === 'commune';
	const isSel = selected && selected.code === unit.code && Number(selected.structure) === structure;

	// A lone root (a scoped user's own unit) starts open.
	useEffect(() => { if (initiallyOpen && !leaf) toggle(); }, []); // eslint-disable-line react-hooks/exhaustive-deps

	async function toggle() {
		if (leaf) return;
		const next = !open;
		setOpen(next);
		if (next && children === null && !loading) {
			setLoading(true);
			setError(null);
			try {
				const r = await api.get('/units', { structure, parent: unit.code, limit: CHILD_LIMIT });
				setChildren(r.items);
			} catch (e) {
				setError(e.message);
			} finally {
				setLoading(false);
			}
		}
	}

	return (
		<li
			class="tree-item"
			role="treeitem"
			aria-expanded={leaf ? undefined : String(open)}
			aria-selected={String(!!isSel)}
		>
			<div class={`tree-row${isSel ? ' is-selected' : ''}`}>
				{leaf ? (
					<span class="tree-toggle tree-leaf" aria-hidden="true">•</span>
				) : (
					<button
						type="button"
						class="tree-toggle"
						aria-label={open ? `Thu gọn ${unit.name}` : `Mở ${unit.name}`}
						data-testid={`${prefix}-toggle-${unit.code}`}
						onClick={toggle}
					>
						{open ? '▾' : '▸'}
					</button>
				)}
				<button
					type="button"
					class="tree-label"
					data-testid={`${prefix}-node-${unit.code}`}
					data-code={unit.code}
					onClick={() => onSelect({ ...unit, structure })}
					onDblClick={toggle}
				>
					<span class="tree-name">{unit.name}</span>
					<span class="tree-code">{unit.code}</span>
				</button>
			</div>
			{open ? (
				<div class="tree-children">
					{loading ? <p class="muted small tree-msg">Đang tải…</p> : null}
					{error ? <p class="text-error small tree-msg">{error}</p> : null}
					{children && children.length === 0 ? (
						<p class="muted small tree-msg">Không có đơn vị trực thuộc.</p>
					) : null}
					{children && children.length ? (
						<ul class="tree-list" role="group">
							{children.map((c) => (
								<TreeNode
									key={c.code}
									unit={c}
									structure={structure}
									depth={depth + 1}
									selected={selected}
									onSelect={onSelect}
									prefix={prefix}
								/>
							))}
						</ul>
					) : null}
				</div>
			) : null}
		</li>
	);
}

function UnitTree({ structure, selected, onSelect, prefix }) {
	const [roots, setRoots] = useState(null);
	const [error, setError] = useState(null);
	useEffect(() => {
		let live = true;
		setRoots(null);
		setError(null);
		api.get('/units', { structure, limit: CHILD_LIMIT }).then(
			(r) => { if (live) setRoots(r.items); },
			(e) => { if (live) setError(e.message); },
		);
		return () => { live = false; };
	}, [structure]);

	if (error) return <p class="text-error small">{error}</p>;
	if (!roots) return <p class="muted small">Đang tải danh sách đơn vị…</p>;
	if (!roots.length) {
		return (
			<p class="muted small" data-testid={`${prefix}-tree-empty`}>
				Không có đơn vị nào trong phạm vi của bạn ở {structureShort(structure)}.
			</p>
		);
	}
	return (
		<ul class="tree-list tree-root" role="tree" aria-label="Cây đơn vị hành chính" data-testid={`${prefix}-tree`}>
			{roots.map((u) => (
				<TreeNode
					key={u.code}
					unit={u}
					structure={structure}
					depth={0}
					selected={selected}
					onSelect={onSelect}
					prefix={prefix}
					initiallyOpen={roots.length === 1}
				/>
			))}
		</ul>
	);
}

function SearchResults({ structure, q, selected, onSelect, prefix }) {
	const [state, setState] = useState({ items: [], total: 0, loading: true, error: null });
	const [index, setIndex] = useState(null);
	const seq = useRef(0);

	useEffect(() => {
		let live = true;
		unitIndex(structure).then((m) => { if (live) setIndex(m); }, () => {});
		return () => { live = false; };
	}, [structure]);

	async function load(offset) {
		const my = ++seq.current;
		setState((s) => ({ ...s, loading: true, error: null, ...(offset === 0 ? { items: [], total: 0 } : {}) }));
		try {
			const r = await api.get('/units', { structure, q, limit: SEARCH_LIMIT, offset });
			if (my !== seq.current) return;
			setState((s) => ({
				items: offset === 0 ? r.items : [...s.items, ...r.items],
				total: r.total,
				loading: false,
				error: null,
			}));
		} catch (e) {
			if (my === seq.current) setState((s) => ({ ...s, loading: false, error: e.message }));
		}
	}

	useEffect(() => { load(0); }, [structure, q]); // eslint-disable-line react-hooks/exhaustive-deps

	const { items, total, loading, error } = state;
	return (
		<div class="unit-results-wrap">
			{error ? <p class="text-error small">{error}</p> : null}
			{!loading && !error && items.length === 0 ? (
				<p class="muted small" data-testid={`${prefix}-results-empty`}>Không tìm thấy đơn vị nào.</p>
			) : null}
			{items.length ? (
				<>
					<p class="muted small" aria-live="polite">
						Tìm thấy {formatNumber(total)} đơn vị
						{total > items.length ? `, đang hiển thị ${formatNumber(items.length)}` : ''}.
					</p>
					<ul class="unit-results" data-testid={`${prefix}-results`}>
						{items.map((u) => {
							const where = parentText(index, u);
							const isSel = selected && selected.code === u.code && Number(selected.structure) === structure;
							return (
								<li key={u.code}>
									<button
										type="button"
										class={`unit-result${isSel ? ' is-selected' : ''}`}
										data-testid={`${prefix}-result-${u.code}`}
										data-code={u.code}
										onClick={() => onSelect({ ...u, structure })}
									>
										<span class="unit-result-name">{u.name}</span>
										<span class="unit-result-meta">
											Mã {u.code} · {levelLabel(u.level)}
											{where ? <> · <span class="unit-result-where">{where}</span></> : null}
										</span>
									</button>
								</li>
							);
						})}
					</ul>
				</>
			) : null}
			{loading ? <p class="muted small">Đang tìm…</p> : null}
			{!loading && items.length < total ? (
				<button type="button" class="btn btn-small" onClick={() => load(items.length)}>
					Xem thêm
				</button>
			) : null}
		</div>
	);
}

/**
 * props: structure, onStructureChange(s), selected {structure, code}|null,
 *        onSelect(unit), testid (prefix), compact (smaller boxes for forms)
 */
export function UnitPicker({ structure, onStructureChange, selected, onSelect, testid = 'unit', compact = false }) {
	const [q, setQ] = useState('');
	const dq = useDebounced(q.trim(), 250);
	const searching = dq.length > 0;
	const idBase = `${testid}-picker`;

	return (
		<div class={`unit-picker${compact ? ' is-compact' : ''}`} data-testid={`${testid}-picker`}>
			<div class="unit-picker-controls">
				<label class="field">
					<span class="field-label">Cơ cấu đơn vị hành chính</span>
					<StructureSelect
						id={`${idBase}-structure`}
						value={structure}
						onChange={(s) => onStructureChange(s)}
						testid={`${testid}-structure`}
					/>
				</label>
				<label class="field">
					<span class="field-label">Tìm đơn vị</span>
					<input
						type="search"
						class="input"
						value={q}
						placeholder="Gõ tên hoặc mã, ví dụ: hoa binh"
						autocomplete="off"
						spellcheck={false}
						data-testid={`${testid}-search`}
						onInput={(e) => setQ(e.currentTarget.value)}
						onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }}
					/>
				</label>
			</div>
			<div class="unit-picker-body">
				{searching ? (
					<SearchResults
						structure={structure}
						q={dq}
						selected={selected}
						onSelect={onSelect}
						prefix={testid}
					/>
				) : (
					<UnitTree
						key={structure}
						structure={structure}
						selected={selected}
						onSelect={onSelect}
						prefix={testid}
					/>
				)}
			</div>
		</div>
	);
}

/** Text for a chosen unit: "Tỉnh Hoà Bình (mã 17, cơ cấu 2024)". */
export function unitText(u) {
	if (!u) return '';
	return `${u.name || ''} (mã ${u.code}, ${structureShort(u.structure)})`;
}

/**
 * A form field holding a unit {structure, code, name}: shows the choice and
 * opens a UnitPicker in place to change it.
 */
export function UnitField({
	label = 'Đơn vị', value, onChange, testid = 'unit-field', required = false,
	defaultStructure = 2025, error, clearable = true, hint,
}) {
	const [open, setOpen] = useState(false);
	const [structure, setStructure] = useState(value ? Number(value.structure) : defaultStructure);
	return (
		<div class={`field field-wide unit-field${error ? ' field-invalid' : ''}`} data-testid={testid}>
			<span class="field-label">
				{label}
				{required ? <span class="req" aria-hidden="true"> *</span> : null}
			</span>
			<div class="unit-field-value">
				<span class={value ? 'unit-field-chosen' : 'muted'} data-testid={`${testid}-value`}>
					{value ? unitText(value) : 'Chưa chọn đơn vị'}
				</span>
				<span class="unit-field-actions">
					<button
						type="button"
						class="btn btn-small"
						aria-expanded={String(open)}
						data-testid={`${testid}-open`}
						onClick={() => setOpen(!open)}
					>
						{open ? 'Đóng' : value ? 'Đổi đơn vị' : 'Chọn đơn vị'}
					</button>
					{clearable && value ? (
						<button
							type="button"
							class="btn btn-small btn-link"
							data-testid={`${testid}-clear`}
							onClick={() => onChange(null)}
						>
							Bỏ chọn
						</button>
					) : null}
				</span>
			</div>
			{hint && !error ? <span class="field-hint">{hint}</span> : null}
			{error ? <span class="field-error">{error}</span> : null}
			{open ? (
				<div class="unit-field-picker">
					<UnitPicker
						structure={structure}
						onStructureChange={setStructure}
						selected={value}
						testid={testid}
						compact
						onSelect={(u) => {
							onChange({ structure: u.structure, code: u.code, name: u.name, level: u.level });
							setOpen(false);
						}}
					/>
				</div>
			) : null}
		</div>
	);
}
