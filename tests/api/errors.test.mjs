// Error conventions: JSON parsing, field validation, UTF-8, size and media type, 404/405, NFC.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, assertOk, childrenOf, setup } from './fixtures.mjs';
import { request } from '../lib/server.mjs';

describe('error conventions', () => {
	let srv; let admin; let unit; let unitRef;
	before(async () => {
		({ srv, admin } = await setup());
		[unit] = await childrenOf(admin, '25', { n: 1 });
		unitRef = { structure: 2025, code: unit.code };
	});
	after(async () => { await srv?.stop(); });

	const orgCount = async () => assertOk(await admin.get('/organizations?limit=1')).total;

	it('a write outside /api/ → 405 method_not_allowed (JSON), never a dropped connection', async () => {
		const res = await fetch(`${srv.url}/index.html`, { method: 'POST', body: '{}',
			headers: { 'content-type': 'application/json' } });
		assert.equal(res.status, 405);
		const body = await res.json();
		assert.equal(body.error.code, 'method_not_allowed');
	});

	it('invalid JSON → 400 invalid_json', async () => {
		const n = await orgCount();
		for (const raw of ['{"name":', 'not json', '', '[]', '"a string"', '42', 'null',
			'{"name":"x",}', '{"name":"x"} trailing']) {
			assertError(await admin.post('/organizations', undefined, { raw }), 400, 'invalid_json');
		}
		assertError(await admin.post('/users', undefined, { raw: '[1,2]' }), 400, 'invalid_json');
		assertError(await request(srv.url, 'POST', '/auth/login', { raw: '{username:"admin"}' }), 400, 'invalid_json');
		assert.equal(await orgCount(), n);
	});

	it('unknown field → 400 unknown_field naming it', async () => {
		assertError(await admin.post('/organizations',
			{ name: 'Tổ chức lạ', type: 'agency', unit: unitRef, colour: 'red' }), 400, 'unknown_field', 'colour');
		const org = assertOk(await admin.post('/organizations', { name: 'Tổ chức để sửa', type: 'agency', unit: unitRef }), 201)
			.organization;
		assertError(await admin.patch(`/organizations/${org.id}`, { unit: unitRef }), 400, 'unknown_field', 'unit');
		assertError(await admin.post('/users',
			{ username: 'uf.user', full_name: 'A', password: 'password-123', role: 'sysadmin', email: 'a@b.c' }),
		400, 'unknown_field', 'email');
	});

	it('missing field → 400 missing_field naming it', async () => {
		assertError(await admin.post('/organizations', { type: 'agency', unit: unitRef }), 400, 'missing_field', 'name');
		assertError(await admin.post('/organizations', { name: 'Thiếu loại', unit: unitRef }), 400, 'missing_field', 'type');
		assertError(await admin.post('/organizations', { name: 'Thiếu đơn vị', type: 'agency' }), 400, 'missing_field', 'unit');
		assertError(await admin.post('/users', { full_name: 'A', password: 'password-123', role: 'sysadmin' }),
			400, 'missing_field', 'username');
	});

	it('wrong types and bad enum values → 400 invalid_field', async () => {
		assertError(await admin.post('/organizations', { name: 12, type: 'agency', unit: unitRef }), 400, 'invalid_field', 'name');
		assertError(await admin.post('/organizations', { name: 'X', type: 'club', unit: unitRef }), 400, 'invalid_field', 'type');
		assertError(await admin.post('/organizations', { name: null, type: 'agency', unit: unitRef }), 400);
	});

	it('over-long string → 400 too_long; the limit counts characters, not bytes', async () => {
		const n = await orgCount();
		assertError(await admin.post('/organizations', { name: 'a'.repeat(201), type: 'agency', unit: unitRef }),
			400, 'too_long', 'name');
		assertError(await admin.post('/organizations', { name: 'ệ'.repeat(201), type: 'agency', unit: unitRef }),
			400, 'too_long', 'name');
		assert.equal(await orgCount(), n);
		const r = await admin.post('/organizations', { name: 'ệ'.repeat(200), type: 'agency', unit: unitRef });
		assertOk(r, 201);
		assert.equal(r.body.organization.name, 'ệ'.repeat(200));
	});

	it('invalid UTF-8 in the body or the query → 400 invalid_utf8', async () => {
		const n = await orgCount();
		const head = Buffer.from(`{"name":"Ban D`, 'utf8');
		const tail = Buffer.from(`n vận","type":"agency","unit":{"structure":2025,"code":"${unit.code}"}}`, 'utf8');
		for (const bad of [[0xff], [0xc3], [0xe1, 0xba], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
			const raw = Buffer.concat([head, Buffer.from(bad), tail]);
			assertError(await admin.post('/organizations', undefined, { raw }), 400, 'invalid_utf8');
		}
		assert.equal(await orgCount(), n);
		assertError(await admin.get('/units?q=%FF%FE'), 400, 'invalid_utf8');
		assertError(await admin.get('/organizations?q=H%C3'), 400, 'invalid_utf8');
	});

	it('body over 64 KiB → 413 payload_too_large; 415 for a non-JSON Content-Type', async () => {
		const n = await orgCount();
		const big = JSON.stringify({ name: 'x'.repeat(70 * 1024), type: 'agency', unit: unitRef });
		assertError(await admin.post('/organizations', undefined, { raw: big }), 413, 'payload_too_large');
		assertError(await request(srv.url, 'POST', '/auth/login',
			{ raw: JSON.stringify({ username: 'admin', password: 'p'.repeat(80 * 1024) }) }), 413, 'payload_too_large');
		const body = JSON.stringify({ name: 'Sai kiểu nội dung', type: 'agency', unit: unitRef });
		for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
			assertError(await admin.post('/organizations', undefined, { raw: body, contentType: ct }), 415, 'unsupported_media_type');
		}
		assertError(await admin.post('/organizations', undefined, { raw: Buffer.from(body), contentType: null }), 415, 'unsupported_media_type');
		assertError(await request(srv.url, 'POST', '/auth/login',
			{ raw: JSON.stringify({ username: 'admin', password: 'admin-password-1' }), contentType: 'text/plain' }),
		415, 'unsupported_media_type');
		assert.equal(await orgCount(), n);
		// A charset parameter is still application/json.
		assertOk(await admin.post('/organizations', undefined,
			{ raw: body, contentType: 'application/json; charset=utf-8' }), 201);
	});

	it('unknown path → 404 not_found as JSON; wrong method → 405 method_not_allowed', async () => {
		assertError(await admin.get('/no-such-thing'), 404, 'not_found');
		assertError(await request(srv.url, 'GET', '/api/v1/no/such/path'), 404, 'not_found');
		assertError(await admin.get('/organizations/999999999'), 404, 'not_found');
		assertError(await admin.get('/users/999999999'), 404, 'not_found');
		assertError(await admin.get('/units/99999999?structure=2025'), 404, 'not_found');
		assertError(await admin.del('/units'), 405, 'method_not_allowed');
		assertError(await admin.patch('/health', {}), 405, 'method_not_allowed');
		assertError(await admin.del('/me'), 405, 'method_not_allowed');
	});

	it('decomposed (NFD) text comes back NFC and is found by search', async () => {
		const nfd = 'Hội Nông dân xã Ho\u0300a Bi\u0300nh'.normalize('NFD');
		const nfc = nfd.normalize('NFC');
		assert.notEqual(nfd, nfc);
		const r = await admin.post('/organizations', { name: nfd, type: 'mass_organization', unit: unitRef });
		assertOk(r, 201);
		assert.equal(r.body.organization.name, nfc);
		const got = assertOk(await admin.get(`/organizations/${r.body.organization.id}`)).organization;
		assert.equal(got.name, nfc);
		const u = assertOk(await admin.post('/users', {
			username: 'nfd.user', full_name: 'Nguye\u0302\u0303n Va\u0306n Ho\u0300a', password: 'password-nfd-1', role: 'sysadmin',
		}), 201).user;
		assert.equal(u.full_name, 'Nguyễn Văn Hòa');
		const p = assertOk(await admin.patch(`/organizations/${got.id}`, { name: 'Chi ho\u0323\u0302i' })).organization;
		assert.equal(p.name, 'Chi hội');
		// An NFD query finds NFC text.
		const q = assertOk(await admin.get(`/organizations?q=${encodeURIComponent('Chi ho\u0323\u0302i'.normalize('NFD'))}`));
		assert.ok(q.items.some((o) => o.id === got.id));
	});

	it('bad query parameters → 400 invalid_param naming the parameter', async () => {
		assertError(await admin.get('/organizations?limit=501'), 400, 'invalid_param', 'limit');
		assertError(await admin.get('/organizations?limit=-1'), 400, 'invalid_param', 'limit');
		assertError(await admin.get('/organizations?limit=abc'), 400, 'invalid_param', 'limit');
		assertError(await admin.get('/organizations?offset=-5'), 400, 'invalid_param', 'offset');
		assertError(await admin.get('/organizations?type=club'), 400, 'invalid_param', 'type');
		assertError(await admin.get('/organizations?structure=2023'), 400, 'invalid_param', 'structure');
		assertError(await admin.get('/users?limit=100000'), 400, 'invalid_param', 'limit');
		assertError(await admin.get('/users?role=king'), 400, 'invalid_param', 'role');
		assertError(await admin.get('/audit?limit=501'), 400, 'invalid_param', 'limit');
		assertError(await admin.get('/audit?from=23-11-2026'), 400, 'invalid_param', 'from');
		assertError(await admin.get('/audit?to=2026-13-45'), 400, 'invalid_param', 'to');
	});

	it('list defaults: limit 50', async () => {
		for (let i = 0; i < 52; i++) {
			assertOk(await admin.post('/organizations', { name: `Tổ chức số ${i}`, type: 'agency', unit: unitRef }), 201);
		}
		const r = assertOk(await admin.get('/organizations'));
		assert.equal(r.items.length, 50);
		assert.ok(r.total >= 52);
		assert.equal(assertOk(await admin.get('/organizations?limit=500')).items.length, r.total);
	});
});
