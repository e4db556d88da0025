import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatDateTime, roleLabel, structureShort } from '../format.js';
import { Alert, Field, fieldError, usePageTitle } from '../components/ui.jsx';

export function AccountPage({ user }) {
	usePageTitle('Tài khoản');
	const [oldPw, setOldPw] = useState('');
	const [newPw, setNewPw] = useState('');
	const [repeat, setRepeat] = useState('');
	const [error, setError] = useState(null);
	const [ok, setOk] = useState(null);
	const [busy, setBusy] = useState(false);

	async function submit(e) {
		e.preventDefault();
		setError(null);
		setOk(null);
		if (!oldPw) {
			setError({ field: 'old_password', message: 'Vui lòng nhập mật khẩu hiện tại.' });
			return;
		}
		if (newPw.length < 8) {
			setError({ field: 'new_password', message: 'Mật khẩu mới phải có ít nhất 8 ký tự.' });
			return;
		}
		if (newPw !== repeat) {
			setError({ field: 'repeat', message: 'Mật khẩu nhập lại không khớp.' });
			return;
		}
		setBusy(true);
		try {
			await api.post('/me/password', { old_password: oldPw, new_password: newPw });
			setOk('Đã đổi mật khẩu thành công. Các phiên đăng nhập khác của bạn đã kết thúc.');
			setOldPw('');
			setNewPw('');
			setRepeat('');
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
		}
	}

	const generalError = error && !['old_password', 'new_password', 'repeat'].includes(error.field) ? error.message : null;

	return (
		<section class="page">
			<h1>Tài khoản</h1>
			<div class="grid-2">
				<div class="card">
					<h2>Thông tin tài khoản</h2>
					<dl class="deflist" data-testid="account-info">
						<dt>Họ và tên</dt><dd>{user.full_name}</dd>
						<dt>Tên đăng nhập</dt><dd>{user.username}</dd>
						<dt>Vai trò</dt><dd>{roleLabel(user.role)}</dd>
						<dt>Đơn vị</dt>
						<dd>{user.unit ? `${user.unit.name} (mã ${user.unit.code}, ${structureShort(user.unit.structure)})` : 'Toàn quốc'}</dd>
						<dt>Ngày tạo</dt><dd>{formatDateTime(user.created_at)}</dd>
					</dl>
				</div>
				<div class="card">
					<h2>Đổi mật khẩu</h2>
					<Alert kind="success" testid="password-ok">{ok}</Alert>
					<Alert kind="error" testid="password-error">{generalError}</Alert>
					<form class="form-stack" onSubmit={submit} noValidate>
						{/* lets password managers know whose password this is */}
						<input type="text" name="username" autocomplete="username" value={user.username} readOnly hidden />
						<Field label="Mật khẩu hiện tại" error={fieldError(error, 'old_password')} required>
							<input class="input" type="password" autocomplete="current-password" maxLength={256}
								value={oldPw} data-testid="password-old" onInput={(e) => setOldPw(e.currentTarget.value)} />
						</Field>
						<Field label="Mật khẩu mới" hint="Từ 8 ký tự trở lên." error={fieldError(error, 'new_password')} required>
							<input class="input" type="password" autocomplete="new-password" maxLength={256}
								value={newPw} data-testid="password-new" onInput={(e) => setNewPw(e.currentTarget.value)} />
						</Field>
						<Field label="Nhập lại mật khẩu mới" error={fieldError(error, 'repeat')} required>
							<input class="input" type="password" autocomplete="new-password" maxLength={256}
								value={repeat} data-testid="password-repeat" onInput={(e) => setRepeat(e.currentTarget.value)} />
						</Field>
						<div class="form-actions">
							<button type="submit" class="btn btn-primary" disabled={busy} data-testid="password-submit">
								{busy ? 'Đang lưu…' : 'Đổi mật khẩu'}
							</button>
						</div>
					</form>
				</div>
			</div>
		</section>
	);
}
