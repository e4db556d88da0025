// The citizens' side (no login): units to choose from, online submission of recommendations and
// reflections to the commune's People's Committee, tracking by code without personal data, abuse limits.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { client } from '../lib/server.mjs';
import {
	assertError, assertOk, childrenOf, makeUser, setup,
} from './fixtures.mjs';

const CODE_RX = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const vnToday = () => new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);

describe('public pages', () => {
	let srv; let admin; let anon; let A; let B; let C; let orgA; let orgB; let officerA; let officerB;
	const citizen = {
		name: 'Ngô Thị Công Dân', address: 'Số 9 đường Hoa Ban, thôn Bản Mòng', phone: '0977123456',
	};
	const submit = (unit, over = {}) => anon.post('/public/petitions', {
		unit, classification: 'recommendation', ...citizen,
		subject: 'Đề nghị lắp đèn đường', content: 'Đoạn đường qua thôn không có đèn, đi lại buổi tối nguy hiểm.', ...over,
	});

	before(async () => {
		({ srv, admin } = await setup());
		anon = client(srv.url, null);
		// Room for the submissions of this suite (default: 5 per hour per client address).
		assertOk(await admin.patch('/settings', { public_submit_per_hour: 100 }));
		[A, B, C] = await childrenOf(admin, '25', { n: 3, offset: 10 });
		orgA = assertOk(await admin.post('/organizations', { name: `UBND ${A.name}`, type: 'people_committee', unit: { structure: 2025, code: A.code } }), 201).organization;
		orgB = assertOk(await admin.post('/organizations', { name: `UBND ${B.name}`, type: 'people_committee', unit: { structure: 2025, code: B.code } }), 201).organization;
		// C has an organisation, but not a People's Committee.
		assertOk(await admin.post('/organizations', { name: `Đảng ủy ${C.name}`, type: 'party_committee', unit: { structure: 2025, code: C.code } }), 201);
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: { structure: 2025, code: A.code }, username: 'pub.officer.a' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: { structure: 2025, code: B.code }, username: 'pub.officer.b' });
	});
	after(async () => { await srv?.stop(); });

	it('GET /public/units: the 34 provinces of 2025 without login; communes of a parent', async () => {
		const p = assertOk(await anon.get('/public/units'));
		assert.deepEqual(Object.keys(p), ['items']);
		assert.equal(p.items.length, 34);
		for (const u of p.items) {
			assert.deepEqual(Object.keys(u).sort(), ['code', 'level', 'name']);
			assert.equal(u.level, 'province');
		}
		assert.ok(p.items.some((u) => u.code === '25'));
		assert.ok(!p.items.some((u) => u.code === '17'), 'Hoà Bình (2024) is not a 2025 province');
		const c = assertOk(await anon.get('/public/units?parent=25'));
		assert.ok(c.items.length > 50);
		for (const u of c.items) assert.equal(u.level, 'commune');
		assert.ok(c.items.some((u) => u.code === A.code && u.name === A.name));
		assert.deepEqual(assertOk(await anon.get(`/public/units?parent=${A.code}`)).items, []);
		assertError(await anon.get('/public/units?parent=x'), 400, 'invalid_param', 'parent');
		assertError(await anon.get('/public/units?parent=123456'), 400, 'invalid_param', 'parent');
	});

	it("submit to a commune with a People's Committee → 201 tracking code; the letter is in its queue", async () => {
		const r = await submit({ structure: 2025, code: A.code });
		const b = assertOk(r, 201);
		assert.deepEqual(Object.keys(b).sort(), ['received_day', 'tracking_code']);
		assert.match(b.tracking_code, CODE_RX);
		assert.equal(b.received_day, vnToday());
		const l = assertOk(await officerA.api.get('/petitions?source=online&limit=500'));
		const p = l.items.find((x) => x.tracking_code === b.tracking_code);
		assert.ok(p, 'the online letter is in the commune’s list');
		assert.deepEqual(p.org, { id: orgA.id, name: orgA.name });
		assert.equal(p.source, 'online');
		assert.equal(p.status, 'received');
		assert.equal(p.classification, 'recommendation');
		assert.equal(p.petitioner.name, citizen.name);
		assert.equal(p.petitioner.phone, citizen.phone);
		assert.equal(p.handling_rule, 'R-DON-09');
		const g = assertOk(await officerA.api.get(`/petitions/${p.id}`));
		assert.equal(g.events[0].actor_name, '(cổng công dân)');
		assert.ok(!assertOk(await officerB.api.get('/petitions?limit=500')).items.some((x) => x.id === p.id));
		// reflection is accepted too; phone is optional
		const { phone, ...noPhone } = citizen;
		assert.ok(phone);
		assertOk(await anon.post('/public/petitions', {
			unit: { structure: 2025, code: A.code }, classification: 'reflection', ...noPhone,
			subject: 'Phản ánh rác thải', content: 'Bãi rác tự phát cạnh trường học.',
		}), 201);
	});

	it("a commune without a People's Committee → no_receiving_body (nothing written)", async () => {
		const n0 = assertOk(await admin.get('/petitions?limit=1')).total;
		const r = await submit({ structure: 2025, code: C.code });
		// API.md: 400 `no_receiving_body`.
		assert.ok([400, 422].includes(r.status), `status ${r.status}`);
		const e = assertError(r, r.status, 'no_receiving_body', 'unit');
		assert.match(e.message, /cơ quan tiếp nhận/);
		assertError(await submit({ structure: 2025, code: '99999' }), r.status, 'no_receiving_body');
		assert.equal(assertOk(await admin.get('/petitions?limit=1')).total, n0);
	});

	it('validation: only recommendation|reflection, a 2025 unit, required fields, limits, no unknown fields', async () => {
		const unit = { structure: 2025, code: A.code };
		for (const classification of ['complaint', 'denunciation', 'mixed', 'kien_nghi', '']) {
			assertError(await submit(unit, { classification }), 400, 'invalid_field', 'classification');
		}
		assertError(await submit({ structure: 2024, code: '17' }), 400, 'invalid_field', 'unit');
		assertError(await submit(unit, { name: undefined }), 400, 'missing_field', 'name');
		assertError(await submit(unit, { address: undefined }), 400, 'missing_field', 'address');
		assertError(await submit(unit, { subject: '' }), 400, 'missing_field', 'subject');
		assertError(await submit(unit, { content: 'x'.repeat(5001) }), 400, 'too_long', 'content');
		assertError(await submit(unit, { phone: '0'.repeat(21) }), 400, 'too_long', 'phone');
		assertError(await submit(unit, { id_number: '001203004005' }), 400, 'unknown_field', 'id_number');
		assertError(await submit(unit, { org_id: orgB.id }), 400, 'unknown_field', 'org_id');
		assertError(await anon.request('POST', '/public/petitions', { raw: '{"unit":', contentType: 'application/json' }), 400, 'invalid_json');
	});

	it('tracking by code: status, due day and timeline, and no personal data at all', async () => {
		const { tracking_code: code } = assertOk(await submit({ structure: 2025, code: A.code }, {
			subject: 'Đề nghị nạo vét mương', content: 'Mương thoát nước bị tắc',
		}), 201);
		const t = assertOk(await anon.get(`/public/petitions/${code}`));
		assert.deepEqual(Object.keys(t).sort(), ['due_day', 'received_day', 'resolved_day', 'result', 'status', 'timeline', 'tracking_code']);
		assert.equal(t.tracking_code, code);
		assert.equal(t.status, 'received');
		assert.equal(t.received_day, vnToday());
		assert.match(t.due_day, /^\d{4}-\d{2}-\d{2}$/);
		assert.ok(t.due_day > t.received_day);
		assert.equal(t.resolved_day, null);
		assert.equal(t.result, null);
		assert.equal(t.timeline.length, 1);
		assert.deepEqual(Object.keys(t.timeline[0]).sort(), ['day', 'public_note', 'status']);
		assert.equal(t.timeline[0].status, 'received');
		// Handling by the commune, with an internal note that must stay internal.
		const p = assertOk(await officerA.api.get(`/petitions?source=online&q=${encodeURIComponent('nao vet muong')}`)).items[0];
		assert.equal(p.tracking_code, code);
		assertOk(await officerA.api.post(`/petitions/${p.id}/classify`, { classification: 'recommendation', eligibility: 'eligible', field: 'construction' }));
		assertOk(await officerA.api.post(`/petitions/${p.id}/accept`, { day: vnToday(), note: 'GHI CHÚ NỘI BỘ: giao ông Tư' }));
		const t2 = assertOk(await anon.get(`/public/petitions/${code}`));
		assert.equal(t2.status, 'accepted');
		assert.deepEqual(t2.timeline.map((x) => x.status), ['received', 'accepted']);
		assert.match(t2.timeline[1].public_note, /thụ lý/);
		const res = await anon.get(`/public/petitions/${code}`);
		for (const s of [citizen.name, citizen.address, citizen.phone, 'Ngô Thị', 'GHI CHÚ NỘI BỘ', 'ông Tư', 'pub.officer.a', 'Mương thoát nước']) {
			assert.ok(!res.text.includes(s), `tracking shows "${s}"`);
		}
		// Lower case, unknown and malformed codes → 404.
		assertError(await anon.get(`/public/petitions/${code.toLowerCase()}`), 404, 'not_found');
		assertError(await anon.get('/public/petitions/ABCD-EFGH-JKMN'), 404, 'not_found');
		assertError(await anon.get('/public/petitions/ABCD-EFGH-JKLU'), 404, 'not_found');
		assertError(await anon.get('/public/petitions/x'), 404, 'not_found');
	});

	it('a forwarded letter: the original code shows the final body’s progress and result', async () => {
		const { tracking_code: code } = assertOk(await submit({ structure: 2025, code: A.code }, {
			subject: 'Kiến nghị về cầu tràn', content: 'Cầu tràn liên xã hư hỏng',
		}), 201);
		const p = assertOk(await officerA.api.get(`/petitions?q=${encodeURIComponent('cau tran')}`)).items[0];
		assertOk(await officerA.api.post(`/petitions/${p.id}/classify`, { classification: 'recommendation', eligibility: 'eligible', field: 'construction' }));
		const f = assertOk(await officerA.api.post(`/petitions/${p.id}/forward`, { day: vnToday(), to_org_id: orgB.id, note: 'NỘI BỘ: thuộc xã B' })).petition;
		const t1 = assertOk(await anon.get(`/public/petitions/${code}`));
		assert.equal(t1.status, 'received', 'the receiving body has it, not yet handled');
		assert.ok(t1.timeline.some((x) => x.status === 'forwarded' && x.public_note.includes(orgB.name)));
		const copy = f.forwarded_to;
		assertOk(await officerB.api.post(`/petitions/${copy}/accept`, { day: vnToday() }));
		assertOk(await officerB.api.post(`/petitions/${copy}/resolve`, {
			day: vnToday(), result: 'UBND xã B đã bố trí kinh phí sửa cầu tràn.', public_note: 'Đã có văn bản trả lời.',
		}));
		const t = assertOk(await anon.get(`/public/petitions/${code}`));
		assert.equal(t.tracking_code, code);
		assert.equal(t.status, 'resolved');
		assert.equal(t.resolved_day, vnToday());
		assert.equal(t.result, 'UBND xã B đã bố trí kinh phí sửa cầu tràn.');
		// Every public step of both bodies is there (the sender's "result received" step included); their
		// order is checked by the next test.
		assert.deepEqual(t.timeline.map((x) => x.status).sort(),
			['accepted', 'forwarded', 'forwarded', 'received', 'received', 'resolved']);
		assert.ok(t.timeline.some((x) => x.status === 'resolved' && x.public_note === 'Đã có văn bản trả lời.'));
		assert.ok(t.timeline.some((x) => x.status === 'received' && x.public_note.includes(orgB.name)));
		const raw = (await anon.get(`/public/petitions/${code}`)).text;
		for (const s of [citizen.name, citizen.address, citizen.phone, 'NỘI BỘ', 'pub.officer']) assert.ok(!raw.includes(s), `shows "${s}"`);
		// The receiving body's own code shows its part only.
		const own = assertOk(await officerB.api.get(`/petitions/${copy}`)).petition.tracking_code;
		const tb = assertOk(await anon.get(`/public/petitions/${own}`));
		assert.equal(tb.status, 'resolved');
		assert.ok(!tb.timeline.some((x) => x.status === 'forwarded'));
	});

	it('the public timeline of a forwarded letter is in chronological order', async () => {
		const p = assertOk(await officerA.api.post('/petitions', {
			org_id: orgA.id, source: 'post', received_day: '2025-06-02', petitioner_name: 'Người gửi', subject: 'Thứ tự',
			content: 'Thứ tự các bước', classification: 'recommendation',
		}), 201).petition;
		const f = assertOk(await officerA.api.post(`/petitions/${p.id}/forward`, { day: '2025-06-03', to_org_id: orgB.id })).petition;
		assertOk(await officerB.api.post(`/petitions/${f.forwarded_to}/classify`, { classification: 'recommendation', eligibility: 'eligible', field: 'other' }));
		assertOk(await officerB.api.post(`/petitions/${f.forwarded_to}/accept`, { day: '2025-06-05' }));
		assertOk(await officerB.api.post(`/petitions/${f.forwarded_to}/resolve`, { day: '2025-06-20', result: 'Đã trả lời.' }));
		const days = assertOk(await anon.get(`/public/petitions/${p.tracking_code}`)).timeline.map((x) => x.day);
		assert.deepEqual(days, [...days].sort(), `timeline days ${days.join(', ')}`);
	});

	it('GET /settings shows the limits; only a sysadmin changes them', async () => {
		const s = assertOk(await admin.get('/settings'));
		assert.equal(s.public_submit_per_hour, 100);
		assert.equal(s.public_track_per_10min, 60);
		assertError(await officerA.api.patch('/settings', { public_submit_per_hour: 1000 }), 403, 'forbidden');
		assertError(await admin.patch('/settings', { public_submit_per_hour: 0 }), 400, 'invalid_field', 'public_submit_per_hour');
		assertError(await admin.patch('/settings', { colour: 1 }), 400, 'unknown_field');
		assertError(await anon.patch('/settings', { public_submit_per_hour: 1000 }, { csrf: 'x'.repeat(32) }), 401, 'unauthenticated');
	});
});

describe('public abuse limits (fresh server: the counters are per process)', () => {
	let srv; let admin; let anon; let A;
	before(async () => {
		({ srv, admin } = await setup());
		anon = client(srv.url, null);
		[A] = await childrenOf(admin, '25', { n: 1, offset: 12 });
		assertOk(await admin.post('/organizations', { name: 'UBND xã', type: 'people_committee', unit: { structure: 2025, code: A.code } }), 201);
	});
	after(async () => { await srv?.stop(); });

	it('public_submit_per_hour=2: the third submission → 429 too_many_attempts with Retry-After', async () => {
		assertOk(await admin.patch('/settings', { public_submit_per_hour: 2 }));
		const body = (i) => ({
			unit: { structure: 2025, code: A.code }, classification: 'reflection', name: 'Người gửi', address: 'Thôn 1',
			subject: `Phản ánh ${i}`, content: 'Nội dung',
		});
		const codes = [];
		for (let i = 1; i <= 2; i++) codes.push(assertOk(await anon.post('/public/petitions', body(i)), 201).tracking_code);
		const r = await anon.post('/public/petitions', body(3));
		const e = assertError(r, 429, 'too_many_attempts');
		assert.match(e.message, /quá nhiều/);
		const ra = Number(r.headers.get('retry-after'));
		assert.ok(Number.isInteger(ra) && ra >= 1 && ra <= 3600, `Retry-After ${r.headers.get('retry-after')}`);
		// Nothing was written by the refused call.
		const l = assertOk(await admin.get('/petitions?source=online&limit=500'));
		assert.equal(l.total, 2);
		assert.deepEqual(l.items.map((x) => x.tracking_code).sort(), codes.sort());
		// Raising the limit lets the same client in again.
		assertOk(await admin.patch('/settings', { public_submit_per_hour: 3 }));
		assertOk(await anon.post('/public/petitions', body(4)), 201);
	});

	it('public_track_per_10min=3: the fourth lookup → 429 with Retry-After; unknown codes count too', async () => {
		assertOk(await admin.patch('/settings', { public_track_per_10min: 3 }));
		const code = assertOk(await admin.get('/petitions?limit=1')).items[0].tracking_code;
		assertOk(await anon.get(`/public/petitions/${code}`));
		assertError(await anon.get('/public/petitions/ABCD-EFGH-JKMN'), 404, 'not_found');
		assertOk(await anon.get(`/public/petitions/${code}`));
		const r = await anon.get(`/public/petitions/${code}`);
		assertError(r, 429, 'too_many_attempts');
		assert.ok(Number(r.headers.get('retry-after')) >= 1);
		// Staff pages are not limited by it.
		assertOk(await admin.get('/petitions?limit=1'));
	});
});
