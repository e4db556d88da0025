// CSRF: every state-changing request without the right X-CSRF-Token → 403 csrf_failed, and nothing changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	ADMIN_PASSWORD, ADMIN_USERNAME, assertError, assertOk, childrenOf, client, login, setup,
} from './fixtures.mjs';

describe('CSRF protection', () => {
	let srv; let admin; let unit; let org; let user; let otherSession;
	const badTokens = () => [
		['no header', { csrf: '' }],
		['empty header', { csrf: '', headers: { 'x-csrf-token': '' } }],
		['garbage token', { csrf: 'not-the-right-token-0123456789abcdef' }],
		['token of another session', { csrf: otherSession.csrf }],
		['token with one character changed', { csrf: flip(admin.session.csrf) }],
	];
	function flip(t) {
		const c = t[t.length - 1] === 'a' ? 'b' : 'a';
		return t.slice(0, -1) + c;
	}

	before(async () => {
		({ srv, admin } = await setup());
		otherSession = await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD);
		assert.equal(otherSession.res.status, 200);
		assert.notEqual(otherSession.csrf, admin.session.csrf, 'two sessions should have different CSRF tokens');
		[unit] = await childrenOf(admin, '25', { n: 1 });
		org = assertOk(await admin.post('/organizations',
			{ name: 'Ban Dân vận thử CSRF', type: 'mass_mobilization_board', unit: { structure: 2025, code: unit.code } }), 201)
			.organization;
		user = assertOk(await admin.post('/users', {
			username: 'csrf.user', full_name: 'Người thử CSRF', password: 'csrf-user-pass', role: 'officer',
			unit: { structure: 2025, code: unit.code },
		}), 201).user;
	});
	after(async () => { await srv?.stop(); });

	it('POST /organizations', async () => {
		const before0 = assertOk(await admin.get('/organizations?limit=1')).total;
		for (const [label, o] of badTokens()) {
			const r = await admin.post('/organizations',
				{ name: `Không được tạo ${label}`, type: 'agency', unit: { structure: 2025, code: unit.code } }, o);
			assertError(r, 403, 'csrf_failed');
		}
		assert.equal(assertOk(await admin.get('/organizations?limit=1')).total, before0);
		assert.equal(assertOk(await admin.get('/organizations?q=' + encodeURIComponent('Không được tạo'))).total, 0);
	});

	it('PATCH /organizations/{id}', async () => {
		for (const [, o] of badTokens()) {
			assertError(await admin.patch(`/organizations/${org.id}`, { name: 'Đã bị sửa' }, o), 403, 'csrf_failed');
		}
		const now = assertOk(await admin.get(`/organizations/${org.id}`)).organization;
		assert.equal(now.name, org.name);
		assert.equal(now.updated_at, org.updated_at);
	});

	it('DELETE /organizations/{id}', async () => {
		for (const [, o] of badTokens()) {
			assertError(await admin.del(`/organizations/${org.id}`, o), 403, 'csrf_failed');
		}
		assertOk(await admin.get(`/organizations/${org.id}`));
	});

	it('POST /users', async () => {
		for (const [label, o] of badTokens()) {
			const username = `csrf.new.${label.replace(/[^a-z]/g, '')}`.slice(0, 60);
			assertError(await admin.post('/users', {
				username, full_name: 'Không được tạo', password: 'some-password-1', role: 'sysadmin',
			}, o), 403, 'csrf_failed');
		}
		assert.equal(assertOk(await admin.get('/users?q=csrf.new')).total, 0);
		assert.equal((await login(srv.url, 'csrf.new.noheader', 'some-password-1')).res.status, 401);
	});

	it('PATCH /users/{id}', async () => {
		for (const [, o] of badTokens()) {
			assertError(await admin.patch(`/users/${user.id}`, { disabled: true, full_name: 'Đã bị sửa' }, o), 403, 'csrf_failed');
		}
		const now = assertOk(await admin.get(`/users/${user.id}`)).user;
		assert.equal(now.disabled, false);
		assert.equal(now.full_name, 'Người thử CSRF');
		assert.equal((await login(srv.url, 'csrf.user', 'csrf-user-pass')).res.status, 200);
	});

	it('POST /me/password', async () => {
		for (const [, o] of badTokens()) {
			assertError(await admin.post('/me/password',
				{ old_password: ADMIN_PASSWORD, new_password: 'hijacked-password' }, o), 403, 'csrf_failed');
		}
		assert.equal((await login(srv.url, ADMIN_USERNAME, 'hijacked-password')).res.status, 401);
		assert.equal((await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD)).res.status, 200);
		assertOk(await client(srv.url, otherSession).get('/me'));
	});

	it('POST /auth/logout', async () => {
		const s = await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD);
		const api = client(srv.url, s);
		for (const [, o] of badTokens()) {
			assertError(await api.post('/auth/logout', undefined, o), 403, 'csrf_failed');
		}
		assertOk(await api.get('/me'));
		// With the right token it works.
		assertOk(await api.post('/auth/logout'));
		assertError(await api.get('/me'), 401, 'unauthenticated');
	});

	it('a token alone (without the session cookie) does not authenticate', async () => {
		const r = await client(srv.url, { cookie: null, csrf: admin.session.csrf })
			.post('/organizations', { name: 'Không có cookie', type: 'agency', unit: { structure: 2025, code: unit.code } });
		assertError(r, 401, 'unauthenticated');
	});
});
