// Grassroots democracy (docs/API.md "Grassroots democracy (issue 5)"): villages, public disclosure with the
// due day of R-DC-05 and the compliance of a commune, votes with the outcome computed from the threshold
// rows (P-DC-23, each rule at its boundary, a changed rule changes the outcome), suggestion boxes, inspection
// and supervision boards with their composition warnings (R-DC-50/52/54/61 as data), counts, roles and scope;
// then the time limits of R-DC-18 (convention posting, recognition dossier), R-DC-20 (new election after a
// dismissal) and R-DC-22 (conference notice) as deadline_rules rows, the board rules by term start (R-DC-56),
// the heads' term (R-DC-51), dissolved supervision boards (R-DC-60) and the months household consents to an
// initiative stay valid (R-DC-21, a dc_period_rules row).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	ISO_UTC, assertError, assertOk, childrenOf, makeUser, setup,
} from './fixtures.mjs';

describe('grassroots democracy', () => {
	let srv; let admin;
	let A; let B; let refA;
	let ubndA; let mttqA; let orgB; let orgP;
	let officerA; let viewerA; let officerB;
	let vil = {};

	before(async () => {
		({ srv, admin } = await setup());
		[A, B] = await childrenOf(admin, '25', { n: 2, offset: 5 });
		refA = { structure: 2025, code: A.code };
		const refB = { structure: 2025, code: B.code };
		const org = async (name, type, unit) => assertOk(await admin.post('/organizations', { name, type, unit }), 201).organization;
		ubndA = await org('UBND xã A', 'people_committee', refA);
		mttqA = await org('Ủy ban MTTQ xã A', 'fatherland_front', refA);
		orgB = await org('UBND xã B', 'people_committee', refB);
		orgP = await org('UBND tỉnh', 'people_committee', { structure: 2025, code: '25' });
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'dc.officer.a' });
		viewerA = await makeUser(srv.url, admin, { role: 'viewer', unit: refA, username: 'dc.viewer.a' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: refB, username: 'dc.officer.b' });
	});
	after(async () => { await srv?.stop(); });

	it('the vocabularies: 14 content groups (4-14 unconfirmed), channels, matters, forms', async () => {
		const v = assertOk(await viewerA.api.get('/democracy/vocabularies'));
		assert.equal(v.groups.length, 14);
		assert.deepEqual(v.groups.slice(0, 3).map((g) => g.status), ['C', 'C', 'C']);
		assert.ok(v.groups.slice(3).every((g) => g.status === 'U'));
		assert.equal(v.groups.filter((g) => g.required).length, 13);
		assert.ok(v.groups.every((g) => g.source.startsWith('Luật THDCCS Điều 11')));
		for (const c of ['posting', 'portal', 'loudspeaker', 'village_head', 'letter', 'conference', 'social_media']) {
			assert.ok(v.channels.some((x) => x.code === c), c);
		}
		assert.deepEqual(v.forms.map((x) => x.code), ['meeting', 'ballot', 'online']);
		assert.ok(v.matters.some((x) => x.code === 'convention' && x.name === 'Hương ước, quy ước'));
		assert.deepEqual(v.board_kinds.map((x) => x.code), ['ttnd_commune', 'ttnd_agency', 'gsdtccd']);
		const r = assertOk(await viewerA.api.get('/democracy/vote-rules'));
		const byM = Object.fromEntries(r.items.map((x) => [x.matter, x]));
		assert.equal(byM.comment, undefined);
		assert.deepEqual([byM.procedural.rule_id, byM.procedural.basis, byM.procedural.num, byM.procedural.den, byM.procedural.strict],
			['R-DC-15', 'present', 1, 2, true]);
		assert.deepEqual([byM.infrastructure.rule_id, byM.infrastructure.basis, byM.infrastructure.num, byM.infrastructure.den,
			byM.infrastructure.strict], ['R-DC-16', 'total', 2, 3, false]);
		assert.equal(byM.infrastructure.label, 'Từ 2/3 tổng số hộ gia đình trở lên');
		assert.equal(byM.convention.label, 'Trên 1/2 tổng số hộ gia đình');
		assert.equal(byM.admin_unit.rule_id, 'R-DC-31');
		const b = assertOk(await viewerA.api.get('/democracy/board-rules'));
		assert.deepEqual(b.items.map((x) => x.id), ['R-DC-50', 'R-DC-51', 'R-DC-52', 'R-DC-54', 'R-DC-56', 'R-DC-61', 'R-DC-61-vice']);
		const byR = Object.fromEntries(b.items.map((x) => [x.id, x]));
		// R-DC-56: the pre-2023 numbers hold for terms before 2023-07-01 only, the 2022 law's from that day.
		assert.deepEqual([byR['R-DC-56'].value, byR['R-DC-56'].value2, byR['R-DC-56'].valid_from, byR['R-DC-56'].valid_to],
			[5, 11, null, '2023-07-01']);
		assert.deepEqual([byR['R-DC-50'].valid_from, byR['R-DC-50'].valid_to], ['2023-07-01', null]);
		assert.deepEqual([byR['R-DC-51'].check, byR['R-DC-51'].heads_term_start, byR['R-DC-51'].heads_term_end],
			['same_term', null, null]);
		const dl = Object.fromEntries(assertOk(await viewerA.api.get('/deadline-rules')).items.map((x) => [x.id, x]));
		assert.deepEqual([dl['R-DC-18'].amount, dl['R-DC-18'].day_unit], [30, 'calendar']);
		assert.deepEqual([dl['R-DC-18-hs'].amount, dl['R-DC-18-hs'].day_unit], [5, 'working']);
		assert.deepEqual([dl['R-DC-20'].amount, dl['R-DC-20'].day_unit], [60, 'calendar']);
		assert.deepEqual([dl['R-DC-22'].amount, dl['R-DC-22'].day_unit], [5, 'calendar']);
	});

	it('villages and residential groups of a commune', async () => {
		const mk = async (name, households, kind = 'village') => assertOk(await officerA.api.post('/democracy/villages',
			{ unit: refA, name, kind, households }), 201).village;
		vil.dong = await mk('Thôn Đông', 200);
		assert.deepEqual(Object.keys(vil.dong).sort(), ['created_at', 'households', 'id', 'kind', 'name', 'unit', 'updated_at']);
		assert.deepEqual(vil.dong.unit, { structure: 2025, code: A.code, name: A.name });
		assert.match(vil.dong.created_at, ISO_UTC);
		vil.tay = await mk('Thôn Tây', 300);
		vil.nam = await mk('Thôn Nam', 150);
		vil.bac = await mk('Thôn Bắc', 120);
		vil.tdp1 = await mk('Tổ dân phố số 1', 90, 'residential_group');
		vil.tdp2 = await mk('Tổ dân phố số 2', 40, 'residential_group');
		assertError(await officerA.api.post('/democracy/villages', { unit: refA, name: 'Thôn Đông', kind: 'village', households: 1 }),
			409, 'conflict', 'name');
		assertError(await officerA.api.post('/democracy/villages', { unit: { structure: 2025, code: '25' }, name: 'X', kind: 'village',
			households: 1 }), 400, 'invalid_field', 'unit');
		assertError(await officerA.api.post('/democracy/villages', { unit: { structure: 2025, code: B.code }, name: 'X',
			kind: 'village', households: 1 }), 400, 'invalid_field', 'unit');
		assertError(await officerA.api.post('/democracy/villages', { unit: refA, name: 'X', kind: 'hamlet', households: 1 }),
			400, 'invalid_field', 'kind');
		assertError(await officerA.api.post('/democracy/villages', { unit: refA, name: 'X', kind: 'village', households: 2000000 }),
			400, 'invalid_field', 'households');
		assertError(await viewerA.api.post('/democracy/villages', { unit: refA, name: 'X', kind: 'village', households: 1 }),
			403, 'forbidden');
		const u = assertOk(await officerA.api.patch(`/democracy/villages/${vil.nam.id}`, { households: 155 })).village;
		assert.equal(u.households, 155);
		vil.nam = assertOk(await officerA.api.patch(`/democracy/villages/${vil.nam.id}`, { households: 150 })).village;
		const l = assertOk(await viewerA.api.get(`/democracy/villages?structure=2025&unit=${A.code}`));
		assert.equal(l.total, 6);
		assert.deepEqual(l.items.map((x) => x.name), ['Thôn Bắc', 'Thôn Đông', 'Thôn Nam', 'Thôn Tây', 'Tổ dân phố số 1',
			'Tổ dân phố số 2']);
		assert.equal(assertOk(await officerB.api.get('/democracy/villages')).total, 0);
		assert.equal(assertOk(await officerA.api.get(`/democracy/villages?org=${ubndA.id}`)).total, 6);
		assertError(await officerB.api.patch(`/democracy/villages/${vil.nam.id}`, { households: 1 }), 404, 'not_found');
	});

	const vote = (o = {}) => ({ org_id: ubndA.id, village_id: vil.dong.id, matter: 'convention', form: 'meeting',
		subject: 'Thông qua hương ước thôn Đông', day: '2025-05-10', present: 150, yes: 120, no: 20, abstain: 10, ...o });

	it('R-DC-17: a village convention passes with more than half of all households (120 of 200 yes)', async () => {
		const v = assertOk(await officerA.api.post('/democracy/votes', vote()), 201).vote;
		assert.equal(v.total_households, 200, 'the total defaults to the village households');
		assert.equal(v.scope, 'village');
		assert.deepEqual(v.village, { id: vil.dong.id, name: 'Thôn Đông' });
		assert.equal(v.matter_name, 'Hương ước, quy ước');
		assert.deepEqual(v.outcome, { result: 'passed', rule: { id: 'R-DC-17', basis: 'total', num: 1, den: 2, strict: true,
			label: 'Trên 1/2 tổng số hộ gia đình' }, base: 200, needed: 101, fraction: '120/200' });
		const at = async (yes, result) => {
			const x = assertOk(await officerA.api.post('/democracy/votes', vote({ yes, no: 0, abstain: 0 })), 201).vote;
			assert.equal(x.outcome.result, result, `${yes}/200`);
			return x;
		};
		await at(101, 'passed');
		const half = await at(100, 'not_passed');
		assert.equal(half.outcome.fraction, '100/200');
		// The basis is all households, not those present: 100 of 100 present is still not a majority of 200.
		const x = assertOk(await officerA.api.post('/democracy/votes', vote({ present: 100, yes: 100, no: 0, abstain: 0 })), 201).vote;
		assert.equal(x.outcome.result, 'not_passed');
		assertOk(await viewerA.api.get(`/democracy/votes/${v.id}`));
	});

	it('R-DC-16: contributions need at least 2/3 of all households (>=), R-DC-15: procedure more than half present', async () => {
		const inf = (yes, o = {}) => vote({ village_id: vil.tay.id, matter: 'infrastructure', subject: 'Mức đóng góp làm đường',
			present: 250, yes, no: 250 - yes, abstain: 0, ...o });
		const p = assertOk(await officerA.api.post('/democracy/votes', inf(200)), 201).vote;
		assert.equal(p.total_households, 300);
		assert.equal(p.outcome.result, 'passed');
		assert.equal(p.outcome.needed, 200);
		assert.equal(p.outcome.rule.id, 'R-DC-16');
		assert.equal(assertOk(await officerA.api.post('/democracy/votes', inf(199)), 201).vote.outcome.result, 'not_passed');
		const c = assertOk(await officerA.api.post('/democracy/votes', inf(200, { matter: 'contributions' })), 201).vote;
		assert.equal(c.outcome.result, 'passed');
		const pr = (yes) => vote({ matter: 'procedural', subject: 'Bầu thư ký hội nghị', total_households: 200, present: 151,
			yes, no: 151 - yes, abstain: 0 });
		const p1 = assertOk(await officerA.api.post('/democracy/votes', pr(76)), 201).vote;
		assert.deepEqual([p1.outcome.result, p1.outcome.base, p1.outcome.needed, p1.outcome.fraction], ['passed', 151, 76, '76/151']);
		assert.equal(assertOk(await officerA.api.post('/democracy/votes', pr(75)), 201).vote.outcome.result, 'not_passed');
		// Comment-only consultations have no threshold.
		const cm = assertOk(await officerA.api.post('/democracy/votes', vote({ matter: 'comment', subject: 'Góp ý dự thảo quy hoạch',
			yes: 0, no: 0, abstain: 0 })), 201).vote;
		assert.deepEqual(cm.outcome, { result: 'not_applicable', rule: null, base: null, needed: null, fraction: null });
	});

	it('R-DC-31 / R-DC-12: a commune-wide household ballot counts every household of the commune', async () => {
		// 200 + 300 + 150 + 120 + 90 + 40 = 900 households; more than half = 451.
		const b = (yes) => vote({ village_id: undefined, form: 'ballot', matter: 'admin_unit', subject: 'Nhập xã',
			present: 800, yes, no: 800 - yes, abstain: 0 });
		const v = assertOk(await officerA.api.post('/democracy/votes', b(451)), 201).vote;
		assert.equal(v.scope, 'commune');
		assert.equal(v.village, null);
		assert.equal(v.total_households, 900);
		assert.deepEqual([v.outcome.result, v.outcome.needed, v.outcome.rule.id], ['passed', 451, 'R-DC-31']);
		assert.equal(assertOk(await officerA.api.post('/democracy/votes', b(450)), 201).vote.outcome.result, 'not_passed');
		// A meeting is held in a village.
		assertError(await officerA.api.post('/democracy/votes', vote({ village_id: undefined })), 400, 'invalid_field', 'village_id');
	});

	it('validates the counts: votes <= present <= total; the village of the organisation\'s commune', async () => {
		assertError(await officerA.api.post('/democracy/votes', vote({ present: 201 })), 400, 'invalid_field', 'present');
		assertError(await officerA.api.post('/democracy/votes', vote({ yes: 130 })), 400, 'invalid_field', 'yes');
		assertError(await officerA.api.post('/democracy/votes', vote({ total_households: 0 })), 400, 'invalid_field',
			'total_households');
		assertError(await officerA.api.post('/democracy/votes', vote({ yes: -1 })), 400);
		assertError(await officerA.api.post('/democracy/votes', vote({ matter: 'nope' })), 400, 'invalid_field', 'matter');
		assertError(await officerA.api.post('/democracy/votes', vote({ form: 'show_of_hands' })), 400, 'invalid_field', 'form');
		assertError(await officerA.api.post('/democracy/votes', vote({ day: '2025-02-30' })), 400, 'invalid_field', 'day');
		assertError(await officerA.api.post('/democracy/votes', vote({ present: undefined })), 400, 'missing_field', 'present');
		assertError(await officerA.api.post('/democracy/votes', vote({ org_id: orgP.id })), 400, 'invalid_field', 'org_id');
		assertError(await officerA.api.post('/democracy/votes', vote({ org_id: orgB.id })), 400, 'invalid_field', 'org_id');
		const vb = assertOk(await admin.post('/democracy/villages', { unit: { structure: 2025, code: B.code }, name: 'Thôn B1',
			kind: 'village', households: 80 }), 201).village;
		assertError(await officerA.api.post('/democracy/votes', vote({ village_id: vb.id })), 400, 'invalid_field', 'village_id');
		assertError(await viewerA.api.post('/democracy/votes', vote()), 403, 'forbidden');
		assertError(await officerA.api.post('/democracy/votes', { ...vote(), extra: 1 }), 400, 'unknown_field');
		// An update is checked against the merged values and recomputes the outcome.
		const v = assertOk(await officerA.api.post('/democracy/votes', vote({ yes: 100, no: 40 })), 201).vote;
		assert.equal(v.outcome.result, 'not_passed');
		assertError(await officerA.api.patch(`/democracy/votes/${v.id}`, { present: 120 }), 400, 'invalid_field', 'yes');
		const u = assertOk(await officerA.api.patch(`/democracy/votes/${v.id}`, { yes: 110, no: 30 })).vote;
		assert.equal(u.outcome.result, 'passed');
		assertError(await officerB.api.get(`/democracy/votes/${v.id}`), 404, 'not_found');
		assertError(await officerB.api.patch(`/democracy/votes/${v.id}`, { yes: 1 }), 404, 'not_found');
		const au = assertOk(await admin.get('/audit?entity=dc_vote&action=update&limit=50'));
		assert.ok(au.items.some((x) => x.entity_id === v.id));
	});

	it('the thresholds are data: changing a rule row changes the outcome', async () => {
		const l = assertOk(await officerA.api.get(`/democracy/votes?structure=2025&unit=${A.code}&matter=convention&limit=500`));
		const v = l.items.find((x) => x.yes === 120 && x.total_households === 200 && x.present === 150);
		assert.equal(v.outcome.result, 'passed');
		assertError(await officerA.api.patch('/democracy/vote-rules/convention', { num: 2, den: 3 }), 403, 'forbidden');
		const r = assertOk(await admin.patch('/democracy/vote-rules/convention', { num: 2, den: 3, strict: false })).rule;
		assert.equal(r.label, 'Từ 2/3 tổng số hộ gia đình trở lên');
		const g = assertOk(await officerA.api.get(`/democracy/votes/${v.id}`)).vote;
		assert.deepEqual([g.outcome.result, g.outcome.needed, g.outcome.rule.num, g.outcome.rule.den], ['not_passed', 134, 2, 3]);
		// Basis "present": 120 of 150 present is more than 2/3.
		assert.equal(assertOk(await admin.patch('/democracy/vote-rules/convention', { basis: 'present' })).rule.basis, 'present');
		assert.equal(assertOk(await officerA.api.get(`/democracy/votes/${v.id}`)).vote.outcome.result, 'passed');
		assertError(await admin.patch('/democracy/vote-rules/convention', { basis: 'all' }), 400, 'invalid_field', 'basis');
		assertError(await admin.patch('/democracy/vote-rules/convention', { num: 3, den: 2 }), 400, 'invalid_field');
		assertError(await admin.patch('/democracy/vote-rules/comment', { num: 1 }), 404, 'not_found');
		assertOk(await admin.patch('/democracy/vote-rules/convention', { basis: 'total', num: 1, den: 2, strict: true }));
		assert.equal(assertOk(await officerA.api.get(`/democracy/votes/${v.id}`)).vote.outcome.result, 'passed');
		const au = assertOk(await admin.get('/audit?entity=dc_vote_rule&limit=50'));
		assert.ok(au.items.length >= 3);
	});

	const disc = (o = {}) => ({ org_id: ubndA.id, group: 'g02', title: 'Dự toán ngân sách xã năm 2025',
		channels: ['posting', 'portal'], decision_day: '2025-03-03', from_day: '2025-03-10', duration_days: 30, ...o });

	it('R-DC-05: a disclosure is due 10 working days after the decision (a deadline rule row), late otherwise', async () => {
		const d = assertOk(await officerA.api.post('/democracy/disclosures', disc()), 201).disclosure;
		assert.deepEqual(Object.keys(d).sort(), ['channels', 'created_at', 'decision_day', 'document', 'due_day', 'duration_days',
			'end_day', 'from_day', 'group', 'id', 'late', 'note', 'org', 'title', 'unit', 'until_day', 'updated_at']);
		assert.equal(d.due_day, '2025-03-17');
		assert.equal(d.late, false);
		assert.equal(d.end_day, '2025-04-08');
		assert.deepEqual(d.channels, ['posting', 'portal']);
		assert.deepEqual(d.group, { code: 'g02', name: 'Dự toán, tình hình thực hiện, quyết toán ngân sách xã và kết quả kiểm toán' });
		const onDue = assertOk(await officerA.api.post('/democracy/disclosures', disc({ from_day: '2025-03-17' })), 201).disclosure;
		assert.equal(onDue.late, false);
		const late = assertOk(await officerA.api.post('/democracy/disclosures', disc({ from_day: '2025-03-18', until_day: '2025-12-31',
			duration_days: undefined })), 201).disclosure;
		assert.equal(late.late, true);
		assert.equal(late.end_day, '2025-12-31');
		// Without a decision day there is no due day.
		const nd = assertOk(await officerA.api.post('/democracy/disclosures', disc({ decision_day: undefined })), 201).disclosure;
		assert.equal(nd.due_day, null);
		// The rule is data: 5 working days makes the same publication late.
		assertOk(await admin.patch('/deadline-rules/R-DC-05', { amount: 5 }));
		const d5 = assertOk(await officerA.api.post('/democracy/disclosures', disc()), 201).disclosure;
		assert.deepEqual([d5.due_day, d5.late], ['2025-03-10', false]);
		const d5b = assertOk(await officerA.api.post('/democracy/disclosures', disc({ from_day: '2025-03-11' })), 201).disclosure;
		assert.equal(d5b.late, true);
		assertOk(await admin.patch('/deadline-rules/R-DC-05', { amount: 10 }));
		// An update recomputes the due day.
		const u = assertOk(await officerA.api.patch(`/democracy/disclosures/${d5b.id}`, { title: 'Sửa tên' })).disclosure;
		assert.deepEqual([u.due_day, u.late], ['2025-03-17', false]);
		const u2 = assertOk(await officerA.api.patch(`/democracy/disclosures/${d5b.id}`, { channels: ['loudspeaker'], until_day: '2025-06-30' }))
			.disclosure;
		assert.deepEqual([u2.channels, u2.until_day, u2.duration_days], [['loudspeaker'], '2025-06-30', null]);
		assert.deepEqual(assertOk(await viewerA.api.get(`/democracy/disclosures/${d5b.id}`)).disclosure, u2);
	});

	it('validates disclosures', async () => {
		assertError(await officerA.api.post('/democracy/disclosures', disc({ channels: [] })), 400, 'invalid_field', 'channels');
		assertError(await officerA.api.post('/democracy/disclosures', disc({ channels: undefined })), 400, 'missing_field', 'channels');
		assertError(await officerA.api.post('/democracy/disclosures', disc({ channels: ['radio'] })), 400, 'invalid_field', 'channels');
		assertError(await officerA.api.post('/democracy/disclosures', disc({ channels: ['portal', 'portal'] })), 400, 'invalid_field',
			'channels');
		assertError(await officerA.api.post('/democracy/disclosures', disc({ channels: 'portal' })), 400, 'invalid_field', 'channels');
		assertError(await officerA.api.post('/democracy/disclosures', disc({ channels: Array(11).fill('portal') })), 400,
			'invalid_field', 'channels');
		assertError(await officerA.api.post('/democracy/disclosures', disc({ group: 'g99' })), 400, 'invalid_field', 'group');
		assertError(await officerA.api.post('/democracy/disclosures', disc({ until_day: '2025-04-01' })), 400, 'invalid_field',
			'until_day');
		assertError(await officerA.api.post('/democracy/disclosures', disc({ duration_days: undefined, until_day: '2025-03-01' })), 400,
			'invalid_field', 'until_day');
		assertError(await officerA.api.post('/democracy/disclosures', disc({ duration_days: 0 })), 400, 'invalid_field',
			'duration_days');
		assertError(await officerA.api.post('/democracy/disclosures', disc({ from_day: '10/03/2025' })), 400, 'invalid_field',
			'from_day');
		assertError(await officerA.api.post('/democracy/disclosures', disc({ title: 'x'.repeat(501) })), 400);
		assertError(await viewerA.api.post('/democracy/disclosures', disc()), 403, 'forbidden');
		assertError(await officerB.api.post('/democracy/disclosures', disc()), 400, 'invalid_field', 'org_id');
	});

	it('compliance of a commune and a year: each required group disclosed or not, x/y', async () => {
		const c = assertOk(await viewerA.api.get(`/democracy/disclosures/compliance?structure=2025&unit=${A.code}&year=2025`));
		assert.equal(c.required, 13);
		assert.equal(c.disclosed, 1);
		const g2 = c.groups.find((g) => g.code === 'g02');
		assert.equal(g2.disclosed, true);
		assert.ok(g2.items >= 5);
		assert.equal(g2.late, 1);
		assert.equal(c.groups.find((g) => g.code === 'g01').disclosed, false);
		for (const g of ['g01', 'g03', 'g04', 'g05', 'g06', 'g07', 'g08', 'g09', 'g10', 'g11', 'g12', 'g13']) {
			assertOk(await officerA.api.post('/democracy/disclosures', disc({ group: g, title: `Nội dung nhóm ${g}` })), 201);
		}
		const c2 = assertOk(await viewerA.api.get(`/democracy/disclosures/compliance?structure=2025&unit=${A.code}&year=2025`));
		assert.deepEqual([c2.disclosed, c2.required], [13, 13]);
		assert.equal(c2.groups.find((g) => g.code === 'g14').required, false);
		const c24 = assertOk(await viewerA.api.get(`/democracy/disclosures/compliance?structure=2025&unit=${A.code}&year=2024`));
		assert.equal(c24.disclosed, 0);
		assertError(await officerA.api.get(`/democracy/disclosures/compliance?structure=2025&unit=${B.code}&year=2025`), 403, 'forbidden');
		assertError(await officerA.api.get('/democracy/disclosures/compliance?structure=2025&unit=25&year=2025'), 400, 'invalid_param',
			'unit');
		assertError(await officerA.api.get(`/democracy/disclosures/compliance?structure=2025&unit=${A.code}`), 400, 'invalid_param',
			'year');
		const l = assertOk(await viewerA.api.get(`/democracy/disclosures?group=g02&from=2025-03-11&to=2025-03-31&limit=500`));
		assert.ok(l.items.every((x) => x.group.code === 'g02' && x.from_day >= '2025-03-11'));
		assert.ok(l.total >= 3);
	});

	it('suggestion boxes and their openings', async () => {
		const box = assertOk(await officerA.api.post('/democracy/boxes', { org_id: mttqA.id, place: 'Trụ sở UBND xã',
			installed_day: '2024-01-15' }), 201).box;
		assert.deepEqual([box.openings, box.letters, box.last_opened], [0, 0, null]);
		const op = assertOk(await officerA.api.post(`/democracy/boxes/${box.id}/openings`, { day: '2025-03-31',
			opened_by: 'Đại diện MTTQ, UBND xã, Ban TTND', letters: 3, summary: '2 thư phản ánh đường xuống cấp, 1 thư khen',
			follow_up: 'Chuyển UBND xã giải quyết' }), 201).opening;
		assert.equal(op.letters, 3);
		assertOk(await officerA.api.post(`/democracy/boxes/${box.id}/openings`, { day: '2025-06-30', opened_by: 'MTTQ xã',
			letters: 0 }), 201);
		const g = assertOk(await viewerA.api.get(`/democracy/boxes/${box.id}`));
		assert.deepEqual([g.box.openings, g.box.letters, g.box.last_opened], [2, 3, '2025-06-30']);
		assert.deepEqual(g.openings.map((x) => x.day), ['2025-06-30', '2025-03-31']);
		assertError(await officerA.api.post(`/democracy/boxes/${box.id}/openings`, { day: '2025-06-30', opened_by: 'X' }), 400,
			'missing_field', 'letters');
		assertError(await officerA.api.post(`/democracy/boxes/${box.id}/openings`, { day: '', opened_by: 'X', letters: 1 }), 400);
		assertError(await viewerA.api.post(`/democracy/boxes/${box.id}/openings`, { day: '2025-06-30', opened_by: 'X', letters: 1 }),
			403, 'forbidden');
		assertError(await officerB.api.post(`/democracy/boxes/${box.id}/openings`, { day: '2025-06-30', opened_by: 'X', letters: 1 }),
			404, 'not_found');
		assertError(await officerA.api.post('/democracy/boxes', { org_id: mttqA.id, place: '' }), 400, 'invalid_field', 'place');
		assert.equal(assertOk(await officerA.api.get('/democracy/boxes')).total, 1);
	});

	it('boards: composition warnings from the rule rows (R-DC-50, 52, 54, 61)', async () => {
		const board = assertOk(await officerA.api.post('/democracy/boards', { org_id: mttqA.id, kind: 'ttnd_commune',
			name: 'Ban Thanh tra nhân dân xã A', term_start: '2025-01-01', term_end: '2027-12-31' }), 201).board;
		const url = `/democracy/boards/${board.id}`;
		const add = async (name, role = 'member', village_id = vil.dong.id) => assertOk(await officerA.api.post(`${url}/members`,
			{ name, role, village_id, elected_day: '2025-01-05' }), 201).member;
		await add('Nguyễn Văn An', 'head');
		await add('Trần Thị Bình', 'vice');
		await add('Lê Văn Cường');
		await add('Phạm Thị Dung');
		// 6 villages: at least 6 members (R-DC-50), although the floor is 5.
		let g = assertOk(await viewerA.api.get(url));
		assert.equal(g.board.members, 4);
		assert.deepEqual(g.warnings.map((w) => w.rule), ['R-DC-50']);
		assert.match(g.warnings[0].message, /ít nhất 6 thành viên/);
		await add('Hoàng Văn Em');
		const m6 = await add('Vũ Thị Gấm');
		assert.deepEqual(assertOk(await viewerA.api.get(url)).warnings, []);
		assertError(await officerA.api.post(`${url}/members`, { name: 'Trưởng ban thứ hai', role: 'head' }), 409, 'conflict', 'role');
		// 9 members with 3 vice-heads: R-DC-52.
		await add('Đỗ Văn Hùng', 'vice');
		await add('Bùi Thị Lan', 'vice');
		await add('Ngô Văn Minh');
		g = assertOk(await viewerA.api.get(url));
		assert.deepEqual(g.warnings.map((w) => w.rule), ['R-DC-52']);
		assert.match(g.warnings[0].message, /tối đa 2 Phó Trưởng ban; hiện có 3/);
		// The numbers are data.
		assertError(await officerA.api.patch('/democracy/board-rules/R-DC-52', { value: 3 }), 403, 'forbidden');
		assertOk(await admin.patch('/democracy/board-rules/R-DC-52', { value: 3 }));
		assert.deepEqual(assertOk(await viewerA.api.get(url)).warnings, []);
		assertOk(await admin.patch('/democracy/board-rules/R-DC-52', { value: 2 }));
		assertOk(await admin.patch('/democracy/board-rules/R-DC-50', { value: 10 }));
		assert.match(assertOk(await viewerA.api.get(url)).warnings.map((w) => w.message).join(' '), /ít nhất 10 thành viên/);
		assertOk(await admin.patch('/democracy/board-rules/R-DC-50', { value: 5 }));
		assertError(await admin.patch('/democracy/board-rules/R-DC-50', { value2: 3 }), 400, 'invalid_field', 'value2');
		assertError(await admin.patch('/democracy/board-rules/R-DC-99', { value: 3 }), 404, 'not_found');
		// A member who leaves no longer counts.
		const left = assertOk(await officerA.api.patch(`/democracy/board-members/${m6.id}`, { left_day: '2025-06-01' })).member;
		assert.equal(left.current, false);
		g = assertOk(await viewerA.api.get(url));
		assert.equal(g.board.members, 8);
		assert.deepEqual(g.warnings.map((w) => w.rule), []);
		assertOk(await officerA.api.post(`${url}/activities`, { day: '2025-04-20', content: 'Giám sát việc thu, chi quỹ làm đường',
			recommendation: 'Công khai bảng kê thu, chi tại nhà văn hóa' }), 201);
		g = assertOk(await viewerA.api.get(url));
		assert.equal(g.activities.length, 1);
		assert.equal(g.members[0].role, 'head');

		// Agency board: 3..9 members (R-DC-54), at any level.
		const ag = assertOk(await admin.post('/democracy/boards', { org_id: orgP.id, kind: 'ttnd_agency',
			name: 'Ban TTND Văn phòng UBND tỉnh', term_start: '2025-01-01' }), 201).board;
		await admin.post(`/democracy/boards/${ag.id}/members`, { name: 'Trưởng ban', role: 'head' });
		await admin.post(`/democracy/boards/${ag.id}/members`, { name: 'Thành viên' });
		assert.deepEqual(assertOk(await admin.get(`/democracy/boards/${ag.id}`)).warnings.map((w) => w.rule), ['R-DC-54']);
		await admin.post(`/democracy/boards/${ag.id}/members`, { name: 'Thành viên 2' });
		assert.deepEqual(assertOk(await admin.get(`/democracy/boards/${ag.id}`)).warnings, []);
		// A commune board needs a commune organisation; a supervision board needs its project.
		assertError(await admin.post('/democracy/boards', { org_id: orgP.id, kind: 'ttnd_commune', name: 'X', term_start: '2025-01-01' }),
			400, 'invalid_field', 'org_id');
		assertError(await officerA.api.post('/democracy/boards', { org_id: mttqA.id, kind: 'gsdtccd', name: 'X',
			term_start: '2025-01-01' }), 400, 'invalid_field', 'project_name');

		// GSĐTCCĐ: resident members <= 5 (R-DC-61), vice-heads <= 2.
		const gs = assertOk(await officerA.api.post('/democracy/boards', { org_id: mttqA.id, kind: 'gsdtccd',
			name: 'Ban GSĐTCCĐ dự án đường liên thôn', project_name: 'Đường liên thôn Đông - Tây', term_start: '2025-03-01' }), 201).board;
		const gu = `/democracy/boards/${gs.id}`;
		for (const [n, role] of [['A', 'head'], ['B', 'vice'], ['C', 'vice'], ['D', 'vice'], ['E', 'member'], ['F', 'member']]) {
			assertOk(await officerA.api.post(`${gu}/members`, { name: `Thành viên ${n}`, role, village_id: vil.tay.id }), 201);
		}
		assertOk(await officerA.api.post(`${gu}/members`, { name: 'Đại diện MTTQ xã', role: 'member' }), 201);
		assert.deepEqual(assertOk(await viewerA.api.get(gu)).warnings.map((w) => w.rule), ['R-DC-61', 'R-DC-61-vice']);
		const dis = assertOk(await officerA.api.patch(gu, { dissolved_day: '2025-12-20' })).board;
		assert.equal(dis.dissolved_day, '2025-12-20');
		assertError(await officerA.api.patch(gu, { dissolved_day: '2025-01-01' }), 400, 'invalid_field', 'dissolved_day');
		assertError(await officerA.api.patch(gu, { kind: 'ttnd_commune' }), 400, 'unknown_field', 'kind');
		assertError(await officerA.api.post(`${gu}/members`, { name: 'X', village_id: 987654 }), 400, 'invalid_field', 'village_id');
		assertError(await officerB.api.get(gu), 404, 'not_found');
		assertError(await viewerA.api.post(`${gu}/activities`, { day: '2025-04-01', content: 'X' }), 403, 'forbidden');
		const l = assertOk(await viewerA.api.get('/democracy/boards?kind=gsdtccd'));
		assert.deepEqual(l.items.map((x) => x.id), [gs.id]);
	});

	it('the counts of a subtree and a period', async () => {
		const s = assertOk(await officerA.api.get(`/stats/democracy?structure=2025&unit=${A.code}&period=2025&cutoff=0`));
		assert.deepEqual(s.period, { from: '2025-01-01', to: '2025-12-31', label: 'năm 2025', from_vi: '01/01/2025', to_vi: '31/12/2025' });
		assert.ok(s.disclosures.count >= 18);
		assert.equal(s.disclosures.late, 1);
		assert.deepEqual(s.compliance, { communes: 1, compliant: 1 });
		const conv = s.votes.by_matter.find((x) => x.code === 'convention');
		assert.deepEqual([conv.held, conv.passed, conv.not_passed], [5, 3, 2]);
		assert.equal(s.votes.held, s.votes.passed + s.votes.not_passed + s.votes.consultations);
		assert.equal(s.votes.consultations, 1);
		assert.deepEqual(s.boxes, { boxes: 1, openings: 2, letters: 3 });
		assert.deepEqual(s.boards.by_kind.ttnd_commune, { boards: 1, members: 9, activities: 1 });
		assert.equal(s.boards.by_kind.gsdtccd.boards, 1);
		// The first half: one opening; the province counts every commune; another commune sees nothing.
		const h1 = assertOk(await officerA.api.get(`/stats/democracy?structure=2025&unit=${A.code}&period=2025-Q1&cutoff=0`));
		assert.deepEqual(h1.boxes, { boxes: 1, openings: 1, letters: 3 });
		const p = assertOk(await admin.get('/stats/democracy?structure=2025&unit=25&period=2025&cutoff=0'));
		assert.ok(p.compliance.communes > 50);
		assert.equal(p.compliance.compliant, 1);
		assert.equal(p.boards.by_kind.ttnd_agency.boards, 1);
		const b = assertOk(await officerB.api.get('/stats/democracy?period=2025&cutoff=0'));
		assert.deepEqual([b.disclosures.count, b.votes.held, b.compliance.communes], [0, 0, 1]);
		assertError(await officerA.api.get(`/stats/democracy?structure=2025&unit=${B.code}&period=2025`), 403, 'forbidden');
		assertError(await officerA.api.get('/stats/democracy'), 400, 'invalid_param', 'period');
		assertError(await officerA.api.get('/stats/democracy?period=2025-Q5'), 400, 'invalid_param', 'period');
	});

	it('R-DC-18: a convention draft posted at least 30 days before the vote; the dossier due 5 working days after', async () => {
		const conv = (o = {}) => vote({ village_id: vil.nam.id, subject: 'Hương ước thôn Nam', day: '2025-05-10', present: 140,
			yes: 120, no: 20, abstain: 0, ...o });
		// Posted 10/4, vote on Saturday 10/5: exactly 30 days.
		const ok = assertOk(await officerA.api.post('/democracy/votes', conv({ posted_day: '2025-04-10', sent_day: '2025-05-16' })),
			201).vote;
		assert.deepEqual([ok.posted_day, ok.posting_min_day, ok.sent_day], ['2025-04-10', '2025-05-10', '2025-05-16']);
		// 5 working days after Saturday 10/5: Monday 12/5 .. Friday 16/5.
		assert.deepEqual([ok.dossier_due, ok.dossier_late, ok.violations], ['2025-05-16', false, []]);
		// 29 days: a violation; the dossier one working day late is another.
		const short = assertOk(await officerA.api.post('/democracy/votes', conv({ posted_day: '2025-04-11', sent_day: '2025-05-19' })),
			201).vote;
		assert.equal(short.posting_min_day, '2025-05-11');
		assert.deepEqual(short.violations.map((w) => [w.rule, w.check]), [['R-DC-18', 'posting'], ['R-DC-18', 'dossier']]);
		assert.match(short.violations[0].message, /chưa đủ 30 ngày trước ngày biểu quyết 10\/05\/2025/);
		assert.match(short.violations[1].message, /gửi UBND xã ngày 19\/05\/2025, quá hạn ngày 16\/05\/2025/);
		assert.equal(short.dossier_late, true);
		// Not sent at all, and the due day has passed.
		const unsent = assertOk(await officerA.api.post('/democracy/votes', conv()), 201).vote;
		assert.deepEqual([unsent.posted_day, unsent.posting_min_day, unsent.dossier_due, unsent.dossier_late],
			[null, null, '2025-05-16', true]);
		assert.match(unsent.violations[0].message, /Chưa gửi hồ sơ/);
		// A convention that did not pass has no dossier.
		const failed = assertOk(await officerA.api.post('/democracy/votes', conv({ yes: 70, no: 70 })), 201).vote;
		assert.deepEqual([failed.dossier_due, failed.dossier_late, failed.violations], [null, null, []]);
		// Sending the dossier on the due day clears the violation; "" clears the day again.
		const sent = assertOk(await officerA.api.patch(`/democracy/votes/${unsent.id}`, { sent_day: '2025-05-16' })).vote;
		assert.deepEqual([sent.dossier_late, sent.violations], [false, []]);
		assert.equal(assertOk(await officerA.api.patch(`/democracy/votes/${unsent.id}`, { sent_day: '' })).vote.sent_day, null);
		// The periods are data.
		assertOk(await admin.patch('/deadline-rules/R-DC-18', { amount: 29 }));
		assert.deepEqual(assertOk(await viewerA.api.get(`/democracy/votes/${short.id}`)).vote.violations.map((w) => w.check), ['dossier']);
		assertOk(await admin.patch('/deadline-rules/R-DC-18', { amount: 30 }));
		assertOk(await admin.patch('/deadline-rules/R-DC-18-hs', { amount: 4 }));
		const four = assertOk(await viewerA.api.get(`/democracy/votes/${ok.id}`)).vote;
		assert.deepEqual([four.dossier_due, four.dossier_late], ['2025-05-15', true]);
		assertOk(await admin.patch('/deadline-rules/R-DC-18-hs', { amount: 5 }));
		// The list carries the same checks.
		const l = assertOk(await viewerA.api.get(`/democracy/votes?village=${vil.nam.id}&matter=convention`));
		assert.deepEqual(l.items.find((x) => x.id === short.id).violations.map((w) => w.check), ['posting', 'dossier']);
		// The days belong to conventions and keep their order.
		assertError(await officerA.api.post('/democracy/votes', conv({ matter: 'other', posted_day: '2025-04-01' })),
			400, 'invalid_field', 'posted_day');
		assertError(await officerA.api.post('/democracy/votes', conv({ posted_day: '2025-05-11' })), 400, 'invalid_field', 'posted_day');
		assertError(await officerA.api.post('/democracy/votes', conv({ sent_day: '2025-05-09' })), 400, 'invalid_field', 'sent_day');
		assertError(await officerA.api.post('/democracy/votes', conv({ posted_day: '2025-02-30' })), 400, 'invalid_field', 'posted_day');
	});

	it('R-DC-22: the notice of a village conference reaches households at least 5 days before', async () => {
		const conf = (o = {}) => vote({ village_id: vil.nam.id, matter: 'procedural', subject: 'Hội nghị thôn định kỳ giữa năm',
			day: '2025-06-10', present: 100, yes: 60, no: 40, abstain: 0, ...o });
		const ok = assertOk(await officerA.api.post('/democracy/votes', conf({ notice_day: '2025-06-05' })), 201).vote;
		assert.deepEqual([ok.notice_day, ok.notice_min_day, ok.violations], ['2025-06-05', '2025-06-10', []]);
		const late = assertOk(await officerA.api.post('/democracy/votes', conf({ notice_day: '2025-06-06' })), 201).vote;
		assert.equal(late.notice_min_day, '2025-06-11');
		assert.deepEqual(late.violations.map((w) => w.rule), ['R-DC-22']);
		assert.match(late.violations[0].message, /Thông báo hội nghị đến hộ gia đình ngày 06\/06\/2025, chưa đủ 5 ngày/);
		const none = assertOk(await officerA.api.post('/democracy/votes', conf()), 201).vote;
		assert.deepEqual([none.notice_day, none.notice_min_day, none.violations], [null, null, []]);
		assertOk(await admin.patch('/deadline-rules/R-DC-22', { amount: 4 }));
		assert.deepEqual(assertOk(await viewerA.api.get(`/democracy/votes/${late.id}`)).vote.violations, []);
		assertOk(await admin.patch('/deadline-rules/R-DC-22', { amount: 5 }));
		assert.deepEqual(assertOk(await viewerA.api.get(`/democracy/votes/${late.id}`)).vote.violations.map((w) => w.rule), ['R-DC-22']);
		// A notice belongs to a meeting, before it.
		assertError(await officerA.api.post('/democracy/votes', conf({ form: 'ballot', notice_day: '2025-06-01' })),
			400, 'invalid_field', 'notice_day');
		assertError(await officerA.api.post('/democracy/votes', conf({ notice_day: '2025-06-11' })), 400, 'invalid_field', 'notice_day');
	});

	it('R-DC-20: a new village head is elected within 60 days of the recognition of the dismissal', async () => {
		const head = (o = {}) => vote({ village_id: vil.bac.id, matter: 'village_head', subject: 'Cho thôi làm trưởng thôn Bắc',
			day: '2025-03-01', present: 110, yes: 100, no: 10, abstain: 0, ...o });
		// Recognised Monday 10/3/2025 + 60 days = Friday 9/5/2025; no election yet (and today is later).
		const dis = assertOk(await officerA.api.post('/democracy/votes', head({ action: 'dismiss', recognized_day: '2025-03-10' })),
			201).vote;
		assert.deepEqual([dis.action, dis.recognized_day, dis.election_due, dis.election_day, dis.election_overdue],
			['dismiss', '2025-03-10', '2025-05-09', null, true]);
		assert.deepEqual(dis.violations.map((w) => w.rule), ['R-DC-20']);
		assert.match(dis.violations[0].message, /Chưa tổ chức bầu .* hạn ngày 09\/05\/2025/);
		const again = async () => assertOk(await viewerA.api.get(`/democracy/votes/${dis.id}`)).vote;
		// An election in another village does not count.
		assertOk(await officerA.api.post('/democracy/votes', head({ village_id: vil.nam.id, action: 'elect', day: '2025-04-01',
			present: 140, yes: 100, no: 40 })), 201);
		assert.equal((await again()).election_overdue, true);
		// Elected on 12/5: late; on 9/5: in time.
		const el = assertOk(await officerA.api.post('/democracy/votes', head({ action: 'elect', subject: 'Bầu trưởng thôn Bắc',
			day: '2025-05-12' })), 201).vote;
		assert.deepEqual(el.violations, []);
		let d = await again();
		assert.deepEqual([d.election_day, d.election_overdue], ['2025-05-12', true]);
		assert.match(d.violations[0].message, /mới ngày 12\/05\/2025, quá hạn ngày 09\/05\/2025/);
		assertOk(await officerA.api.patch(`/democracy/votes/${el.id}`, { day: '2025-05-09' }));
		d = await again();
		assert.deepEqual([d.election_day, d.election_overdue, d.violations], ['2025-05-09', false, []]);
		// The period is data.
		assertOk(await admin.patch('/deadline-rules/R-DC-20', { amount: 50 }));
		d = await again();
		assert.deepEqual([d.election_due, d.election_overdue], ['2025-04-29', true]);
		assertOk(await admin.patch('/deadline-rules/R-DC-20', { amount: 60 }));
		// No recognition day, or a dismissal that did not pass: nothing is due.
		const noRec = assertOk(await officerA.api.post('/democracy/votes', head({ action: 'dismiss' })), 201).vote;
		assert.deepEqual([noRec.election_due, noRec.election_overdue], [null, null]);
		const lost = assertOk(await officerA.api.post('/democracy/votes', head({ action: 'dismiss', recognized_day: '2025-03-10',
			yes: 50, no: 60 })), 201).vote;
		assert.deepEqual([lost.outcome.result, lost.election_due], ['not_passed', null]);
		assertError(await officerA.api.post('/democracy/votes', head({ action: 'remove' })), 400, 'invalid_field', 'action');
		assertError(await officerA.api.post('/democracy/votes', head({ matter: 'other', action: 'dismiss' })), 400, 'invalid_field',
			'action');
		assertError(await officerA.api.post('/democracy/votes', head({ recognized_day: '2025-02-28' })), 400, 'invalid_field',
			'recognized_day');
	});

	it('R-DC-56 / R-DC-51: board rules by the day the term starts; the TTND term equals the heads\' term', async () => {
		const board = async (term_start, term_end) => assertOk(await officerA.api.post('/democracy/boards', { org_id: mttqA.id,
			kind: 'ttnd_commune', name: `Ban TTND xã A ${term_start}`, term_start, term_end }), 201).board;
		const rules = async (id) => assertOk(await viewerA.api.get(`/democracy/boards/${id}`)).warnings.map((w) => w.rule);
		// A historic board (NĐ 159/2016): 5..11 members; the 2022 law's "one per village, at least 5" is not applied.
		const old = await board('2021-07-01', '2023-06-30');
		for (const n of ['A', 'B', 'C', 'D']) {
			assertOk(await officerA.api.post(`/democracy/boards/${old.id}/members`, { name: `Thành viên ${n}` }), 201);
		}
		let g = assertOk(await viewerA.api.get(`/democracy/boards/${old.id}`));
		assert.deepEqual(g.warnings.map((w) => w.rule), ['R-DC-56']);
		assert.match(g.warnings[0].message, /từ 5 đến 11 thành viên .*hiện có 4/);
		assertOk(await officerA.api.post(`/democracy/boards/${old.id}/members`, { name: 'Thành viên E' }), 201);
		assert.deepEqual(await rules(old.id), [], '5 members: enough under the old rule, though 6 villages');
		// The boundary: a term starting on 2023-06-30 is historic, on 2023-07-01 the current rules apply.
		assertOk(await officerA.api.patch(`/democracy/boards/${old.id}`, { term_start: '2023-06-30', term_end: '' }));
		assert.deepEqual(await rules(old.id), []);
		assertOk(await officerA.api.patch(`/democracy/boards/${old.id}`, { term_start: '2023-07-01' }));
		assert.deepEqual(await rules(old.id), ['R-DC-50']);
		assertOk(await officerA.api.patch(`/democracy/boards/${old.id}`, { term_start: '2021-07-01', term_end: '2023-06-30' }));
		// The old numbers and the validity are data.
		assertOk(await admin.patch('/democracy/board-rules/R-DC-56', { value: 6 }));
		assert.deepEqual(await rules(old.id), ['R-DC-56']);
		assertOk(await admin.patch('/democracy/board-rules/R-DC-56', { value: 5 }));
		assertOk(await admin.patch('/democracy/board-rules/R-DC-50', { valid_from: '2021-01-01' }));
		assert.deepEqual(await rules(old.id), ['R-DC-50']);
		assertOk(await admin.patch('/democracy/board-rules/R-DC-50', { valid_from: '2023-07-01' }));
		assert.deepEqual(await rules(old.id), []);
		assertError(await admin.patch('/democracy/board-rules/R-DC-56', { valid_from: '2023-07-01' }), 400, 'invalid_field', 'valid_to');
		assertError(await admin.patch('/democracy/board-rules/R-DC-56', { valid_to: '2023-13-01' }), 400, 'invalid_field', 'valid_to');
		assertError(await officerA.api.patch('/democracy/board-rules/R-DC-51', { heads_term_start: '2025-01-01' }), 403, 'forbidden');

		// R-DC-51: no heads' term recorded, no check; then the board's term must equal it.
		const cur = await board('2024-01-01', '2026-12-31');
		assert.ok(!(await rules(cur.id)).includes('R-DC-51'));
		const r51 = assertOk(await admin.patch('/democracy/board-rules/R-DC-51', { heads_term_start: '2025-01-01',
			heads_term_end: '2027-12-31' })).rule;
		assert.deepEqual([r51.heads_term_start, r51.heads_term_end], ['2025-01-01', '2027-12-31']);
		g = assertOk(await viewerA.api.get(`/democracy/boards/${cur.id}`));
		const w = g.warnings.find((x) => x.rule === 'R-DC-51');
		assert.match(w.message, /\(2024-01-01 – 2026-12-31\) phải bằng nhiệm kỳ của trưởng thôn, tổ trưởng tổ dân phố \(2025-01-01 – 2027-12-31\)/);
		assertOk(await officerA.api.patch(`/democracy/boards/${cur.id}`, { term_start: '2025-01-01', term_end: '2027-12-31' }));
		assert.ok(!(await rules(cur.id)).includes('R-DC-51'));
		assertOk(await admin.patch('/democracy/board-rules/R-DC-51', { heads_term_end: '2029-12-31' }));
		assert.ok((await rules(cur.id)).includes('R-DC-51'));
		// A historic board is not measured against the current heads' term.
		assert.ok(!(await rules(old.id)).includes('R-DC-51'));
		assertOk(await admin.patch('/democracy/board-rules/R-DC-51', { heads_term_start: '', heads_term_end: '' }));
		assert.ok(!(await rules(cur.id)).includes('R-DC-51'));
		assertError(await admin.patch('/democracy/board-rules/R-DC-50', { heads_term_start: '2025-01-01' }), 400, 'invalid_field',
			'heads_term_start');
		assertError(await admin.patch('/democracy/board-rules/R-DC-51', { heads_term_start: '2025-01-01', heads_term_end: '2024-12-31' }),
			400, 'invalid_field', 'heads_term_end');
	});

	it('R-DC-60: a supervision board is per project and inactive after the day it dissolves', async () => {
		const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
		const gs = assertOk(await officerA.api.post('/democracy/boards', { org_id: mttqA.id, kind: 'gsdtccd',
			name: 'Ban GSĐTCCĐ nhà văn hóa thôn Nam', project_name: 'Nhà văn hóa thôn Nam', term_start: '2025-03-01' }), 201).board;
		assert.deepEqual([gs.dissolved_day, gs.active], [null, true]);
		const url = `/democracy/boards/${gs.id}`;
		assert.equal(assertOk(await officerA.api.patch(url, { dissolved_day: day(1) })).board.active, true);
		assert.equal(assertOk(await officerA.api.patch(url, { dissolved_day: day(-1) })).board.active, false);
		const l = assertOk(await viewerA.api.get('/democracy/boards?kind=gsdtccd')).items;
		assert.deepEqual(Object.fromEntries(l.map((x) => [x.project_name, x.active])),
			{ 'Nhà văn hóa thôn Nam': false, 'Đường liên thôn Đông - Tây': false });
		assert.equal(assertOk(await officerA.api.patch(url, { dissolved_day: '' })).board.active, true);
		// The project cannot be removed.
		assertError(await officerA.api.patch(url, { project_name: '' }), 400, 'invalid_field', 'project_name');
	});

	it('R-DC-21: household consents to a citizen\'s initiative are valid 3 months (a period rule row)', async () => {
		const pr = assertOk(await viewerA.api.get('/democracy/period-rules')).items;
		assert.deepEqual(pr.map((x) => [x.id, x.months]), [['R-DC-21', 3]]);
		const ini = (o = {}) => vote({ village_id: vil.tay.id, matter: 'initiative', form: 'ballot', subject: 'Sáng kiến lắp đèn đường',
			day: '2025-04-15', present: 200, yes: 180, no: 20, abstain: 0, consent_day: '2025-01-15', ...o });
		// Collected from 15/1: valid until 15/4 inclusive.
		const ok = assertOk(await officerA.api.post('/democracy/votes', ini()), 201).vote;
		assert.deepEqual([ok.consent_day, ok.consent_valid_until, ok.outcome.result, ok.violations],
			['2025-01-15', '2025-04-15', 'not_applicable', []]);
		const old = assertOk(await officerA.api.post('/democracy/votes', ini({ day: '2025-04-16' })), 201).vote;
		assert.deepEqual(old.violations.map((w) => [w.rule, w.check]), [['R-DC-21', 'consent']]);
		assert.match(old.violations[0].message, /từ ngày 15\/01\/2025 chỉ có giá trị 3 tháng \(đến ngày 15\/04\/2025\)/);
		// A month end is clamped: 30/11 + 3 months = 28/2.
		const clamp = assertOk(await officerA.api.post('/democracy/votes', ini({ consent_day: '2024-11-30', day: '2025-03-01' })), 201).vote;
		assert.equal(clamp.consent_valid_until, '2025-02-28');
		assert.deepEqual(clamp.violations.map((w) => w.rule), ['R-DC-21']);
		// The months are data.
		assertError(await officerA.api.patch('/democracy/period-rules/R-DC-21', { months: 4 }), 403, 'forbidden');
		assert.equal(assertOk(await admin.patch('/democracy/period-rules/R-DC-21', { months: 4 })).rule.months, 4);
		const v4 = assertOk(await viewerA.api.get(`/democracy/votes/${old.id}`)).vote;
		assert.deepEqual([v4.consent_valid_until, v4.violations], ['2025-05-15', []]);
		assertOk(await admin.patch('/democracy/period-rules/R-DC-21', { months: 3 }));
		assertError(await admin.patch('/democracy/period-rules/R-DC-21', { months: 0 }), 400, 'invalid_field', 'months');
		assertError(await admin.patch('/democracy/period-rules/R-DC-99', { months: 3 }), 404, 'not_found');
		// The day belongs to initiatives, before the vote.
		assertError(await officerA.api.post('/democracy/votes', ini({ matter: 'other' })), 400, 'invalid_field', 'consent_day');
		assertError(await officerA.api.post('/democracy/votes', ini({ consent_day: '2025-04-16' })), 400, 'invalid_field', 'consent_day');
		const none = assertOk(await officerA.api.post('/democracy/votes', ini({ consent_day: undefined })), 201).vote;
		assert.deepEqual([none.consent_day, none.consent_valid_until], [null, null]);
	});
});
