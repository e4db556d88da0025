import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { ROLES, ROLE_LABELS, STRUCTURE_LABELS, formatDateTime, roleLabel, structureShort } from '../format.js';
import { Pager } from '../components/Pager.jsx';
import { UnitField } from '../components/UnitPicker.jsx';
import { Alert, Field, fieldError, useDebounced, useLoader, usePageTitle } from '../components/ui.jsx';

const LIMIT = 20;
const USERNAME_RE = /^[a-z0-9._-]{3,64}$/;

function rolesFor(user) {
	return user.role === 'sysadmin' ? ROLES : ROLES.filter((r) => r !== 'sysadmin');
}

function sameUnit(a, b) {
	if (!a || !b) return !a && !b;
	return Number(a.structure) === Number(b.structure) && a.code === b.code;
}

function UserForm({ target, user, onSaved, onCancel }) {
	const editing = !!target;
	const [username, setUsername] = useState(target ? target.username : '');
	const [fullName, setFullName] = useState(target ? target.full_name : '');
	const [password, setPassword] = useState('');
	const [role, setRole] = useState(target ? target.role : 'officer');
	const [unit, setUnit] = useState(target ? target.unit : user.unit || null);
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const needsUnit = role !== 'sysadmin';

	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!editing) {
			if (!USERNAME_RE.test(username)) {
				return setError({ field: 'username', message: 'Tên đăng nhập dài 3–64 ký tự, chỉ gồm chữ thường không dấu, chữ số và . _ -' });
			}
			if (password.length < 8) {
				return setError({ field: 'password', message: 'Mật khẩu phải có ít nhất 8 ký tự.' });
			}
		}
		if (!fullName.trim()) return setError({ field: 'full_name', message: 'Vui lòng nhập họ và tên.' });
		if (needsUnit && !unit) return setError({ field: 'unit', message: 'Vui lòng chọn đơn vị phụ trách.' });
		const unitRef = needsUnit && unit ? { structure: Number(unit.structure), code: unit.code } : undefined;
		setBusy(true);
		try {
			let r;
			if (editing) {
				const body = {};
				if (fullName.trim() !== target.full_name) body.full_name = fullName.trim();
				if (role !== target.role) body.role = role;
				if (unitRef && !sameUnit(unitRef, target.unit)) body.unit = unitRef;
				r = Object.keys(body).length ? await api.patch(`/users/${target.id}`, body) : { user: target };
			} else {
				const body = { username, full_name: fullName.trim(), password, role };
				if (unitRef) body.unit = unitRef;
				r = await api.post('/users', body);
			}
			onSaved(r.user, editing);
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
		}
	}

	const general = error && !['username', 'full_name', 'password', 'role', 'unit'].includes(error.field) ? error.message : null;
	return (
		<form class="card form-card" onSubmit={submit} noValidate data-testid="user-form">
			<h2>{editing ? `Sửa người dùng ${target.username}` : 'Thêm người dùng'}</h2>
			<Alert kind="error" testid="user-form-error">{general}</Alert>
			<div class="form-grid">
				{editing ? null : (
					<Field label="Tên đăng nhập" hint="3–64 ký tự: a-z, 0-9, dấu chấm, gạch dưới, gạch ngang."
						error={fieldError(error, 'username')} required>
						<input class="input" maxLength={64} autocomplete="off" autocapitalize="none" spellcheck={false}
							value={username} data-testid="user-username"
							onInput={(e) => setUsername(e.currentTarget.value)} />
					</Field>
				)}
				<Field label="Họ và tên" error={fieldError(error, 'full_name')} required>
					<input class="input" maxLength={200} value={fullName} data-testid="user-fullname"
						onInput={(e) => setFullName(e.currentTarget.value)} />
				</Field>
				{editing ? null : (
					<Field label="Mật khẩu" hint="Từ 8 ký tự trở lên." error={fieldError(error, 'password')} required>
						<input class="input" type="password" autocomplete="new-password" maxLength={256}
							value={password} data-testid="user-password"
							onInput={(e) => setPassword(e.currentTarget.value)} />
					</Field>
				)}
				<Field label="Vai trò" error={fieldError(error, 'role')} required>
					<select class="input" value={role} data-testid="user-role" onChange={(e) => setRole(e.currentTarget.value)}>
						{rolesFor(user).map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
					</select>
				</Field>
				{needsUnit ? (
					<UnitField
						label="Đơn vị phụ trách (phạm vi)"
						value={unit}
						onChange={setUnit}
						required
						clearable={false}
						testid="user-unit"
						defaultStructure={user.unit ? Number(user.unit.structure) : 2025}
						hint="Người dùng chỉ thấy và thao tác trên dữ liệu của đơn vị này và các đơn vị trực thuộc."
						error={fieldError(error, 'unit')}
					/>
				) : (
					<p class="field-wide muted small">Quản trị hệ thống có phạm vi toàn quốc, không gắn với đơn vị.</p>
				)}
			</div>
			<div class="form-actions">
				<button type="submit" class="btn btn-primary" disabled={busy} data-testid="user-submit">
					{busy ? 'Đang lưu…' : editing ? 'Lưu thay đổi' : 'Tạo người dùng'}
				</button>
				<button type="button" class="btn" onClick={onCancel} data-testid="user-cancel">Huỷ</button>
			</div>
		</form>
	);
}

function ResetPassword({ target, onDone, onCancel }) {
	const [pw, setPw] = useState('');
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (pw.length < 8) return setError('Mật khẩu phải có ít nhất 8 ký tự.');
		setBusy(true);
		try {
			await api.patch(`/users/${target.id}`, { password: pw });
			onDone();
		} catch (err) {
			setError(err.message);
		} finally {
			setBusy(false);
		}
	}
	return (
		<form class="inline-form" onSubmit={submit} noValidate data-testid={`user-reset-form-${target.id}`}>
			<label class="field">
				<span class="field-label">Mật khẩu mới cho {target.username}</span>
				<input class="input" type="password" autocomplete="new-password" maxLength={256} value={pw}
					data-testid="user-reset-password" onInput={(e) => setPw(e.currentTarget.value)} />
			</label>
			<button type="submit" class="btn btn-primary btn-small" disabled={busy} data-testid="user-reset-submit">Lưu</button>
			<button type="button" class="btn btn-small" onClick={onCancel}>Huỷ</button>
			{error ? <span class="field-error block">{error}</span> : null}
		</form>
	);
}

export function UsersPage({ user }) {
	usePageTitle('Người dùng');
	const [q, setQ] = useState('');
	const dq = useDebounced(q.trim(), 300);
	const [role, setRole] = useState('');
	const [offset, setOffset] = useState(0);
	const [form, setForm] = useState(null); // null | 'new' | user being edited
	const [resetFor, setResetFor] = useState(null);
	const [message, setMessage] = useState(null);
	const [actionError, setActionError] = useState(null);

	const list = useLoader(() => api.get('/users', { q: dq, role, limit: LIMIT, offset }), [dq, role, offset]);

	async function toggleDisabled(u) {
		setMessage(null);
		setActionError(null);
		try {
			const r = await api.patch(`/users/${u.id}`, { disabled: !u.disabled });
			setMessage(r.user.disabled ? `Đã khoá tài khoản ${u.username}.` : `Đã mở khoá tài khoản ${u.username}.`);
			list.reload();
		} catch (err) {
			setActionError(err.message);
		}
	}

	const data = list.data;
	const cols = 7;
	return (
		<section class="page">
			<div class="page-head">
				<h1>Người dùng</h1>
				{form !== 'new' ? (
					<button type="button" class="btn btn-primary" data-testid="user-new-button"
						onClick={() => { setForm('new'); setMessage(null); }}>
						+ Thêm người dùng
					</button>
				) : null}
			</div>

			{form ? (
				<UserForm
					key={form === 'new' ? 'new' : form.id}
					target={form === 'new' ? null : form}
					user={user}
					onCancel={() => setForm(null)}
					onSaved={(u, edited) => {
						setForm(null);
						setMessage(edited ? `Đã lưu người dùng ${u.username}.` : `Đã tạo người dùng ${u.username}.`);
						list.reload();
					}}
				/>
			) : null}

			<Alert kind="success" testid="user-message">{message}</Alert>
			<Alert kind="error" testid="user-error">{actionError}</Alert>

			<div class="card filters">
				<Field label="Tìm người dùng">
					<input class="input" type="search" value={q} placeholder="Tên đăng nhập hoặc họ tên"
						data-testid="user-filter-q" onInput={(e) => { setQ(e.currentTarget.value); setOffset(0); }} />
				</Field>
				<Field label="Vai trò">
					<select class="input" value={role} data-testid="user-filter-role"
						onChange={(e) => { setRole(e.currentTarget.value); setOffset(0); }}>
						<option value="">Tất cả</option>
						{ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
					</select>
				</Field>
			</div>

			{list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
			<div class="table-wrap" tabIndex={0} aria-label="Danh sách người dùng">
				<table class="table" data-testid="user-table">
					<thead>
						<tr>
							<th>Tên đăng nhập</th>
							<th>Họ và tên</th>
							<th>Vai trò</th>
							<th>Đơn vị</th>
							<th>Trạng thái</th>
							<th>Ngày tạo</th>
							<th class="col-actions">Thao tác</th>
						</tr>
					</thead>
					<tbody>
						{data && data.items.map((u) => (
							<Fragment key={u.id}>
								<tr data-testid={`user-row-${u.username}`} class={u.disabled ? 'is-disabled' : ''}>
									<td class="mono">{u.username}</td>
									<td>{u.full_name}</td>
									<td>{roleLabel(u.role)}</td>
									<td>
										{u.unit ? u.unit.name : <span class="muted">Toàn quốc</span>}
										{u.unit ? <span class="muted small block">mã {u.unit.code}, {structureShort(u.unit.structure)}</span> : null}
									</td>
									<td>
										{u.disabled
											? <span class="badge badge-off">Đã khoá</span>
											: <span class="badge badge-on">Đang hoạt động</span>}
									</td>
									<td class="nowrap">{formatDateTime(u.created_at)}</td>
									<td class="col-actions">
										<button type="button" class="btn btn-small" data-testid={`user-edit-${u.username}`}
											onClick={() => { setForm(u); setMessage(null); window.scrollTo(0, 0); }}>
											Sửa
										</button>
										{u.id !== user.id ? (
											<button type="button" class="btn btn-small" data-testid={`user-toggle-${u.username}`}
												onClick={() => toggleDisabled(u)}>
												{u.disabled ? 'Mở khoá' : 'Khoá'}
											</button>
										) : null}
										<button type="button" class="btn btn-small" data-testid={`user-reset-${u.username}`}
											onClick={() => { setResetFor(resetFor === u.id ? null : u.id); setMessage(null); }}>
											Đặt lại mật khẩu
										</button>
									</td>
								</tr>
								{resetFor === u.id ? (
									<tr class="row-extra">
										<td colSpan={cols}>
											<ResetPassword
												target={u}
												onCancel={() => setResetFor(null)}
												onDone={() => { setResetFor(null); setMessage(`Đã đặt lại mật khẩu cho ${u.username}.`); }}
											/>
										</td>
									</tr>
								) : null}
							</Fragment>
						))}
						{data && data.items.length === 0 ? (
							<tr><td colSpan={cols} class="empty">Không có người dùng nào.</td></tr>
						) : null}
						{!data && list.loading ? <tr><td colSpan={cols} class="empty">Đang tải…</td></tr> : null}
					</tbody>
				</table>
			</div>
			{data ? <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} testid="user-pager" noun="người dùng"
				exportSpec={{
					path: '/users', query: { q: dq, role }, title: 'Danh sách người dùng', filename: 'nguoi-dung',
					columns: [
						{ key: 'username', label: 'Tên đăng nhập' },
						{ key: 'full_name', label: 'Họ và tên' },
						{ key: 'role', label: 'Vai trò', values: ROLE_LABELS },
						{ key: 'unit.name', label: 'Đơn vị' },
						{ key: 'unit.code', label: 'Mã đơn vị' },
						{ key: 'unit.structure', label: 'Cơ cấu', values: STRUCTURE_LABELS },
						{ key: 'disabled', label: 'Đã khoá' },
						{ key: 'created_at', label: 'Ngày tạo' },
					],
				}} /> : null}
		</section>
	);
}
