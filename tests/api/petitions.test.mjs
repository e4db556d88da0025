// Petitions (đơn): registration, deadlines as data (DOMAIN.md §4-§6, §15), the life cycle and its
// state machine, protection of denouncers (R-TC-20, P-TC-24), forwarding with the result flowing back,
// duplicates (R-DON-08), mass cases, list filters and attachments.
//
// The built-in 2025 calendar has the Labour Code holidays 30/4 (Wed) and 1/5 (Thu); 2/5/2025 is an
// ordinary working day unless a sysadmin enters the government's swap day (PUT /calendar/days).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../lib/server.mjs';
import {
	ISO_UTC, assertError, assertOk, childrenOf, makeUser, setup,
} from './fixtures.mjs';

const CODE_RX = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Today in Vietnam (UTC+7, no DST): the server's notion of "today" for legal days. */
function vnToday(offsetDays = 0) {
	return new Date(Date.now() + 7 * 3600e3 + offsetDays * 86400e3).toISOString().slice(0, 10);
}

// A minimal but well-formed PDF (libmagic recognises "%PDF-").
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
	'2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
// A real 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Upload raw bytes; sends Expect: 100-continue so that an early 413 is read instead of an EPIPE. */
function upload(url, p, session, bytes, { contentType = 'application/octet-stream' } = {}) {
	return new Promise((resolve, reject) => {
		const u = new URL(url + '/api/v1' + p);
		let done = false;
		const headers = { 'content-type': contentType, 'content-length': bytes.length, cookie: session.cookie };
		if (session.csrf) headers['x-csrf-token'] = session.csrf;
		if (bytes.length > 0) headers.expect = '100-continue';
		const req = http.request({
			host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', headers,
		});
		if (bytes.length > 0) req.on('continue', () => req.end(bytes));
		else req.end();
		req.on('response', (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				done = true;
				const text = Buffer.concat(chunks).toString('utf8');
				let body = null;
				try { body = JSON.parse(text); } catch { body = text; }
				resolve({ status: res.statusCode, headers: new Headers(res.headers), body, text });
			});
		});
		req.on('error', (e) => { if (!done) reject(e); });
		req.setTimeout(30000, () => req.destroy(new Error('upload timeout')));
	});
}

/** Download: { status, headers, bytes }. */
async function download(api, p) {
	const res = await fetch(api.url + '/api/v1' + p, { headers: { cookie: api.session.cookie } });
	return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The whole database as text (SQLite: sqlite3 .dump; PostgreSQL: pg_dump --data-only). */
async function dumpDatabase(srv) {
	if (srv.dbKind === 'sqlite') return (await run('sqlite3', [srv.db, '.dump'])).stdout;
	let bin = 'pg_dump';
	const base = '/usr/lib/postgresql';
	if (existsSync(base)) {
		const v = readdirSync(base).filter((x) => existsSync(path.join(base, x, 'bin', 'pg_dump')))
			.sort((a, b) => Number(b) - Number(a));
		if (v.length) bin = path.join(base, v[0], 'bin', 'pg_dump');
	}
	return (await run(bin, ['--data-only', '--dbname', srv.db])).stdout;
}

describe('petitions', () => {
	let srv; let admin;
	let A; let B; let refA; let refB;
	let orgA; let orgA2; let orgB;
	let officerA; let officerA2; let leaderA; let viewerA; let adminA; let officerB; let leaderB; let leaderP;

	// A new letter at orgA by `api` (admin by default); returns the petition.
	let seq = 0;
	const base = (over = {}) => ({
		org_id: orgA.id, source: 'post', received_day: '2025-03-03',
		petitioner_name: `Người gửi ${++seq}`, petitioner_address: `Thôn ${seq}, xã A`,
		subject: `Đơn số ${seq}`, content: `Nội dung đơn số ${seq}`, ...over,
	});
	const create = async (over = {}, api = admin) => assertOk(await api.post('/petitions', base(over)), 201).petition;
	const act = async (id, action, body, api = admin, status = 200) => {
		const r = await api.post(`/petitions/${id}/${action}`, body);
		return assertOk(r, status).petition;
	};
	const get = async (id, api = admin) => assertOk(await api.get(`/petitions/${id}`));
	// classify + accept in one go
	const accepted = async (over, cls, day, acc = {}) => {
		const p = await create(over);
		await act(p.id, 'classify', { classification: 'complaint', eligibility: 'eligible', field: 'land', ...cls });
		return act(p.id, 'accept', { day, ...acc });
	};

	before(async () => {
		({ srv, admin } = await setup());
		[A, B] = await childrenOf(admin, '25', { n: 2, offset: 5 });
		refA = { structure: 2025, code: A.code };
		refB = { structure: 2025, code: B.code };
		orgA = assertOk(await admin.post('/organizations', { name: 'UBND xã A', type: 'people_committee', unit: refA }), 201).organization;
		orgA2 = assertOk(await admin.post('/organizations', { name: 'Ban Dân vận xã A', type: 'mass_mobilization_board', unit: refA }), 201).organization;
		orgB = assertOk(await admin.post('/organizations', { name: 'UBND xã B', type: 'people_committee', unit: refB }), 201).organization;
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'p.officer.a', fullName: 'Cán bộ Một' });
		officerA2 = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'p.officer.a2' });
		leaderA = await makeUser(srv.url, admin, { role: 'leader', unit: refA, username: 'p.leader.a' });
		viewerA = await makeUser(srv.url, admin, { role: 'viewer', unit: refA, username: 'p.viewer.a' });
		adminA = await makeUser(srv.url, admin, { role: 'unit_admin', unit: refA, username: 'p.admin.a' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: refB, username: 'p.officer.b' });
		leaderB = await makeUser(srv.url, admin, { role: 'leader', unit: refB, username: 'p.leader.b' });
		leaderP = await makeUser(srv.url, admin, { role: 'leader', unit: { structure: 2025, code: '25' }, username: 'p.leader.p25' });
	});
	after(async () => { await srv?.stop(); });

	describe('registration', () => {
		it('create → 201: tracking code, status received, R-DON-09 handling deadline of 10 working days', async () => {
			const r = await officerA.api.post('/petitions', base({
				received_day: '2025-04-25', petitioner_id_number: '001203004005', petitioner_phone: '0912345678',
				persons: 3,
			}));
			const b = assertOk(r, 201);
			assert.deepEqual(Object.keys(b).sort(), ['duplicates', 'petition']);
			assert.deepEqual(b.duplicates, []);
			const p = b.petition;
			assert.match(p.tracking_code, CODE_RX);
			assert.equal(p.status, 'received');
			assert.equal(p.source, 'post');
			assert.equal(p.persons, 3);
			assert.deepEqual(p.org, { id: orgA.id, name: 'UBND xã A' });
			assert.deepEqual(p.unit, { structure: 2025, code: A.code, name: A.name });
			assert.equal(p.petitioner.id_number, '001203004005', 'leading zeros kept');
			assert.equal(p.petitioner.phone, '0912345678');
			assert.equal(p.identity_protected, false);
			assert.equal(p.classification, null);
			assert.equal(p.handling_rule, 'R-DON-09');
			// R-DON-09: 10 working days from receipt, counted from the next day (R-TH-02).
			// Received Fri 25/4/2025: Mon 28/4 (1), Tue 29/4 (2), Wed 30/4 and Thu 1/5 are holidays,
			// Fri 2/5 (3), Mon 5/5 (4), Tue 6/5 (5), Wed 7/5 (6), Thu 8/5 (7), Fri 9/5 (8),
			// Mon 12/5 (9), Tue 13/5 (10) → 2025-05-13.
			assert.equal(p.handling_due, '2025-05-13');
			assert.equal(p.resolution_due, null);
			assert.equal(p.repeat_count, 0);
			assert.match(p.created_at, ISO_UTC);
			// Tracking codes are unique.
			const q = await create({ received_day: '2025-04-25' });
			assert.notEqual(q.tracking_code, p.tracking_code);
			assert.match(q.tracking_code, CODE_RX);

			const g = await get(p.id, officerA.api);
			assert.deepEqual(g.petition, p);
			assert.deepEqual(g.attachments, []);
			assert.equal(g.events.length, 1);
			assert.equal(g.events[0].kind, 'received');
			assert.equal(g.events[0].status, 'received');
			assert.equal(g.events[0].day, '2025-04-25');
			assert.equal(g.events[0].actor_name, 'p.officer.a');
			assert.match(g.events[0].public_note, /tiếp nhận/);
		});

		it('R-DON-09 across a weekend and National Day (1-2/9/2025)', async () => {
			// Received Fri 29/8/2025: Mon 1/9 and Tue 2/9 are off; Wed 3/9 (1) ... Fri 5/9 (3),
			// Mon 8/9 (4) ... Fri 12/9 (8), Mon 15/9 (9), Tue 16/9 (10).
			const cal = assertOk(await admin.get('/calendar?year=2025'));
			const off = cal.days.map((d) => d.day);
			assert.ok(off.includes('2025-09-02'), 'National Day is a holiday');
			const expected = off.includes('2025-09-01') ? '2025-09-16' : '2025-09-15';
			const p = await create({ received_day: '2025-08-29' });
			assert.equal(p.handling_due, expected);
		});

		it('a government swap day entered by the sysadmin moves the deadline', async () => {
			// 2/5/2025 made a day off: the 25/4 deadline moves one working day to 14/5.
			assertError(await officerA.api.put('/calendar/days/2025-05-02', { working: false, name: 'Nghỉ bù' }), 403, 'forbidden');
			assertOk(await admin.put('/calendar/days/2025-05-02', { working: false, name: 'Nghỉ bù 2/5' }));
			try {
				const p = await create({ received_day: '2025-04-25' });
				assert.equal(p.handling_due, '2025-05-14');
			} finally {
				assertOk(await admin.del('/calendar/days/2025-05-02'));
			}
			assert.equal((await create({ received_day: '2025-04-25' })).handling_due, '2025-05-13');
		});

		it('validation: unknown field, missing subject, bad day, future day, persons 0, …', async () => {
			assertError(await admin.post('/petitions', { ...base(), colour: 'red' }), 400, 'unknown_field', 'colour');
			const { subject, ...noSubject } = base();
			assert.ok(subject);
			assertError(await admin.post('/petitions', noSubject), 400, 'missing_field', 'subject');
			assertError(await admin.post('/petitions', base({ subject: '' })), 400, 'missing_field', 'subject');
			assertError(await admin.post('/petitions', base({ content: '' })), 400, 'missing_field', 'content');
			assertError(await admin.post('/petitions', base({ subject: 's'.repeat(501) })), 400, 'too_long', 'subject');
			for (const d of ['2025-02-29', '2025-13-01', '25/04/2025', '2025-4-5', '']) {
				assertError(await admin.post('/petitions', base({ received_day: d })), 400, undefined, 'received_day');
			}
			assertError(await admin.post('/petitions', base({ received_day: vnToday(2) })), 400, 'invalid_field', 'received_day');
			assertError(await admin.post('/petitions', base({ received_day: '2099-01-01' })), 400, 'invalid_field', 'received_day');
			assertError(await admin.post('/petitions', base({ persons: 0 })), 400, 'invalid_field', 'persons');
			assertError(await admin.post('/petitions', base({ persons: 10001 })), 400, 'invalid_field', 'persons');
			assertError(await admin.post('/petitions', base({ persons: '3' })), 400, 'invalid_field', 'persons');
			assertError(await admin.post('/petitions', base({ source: 'fax' })), 400, 'invalid_field', 'source');
			assertError(await admin.post('/petitions', base({ classification: 'khieu_nai' })), 400, 'invalid_field', 'classification');
			assertError(await admin.post('/petitions', base({ field: 'weather' })), 400, 'invalid_field', 'field');
			assertError(await admin.post('/petitions', base({ level: 3 })), 400, 'invalid_field', 'level');
			assertError(await admin.post('/petitions', base({ org_id: 987654 })), 400, 'invalid_field', 'org_id');
			assertError(await admin.post('/petitions', base({ petitioner_name: undefined })), 400, 'missing_field', 'petitioner_name');
			assertError(await admin.post('/petitions', base({ anonymous: true })), 400, 'invalid_field', 'anonymous');
			// An anonymous letter has no petitioner.
			const anon = await create({ anonymous: true, petitioner_name: undefined, petitioner_address: undefined });
			assert.equal(anon.anonymous, true);
			assert.equal(anon.petitioner, null);
			// today (Vietnam) is fine
			assert.equal((await create({ received_day: vnToday() })).received_day, vnToday());
		});

		it('scope: an officer cannot register at another unit’s organisation (403); a viewer cannot register (403)', async () => {
			const before0 = assertOk(await admin.get('/petitions?limit=1')).total;
			assertError(await officerB.api.post('/petitions', base()), 403, 'forbidden');
			assertError(await viewerA.api.post('/petitions', base()), 403, 'forbidden');
			assert.equal(assertOk(await admin.get('/petitions?limit=1')).total, before0);
		});
	});

	describe('classification and deadlines', () => {
		it('classify a complaint → R-KN-11: 10 calendar days from receipt', async () => {
			const p = await create({ received_day: '2025-03-03' });
			assert.equal(p.handling_due, '2025-03-17'); // R-DON-09 before classification (Mon 3/3 + 10 working days)
			const c = await act(p.id, 'classify', { classification: 'complaint', eligibility: 'eligible', field: 'land' }, officerA.api);
			assert.equal(c.classification, 'complaint');
			assert.equal(c.eligibility, 'eligible');
			assert.equal(c.field, 'land');
			assert.equal(c.status, 'received');
			assert.equal(c.handling_rule, 'R-KN-11');
			assert.equal(c.handling_due, '2025-03-13'); // Mon 3/3 + 10 days = Thu 13/3
			// Ends on a Sunday → the next working day (R-TH-02): received Thu 6/3 + 10 = Sun 16/3 → Mon 17/3.
			const q = await create({ received_day: '2025-03-06' });
			const cq = await act(q.id, 'classify', { classification: 'complaint', eligibility: 'eligible', field: 'land' });
			assert.equal(cq.handling_due, '2025-03-17');
			// Level 2 → R-KN-15 (also 10 days).
			const r = await create({ received_day: '2025-03-03' });
			const cr = await act(r.id, 'classify', { classification: 'complaint', eligibility: 'eligible', field: 'land', level: 2 });
			assert.equal(cr.handling_rule, 'R-KN-15');
			assert.equal(cr.level, 2);
			assert.equal(cr.handling_due, '2025-03-13');
			const ev = (await get(p.id)).events;
			assert.deepEqual(ev.map((e) => e.kind), ['received', 'classify']);
			assert.match(ev[1].note, /Khiếu nại/i);
		});

		it('classify validation', async () => {
			const p = await create();
			const cl = (body) => admin.post(`/petitions/${p.id}/classify`, body);
			assertError(await cl({ eligibility: 'eligible', field: 'land' }), 400, 'missing_field', 'classification');
			assertError(await cl({ classification: 'petition', eligibility: 'eligible', field: 'land' }), 400, 'invalid_field', 'classification');
			assertError(await cl({ classification: 'complaint', field: 'land' }), 400, 'missing_field', 'eligibility');
			assertError(await cl({ classification: 'complaint', eligibility: 'ok', field: 'land' }), 400, 'invalid_field', 'eligibility');
			assertError(await cl({ classification: 'complaint', eligibility: 'eligible' }), 400, 'missing_field', 'field');
			assertError(await cl({ classification: 'complaint', eligibility: 'eligible', field: 'weather' }), 400, 'invalid_field', 'field');
			assertError(await cl({ classification: 'complaint', eligibility: 'anonymous_verifiable', field: 'land' }), 400, 'invalid_field', 'eligibility');
			assertError(await cl({ classification: 'complaint', eligibility: 'eligible', field: 'land', colour: 1 }), 400, 'unknown_field', 'colour');
			// An anonymous letter only gets the anonymous eligibilities (R-DON-04, R-DON-13).
			const an = await create({ anonymous: true, petitioner_name: undefined });
			assertError(await admin.post(`/petitions/${an.id}/classify`, { classification: 'denunciation', eligibility: 'eligible', field: 'land' }),
				400, 'invalid_field', 'eligibility');
			const ac = await act(an.id, 'classify', { classification: 'denunciation', eligibility: 'anonymous_verifiable', field: 'land' });
			assert.equal(ac.identity_protected, false, 'nothing to protect in an anonymous letter');
			assert.equal(ac.petitioner, null);
			// Nothing changed by the refused attempts.
			assert.equal((await get(p.id)).petition.classification, null);
		});

		it('classify a denunciation → R-DON-10 (7 working days) and the identity moves to the protected store', async () => {
			const name = 'Trần Thị Bích Ngọc';
			const address = 'Số 17 ngõ Hoa Sữa, xã A';
			const idno = '034187009321';
			const phone = '0987001122';
			const p = await create({
				received_day: '2025-04-25', petitioner_name: name, petitioner_address: address,
				petitioner_id_number: idno, petitioner_phone: phone, subject: 'Tố cáo cán bộ địa chính',
			});
			assert.equal(p.petitioner.name, name);
			const c = await act(p.id, 'classify', { classification: 'denunciation', eligibility: 'eligible', field: 'land' }, officerA.api);
			assert.equal(c.handling_rule, 'R-DON-10');
			// Fri 25/4: Mon 28 (1), Tue 29 (2), [30/4, 1/5 holidays], Fri 2/5 (3), Mon 5 (4), Tue 6 (5), Wed 7 (6), Thu 8 (7).
			assert.equal(c.handling_due, '2025-05-08');
			assert.equal(c.petitioner, null);
			assert.equal(c.identity_protected, true);
			for (const u of [admin, officerA.api, leaderA.api]) {
				const g = await u.get(`/petitions/${p.id}`);
				assertOk(g);
				assert.equal(g.body.petition.petitioner, null);
				for (const s of [name, address, idno, phone]) assert.ok(!g.text.includes(s), `GET shows ${s}`);
				const l = await u.get('/petitions?limit=500');
				for (const s of [name, address, idno, phone]) assert.ok(!l.text.includes(s), `list shows ${s}`);
			}
			const au = await admin.get('/audit?limit=500');
			assertOk(au);
			for (const s of [name, address, idno, phone]) assert.ok(!au.text.includes(s), `audit shows ${s}`);
			// Nowhere in the database in clear text: not in petitions, events, audit_log (nor folded for search).
			const dump = await dumpDatabase(srv);
			assert.ok(dump.length > 1000, 'got a database dump');
			for (const s of [name, address, idno, phone, 'tran thi bich ngoc', 'Bích Ngọc']) {
				assert.ok(!dump.includes(s), `the database holds "${s}" in clear`);
			}
			if (srv.dbKind === 'sqlite') {
				const q = (sql) => run('sqlite3', [srv.db, sql]).then((r) => r.stdout.trim());
				assert.equal(await q(`SELECT count(*) FROM petitions WHERE id = ${p.id} AND petitioner_name IS NULL AND petitioner_address IS NULL AND petitioner_id_number IS NULL AND petitioner_phone IS NULL AND petitioner_fold IS NULL AND identity_id IS NOT NULL`), '1');
				assert.equal(await q(`SELECT count(*) FROM petitions WHERE petitioner_name LIKE '%Bích Ngọc%'`), '0');
				assert.equal(await q(`SELECT count(*) FROM audit_log WHERE coalesce(after_json, '') || coalesce(before_json, '') LIKE '%Bích%'`), '0');
			}
			// Protected from creation when the classification is known at registration.
			const d = await create({ classification: 'denunciation', petitioner_name: 'Lê Văn Kín' });
			assert.equal(d.identity_protected, true);
			assert.equal(d.petitioner, null);
			// "mixed" letters are protected as well (they may contain a denunciation).
			const m = await create({ classification: 'mixed' });
			assert.equal(m.identity_protected, true);
		});

		it('re-classification while received updates the deadline; a protected identity never returns to clear text', async () => {
			const p = await create({ received_day: '2025-03-03', petitioner_name: 'Vũ Văn Đổi' });
			const c1 = await act(p.id, 'classify', { classification: 'recommendation', eligibility: 'eligible', field: 'other' });
			assert.equal(c1.handling_rule, 'R-DON-09');
			const c2 = await act(p.id, 'classify', { classification: 'complaint', eligibility: 'eligible', field: 'land' });
			assert.equal(c2.handling_rule, 'R-KN-11');
			assert.equal(c2.handling_due, '2025-03-13');
			assert.equal(c2.petitioner.name, 'Vũ Văn Đổi');
			const c3 = await act(p.id, 'classify', { classification: 'denunciation', eligibility: 'eligible', field: 'land' });
			assert.equal(c3.identity_protected, true);
			const c4 = await act(p.id, 'classify', { classification: 'reflection', eligibility: 'eligible', field: 'land' });
			assert.equal(c4.identity_protected, true, 'once protected, always protected');
			assert.equal(c4.petitioner, null);
			assert.equal(c4.handling_rule, 'R-DON-09');
			// Once accepted, the classification is fixed: 409 invalid_state.
			await act(p.id, 'accept', { day: '2025-03-05' });
			const e = assertError(await admin.post(`/petitions/${p.id}/classify`, { classification: 'complaint', eligibility: 'eligible', field: 'land' }),
				409, 'invalid_state');
			assert.match(e.message, /phân loại lại/);
		});

		it('accept a complaint → R-KN-12: 30 days; complex 45; remote area 45 / complex 60', async () => {
			// Accepted Mon 17/3/2025 + 30 = Wed 16/4.
			const a = await accepted({}, {}, '2025-03-17');
			assert.equal(a.status, 'accepted');
			assert.equal(a.direction, 'accept');
			assert.equal(a.resolution_rule, 'R-KN-12');
			assert.equal(a.complexity, 'normal');
			assert.equal(a.resolution_due, '2025-04-16');
			// complex: 17/3 + 45 = Thu 1/5 (a holiday) → Fri 2/5 (R-TH-02).
			const c = await accepted({}, {}, '2025-03-17', { complexity: 'complex' });
			assert.equal(c.complexity, 'complex');
			assert.equal(c.resolution_due, '2025-05-02');
			// remote area (R-KN-13): 45 → 2/5; complex 60 → Fri 16/5.
			const r = await accepted({}, { remote_area: true }, '2025-03-17');
			assert.equal(r.remote_area, true);
			assert.equal(r.resolution_due, '2025-05-02');
			const rc = await accepted({ remote_area: true }, {}, '2025-03-17', { complexity: 'complex' });
			assert.equal(rc.resolution_due, '2025-05-16');
			// Level 2 (R-KN-16): 45 days.
			const l2 = await accepted({}, { level: 2 }, '2025-03-17');
			assert.equal(l2.resolution_rule, 'R-KN-16');
			assert.equal(l2.resolution_due, '2025-05-02');
			// The public note of the accept event carries the due day in dd/mm/yyyy.
			const ev = (await get(a.id)).events.find((e) => e.kind === 'accept');
			assert.equal(ev.day, '2025-03-17');
			assert.match(ev.public_note, /16\/04\/2025/);
		});

		it('accept validation', async () => {
			const p = await create({ received_day: '2025-03-03' });
			await act(p.id, 'classify', { classification: 'complaint', eligibility: 'eligible', field: 'land' });
			const ac = (body) => admin.post(`/petitions/${p.id}/accept`, body);
			assertError(await ac({}), 400, 'missing_field', 'day');
			assertError(await ac({ day: '2025-03-02' }), 400, 'invalid_field', 'day'); // before receipt
			assertError(await ac({ day: vnToday(3) }), 400, 'invalid_field', 'day');
			assertError(await ac({ day: '2025-03-10', complexity: 'hard' }), 400, 'invalid_field', 'complexity');
			assertError(await ac({ day: '2025-03-10', user_id: viewerA.user.id }), 400, 'invalid_field', 'user_id');
			assertError(await ac({ day: '2025-03-10', user_id: officerB.user.id }), 400, 'invalid_field', 'user_id');
			assert.equal((await get(p.id)).petition.status, 'received');
			const ok = await act(p.id, 'accept', { day: '2025-03-10', user_id: officerA.user.id, note: 'Giao cán bộ Một' });
			assert.deepEqual(ok.assigned_user, { id: officerA.user.id, full_name: 'Cán bộ Một' });
			// An ineligible letter is not accepted.
			const q = await create();
			await act(q.id, 'classify', { classification: 'complaint', eligibility: 'ineligible_missing_signature', field: 'land' });
			assertError(await admin.post(`/petitions/${q.id}/accept`, { day: '2025-03-10' }), 409, 'invalid_state');
		});

		it('recommendations → P-KNPA-01: 15 working days', async () => {
			// Accepted Fri 25/4: 28, 29 (2), 2/5 (3), 5-9/5 (8), 12-16/5 (13), 19 (14), Tue 20/5 (15).
			const a = await accepted({ received_day: '2025-04-25' }, { classification: 'recommendation', field: 'other' }, '2025-04-25');
			assert.equal(a.resolution_rule, 'P-KNPA-01');
			assert.equal(a.resolution_due, '2025-05-20');
		});

		it('denunciation → R-TC-04: 30 days, extended twice (60, 90) then 400 no_extension', async () => {
			const p = await create({ received_day: '2025-04-25' });
			await act(p.id, 'classify', { classification: 'denunciation', eligibility: 'eligible', field: 'land' });
			// Accepted Mon 5/5 + 30 = Wed 4/6.
			const a = await act(p.id, 'accept', { day: '2025-05-05' });
			assert.equal(a.resolution_rule, 'R-TC-04');
			assert.equal(a.resolution_due, '2025-06-04');
			assert.equal(a.extensions, 0);
			const ex = (body) => admin.post(`/petitions/${p.id}/extend`, body);
			assertError(await ex({ day: '2025-05-20' }), 400, 'missing_field', 'decision');
			// R-TC-05: complex, 60 days from acceptance → Fri 4/7.
			const e1 = assertOk(await ex({ day: '2025-05-20', decision: 'QĐ số 12/QĐ-UBND ngày 20/5/2025' })).petition;
			assert.equal(e1.complexity, 'complex');
			assert.equal(e1.extensions, 1);
			assert.equal(e1.resolution_due, '2025-07-04');
			// R-TC-06: especially complex, 90 days → Sun 3/8 → Mon 4/8.
			const e2 = assertOk(await ex({ day: '2025-06-30', decision: 'QĐ số 20/QĐ-UBND', note: 'Cần xác minh thêm' })).petition;
			assert.equal(e2.complexity, 'especially_complex');
			assert.equal(e2.extensions, 2);
			assert.equal(e2.resolution_due, '2025-08-04');
			assertError(await ex({ day: '2025-07-30', decision: 'QĐ số 30' }), 400, 'no_extension');
			const g = await get(p.id);
			assert.equal(g.petition.extensions, 2);
			assert.equal(g.petition.resolution_due, '2025-08-04');
			const exts = g.events.filter((e) => e.kind === 'extend');
			assert.equal(exts.length, 2);
			assert.match(exts[0].note, /QĐ số 12/);
			assert.match(exts[1].public_note, /04\/08\/2025/);
		});

		it('a complaint is extended once (complex, 45 days), then 400 no_extension', async () => {
			const a = await accepted({}, {}, '2025-03-17');
			const e1 = await act(a.id, 'extend', { day: '2025-04-01', decision: 'QĐ 1' });
			assert.equal(e1.resolution_due, '2025-05-02');
			assertError(await admin.post(`/petitions/${a.id}/extend`, { day: '2025-04-10', decision: 'QĐ 2' }), 400, 'no_extension');
		});

		it('resolve: on time when resolved_day ≤ resolution_due, late otherwise', async () => {
			const a = await accepted({}, {}, '2025-03-17'); // due 16/4
			const r1 = await act(a.id, 'resolve', { day: '2025-04-16', result: 'Giữ nguyên quyết định.', public_note: 'Đã ban hành quyết định giải quyết.' }, officerA.api);
			assert.equal(r1.status, 'resolved');
			assert.equal(r1.resolved_day, '2025-04-16');
			assert.equal(r1.on_time, true);
			assert.equal(r1.result, 'Giữ nguyên quyết định.');
			const b = await accepted({}, {}, '2025-03-17');
			const r2 = await act(b.id, 'resolve', { day: '2025-04-17', result: 'Chấp nhận một phần.' });
			assert.equal(r2.on_time, false);
			// Open letters have on_time null.
			const c = await accepted({}, {}, '2025-03-17');
			assert.equal(c.on_time, null);
			assertError(await admin.post(`/petitions/${c.id}/resolve`, { day: '2025-04-17' }), 400, 'missing_field', 'result');
			assertError(await admin.post(`/petitions/${c.id}/resolve`, { day: '2025-03-16', result: 'x' }), 400, 'invalid_field', 'day');
			assertError(await admin.post(`/petitions/${c.id}/resolve`, { day: vnToday(5), result: 'x' }), 400, 'invalid_field', 'day');
			// After verification and dialogue (R-KN-01) the letter can still be resolved.
			const v = await act(c.id, 'progress', { status: 'verifying', day: '2025-03-20' });
			assert.equal(v.status, 'verifying');
			const d = await act(c.id, 'progress', { status: 'dialogue', day: '2025-04-01', note: 'Đối thoại lần 1' });
			assert.equal(d.status, 'dialogue');
			assertError(await admin.post(`/petitions/${c.id}/progress`, { status: 'resolved', day: '2025-04-02' }), 400, 'invalid_field', 'status');
			const r3 = await act(c.id, 'resolve', { day: '2025-04-10', result: 'Đã giải quyết.' });
			assert.equal(r3.on_time, true);
		});

		it('invalid state transitions → 409 invalid_state with a Vietnamese message', async () => {
			const fresh = await create();
			assertError(await admin.post(`/petitions/${fresh.id}/accept`, { day: '2025-03-10' }), 409, 'invalid_state'); // not classified
			assertError(await admin.post(`/petitions/${fresh.id}/resolve`, { day: '2025-03-10', result: 'x' }), 409, 'invalid_state');
			assertError(await admin.post(`/petitions/${fresh.id}/extend`, { day: '2025-03-10', decision: 'x' }), 409, 'invalid_state');
			assertError(await admin.post(`/petitions/${fresh.id}/progress`, { day: '2025-03-10', status: 'verifying' }), 409, 'invalid_state');
			const acc = await accepted({}, {}, '2025-03-17');
			for (const [action, body] of [
				['classify', { classification: 'complaint', eligibility: 'eligible', field: 'land' }],
				['accept', { day: '2025-03-18' }],
				['forward', { day: '2025-03-18', to_org_id: orgB.id }],
				['return', { day: '2025-03-18', note: 'x' }],
				['archive', { day: '2025-03-18', note: 'x' }],
				['attach', { day: '2025-03-18', to: fresh.id }],
			]) {
				const e = assertError(await admin.post(`/petitions/${acc.id}/${action}`, body), 409, 'invalid_state');
				assert.match(e.message, /Đã thụ lý|không thể/);
			}
			const res = await act(acc.id, 'resolve', { day: '2025-03-20', result: 'Xong' });
			for (const [action, body] of [
				['resolve', { day: '2025-03-21', result: 'Lần nữa' }],
				['withdraw', { day: '2025-03-21' }],
				['extend', { day: '2025-03-21', decision: 'x' }],
				['progress', { day: '2025-03-21', status: 'dialogue' }],
				['assign', { user_id: officerA.user.id }],
			]) assertError(await admin.post(`/petitions/${res.id}/${action}`, body), 409, 'invalid_state');
			assert.equal((await get(res.id)).petition.status, 'resolved');
			// return and archive close a received letter and need a note.
			const r = await create();
			assertError(await admin.post(`/petitions/${r.id}/return`, { day: '2025-03-10' }), 400, 'missing_field', 'note');
			const ret = await act(r.id, 'return', { day: '2025-03-10', note: 'Hướng dẫn gửi Tòa án', public_note: 'Đơn được trả lại kèm hướng dẫn.' });
			assert.equal(ret.status, 'returned');
			assert.equal(ret.direction, 'guide_and_return');
			assertError(await admin.post(`/petitions/${r.id}/archive`, { day: '2025-03-10', note: 'x' }), 409, 'invalid_state');
			const ar = await create();
			const arc = await act(ar.id, 'archive', { day: '2025-03-10', note: 'Đơn không rõ nội dung' });
			assert.equal(arc.status, 'archived');
			// unknown action
			assertError(await admin.post(`/petitions/${ar.id}/frobnicate`, {}), 404, 'not_found');
		});
	});

	describe('rules as data (sysadmin)', () => {
		it('GET /deadline-rules lists the rules with their units; PATCH changes new deadlines only', async () => {
			const rules = assertOk(await officerA.api.get('/deadline-rules')).items;
			const by = Object.fromEntries(rules.map((r) => [r.id, r]));
			assert.deepEqual([by['R-DON-09'].amount, by['R-DON-09'].day_unit], [10, 'working']);
			assert.deepEqual([by['R-DON-10'].amount, by['R-DON-10'].day_unit], [7, 'working']);
			assert.deepEqual([by['R-KN-11'].amount, by['R-KN-11'].day_unit], [10, 'calendar']);
			assert.deepEqual([by['R-KN-12'].amount, by['R-KN-12'].complex_amount, by['R-KN-12'].remote_amount,
				by['R-KN-12'].remote_complex_amount], [30, 45, 45, 60]);
			assert.deepEqual([by['R-TC-04'].amount, by['R-TC-04'].complex_amount, by['R-TC-04'].especially_complex_amount], [30, 60, 90]);
			const old = await create({ received_day: '2025-04-25' });
			assertError(await officerA.api.patch('/deadline-rules/R-DON-09', { amount: 5 }), 403, 'forbidden');
			assertError(await leaderA.api.patch('/deadline-rules/R-DON-09', { amount: 5 }), 403, 'forbidden');
			assertError(await admin.patch('/deadline-rules/R-NOPE', { amount: 5 }), 404, 'not_found');
			assertError(await admin.patch('/deadline-rules/R-DON-09', { amount: 0 }), 400, 'invalid_field', 'amount');
			assertError(await admin.patch('/deadline-rules/R-DON-09', { amount: 366 }), 400, 'invalid_field', 'amount');
			assertError(await admin.patch('/deadline-rules/R-DON-09', { name: 'Đổi tên' }), 400, 'unknown_field', 'name');
			assertError(await admin.patch('/deadline-rules/R-DON-09', { day_unit: 'weeks' }), 400, 'invalid_field', 'day_unit');
			const r = assertOk(await admin.patch('/deadline-rules/R-DON-09', { amount: 5, day_unit: 'calendar' })).rule;
			try {
				assert.deepEqual([r.id, r.amount, r.day_unit], ['R-DON-09', 5, 'calendar']);
				// 25/4 + 5 calendar days = Wed 30/4 (holiday), Thu 1/5 (holiday) → Fri 2/5.
				assert.equal((await create({ received_day: '2025-04-25' })).handling_due, '2025-05-02');
				assert.equal((await get(old.id)).petition.handling_due, '2025-05-13', 'existing deadlines stay');
				const au = assertOk(await admin.get('/audit?entity=deadline_rule&limit=5')).items[0];
				assert.equal(au.action, 'update');
				assert.equal(au.before.amount, 10);
				assert.equal(au.after.amount, 5);
			} finally {
				assertOk(await admin.patch('/deadline-rules/R-DON-09', { amount: 10, day_unit: 'working' }));
			}
			assert.equal((await create({ received_day: '2025-04-25' })).handling_due, '2025-05-13');
		});
	});

	describe('roles and scope', () => {
		let p;
		before(async () => { p = await create(); });

		it('a viewer reads but every action is 403 forbidden', async () => {
			assertOk(await viewerA.api.get(`/petitions/${p.id}`));
			assert.ok(assertOk(await viewerA.api.get('/petitions?limit=500')).items.some((x) => x.id === p.id));
			for (const [action, body] of [
				['classify', { classification: 'complaint', eligibility: 'eligible', field: 'land' }],
				['accept', { day: '2025-03-10' }], ['return', { day: '2025-03-10', note: 'x' }],
				['forward', { day: '2025-03-10', to_org_id: orgB.id }], ['archive', { day: '2025-03-10', note: 'x' }],
				['withdraw', { day: '2025-03-10' }], ['mass-case', { mass_case: true }],
				['assign', { user_id: officerA.user.id }],
			]) assertError(await viewerA.api.post(`/petitions/${p.id}/${action}`, body), 403, 'forbidden');
			assertError(await upload(srv.url, `/petitions/${p.id}/attachments?name=a.pdf`, viewerA.session, PDF), 403, 'forbidden');
			const g = await get(p.id);
			assert.equal(g.petition.status, 'received');
			assert.equal(g.events.length, 1);
		});

		it("another unit's officer gets 404 on read and on actions; the list does not show it", async () => {
			assertError(await officerB.api.get(`/petitions/${p.id}`), 404, 'not_found');
			assertError(await officerB.api.get(`/petitions/${p.id}/identity`), 404, 'not_found');
			assertError(await officerB.api.post(`/petitions/${p.id}/classify`,
				{ classification: 'complaint', eligibility: 'eligible', field: 'land' }), 404, 'not_found');
			assertError(await officerB.api.post(`/petitions/${p.id}/withdraw`, { day: '2025-03-10' }), 404, 'not_found');
			assertError(await upload(srv.url, `/petitions/${p.id}/attachments?name=a.pdf`, officerB.session, PDF), 404, 'not_found');
			const l = assertOk(await officerB.api.get('/petitions?limit=500'));
			assert.ok(!l.items.some((x) => x.id === p.id));
			for (const x of l.items) assert.equal(x.unit.code, B.code);
			assertError(await admin.get('/petitions/987654'), 404, 'not_found');
			// The province leader sees the commune's letters.
			assertOk(await leaderP.api.get(`/petitions/${p.id}`));
		});

		it('assign: only an active non-viewer user of the unit (or above)', async () => {
			const q = await create();
			assertError(await admin.post(`/petitions/${q.id}/assign`, {}), 400, 'missing_field', 'user_id');
			assertError(await admin.post(`/petitions/${q.id}/assign`, { user_id: viewerA.user.id }), 400, 'invalid_field', 'user_id');
			assertError(await admin.post(`/petitions/${q.id}/assign`, { user_id: officerB.user.id }), 400, 'invalid_field', 'user_id');
			assertError(await admin.post(`/petitions/${q.id}/assign`, { user_id: 987654 }), 400, 'invalid_field', 'user_id');
			const a = await act(q.id, 'assign', { user_id: officerA2.user.id }, leaderA.api);
			assert.equal(a.assigned_user.id, officerA2.user.id);
		});
	});

	describe('protected identity (R-TC-20, P-TC-24)', () => {
		let p; const who = { name: 'Phạm Văn Tố', address: 'Thôn Đông, xã A', id_number: '001099000777', phone: '0900111222' };
		before(async () => {
			p = await create({
				received_day: '2025-05-05', petitioner_name: who.name, petitioner_address: who.address,
				petitioner_id_number: who.id_number, petitioner_phone: who.phone,
			});
			await act(p.id, 'classify', { classification: 'denunciation', eligibility: 'eligible', field: 'civil_servant' });
			await act(p.id, 'assign', { user_id: officerA.user.id });
		});
		const reads = async () => assertOk(await admin.get(`/audit?action=read_identity&entity=petition&limit=500`));

		it('sysadmin, unit_admin, an unrelated officer, a viewer and the province leader get 403 identity_restricted', async () => {
			const n0 = (await reads()).total;
			for (const u of [admin, adminA.api, officerA2.api, viewerA.api, leaderP.api]) {
				const e = assertError(await u.get(`/petitions/${p.id}/identity`), 403, 'identity_restricted');
				assert.match(e.message, /tố cáo/);
			}
			assert.equal((await reads()).total, n0, 'refused reads are not identity reads');
		});

		it('the leader of exactly that unit and the assigned handler read it; every read is audited (read_identity)', async () => {
			const n0 = (await reads()).total;
			for (const u of [leaderA.api, officerA.api, leaderA.api]) {
				const r = assertOk(await u.get(`/petitions/${p.id}/identity`));
				assert.deepEqual(r, { identity: who });
			}
			const a = await reads();
			assert.equal(a.total, n0 + 3);
			const mine = a.items.filter((x) => x.entity_id === p.id);
			assert.deepEqual(mine.map((x) => x.actor.username).slice(0, 3), ['p.leader.a', 'p.officer.a', 'p.leader.a']);
			for (const x of mine) {
				assert.equal(x.action, 'read_identity');
				assert.equal(x.entity, 'petition');
				assert.deepEqual(x.unit, { structure: 2025, code: A.code });
			}
			const text = JSON.stringify(a);
			for (const v of Object.values(who)) assert.ok(!text.includes(v), `the audit log shows ${v}`);
			// Another unit's leader: not even visible.
			assertError(await leaderB.api.get(`/petitions/${p.id}/identity`), 404, 'not_found');
		});

		it('an unprotected letter: anyone in scope reads the identity, no audit entry', async () => {
			const q = await create({ petitioner_name: 'Hoàng Thị Mở' });
			const n0 = (await reads()).total;
			const r = assertOk(await officerA2.api.get(`/petitions/${q.id}/identity`));
			assert.equal(r.identity.name, 'Hoàng Thị Mở');
			assert.equal((await reads()).total, n0);
		});

		it("a protected letter's attachments (handwriting) follow the identity rule", async () => {
			// Uploading to it needs the same right.
			assertError(await upload(srv.url, `/petitions/${p.id}/attachments?name=don.pdf`, officerA2.session, PDF), 403, 'identity_restricted');
			const up = await upload(srv.url, `/petitions/${p.id}/attachments?name=don.pdf`, officerA.session, PDF);
			const att = assertOk(up, 201).attachment;
			for (const u of [officerA2.api, admin, viewerA.api]) {
				const d = await download(u, `/attachments/${att.id}`);
				assert.equal(d.status, 403);
				assert.equal(JSON.parse(d.bytes.toString()).error.code, 'identity_restricted');
				assert.ok(!d.bytes.includes(PDF.subarray(0, 40)));
			}
			const ok = await download(leaderA.api, `/attachments/${att.id}`);
			assert.equal(ok.status, 200);
			assert.ok(ok.bytes.equals(PDF));
			const ob = await download(officerB.api, `/attachments/${att.id}`);
			assert.equal(ob.status, 404);
		});
	});

	describe('forwarding', () => {
		it("forward to another unit's body: a new letter in its queue; the result flows back", async () => {
			const p = await create({ received_day: '2025-06-02', subject: 'Kiến nghị sửa đường liên thôn' }, officerA.api);
			await act(p.id, 'classify', { classification: 'recommendation', eligibility: 'eligible', field: 'construction' }, officerA.api);
			const ff = (body) => officerA.api.post(`/petitions/${p.id}/forward`, body);
			assertError(await ff({ day: '2025-06-03' }), 400, 'missing_field', 'to_org_id');
			assertError(await ff({ day: '2025-06-03', to_org_id: orgA.id }), 400, 'invalid_field', 'to_org_id');
			assertError(await ff({ day: '2025-06-03', to_org_id: 987654 }), 400, 'invalid_field');
			const f = await act(p.id, 'forward', { day: '2025-06-03', to_org_id: orgB.id, note: 'Thuộc thẩm quyền xã B' }, officerA.api);
			assert.equal(f.status, 'forwarded');
			assert.equal(f.direction, 'forward');
			assert.ok(f.forwarded_to > 0);
			// The receiving unit's officer sees it in its own queue.
			const lb = assertOk(await officerB.api.get('/petitions?source=forwarded&limit=500'));
			const copy = lb.items.find((x) => x.id === f.forwarded_to);
			assert.ok(copy, 'the forwarded letter is in B’s list');
			assert.equal(copy.source, 'forwarded');
			assert.equal(copy.status, 'received');
			assert.equal(copy.forwarded_from, p.id);
			assert.deepEqual(copy.org, { id: orgB.id, name: 'UBND xã B' });
			assert.equal(copy.unit.code, B.code);
			assert.equal(copy.received_day, '2025-06-03');
			assert.equal(copy.subject, 'Kiến nghị sửa đường liên thôn');
			assert.notEqual(copy.tracking_code, p.tracking_code);
			// B cannot see A's row, A cannot see B's.
			assertError(await officerB.api.get(`/petitions/${p.id}`), 404, 'not_found');
			assertError(await officerA.api.get(`/petitions/${copy.id}`), 404, 'not_found');
			// The sender's row is closed for further handling.
			assertError(await officerA.api.post(`/petitions/${p.id}/accept`, { day: '2025-06-04' }), 409, 'invalid_state');
			// B accepts and resolves.
			await act(copy.id, 'accept', { day: '2025-06-05' }, officerB.api);
			await act(copy.id, 'resolve', { day: '2025-06-20', result: 'Đã đưa vào kế hoạch sửa đường năm 2025.' }, officerB.api);
			const back = await get(p.id, officerA.api);
			assert.equal(back.petition.status, 'forwarded');
			assert.equal(back.petition.result, 'Đã đưa vào kế hoạch sửa đường năm 2025.');
			const rr = back.events.find((e) => e.kind === 'result_received');
			assert.ok(rr, 'a result_received event');
			assert.equal(rr.day, '2025-06-20');
			assert.deepEqual(back.events.map((e) => e.kind), ['received', 'classify', 'forward', 'result_received']);
			const cb = await get(copy.id, officerB.api);
			assert.match(cb.events[0].note, new RegExp(p.tracking_code));
		});
	});

	it('forward to an unknown organisation names the field to_org_id', async () => {
		const p = await create();
		assertError(await admin.post(`/petitions/${p.id}/forward`, { day: '2025-06-03', to_org_id: 987654 }), 400, 'invalid_field', 'to_org_id');
	});

	describe('duplicates (R-DON-08)', () => {
		it('same petitioner and subject: the open case is proposed; attach_to attaches instead of opening a case', async () => {
			const who = { petitioner_name: 'Đỗ Văn Trùng', petitioner_id_number: '001088000111', petitioner_address: 'Xóm Chợ' };
			const first = await create({ ...who, subject: 'Đòi lại đất bị lấn chiếm', content: 'Hộ bên cạnh lấn chiếm 20 m2 đất vườn' });
			const r2 = assertOk(await admin.post('/petitions', base({ ...who, subject: 'Đòi lại đất bị lấn chiếm', content: 'Đề nghị giải quyết việc lấn chiếm đất vườn' })), 201);
			const dup = r2.duplicates.find((d) => d.id === first.id);
			assert.ok(dup, `duplicates propose the open case: ${JSON.stringify(r2.duplicates)}`);
			assert.equal(dup.tracking_code, first.tracking_code);
			assert.ok(dup.similarity >= 0.5 && dup.similarity <= 1);
			assert.equal(r2.petition.status, 'received', 'without attach_to a new letter is registered');
			// Someone else about the same subject is not a duplicate.
			const other = assertOk(await admin.post('/petitions', base({ petitioner_name: 'Người khác hẳn', subject: 'Đòi lại đất bị lấn chiếm' })), 201);
			assert.ok(!other.duplicates.some((d) => d.id === first.id));
			// attach_to: status attached, duplicate_of, no deadline; the case's repeat_count +1.
			const third = await create({ ...who, subject: 'Đòi lại đất bị lấn chiếm', attach_to: first.id });
			assert.equal(third.status, 'attached');
			assert.equal(third.duplicate_of, first.id);
			assert.equal(third.handling_due, null);
			const f1 = await get(first.id);
			assert.equal(f1.petition.repeat_count, 1);
			assert.equal(f1.events.at(-1).kind, 'duplicate_received');
			assert.match(f1.events.at(-1).note, new RegExp(third.tracking_code));
			// The attach action on r2 does the same.
			const at = await act(r2.petition.id, 'attach', { to: first.id, day: '2025-03-04' });
			assert.equal(at.status, 'attached');
			assert.equal(at.direction, 'attach_to_existing');
			assert.equal((await get(first.id)).petition.repeat_count, 2);
			assertError(await admin.post(`/petitions/${other.petition.id}/attach`, { to: other.petition.id, day: '2025-03-04' }), 400, 'invalid_field', 'to');
			// Only open cases: attach_to a closed one → 409; unknown → 400.
			await act(first.id, 'archive', { day: '2025-03-05', note: 'Lưu đơn' });
			assertError(await admin.post('/petitions', base({ ...who, attach_to: first.id })), 409, 'invalid_state');
			assertError(await admin.post('/petitions', base({ ...who, attach_to: 987654 })), 400, 'invalid_field', 'attach_to');
			const later = assertOk(await admin.post('/petitions', base({ ...who, subject: 'Đòi lại đất bị lấn chiếm' })), 201);
			assert.ok(!later.duplicates.some((d) => d.id === first.id), 'a closed case is not proposed');
		});
	});

	// PRIVACY ISSUE (R-TC-20): find_duplicates() in src/domain/petition.c matches on identity_hash,
	// which is kept when a denunciation's identity is sealed. Any officer of the unit who registers a
	// letter with a denouncer's name and id number gets that protected case (id, tracking code) back in
	// `duplicates`, i.e. learns who the denouncer of that case is, although GET /identity refuses them.
	it('duplicate candidates do not reveal a protected case to a user who may not read its identity', async () => {
			const who = { petitioner_name: 'Mai Văn Mật', petitioner_id_number: '001077000555', petitioner_address: 'Xóm Kín' };
			const d = await create({ ...who, subject: 'Tố cáo sai phạm', content: 'Tố cáo sai phạm trong đấu thầu' });
			await act(d.id, 'classify', { classification: 'denunciation', eligibility: 'eligible', field: 'other' });
			assertError(await officerA2.api.get(`/petitions/${d.id}/identity`), 403, 'identity_restricted');
			const r = assertOk(await officerA2.api.post('/petitions', base({ ...who, subject: 'Tố cáo sai phạm', content: 'Tố cáo sai phạm trong đấu thầu' })), 201);
			assert.ok(!r.duplicates.some((x) => x.id === d.id), `protected case ${d.id} proposed: ${JSON.stringify(r.duplicates)}`);
		});

	describe('withdraw and mass cases', () => {
		it('withdraw (R-KN-05) from received or accepted; then nothing more', async () => {
			const p = await create();
			const w = await act(p.id, 'withdraw', { day: '2025-03-05', note: 'Đơn rút đơn có chữ ký' });
			assert.equal(w.status, 'withdrawn');
			assertError(await admin.post(`/petitions/${p.id}/withdraw`, { day: '2025-03-06' }), 409, 'invalid_state');
			const a = await accepted({}, {}, '2025-03-17');
			assert.equal((await act(a.id, 'withdraw', { day: '2025-03-20' })).status, 'withdrawn');
			const ev = (await get(a.id)).events.at(-1);
			assert.equal(ev.kind, 'withdraw');
			assert.equal(ev.status, 'withdrawn');
		});

		it('mass case flag and the day it is settled', async () => {
			const p = await create({ persons: 40, received_day: '2025-02-10' });
			assertError(await admin.post(`/petitions/${p.id}/mass-case`, {}), 400, 'missing_field', 'mass_case');
			assertError(await admin.post(`/petitions/${p.id}/mass-case`, { mass_case: false, settled_day: '2025-03-01' }), 400, 'invalid_field', 'settled_day');
			assertError(await admin.post(`/petitions/${p.id}/mass-case`, { mass_case: true, settled_day: '2025-02-01' }), 400, 'invalid_field', 'settled_day');
			const m = await act(p.id, 'mass-case', { mass_case: true });
			assert.equal(m.mass_case, true);
			assert.equal(m.mass_settled_day, null);
			const l = assertOk(await admin.get('/petitions?mass_case=1&limit=500'));
			assert.ok(l.items.some((x) => x.id === p.id));
			for (const x of l.items) assert.equal(x.mass_case, true);
			assert.ok(!assertOk(await admin.get('/petitions?mass_case=0&limit=500')).items.some((x) => x.id === p.id));
			const s = await act(p.id, 'mass-case', { mass_case: true, settled_day: '2025-06-30' });
			assert.equal(s.mass_settled_day, '2025-06-30');
			const ev = (await get(p.id)).events.filter((e) => e.kind === 'mass_case');
			assert.equal(ev.length, 2);
			assert.equal(ev[1].day, '2025-06-30');
			assert.match(ev[1].note, /dứt điểm/);
			assertError(await admin.get('/petitions?mass_case=2'), 400, 'invalid_param', 'mass_case');
		});
	});

	describe('lists', () => {
		let orgL; let ids;
		before(async () => {
			// A separate organisation so that the counts are exact.
			orgL = assertOk(await admin.post('/organizations', { name: 'Hội Nông dân xã A', type: 'mass_organization', unit: refA }), 201).organization;
			const mk = (over) => create({ org_id: orgL.id, ...over });
			const p1 = await mk({ received_day: '2025-01-10', subject: 'Tranh chấp đất đai giữa hai hộ', content: 'Ranh giới thửa đất' });
			const p2 = await mk({ received_day: '2025-01-11', subject: 'Ô nhiễm môi trường', content: 'Xưởng gỗ gây bụi, ảnh hưởng ĐẤT ĐAI canh tác' });
			const p3 = await mk({ received_day: '2025-01-12', subject: 'Chế độ chính sách', content: 'Trợ cấp người có công' });
			const p4 = await mk({ received_day: vnToday(), subject: 'Đơn mới nhận hôm nay', content: 'Chưa quá hạn' });
			await act(p2.id, 'classify', { classification: 'reflection', eligibility: 'eligible', field: 'environment' });
			await act(p3.id, 'classify', { classification: 'complaint', eligibility: 'eligible', field: 'social_policy' });
			await act(p3.id, 'accept', { day: '2025-01-13' });
			ids = { p1: p1.id, p2: p2.id, p3: p3.id, p4: p4.id };
		});
		const list = async (q) => assertOk(await admin.get(`/petitions?org=${orgL.id}&limit=500${q}`));
		const idsOf = (l) => l.items.map((x) => x.id);

		it('newest received first; summaries without content; filters by status and classification', async () => {
			const all = await list('');
			assert.equal(all.total, 4);
			assert.deepEqual(idsOf(all), [ids.p4, ids.p3, ids.p2, ids.p1]);
			for (const x of all.items) {
				assert.ok(!('content' in x), 'summaries have no content');
				assert.match(x.tracking_code, CODE_RX);
			}
			assert.deepEqual(idsOf(await list('&status=accepted')), [ids.p3]);
			assert.deepEqual(idsOf(await list('&status=received')), [ids.p4, ids.p2, ids.p1]);
			assert.deepEqual(idsOf(await list('&classification=reflection')), [ids.p2]);
			assert.deepEqual(idsOf(await list('&field=social_policy')), [ids.p3]);
			assert.deepEqual(idsOf(await list('&from=2025-01-11&to=2025-01-12')), [ids.p3, ids.p2]);
			assert.deepEqual(idsOf(await list('&source=online')), []);
			assertError(await admin.get('/petitions?status=open'), 400, 'invalid_param', 'status');
			assertError(await admin.get('/petitions?classification=x'), 400, 'invalid_param', 'classification');
			assertError(await admin.get('/petitions?due=late'), 400, 'invalid_param', 'due');
			assertError(await admin.get('/petitions?from=2025-1-1'), 400, 'invalid_param', 'from');
			assertError(await admin.get('/petitions?limit=501'), 400, 'invalid_param');
		});

		it('due=overdue: open letters whose handling or resolution day has passed', async () => {
			// p1, p2 received in January 2025 (handling due long past); p3 accepted 13/1/2025 (resolution
			// due 12/2/2025); p4 received today is not overdue.
			assert.deepEqual(idsOf(await list('&due=overdue')), [ids.p3, ids.p2, ids.p1]);
			const soon = await list('&due=soon');
			assert.deepEqual(idsOf(soon), [], 'p4 is due in 10 working days, more than due_soon_days (5)');
			await act(ids.p1, 'archive', { day: '2025-01-20', note: 'Lưu' });
			assert.deepEqual(idsOf(await list('&due=overdue')), [ids.p3, ids.p2]);
		});

		it('q ignores case, tone marks and đ/d: "dat dai" finds "đất đai" in subject and content', async () => {
			assert.deepEqual(idsOf(await list(`&q=${encodeURIComponent('dat dai')}`)), [ids.p2, ids.p1]);
			assert.deepEqual(idsOf(await list(`&q=${encodeURIComponent('ĐẤT ĐAI')}`)), [ids.p2, ids.p1]);
			assert.deepEqual(idsOf(await list(`&q=${encodeURIComponent('nguoi co cong')}`)), [ids.p3]);
			assert.deepEqual(idsOf(await list(`&q=${encodeURIComponent('100%_')}`)), []);
			assertError(await admin.get(`/petitions?q=${'x'.repeat(201)}`), 400, 'invalid_param', 'q');
		});

		it('pagination: limit/offset with a stable total', async () => {
			const a = await admin.get(`/petitions?org=${orgL.id}&limit=2`);
			const b = await admin.get(`/petitions?org=${orgL.id}&limit=2&offset=2`);
			const c = await admin.get(`/petitions?org=${orgL.id}&limit=2&offset=4`);
			assert.equal(assertOk(a).total, 4);
			assert.equal(assertOk(b).total, 4);
			assert.equal(assertOk(c).total, 4);
			assert.equal(a.body.items.length, 2);
			assert.equal(b.body.items.length, 2);
			assert.equal(c.body.items.length, 0);
			assert.deepEqual([...idsOf(a.body), ...idsOf(b.body)], [ids.p4, ids.p3, ids.p2, ids.p1]);
		});

		it('unit filter: a unit’s subtree; a scoped user never sees outside its scope', async () => {
			const byA = assertOk(await admin.get(`/petitions?unit=${A.code}&limit=500`));
			assert.ok(byA.total > 0);
			for (const x of byA.items) assert.equal(x.unit.code, A.code);
			const byB = assertOk(await officerA.api.get(`/petitions?unit=${B.code}&limit=500`));
			assert.equal(byB.total, 0);
			const p25 = assertOk(await leaderP.api.get('/petitions?unit=25&limit=1'));
			assert.ok(p25.total >= byA.total);
			assertError(await admin.get('/petitions?unit=99999'), 400, 'invalid_param', 'unit');
		});
	});

	describe('attachments', () => {
		let p;
		before(async () => { p = await create(); });

		it('a PDF is accepted (type from the content); download gives the same bytes and Content-Type', async () => {
			const r = await upload(srv.url, `/petitions/${p.id}/attachments?name=${encodeURIComponent('đơn scan.pdf')}`, officerA.session, PDF);
			const a = assertOk(r, 201).attachment;
			assert.deepEqual(Object.keys(a).sort(), ['created_at', 'id', 'mime', 'name', 'sha256', 'size']);
			assert.equal(a.name, 'đơn scan.pdf');
			assert.equal(a.mime, 'application/pdf');
			assert.equal(a.size, PDF.length);
			assert.equal(a.sha256, createHash('sha256').update(PDF).digest('hex'));
			assert.match(a.created_at, ISO_UTC);
			const d = await download(officerA2.api, `/attachments/${a.id}`);
			assert.equal(d.status, 200);
			assert.match(d.headers.get('content-type'), /^application\/pdf/);
			assert.ok(d.bytes.equals(PDF), 'same bytes');
			const g = await get(p.id);
			assert.deepEqual(g.attachments, [a]);
			// A PNG named .pdf is stored as what it is.
			const png = assertOk(await upload(srv.url, `/petitions/${p.id}/attachments?name=anh.pdf`, officerA.session, PNG), 201).attachment;
			assert.equal(png.mime, 'image/png');
			const dp = await download(viewerA.api, `/attachments/${png.id}`);
			assert.equal(dp.status, 200);
			assert.match(dp.headers.get('content-type'), /^image\/png/);
			assert.ok(dp.bytes.equals(PNG));
			assert.equal((await download(officerB.api, `/attachments/${png.id}`)).status, 404);
			assert.equal((await download(admin, '/attachments/987654')).status, 404);
		});

		it('a text file named .pdf → 415 unsupported_file_type; empty → 400; over 10 MiB → 413', async () => {
			const n0 = (await get(p.id)).attachments.length;
			assertError(await upload(srv.url, `/petitions/${p.id}/attachments?name=fake.pdf`, officerA.session,
				Buffer.from('Đây không phải là PDF, chỉ là văn bản.\n'.repeat(20))), 415, 'unsupported_file_type');
			assertError(await upload(srv.url, `/petitions/${p.id}/attachments?name=a.exe`, officerA.session,
				Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')), 415, 'unsupported_file_type');
			assertError(await upload(srv.url, `/petitions/${p.id}/attachments?name=empty.pdf`, officerA.session, Buffer.alloc(0)), 400);
			assertError(await upload(srv.url, `/petitions/${p.id}/attachments`, officerA.session, PDF), 400, 'invalid_param', 'name');
			assertError(await upload(srv.url, `/petitions/${p.id}/attachments?name=${encodeURIComponent('../x.pdf')}`, officerA.session, PDF), 400, 'invalid_param', 'name');
			const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
			assertError(await upload(srv.url, `/petitions/${p.id}/attachments?name=big.pdf`, officerA.session, big), 413, 'payload_too_large');
			// Exactly 10 MiB is fine.
			const max = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length, 0x20)]);
			const ok = assertOk(await upload(srv.url, `/petitions/${p.id}/attachments?name=max.pdf`, officerA.session, max), 201).attachment;
			assert.equal(ok.size, 10 * 1024 * 1024);
			assert.equal((await get(p.id)).attachments.length, n0 + 1);
			// No CSRF token → 403.
			assertError(await upload(srv.url, `/petitions/${p.id}/attachments?name=a.pdf`, { cookie: officerA.session.cookie, csrf: '' }, PDF), 403, 'csrf_failed');
		});
	});
});
