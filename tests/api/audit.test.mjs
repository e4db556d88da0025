// Audit log: entries for writes and sessions, before/after values, filters, scope, newest first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	ADMIN_PASSWORD, ISO_UTC, assertError, assertNoSecrets, assertOk, childrenOf, client, login, makeUser, setup,
} from './fixtures.mjs';

const day = (offsetDays) => new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);

describe('audit log', () => {
	let srv; let admin; let A; let B; let refA; let refB;
	let adminA; let officerA; let admin25;
	let org; let adminId;
	before(async () => {
		({ srv, admin } = await setup());
		adminId = admin.session.user.id;
		[A, B] = await childrenOf(admin, '25', { n: 2 });
		refA = { structure: 2025, code: A.code };
		refB = { structure: 2025, code: B.code };
		adminA = await makeUser(srv.url, admin, { role: 'unit_admin', unit: refA, username: 'audit.admin.a' });
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'audit.officer.a' });
		admin25 = await makeUser(srv.url, admin, { role: 'unit_admin', unit: { structure: 2025, code: '25' }, username: 'audit.admin.p' });
		org = assertOk(await admin.post('/organizations',
			{ name: 'Mặt trận xã thử nhật ký', type: 'fatherland_front', unit: refA }), 201).organization;
		assertOk(await admin.patch(`/organizations/${org.id}`, { name: 'Ủy ban Mặt trận xã', type: 'fatherland_front' }));
		assertOk(await admin.del(`/organizations/${org.id}`));
	});
	after(async () => { await srv?.stop(); });

	const entriesOf = (items, entity, id) => items.filter((e) => e.entity === entity && String(e.entity_id) === String(id));

	it('create, update and delete of an organisation are recorded with actor and before/after', async () => {
		const r = await admin.get('/audit?entity=organization&limit=500');
		assertOk(r);
		assert.ok(r.body.items.every((e) => e.entity === 'organization'));
		const mine = entriesOf(r.body.items, 'organization', org.id);
		assert.deepEqual(mine.map((e) => e.action), ['delete', 'update', 'create'], 'newest first');
		for (const e of mine) {
			assert.deepEqual(Object.keys(e).sort(), ['action', 'actor', 'after', 'at', 'before', 'entity', 'entity_id', 'id', 'unit']);
			assert.deepEqual(e.actor, { id: adminId, username: 'admin' });
			assert.match(e.at, ISO_UTC);
			assert.ok(Math.abs(Date.parse(e.at) - Date.now()) < 10 * 60 * 1000);
			assert.deepEqual(e.unit, { structure: 2025, code: A.code });
			assert.equal(typeof e.id, 'number');
		}
		const [del, upd, cre] = mine;
		assert.equal(cre.before, null);
		assert.equal(cre.after.name, 'Mặt trận xã thử nhật ký');
		assert.equal(cre.after.type, 'fatherland_front');
		assert.ok(upd.before && upd.after, 'update has both before and after');
		assert.equal(upd.before.name, 'Mặt trận xã thử nhật ký');
		assert.equal(upd.after.name, 'Ủy ban Mặt trận xã');
		assert.ok(del.before, 'delete has before');
		assert.equal(del.before.name, 'Ủy ban Mặt trận xã');
		assert.equal(del.after, null);
	});

	it('items are newest first; paging and total are consistent', async () => {
		const all = assertOk(await admin.get('/audit?limit=500'));
		assert.equal(all.total, all.items.length);
		for (let i = 1; i < all.items.length; i++) {
			assert.ok(all.items[i - 1].id > all.items[i].id, 'ids descend');
			assert.ok(Date.parse(all.items[i - 1].at) >= Date.parse(all.items[i].at), 'times descend');
		}
		const page = assertOk(await admin.get('/audit?limit=3&offset=2'));
		assert.deepEqual(page.items, all.items.slice(2, 5));
		assert.equal(page.total, all.total);
		const def = assertOk(await admin.get('/audit'));
		assert.equal(def.items.length, Math.min(50, all.total));
	});

	it('filters: entity, action, actor, from/to', async () => {
		const upd = assertOk(await admin.get('/audit?entity=organization&action=update&limit=500'));
		assert.ok(upd.items.length >= 1);
		assert.ok(upd.items.every((e) => e.action === 'update' && e.entity === 'organization'));
		assert.equal(entriesOf(upd.items, 'organization', org.id).length, 1);
		const byAdmin = assertOk(await admin.get('/audit?actor=admin&limit=500'));
		assert.ok(byAdmin.items.length >= 3);
		assert.ok(byAdmin.items.every((e) => e.actor && e.actor.username === 'admin'));
		const byA = assertOk(await admin.get('/audit?actor=audit.admin.a&limit=500'));
		assert.ok(byA.items.every((e) => e.actor && e.actor.username === 'audit.admin.a'));
		assert.equal(assertOk(await admin.get('/audit?actor=nobody.at.all')).total, 0);
		const around = assertOk(await admin.get(`/audit?entity=organization&from=${day(-1)}&to=${day(1)}&limit=500`));
		assert.equal(entriesOf(around.items, 'organization', org.id).length, 3);
		const today = assertOk(await admin.get(`/audit?entity=organization&from=${day(0)}&to=${day(0)}&limit=500`));
		const hb = new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10); // Asia/Ho_Chi_Minh date
		if (hb === day(0)) assert.equal(entriesOf(today.items, 'organization', org.id).length, 3, 'to= includes that whole day');
		assert.equal(assertOk(await admin.get(`/audit?from=${day(2)}`)).total, 0);
		assert.equal(assertOk(await admin.get(`/audit?to=${day(-2)}`)).total, 0);
		assertError(await admin.get('/audit?from=2026-02-30x'), 400, 'invalid_param', 'from');
		assertError(await admin.get('/audit?to=yesterday'), 400, 'invalid_param', 'to');
		assertError(await admin.get('/audit?entity=planet'), 400, 'invalid_param', 'entity');
		assertError(await admin.get('/audit?action=explode'), 400, 'invalid_param', 'action');
	});

	it('user writes, logins, logouts and password changes are recorded without secrets', async () => {
		const u = await makeUser(srv.url, admin, { role: 'viewer', unit: refB, username: 'audit.viewer.b', password: 'viewer-b-pass-1' });
		assertOk(await u.api.post('/me/password', { old_password: 'viewer-b-pass-1', new_password: 'viewer-b-pass-2' }));
		assertOk(await u.api.post('/auth/logout'));
		const r = await admin.get('/audit?limit=500');
		assertOk(r);
		assertNoSecrets(r, [ADMIN_PASSWORD, 'viewer-b-pass-1', 'viewer-b-pass-2'], { keys: false });
		const created = r.body.items.find((e) => e.entity === 'user' && e.action === 'create' && String(e.entity_id) === String(u.user.id));
		assert.ok(created, 'user create entry');
		assert.equal(created.after.username, 'audit.viewer.b');
		assert.deepEqual(created.unit, refB);
		const login1 = r.body.items.find((e) => e.action === 'login' && e.actor && e.actor.username === 'audit.viewer.b');
		assert.ok(login1, 'login entry');
		assert.equal(login1.entity, 'session');
		const pw = r.body.items.find((e) => e.action === 'password' && e.actor && e.actor.username === 'audit.viewer.b');
		assert.ok(pw, 'password entry');
		const out = r.body.items.find((e) => e.action === 'logout' && e.actor && e.actor.username === 'audit.viewer.b');
		assert.ok(out, 'logout entry');
		assert.equal(out.entity, 'session');
		const sess = assertOk(await admin.get('/audit?entity=session&action=login&limit=500'));
		assert.ok(sess.items.some((e) => e.actor.username === 'admin'));
	});

	it('a unit_admin sees only entries of its subtree', async () => {
		const orgB = assertOk(await admin.post('/organizations', { name: 'Tổ chức xã B', type: 'agency', unit: refB }), 201).organization;
		const orgA = assertOk(await adminA.api.post('/organizations', { name: 'Tổ chức xã A', type: 'agency', unit: refA }), 201)
			.organization;
		const org48 = assertOk(await admin.post('/organizations',
			{ name: 'Tổ chức Đà Nẵng', type: 'agency', unit: { structure: 2025, code: '48' } }), 201).organization;
		const a = assertOk(await adminA.api.get('/audit?limit=500'));
		assert.ok(a.items.length > 0);
		assert.equal(a.total, a.items.length);
		for (const e of a.items) {
			assert.deepEqual(e.unit, refA, `unit_admin of A sees only A: ${JSON.stringify(e)}`);
		}
		assert.equal(entriesOf(a.items, 'organization', orgA.id).length, 1);
		assert.equal(entriesOf(a.items, 'organization', org.id).length, 3);
		assert.equal(entriesOf(a.items, 'organization', orgB.id).length, 0);
		assert.ok(!a.items.some((e) => e.actor && e.actor.username === 'admin' && e.entity === 'session'),
			"the sysadmin's logins are not in A's log");
		const inside = new Set(['25', ...assertOk(await admin.get('/units?structure=2025&parent=25&limit=1000')).items.map((u) => u.code)]);
		const p = assertOk(await admin25.api.get('/audit?limit=500'));
		for (const e of p.items) {
			assert.ok(e.unit && e.unit.structure === 2025 && inside.has(e.unit.code),
				`province admin sees only its subtree: ${JSON.stringify(e)}`);
		}
		assert.equal(entriesOf(p.items, 'organization', orgB.id).length, 1);
		assert.equal(entriesOf(p.items, 'organization', orgA.id).length, 1);
		assert.equal(entriesOf(p.items, 'organization', org48.id).length, 0);
		// Filters cannot widen the scope.
		const f = assertOk(await adminA.api.get('/audit?entity=organization&actor=admin&limit=500'));
		for (const e of f.items) assert.deepEqual(e.unit, refA);
		// The sysadmin sees all of them.
		const s = assertOk(await admin.get('/audit?entity=organization&limit=500'));
		for (const o of [orgA, orgB, org48]) assert.equal(entriesOf(s.items, 'organization', o.id).length, 1);
	});

	it('officers (and leaders, viewers) get 403; no session → 401', async () => {
		assertError(await officerA.api.get('/audit'), 403, 'forbidden');
		const v = await makeUser(srv.url, admin, { role: 'viewer', unit: refA, username: 'audit.viewer.a' });
		assertError(await v.api.get('/audit'), 403, 'forbidden');
		const l = await makeUser(srv.url, admin, { role: 'leader', unit: refA, username: 'audit.leader.a' });
		assertError(await l.api.get('/audit'), 403, 'forbidden');
		assertError(await client(srv.url, null).get('/audit'), 401, 'unauthenticated');
		const s = await login(srv.url, 'audit.officer.a', officerA.password);
		assertError(await client(srv.url, s).get('/audit?entity=organization'), 403, 'forbidden');
	});
});
