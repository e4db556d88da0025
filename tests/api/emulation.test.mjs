// Emulation (docs/API.md "Emulation"): versioned criteria sets, blocs, self-assessment and appraisal,
// the ranking with its prizes and the activity floor, the XLSX result table, roles and scope.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	assertError, assertOk, childrenOf, makeUser, setup,
} from './fixtures.mjs';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('emulation', () => {
	let srv; let admin;
	let units; let orgs; let officers; let province; let viewer;
	let set; let crit;

	before(async () => {
		({ srv, admin } = await setup());
		units = await childrenOf(admin, '25', { n: 4, offset: 3 });
		orgs = [];
		officers = [];
		for (const [i, u] of units.entries()) {
			const unit = { structure: 2025, code: u.code };
			orgs.push(assertOk(await admin.post('/organizations',
				{ name: `UBND ${u.name}`, type: 'people_committee', unit }), 201).organization);
			officers.push(await makeUser(srv.url, admin, { role: 'officer', unit, username: `em.officer.${i}` }));
		}
		province = await makeUser(srv.url, admin, { role: 'officer', unit: { structure: 2025, code: '25' }, username: 'em.province' });
		viewer = await makeUser(srv.url, admin, { role: 'viewer', unit: { structure: 2025, code: '25' }, username: 'em.viewer' });
	});
	after(async () => { await srv?.stop(); });

	it('a criteria set is built, published, frozen and versioned', async () => {
		assertError(await viewer.api.post('/emulation/sets', { name: 'X', year: 2025 }), 403, 'forbidden');
		assertError(await officers[0].api.post('/emulation/sets', { name: 'X', year: 2025 }), 403, 'forbidden');
		assertError(await admin.post('/emulation/sets', { name: 'X', year: 1999 }), 400, 'invalid_field', 'year');
		set = assertOk(await admin.post('/emulation/sets', {
			name: 'Tiêu chí đánh giá công tác dân vận chính quyền', year: 2025,
			min_total: 50, min_activity: 1, flag_min: 85, merit_count: 2,
		}), 201).set;
		assert.equal(set.status, 'draft');
		assert.equal(set.version, 1);
		assert.equal(set.family_id, set.id);
		assert.equal(set.flag_min, 85);
		const add = (c) => admin.post(`/emulation/sets/${set.id}/criteria`, c);
		assertError(await admin.post(`/emulation/sets/${set.id}/publish`), 409, 'invalid_state');
		crit = {};
		crit.lead = assertOk(await add({ group_name: 'I. Lãnh đạo, chỉ đạo', code: 'I.1', name: 'Ban hành kế hoạch dân vận',
			max_points: 40, kind: 'score', evidence_required: true }), 201).criterion;
		crit.task = assertOk(await add({ group_name: 'II. Nhiệm vụ dân vận chính quyền', code: 'II.1',
			name: 'Tiếp công dân, giải quyết khiếu nại', max_points: 60, kind: 'score' }), 201).criterion;
		crit.ded = assertOk(await add({ group_name: 'III. Trừ điểm', code: 'III.1', name: 'Khiếu nại đông người, vượt cấp',
			max_points: 10, kind: 'deduction' }), 201).criterion;
		crit.bonus = assertOk(await add({ group_name: 'IV. Điểm thưởng', code: 'IV.1', name: 'Mô hình sáng tạo',
			max_points: 5, kind: 'bonus' }), 201).criterion;
		assert.equal(crit.lead.evidence_required, true);
		assert.equal(crit.ded.kind, 'deduction');
		assertError(await add({ group_name: 'I', code: 'I.1', name: 'Trùng mã', max_points: 1, kind: 'score' }), 409, 'conflict');
		assertError(await add({ group_name: 'I', code: 'I.9', name: 'Sai loại', max_points: 1, kind: 'penalty' }), 400, 'invalid_field', 'kind');
		assertError(await viewer.api.post(`/emulation/sets/${set.id}/criteria`,
			{ group_name: 'I', code: 'I.8', name: 'X', max_points: 1, kind: 'score' }), 403, 'forbidden');

		const pub = assertOk(await admin.post(`/emulation/sets/${set.id}/publish`)).set;
		assert.equal(pub.status, 'published');
		assert.ok(pub.published_at);
		assertError(await add({ group_name: 'V', code: 'V.1', name: 'Thêm sau', max_points: 5, kind: 'score' }), 409, 'set_published');
		assertError(await admin.post(`/emulation/sets/${set.id}/publish`), 409, 'set_published');
		const got = assertOk(await viewer.api.get(`/emulation/sets/${set.id}`));
		assert.deepEqual(got.criteria.map((c) => c.code), ['I.1', 'II.1', 'III.1', 'IV.1']);

		const nv = assertOk(await admin.post(`/emulation/sets/${set.id}/new-version`), 201);
		assert.equal(nv.set.version, 2);
		assert.equal(nv.set.status, 'draft');
		assert.equal(nv.set.family_id, set.id);
		assert.equal(nv.set.min_activity, 1);
		assert.deepEqual(nv.criteria.map((c) => [c.code, c.max_points, c.kind]),
			got.criteria.map((c) => [c.code, c.max_points, c.kind]));
		assertOk(await admin.post(`/emulation/sets/${nv.set.id}/criteria`,
			{ group_name: 'V', code: 'V.1', name: 'Thêm vào bản mới', max_points: 5, kind: 'score' }), 201);
		assertError(await admin.post(`/emulation/sets/${set.id}/new-version`), 409, 'conflict');
		const list = assertOk(await officers[0].api.get('/emulation/sets'));
		assert.ok(list.total >= 2);
		assert.equal(assertOk(await admin.get(`/emulation/sets/${set.id}`)).criteria.length, 4, 'the published set is unchanged');
		assertError(await admin.get('/emulation/sets/999999'), 404, 'not_found');
	});

	it('a bloc ranks self-assessed and appraised members with prizes and the activity floor', async () => {
		assertError(await viewer.api.post('/emulation/blocs', { name: 'K', set_id: set.id }), 403, 'forbidden');
		assertError(await admin.post('/emulation/blocs', { name: 'K', set_id: 999999 }), 400, 'invalid_field', 'set_id');
		const bloc = assertOk(await admin.post('/emulation/blocs', { name: 'Khối các xã', set_id: set.id }), 201).bloc;
		assert.deepEqual(bloc.members, []);
		assert.equal(bloc.set.year, 2025);
		let b;
		for (const o of orgs) b = assertOk(await admin.post(`/emulation/blocs/${bloc.id}/members`, { org_id: o.id })).bloc;
		assert.equal(b.members.length, 4);
		assertError(await admin.post(`/emulation/blocs/${bloc.id}/members`, { org_id: orgs[0].id }), 409, 'conflict');
		assertError(await officers[0].api.post(`/emulation/blocs/${bloc.id}/members`, { org_id: orgs[1].id }), 403, 'forbidden');
		const bl = assertOk(await viewer.api.get('/emulation/blocs'));
		assert.equal(bl.items.find((x) => x.id === bloc.id).member_count, 4);

		// Activity in 2025: reception sessions for the first three communes, none for the fourth.
		for (let i = 0; i < 3; i++) {
			assertOk(await officers[i].api.post('/reception/sessions', {
				org_id: orgs[i].id, kind: 'regular', day: '2025-05-0' + (i + 1), place: 'Trụ sở UBND', host_name: 'Chủ tịch UBND',
			}), 201);
		}

		const put = (u, o) => u.api.put('/emulation/scores', o);
		const score = (i, c, kind, points, o = {}) => ({ org_id: orgs[i].id, criterion_id: c.id, kind, points, ...o });
		// Self-assessment by each commune's officer.
		assertError(await put(officers[0], score(0, crit.lead, 'self', 30)), 400, 'invalid_field', 'evidence');
		assertError(await put(officers[0], score(0, crit.task, 'self', 61)), 400, 'invalid_field', 'points');
		assertError(await put(officers[0], score(1, crit.task, 'self', 10)), 400, 'invalid_field', 'org_id');
		assertError(await put(province, score(0, crit.task, 'self', 10)), 403, 'forbidden');
		assertError(await put(viewer, score(0, crit.task, 'appraisal', 10)), 403, 'forbidden');
		const selfPts = [[38, 55, 0, 2], [36, 50, 5, 0], [32, 40, 0, 0], [40, 60, 0, 5]];
		for (let i = 0; i < 4; i++) {
			const [l, t, d, bo] = selfPts[i];
			const s = assertOk(await put(officers[i], score(i, crit.lead, 'self', l, { evidence: 'Kế hoạch số 12-KH/UBND', note: 'Đã ban hành' }))).score;
			assert.equal(s.self_points, l);
			assert.equal(s.appraised_points, null);
			assertOk(await put(officers[i], score(i, crit.task, 'self', t)));
			assertOk(await put(officers[i], score(i, crit.ded, 'self', d)));
			assertOk(await put(officers[i], score(i, crit.bonus, 'self', bo)));
		}
		// A commune officer cannot appraise; the province officer can.
		assertError(await put(officers[0], score(0, crit.task, 'appraisal', 50)), 403, 'forbidden');
		assertError(await put(province, score(0, crit.task, 'appraisal', 61)), 400, 'invalid_field', 'points');
		assertError(await put(province, score(0, crit.task, 'appraisal', 50, { evidence: 'x' })), 400, 'invalid_field', 'evidence');
		// Appraised totals: 90, 80 (with a deduction), 70, and 100 for the commune without activity.
		const appr = [[35, 55, 0, 0], [35, 50, 5, 0], [30, 40, 0, 0], [40, 55, 0, 5]];
		for (let i = 0; i < 4; i++) {
			const [l, t, d, bo] = appr[i];
			const s = assertOk(await put(province, score(i, crit.lead, 'appraisal', l, { note: 'Thẩm định' }))).score;
			assert.equal(s.appraised_points, l);
			assert.equal(s.self_points, selfPts[i][0]);
			assertOk(await put(province, score(i, crit.task, 'appraisal', t)));
			assertOk(await put(province, score(i, crit.ded, 'appraisal', d)));
			assertOk(await put(province, score(i, crit.bonus, 'appraisal', bo)));
		}
		const r = assertOk(await viewer.api.get(`/emulation/blocs/${bloc.id}/ranking`));
		assert.equal(r.bloc.id, bloc.id);
		assert.equal(r.set.id, set.id);
		const rows = r.rows;
		assert.deepEqual(rows.map((x) => x.org.id), [orgs[3].id, orgs[0].id, orgs[1].id, orgs[2].id]);
		assert.deepEqual(rows.map((x) => x.rank), [1, 2, 3, 4]);
		assert.deepEqual(rows.map((x) => x.appraised_total), [100, 90, 80, 70]);
		assert.deepEqual(rows.map((x) => x.self_total), [105, 95, 81, 72]);
		assert.deepEqual(rows.map((x) => x.activity), [0, 1, 1, 1]);
		assert.equal(rows[0].eligible, false);
		assert.equal(rows[0].prize, null, 'the member without activity gets no prize even with the highest score');
		assert.deepEqual(rows[0].awards, []);
		assert.match(rows[0].note, /hoạt động/);
		assert.deepEqual(rows.slice(1).map((x) => x.awards), [['first', 'flag'], ['second', 'merit'], ['third', 'merit']]);
		assert.deepEqual(rows.slice(1).map((x) => x.prize), ['Hạng Nhất, Cờ thi đua', 'Hạng Nhì, Bằng khen', 'Hạng Ba, Bằng khen']);

		const x = await fetch(`${srv.url}/api/v1/emulation/blocs/${bloc.id}/ranking?format=xlsx`,
			{ headers: { cookie: viewer.session.cookie } });
		assert.equal(x.status, 200);
		assert.equal(x.headers.get('content-type'), XLSX_TYPE);
		const buf = Buffer.from(await x.arrayBuffer());
		assert.equal(buf.subarray(0, 2).toString('latin1'), 'PK');
		assertError(await admin.get(`/emulation/blocs/${bloc.id}/ranking?format=pdf`), 400, 'invalid_param', 'format');
		assertError(await admin.get('/emulation/blocs/999999/ranking'), 404, 'not_found');
	});

	it('scoring needs a published set, and writes are audited', async () => {
		const draft = assertOk(await admin.post('/emulation/sets', { name: 'Bản nháp', year: 2025 }), 201).set;
		const c = assertOk(await admin.post(`/emulation/sets/${draft.id}/criteria`,
			{ group_name: 'I', code: 'I.1', name: 'Tiêu chí', max_points: 10, kind: 'score' }), 201).criterion;
		const bloc = assertOk(await admin.post('/emulation/blocs', { name: 'Khối nháp', set_id: draft.id }), 201).bloc;
		assertOk(await admin.post(`/emulation/blocs/${bloc.id}/members`, { org_id: orgs[0].id }));
		assertError(await officers[0].api.put('/emulation/scores',
			{ org_id: orgs[0].id, criterion_id: c.id, kind: 'self', points: 5 }), 409, 'set_draft');
		const a = assertOk(await admin.get('/audit?entity=emulation_score'));
		assert.ok(a.items.length > 0, 'score writes are in the audit log');
		const s = assertOk(await admin.get('/audit?entity=emulation_set'));
		assert.ok(s.items.length >= 3);
	});
});
