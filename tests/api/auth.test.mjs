// Health, login/logout, sessions, throttling, password change, disabled users, session expiry.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	ADMIN_PASSWORD, ADMIN_USERNAME, assertError, assertNoSecrets, assertOk, client, childrenOf,
	login, makeUser, setup, sleep, startServer,
} from './fixtures.mjs';
import { request } from '../lib/server.mjs';

describe('health and login', () => {
	let srv; let admin;
	before(async () => { ({ srv, admin } = await setup()); });
	after(async () => { await srv?.stop(); });

	it('GET /health answers {"status":"ok"} without login', async () => {
		const r = await request(srv.url, 'GET', '/health');
		assert.equal(r.status, 200);
		assert.match(r.headers.get('content-type') || '', /^application\/json/);
		assert.deepEqual(r.body, { status: 'ok' });
	});

	it('login sets danvan_session HttpOnly, SameSite=Strict, Path=/ and returns user + csrf_token', async () => {
		const s = await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD);
		assert.equal(s.res.status, 200, s.res.text);
		const sc = s.res.setCookies.find((c) => /^\s*danvan_session=/.test(c));
		assert.ok(sc, `Set-Cookie danvan_session missing: ${JSON.stringify(s.res.setCookies)}`);
		const attrs = sc.split(';').map((x) => x.trim().toLowerCase());
		assert.ok(attrs.includes('httponly'), `HttpOnly missing: ${sc}`);
		assert.ok(attrs.includes('samesite=strict'), `SameSite=Strict missing: ${sc}`);
		assert.ok(attrs.includes('path=/'), `Path=/ missing: ${sc}`);
		assert.ok(s.cookie && s.cookie.length > 'danvan_session='.length + 15, 'session id is long');
		assert.equal(typeof s.csrf, 'string');
		assert.ok(s.csrf.length >= 16, 'csrf token is long enough');
		assert.equal(s.user.username, ADMIN_USERNAME);
		assert.equal(s.user.role, 'sysadmin');
		assert.equal(s.user.unit, null);
		assert.equal(s.user.disabled, false);
		assert.equal(s.user.full_name, 'Quản trị hệ thống');
		assert.equal(typeof s.user.id, 'number');
		assertNoSecrets(s.res, [ADMIN_PASSWORD]);
	});

	it('two logins give two different sessions', async () => {
		const a = await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD);
		const b = await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD);
		assert.notEqual(a.cookie, b.cookie);
	});

	it('the username is not case-sensitive at login', async () => {
		const s = await login(srv.url, ADMIN_USERNAME.toUpperCase(), ADMIN_PASSWORD);
		assert.equal(s.res.status, 200, s.res.text);
		assert.equal(s.user.username, ADMIN_USERNAME);
	});

	it('GET /me returns the user and a csrf_token that works', async () => {
		const s = await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD);
		const api = client(srv.url, s);
		const r = await api.get('/me');
		assertOk(r);
		assert.equal(r.body.user.username, ADMIN_USERNAME);
		assert.equal(r.body.user.id, s.user.id);
		assert.equal(typeof r.body.csrf_token, 'string');
		assert.ok(r.body.csrf_token.length >= 16);
		assertNoSecrets(r, [ADMIN_PASSWORD]);
		// Both the login token and the /me token are accepted for writes.
		const prov = await api.get('/units?structure=2025&level=province&limit=1');
		const unit = { structure: 2025, code: prov.body.items[0].code };
		const w1 = await api.post('/organizations', { name: 'Tổ chức thử token đăng nhập', type: 'agency', unit });
		assertOk(w1, 201);
		const w2 = await api.post('/organizations', { name: 'Tổ chức thử token /me', type: 'agency', unit },
			{ csrf: r.body.csrf_token });
		assertOk(w2, 201);
	});

	it('GET /me without a cookie or with a bogus cookie → 401 unauthenticated', async () => {
		assertError(await request(srv.url, 'GET', '/me'), 401, 'unauthenticated');
		assertError(await request(srv.url, 'GET', '/me', { cookie: 'danvan_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
			401, 'unauthenticated');
		assertError(await request(srv.url, 'GET', '/units'), 401, 'unauthenticated');
		assertError(await request(srv.url, 'GET', '/organizations'), 401, 'unauthenticated');
		assertError(await request(srv.url, 'GET', '/users'), 401, 'unauthenticated');
		assertError(await request(srv.url, 'GET', '/audit'), 401, 'unauthenticated');
	});

	it('logout ends the session, clears the cookie; the old cookie → 401', async () => {
		const s = await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD);
		const api = client(srv.url, s);
		assertOk(await api.get('/me'));
		const r = await api.post('/auth/logout');
		assertOk(r);
		assert.deepEqual(r.body, { status: 'ok' });
		const sc = (r.headers.getSetCookie ? r.headers.getSetCookie() : [r.headers.get('set-cookie') || ''])
			.find((c) => /^\s*danvan_session=/.test(c));
		assert.ok(sc, 'logout sends a Set-Cookie for danvan_session');
		assert.ok(/^\s*danvan_session=\s*(;|$)/.test(sc) || /max-age=0/i.test(sc) || /expires=[^;]*19[0-9]{2}/i.test(sc),
			`logout clears the cookie: ${sc}`);
		assertError(await api.get('/me'), 401, 'unauthenticated');
		// The other session of admin is untouched.
		assertOk(await admin.get('/me'));
	});

	it('logout without a session → 401', async () => {
		const r = await request(srv.url, 'POST', '/auth/logout', { body: {}, csrf: 'x'.repeat(32) });
		// No session: 401 (or 403 csrf_failed, as there is no token to match).
		if (r.status === 403) assertError(r, 403, 'csrf_failed');
		else assertError(r, 401, 'unauthenticated');
	});

	it('wrong password → 401 bad_credentials; unknown user → 401 bad_credentials', async () => {
		const s = await login(srv.url, ADMIN_USERNAME, 'wrong-password');
		assertError(s.res, 401, 'bad_credentials');
		assert.equal(s.cookie, null);
		assert.ok(!s.res.setCookies.some((c) => /^\s*danvan_session=[^;]+/.test(c)), 'no session cookie on failure');
		assertError((await login(srv.url, 'no-such-user', 'whatever-pass')).res, 401, 'bad_credentials');
	});

	it('login validates its body', async () => {
		assertError(await request(srv.url, 'POST', '/auth/login', { body: { username: 'admin' } }), 400, 'missing_field', 'password');
		assertError(await request(srv.url, 'POST', '/auth/login', { body: { password: 'x' } }), 400, 'missing_field', 'username');
		assertError(await request(srv.url, 'POST', '/auth/login',
			{ body: { username: 'admin', password: 'x', remember: true } }), 400, 'unknown_field', 'remember');
		assertError(await request(srv.url, 'POST', '/auth/login',
			{ body: { username: 'a'.repeat(65), password: 'x' } }), 400, 'too_long', 'username');
		assertError(await request(srv.url, 'POST', '/auth/login',
			{ body: { username: 'admin', password: 'x'.repeat(257) } }), 400, 'too_long', 'password');
		assertError(await request(srv.url, 'POST', '/auth/login',
			{ body: { username: 5, password: 'x' } }), 400, 'invalid_field', 'username');
	});

	it('5 failures for one username → 429 too_many_attempts with Retry-After, even with the right password', async () => {
		const sysname = 'throttle.me';
		const pw = 'throttle-password-1';
		assertOk(await admin.post('/users', { username: sysname, full_name: 'Thử khóa', password: pw, role: 'sysadmin' }), 201);
		for (let i = 1; i <= 5; i++) {
			const r = await login(srv.url, sysname, `wrong-${i}-password`);
			assertError(r.res, 401, 'bad_credentials');
		}
		const r = await login(srv.url, sysname, pw);
		assertError(r.res, 429, 'too_many_attempts');
		assert.equal(r.cookie, null);
		const ra = r.res.headers.get('retry-after');
		assert.match(ra || '', /^\d+$/, `Retry-After in seconds, got ${ra}`);
		assert.ok(Number(ra) > 0 && Number(ra) <= 15 * 60, `Retry-After ${ra} within 15 minutes`);
		// Other usernames are not locked.
		assertOk((await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD)).res);
	});
});

describe('password change and disabled users', () => {
	let srv; let admin; let unit;
	before(async () => {
		({ srv, admin } = await setup());
		[unit] = await childrenOf(admin, '25', { n: 1 });
	});
	after(async () => { await srv?.stop(); });

	it('POST /me/password: validation, then new password works, old does not, other sessions end', async () => {
		const u = await makeUser(srv.url, admin, { role: 'officer', unit: { structure: 2025, code: unit.code } });
		const other = await login(srv.url, u.username, u.password);
		const otherApi = client(srv.url, other);
		assertOk(await otherApi.get('/me'));

		assertError(await u.api.post('/me/password', { old_password: 'not-the-password', new_password: 'brand-new-pass-1' }),
			400, 'invalid_field', 'old_password');
		assertError(await u.api.post('/me/password', { old_password: u.password, new_password: 'short7!' }),
			400, 'invalid_field', 'new_password');
		assertError(await u.api.post('/me/password', { old_password: u.password, new_password: 'x'.repeat(257) }),
			400, 'too_long', 'new_password');
		assertError(await u.api.post('/me/password', { old_password: u.password }), 400, 'missing_field', 'new_password');
		assertError(await u.api.post('/me/password', { old_password: u.password, new_password: 'brand-new-pass-1', x: 1 }),
			400, 'unknown_field', 'x');
		// Failed attempts changed nothing.
		assertOk(await otherApi.get('/me'));

		const newPw = 'brand-new-pass-1';
		const r = await u.api.post('/me/password', { old_password: u.password, new_password: newPw });
		assertOk(r);
		assert.deepEqual(r.body, { status: 'ok' });
		// The session that changed it goes on; the other one has ended.
		assertOk(await u.api.get('/me'));
		assertError(await otherApi.get('/me'), 401, 'unauthenticated');
		assertError((await login(srv.url, u.username, u.password)).res, 401, 'bad_credentials');
		const s2 = await login(srv.url, u.username, newPw);
		assert.equal(s2.res.status, 200);
		// A new password of exactly 8 characters is accepted.
		assertOk(await client(srv.url, s2).post('/me/password', { old_password: newPw, new_password: '12345678' }));
	});

	it('a disabled user loses its sessions and cannot log in; enabling again lets it in', async () => {
		const u = await makeUser(srv.url, admin, { role: 'viewer', unit: { structure: 2025, code: unit.code } });
		assertOk(await u.api.get('/me'));
		const r = await admin.patch(`/users/${u.user.id}`, { disabled: true });
		assertOk(r);
		assert.equal(r.body.user.disabled, true);
		assertError(await u.api.get('/me'), 401, 'unauthenticated');
		assertError((await login(srv.url, u.username, u.password)).res, 401, 'bad_credentials');
		assertOk(await admin.patch(`/users/${u.user.id}`, { disabled: false }));
		assert.equal((await login(srv.url, u.username, u.password)).res.status, 200);
	});

	it('an admin setting a password via PATCH /users/{id} ends that user\'s sessions', async () => {
		const u = await makeUser(srv.url, admin, { role: 'leader', unit: { structure: 2025, code: unit.code } });
		assertOk(await admin.patch(`/users/${u.user.id}`, { password: 'reset-by-admin-1' }));
		assertError((await login(srv.url, u.username, u.password)).res, 401, 'bad_credentials');
		assert.equal((await login(srv.url, u.username, 'reset-by-admin-1')).res.status, 200);
	});
});

describe('login throttling per IP', () => {
	let srv;
	before(async () => { srv = await startServer(); });
	after(async () => { await srv?.stop(); });

	it('30 failures from one IP (over many usernames) → 429 for any username, with Retry-After', async () => {
		for (let i = 0; i < 30; i++) {
			const r = await login(srv.url, `nobody${i}`, 'wrong-password');
			assertError(r.res, 401, 'bad_credentials');
		}
		const r = await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD);
		assertError(r.res, 429, 'too_many_attempts');
		assert.equal(r.cookie, null);
		assert.match(r.res.headers.get('retry-after') || '', /^\d+$/);
	});
});

describe('session idle expiry (--session-idle 2)', () => {
	let srv;
	before(async () => { srv = await startServer({ args: ['--session-idle', '2'] }); });
	after(async () => { await srv?.stop(); });

	it('3 s idle → 401 unauthenticated', async () => {
		const s = await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD);
		assert.equal(s.res.status, 200, s.res.text);
		const api = client(srv.url, s);
		assertOk(await api.get('/me'));
		await sleep(3200);
		assertError(await api.get('/me'), 401, 'unauthenticated');
		// A fresh login works again.
		assert.equal((await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD)).res.status, 200);
	});

	it('activity keeps the session alive past the idle period', async () => {
		const s = await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD);
		const api = client(srv.url, s);
		for (let i = 0; i < 6; i++) { // about 4 s of activity, never 2 s idle
			assertOk(await api.get('/me'), 200);
			await sleep(700);
		}
		assertOk(await api.get('/me'));
	});
});
