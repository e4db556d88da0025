// Users: CRUD, validation, conflicts, filters, and never a password or hash in a response.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	ADMIN_PASSWORD, ISO_UTC, ROLES, assertError, assertNoSecrets, assertOk, childrenOf, login, setup,
} from './fixtures.mjs';

describe('users', () => {
	let srv; let admin; let C; let ref;
	const secrets = [ADMIN_PASSWORD];
	before(async () => {
		({ srv, admin } = await setup());
		[C] = await childrenOf(admin, '25', { n: 1 });
		ref = { structure: 2025, code: C.code };
	});
	after(async () => { await srv?.stop(); });

	const create = async (body, status = 201) => {
		if (body.password) secrets.push(body.password);
		const r = await admin.post('/users', body);
		assertNoSecrets(r, secrets);
		if (status === 201) assertOk(r, 201);
		return r;
	};

	it('GET /users lists the sysadmin with the documented shape, no secrets', async () => {
		const r = await admin.get('/users');
		assertOk(r);
		assertNoSecrets(r, secrets);
		const a = r.body.items.find((u) => u.username === 'admin');
		assert.ok(a);
		assert.deepEqual(Object.keys(a).sort(), ['created_at', 'disabled', 'full_name', 'id', 'role', 'unit', 'username']);
		assert.equal(a.role, 'sysadmin');
		assert.equal(a.unit, null);
		assert.equal(a.disabled, false);
		assert.match(a.created_at, ISO_UTC);
		assert.equal(typeof r.body.total, 'number');
	});

	it('POST /users → 201; every role; unit shape; GET returns the same', async () => {
		for (const role of ROLES) {
			const body = {
				username: `user.${role.replace('_', '-')}`, full_name: `Nguyễn Văn ${role}`, password: `pass-for-${role}`, role,
			};
			if (role !== 'sysadmin') body.unit = ref;
			const r = await create(body);
			const u = r.body.user;
			assert.deepEqual(Object.keys(r.body), ['user']);
			assert.equal(u.username, body.username);
			assert.equal(u.full_name, body.full_name);
			assert.equal(u.role, role);
			assert.equal(u.disabled, false);
			assert.equal(typeof u.id, 'number');
			assert.match(u.created_at, ISO_UTC);
			if (role === 'sysadmin') assert.equal(u.unit, null);
			else assert.deepEqual(u.unit, { structure: 2025, code: C.code, name: C.name });
			const g = await admin.get(`/users/${u.id}`);
			assertOk(g);
			assertNoSecrets(g, secrets);
			assert.deepEqual(g.body.user, u);
			const s = await login(srv.url, body.username, body.password);
			assert.equal(s.res.status, 200, `${role} can log in`);
			assertNoSecrets(s.res, secrets);
			assert.deepEqual(s.user, u);
		}
		// a 2024 unit works too
		const old = await create({ username: 'user.2024', full_name: 'Cán bộ cũ', password: 'pass-2024-x', role: 'viewer',
			unit: { structure: 2024, code: '148' } });
		assert.deepEqual(old.body.user.unit, { structure: 2024, code: '148', name: 'Thành phố Hòa Bình' });
	});

	it('duplicate username → 409 conflict', async () => {
		await create({ username: 'dup.user', full_name: 'Một', password: 'password-1', role: 'sysadmin' });
		const r = await create({ username: 'dup.user', full_name: 'Hai', password: 'password-2', role: 'sysadmin' }, 409);
		assertError(r, 409, 'conflict');
		assertError(await admin.post('/users', { username: 'admin', full_name: 'X Ý', password: 'password-3', role: 'sysadmin' }),
			409, 'conflict');
		const l = assertOk(await admin.get('/users?q=dup.user'));
		assert.equal(l.total, 1);
		assert.equal(l.items[0].full_name, 'Một');
	});

	it('validation of username, full_name, password, role and unit', async () => {
		const base = { username: 'valid.name', full_name: 'Trần Thị Bình', password: 'password-ok', role: 'officer', unit: ref };
		const bad = async (patch, code, field) => {
			const r = await admin.post('/users', { ...base, ...patch });
			assertNoSecrets(r, secrets);
			assertError(r, 400, code, field);
		};
		await bad({ username: 'ab' }, 'invalid_field', 'username');
		await bad({ username: 'Upper.Case' }, 'invalid_field', 'username');
		await bad({ username: 'has space' }, 'invalid_field', 'username');
		await bad({ username: 'nguyễn' }, 'invalid_field', 'username');
		await bad({ username: 'a/b' }, 'invalid_field', 'username');
		await bad({ username: 'a'.repeat(65) }, 'too_long', 'username');
		await bad({ full_name: 'x'.repeat(201) }, 'too_long', 'full_name');
		await bad({ password: 'short12' }, 'invalid_field', 'password');
		await bad({ password: 'p'.repeat(257) }, 'too_long', 'password');
		await bad({ role: 'king' }, 'invalid_field', 'role');
		await bad({ role: 'officer', unit: undefined }, 'missing_field', 'unit');
		await bad({ disabled: 'no' }, 'unknown_field', 'disabled');
		const noUnit = { ...base };
		delete noUnit.unit;
		assertError(await admin.post('/users', noUnit), 400, 'missing_field', 'unit');
		const nf = { ...base };
		delete nf.full_name;
		assertError(await admin.post('/users', nf), 400, 'missing_field', 'full_name');
		const bu = await admin.post('/users', { ...base, unit: { structure: 2025, code: '00000' } });
		assertError(bu, 400);
		// Boundaries are accepted.
		await create({ ...base, username: 'abc', password: '12345678' });
		await create({ ...base, username: 'a'.repeat(64), full_name: 'ệ'.repeat(200), password: 'p'.repeat(256) });
		await create({ ...base, username: 'x_y-z.0', role: 'leader' });
		assert.equal(assertOk(await admin.get('/users?q=valid.name')).total, 0);
	});

	it('PATCH /users/{id}: full_name, role, unit, disabled, password', async () => {
		const u = (await create({ username: 'patch.me', full_name: 'Lê Văn A', password: 'patch-pass-1', role: 'officer', unit: ref }))
			.body.user;
		const p1 = await admin.patch(`/users/${u.id}`, { full_name: 'Lê Văn Bê' });
		assertOk(p1);
		assertNoSecrets(p1, secrets);
		assert.equal(p1.body.user.full_name, 'Lê Văn Bê');
		assert.equal(p1.body.user.username, 'patch.me');
		const p2 = assertOk(await admin.patch(`/users/${u.id}`, { role: 'leader', unit: { structure: 2025, code: '25' } })).user;
		assert.equal(p2.role, 'leader');
		assert.deepEqual(p2.unit, { structure: 2025, code: '25', name: 'Tỉnh Phú Thọ' });
		const p3 = assertOk(await admin.patch(`/users/${u.id}`, { disabled: true })).user;
		assert.equal(p3.disabled, true);
		const p4 = assertOk(await admin.patch(`/users/${u.id}`, { disabled: false, password: 'patched-pass-2' })).user;
		assert.equal(p4.disabled, false);
		secrets.push('patched-pass-2');
		assert.equal((await login(srv.url, 'patch.me', 'patched-pass-2')).res.status, 200);
		assert.equal((await login(srv.url, 'patch.me', 'patch-pass-1')).res.status, 401);
		assertError(await admin.patch(`/users/${u.id}`, { username: 'renamed' }), 400, 'unknown_field', 'username');
		assertError(await admin.patch(`/users/${u.id}`, { role: 'emperor' }), 400, 'invalid_field', 'role');
		assertError(await admin.patch(`/users/${u.id}`, { disabled: 'yes' }), 400, 'invalid_field', 'disabled');
		assertError(await admin.patch(`/users/${u.id}`, { password: 'short' }), 400, 'invalid_field', 'password');
		assertError(await admin.patch(`/users/${u.id}`, { full_name: 'x'.repeat(201) }), 400, 'too_long', 'full_name');
		assertError(await admin.patch('/users/99999999', { full_name: 'Không có' }), 404, 'not_found');
		const g = assertOk(await admin.get(`/users/${u.id}`)).user;
		assert.equal(g.full_name, 'Lê Văn Bê');
		assert.equal(g.role, 'leader');
	});

	it('GET /users filters: q (diacritic-insensitive on names), role, paging', async () => {
		await create({ username: 'nguyen.van.an', full_name: 'Nguyễn Văn An', password: 'password-an', role: 'viewer', unit: ref });
		await create({ username: 'do.thi.hoa', full_name: 'Đỗ Thị Hoà', password: 'password-hoa', role: 'viewer', unit: ref });
		const q = async (s) => assertOk(await admin.get(`/users?q=${encodeURIComponent(s)}&limit=500`)).items.map((u) => u.username);
		assert.ok((await q('nguyen van')).includes('nguyen.van.an'));
		assert.ok((await q('NGUYỄN VĂN AN')).includes('nguyen.van.an'));
		assert.ok((await q('do thi hoa')).includes('do.thi.hoa'));
		assert.ok((await q('Đỗ Thị Hòa')).includes('do.thi.hoa'));
		assert.ok(!(await q('do thi hoa')).includes('nguyen.van.an'));
		assert.ok((await q('nguyen.van')).includes('nguyen.van.an'), 'q matches usernames');
		const viewers = assertOk(await admin.get('/users?role=viewer&limit=500'));
		assert.ok(viewers.items.length >= 2);
		assert.ok(viewers.items.every((u) => u.role === 'viewer'));
		const all = assertOk(await admin.get('/users?limit=500'));
		assert.equal(all.total, all.items.length);
		const page = assertOk(await admin.get('/users?limit=2&offset=1'));
		assert.deepEqual(page.items, all.items.slice(1, 3));
		assertError(await admin.get('/users?limit=501'), 400, 'invalid_param', 'limit');
		assertError(await admin.get('/users?role=king'), 400, 'invalid_param', 'role');
	});

	it('no response about users ever contains a password or hash', async () => {
		for (const p of ['/users?limit=500', '/me', `/users/${admin.session.user.id}`]) {
			const r = await admin.get(p);
			assertOk(r);
			assertNoSecrets(r, secrets);
		}
		// The audit log may say that a password changed, but never shows it or its hash.
		const a = await admin.get('/audit?limit=500');
		assertOk(a);
		assertNoSecrets(a, secrets, { keys: false });
	});
});
