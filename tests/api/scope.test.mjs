// Scope: scoped users see and act only on their unit's subtree; roles limit what they may do.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	assertError, assertOk, childrenOf, makeUser, setup, stripPrefix,
} from './fixtures.mjs';

describe('scope and roles', () => {
	let srv; let admin;
	let A; let B; // two communes of province 25 (2025)
	let refA; let refB; const ref25 = { structure: 2025, code: '25' };
	let adminA; let officerA; let leaderA; let viewerA; let adminB; let officerB; let admin25;
	let orgA; let orgB; let org25;

	before(async () => {
		({ srv, admin } = await setup());
		[A, B] = await childrenOf(admin, '25', { n: 2, offset: 3 });
		refA = { structure: 2025, code: A.code };
		refB = { structure: 2025, code: B.code };
		adminA = await makeUser(srv.url, admin, { role: 'unit_admin', unit: refA, username: 'admin.a' });
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'officer.a' });
		leaderA = await makeUser(srv.url, admin, { role: 'leader', unit: refA, username: 'leader.a' });
		viewerA = await makeUser(srv.url, admin, { role: 'viewer', unit: refA, username: 'viewer.a' });
		adminB = await makeUser(srv.url, admin, { role: 'unit_admin', unit: refB, username: 'admin.b' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: refB, username: 'officer.b' });
		admin25 = await makeUser(srv.url, admin, { role: 'unit_admin', unit: ref25, username: 'admin.p25' });
		orgA = assertOk(await adminA.api.post('/organizations',
			{ name: 'Ban Dân vận xã A', type: 'mass_mobilization_board', unit: refA }), 201).organization;
		orgB = assertOk(await adminB.api.post('/organizations',
			{ name: 'Ban Dân vận xã B', type: 'mass_mobilization_board', unit: refB }), 201).organization;
		org25 = assertOk(await admin.post('/organizations',
			{ name: 'Ban Dân vận Tỉnh ủy Phú Thọ', type: 'mass_mobilization_board', unit: ref25 }), 201).organization;
	});
	after(async () => { await srv?.stop(); });

	const ids = (r) => r.body.items.map((x) => x.id);

	it('a unit_admin creates organisations in its own unit', () => {
		assert.equal(orgA.unit.code, A.code);
		assert.equal(orgA.unit.structure, 2025);
		assert.equal(orgA.unit.name, A.name);
	});

	it("an organisation of A is invisible to B's users (list) and 404 (get)", async () => {
		for (const u of [adminB, officerB]) {
			const l = assertOk(await u.api.get('/organizations?limit=500'));
			assert.ok(!ids({ body: l }).includes(orgA.id), `${u.username} must not list orgA`);
			assert.ok(!ids({ body: l }).includes(org25.id), `${u.username} must not list the province's org`);
			assert.ok(ids({ body: l }).includes(orgB.id), `${u.username} lists orgB`);
			assert.equal(l.total, l.items.length);
			for (const o of l.items) assert.equal(o.unit.code, B.code);
			assertError(await u.api.get(`/organizations/${orgA.id}`), 404, 'not_found');
			assertError(await u.api.get(`/organizations/${org25.id}`), 404, 'not_found');
			const q = assertOk(await u.api.get(`/organizations?q=${encodeURIComponent('xã A')}`));
			assert.ok(!ids({ body: q }).includes(orgA.id));
			// Asking for A's subtree explicitly never reveals it either.
			const f = await u.api.get(`/organizations?structure=2025&unit=${A.code}`);
			if (f.status === 200) assert.ok(!ids(f).includes(orgA.id));
			else assert.ok([403, 404].includes(f.status), `unit filter outside scope: ${f.status}`);
		}
		// A's users do see it.
		for (const u of [adminA, officerA, leaderA, viewerA]) {
			const l = assertOk(await u.api.get('/organizations?limit=500'));
			assert.deepEqual(ids({ body: l }), [orgA.id]);
			assertOk(await u.api.get(`/organizations/${orgA.id}`));
			assertError(await u.api.get(`/organizations/${orgB.id}`), 404, 'not_found');
		}
		// The province's unit_admin sees its whole subtree.
		const p = assertOk(await admin25.api.get('/organizations?limit=500'));
		for (const id of [orgA.id, orgB.id, org25.id]) assert.ok(ids({ body: p }).includes(id));
		const pa = assertOk(await admin25.api.get(`/organizations?structure=2025&unit=${A.code}`));
		assert.deepEqual(ids({ body: pa }), [orgA.id]);
	});

	it("B's unit_admin cannot PATCH or DELETE A's organisation (404) and it stays unchanged", async () => {
		assertError(await adminB.api.patch(`/organizations/${orgA.id}`, { name: 'Bị B sửa' }), 404, 'not_found');
		assertError(await adminB.api.del(`/organizations/${orgA.id}`), 404, 'not_found');
		const now = assertOk(await admin.get(`/organizations/${orgA.id}`)).organization;
		assert.equal(now.name, orgA.name);
		assert.equal(now.updated_at, orgA.updated_at);
	});

	it("B's unit_admin cannot create an organisation outside its scope (403)", async () => {
		const before0 = assertOk(await admin.get('/organizations?limit=1')).total;
		for (const unit of [refA, ref25, { structure: 2025, code: '01' }, { structure: 2024, code: '17' }]) {
			assertError(await adminB.api.post('/organizations', { name: 'Ngoài phạm vi', type: 'agency', unit }),
				403, 'forbidden');
		}
		assert.equal(assertOk(await admin.get('/organizations?limit=1')).total, before0);
	});

	it('officer, leader and viewer cannot write organisations (403)', async () => {
		for (const u of [officerA, leaderA, viewerA]) {
			assertError(await u.api.post('/organizations', { name: 'Không được tạo', type: 'agency', unit: refA }),
				403, 'forbidden');
			assertError(await u.api.patch(`/organizations/${orgA.id}`, { name: 'Không được sửa' }), 403, 'forbidden');
			assertError(await u.api.del(`/organizations/${orgA.id}`), 403, 'forbidden');
		}
		assertOk(await admin.get(`/organizations/${orgA.id}`));
	});

	it('officer, leader and viewer cannot see or manage users, nor read the audit log (403)', async () => {
		for (const u of [officerA, leaderA, viewerA]) {
			assertError(await u.api.get('/users'), 403, 'forbidden');
			assertError(await u.api.get(`/users/${officerA.user.id}`), 403, 'forbidden');
			assertError(await u.api.post('/users', {
				username: `made.by.${u.user.role}`, full_name: 'X Ý', password: 'password-1234', role: 'viewer', unit: refA,
			}), 403, 'forbidden');
			assertError(await u.api.patch(`/users/${officerA.user.id}`, { full_name: 'Đổi tên' }), 403, 'forbidden');
			assertError(await u.api.get('/audit'), 403, 'forbidden');
		}
	});

	it('a unit_admin cannot create a sysadmin, nor users outside its subtree (403)', async () => {
		assertError(await adminA.api.post('/users',
			{ username: 'evil.root', full_name: 'Kẻ xấu', password: 'password-1234', role: 'sysadmin' }), 403, 'forbidden');
		assertError(await adminA.api.post('/users',
			{ username: 'evil.root2', full_name: 'Kẻ xấu', password: 'password-1234', role: 'sysadmin', unit: refA }),
		403, 'forbidden');
		for (const unit of [refB, ref25, { structure: 2025, code: '01' }]) {
			assertError(await adminA.api.post('/users',
				{ username: 'outside.b', full_name: 'Ngoài phạm vi', password: 'password-1234', role: 'officer', unit }),
			403, 'forbidden');
		}
		assert.equal(assertOk(await admin.get('/users?q=evil')).total, 0);
		assert.equal(assertOk(await admin.get('/users?q=outside')).total, 0);
		// Inside its subtree it works.
		const r = assertOk(await adminA.api.post('/users',
			{ username: 'made.by.admin.a', full_name: 'Cán bộ mới', password: 'password-1234', role: 'officer', unit: refA }), 201);
		assert.equal(r.user.unit.code, A.code);
		// A province admin can create users in a commune of its province.
		assertOk(await admin25.api.post('/users',
			{ username: 'made.by.admin.p', full_name: 'Cán bộ xã B', password: 'password-1234', role: 'viewer', unit: refB }), 201);
	});

	it('a unit_admin sees and edits only users of its subtree', async () => {
		const l = assertOk(await adminA.api.get('/users?limit=500'));
		const names = l.items.map((u) => u.username);
		for (const n of ['admin.a', 'officer.a', 'leader.a', 'viewer.a']) assert.ok(names.includes(n), `${n} listed`);
		for (const n of ['admin', 'admin.b', 'officer.b', 'admin.p25']) assert.ok(!names.includes(n), `${n} not listed`);
		for (const u of l.items) assert.equal(u.unit && u.unit.code, A.code);
		assert.equal(l.total, l.items.length);
		assertError(await adminA.api.get(`/users/${officerB.user.id}`), 404, 'not_found');
		assertError(await adminA.api.get(`/users/${admin.session.user.id}`), 404, 'not_found');
		assertError(await adminA.api.patch(`/users/${officerB.user.id}`, { disabled: true }), 404, 'not_found');
		assert.equal(assertOk(await admin.get(`/users/${officerB.user.id}`)).user.disabled, false);
		// Moving its own user out of scope or promoting to sysadmin is refused.
		assertError(await adminA.api.patch(`/users/${officerA.user.id}`, { unit: refB }), 403, 'forbidden');
		assertError(await adminA.api.patch(`/users/${officerA.user.id}`, { role: 'sysadmin' }), 403, 'forbidden');
		const still = assertOk(await admin.get(`/users/${officerA.user.id}`)).user;
		assert.equal(still.role, 'officer');
		assert.equal(still.unit.code, A.code);
		// Allowed edit within scope.
		assert.equal(assertOk(await adminA.api.patch(`/users/${officerA.user.id}`, { full_name: 'Cán bộ xã A' })).user.full_name,
			'Cán bộ xã A');
		// The province admin sees users of A and B.
		const p = assertOk(await admin25.api.get('/users?limit=500')).items.map((u) => u.username);
		for (const n of ['admin.a', 'officer.b', 'admin.p25']) assert.ok(p.includes(n));
		assert.ok(!p.includes('admin'));
	});

	it('a scoped user listing units never gets units outside its subtree', async () => {
		const onlyA = (r, what) => {
			assertOk(r);
			for (const u of r.body.items) assert.equal(u.code, A.code, `${what}: got ${u.code} ${u.name}`);
			assert.ok(r.body.total <= 1, `${what}: total ${r.body.total}`);
		};
		for (const u of [adminA, officerA]) {
			const top = assertOk(await u.api.get('/units'));
			assert.deepEqual(top.items.map((x) => x.code), [A.code], 'top units = the scope unit');
			assert.equal(top.total, 1);
			onlyA(await u.api.get('/units?level=commune&limit=1000'), 'level=commune');
			onlyA(await u.api.get('/units?parent=25&limit=1000'), 'parent=25');
			const prov = assertOk(await u.api.get('/units?level=province&limit=1000'));
			assert.equal(prov.total, 0);
			assert.deepEqual(prov.items, []);
			onlyA(await u.api.get(`/units?q=${encodeURIComponent(stripPrefix(B.name))}&limit=1000`), 'q=B');
			onlyA(await u.api.get('/units?q=a&limit=1000'), 'q=a');
			assertOk(await u.api.get(`/units/${A.code}?structure=2025`));
			assertError(await u.api.get(`/units/${B.code}?structure=2025`), 404, 'not_found');
			assertError(await u.api.get('/units/25?structure=2025'), 404, 'not_found');
			assertError(await u.api.get('/units/48?structure=2025'), 404, 'not_found');
			const old = await u.api.get('/units?structure=2024&q=da%20nang&limit=1000');
			if (old.status === 200) assert.ok(!old.body.items.some((x) => x.code === '48'));
		}
		// Province admin: the province and its communes, nothing else.
		const top = assertOk(await admin25.api.get('/units'));
		assert.deepEqual(top.items.map((x) => x.code), ['25']);
		const prov = assertOk(await admin25.api.get('/units?level=province&limit=1000'));
		assert.deepEqual(prov.items.map((x) => x.code), ['25']);
		const kids = assertOk(await admin25.api.get('/units?parent=25&limit=1'));
		assert.equal(kids.total, 148);
		const all = assertOk(await admin25.api.get('/units?level=commune&limit=1000'));
		assert.equal(all.total, 148);
		for (const u of all.items) assert.equal(u.parent_code, '25');
		assert.equal(assertOk(await admin25.api.get('/units?q=da%20nang&limit=1000')).total, 0);
		assert.equal(assertOk(await admin25.api.get('/units?parent=48&limit=1000')).total, 0);
		assertError(await admin25.api.get('/units/48?structure=2025'), 404, 'not_found');
		assertOk(await admin25.api.get(`/units/${B.code}?structure=2025`));
		const old = await admin25.api.get('/units?structure=2024&level=province&limit=1000');
		if (old.status === 200) {
			for (const u of old.body.items) assert.ok(['17', '25', '26'].includes(u.code), `2024 province ${u.code} is outside 25`);
		}
	});
});
