import { useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatNumber, levelLabel, structureShort } from '../format.js';
import { UnitPicker } from '../components/UnitPicker.jsx';
import { Alert, useLoader, usePageTitle } from '../components/ui.jsx';

const TYPE_LABELS = { full: 'toàn bộ', partial: 'một phần' };

function MappingList({ items, structure, onOpen, testid }) {
	return (
		<ul class="mapping-list" data-testid={testid}>
			{items.map((m) => (
				<li key={`${m.code}-${m.type}`}>
					<button type="button" class="btn-link" onClick={() => onOpen({ ...m, structure })}>
						{m.name}
					</button>
					<span class="muted small"> · mã {m.code} · {levelLabel(m.level)}</span>
					<span class={`badge badge-${m.type}`}>{TYPE_LABELS[m.type] || m.type}</span>
				</li>
			))}
		</ul>
	);
}

function UnitDetail({ sel, user, onOpen }) {
	const { data, error, loading } = useLoader(
		() => api.get(`/units/${encodeURIComponent(sel.code)}`, { structure: sel.structure }),
		[sel.code, sel.structure],
	);
	if (error) return <Alert kind="error" testid="unit-detail-error">{error.message}</Alert>;
	if (!data) return <p class="muted">{loading ? 'Đang tải…' : ''}</p>;

	const { unit, ancestors = [], children_count: childrenCount, successors = [], predecessors = [] } = data;
	const structure = Number(data.structure || sel.structure);
	// Ancestors above a scoped user's own unit are outside the scope: shown, not opened.
	const scopeIdx = user.unit && Number(user.unit.structure) === structure
		? ancestors.findIndex((a) => a.code === user.unit.code) : -1;
	const canOpen = (i) => !user.unit || (scopeIdx >= 0 && i >= scopeIdx);

	return (
		<div data-testid="unit-detail">
			<nav class="breadcrumb" aria-label="Cấp trên" data-testid="unit-breadcrumb">
				<ol>
					{ancestors.map((a, i) => (
						<li key={a.code}>
							{canOpen(i) ? (
								<button type="button" class="btn-link" onClick={() => onOpen({ ...a, structure })}>{a.name}</button>
							) : (
								<span>{a.name}</span>
							)}
						</li>
					))}
					<li aria-current="page"><strong>{unit.name}</strong></li>
				</ol>
			</nav>
			<h2 data-testid="unit-detail-name">{unit.name}</h2>
			<dl class="deflist">
				<dt>Mã đơn vị</dt><dd data-testid="unit-detail-code">{unit.code}</dd>
				<dt>Cấp</dt><dd>{levelLabel(unit.level)}</dd>
				<dt>Cơ cấu</dt><dd>{structure === 2024 ? 'Cơ cấu 3 cấp (trước 01/7/2025)' : 'Cơ cấu 2 cấp (từ 01/7/2025)'}</dd>
				<dt>Số đơn vị trực thuộc</dt><dd data-testid="unit-detail-children">{formatNumber(childrenCount || 0)}</dd>
			</dl>
			{structure === 2024 ? (
				<div class="mapping">
					<h3>Sau sắp xếp (từ 01/7/2025) thành</h3>
					{successors.length ? (
						<MappingList items={successors} structure={2025} onOpen={onOpen} testid="unit-successors" />
					) : (
						<p class="muted small">Không có thông tin sắp xếp cho đơn vị này.</p>
					)}
				</div>
			) : (
				<div class="mapping">
					<h3>Hình thành từ (trước 01/7/2025)</h3>
					{predecessors.length ? (
						<MappingList items={predecessors} structure={2024} onOpen={onOpen} testid="unit-predecessors" />
					) : (
						<p class="muted small">Không có thông tin về đơn vị trước sắp xếp.</p>
					)}
				</div>
			)}
		</div>
	);
}

export function UnitsPage({ user }) {
	usePageTitle('Đơn vị hành chính');
	const [structure, setStructure] = useState(user.unit ? Number(user.unit.structure) : 2025);
	const [selected, setSelected] = useState(null);
	const detailRef = useRef(null);

	function open(u) {
		const s = Number(u.structure);
		if (s !== structure) setStructure(s);
		setSelected({ structure: s, code: u.code, name: u.name });
		// One column (phone, narrow window): bring the detail into view.
		if (detailRef.current && window.matchMedia('(max-width: 1100px)').matches) {
			detailRef.current.scrollIntoView({ block: 'start', behavior: 'smooth' });
		}
	}

	return (
		<section class="page">
			<h1>Đơn vị hành chính</h1>
			<p class="muted">
				Tra cứu đơn vị hành chính theo cơ cấu 2 cấp (tỉnh – xã, từ 01/7/2025) hoặc cơ cấu 3 cấp
				(tỉnh – huyện – xã, trước 01/7/2025). Bấm ▸ để mở các đơn vị trực thuộc, bấm tên để xem chi tiết.
			</p>
			<div class="split">
				<div class="card split-side">
					<UnitPicker
						structure={structure}
						onStructureChange={(s) => { setStructure(s); }}
						selected={selected}
						onSelect={open}
						testid="unit"
					/>
				</div>
				<div class="card split-main" aria-live="polite" ref={detailRef}>
					{selected ? (
						<UnitDetail key={`${selected.structure}-${selected.code}`} sel={selected} user={user} onOpen={open} />
					) : (
						<p class="muted" data-testid="unit-detail-empty">Chọn một đơn vị ở cây hoặc kết quả tìm kiếm để xem chi tiết.</p>
					)}
				</div>
			</div>
		</section>
	);
}
