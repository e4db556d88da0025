// Statistics per subtree and reporting period (GET /stats/petitions): the data cut-off of TT 01/2024
// (R-BC-02: default day 15), counts by classification, field and status, resolution on time, mass cases,
// letters forwarded inside the subtree counted once, reception sessions and visits, scope.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	assertError, assertOk, childrenOf, makeUser, setup,
} from './fixtures.mjs';

describe('statistics', () => {
	let srv; let admin; let A; let B; let X; let orgA; let orgB; let orgX;
	let officerA; let viewerA; let officerB; let leaderP;
	const ids = {};
	const NAMES = ['Đinh Văn Thống', 'Kê Thị Số', 'Lý Văn Liệu'];

	const mk = async (key, over) => {
		const p = assertOk(await admin.post('/petitions', {
			org_id: orgA.id, source: 'post', petitioner_name: NAMES[Object.keys(ids).length % 3],
			petitioner_address: 'Thôn Thống Kê', subject: `Đơn ${key}`, content: `Nội dung ${key}`, ...over,
		}), 201).petition;
		ids[key] = p.id;
		return p;
	};
	const act = async (id, action, body) => assertOk(await admin.post(`/petitions/${id}/${action}`, body)).petition;
	const classify = (id, classification, field, eligibility = 'eligible') => act(id, 'classify', { classification, eligibility, field });
	const stats = async (api, q) => assertOk(await api.get(`/stats/petitions?${q}`));

	before(async () => {
		({ srv, admin } = await setup());
		[A, B] = await childrenOf(admin, '25', { n: 2, offset: 20 });
		[X] = await childrenOf(admin, '01', { n: 1 });
		orgA = assertOk(await admin.post('/organizations', { name: 'UBND xã A', type: 'people_committee', unit: { structure: 2025, code: A.code } }), 201).organization;
		orgB = assertOk(await admin.post('/organizations', { name: 'UBND xã B', type: 'people_committee', unit: { structure: 2025, code: B.code } }), 201).organization;
		orgX = assertOk(await admin.post('/organizations', { name: 'UBND phường X', type: 'people_committee', unit: { structure: 2025, code: X.code } }), 201).organization;
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: { structure: 2025, code: A.code }, username: 's.officer.a' });
		viewerA = await makeUser(srv.url, admin, { role: 'viewer', unit: { structure: 2025, code: A.code }, username: 's.viewer.a' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: { structure: 2025, code: B.code }, username: 's.officer.b' });
		leaderP = await makeUser(srv.url, admin, { role: 'leader', unit: { structure: 2025, code: '25' }, username: 's.leader.p25' });

		// S1: received 20/12/2024 (inside Q1 2025 and year 2025 with cut-off 15), complaint, land;
		// accepted 6/1/2025 (due 5/2), resolved 20/1 → on time; a mass case settled 15/2/2025.
		await mk('S1', { received_day: '2024-12-20', persons: 30 });
		await classify(ids.S1, 'complaint', 'land');
		await act(ids.S1, 'accept', { day: '2025-01-06' });
		await act(ids.S1, 'resolve', { day: '2025-01-20', result: 'Đã giải quyết' });
		await act(ids.S1, 'mass-case', { mass_case: true, settled_day: '2025-02-15' });
		// S2: received 14/3/2025 (last day of Q1), denunciation, land; accepted 20/3 (due 19/4 → Mon 21/4),
		// resolved 12/5 → late.
		await mk('S2', { received_day: '2025-03-14' });
		await classify(ids.S2, 'denunciation', 'land');
		await act(ids.S2, 'accept', { day: '2025-03-20' });
		await act(ids.S2, 'resolve', { day: '2025-05-12', result: 'Tố cáo đúng một phần' });
		// S3: received 15/3/2025 (first day of Q2), recommendation, construction; accepted 17/3, still open
		// and long overdue.
		await mk('S3', { received_day: '2025-03-15' });
		await classify(ids.S3, 'recommendation', 'construction');
		await act(ids.S3, 'accept', { day: '2025-03-17' });
		// S4: received 16/12/2025 → after the 2025 cut-off (14/12/2025).
		await mk('S4', { received_day: '2025-12-16' });
		// S5: received 14/12/2024 → before Q1 2025 and year 2025.
		await mk('S5', { received_day: '2024-12-14' });
		// S6: anonymous reflection, environment; a mass case still followed.
		await mk('S6', { received_day: '2025-02-01', anonymous: true, petitioner_name: undefined, petitioner_address: undefined });
		await classify(ids.S6, 'reflection', 'environment', 'anonymous_verifiable');
		await act(ids.S6, 'mass-case', { mass_case: true });
		// S7: a duplicate letter attached to S6 (unclassified).
		await mk('S7', { received_day: '2025-02-02', attach_to: ids.S6 });
		// F1: received at A 10/2/2025, forwarded to B (same province) on 11/2; B accepts 20/2 and resolves
		// 1/3 on time.
		await mk('F1', { received_day: '2025-02-10' });
		await classify(ids.F1, 'recommendation', 'construction');
		const f = await act(ids.F1, 'forward', { day: '2025-02-11', to_org_id: orgB.id });
		ids.F1copy = f.forwarded_to;
		await act(ids.F1copy, 'accept', { day: '2025-02-20' });
		await act(ids.F1copy, 'resolve', { day: '2025-03-01', result: 'Đã trả lời' });
		// X1: another province.
		ids.X1 = assertOk(await admin.post('/petitions', {
			org_id: orgX.id, source: 'post', received_day: '2025-02-01', petitioner_name: 'Ở tỉnh khác', subject: 'Đơn X', content: 'Nội dung X',
		}), 201).petition.id;
	});
	after(async () => { await srv?.stop(); });

	it('year 2025 with the default cut-off (15): 15/12/2024..14/12/2025', async () => {
		const s = await stats(admin, `unit=25&period=2025`);
		assert.deepEqual(Object.keys(s).sort(), ['mass_cases', 'period', 'petitions', 'reception']);
		assert.equal(s.period.from, '2024-12-15');
		assert.equal(s.period.to, '2025-12-14');
		assert.equal(s.period.label, 'năm 2025');
		const p = s.petitions;
		// S1 S2 S3 S6 S7 F1 (F1's copy at B is the same letter; S4 S5 are outside the period; X1 outside the unit).
		assert.equal(p.received, 6);
		assert.deepEqual(p.by_classification, {
			complaint: 1, denunciation: 1, recommendation: 2, reflection: 1, mixed: 0, unclassified: 1,
		});
		assert.deepEqual(p.by_field.map((f) => [f.code, f.count]), [['land', 2], ['environment', 1], ['construction', 2]]);
		assert.equal(p.by_field.find((f) => f.code === 'land').name, 'Đất đai');
		assert.deepEqual(p.by_status, { resolved: 2, accepted: 1, received: 1, attached: 1, forwarded: 1 });
		assert.equal(p.eligible, 4); // S1 S2 S3 F1
		assert.equal(p.duplicates, 1); // S7
		assert.equal(p.anonymous, 1); // S6
		// Accepted in the period: S1 S2 S3 and F1's copy; resolved: S1 (on time), S2 (late), copy (on time).
		assert.equal(p.accepted, 4);
		assert.equal(p.resolved, 3);
		assert.equal(p.resolved_on_time, 2);
		assert.equal(p.on_time_rate, 66.67);
		assert.equal(p.overdue_open, 1); // S3
		assert.deepEqual(s.mass_cases, { total: 2, settled: 1, open: 1 });
		// Identity never appears in statistics.
		const text = JSON.stringify(s);
		for (const n of [...NAMES, 'Thôn Thống Kê']) assert.ok(!text.includes(n), `stats show ${n}`);
	});

	it('2025-Q1 with the cut-off: 15/12/2024..14/03/2025', async () => {
		const s = await stats(admin, 'unit=25&period=2025-Q1');
		assert.equal(s.period.from, '2024-12-15');
		assert.equal(s.period.to, '2025-03-14');
		assert.match(s.period.label, /quý I năm 2025/);
		const p = s.petitions;
		assert.equal(p.received, 5); // S1 (20/12/2024) S2 (14/3) S6 S7 F1; not S3 (15/3)
		assert.deepEqual(p.by_classification, {
			complaint: 1, denunciation: 1, recommendation: 1, reflection: 1, mixed: 0, unclassified: 1,
		});
		assert.equal(p.accepted, 2); // S1 (6/1), copy (20/2)
		assert.equal(p.resolved, 2); // S1, copy
		assert.equal(p.resolved_on_time, 2);
		assert.equal(p.on_time_rate, 100);
		assert.deepEqual(s.mass_cases, { total: 2, settled: 1, open: 1 });
		// 2025-Q2 starts on 15/3: S3; S2 resolved (late) on 12/5.
		const q2 = await stats(admin, 'unit=25&period=2025-Q2');
		assert.equal(q2.period.from, '2025-03-15');
		assert.equal(q2.period.to, '2025-06-14');
		assert.equal(q2.petitions.received, 1);
		assert.equal(q2.petitions.resolved, 1);
		assert.equal(q2.petitions.resolved_on_time, 0);
		assert.equal(q2.petitions.on_time_rate, 0);
		assert.deepEqual(q2.mass_cases, { total: 1, settled: 0, open: 1 }, 'S6 still followed; S1 settled before Q2');
		// A period without resolutions: on_time_rate null.
		const q4 = await stats(admin, 'unit=25&period=2025-Q4');
		assert.equal(q4.petitions.resolved, 0);
		assert.equal(q4.petitions.on_time_rate, null);
	});

	it('cut-off: explicit cutoff=0 gives calendar quarters; the setting report_cutoff_day changes the default', async () => {
		const s = await stats(admin, 'unit=25&period=2025-Q1&cutoff=0');
		assert.equal(s.period.from, '2025-01-01');
		assert.equal(s.period.to, '2025-03-31');
		assert.equal(s.petitions.received, 5); // S2 S3 S6 S7 F1; not S1 (2024)
		const y = await stats(admin, 'unit=25&period=2025&cutoff=0');
		assert.equal(y.period.to, '2025-12-31');
		assert.equal(y.petitions.received, 6); // S2 S3 S4 S6 S7 F1
		assertOk(await admin.patch('/settings', { report_cutoff_day: 20 }));
		try {
			const d = await stats(admin, 'unit=25&period=2025-Q1');
			assert.equal(d.period.from, '2024-12-20');
			assert.equal(d.period.to, '2025-03-19');
			assert.equal(d.petitions.received, 6); // S1 (20/12/2024) … S3 (15/3)
		} finally {
			assertOk(await admin.patch('/settings', { report_cutoff_day: 15 }));
		}
		// Months, halves, nine months and custom ranges.
		assert.deepEqual((await stats(admin, 'unit=25&period=2025-02')).period.from, '2025-01-15');
		assert.deepEqual((await stats(admin, 'unit=25&period=2025-H1')).period.to, '2025-06-14');
		assert.deepEqual((await stats(admin, 'unit=25&period=2025-9M')).period.to, '2025-09-14');
		const c = await stats(admin, 'unit=25&period=2025-02-01..2025-02-10');
		assert.equal(c.period.from, '2025-02-01');
		assert.equal(c.period.to, '2025-02-10');
		assert.equal(c.petitions.received, 3); // S6 S7 F1
	});

	it('a letter forwarded between two units of the province counts once for the province', async () => {
		const p = (await stats(admin, 'unit=25&period=2025-02-10..2025-02-28')).petitions;
		assert.equal(p.received, 1, 'F1 and its copy at B are one letter for the province');
		assert.equal(p.by_status.forwarded, 1);
		assert.equal(p.by_status.received ?? 0, 0);
		const a = (await stats(admin, `unit=${A.code}&period=2025`)).petitions;
		assert.equal(a.received, 6);
		const b = (await stats(admin, `unit=${B.code}&period=2025`)).petitions;
		assert.equal(b.received, 1, 'for B alone, the letter came from outside');
		assert.equal(b.by_status.resolved, 1);
		assert.equal(b.resolved_on_time, 1);
		// The whole country (sysadmin, no unit): X1 as well.
		const all = (await stats(admin, 'period=2025')).petitions;
		assert.equal(all.received, 7);
	});

	it('reception sessions and visits', async () => {
		const sess = (day, kind) => admin.post('/reception/sessions', { org_id: orgA.id, kind, day, place: 'Trụ sở UBND xã', host_name: 'Chủ tịch UBND xã' });
		const s1 = assertOk(await sess('2025-01-10', 'regular'), 201).session;
		assertOk(await sess('2025-05-05', 'regular'), 201);
		assertOk(await sess('2025-03-01', 'ad_hoc'), 201);
		assertOk(await sess('2025-12-20', 'ad_hoc'), 201); // after the 2025 cut-off
		const visit = (persons) => admin.post(`/reception/sessions/${s1.id}/visits`, {
			citizen_name: 'Công dân đến tiếp', citizen_address: 'Thôn 1', persons, content: 'Hỏi về chính sách',
			classification: 'recommendation', field: 'social_policy', direction: 'none',
		});
		assertOk(await visit(1), 201);
		assertOk(await visit(6), 201); // ≥ mass_threshold (5): a mass visit
		const s = await stats(admin, 'unit=25&period=2025');
		assert.deepEqual(s.reception, {
			sessions: { regular: 2, periodic: 0, ad_hoc: 1, total: 3 }, visits: 2, persons: 7, mass_visits: 1, mass_persons: 6,
		});
		const q1 = await stats(admin, 'unit=25&period=2025-Q1');
		assert.equal(q1.reception.sessions.total, 2);
		assert.ok(!JSON.stringify(s).includes('Công dân đến tiếp'));
	});

	it('scope: a unit outside the user’s scope → 403; without unit, the user’s own subtree', async () => {
		assertError(await officerA.api.get(`/stats/petitions?unit=${B.code}&period=2025`), 403, 'forbidden', 'unit');
		assertError(await officerA.api.get('/stats/petitions?unit=25&period=2025'), 403, 'forbidden', 'unit');
		assertError(await officerB.api.get(`/stats/petitions?unit=${X.code}&period=2025`), 403, 'forbidden', 'unit');
		const own = await stats(officerA.api, 'period=2025');
		assert.equal(own.petitions.received, 6);
		const ownB = await stats(officerB.api, 'period=2025');
		assert.equal(ownB.petitions.received, 1);
		assert.equal((await stats(viewerA.api, `unit=${A.code}&period=2025`)).petitions.received, 6);
		const p = await stats(leaderP.api, 'period=2025');
		assert.equal(p.petitions.received, 6);
		assert.equal((await stats(leaderP.api, `unit=${B.code}&period=2025`)).petitions.received, 1);
	});

	it('letters of a 2024 unit count for the 2025 unit it became (Hoà Bình 17 → Phú Thọ 25)', async () => {
		const before0 = (await stats(admin, 'unit=25&period=2025')).petitions.received;
		const orgH = assertOk(await admin.post('/organizations', { name: 'Ban Dân vận Tỉnh ủy Hòa Bình', type: 'mass_mobilization_board', unit: { structure: 2024, code: '17' } }), 201).organization;
		assertOk(await admin.post('/petitions', {
			org_id: orgH.id, source: 'post', received_day: '2025-01-05', petitioner_name: 'Người Hòa Bình', subject: 'Đơn cũ', content: 'Trước sáp nhập',
		}), 201);
		assert.equal((await stats(admin, 'unit=25&period=2025')).petitions.received, before0 + 1);
		assert.equal((await stats(admin, 'structure=2024&unit=17&period=2025')).petitions.received, 1);
		assert.equal((await stats(leaderP.api, 'period=2025')).petitions.received, before0 + 1);
	});

	it('parameters: period required and well-formed, cutoff 0..28, known unit', async () => {
		const noPeriod = await admin.get('/stats/petitions?unit=25');
		assertError(noPeriod, 400, undefined, 'period');
		for (const period of ['2025-Q5', '2025-13', '2025-H3', '25', '2025-q1', '2025-03-01..2025-02-01', 'x'.repeat(41)]) {
			assertError(await admin.get(`/stats/petitions?unit=25&period=${encodeURIComponent(period)}`), 400, 'invalid_param');
		}
		assertError(await admin.get('/stats/petitions?unit=25&period=2025&cutoff=29'), 400, 'invalid_param', 'cutoff');
		// cutoff 1 passes the query check (0..28) but not period_parse (0 or 2..28).
		assertError(await admin.get('/stats/petitions?unit=25&period=2025&cutoff=1'), 400, 'invalid_param');
		assertError(await admin.get('/stats/petitions?unit=99999&period=2025'), 400, 'invalid_param', 'unit');
		assertError(await admin.get('/stats/petitions?unit=25&structure=2030&period=2025'), 400, 'invalid_param', 'structure');
	});

	it('parameter errors use the documented code and the query parameter name', async () => {
		assertError(await admin.get('/stats/petitions?unit=25'), 400, 'invalid_param', 'period');
		assertError(await admin.get('/stats/petitions?unit=25&period=2025&cutoff=1'), 400, 'invalid_param', 'cutoff');
	});
});
