// Citizen reception (docs/API.md "Reception"): sessions, visits, the register (sổ tiếp công dân, Mẫu 03),
// protected denouncers, leaders' duty schedules and their compliance, roles and scope.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { run } from '../lib/server.mjs';
import {
	ISO_UTC, assertError, assertOk, childrenOf, makeUser, setup,
} from './fixtures.mjs';

const SECRET = '(Được giữ bí mật)';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The files of a zip archive (stored or deflated entries) as { name: Buffer }. */
function unzip(buf) {
	let eocd = -1;
	for (let i = buf.length - 22; i >= 0; i--) {
		if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
	}
	assert.ok(eocd >= 0, 'zip: end of central directory');
	const n = buf.readUInt16LE(eocd + 10);
	let p = buf.readUInt32LE(eocd + 16);
	const files = {};
	for (let k = 0; k < n; k++) {
		assert.equal(buf.readUInt32LE(p), 0x02014b50, 'zip: central header');
		const method = buf.readUInt16LE(p + 10);
		const csize = buf.readUInt32LE(p + 20);
		const nlen = buf.readUInt16LE(p + 28);
		const xlen = buf.readUInt16LE(p + 30);
		const clen = buf.readUInt16LE(p + 32);
		const off = buf.readUInt32LE(p + 42);
		const name = buf.subarray(p + 46, p + 46 + nlen).toString('utf8');
		const lnlen = buf.readUInt16LE(off + 26);
		const lxlen = buf.readUInt16LE(off + 28);
		const data = buf.subarray(off + 30 + lnlen + lxlen, off + 30 + lnlen + lxlen + csize);
		files[name] = method === 8 ? inflateRawSync(data) : Buffer.from(data);
		p += 46 + nlen + xlen + clen;
	}
	return files;
}

/** Run SQL on the server's database with the backend's own client; resolves its text output. */
async function dbQuery(srv, sql) {
	if (srv.dbKind === 'sqlite') return (await run('sqlite3', [srv.db, sql])).stdout;
	// postgresql:///NAME?host=SOCKETDIR&port=PORT&user=postgres (tests/lib/server.mjs)
	const m = /^postgresql:\/\/\/([^?]+)\?(.*)$/.exec(srv.db);
	assert.ok(m, `a PostgreSQL DSN: ${srv.db}`);
	const q = new URLSearchParams(m[2]);
	return (await run('psql', ['-X', '-w', '-v', 'ON_ERROR_STOP=1', '-h', q.get('host'), '-p', q.get('port'),
		'-U', q.get('user'), '-d', decodeURIComponent(m[1]), '-At', '-c', sql], { timeoutMs: 60000 })).stdout;
}

/** Every row of the reception tables and the audit log as text, and (SQLite) the raw database files. */
async function dumpRows(srv) {
	const tables = ['reception_sessions', 'reception_visits', 'audit_log', 'protected_identities'];
	const sqlite = srv.dbKind === 'sqlite';
	const text = await dbQuery(srv, tables.map((t) => (sqlite ? `SELECT * FROM ${t};` : `SELECT x::text FROM ${t} x;`)).join(' '));
	// The raw bytes too: the database file and its write-ahead log.
	let raw = '';
	if (sqlite) for (const f of [srv.db, `${srv.db}-wal`]) if (existsSync(f)) raw += readFileSync(f).toString('latin1');
	return { text, raw };
}

describe('citizen reception', () => {
	let srv; let admin;
	let A; let B; let refA; let refB;
	let orgA; let orgA2; let orgB;
	let officerA; let viewerA; let officerB;

	const getBytes = async (u, p) => {
		const res = await fetch(`${srv.url}/api/v1${p}`, { headers: { cookie: u.session.cookie } });
		assert.equal(res.status, 200);
		return Buffer.from(await res.arrayBuffer());
	};
	const session = (o = {}) => ({
		org_id: orgA.id, kind: 'regular', day: '2025-06-10', place: 'Trụ sở UBND xã',
		host_name: 'Nguyễn Văn Tiếp', ...o,
	});
	const visit = (o = {}) => ({
		citizen_name: 'Lê Văn Dân', citizen_address: 'Thôn Đông, xã A', citizen_id_number: '001085012345',
		persons: 1, content: 'Đề nghị giải quyết tranh chấp ranh giới đất', classification: 'complaint',
		field: 'land', direction: 'accept', ...o,
	});

	before(async () => {
		({ srv, admin } = await setup());
		[A, B] = await childrenOf(admin, '25', { n: 2, offset: 7 });
		refA = { structure: 2025, code: A.code };
		refB = { structure: 2025, code: B.code };
		orgA = assertOk(await admin.post('/organizations',
			{ name: 'UBND xã A', type: 'people_committee', unit: refA }), 201).organization;
		orgA2 = assertOk(await admin.post('/organizations',
			{ name: 'Đảng ủy xã A', type: 'party_committee', unit: refA }), 201).organization;
		orgB = assertOk(await admin.post('/organizations',
			{ name: 'UBND xã B', type: 'people_committee', unit: refB }), 201).organization;
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'rc.officer.a' });
		viewerA = await makeUser(srv.url, admin, { role: 'viewer', unit: refA, username: 'rc.viewer.a' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: refB, username: 'rc.officer.b' });
	});
	after(async () => { await srv?.stop(); });

	it('a session is created (201), read with its visits, and listed with counts', async () => {
		const s = assertOk(await officerA.api.post('/reception/sessions', session({ note: 'Buổi tiếp thường xuyên' })), 201).session;
		assert.deepEqual(Object.keys(s).sort(), ['created_at', 'day', 'delegated', 'host_name', 'id', 'kind', 'note',
			'org', 'persons', 'place', 'schedule_id', 'unit', 'updated_at', 'visits']);
		assert.deepEqual(s.org, { id: orgA.id, name: 'UBND xã A' });
		assert.deepEqual(s.unit, { structure: 2025, code: A.code, name: A.name });
		assert.equal(s.kind, 'regular');
		assert.equal(s.day, '2025-06-10');
		assert.equal(s.schedule_id, null);
		assert.equal(s.delegated, false);
		assert.equal(s.visits, 0);
		assert.equal(s.persons, 0);
		assert.match(s.created_at, ISO_UTC);
		const g = assertOk(await viewerA.api.get(`/reception/sessions/${s.id}`));
		assert.deepEqual(g, { session: s, visits: [] });

		const v1 = assertOk(await officerA.api.post(`/reception/sessions/${s.id}/visits`, visit({ persons: 4, representatives: 1 })), 201).visit;
		assert.deepEqual(Object.keys(v1).sort(), ['citizen_address', 'citizen_id_number', 'citizen_name', 'classification',
			'content', 'day', 'direction', 'field', 'follow_up', 'forwarded_to', 'id', 'identity_protected', 'is_mass', 'note',
			'persons', 'petition_id', 'prior_handler', 'refusal_reason', 'refused', 'representatives', 'session_id']);
		assert.equal(v1.session_id, s.id);
		assert.equal(v1.petition_id, null);
		assert.equal(v1.day, '2025-06-10', "a visit's day is its session's day");
		assert.equal(v1.citizen_name, 'Lê Văn Dân');
		assert.equal(v1.identity_protected, false);
		assert.equal(v1.is_mass, false, '4 persons is below the default threshold of 5');
		const v2 = assertOk(await officerA.api.post(`/reception/sessions/${s.id}/visits`, visit({ persons: 5, representatives: 2 })), 201).visit;
		assert.equal(v2.is_mass, true, '5 persons is a mass visit (R-TCD-32, default mass_threshold 5)');

		const g2 = assertOk(await officerA.api.get(`/reception/sessions/${s.id}`));
		assert.deepEqual(g2.visits.map((v) => v.id), [v1.id, v2.id]);
		assert.equal(g2.session.visits, 2);
		assert.equal(g2.session.persons, 9);
		const l = assertOk(await officerA.api.get(`/reception/sessions?org=${orgA.id}`));
		const row = l.items.find((x) => x.id === s.id);
		assert.ok(row, 'listed');
		assert.equal(row.visits, 2);
		assert.equal(row.persons, 9);

		// Editing a visit recomputes is_mass.
		const p = assertOk(await officerA.api.patch(`/reception/visits/${v2.id}`, { persons: 3, note: 'Đã sửa' })).visit;
		assert.equal(p.is_mass, false);
		assert.equal(p.note, 'Đã sửa');
		assert.equal(p.citizen_name, 'Lê Văn Dân');
	});

	it('sessions are listed newest day first, with filters', async () => {
		const days = ['2025-01-15', '2025-01-20', '2025-01-10'];
		const ids = [];
		for (const day of days) ids.push(assertOk(await officerA.api.post('/reception/sessions', session({ org_id: orgA2.id, day, kind: 'ad_hoc' })), 201).session.id);
		const l = assertOk(await officerA.api.get(`/reception/sessions?org=${orgA2.id}&from=2025-01-01&to=2025-01-31`));
		assert.deepEqual(l.items.map((x) => x.day), ['2025-01-20', '2025-01-15', '2025-01-10']);
		assert.equal(l.total, 3);
		const k = assertOk(await officerA.api.get(`/reception/sessions?org=${orgA2.id}&kind=regular`));
		assert.equal(k.total, 0);
		const d = assertOk(await officerA.api.get(`/reception/sessions?org=${orgA2.id}&from=2025-01-12&to=2025-01-16`));
		assert.deepEqual(d.items.map((x) => x.id), [ids[0]]);
		const u = assertOk(await admin.get(`/reception/sessions?structure=2025&unit=${A.code}&limit=500`));
		for (const x of u.items) assert.equal(x.unit.code, A.code);
		assert.ok(u.items.some((x) => x.id === ids[0]));
		const ub = assertOk(await admin.get(`/reception/sessions?structure=2025&unit=${B.code}`));
		assert.ok(!ub.items.some((x) => ids.includes(x.id)));
		const pg = assertOk(await officerA.api.get(`/reception/sessions?org=${orgA2.id}&limit=1&offset=1`));
		assert.deepEqual(pg.items.map((x) => x.day), ['2025-01-15']);
		assert.equal(pg.total, 3);
		for (const q of ['from=2025-1-1', 'to=yesterday', 'from=2025-02-30', 'kind=weekly', 'org=x', 'unit=99999',
			'limit=501', 'from=2025-02-01&to=2025-01-01']) {
			assertError(await officerA.api.get(`/reception/sessions?${q}`), 400, 'invalid_param');
		}
	});

	it('validation: representatives over 5, unknown fields, bad enums, days and required fields', async () => {
		const s = assertOk(await officerA.api.post('/reception/sessions', session()), 201).session;
		const url = `/reception/sessions/${s.id}/visits`;
		assertError(await officerA.api.post(url, visit({ persons: 20, representatives: 6 })), 400, 'invalid_field', 'representatives');
		assertOk(await officerA.api.post(url, visit({ persons: 20, representatives: 5 })), 201);
		assertError(await officerA.api.post(url, visit({ persons: 2, representatives: 3 })), 400, 'invalid_field', 'representatives');
		assertError(await officerA.api.post(url, visit({ colour: 'đỏ' })), 400, 'unknown_field', 'colour');
		assertError(await officerA.api.post(url, visit({ persons: 0 })), 400, 'invalid_field', 'persons');
		assertError(await officerA.api.post(url, visit({ persons: 10001 })), 400, 'invalid_field', 'persons');
		assertError(await officerA.api.post(url, visit({ persons: '3' })), 400, 'invalid_field', 'persons');
		assertError(await officerA.api.post(url, visit({ classification: 'khieu_nai' })), 400, 'invalid_field', 'classification');
		assertError(await officerA.api.post(url, visit({ field: 'weather' })), 400, 'invalid_field', 'field');
		assertError(await officerA.api.post(url, visit({ direction: 'ignore' })), 400, 'invalid_field', 'direction');
		assertError(await officerA.api.post(url, visit({ direction: 'forward' })), 400, 'invalid_field', 'forwarded_to');
		assertError(await officerA.api.post(url, visit({ refused: true })), 400, 'invalid_field', 'refusal_reason');
		assertError(await officerA.api.post(url, visit({ citizen_id_number: '001 085' })), 400, 'invalid_field', 'citizen_id_number');
		assertError(await officerA.api.post(url, visit({ citizen_name: '' })), 400, 'invalid_field', 'citizen_name');
		assertError(await officerA.api.post(url, visit({ content: 'x'.repeat(5001) })), 400, 'too_long', 'content');
		const noName = visit();
		delete noName.citizen_name;
		assertError(await officerA.api.post(url, noName), 400, 'missing_field', 'citizen_name');
		assertError(await officerA.api.patch(`/reception/visits/${s.id + 100000}`, { persons: 2 }), 404, 'not_found');

		for (const [o, field] of [[{ day: '2025-6-1' }, 'day'], [{ day: '2025-02-29' }, 'day'], [{ kind: 'weekly' }, 'kind'],
			[{ place: '' }, 'place'], [{ host_name: '' }, 'host_name'], [{ org_id: 987654 }, 'org_id'],
			[{ kind: 'periodic' }, 'schedule_id'], [{ schedule_id: 1 }, 'schedule_id'], [{ place: 'p'.repeat(201) }, 'place'],
			[{ note: 'n'.repeat(2001) }, 'note']]) {
			const r = await officerA.api.post('/reception/sessions', session(o));
			assertError(r, 400, undefined, field);
		}
		assertError(await officerA.api.post('/reception/sessions', session({ unit: refA })), 400, 'unknown_field', 'unit');
		assertError(await officerA.api.patch(`/reception/sessions/${s.id}`, { org_id: orgA2.id }), 400, 'unknown_field', 'org_id');
		assertError(await officerA.api.patch(`/reception/sessions/${s.id}`, { day: '10/06/2025' }), 400, 'invalid_field', 'day');
	});

	it('PATCH moves the visits with the day; DELETE only an empty session (409 otherwise)', async () => {
		const s = assertOk(await officerA.api.post('/reception/sessions', session({ day: '2025-07-01' })), 201).session;
		const v = assertOk(await officerA.api.post(`/reception/sessions/${s.id}/visits`, visit()), 201).visit;
		const p = assertOk(await officerA.api.patch(`/reception/sessions/${s.id}`,
			{ day: '2025-07-02', place: 'Nhà văn hóa thôn', delegated: true, note: '' })).session;
		assert.equal(p.day, '2025-07-02');
		assert.equal(p.place, 'Nhà văn hóa thôn');
		assert.equal(p.delegated, true);
		assert.equal(p.note, null, 'an empty optional text clears it');
		const g = assertOk(await officerA.api.get(`/reception/sessions/${s.id}`));
		assert.equal(g.visits[0].id, v.id);
		assert.equal(g.visits[0].day, '2025-07-02');
		assertError(await officerA.api.del(`/reception/sessions/${s.id}`), 409, 'conflict');
		const e = assertOk(await officerA.api.post('/reception/sessions', session({ day: '2025-07-03' })), 201).session;
		assert.deepEqual(assertOk(await officerA.api.del(`/reception/sessions/${e.id}`)), { status: 'ok' });
		assertError(await officerA.api.get(`/reception/sessions/${e.id}`), 404, 'not_found');
		assertError(await officerA.api.del(`/reception/sessions/${e.id}`), 404, 'not_found');
		// Every write is in the audit log.
		const au = assertOk(await admin.get(`/audit?entity=reception_session&limit=500`));
		const acts = au.items.filter((x) => x.entity_id === e.id).map((x) => x.action).sort();
		assert.deepEqual(acts, ['create', 'delete']);
		for (const x of au.items) assert.equal(x.entity, 'reception_session');
		const av = assertOk(await admin.get(`/audit?entity=reception_visit&limit=500`));
		assert.ok(av.items.some((x) => x.entity_id === v.id && x.action === 'create'));
	});

	it('a viewer reads but cannot write (403)', async () => {
		const s = assertOk(await officerA.api.post('/reception/sessions', session()), 201).session;
		const v = assertOk(await officerA.api.post(`/reception/sessions/${s.id}/visits`, visit()), 201).visit;
		assertOk(await viewerA.api.get(`/reception/sessions/${s.id}`));
		assertOk(await viewerA.api.get('/reception/sessions'));
		assertOk(await viewerA.api.get('/reception/register'));
		assertError(await viewerA.api.post('/reception/sessions', session()), 403, 'forbidden');
		assertError(await viewerA.api.post('/reception/sessions', { bogus: 1 }), 403, 'forbidden');
		assertError(await viewerA.api.patch(`/reception/sessions/${s.id}`, { place: 'Khác' }), 403, 'forbidden');
		assertError(await viewerA.api.del(`/reception/sessions/${s.id}`), 403, 'forbidden');
		assertError(await viewerA.api.post(`/reception/sessions/${s.id}/visits`, visit()), 403, 'forbidden');
		assertError(await viewerA.api.patch(`/reception/visits/${v.id}`, { persons: 2 }), 403, 'forbidden');
		assertError(await viewerA.api.post('/reception/schedules', { org_id: orgA.id, leader_name: 'X', leader_title: 'Y',
			rule_id: 'R-TCD-13', pattern: 'week:3', valid_from: '2025-01-01' }), 403, 'forbidden');
		const g = assertOk(await officerA.api.get(`/reception/sessions/${s.id}`));
		assert.equal(g.session.place, s.place);
		assert.equal(g.visits.length, 1);
	});

	it("another commune's officer gets 404 and never sees the records", async () => {
		const s = assertOk(await officerA.api.post('/reception/sessions', session()), 201).session;
		const v = assertOk(await officerA.api.post(`/reception/sessions/${s.id}/visits`, visit()), 201).visit;
		assertError(await officerB.api.get(`/reception/sessions/${s.id}`), 404, 'not_found');
		assertError(await officerB.api.patch(`/reception/sessions/${s.id}`, { place: 'B sửa' }), 404, 'not_found');
		assertError(await officerB.api.del(`/reception/sessions/${s.id}`), 404, 'not_found');
		assertError(await officerB.api.post(`/reception/sessions/${s.id}/visits`, visit()), 404, 'not_found');
		assertError(await officerB.api.patch(`/reception/visits/${v.id}`, { persons: 2 }), 404, 'not_found');
		assertError(await officerB.api.post('/reception/sessions', session()), 400, 'invalid_field', 'org_id');
		const l = assertOk(await officerB.api.get('/reception/sessions?limit=500'));
		assert.ok(!l.items.some((x) => x.id === s.id));
		for (const x of l.items) assert.equal(x.unit.code, B.code);
		const reg = assertOk(await officerB.api.get('/reception/register'));
		assert.ok(!reg.rows.some((x) => x.content === v.content && x.name_address.includes('Lê Văn Dân')));
		assertError(await officerB.api.get(`/reception/register?org=${orgA.id}`), 400, 'invalid_param', 'org');
		// B works in its own commune.
		const sb = assertOk(await officerB.api.post('/reception/sessions', session({ org_id: orgB.id })), 201).session;
		assert.equal(sb.unit.code, B.code);
		assertError(await officerA.api.get(`/reception/sessions/${sb.id}`), 404, 'not_found');
	});

	it("a denunciation's identity is sealed: null in the API, secret in the register, absent from the database", async () => {
		const NAME = 'Hoàng Thị Tốgiác';
		const ADDR = 'Số 9 ngõ Bímật, xã A';
		const IDN = '038199777666';
		const s = assertOk(await officerA.api.post('/reception/sessions', session({ day: '2025-08-05' })), 201).session;
		const v = assertOk(await officerA.api.post(`/reception/sessions/${s.id}/visits`, visit({
			citizen_name: NAME, citizen_address: ADDR, citizen_id_number: IDN, classification: 'denunciation',
			content: 'Tố cáo cán bộ địa chính nhận tiền', direction: 'forward', forwarded_to: 'Thanh tra tỉnh',
		})), 201).visit;
		assert.equal(v.citizen_name, null);
		assert.equal(v.citizen_address, null);
		assert.equal(v.citizen_id_number, null);
		assert.equal(v.identity_protected, true);
		assert.equal(v.classification, 'denunciation');
		const g = assertOk(await officerA.api.get(`/reception/sessions/${s.id}`));
		assert.equal(g.visits[0].citizen_name, null);
		assert.equal(g.visits[0].identity_protected, true);
		assert.ok(!JSON.stringify(g).includes('Tốgiác'));

		// Edits keep it sealed (and re-seal a changed identity); "mixed" contents are protected too.
		const p = assertOk(await officerA.api.patch(`/reception/visits/${v.id}`, { persons: 2, classification: 'complaint' })).visit;
		assert.equal(p.identity_protected, true, 'protection never drops');
		assert.equal(p.persons, 2);
		const p2 = assertOk(await officerA.api.patch(`/reception/visits/${v.id}`, { citizen_address: 'Số 10 ngõ Bímật, xã A' })).visit;
		assert.equal(p2.identity_protected, true);
		assert.equal(p2.citizen_address, null);
		const m = assertOk(await officerA.api.post(`/reception/sessions/${s.id}/visits`, visit({
			citizen_name: 'Phan Văn Nhiềuviệc', classification: 'mixed' })), 201).visit;
		assert.equal(m.identity_protected, true);
		// A complaint reclassified as a denunciation gets sealed; its audit "before" loses the identity.
		const c = assertOk(await officerA.api.post(`/reception/sessions/${s.id}/visits`, visit({
			citizen_name: 'Đỗ Văn Đổiloại' })), 201).visit;
		assert.equal(c.identity_protected, false);
		const c2 = assertOk(await officerA.api.patch(`/reception/visits/${c.id}`, { classification: 'denunciation' })).visit;
		assert.equal(c2.identity_protected, true);
		assert.equal(c2.citizen_name, null);
		const au = assertOk(await admin.get('/audit?entity=reception_visit&action=update&limit=500'));
		const upd = au.items.find((x) => x.entity_id === c.id);
		assert.ok(upd, 'the update is audited');
		assert.equal(upd.before.citizen_name, null);
		assert.equal(upd.after.citizen_name, null);

		const reg = assertOk(await officerA.api.get(`/reception/register?org=${orgA.id}&from=2025-08-05&to=2025-08-05`));
		assert.equal(reg.total, 3);
		const rv = reg.rows[0];
		assert.equal(rv.name_address, SECRET);
		assert.equal(rv.id_number, SECRET);
		assert.equal(rv.classification_persons, 'Khiếu nại; 2 người');
		assert.equal(rv.direction, 'Chuyển đơn đến cơ quan có thẩm quyền: Thanh tra tỉnh');
		assert.equal(reg.rows[1].name_address, SECRET, 'mixed');
		assert.ok(!reg.rows.some((x) => JSON.stringify(x).includes('Tốgiác') || JSON.stringify(x).includes(IDN)));

		const files = unzip(await getBytes(officerA, `/reception/register?org=${orgA.id}&from=2025-08-05&to=2025-08-05&format=xlsx`));
		const all = Object.values(files).map((b) => b.toString('utf8')).join('\n');
		assert.ok(all.includes(SECRET));
		assert.ok(!all.includes('Tốgiác') && !all.includes(IDN) && !all.includes('Bímật'));

		// Nothing in the reception tables or the audit log (nor anywhere in the SQLite file) names the denouncer.
		const { text, raw } = await dumpRows(srv);
		assert.ok(text.includes('Tố cáo cán bộ địa chính'), 'the dump does hold the visit');
		for (const secret of [NAME, 'Tốgiác', 'Bímật', IDN, 'Nhiềuviệc']) {
			assert.ok(!text.includes(secret), `${secret} must not be stored in clear`);
			assert.ok(!raw.includes(Buffer.from(secret, 'utf8').toString('latin1')), `${secret} must not be in the file`);
		}
	});

	it('the register (sổ tiếp công dân, Mẫu 03): rows by day then visit, seq 1..N, labelled columns', async () => {
		const s2 = assertOk(await officerA.api.post('/reception/sessions', session({ org_id: orgA2.id, day: '2025-03-20' })), 201).session;
		const s1 = assertOk(await officerA.api.post('/reception/sessions', session({ org_id: orgA2.id, day: '2025-03-05' })), 201).session;
		const a1 = assertOk(await officerA.api.post(`/reception/sessions/${s2.id}/visits`, visit({
			citizen_name: 'Người Thứ Ba', persons: 7, representatives: 2, classification: 'complaint',
			prior_handler: 'UBND xã A', follow_up: 'Đã có quyết định', note: 'Đoàn đông người' })), 201).visit;
		const a2 = assertOk(await officerA.api.post(`/reception/sessions/${s1.id}/visits`, visit({
			citizen_name: 'Người Thứ Nhất', citizen_id_number: undefined, classification: 'recommendation',
			direction: 'guide_and_return' })), 201).visit;
		const a3 = assertOk(await officerA.api.post(`/reception/sessions/${s1.id}/visits`, visit({
			citizen_name: 'Người Thứ Hai', classification: 'reflection', direction: 'none', refused: true,
			refusal_reason: 'Say rượu' })), 201).visit;
		assert.ok(a1.id < a2.id && a2.id < a3.id);
		const reg = assertOk(await officerA.api.get(`/reception/register?org=${orgA2.id}&from=2025-03-01&to=2025-03-31`));
		assert.deepEqual(Object.keys(reg).sort(), ['rows', 'total']);
		assert.equal(reg.total, 3);
		assert.deepEqual(reg.rows.map((r) => r.seq), [1, 2, 3]);
		assert.deepEqual(reg.rows.map((r) => r.day), ['2025-03-05', '2025-03-05', '2025-03-20']);
		assert.deepEqual(reg.rows.map((r) => r.name_address.split(',')[0]), ['Người Thứ Nhất', 'Người Thứ Hai', 'Người Thứ Ba']);
		for (const r of reg.rows) {
			assert.deepEqual(Object.keys(r).sort(), ['classification_persons', 'content', 'day', 'direction',
				'direction_code', 'follow_up', 'id_number', 'name_address', 'note', 'prior_handler', 'seq']);
		}
		const [r1, r2, r3] = reg.rows;
		assert.equal(r1.name_address, 'Người Thứ Nhất, Thôn Đông, xã A');
		assert.equal(r1.id_number, '', 'no id number given');
		assert.equal(r1.classification_persons, 'Kiến nghị; 1 người');
		assert.equal(r1.direction, 'Trả lại đơn và hướng dẫn');
		assert.equal(r2.classification_persons, 'Phản ánh; 1 người');
		assert.equal(r2.direction, 'Không có đơn');
		assert.equal(r2.note, 'Từ chối tiếp: Say rượu');
		assert.equal(r3.classification_persons, 'Khiếu nại; 7 người');
		assert.equal(r3.prior_handler, 'UBND xã A');
		assert.equal(r3.direction, 'Thụ lý để giải quyết');
		assert.equal(r3.follow_up, 'Đã có quyết định');
		assert.equal(r3.note, 'Đoàn đông người');
		assert.equal(r3.content, 'Đề nghị giải quyết tranh chấp ranh giới đất');
		// Filters.
		assert.equal(assertOk(await officerA.api.get(`/reception/register?org=${orgA2.id}&from=2025-03-06&to=2025-03-31`)).total, 1);
		assert.equal(assertOk(await officerA.api.get(`/reception/register?org=${orgA2.id}&to=2025-03-05`)).total, 2);
		const byUnit = assertOk(await admin.get(`/reception/register?structure=2025&unit=${A.code}&from=2025-03-01&to=2025-03-31`));
		assert.equal(byUnit.total, 3);
		assert.equal(assertOk(await admin.get(`/reception/register?structure=2025&unit=${B.code}&from=2025-03-01&to=2025-03-31`)).total, 0);
		for (const q of ['from=2025-13-01', 'format=pdf', 'org=0', 'unit=99999']) {
			assertError(await officerA.api.get(`/reception/register?${q}`), 400, 'invalid_param');
		}
	});

	it('the register refuses more than 10,000 rows per request (400 invalid_param)', async () => {
		const org = assertOk(await admin.post('/organizations', { name: 'Văn phòng tiếp công dân', type: 'agency', unit: refA }), 201).organization;
		const s = assertOk(await officerA.api.post('/reception/sessions', session({ org_id: org.id, day: '2024-02-01' })), 201).session;
		// 10,001 visits straight into the database (portable SQL for both backends).
		await dbQuery(srv, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10001)
			INSERT INTO reception_visits (session_id, unit_structure, unit_code, unit_path, day, citizen_name,
			citizen_address, persons, representatives, is_mass, content, classification, field, direction, refused,
			created_at, updated_at) SELECT s.id, s.unit_structure, s.unit_code, s.unit_path, s.day, 'Công dân',
			'Thôn Tây', 1, 0, 0, 'Nội dung', 'reflection', 'other', 'none', 0, 0, 0 FROM reception_sessions s, n
			WHERE s.id = ${s.id}`);
		const r = await officerA.api.get(`/reception/register?org=${org.id}`);
		assertError(r, 400, 'invalid_param');
		assert.match(r.body.error.message, /10000/);
		assertError(await officerA.api.get(`/reception/register?org=${org.id}&format=xlsx`), 400, 'invalid_param');
		await dbQuery(srv, `DELETE FROM reception_visits WHERE id = (SELECT MAX(id) FROM reception_visits WHERE session_id = ${s.id})`);
		const ok = assertOk(await officerA.api.get(`/reception/register?org=${org.id}`));
		assert.equal(ok.total, 10000);
		assert.equal(ok.rows[9999].seq, 10000);
	});

	it('the register as XLSX: a real workbook with the Mẫu 03 title, header and dates', async () => {
		const x = await officerA.api.get(`/reception/register?org=${orgA2.id}&from=2025-03-01&to=2025-03-31&format=xlsx`);
		assert.equal(x.status, 200);
		assert.equal(x.headers.get('content-type'), XLSX_TYPE);
		assert.match(x.headers.get('content-disposition') || '', /attachment; filename="so-tiep-cong-dan\.xlsx"/);
		// The client decoded the body as text; fetch the raw bytes.
		const buf = await getBytes(officerA, `/reception/register?org=${orgA2.id}&from=2025-03-01&to=2025-03-31&format=xlsx`);
		assert.equal(buf.subarray(0, 2).toString('latin1'), 'PK');
		const files = unzip(buf);
		assert.ok(files['xl/workbook.xml'], 'a workbook');
		const all = Object.values(files).map((b) => b.toString('utf8')).join('\n');
		for (const s of ['SỔ TIẾP CÔNG DÂN', 'Đảng ủy xã A', 'Từ ngày 01/03/2025 đến ngày 31/03/2025', 'STT',
			'Họ tên - Địa chỉ', 'Phân loại đơn/Số người', 'Thụ lý để giải quyết', 'Trả lại đơn và hướng dẫn', 'Ghi chú',
			'Người Thứ Nhất, Thôn Đông, xã A', 'Khiếu nại; 7 người']) {
			assert.ok(all.includes(s), `the workbook holds "${s}"`);
		}
		// 2025-03-05 is Excel serial 45721: the day is a real date cell.
		assert.match(all, /<v>45721<\/v>/);
	});

	it('duty rules are data (R-TCD-11..16)', async () => {
		const r = assertOk(await viewerA.api.get('/reception/duty-rules'));
		const ids = r.items.map((x) => x.id);
		for (const id of ['R-TCD-11', 'R-TCD-13', 'R-TCD-14', 'R-TCD-16-X']) assert.ok(ids.includes(id), id);
		const chair = r.items.find((x) => x.id === 'R-TCD-13');
		assert.deepEqual(Object.keys(chair).sort(), ['days', 'id', 'name', 'per', 'source', 'status']);
		assert.equal(chair.per, 'week');
		assert.equal(chair.days, 1);
	});

	it('schedules: validation, scope, periodic sessions need one of their own organisation', async () => {
		const base = { org_id: orgA.id, leader_name: 'Trần Văn Chủtịch', leader_title: 'Chủ tịch UBND xã',
			rule_id: 'R-TCD-13', pattern: 'week:3', valid_from: '2025-01-01' };
		for (const [o, field] of [[{ pattern: 'week:8' }, 'pattern'], [{ pattern: 'week:0' }, 'pattern'],
			[{ pattern: 'month:0' }, 'pattern'], [{ pattern: 'month:32' }, 'pattern'], [{ pattern: 'month:15,15' }, 'pattern'],
			[{ pattern: 'month:1,2,3,4,5,6,7,8,9' }, 'pattern'], [{ pattern: 'month: 5' }, 'pattern'], [{ pattern: 'month:' }, 'pattern'],
			[{ pattern: 'month:5,' }, 'pattern'], [{ pattern: 'daily' }, 'pattern'], [{ pattern: 'week:03' }, 'pattern'],
			[{ rule_id: 'R-XYZ' }, 'rule_id'], [{ valid_from: '2025-02-30' }, 'valid_from'],
			[{ valid_to: '2024-12-31' }, 'valid_to'], [{ org_id: orgB.id }, 'org_id'], [{ leader_name: '' }, 'leader_name']]) {
			assertError(await officerA.api.post('/reception/schedules', { ...base, ...o }), 400, undefined, field);
		}
		assertOk(await officerA.api.post('/reception/schedules', { ...base, pattern: 'month:1,2,3,4,5,6,7,8' }), 201);
		const sc = assertOk(await officerA.api.post('/reception/schedules', base), 201).schedule;
		assert.deepEqual(Object.keys(sc).sort(), ['created_at', 'id', 'leader_name', 'leader_title', 'org', 'pattern', 'rule',
			'rule_id', 'unit', 'updated_at', 'valid_from', 'valid_to']);
		assert.equal(sc.valid_to, null);
		assert.equal(sc.rule.per, 'week');
		assert.deepEqual(sc.unit, { structure: 2025, code: A.code, name: A.name });
		const l = assertOk(await officerA.api.get('/reception/schedules'));
		assert.ok(l.items.some((x) => x.id === sc.id));
		const lb = assertOk(await officerB.api.get('/reception/schedules'));
		assert.ok(!lb.items.some((x) => x.id === sc.id));
		assertError(await officerB.api.get(`/reception/schedules/${sc.id}/compliance?period=2025-Q3`), 404, 'not_found');

		// A periodic session names a schedule of its own organisation.
		const ok = assertOk(await officerA.api.post('/reception/sessions', session({ kind: 'periodic', schedule_id: sc.id, day: '2025-02-05' })), 201).session;
		assert.equal(ok.schedule_id, sc.id);
		assertError(await officerA.api.post('/reception/sessions', session({ org_id: orgA2.id, kind: 'periodic', schedule_id: sc.id })),
			400, 'invalid_field', 'schedule_id');
		assertError(await officerA.api.post('/reception/sessions', session({ kind: 'periodic', schedule_id: 987654 })),
			400, 'invalid_field', 'schedule_id');
		// Leaving periodic drops the schedule.
		const rg = assertOk(await officerA.api.patch(`/reception/sessions/${ok.id}`, { kind: 'regular' })).session;
		assert.equal(rg.schedule_id, null);
		assertError(await officerA.api.patch(`/reception/sessions/${ok.id}`, { kind: 'periodic' }), 400, 'invalid_field', 'schedule_id');
		assertOk(await officerA.api.patch(`/reception/sessions/${ok.id}`, { kind: 'periodic', schedule_id: sc.id }));
	});

	it('compliance: planned days moved off holidays and weekends, required per week, held and missed', async () => {
		// Commune chair (R-TCD-13: 1 day a week), every Tuesday.  September 2025: Tuesday 2/9 is Quốc khánh
		// (and Monday 1/9 its adjacent day off), so that duty moves to Wednesday 3/9 (R-TCD-18).
		const sc = assertOk(await officerA.api.post('/reception/schedules', { org_id: orgA.id, leader_name: 'Trần Văn Chủtịch',
			leader_title: 'Chủ tịch UBND xã', rule_id: 'R-TCD-13', pattern: 'week:2', valid_from: '2025-01-01' }), 201).schedule;
		const cal = await officerA.api.get('/calendar?year=2025');
		if (cal.status === 200) {
			const off = cal.body.days.map((d) => d.day);
			assert.ok(off.includes('2025-09-02') && off.includes('2025-09-01'), 'the calendar module agrees');
		}
		for (const day of ['2025-09-03', '2025-09-16', '2025-09-16']) {
			assertOk(await officerA.api.post('/reception/sessions', session({ kind: 'periodic', schedule_id: sc.id, day })), 201);
		}
		// A regular session on a planned day is not the leader's periodic duty.
		assertOk(await officerA.api.post('/reception/sessions', session({ day: '2025-09-09' })), 201);
		const c = assertOk(await viewerA.api.get(`/reception/schedules/${sc.id}/compliance?period=2025-09`));
		assert.deepEqual(c.period, { from: '2025-09-01', to: '2025-09-30', label: 'tháng 9 năm 2025' });
		assert.deepEqual(c.planned, ['2025-09-03', '2025-09-09', '2025-09-16', '2025-09-23', '2025-09-30']);
		// ISO weeks meeting September 2025: those of 1, 8, 15, 22 and 29 September.
		assert.equal(c.required, 5);
		assert.deepEqual(c.held_days, ['2025-09-03', '2025-09-16'], 'distinct days');
		assert.equal(c.held, 2);
		assert.equal(c.rate, 40);
		assert.deepEqual(c.missed, ['2025-09-09', '2025-09-23', '2025-09-30']);
		assert.equal(c.schedule_id, sc.id);
		// Before the schedule starts nothing is required.
		const early = assertOk(await officerA.api.get(`/reception/schedules/${sc.id}/compliance?period=2024-12`));
		assert.equal(early.required, 0);
		assert.equal(early.rate, null);
		assert.deepEqual(early.planned, []);
		for (const q of ['', '?period=2025-Q5', '?period=Q3-2025', '?period=2025-13']) {
			assertError(await officerA.api.get(`/reception/schedules/${sc.id}/compliance${q}`), 400, 'invalid_param', 'period');
		}
		assertError(await officerA.api.get('/reception/schedules/987654/compliance?period=2025'), 404, 'not_found');
	});

	it('compliance: monthly days, holidays pushing a day into the next month, short months, two decimals', async () => {
		const mk = async (pattern, rule_id, o = {}) => assertOk(await officerA.api.post('/reception/schedules', {
			org_id: orgA2.id, leader_name: 'Bí thư Đảng ủy', leader_title: 'Bí thư', rule_id, pattern,
			valid_from: '2025-01-01', ...o }), 201).schedule;
		// Head of an agency (R-TCD-14: 1 day a month) on the 30th.  30/4/2025 (Wednesday, Giải phóng miền Nam)
		// and 1/5 (Thursday, Quốc tế Lao động) are holidays in the built-in calendar, so the April duty moves to
		// Friday 2/5/2025: it is planned in May, not in April.  (The government also gave 2/5/2025 off in
		// exchange for Saturday 26/4; that decision is a calendar_days override, absent from this database.)
		const s30 = await mk('month:30', 'R-TCD-14');
		const apr = assertOk(await officerA.api.get(`/reception/schedules/${s30.id}/compliance?period=2025-04`));
		assert.deepEqual(apr.planned, []);
		assert.equal(apr.required, 1);
		const q2 = assertOk(await officerA.api.get(`/reception/schedules/${s30.id}/compliance?period=2025-Q2`));
		// 30/5/2025 is a Friday, 30/6/2025 a Monday.
		assert.deepEqual(q2.planned, ['2025-05-02', '2025-05-30', '2025-06-30']);
		assert.equal(q2.required, 3);
		// The 31st: no such day in April or June (skipped); Saturday 31/5/2025 moves to Monday 2/6.
		const s31 = await mk('month:31', 'R-TCD-14');
		const q231 = assertOk(await officerA.api.get(`/reception/schedules/${s31.id}/compliance?period=2025-Q2`));
		assert.deepEqual(q231.planned, ['2025-06-02']);
		// Commune party head (R-TCD-16-X: 2 days a month), 15th and 25th, Q2 2025: 6 required; 2 held: 33.33 %.
		const s2 = await mk('month:15,25', 'R-TCD-16-X', { valid_to: '2025-12-31' });
		for (const day of ['2025-04-15', '2025-05-26']) {
			assertOk(await officerA.api.post('/reception/sessions', session({ org_id: orgA2.id, kind: 'periodic', schedule_id: s2.id, day })), 201);
		}
		const c = assertOk(await officerA.api.get(`/reception/schedules/${s2.id}/compliance?period=2025-Q2`));
		// 25/5/2025 is a Sunday: planned Monday 26/5; 15/6/2025 is a Sunday: planned Monday 16/6.
		assert.deepEqual(c.planned, ['2025-04-15', '2025-04-25', '2025-05-15', '2025-05-26', '2025-06-16', '2025-06-25']);
		assert.equal(c.required, 6);
		assert.equal(c.held, 2);
		assert.equal(c.rate, 33.33);
		assert.match(c.rate.toString(), /^33\.33$/);
		assert.deepEqual(c.missed, ['2025-04-25', '2025-05-15', '2025-06-16', '2025-06-25']);
		// After valid_to nothing is planned or required.
		const y26 = assertOk(await officerA.api.get(`/reception/schedules/${s2.id}/compliance?period=2026`));
		assert.equal(y26.required, 0);
		assert.deepEqual(y26.planned, []);
		// A custom range counts each month it touches: 2 months → 4 required.
		const cu = assertOk(await officerA.api.get(`/reception/schedules/${s2.id}/compliance?period=2025-04-20..2025-05-10`));
		assert.equal(cu.required, 4);
		assert.deepEqual(cu.planned, ['2025-04-25']);
	});
});
