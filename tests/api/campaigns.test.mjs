// Organisation changes and campaigns (docs/API.md "Organisation changes and campaigns (issue 5)"):
// kiện toàn chức danh counted by position, organisation type and level for a period and subtree (so
// "kiện toàn 04 chức danh chủ tịch, 03 phó chủ tịch MTTQ xã" comes out of records); campaigns and support
// activities with the quantities each kind needs (data), integer money and metres, period totals by kind
// for a subtree; roles, scope, audit and validation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { run } from '../lib/server.mjs';
import {
	ISO_UTC, assertError, assertOk, childrenOf, makeUser, setup,
} from './fixtures.mjs';

/** Run SQL on the server's database with the backend's own client. */
async function dbExec(srv, sql) {
	if (srv.dbKind === 'sqlite') return (await run('sqlite3', [srv.db, sql])).stdout;
	const m = /^postgresql:\/\/\/([^?]+)\?(.*)$/.exec(srv.db);
	assert.ok(m, `a PostgreSQL DSN: ${srv.db}`);
	const q = new URLSearchParams(m[2]);
	return (await run('psql', ['-X', '-w', '-v', 'ON_ERROR_STOP=1', '-h', q.get('host'), '-p', q.get('port'),
		'-U', q.get('user'), '-d', decodeURIComponent(m[1]), '-At', '-c', sql], { timeoutMs: 60000 })).stdout;
}

describe('organisation changes and campaigns', () => {
	let srv; let admin;
	let C; let A; let B;
	let mttq; let women; let agency; let mttqProvince; let orgB;
	let officerA; let viewerA; let officerB; let provincial;

	before(async () => {
		({ srv, admin } = await setup());
		C = await childrenOf(admin, '25', { n: 6, offset: 10 });
		[A, B] = C;
		const ref = (u) => ({ structure: 2025, code: u.code });
		const org = async (name, type, unit) => assertOk(await admin.post('/organizations', { name, type, unit }), 201).organization;
		mttq = [];
		for (const [i, u] of C.slice(0, 5).entries()) mttq.push(await org(`Ủy ban MTTQ xã số ${i + 1}`, 'fatherland_front', ref(u)));
		women = await org('Hội Liên hiệp Phụ nữ xã A', 'mass_organization', ref(A));
		agency = await org('Văn phòng UBND xã A', 'agency', ref(A));
		mttqProvince = await org('Ủy ban MTTQ tỉnh', 'fatherland_front', { structure: 2025, code: '25' });
		orgB = mttq[1];
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: ref(A), username: 'camp.officer.a' });
		viewerA = await makeUser(srv.url, admin, { role: 'viewer', unit: ref(A), username: 'camp.viewer.a' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: ref(B), username: 'camp.officer.b' });
		provincial = await makeUser(srv.url, admin, { role: 'officer', unit: { structure: 2025, code: '25' }, username: 'camp.officer.p' });
	});
	after(async () => { await srv?.stop(); });

	it('lists positions, change kinds, campaign kinds and target groups', async () => {
		const p = assertOk(await viewerA.api.get('/org-positions'));
		const pos = Object.fromEntries(p.positions.map((x) => [x.code, x.name]));
		assert.equal(pos.chair, 'Chủ tịch');
		assert.equal(pos.vice_chair, 'Phó Chủ tịch');
		for (const c of ['secretary', 'deputy_secretary', 'standing_member', 'front_work_head', 'other']) assert.ok(pos[c], c);
		assert.deepEqual(p.change_kinds.map((x) => [x.code, x.fills]), [['elected', true], ['appointed', true],
			['replaced', true], ['dismissed', false], ['vacated', false]]);
		const k = assertOk(await viewerA.api.get('/campaign-kinds'));
		const kinds = Object.fromEntries(k.kinds.map((x) => [x.code, x]));
		assert.equal(kinds.houses_built.requires_all, 'households');
		assert.equal(kinds.volunteer_labour.requires_any, 'labour_days,road_m,canal_m');
		for (const c of ['gifts', 'houses_repaired', 'donations', 'scholarships', 'other']) assert.ok(kinds[c], c);
		assert.ok(k.targets.some((x) => x.code === 'policy_families'));
		assert.ok(k.targets.some((x) => x.code === 'poor_households'));
	});

	it('kiện toàn: 04 chức danh chủ tịch, 03 phó chủ tịch MTTQ xã come out of the records', async () => {
		const ch = (org, position, change_kind, dayS, person_name = 'Nguyễn Văn An') => provincial.api.post('/org-changes',
			{ org_id: org.id, position, change_kind, person_name, day: dayS });
		const c1 = assertOk(await ch(mttq[0], 'chair', 'elected', '2025-03-10', 'Hoàng Thị Lan'), 201).change;
		assert.deepEqual(Object.keys(c1).sort(), ['change_kind', 'change_kind_name', 'created_at', 'day', 'fills', 'id',
			'note', 'org', 'person_name', 'position', 'position_name', 'unit']);
		assert.deepEqual(c1.org, { id: mttq[0].id, name: mttq[0].name, type: 'fatherland_front' });
		assert.equal(c1.unit.level, 'commune');
		assert.equal(c1.position_name, 'Chủ tịch');
		assert.equal(c1.fills, true);
		assert.match(c1.created_at, ISO_UTC);
		assertOk(await ch(mttq[1], 'chair', 'appointed', '2025-04-02'), 201);
		assertOk(await ch(mttq[2], 'chair', 'replaced', '2025-05-20'), 201);
		assertOk(await ch(mttq[3], 'chair', 'elected', '2025-07-01'), 201);
		assertOk(await ch(mttq[0], 'vice_chair', 'elected', '2025-03-10'), 201);
		assertOk(await ch(mttq[2], 'vice_chair', 'appointed', '2025-06-11'), 201);
		assertOk(await ch(mttq[4], 'vice_chair', 'elected', '2025-08-15'), 201);
		// Not counted below: a dismissal, a women's union chair, a provincial chair, and one outside the period.
		assertOk(await ch(mttq[4], 'chair', 'dismissed', '2025-08-01'), 201);
		assertOk(await ch(women, 'chair', 'elected', '2025-04-01'), 201);
		assertOk(await ch(mttqProvince, 'vice_chair', 'appointed', '2025-04-01'), 201);
		assertOk(await ch(mttq[3], 'chair', 'elected', '2024-06-01'), 201);

		const counts = assertOk(await provincial.api.get('/org-changes/counts?period=2025&cutoff=0&structure=2025&unit=25&org_type=fatherland_front&level=commune'));
		const by = Object.fromEntries(counts.by_position.map((x) => [x.code, x]));
		assert.deepEqual(by.chair, { code: 'chair', name: 'Chủ tịch', filled: 4, vacated: 1 });
		assert.deepEqual(by.vice_chair, { code: 'vice_chair', name: 'Phó Chủ tịch', filled: 3, vacated: 0 });
		assert.deepEqual(counts.total, { changes: 8, filled: 7, vacated: 1 });
		assert.deepEqual(counts.by_org_type, [{ type: 'fatherland_front', filled: 7, vacated: 1 }]);
		assert.equal(counts.period.from, '2025-01-01');
		assert.equal(counts.period.to, '2025-12-31');
		assert.equal(counts.period.label, 'năm 2025');
		// All organisation types and levels: + the women's union chair and the provincial vice chair.
		const all = assertOk(await provincial.api.get('/org-changes/counts?period=2025&cutoff=0'));
		assert.deepEqual(all.total, { changes: 10, filled: 9, vacated: 1 });
		assert.deepEqual(all.by_org_type.map((x) => [x.type, x.filled]), [['fatherland_front', 8], ['mass_organization', 1]]);
		// A subtree of one commune, and a quarter.
		const one = assertOk(await provincial.api.get(`/org-changes/counts?period=2025-Q1&cutoff=0&structure=2025&unit=${A.code}`));
		assert.deepEqual(one.total, { changes: 2, filled: 2, vacated: 0 });
		// The change kinds' "fills" is data: the list and counts follow the table.
		const list = assertOk(await officerA.api.get('/org-changes?position=chair'));
		assert.deepEqual(list.items.map((x) => x.org.id).sort(), [mttq[0].id, women.id].sort());
		assert.equal(assertOk(await officerA.api.get('/org-changes?from=2025-04-01&to=2025-04-30')).total, 1);
		assert.equal(assertOk(await officerB.api.get('/org-changes')).total, 1);
		assertError(await officerA.api.get(`/org-changes/counts?period=2025&structure=2025&unit=${B.code}`), 403, 'forbidden', 'unit');
		// Which change kinds fill a position is data (org_change_kinds.fills).
		await dbExec(srv, "UPDATE org_change_kinds SET fills = 1 WHERE code = 'dismissed'");
		try {
			const c2 = assertOk(await provincial.api.get('/org-changes/counts?period=2025&cutoff=0&structure=2025&unit=25&org_type=fatherland_front&level=commune'));
			assert.deepEqual(c2.total, { changes: 8, filled: 8, vacated: 0 });
		} finally {
			await dbExec(srv, "UPDATE org_change_kinds SET fills = 0 WHERE code = 'dismissed'");
		}
	});

	it('validates organisation changes; viewers cannot write; deletes are audited', async () => {
		const base = { org_id: mttq[0].id, position: 'chair', change_kind: 'elected', person_name: 'Lê Văn Bình', day: '2025-05-05' };
		const post = (o) => officerA.api.post('/org-changes', { ...base, ...o });
		assertError(await post({ org_id: agency.id }), 400, 'invalid_field', 'org_id');
		assertError(await post({ org_id: orgB.id }), 400, 'invalid_field', 'org_id');
		assertError(await post({ position: 'mayor' }), 400, 'invalid_field', 'position');
		assertError(await post({ change_kind: 'promoted' }), 400, 'invalid_field', 'change_kind');
		assertError(await post({ person_name: ' ' }), 400, 'invalid_field', 'person_name');
		assertError(await post({ day: '2999-01-01' }), 400, 'invalid_field', 'day');
		assertError(await post({ day: '05/05/2025' }), 400, 'invalid_field', 'day');
		assertError(await post({ person_name: 'x'.repeat(201) }), 400, 'too_long', 'person_name');
		assertError(await officerA.api.get('/org-changes/counts'), 400, 'invalid_param', 'period');
		assertError(await officerA.api.get('/org-changes/counts?period=2025&org_type=agency'), 400, 'invalid_param', 'org_type');
		assertError(await officerA.api.get('/org-changes/counts?period=2025&level=ward'), 400, 'invalid_param', 'level');
		assertError(await viewerA.api.post('/org-changes', base), 403, 'forbidden');
		const c = assertOk(await post({}), 201).change;
		assertError(await viewerA.api.del(`/org-changes/${c.id}`), 403, 'forbidden');
		assertError(await officerB.api.del(`/org-changes/${c.id}`), 404, 'not_found');
		assert.deepEqual(assertOk(await officerA.api.del(`/org-changes/${c.id}`)), { status: 'ok' });
		assertError(await officerA.api.del(`/org-changes/${c.id}`), 404, 'not_found');
		const au = assertOk(await admin.get('/audit?entity=org_change&limit=500'));
		assert.ok(au.items.some((x) => x.action === 'create' && x.entity_id === c.id));
		assert.ok(au.items.some((x) => x.action === 'delete' && x.entity_id === c.id && x.unit.code === A.code));
	});

	it('campaigns: each kind needs its quantities; money in đồng and lengths in metres are integers', async () => {
		const base = { org_id: mttq[0].id, kind: 'gifts', title: 'Thăm hỏi, tặng quà Tết Nguyên đán', day: '2025-01-20', target: 'policy_families', visits: 120, money: 60000000 };
		const post = (o) => officerA.api.post('/campaigns', { ...base, ...o });
		const g = assertOk(await post({ place: 'Nhà văn hóa khu 3' }), 201).campaign;
		assert.deepEqual(Object.keys(g).sort(), ['canal_m', 'created_at', 'day', 'end_day', 'households', 'id', 'kind',
			'kind_name', 'labour_days', 'money', 'note', 'org', 'place', 'road_m', 'target', 'target_name', 'title', 'unit',
			'updated_at', 'visits']);
		assert.equal(g.money, 60000000);
		assert.equal(g.kind_name, 'Thăm hỏi, tặng quà');
		assert.deepEqual(g.unit, { structure: 2025, code: A.code, name: A.name });
		assert.deepEqual(assertOk(await viewerA.api.get(`/campaigns/${g.id}`)), { campaign: g });

		assertError(await post({ visits: 0 }), 400, 'invalid_field', 'visits');
		assertError(await post({ kind: 'houses_built', visits: 0 }), 400, 'invalid_field', 'households');
		assertError(await post({ kind: 'houses_repaired' }), 400, 'invalid_field', 'households');
		assertError(await post({ kind: 'donations', money: 0 }), 400, 'invalid_field', 'money');
		assertError(await post({ kind: 'volunteer_labour', visits: 0, money: 0 }), 400, 'invalid_field', 'kind');
		assertError(await post({ kind: 'fireworks' }), 400, 'invalid_field', 'kind');
		assertError(await post({ target: 'everyone' }), 400, 'invalid_field', 'target');
		assertError(await post({ money: 1.5 }), 400, 'invalid_field', 'money');
		assertError(await post({ money: -1 }), 400, 'invalid_field', 'money');
		assertError(await post({ money: 1e16 }), 400, 'invalid_field', 'money');
		assertError(await post({ day: '2999-01-01' }), 400, 'invalid_field', 'day');
		assertError(await post({ end_day: '2025-01-01' }), 400, 'invalid_field', 'end_day');
		assertError(await post({ title: '' }), 400, 'invalid_field', 'title');
		// The quantities a kind needs are data (campaign_kinds.requires_all / requires_any).
		await dbExec(srv, "UPDATE campaign_kinds SET requires_all = 'visits,money' WHERE code = 'gifts'");
		try {
			assertError(await post({ money: 0 }), 400, 'invalid_field', 'money');
		} finally {
			await dbExec(srv, "UPDATE campaign_kinds SET requires_all = 'visits' WHERE code = 'gifts'");
		}
		const noMoney = assertOk(await post({ money: 0, title: 'Thăm hỏi không kèm tiền' }), 201).campaign;
		assertOk(await officerA.api.del(`/campaigns/${noMoney.id}`));
		assertError(await post({ org_id: orgB.id }), 400, 'invalid_field', 'org_id');
		// Where: inside the organiser's unit.
		assertError(await post({ unit: { structure: 2025, code: B.code } }), 400, 'invalid_field', 'unit');
		const p = assertOk(await provincial.api.post('/campaigns', { ...base, org_id: mttqProvince.id, unit: { structure: 2025, code: B.code } }), 201).campaign;
		assert.equal(p.unit.code, B.code);
		assert.equal(p.org.id, mttqProvince.id);
		assertError(await viewerA.api.post('/campaigns', base), 403, 'forbidden');
		assertError(await officerB.api.get(`/campaigns/${g.id}`), 404, 'not_found');
		assertOk(await officerB.api.get(`/campaigns/${p.id}`));
	});

	it('period totals by kind for a subtree', async () => {
		const mk = async (o, api = officerA) => assertOk(await api.api.post('/campaigns', {
			org_id: women.id, title: 'Hoạt động', day: '2025-06-10', target: 'poor_households', ...o,
		}), 201).campaign;
		await mk({ kind: 'houses_built', households: 2, money: 100000000, title: 'Xây nhà đại đoàn kết' });
		await mk({ kind: 'houses_repaired', households: 3, money: 45000000 });
		await mk({ kind: 'donations', money: 1250000000, target: 'disaster', end_day: '2025-06-30' });
		await mk({ kind: 'volunteer_labour', labour_days: 300, road_m: 2500, target: 'community' });
		await mk({ kind: 'volunteer_labour', canal_m: 2000, target: 'community' });
		await mk({ kind: 'donations', money: 7, day: '2024-06-10' });	// outside the period
		const t = assertOk(await viewerA.api.get(`/campaigns/totals?period=2025&cutoff=0&structure=2025&unit=${A.code}`));
		const by = Object.fromEntries(t.items.map((x) => [x.kind, x]));
		assert.deepEqual(by.houses_built, { kind: 'houses_built', name: 'Xây dựng nhà đại đoàn kết, nhà tình nghĩa', activities: 1,
			visits: 0, households: 2, money: 100000000, labour_days: 0, road_m: 0, canal_m: 0 });
		assert.equal(by.donations.money, 1250000000);
		assert.equal(by.donations.activities, 1);
		assert.deepEqual([by.volunteer_labour.activities, by.volunteer_labour.labour_days, by.volunteer_labour.road_m,
			by.volunteer_labour.canal_m], [2, 300, 2500, 2000]);
		assert.equal(by.gifts.visits, 120);	// from the previous test, in unit A
		assert.equal(by.scholarships.activities, 0);
		assert.equal(t.total.activities, 6);
		assert.equal(t.total.money, 60000000 + 100000000 + 45000000 + 1250000000);
		assert.equal(t.period.label, 'năm 2025');
		// The province's subtree adds the gifts in B; the first half leaves out nothing here; Q3 nothing.
		const prov = assertOk(await provincial.api.get('/campaigns/totals?period=2025&cutoff=0&structure=2025&unit=25'));
		assert.equal(prov.total.activities, 7);
		assert.equal(prov.items.find((x) => x.kind === 'gifts').visits, 240);
		assert.equal(assertOk(await viewerA.api.get('/campaigns/totals?period=2025-Q3&cutoff=0')).total.activities, 0);
		// The B officer sees only B.
		assert.equal(assertOk(await officerB.api.get('/campaigns/totals?period=2025&cutoff=0')).total.activities, 1);
		assertError(await officerB.api.get(`/campaigns/totals?period=2025&structure=2025&unit=${A.code}`), 403, 'forbidden', 'unit');
		assertError(await viewerA.api.get('/campaigns/totals?period=2025-Q5'), 400, 'invalid_param', 'period');
		// Lists: filters and search ignoring diacritics.
		const l = assertOk(await viewerA.api.get('/campaigns?kind=volunteer_labour'));
		assert.equal(l.total, 2);
		assert.deepEqual(assertOk(await viewerA.api.get(`/campaigns?q=${encodeURIComponent('nha dai doan ket')}`)).items.map((x) => x.kind), ['houses_built']);
		assert.equal(assertOk(await viewerA.api.get('/campaigns?from=2024-01-01&to=2024-12-31')).total, 1);
		assertError(await viewerA.api.get('/campaigns?from=2024-13-01'), 400, 'invalid_param', 'from');
	});

	it('campaign deletes are audited; a viewer cannot delete', async () => {
		const c = assertOk(await officerA.api.post('/campaigns', { org_id: women.id, kind: 'scholarships', title: 'Trao học bổng', day: '2025-09-05', target: 'students', visits: 15, money: 15000000 }), 201).campaign;
		assertError(await viewerA.api.del(`/campaigns/${c.id}`), 403, 'forbidden');
		assert.deepEqual(assertOk(await officerA.api.del(`/campaigns/${c.id}`)), { status: 'ok' });
		assertError(await officerA.api.get(`/campaigns/${c.id}`), 404, 'not_found');
		const au = assertOk(await admin.get('/audit?entity=campaign&limit=500'));
		assert.ok(au.items.some((x) => x.action === 'create' && x.entity_id === c.id));
		assert.ok(au.items.some((x) => x.action === 'delete' && x.entity_id === c.id));
	});
});
