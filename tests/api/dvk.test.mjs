// "Dân vận khéo" models and breakthrough tasks (docs/API.md "Dân vận khéo and breakthrough tasks"):
// the registry, status lifecycle, replication, search and order, the yearly counts with their change,
// breakthrough tasks per organisation and year, roles and scope, validation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	ISO_UTC, assertError, assertOk, childrenOf, makeUser, setup,
} from './fixtures.mjs';

describe('"Dân vận khéo" and breakthrough tasks', () => {
	let srv; let admin;
	let A; let B; let refA;
	let orgA; let orgA2; let orgB;
	let officerA; let viewerA; let officerB;

	const model = (o = {}) => ({
		org_id: orgA.id, name: 'Mô hình "Dân vận khéo" trong xây dựng nông thôn mới', field: 'economy',
		kind: 'collective', year: 2025, ...o,
	});

	before(async () => {
		({ srv, admin } = await setup());
		[A, B] = await childrenOf(admin, '25', { n: 2, offset: 3 });
		refA = { structure: 2025, code: A.code };
		const refB = { structure: 2025, code: B.code };
		orgA = assertOk(await admin.post('/organizations',
			{ name: 'Ban Dân vận xã A', type: 'mass_mobilization_board', unit: refA }), 201).organization;
		orgA2 = assertOk(await admin.post('/organizations',
			{ name: 'Đảng ủy xã A', type: 'party_committee', unit: refA }), 201).organization;
		orgB = assertOk(await admin.post('/organizations',
			{ name: 'Ban Dân vận xã B', type: 'mass_mobilization_board', unit: refB }), 201).organization;
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'dvk.officer.a' });
		viewerA = await makeUser(srv.url, admin, { role: 'viewer', unit: refA, username: 'dvk.viewer.a' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: refB, username: 'dvk.officer.b' });
	});
	after(async () => { await srv?.stop(); });

	it('lists the configurable fields', async () => {
		const f = assertOk(await viewerA.api.get('/dvk-fields'));
		const codes = f.items.map((x) => x.code);
		for (const c of ['economy', 'culture_society', 'defense_security', 'political_system', 'new_rural']) {
			assert.ok(codes.includes(c), c);
		}
		assert.equal(f.items.find((x) => x.code === 'economy').name, 'Kinh tế');
	});

	it('a model is created, read and listed; counts per year and field with the change', async () => {
		const m = assertOk(await officerA.api.post('/dvk-models', model({ results: 'Vận động hiến 2.000 m² đất' })), 201).model;
		assert.deepEqual(Object.keys(m).sort(), ['created_at', 'evidence', 'field', 'id', 'kind', 'name', 'org',
			'outstanding', 'replicated_from', 'results', 'status', 'unit', 'updated_at', 'year']);
		assert.deepEqual(m.org, { id: orgA.id, name: 'Ban Dân vận xã A' });
		assert.deepEqual(m.unit, { structure: 2025, code: A.code, name: A.name });
		assert.equal(m.status, 'registered');
		assert.equal(m.outstanding, false);
		assert.equal(m.evidence, null);
		assert.equal(m.replicated_from, null);
		assert.match(m.created_at, ISO_UTC);
		assert.deepEqual(assertOk(await viewerA.api.get(`/dvk-models/${m.id}`)), { model: m, replications: [] });

		// 2024: 2 economy + 1 culture; 2025: m + 2 economy, 1 defence, 1 individual culture.
		const mk = async (o) => assertOk(await officerA.api.post('/dvk-models', model(o)), 201).model;
		await mk({ year: 2024, name: 'Kinh tế 2024 một' });
		await mk({ year: 2024, name: 'Kinh tế 2024 hai' });
		await mk({ year: 2024, name: 'Văn hóa 2024', field: 'culture_society' });
		await mk({ name: 'Kinh tế 2025 hai', org_id: orgA2.id });
		await mk({ name: 'Kinh tế 2025 ba' });
		await mk({ name: 'An ninh 2025', field: 'defense_security' });
		await mk({ name: 'Cá nhân tiêu biểu 2025', field: 'culture_society', kind: 'individual' });

		const s = assertOk(await officerA.api.get(`/stats/dvk?structure=2025&unit=${A.code}&year=2025`));
		assert.equal(s.year, 2025);
		assert.equal(s.models.total, 5);
		assert.equal(s.models.previous_year_total, 3);
		assert.equal(s.models.change, 2);
		const bf = Object.fromEntries(s.models.by_field.map((x) => [x.code, x]));
		assert.deepEqual(bf.economy, { code: 'economy', name: 'Kinh tế', count: 3, previous: 2, change: 1 });
		assert.deepEqual(bf.culture_society, { code: 'culture_society', name: 'Văn hóa - xã hội', count: 1, previous: 1, change: 0 });
		assert.deepEqual(bf.defense_security, { code: 'defense_security', name: 'Quốc phòng - an ninh', count: 1, previous: 0, change: 1 });
		assert.equal(bf.new_rural.count, 0);
		assert.deepEqual(s.models.by_kind, { collective: 4, individual: 1 });
		assert.deepEqual(s.models.by_status, { registered: 5, implementing: 0, evaluated: 0, recognised: 0 });
		assert.equal(s.models.outstanding, 0);
		assert.equal(s.models.replicated, 0);
		const s24 = assertOk(await admin.get(`/stats/dvk?structure=2025&unit=${A.code}&year=2024`));
		assert.equal(s24.models.total, 3);
		assert.equal(s24.models.previous_year_total, 0);
		assert.equal(s24.models.change, 3);
		// Another unit's subtree sees none of them; an officer cannot ask for it.
		const sb = assertOk(await admin.get(`/stats/dvk?structure=2025&unit=${B.code}&year=2025`));
		assert.equal(sb.models.total, 0);
		assertError(await officerA.api.get(`/stats/dvk?structure=2025&unit=${B.code}&year=2025`), 403, 'forbidden');
		assertError(await officerA.api.get('/stats/dvk?year=1999'), 400, 'invalid_param', 'year');

		// Per level of the organisation's unit: commune A's models; a province organisation's models
		// (1 in 2024, 2 in 2025) count at "Cấp tỉnh" in the province's subtree only; no district in 2025.
		const lv = (level, name, count, previous) => ({ level, name, count, previous, change: count - previous });
		assert.deepEqual(s.models.by_level, [lv('province', 'Cấp tỉnh', 0, 0), lv('commune', 'Cấp xã', 5, 3)]);
		assert.deepEqual(s24.models.by_level, [lv('province', 'Cấp tỉnh', 0, 0), lv('commune', 'Cấp xã', 3, 0)]);
		const orgP = assertOk(await admin.post('/organizations', { name: 'Ban Dân vận Tỉnh ủy',
			type: 'mass_mobilization_board', unit: { structure: 2025, code: '25' } }), 201).organization;
		for (const [year, name] of [[2024, 'Tỉnh 2024'], [2025, 'Tỉnh 2025 một'], [2025, 'Tỉnh 2025 hai']]) {
			assertOk(await admin.post('/dvk-models', model({ org_id: orgP.id, year, name })), 201);
		}
		const sp = assertOk(await admin.get('/stats/dvk?structure=2025&unit=25&year=2025'));
		assert.equal(sp.models.total, 7);
		assert.equal(sp.models.previous_year_total, 4);
		assert.deepEqual(sp.models.by_level, [lv('province', 'Cấp tỉnh', 2, 1), lv('commune', 'Cấp xã', 5, 3)]);
		const sp24 = assertOk(await admin.get('/stats/dvk?structure=2025&unit=25&year=2024'));
		assert.deepEqual(sp24.models.by_level, [lv('province', 'Cấp tỉnh', 1, 0), lv('commune', 'Cấp xã', 3, 0)]);
		const sa = assertOk(await officerA.api.get(`/stats/dvk?structure=2025&unit=${A.code}&year=2025`));
		assert.deepEqual(sa.models.by_level, s.models.by_level);

		const l = assertOk(await officerA.api.get(`/dvk-models?org=${orgA.id}&year=2025&field=economy`));
		assert.equal(l.total, 2);
		const k = assertOk(await officerA.api.get(`/dvk-models?structure=2025&unit=${A.code}&kind=individual`));
		assert.deepEqual(k.items.map((x) => x.name), ['Cá nhân tiêu biểu 2025']);
		// Newest year first.
		const all = assertOk(await officerA.api.get(`/dvk-models?org=${orgA.id}&limit=500`));
		const years = all.items.map((x) => x.year);
		assert.deepEqual(years, [...years].sort((a, b) => b - a));
	});

	it('search ignores tone marks; names are in Vietnamese alphabetical order', async () => {
		const names = ['Đường hoa nông thôn', 'Chợ văn minh', 'Bảo vệ môi trường', 'Dân vận khéo ở khu dân cư', 'Ánh sáng đường quê', 'Ăn uống an toàn'];
		for (const name of names) assertOk(await officerA.api.post('/dvk-models', model({ org_id: orgA2.id, year: 2023, name })), 201);
		const l = assertOk(await officerA.api.get(`/dvk-models?org=${orgA2.id}&year=2023`));
		assert.deepEqual(l.items.map((x) => x.name), ['Ánh sáng đường quê', 'Ăn uống an toàn', 'Bảo vệ môi trường',
			'Chợ văn minh', 'Dân vận khéo ở khu dân cư', 'Đường hoa nông thôn']);
		const q = assertOk(await officerA.api.get(`/dvk-models?year=2023&q=${encodeURIComponent('dan van kheo')}`));
		assert.deepEqual(q.items.map((x) => x.name), ['Dân vận khéo ở khu dân cư']);
		const q2 = assertOk(await officerA.api.get(`/dvk-models?q=${encodeURIComponent('DUONG')}&year=2023`));
		assert.deepEqual(q2.items.map((x) => x.name), ['Ánh sáng đường quê', 'Đường hoa nông thôn']);
		const pg = assertOk(await officerA.api.get(`/dvk-models?org=${orgA2.id}&year=2023&limit=2&offset=2`));
		assert.deepEqual(pg.items.map((x) => x.name), ['Bảo vệ môi trường', 'Chợ văn minh']);
		assert.equal(pg.total, 6);
	});

	it('status moves only forward; outstanding only when recognised; replication', async () => {
		const m = assertOk(await officerA.api.post('/dvk-models', model({ name: 'Mô hình vòng đời' })), 201).model;
		const url = `/dvk-models/${m.id}`;
		assertError(await officerA.api.post('/dvk-models', model({ outstanding: true })), 409, 'invalid_state', 'outstanding');
		assert.equal(assertOk(await officerA.api.patch(url, { status: 'implementing' })).model.status, 'implementing');
		assertError(await officerA.api.patch(url, { outstanding: true }), 409, 'invalid_state', 'outstanding');
		assertError(await officerA.api.patch(url, { status: 'registered' }), 409, 'invalid_state', 'status');
		assert.equal(assertOk(await officerA.api.patch(url, { status: 'evaluated', evidence: 'Biên bản đánh giá' })).model.evidence,
			'Biên bản đánh giá');
		assertError(await officerA.api.patch(url, { status: 'implementing' }), 409, 'invalid_state', 'status');
		const r = assertOk(await officerA.api.patch(url, { status: 'recognised', outstanding: true })).model;
		assert.equal(r.status, 'recognised');
		assert.equal(r.outstanding, true);
		assert.equal(assertOk(await officerA.api.patch(url, { status: 'recognised' })).model.status, 'recognised');
		assertError(await officerA.api.patch(url, { status: 'done' }), 400, 'invalid_field', 'status');

		// Replication (nhân rộng) in another organisation of the subtree.
		const rep = assertOk(await officerA.api.post('/dvk-models', model({ org_id: orgA2.id, name: 'Nhân rộng mô hình vòng đời',
			replicated_from: m.id })), 201).model;
		assert.equal(rep.replicated_from, m.id);
		const g = assertOk(await officerA.api.get(url));
		assert.deepEqual(g.replications.map((x) => x.id), [rep.id]);
		assertError(await officerA.api.patch(url, { replicated_from: m.id }), 400, 'invalid_field', 'replicated_from');
		assertError(await officerA.api.post('/dvk-models', model({ replicated_from: 987654 })), 400, 'invalid_field', 'replicated_from');
		const s = assertOk(await officerA.api.get(`/stats/dvk?structure=2025&unit=${A.code}&year=2025`));
		assert.equal(s.models.outstanding, 1);
		assert.equal(s.models.replicated, 1);
		assert.equal(s.models.by_status.recognised, 1);
		// Audited.
		const au = assertOk(await admin.get('/audit?entity=dvk_model&action=update&limit=500'));
		assert.ok(au.items.some((x) => x.entity_id === m.id));
	});

	it('breakthrough tasks: at most 5 per organisation and year, progress, evaluation and the summary', async () => {
		const ids = [];
		for (let i = 1; i <= 5; i++) {
			ids.push(assertOk(await officerA.api.post('/breakthrough-tasks', { org_id: orgA.id, year: 2025, title: `Nhiệm vụ đột phá ${i}` }), 201).task.id);
		}
		const e = assertError(await officerA.api.post('/breakthrough-tasks', { org_id: orgA.id, year: 2025, title: 'Nhiệm vụ thứ sáu' }), 409, 'conflict');
		assert.match(e.message, /tối đa 5/);
		// Another year is counted apart.
		assertOk(await officerA.api.post('/breakthrough-tasks', { org_id: orgA.id, year: 2026, title: 'Năm sau' }), 201);
		for (let i = 1; i <= 2; i++) {
			assertOk(await officerA.api.post('/breakthrough-tasks', { org_id: orgA2.id, year: 2025, title: `Đảng ủy ${i}` }), 201);
		}
		const t0 = assertOk(await officerA.api.patch(`/breakthrough-tasks/${ids[0]}`, { progress: 40 })).task;
		assert.deepEqual(Object.keys(t0).sort(), ['created_at', 'evaluation', 'id', 'org', 'progress', 'status', 'title', 'unit',
			'updated_at', 'year']);
		assert.equal(t0.progress, 40);
		assert.equal(t0.status, 'in_progress');
		assertError(await officerA.api.patch(`/breakthrough-tasks/${ids[0]}`, { status: 'completed' }), 400, 'invalid_field', 'evaluation');
		assertError(await officerA.api.patch(`/breakthrough-tasks/${ids[0]}`, { progress: 101 }), 400, 'invalid_field', 'progress');
		assertError(await officerA.api.patch(`/breakthrough-tasks/${ids[0]}`, { status: 'finished' }), 400, 'invalid_field', 'status');
		assertError(await officerA.api.patch(`/breakthrough-tasks/${ids[0]}`, { year: 2024 }), 400, 'unknown_field', 'year');
		const t1 = assertOk(await officerA.api.patch(`/breakthrough-tasks/${ids[0]}`,
			{ progress: 100, status: 'completed', evaluation: 'Hoàn thành vượt chỉ tiêu' })).task;
		assert.equal(t1.status, 'completed');
		assert.equal(t1.evaluation, 'Hoàn thành vượt chỉ tiêu');
		assertOk(await officerA.api.patch(`/breakthrough-tasks/${ids[1]}`, { status: 'not_completed', evaluation: 'Chưa đạt' }));

		const l = assertOk(await viewerA.api.get(`/breakthrough-tasks?org=${orgA.id}&year=2025`));
		assert.equal(l.total, 5);
		const sm = assertOk(await officerA.api.get(`/breakthrough-tasks/summary?year=2025&structure=2025&unit=${A.code}`));
		assert.equal(sm.year, 2025);
		assert.equal(sm.min, 3);
		assert.equal(sm.max, 5);
		const byOrg = Object.fromEntries(sm.items.map((x) => [x.org.id, x]));
		assert.deepEqual(byOrg[orgA.id], { org: { id: orgA.id, name: orgA.name }, unit: { structure: 2025, code: A.code, name: A.name },
			registered: 5, completed: 1, below_minimum: false });
		assert.equal(byOrg[orgA2.id].registered, 2);
		assert.equal(byOrg[orgA2.id].below_minimum, true);
		assert.equal(byOrg[orgB.id], undefined, 'another unit');
		const s = assertOk(await officerA.api.get(`/stats/dvk?structure=2025&unit=${A.code}&year=2025`));
		assert.deepEqual(s.breakthrough, { organisations: 2, tasks: 7, completed: 1, below_minimum: 1 });
		const au = assertOk(await admin.get('/audit?entity=breakthrough_task&limit=500'));
		assert.ok(au.items.length >= 8);
	});

	it('concurrent registrations never pass the maximum', async () => {
		const org = assertOk(await admin.post('/organizations',
			{ name: 'Hội Nông dân xã A', type: 'mass_organization', unit: refA }), 201).organization;
		const res = await Promise.all(Array.from({ length: 8 }, (_, i) => officerA.api.post('/breakthrough-tasks',
			{ org_id: org.id, year: 2025, title: `Đồng thời ${i}` })));
		assert.equal(res.filter((r) => r.status === 201).length, 5);
		for (const r of res.filter((x) => x.status !== 201)) assertError(r, 409, 'conflict');
		assert.equal(assertOk(await officerA.api.get(`/breakthrough-tasks?org=${org.id}&year=2025`)).total, 5);
	});

	it('roles and scope: viewer 403, another unit 404 or invalid org_id', async () => {
		const m = assertOk(await officerA.api.post('/dvk-models', model({ name: 'Phạm vi' })), 201).model;
		const t = assertOk(await officerA.api.post('/breakthrough-tasks', { org_id: orgA2.id, year: 2024, title: 'Phạm vi' }), 201).task;
		assertError(await viewerA.api.post('/dvk-models', model()), 403, 'forbidden');
		assertError(await viewerA.api.patch(`/dvk-models/${m.id}`, { name: 'Xem' }), 403, 'forbidden');
		assertError(await viewerA.api.post('/breakthrough-tasks', { org_id: orgA.id, year: 2024, title: 'X' }), 403, 'forbidden');
		assertError(await viewerA.api.patch(`/breakthrough-tasks/${t.id}`, { progress: 5 }), 403, 'forbidden');
		assertOk(await viewerA.api.get(`/dvk-models/${m.id}`));

		assertError(await officerB.api.get(`/dvk-models/${m.id}`), 404, 'not_found');
		assertError(await officerB.api.patch(`/dvk-models/${m.id}`, { name: 'B' }), 404, 'not_found');
		assertError(await officerB.api.patch(`/breakthrough-tasks/${t.id}`, { progress: 5 }), 404, 'not_found');
		assertError(await officerB.api.post('/dvk-models', model()), 400, 'invalid_field', 'org_id');
		assertError(await officerB.api.post('/breakthrough-tasks', { org_id: orgA.id, year: 2024, title: 'B' }), 400, 'invalid_field', 'org_id');
		assertError(await officerB.api.post('/dvk-models', model({ org_id: orgB.id, replicated_from: m.id })), 400, 'invalid_field', 'replicated_from');
		const lb = assertOk(await officerB.api.get('/dvk-models?limit=500'));
		assert.ok(!lb.items.some((x) => x.unit.code === A.code));
		const tb = assertOk(await officerB.api.get('/breakthrough-tasks?limit=500'));
		assert.ok(!tb.items.some((x) => x.unit.code === A.code));
		assertError(await officerB.api.get(`/breakthrough-tasks/summary?structure=2025&unit=${A.code}`), 403, 'forbidden');
		assertError(await officerA.api.get('/dvk-models/987654'), 404, 'not_found');
		// An organisation with models or tasks stays.
		assertError(await admin.del(`/organizations/${orgA.id}`), 409, 'in_use');
		assertError(await admin.del(`/organizations/${orgA2.id}`), 409, 'in_use');
	});

	it('validation errors carry the right codes', async () => {
		for (const [o, code, field] of [
			[{ name: '' }, 'invalid_field', 'name'],
			[{ name: 'n'.repeat(301) }, 'too_long', 'name'],
			[{ field: 'weather' }, 'invalid_field', 'field'],
			[{ kind: 'group' }, 'invalid_field', 'kind'],
			[{ year: 1999 }, 'invalid_field', 'year'],
			[{ year: 2101 }, 'invalid_field', 'year'],
			[{ year: '2025' }, 'invalid_field', 'year'],
			[{ status: 'done' }, 'invalid_field', 'status'],
			[{ results: 'r'.repeat(10001) }, 'too_long', 'results'],
			[{ evidence: 'e'.repeat(10001) }, 'too_long', 'evidence'],
			[{ colour: 'đỏ' }, 'unknown_field', 'colour'],
			[{ org_id: 987654 }, 'invalid_field', 'org_id'],
		]) {
			assertError(await officerA.api.post('/dvk-models', model(o)), 400, code, field);
		}
		const noName = model();
		delete noName.name;
		assertError(await officerA.api.post('/dvk-models', noName), 400, 'missing_field', 'name');
		const m = assertOk(await officerA.api.post('/dvk-models', model({ name: 'Sửa' })), 201).model;
		assertError(await officerA.api.patch(`/dvk-models/${m.id}`, { org_id: orgA2.id }), 400, 'unknown_field', 'org_id');
		assertError(await officerA.api.patch(`/dvk-models/${m.id}`, { field: 'x' }), 400, 'invalid_field', 'field');
		for (const [o, code, field] of [
			[{ title: '' }, 'invalid_field', 'title'],
			[{ title: 't'.repeat(501) }, 'too_long', 'title'],
			[{ year: 1999 }, 'invalid_field', 'year'],
			[{ progress: 5 }, 'unknown_field', 'progress'],
		]) {
			assertError(await officerA.api.post('/breakthrough-tasks', { org_id: orgA.id, year: 2024, title: 'T', ...o }), 400, code, field);
		}
		assertError(await officerA.api.post('/breakthrough-tasks', { org_id: orgA.id, title: 'T' }), 400, 'missing_field', 'year');
		for (const q of ['year=1999', 'kind=group', 'status=done', 'field=weather', 'unit=99999', 'org=x', 'limit=501', 'structure=2030']) {
			assertError(await officerA.api.get(`/dvk-models?${q}`), 400, 'invalid_param');
		}
		for (const q of ['year=abc', 'unit=99999']) {
			assertError(await officerA.api.get(`/breakthrough-tasks?${q}`), 400, 'invalid_param');
			assertError(await officerA.api.get(`/breakthrough-tasks/summary?${q}`), 400, 'invalid_param');
		}
	});
});
