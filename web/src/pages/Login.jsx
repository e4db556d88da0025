import { useState } from 'preact/hooks';
import { login } from '../api.js';
import { Alert, usePageTitle } from '../components/ui.jsx';

export function LoginPage({ onLoggedIn, notice }) {
	usePageTitle('Đăng nhập');
	const [username, setUsername] = useState('');
	const [password, setPassword] = useState('');
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);

	async function submit(e) {
		e.preventDefault();
		setError(null);
		if (!username.trim() || !password) {
			setError('Vui lòng nhập tên đăng nhập và mật khẩu.');
			return;
		}
		setBusy(true);
		try {
			const user = await login(username.trim(), password);
			onLoggedIn(user);
		} catch (err) {
			setError(err.message);
			setPassword('');
		} finally {
			setBusy(false);
		}
	}

	return (
		<main class="login-main">
			<section class="card login-card" aria-labelledby="login-title">
				<h1 id="login-title">Đăng nhập</h1>
				<p class="muted">Hệ thống thông tin công tác dân vận</p>
				{notice && !error ? <Alert kind="info" testid="login-notice">{notice}</Alert> : null}
				<Alert kind="error" testid="login-error">{error}</Alert>
				<form class="form-stack" onSubmit={submit} noValidate>
					<label class="field">
						<span class="field-label">Tên đăng nhập</span>
						<input
							class="input"
							name="username"
							autocomplete="username"
							autocapitalize="none"
							spellcheck={false}
							maxLength={64}
							value={username}
							data-testid="login-username"
							onInput={(e) => setUsername(e.currentTarget.value)}
							autofocus
						/>
					</label>
					<label class="field">
						<span class="field-label">Mật khẩu</span>
						<input
							class="input"
							type="password"
							name="password"
							autocomplete="current-password"
							maxLength={256}
							value={password}
							data-testid="login-password"
							onInput={(e) => setPassword(e.currentTarget.value)}
						/>
					</label>
					<button type="submit" class="btn btn-primary btn-block" disabled={busy} data-testid="login-submit">
						{busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
					</button>
				</form>
			</section>
			<section class="card login-card public-link-card" aria-labelledby="public-link-title">
				<h2 id="public-link-title">Dành cho công dân</h2>
				<p class="muted small">Không cần đăng nhập.</p>
				<a class="btn btn-block" href="#/cong-dan" data-testid="login-public-link">
					Gửi kiến nghị, phản ánh / Tra cứu đơn
				</a>
			</section>
		</main>
	);
}
