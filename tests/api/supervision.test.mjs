// MTTQ supervision, social criticism and contributions to building the Party and the government
// (docs/API.md "MTTQ supervision and social criticism (issue 5)"): the vocabularies as data, supervision
// activities with their units, forward-only status and recommendations followed to the answer, the
// coverage "x/y xã" with the uncovered communes, drafts with comments and the reason required when a
// comment is not accepted, the counts by level and type, the QĐ 218 opinions channel, roles and scope,
// validation and the audit log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { run } from '../lib/server.mjs';
import {
	ISO_UTC, assertError, assertOk, childrenOf, listAll, makeUser, setup,
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

describe('MTTQ supervision and social criticism', () => {
	let srv; let admin;
	let A; let B; let refA; let refB;
	let D; let communes; let refD;
	let frontA; let frontB; let frontD; let frontA2;
	let officerA; let viewerA; let officerB; let officerD;

	const sup = (o = {}) => ({
		org_id: frontA.id, title: 'Giám sát việc thăm hỏi, tặng quà Tết Nguyên đán', topic: 'tet_gifts',
		form: 'delegation', from_day: '2025-01-10', to_day: '2025-01-25', ...o,
	});
	const draft = (o = {}) => ({
		org_id: frontD.id, title: 'Dự thảo Nghị quyết về phát triển kinh tế - xã hội năm 2025', issuer: 'UBND huyện',
		level: 'district', doc_type: 'resolution', form: 'conference', received_day: '2025-03-02', due_day: '2025-03-12', ...o,
	});

	before(async () => {
		({ srv, admin } = await setup());
		[A, B] = await childrenOf(admin, '25', { n: 2, offset: 5 });
		refA = { structure: 2025, code: A.code };
		refB = { structure: 2025, code: B.code };
		[D] = await childrenOf(admin, '25', { structure: 2024, n: 1, offset: 1 });
		refD = { structure: 2024, code: D.code };
		communes = (await listAll(admin, `/units?structure=2024&parent=${D.code}`)).items;
		assert.ok(communes.length >= 3, 'a district with communes');
		const org = async (name, unit, type = 'fatherland_front') =>
			assertOk(await admin.post('/organizations', { name, type, unit }), 201).organization;
		frontA = await org('Ủy ban MTTQ xã A', refA);
		frontA2 = await org('Hội Nông dân xã A', refA, 'mass_organization');
		frontB = await org('Ủy ban MTTQ xã B', refB);
		frontD = await org('Ủy ban MTTQ huyện D', refD);
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'gs.officer.a' });
		viewerA = await makeUser(srv.url, admin, { role: 'viewer', unit: refA, username: 'gs.viewer.a' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: refB, username: 'gs.officer.b' });
		officerD = await makeUser(srv.url, admin, { role: 'officer', unit: refD, username: 'gs.officer.d' });
	});
	after(async () => { await srv?.stop(); });

	it('lists the vocabularies (forms, topics, levels with the 2024-only district, types) and the QĐ 218 channel', async () => {
		const v = assertOk(await viewerA.api.get('/supervision-vocabularies'));
		assert.deepEqual(v.forms.map((x) => x.code), ['documents', 'delegation', 'boards', 'state_joint']);
		assert.ok(v.topics.some((x) => x.code === 'tet_gifts' && x.name === 'Thăm hỏi, tặng quà dịp Tết'));
		assert.deepEqual(v.levels, [
			{ code: 'province', name: 'Cấp tỉnh', only_structure: null },
			{ code: 'district', name: 'Cấp huyện', only_structure: 2024 },
			{ code: 'commune', name: 'Cấp xã', only_structure: null },
		]);
		assert.deepEqual(v.doc_types.map((x) => x.code), ['resolution', 'decision', 'project', 'plan', 'planning', 'other']);
		assert.deepEqual(v.criticism_forms.map((x) => x.code), ['conference', 'written', 'dialogue']);
		assert.deepEqual(v.supervision_statuses.map((x) => x.code), ['planned', 'in_progress', 'done']);
		assert.deepEqual(v.comment_results.map((x) => x.code), ['pending', 'accepted', 'partly', 'not_accepted']);
		const ch = assertOk(await viewerA.api.get('/opinion-channels')).items;
		assert.ok(ch.some((x) => x.code === 'party_building' && x.name === 'Góp ý xây dựng Đảng, xây dựng chính quyền'));
	});

	it('a supervision is created with its bodies and units, read, listed, and its status only moves forward', async () => {
		const s = assertOk(await officerA.api.post('/supervisions', sup({
			bodies: ['UBND xã A', 'Các thôn, tổ dân phố'], units: [A.code], findings: '',
		})), 201).supervision;
		assert.deepEqual(Object.keys(s).sort(), ['bodies', 'created_at', 'findings', 'form', 'from_day', 'id', 'note', 'org',
			'recommendation_count', 'status', 'title', 'to_day', 'topic', 'unit', 'unit_count', 'units', 'updated_at']);
		assert.deepEqual(s.org, { id: frontA.id, name: 'Ủy ban MTTQ xã A' });
		assert.deepEqual(s.unit, { structure: 2025, code: A.code, name: A.name });
		assert.deepEqual(s.bodies, ['UBND xã A', 'Các thôn, tổ dân phố']);
		assert.deepEqual(s.units, [{ code: A.code, name: A.name, level: 'commune' }]);
		assert.equal(s.unit_count, 1);
		assert.equal(s.status, 'planned');
		assert.equal(s.findings, null);
		assert.match(s.created_at, ISO_UTC);
		const g = assertOk(await viewerA.api.get(`/supervisions/${s.id}`));
		assert.deepEqual(g, { supervision: s, recommendations: [] });

		const l = assertOk(await viewerA.api.get('/supervisions?topic=tet_gifts&q=tang qua'));
		assert.equal(l.total, 1);
		assert.equal(l.items[0].id, s.id);
		assert.equal(assertOk(await viewerA.api.get('/supervisions?from=2025-02-01')).total, 0);
		assert.equal(assertOk(await viewerA.api.get('/supervisions?to=2025-01-10&from=2025-01-01')).total, 1);
		assert.equal(assertOk(await officerB.api.get('/supervisions')).total, 0);
		assertError(await officerB.api.get(`/supervisions/${s.id}`), 404, 'not_found');

		const p = assertOk(await officerA.api.patch(`/supervisions/${s.id}`, {
			status: 'done', findings: 'Quà được trao đúng đối tượng', bodies: ['UBND xã A'],
		})).supervision;
		assert.equal(p.status, 'done');
		assert.deepEqual(p.bodies, ['UBND xã A']);
		assert.deepEqual(p.units, s.units, 'units unchanged when not sent');
		assertError(await officerA.api.patch(`/supervisions/${s.id}`, { status: 'in_progress' }), 409, 'invalid_state', 'status');
		assertError(await officerA.api.patch(`/supervisions/${s.id}`, { org_id: frontA2.id }), 400, 'unknown_field', 'org_id');
		assertError(await viewerA.api.patch(`/supervisions/${s.id}`, { title: 'X' }), 403, 'forbidden');
		assertError(await officerB.api.patch(`/supervisions/${s.id}`, { title: 'X' }), 404, 'not_found');
		const audit = assertOk(await admin.get(`/audit?entity=supervision&limit=10`)).items;
		assert.ok(audit.some((x) => x.entity_id === s.id && x.action === 'create'));
		assert.ok(audit.some((x) => x.entity_id === s.id && x.action === 'update'));
	});

	it('validates supervisions: vocabularies, days, units inside the organisation\'s area, sizes', async () => {
		const bad = async (o, status, code, field) => assertError(await officerA.api.post('/supervisions', sup(o)), status, code, field);
		await bad({ form: 'phone' }, 400, 'invalid_field', 'form');
		await bad({ topic: 'weather' }, 400, 'invalid_field', 'topic');
		await bad({ from_day: '2025-02-30' }, 400, 'invalid_field', 'from_day');
		await bad({ to_day: '2025-01-01' }, 400, 'invalid_field', 'to_day');
		await bad({ status: 'cancelled' }, 400, 'invalid_field', 'status');
		await bad({ title: '  ' }, 400, 'invalid_field', 'title');
		await bad({ title: 'x'.repeat(501) }, 400, undefined, 'title');
		await bad({ units: [B.code] }, 400, 'invalid_field', 'units');
		await bad({ units: [A.code, A.code] }, 400, 'invalid_field', 'units');
		await bad({ units: A.code }, 400, 'invalid_field', 'units');
		await bad({ units: [1] }, 400, 'invalid_field', 'units');
		await bad({ units: Array.from({ length: 1001 }, () => A.code) }, 400, 'invalid_field', 'units');
		await bad({ bodies: ['x'.repeat(301)] }, 400, 'invalid_field', 'bodies');
		await bad({ bodies: ['Hai\ndòng'] }, 400, 'invalid_field', 'bodies');
		await bad({ bodies: Array.from({ length: 51 }, (_, i) => `Cơ quan ${i}`) }, 400, 'invalid_field', 'bodies');
		await bad({ org_id: frontB.id }, 400, 'invalid_field', 'org_id');
		await bad({ colour: 'red' }, 400, 'unknown_field');
		assertError(await viewerA.api.post('/supervisions', sup()), 403, 'forbidden');
		const { org_id: _, ...noOrg } = sup();
		assertError(await officerA.api.post('/supervisions', noOrg), 400, 'missing_field', 'org_id');
		assertError(await officerA.api.get('/supervisions?status=x'), 400, 'invalid_param', 'status');
		assertError(await officerA.api.get('/supervisions?from=2025-13-01'), 400, 'invalid_param', 'from');
		assertError(await officerA.api.get('/supervisions?unit=99999'), 400, 'invalid_param', 'unit');
	});

	it('recommendations are followed open → responded → closed; overdue is computed', async () => {
		const s = assertOk(await officerA.api.post('/supervisions', sup({ title: 'Giám sát chi trả trợ cấp', topic: 'social_policy' })), 201).supervision;
		const mk = (o) => officerA.api.post(`/supervisions/${s.id}/recommendations`, { content: 'Chi trả đúng hạn', addressee: 'UBND xã A', ...o });
		const r1 = assertOk(await mk({ due_day: '2025-02-15' }), 201).recommendation;
		assert.deepEqual(Object.keys(r1).sort(), ['addressee', 'content', 'created_at', 'due_day', 'id', 'overdue', 'response',
			'response_day', 'status', 'supervision_id', 'updated_at']);
		assert.equal(r1.status, 'open');
		assert.equal(r1.overdue, true, 'open past the deadline');
		const r2 = assertOk(await mk({ due_day: '2099-12-31', content: 'Công khai danh sách' }), 201).recommendation;
		assert.equal(r2.overdue, false);
		const r3 = assertOk(await mk({ content: 'Rà soát hộ nghèo', response_day: '2025-02-01', response: 'Đã rà soát' }), 201).recommendation;
		assert.equal(r3.status, 'responded', 'a response moves it to responded');

		assertError(await officerA.api.patch(`/supervision-recommendations/${r1.id}`, { status: 'closed' }), 409, 'invalid_state', 'status');
		assertError(await officerA.api.patch(`/supervision-recommendations/${r1.id}`, { response: 'Đã chi trả' }), 400, 'missing_field', 'response_day');
		const a1 = assertOk(await officerA.api.patch(`/supervision-recommendations/${r1.id}`, { response: 'Đã chi trả', response_day: '2025-02-20' })).recommendation;
		assert.equal(a1.status, 'responded');
		assert.equal(a1.overdue, false);
		const c1 = assertOk(await officerA.api.patch(`/supervision-recommendations/${r1.id}`, { status: 'closed' })).recommendation;
		assert.equal(c1.status, 'closed');
		assertError(await officerA.api.patch(`/supervision-recommendations/${r1.id}`, { status: 'open' }), 409, 'invalid_state', 'status');
		assertError(await officerA.api.patch(`/supervision-recommendations/${r2.id}`, { due_day: '2025-02-31' }), 400, 'invalid_field', 'due_day');
		assertError(await viewerA.api.patch(`/supervision-recommendations/${r2.id}`, { content: 'X' }), 403, 'forbidden');
		assertError(await officerB.api.patch(`/supervision-recommendations/${r2.id}`, { content: 'X' }), 404, 'not_found');
		assertError(await officerB.api.post(`/supervisions/${s.id}/recommendations`, { content: 'X', addressee: 'Y' }), 404, 'not_found');
		assertError(await mk({ addressee: '' }), 400, 'invalid_field', 'addressee');

		const g = assertOk(await viewerA.api.get(`/supervisions/${s.id}`));
		assert.deepEqual(g.recommendations.map((x) => x.id), [r1.id, r2.id, r3.id]);
		assert.equal(g.supervision.recommendation_count, 3);

		// Only the recommendation past its deadline (the third one) counts as overdue.
		await mk({ due_day: '2025-03-01', content: 'Bổ sung hồ sơ' });
		const st = assertOk(await officerA.api.get(`/stats/supervision?structure=2025&unit=${A.code}&period=2025-Q1&cutoff=0`));
		assert.deepEqual(st.supervision.recommendations, { made: 4, open: 2, responded: 1, closed: 1, overdue: 1 });
	});

	it('coverage: x/y communes of the subtree with a supervision of the topic, naming the uncovered ones', async () => {
		const y = communes.length;
		const all = communes.map((c) => c.code);
		const base = { org_id: frontD.id, title: 'Giám sát việc thăm hỏi, tặng quà Tết Nguyên đán Ất Tỵ', topic: 'tet_gifts', form: 'delegation',
			from_day: '2025-01-05', to_day: '2025-01-28', status: 'done' };
		const cov = async (q = '') => assertOk(await officerD.api.get(`/stats/supervision?structure=2024&unit=${D.code}&period=2025-Q1&cutoff=0${q}`));

		const s0 = await cov();
		assert.equal(s0.supervision.coverage.communes, y);
		assert.equal(s0.supervision.coverage.covered, 0);

		const s = assertOk(await officerD.api.post('/supervisions', { ...base, units: all.slice(1) }), 201).supervision;
		assert.equal(s.unit_count, y - 1);
		let c = (await cov('&topic=tet_gifts')).supervision.coverage;
		assert.equal(c.topic, 'tet_gifts');
		assert.equal(c.covered, y - 1);
		assert.equal(c.uncovered_count, 1);
		assert.deepEqual(c.uncovered, [{ code: communes[0].code, name: communes[0].name }]);
		assert.equal((await cov('&topic=land_environment')).supervision.coverage.covered, 0, 'another topic covers nothing');
		assert.equal((await cov('&topic=tet_gifts')).supervision.total, 1);
		// Another period: nothing ran then.
		assert.equal(assertOk(await officerD.api.get(`/stats/supervision?structure=2024&unit=${D.code}&period=2025-Q3&cutoff=0`)).supervision.coverage.covered, 0);

		// A planned activity does not cover; once it runs it does: y/y.
		const p = assertOk(await officerD.api.post('/supervisions', { ...base, status: 'planned', units: [all[0]] }), 201).supervision;
		c = (await cov('&topic=tet_gifts')).supervision.coverage;
		assert.equal(c.covered, y - 1);
		assertOk(await officerD.api.patch(`/supervisions/${p.id}`, { status: 'in_progress' }));
		c = (await cov('&topic=tet_gifts')).supervision.coverage;
		assert.equal(c.covered, y);
		assert.deepEqual(c.uncovered, []);
		const stats = await cov();
		assert.equal(stats.supervision.total, 2);
		assert.deepEqual(stats.supervision.by_status, { planned: 0, in_progress: 1, done: 1 });
		assert.equal(stats.supervision.by_form.find((x) => x.code === 'delegation').count, 2);
		assert.equal(stats.supervision.by_topic.find((x) => x.code === 'tet_gifts').count, 2);

		// One commune of the district: 1/1.
		const one = assertOk(await officerD.api.get(`/stats/supervision?structure=2024&unit=${all[1]}&period=2025-Q1&cutoff=0`));
		assert.equal(one.supervision.coverage.communes, 1);
		assert.equal(one.supervision.coverage.covered, 1);
		// A unit the district officer cannot see.
		assertError(await officerD.api.get(`/stats/supervision?structure=2025&unit=${A.code}&period=2025`), 403, 'forbidden', 'unit');
		// Units outside the district are refused.
		assertError(await officerD.api.post('/supervisions', { ...base, units: ['25'] }), 400, 'invalid_field', 'units');
		assertError(await officerD.api.post('/supervisions', { ...base, units: ['99999'] }), 400, 'invalid_field', 'units');
	});

	it('drafts for social criticism: comments, the reason when not accepted, counts by level and type', async () => {
		const d1 = assertOk(await officerD.api.post('/criticism-drafts', draft()), 201).draft;
		assert.deepEqual(Object.keys(d1).sort(), ['accepted_count', 'comment_count', 'created_at', 'doc_type', 'due_day', 'form',
			'id', 'issuer', 'level', 'note', 'org', 'received_day', 'title', 'unit', 'updated_at']);
		assert.deepEqual(d1.unit, { structure: 2024, code: D.code, name: D.name });
		assert.equal(d1.level, 'district');
		assertOk(await officerD.api.post('/criticism-drafts', draft({ title: 'Dự thảo Đề án chuyển đổi số', doc_type: 'project', form: 'written' })), 201);
		for (let i = 0; i < 3; i++) {
			assertOk(await officerD.api.post('/criticism-drafts', draft({ title: `Dự thảo Kế hoạch của xã số ${i + 1}`, level: 'commune', doc_type: 'plan', issuer: 'UBND xã' })), 201);
		}
		// Outside the period.
		assertOk(await officerD.api.post('/criticism-drafts', draft({ title: 'Dự thảo cũ', received_day: '2024-11-20', due_day: null })), 201);

		const cm = (o) => officerD.api.post(`/criticism-drafts/${d1.id}/comments`, { content: 'Bổ sung chỉ tiêu giảm nghèo', ...o });
		const c1 = assertOk(await cm({ result: 'accepted' }), 201).comment;
		assert.deepEqual(Object.keys(c1).sort(), ['content', 'created_at', 'draft_id', 'id', 'reason', 'result', 'updated_at']);
		assertOk(await cm({ content: 'Làm rõ nguồn vốn', result: 'partly' }), 201);
		const e = assertError(await cm({ content: 'Giảm chỉ tiêu thu ngân sách', result: 'not_accepted' }), 400, 'reason_required', 'reason');
		assert.match(e.message, /lý do/);
		const c3 = assertOk(await cm({ content: 'Giảm chỉ tiêu thu ngân sách', result: 'not_accepted', reason: 'Chỉ tiêu do cấp trên giao' }), 201).comment;
		assert.equal(c3.reason, 'Chỉ tiêu do cấp trên giao');
		const c4 = assertOk(await cm({ content: 'Bổ sung giải pháp' }), 201).comment;
		assert.equal(c4.result, 'pending');
		assertError(await officerD.api.patch(`/criticism-comments/${c4.id}`, { result: 'not_accepted' }), 400, 'reason_required', 'reason');
		assertError(await officerD.api.patch(`/criticism-comments/${c3.id}`, { reason: '' }), 400, 'reason_required', 'reason');
		assertError(await officerD.api.patch(`/criticism-comments/${c4.id}`, { result: 'maybe' }), 400, 'invalid_field', 'result');
		assertError(await officerA.api.patch(`/criticism-comments/${c4.id}`, { result: 'accepted' }), 404, 'not_found');

		const g = assertOk(await officerD.api.get(`/criticism-drafts/${d1.id}`));
		assert.equal(g.draft.comment_count, 4);
		assert.equal(g.draft.accepted_count, 2);
		assert.deepEqual(g.comments.map((x) => x.result), ['accepted', 'partly', 'not_accepted', 'pending']);

		const sr = await officerD.api.get(`/stats/supervision?structure=2024&unit=${D.code}&period=2025-Q1&cutoff=0`);
		const s = assertOk(sr);
		assert.match(sr.text, /"acceptance_rate":66\.7[,}]/, 'the rate prints with its one decimal');
		assert.equal(s.criticism.drafts, 5);
		assert.deepEqual(s.criticism.by_level.map((x) => [x.code, x.count]), [['province', 0], ['district', 2], ['commune', 3]]);
		assert.equal(s.criticism.by_type.find((x) => x.code === 'resolution').count, 1);
		assert.equal(s.criticism.by_type.find((x) => x.code === 'project').count, 1);
		assert.equal(s.criticism.by_type.find((x) => x.code === 'plan').count, 3);
		assert.equal(s.criticism.by_form.find((x) => x.code === 'written').count, 1);
		assert.deepEqual(s.criticism.comments, { made: 4, accepted: 1, partly: 1, not_accepted: 1, pending: 1, acceptance_rate: 66.7 });
		assert.equal(s.period.from, '2025-01-01');
		assert.equal(s.period.to, '2025-03-31');

		const l = assertOk(await officerD.api.get('/criticism-drafts?level=commune&doc_type=plan'));
		assert.equal(l.total, 3);
		assert.equal(assertOk(await officerD.api.get('/criticism-drafts?from=2025-01-01&to=2025-12-31')).total, 5);
		assert.equal(assertOk(await officerD.api.get('/criticism-drafts?q=chuyen doi so')).total, 1);
		assertError(await officerD.api.get('/criticism-drafts?level=village'), 400, 'invalid_param', 'level');
		assert.equal(assertOk(await officerA.api.get('/criticism-drafts')).total, 0);
		assertError(await officerA.api.get(`/criticism-drafts/${d1.id}`), 404, 'not_found');

		const u = assertOk(await officerD.api.patch(`/criticism-drafts/${d1.id}`, { note: 'Đã gửi văn bản phản biện', level: 'province' })).draft;
		assert.equal(u.level, 'province');
		assert.equal(u.note, 'Đã gửi văn bản phản biện');
		assertError(await officerD.api.patch(`/criticism-drafts/${d1.id}`, { due_day: '2025-03-01' }), 400, 'invalid_field', 'due_day');
		assertError(await viewerA.api.post('/criticism-drafts', draft({ org_id: frontA.id })), 403, 'forbidden');
	});

	it('the district level is data limited to the 2024 structure; the 2025 stats hide it when unused', async () => {
		assertError(await officerA.api.post('/criticism-drafts', draft({ org_id: frontA.id })), 400, 'invalid_field', 'level');
		const d = assertOk(await officerA.api.post('/criticism-drafts', draft({ org_id: frontA.id, level: 'commune', received_day: '2025-05-02', due_day: '2025-05-09' })), 201).draft;
		assertError(await officerA.api.patch(`/criticism-drafts/${d.id}`, { level: 'district' }), 400, 'invalid_field', 'level');
		const s = assertOk(await officerA.api.get(`/stats/supervision?structure=2025&unit=${A.code}&period=2025&cutoff=0`));
		assert.deepEqual(s.criticism.by_level.map((x) => [x.code, x.count]), [['province', 0], ['commune', 1]]);
		assert.equal(s.criticism.comments.acceptance_rate, null);
		for (const [o, field] of [[{ doc_type: 'law' }, 'doc_type'], [{ form: 'email' }, 'form'], [{ issuer: '' }, 'issuer'],
			[{ received_day: '2025-1-1' }, 'received_day'], [{ level: 'village' }, 'level']]) {
			assertError(await officerA.api.post('/criticism-drafts', draft({ org_id: frontA.id, level: 'commune', ...o })), 400, 'invalid_field', field);
		}
	});

	it('contributions to building the Party and the government are opinions of their own channel, filtered and counted', async () => {
		const o = assertOk(await officerA.api.post('/opinions', {
			org_id: frontA.id, channel: 'party_building', day: '2025-06-10', content: 'Góp ý cán bộ, đảng viên gần dân hơn',
			field: 'other', raised_by: 'Ông Nguyễn Văn Bình',
		}), 201).opinion;
		assertOk(await officerA.api.post('/opinions', { org_id: frontA.id, channel: 'mailbox', day: '2025-06-11', content: 'Hòm thư', field: 'other' }), 201);
		const l = assertOk(await viewerA.api.get('/opinions?channel=party_building'));
		assert.deepEqual(l.items.map((x) => x.id), [o.id]);
		assertOk(await officerA.api.post(`/opinions/${o.id}/respond`, { status: 'studying', day: '2025-06-20', answer: 'Tiếp thu' }));
		const s = assertOk(await viewerA.api.get(`/stats/supervision?structure=2025&unit=${A.code}&period=2025&cutoff=0`));
		assert.equal(s.party_building.opinions, 1);
		assert.deepEqual(s.party_building.by_status, { studying: 1 });
	});

	it('statistics need a valid period and topic', async () => {
		assertError(await viewerA.api.get('/stats/supervision'), 400, 'invalid_param', 'period');
		assertError(await viewerA.api.get('/stats/supervision?period=2025-Q5'), 400, 'invalid_param', 'period');
		assertError(await viewerA.api.get('/stats/supervision?period=2025&topic=weather'), 400, 'invalid_param', 'topic');
		assertError(await viewerA.api.get('/stats/supervision?period=2025&cutoff=1'), 400, 'invalid_param', 'cutoff');
		const s = assertOk(await viewerA.api.get('/stats/supervision?period=2025'));
		assert.equal(s.supervision.coverage.communes, 1, "a commune user's own scope");
		const all = assertOk(await admin.get('/stats/supervision?period=2025&structure=2025&unit=25'));
		assert.ok(all.supervision.coverage.communes > 50);
		assert.ok(all.supervision.coverage.uncovered.length <= 500);
	});

	it('the forms and levels are data: a new form row and an unlimited district level change what is accepted and counted', async () => {
		assertError(await officerA.api.post('/supervisions', sup({ form: 'hotline' })), 400, 'invalid_field', 'form');
		await dbExec(srv, "INSERT INTO supervision_forms (code, name, sort) VALUES ('hotline', 'Qua đường dây nóng', 50)");
		const v = assertOk(await viewerA.api.get('/supervision-vocabularies'));
		assert.deepEqual(v.forms.at(-1), { code: 'hotline', name: 'Qua đường dây nóng' });
		assertOk(await officerA.api.post('/supervisions', sup({ form: 'hotline', from_day: '2025-07-01', to_day: '2025-07-02' })), 201);
		const s = assertOk(await officerA.api.get(`/stats/supervision?structure=2025&unit=${A.code}&period=2025-Q3&cutoff=0`));
		assert.deepEqual(s.supervision.by_form.at(-1), { code: 'hotline', name: 'Qua đường dây nóng', count: 1 });

		const d = { org_id: frontA.id, title: 'Dự thảo cấp huyện', issuer: 'UBND', level: 'district', doc_type: 'plan',
			form: 'written', received_day: '2025-08-01' };
		assertError(await officerA.api.post('/criticism-drafts', d), 400, 'invalid_field', 'level');
		await dbExec(srv, "UPDATE criticism_levels SET only_structure = NULL WHERE code = 'district'");
		assertOk(await officerA.api.post('/criticism-drafts', d), 201);
		await dbExec(srv, "UPDATE criticism_levels SET only_structure = 2024 WHERE code = 'district'");
		assertError(await officerA.api.post('/criticism-drafts', d), 400, 'invalid_field', 'level');
	});
});
