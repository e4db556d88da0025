import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { ORG_TYPES, ORG_TYPE_LABELS, STRUCTURE_LABELS, formatDateTime, isAdmin, orgTypeLabel, structureShort } from '../format.js';
import { Pager } from '../components/Pager.jsx';
import { UnitField, unitText } from '../components/UnitPicker.jsx';
import { Alert, ConfirmButton, Field, fieldError, useDebounced, useLoader, usePageTitle } from '../components/ui.jsx';

const LIMIT = 20;

function OrgForm({ org, user, onSaved, onCancel }) {
	const editing = !!org;
	const [name, setName] = useState(org ? org.name : '');
	const [type, setType] = useState(org ? org.type : '');
	const [unit, setUnit] = useState(org ? org.unit : user.unit || null);
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);

	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!name.trim()) return setError({ field: 'name', message: 'Vui lòng nhập tên tổ chức.' });
		if (!type) return setError({ field: 'type', message: 'Vui lòng chọn loại tổ chức.' });
		if (!editing && !unit) return setError({ field: 'unit', message: 'Vui lòng chọn đơn vị hành chính.' });
		setBusy(true);
		try {
			let r;
			if (editing) {
				r = await api.patch(`/organizations/${org.id}`, { name: name.trim(), type });
			} else {
				r = await api.post('/organizations', {
					name: name.trim(), type, unit: { structure: Number(unit.structure), code: unit.code },
				});
			}
			onSaved(r.organization, editing);
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
		}
	}

	const general = error && !['name', 'type', 'unit'].includes(error.field) ? error.message : null;
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="org-form">
			<h2>{editing ? 'Sửa tổ chức' : 'Thêm tổ chức'}</h2>
			<Alert kind="error" testid="org-form-error">{general}</Alert>
			<div class="form-grid">
				<Field label="Tên tổ chức" error={fieldError(error, 'name')} required wide>
					<input class="input" maxLength={200} value={name} data-testid="org-name"
						onInput={(e) => setName(e.currentTarget.value)} />
				</Field>
				<Field label="Loại tổ chức" error={fieldError(error, 'type')} required>
					<select class="input" value={type} data-testid="org-type" onChange={(e) => setType(e.currentTarget.value)}>
						<option value="">— Chọn loại —</option>
						{ORG_TYPES.map((t) => <option key={t} value={t}>{orgTypeLabel(t)}</option>)}
					</select>
				</Field>
				{editing ? (
					<div class="field field-wide">
						<span class="field-label">Đơn vị</span>
						<span>{unitText(org.unit)}</span>
					</div>
				) : (
					<UnitField
						label="Đơn vị hành chính"
						value={unit}
						onChange={setUnit}
						required
						clearable={false}
						testid="org-unit"
						defaultStructure={user.unit ? Number(user.unit.structure) : 2025}
						error={fieldError(error, 'unit')}
					/>
				)}
			</div>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="org-submit">
					{busy ? 'Đang lưu…' : editing ? 'Lưu thay đổi' : 'Thêm tổ chức'}
				</button>
				<button type="button" class="btn" onClick={onCancel} data-testid="org-cancel">Huỷ</button>
			</div>
		</form>
	);
}

export function OrganizationsPage({ user }) {
	usePageTitle('Tổ chức');
	const canWrite = isAdmin(user);
	const [unit, setUnit] = useState(null);
	const [type, setType] = useState('');
	const [q, setQ] = useState('');
	const dq = useDebounced(q.trim(), 300);
	const [offset, setOffset] = useState(0);
	const [form, setForm] = useState(null); // null | 'new' | organisation being edited
	const [message, setMessage] = useState(null);
	const [actionError, setActionError] = useState(null);

	const params = {
		structure: unit ? unit.structure : undefined,
		unit: unit ? unit.code : undefined,
		type,
		q: dq,
	};
	const list = useLoader(() => api.get('/organizations', { ...params, limit: LIMIT, offset }), [unit && unit.structure, unit && unit.code, type, dq, offset]);

	const resetPage = (fn) => (v) => { fn(v); setOffset(0); };

	async function remove(org) {
		setActionError(null);
		setMessage(null);
		try {
			await api.del(`/organizations/${org.id}`);
			setMessage(`Đã xoá tổ chức “${org.name}”.`);
			if (form && form !== 'new' && form.id === org.id) setForm(null);
			if (list.data && list.data.items.length === 1 && offset > 0) setOffset(Math.max(0, offset - LIMIT));
			else list.reload();
		} catch (err) {
			setActionError(err.message);
		}
	}

	const data = list.data;
	return (
		<section class="page">
			<div class="page-head">
				<h1>Tổ chức</h1>
				{canWrite && form !== 'new' ? (
					<button type="button" class="btn btn-primary" data-testid="org-new-button"
						onClick={() => { setForm('new'); setMessage(null); }}>
						+ Thêm tổ chức
					</button>
				) : null}
			</div>

			{form ? (
				<OrgForm
					key={form === 'new' ? 'new' : form.id}
					org={form === 'new' ? null : form}
					user={user}
					onCancel={() => setForm(null)}
					onSaved={(o, edited) => {
						setForm(null);
						setMessage(edited ? `Đã lưu tổ chức “${o.name}”.` : `Đã thêm tổ chức “${o.name}”.`);
						list.reload();
					}}
				/>
			) : null}

			<Alert kind="success" testid="org-message">{message}</Alert>
			<Alert kind="error" testid="org-error">{actionError}</Alert>

			<div class="card filters" data-testid="org-filters">
				<UnitField
					label="Lọc theo đơn vị (gồm cả đơn vị trực thuộc)"
					value={unit}
					onChange={resetPage(setUnit)}
					testid="org-filter-unit"
					defaultStructure={user.unit ? Number(user.unit.structure) : 2025}
				/>
				<Field label="Loại tổ chức">
					<select class="input" value={type} data-testid="org-filter-type"
						onChange={(e) => resetPage(setType)(e.currentTarget.value)}>
						<option value="">Tất cả</option>
						{ORG_TYPES.map((t) => <option key={t} value={t}>{orgTypeLabel(t)}</option>)}
					</select>
				</Field>
				<Field label="Tìm theo tên">
					<input class="input" type="search" value={q} placeholder="Tên tổ chức" data-testid="org-filter-q"
						onInput={(e) => resetPage(setQ)(e.currentTarget.value)} />
				</Field>
			</div>

			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách tổ chức">
				<table class="table" data-testid="org-table">
					<thead>
						<tr>
							<th>Tên tổ chức</th>
							<th>Loại</th>
							<th>Đơn vị</th>
							<th>Cập nhật</th>
							{canWrite ? <th class="col-actions">Thao tác</th> : null}
						</tr>
					</thead>
					<tbody>
						{data && data.items.map((o) => (
							<tr key={o.id} data-testid={`org-row-${o.id}`}>
								<td>{o.name}</td>
								<td>{orgTypeLabel(o.type)}</td>
								<td>
									{o.unit ? o.unit.name : ''}
									{o.unit ? <span class="muted small block">mã {o.unit.code}, {structureShort(o.unit.structure)}</span> : null}
								</td>
								<td class="nowrap">{formatDateTime(o.updated_at || o.created_at)}</td>
								{canWrite ? (
									<td class="col-actions">
										<button type="button" class="btn btn-small" data-testid={`org-edit-${o.id}`}
											onClick={() => { setForm(o); setMessage(null); window.scrollTo(0, 0); }}>
											Sửa
										</button>
										<ConfirmButton
											label="Xoá"
											question="Xoá tổ chức này?"
											confirmLabel="Xoá"
											testid={`org-delete-${o.id}`}
											onConfirm={() => remove(o)}
										/>
									</td>
								) : null}
							</tr>
						))}
						{data && data.items.length === 0 ? (
							<tr><td colSpan={canWrite ? 5 : 4} class="empty">Không có tổ chức nào.</td></tr>
						) : null}
						{!data && list.loading ? (
							<tr><td colSpan={canWrite ? 5 : 4} class="empty">Đang tải…</td></tr>
						) : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} testid="org-pager" noun="tổ chức"
				exportSpec={{
					path: '/organizations', query: params, title: 'Danh sách tổ chức', filename: 'to-chuc',
					columns: [
						{ key: 'name', label: 'Tên tổ chức' },
						{ key: 'type', label: 'Loại', values: ORG_TYPE_LABELS },
						{ key: 'unit.name', label: 'Đơn vị' },
						{ key: 'unit.code', label: 'Mã đơn vị' },
						{ key: 'unit.structure', label: 'Cơ cấu', values: STRUCTURE_LABELS },
						{ key: 'created_at', label: 'Ngày tạo' },
						{ key: 'updated_at', label: 'Cập nhật' },
					],
				}} /> : null}
		</section>
	);
}
