// The running server against docs/openapi.yaml: every documented operation is called, every response's
// status is documented for that operation and its body validates against the documented schema.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';
import {
	ADMIN_PASSWORD, ADMIN_USERNAME, REPO, client, login,
} from '../lib/server.mjs';
import { childrenOf, setup } from './fixtures.mjs';

const spec = YAML.parse(readFileSync(path.join(REPO, 'docs', 'openapi.yaml'), 'utf8'));
const apiMd = readFileSync(path.join(REPO, 'docs', 'API.md'), 'utf8');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const BASE = 'https://danvan.test/schemas/';

/* ---- schema compilation ---- */

function resolveLocal(ref) {
	assert.ok(ref.startsWith('#/'), `only local $refs: ${ref}`);
	let node = spec;
	for (const part of ref.slice(2).split('/')) {
		node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
	}
	assert.ok(node !== undefined, `unresolved $ref ${ref}`);
	return node;
}

// Component schemas become separate Ajv schemas; other refs are inlined.
function rewrite(v) {
	if (Array.isArray(v)) return v.map(rewrite);
	if (!v || typeof v !== 'object') return v;
	if (typeof v.$ref === 'string') {
		const m = /^#\/components\/schemas\/([^/]+)$/.exec(v.$ref);
		if (m) return { $ref: BASE + m[1] };
		return rewrite(resolveLocal(v.$ref));
	}
	const out = {};
	for (const [k, x] of Object.entries(v)) {
		if (k === 'example' || k === 'examples') continue;
		out[k] = (k === 'properties' || k === 'patternProperties')
			? Object.fromEntries(Object.entries(x).map(([pk, pv]) => [pk, rewrite(pv)]))
			: rewrite(x);
	}
	return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const [name, schema] of Object.entries(spec.components.schemas)) {
	ajv.addSchema(rewrite(schema), BASE + name);
}
const compiled = new Map();
function validator(schema) {
	if (!compiled.has(schema)) compiled.set(schema, ajv.compile(rewrite(schema)));
	return compiled.get(schema);
}

/* ---- operations ---- */

const deref = (x) => (x && x.$ref ? resolveLocal(x.$ref) : x);
const operations = [];
for (const [p, item] of Object.entries(spec.paths)) {
	for (const m of METHODS) {
		if (!item[m]) continue;
		const rx = new RegExp('^' + p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+') + '$');
		operations.push({ key: `${m.toUpperCase()} ${p}`, method: m.toUpperCase(), path: p, rx, op: item[m], item });
	}
}
function findOperation(method, urlPath) {
	const candidates = operations.filter((o) => o.rx.test(urlPath));
	// A literal path wins over a template (e.g. /me/password over /me/{x}).
	candidates.sort((a, b) => (a.path.includes('{') ? 1 : 0) - (b.path.includes('{') ? 1 : 0));
	return candidates.find((o) => o.method === method);
}

const seen = new Map(); // key -> Set of statuses
const problems = [];

/**
 * Call the server through `api` and check the exchange against the spec.
 * expect: the status this call must get (the fixture's intent).
 */
async function call(api, method, p, { body, expect, ...opts } = {}) {
	const o = { ...opts };
	if (body !== undefined) o.body = body;
	const res = await api.request(method, p, o);
	const urlPath = p.split('?')[0];
	const op = findOperation(method, urlPath);
	const where = `${method} ${p} → ${res.status}`;
	if (!op) {
		problems.push(`${where}: operation not documented`);
		return res;
	}
	if (!seen.has(op.key)) seen.set(op.key, new Set());
	seen.get(op.key).add(res.status);
	if (expect !== undefined) {
		assert.equal(res.status, expect, `${where} (expected ${expect}): ${res.text.slice(0, 300)}`);
	}
	const r = deref(op.op.responses[String(res.status)]);
	if (!r) {
		problems.push(`${where}: status ${res.status} not documented for ${op.key}: ${res.text.slice(0, 200)}`);
		return res;
	}
	const content = r.content && r.content['application/json'];
	if (content) {
		if (!/^application\/json/i.test(res.headers.get('content-type') || '')) {
			problems.push(`${where}: content-type ${res.headers.get('content-type')} is not application/json`);
		}
		const v = validator(content.schema);
		if (!v(res.body)) {
			problems.push(`${where}: body does not match the schema: ${ajv.errorsText(v.errors)}; body ${res.text.slice(0, 300)}`);
		}
	}
	for (const [h, hd] of Object.entries(r.headers || {})) {
		const d = deref(hd);
		if (d.required && res.headers.get(h) === null) problems.push(`${where}: header ${h} missing`);
	}
	// Successful writes: what we sent must be valid for the documented request body.
	if (res.status < 300 && body !== undefined && op.op.requestBody) {
		const rb = deref(op.op.requestBody);
		const v = validator(rb.content['application/json'].schema);
		if (!v(body)) problems.push(`${where}: the accepted request body is invalid for the spec: ${ajv.errorsText(v.errors)}`);
	}
	return res;
}

describe('OpenAPI document', () => {
	it('is OpenAPI 3.0.3 and every operation has an id, responses and a JSON schema per response', () => {
		assert.equal(spec.openapi, '3.0.3');
		assert.ok(spec.components.securitySchemes.sessionCookie);
		assert.equal(spec.components.securitySchemes.sessionCookie.in, 'cookie');
		assert.equal(spec.components.securitySchemes.sessionCookie.name, 'danvan_session');
		assert.equal(spec.components.securitySchemes.csrfToken.in, 'header');
		assert.equal(spec.components.securitySchemes.csrfToken.name, 'X-CSRF-Token');
		const ids = new Set();
		for (const o of operations) {
			assert.ok(o.op.operationId, `${o.key} operationId`);
			assert.ok(!ids.has(o.op.operationId), `duplicate operationId ${o.op.operationId}`);
			ids.add(o.op.operationId);
			for (const [st, r0] of Object.entries(o.op.responses)) {
				const r = deref(r0);
				// A file download (e.g. GET /attachments/{id} 200) documents its media types instead.
				const file = Number(st) < 300 && r.content && !r.content['application/json'] &&
					Object.values(r.content).every((c) => c.schema && c.schema.format === 'binary');
				assert.ok(file || (r.content && r.content['application/json'] && r.content['application/json'].schema),
					`${o.key} ${st} has a JSON schema`);
				if (!file) validator(r.content['application/json'].schema); // compiles
			}
			const writes = ['POST', 'PATCH', 'PUT', 'DELETE'].includes(o.method);
			const sec = o.op.security || spec.security;
			const isPublic = o.key === 'POST /auth/login' || o.key === 'GET /health' || o.path.startsWith('/public/');
			if (isPublic) assert.deepEqual(o.op.security, [], `${o.key} is public`);
			else if (writes) assert.ok(sec.some((s) => 'csrfToken' in s && 'sessionCookie' in s), `${o.key} needs cookie + CSRF`);
			else assert.ok(sec.some((s) => 'sessionCookie' in s), `${o.key} needs the cookie`);
			const rbc = o.op.requestBody && deref(o.op.requestBody).content;
			// Uploads (attachments, import) take the raw file.
			if (rbc && !rbc['application/json']) assert.ok(rbc['application/octet-stream'], `${o.key} body is JSON or a raw file`);
			if (rbc && rbc['application/json']) {
				const s = rbc['application/json'].schema;
				assert.equal(s.additionalProperties, false, `${o.key} request body rejects unknown fields`);
				for (const [k, ps] of Object.entries(s.properties)) {
					const d = deref(ps);
					if (d.type === 'string' && !d.enum) assert.ok(d.maxLength, `${o.key} ${k} has maxLength`);
				}
			}
		}
	});

	it('documents exactly the endpoints of docs/API.md', () => {
		const fromMd = new Set();
		for (const m of apiMd.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^\s`?]*)/g)) fromMd.add(`${m[1]} ${m[2]}`);
		const fromSpec = new Set(operations.map((o) => o.key));
		assert.ok(fromMd.size >= 15, `found ${fromMd.size} endpoints in API.md`);
		for (const k of fromMd) assert.ok(fromSpec.has(k), `${k} (API.md) is in openapi.yaml`);
		for (const k of fromSpec) assert.ok(fromMd.has(k), `${k} (openapi.yaml) is in API.md`);
	});

	it('rejects what it should (sanity of the validator)', () => {
		const v = validator({ $ref: '#/components/schemas/User' });
		assert.equal(v({ id: 1, username: 'admin', full_name: 'A', role: 'sysadmin', unit: null, disabled: false,
			created_at: '2026-11-23T19:05:00Z' }), true, ajv.errorsText(v.errors));
		assert.equal(v({ id: 1, username: 'admin', full_name: 'A', role: 'sysadmin', unit: null, disabled: false,
			created_at: '2026-11-23T19:05:00Z', password_hash: 'x' }), false);
		assert.equal(v({ id: 1, username: 'admin', full_name: 'A', role: 'god', unit: null, disabled: false,
			created_at: '2026-11-23T19:05:00Z' }), false);
		assert.equal(v({ id: 1, username: 'admin', full_name: 'A', role: 'sysadmin', unit: null, disabled: false,
			created_at: 'yesterday' }), false);
		const e = validator(deref(spec.components.responses.NotFound).content['application/json'].schema);
		assert.equal(e({ error: { code: 'not_found', message: 'Không tìm thấy' } }), true);
		assert.equal(e({ error: { code: 'forbidden', message: 'Không được phép' } }), false);
		assert.equal(e({ error: { code: 'not_found' } }), false);
	});
});

describe('the running server conforms to docs/openapi.yaml', () => {
	let srv; let admin; let anon;
	let A; let B; let refA; let refB;
	before(async () => {
		({ srv, admin } = await setup());
		anon = client(srv.url, null);
		[A, B] = await childrenOf(admin, '25', { n: 2 });
		refA = { structure: 2025, code: A.code };
		refB = { structure: 2025, code: B.code };
	});
	after(async () => { await srv?.stop(); });

	it('health and auth', async () => {
		await call(anon, 'GET', '/health', { expect: 200 });
		await call(anon, 'POST', '/auth/login', { body: { username: 'admin', password: 'wrong-password' }, expect: 401 });
		await call(anon, 'POST', '/auth/login', { body: { username: 'admin' }, expect: 400 });
		await call(anon, 'POST', '/auth/login', { raw: '{"username":', expect: 400 });
		await call(anon, 'POST', '/auth/login', { raw: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }), contentType: 'text/plain', expect: 415 });
		await call(anon, 'POST', '/auth/login', { raw: JSON.stringify({ username: 'admin', password: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', '/auth/login', { body: { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, expect: 200 });
		await call(anon, 'GET', '/me', { expect: 401 });
		await call(admin, 'GET', '/me', { expect: 200 });
		// throttling
		await call(admin, 'POST', '/users', { body: { username: 'oa.locked', full_name: 'Bị khóa', password: 'locked-pass-1', role: 'sysadmin' }, expect: 201 });
		for (let i = 0; i < 5; i++) await call(anon, 'POST', '/auth/login', { body: { username: 'oa.locked', password: `bad-${i}-pass` }, expect: 401 });
		await call(anon, 'POST', '/auth/login', { body: { username: 'oa.locked', password: 'locked-pass-1' }, expect: 429 });
		// password change
		const u = await call(admin, 'POST', '/users', { body: { username: 'oa.pw', full_name: 'Đổi mật khẩu', password: 'first-pass-1', role: 'sysadmin' }, expect: 201 });
		assert.ok(u.body.user);
		const s = await login(srv.url, 'oa.pw', 'first-pass-1');
		const api = client(srv.url, s);
		await call(api, 'POST', '/me/password', { body: { old_password: 'wrong-old-1', new_password: 'second-pass-2' }, expect: 400 });
		await call(api, 'POST', '/me/password', { body: { old_password: 'first-pass-1', new_password: 'second-pass-2' }, csrf: '', expect: 403 });
		await call(api, 'POST', '/me/password', { body: { old_password: 'first-pass-1', new_password: 'second-pass-2' }, expect: 200 });
		await call(api, 'POST', '/me/password', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(api, 'POST', '/me/password', { raw: JSON.stringify({ old_password: 'a'.repeat(70000), new_password: 'b' }), expect: 413 });
		await call(anon, 'POST', '/me/password', { body: { old_password: 'a', new_password: 'bbbbbbbbbb' }, csrf: 'x'.repeat(32), expect: undefined });
		await call(api, 'POST', '/auth/logout', { csrf: '', expect: 403 });
		await call(api, 'POST', '/auth/logout', { expect: 200 });
		await call(api, 'POST', '/auth/logout', { expect: 401 });
	});

	it('units', async () => {
		await call(admin, 'GET', '/units', { expect: 200 });
		await call(admin, 'GET', '/units?structure=2024&level=district&limit=20&offset=5', { expect: 200 });
		await call(admin, 'GET', '/units?structure=2024&parent=148&limit=1000', { expect: 200 });
		await call(admin, 'GET', `/units?q=${encodeURIComponent('hòa bình')}&structure=2024&limit=1000`, { expect: 200 });
		await call(admin, 'GET', '/units?limit=1001', { expect: 400 });
		await call(admin, 'GET', '/units?structure=1999', { expect: 400 });
		await call(admin, 'GET', '/units?q=%FF', { expect: 400 });
		await call(anon, 'GET', '/units', { expect: 401 });
		for (const p of ['/units/17?structure=2024', '/units/04789?structure=2024', '/units/00007?structure=2024',
			'/units/25?structure=2025', '/units/25', `/units/${A.code}`]) {
			await call(admin, 'GET', p, { expect: 200 });
		}
		await call(admin, 'GET', '/units/99999', { expect: 404 });
		await call(admin, 'GET', '/units/17?structure=2030', { expect: 400 });
		await call(anon, 'GET', '/units/17', { expect: 401 });
	});

	it('organisations, users and the audit log', async () => {
		const adminA = await call(admin, 'POST', '/users', { body: { username: 'oa.admin.a', full_name: 'Quản trị xã A', password: 'admin-a-pass', role: 'unit_admin', unit: refA }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.officer.a', full_name: 'Cán bộ xã A', password: 'officer-a-pass', role: 'officer', unit: refA }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.admin.a', full_name: 'Trùng', password: 'admin-a-pass', role: 'unit_admin', unit: refA }, expect: 409 });
		await call(admin, 'POST', '/users', { body: { username: 'X', full_name: 'Sai', password: 'p', role: 'viewer', unit: refA }, expect: 400 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.x', full_name: 'Sai', password: 'password-1', role: 'viewer', unit: refA }, csrf: '', expect: 403 });
		await call(admin, 'POST', '/users', { raw: 'username=x', contentType: 'application/x-www-form-urlencoded', expect: 415 });
		await call(admin, 'POST', '/users', { raw: JSON.stringify({ username: 'big', full_name: 'x'.repeat(70000), password: 'password-1', role: 'sysadmin' }), expect: 413 });
		await call(anon, 'POST', '/users', { body: { username: 'oa.y', full_name: 'Y', password: 'password-1', role: 'sysadmin' }, csrf: 'x'.repeat(32), expect: undefined });
		const sA = await login(srv.url, 'oa.admin.a', 'admin-a-pass');
		const sO = await login(srv.url, 'oa.officer.a', 'officer-a-pass');
		const apiA = client(srv.url, sA);
		const apiO = client(srv.url, sO);
		await call(apiA, 'POST', '/users', { body: { username: 'oa.root', full_name: 'Không được', password: 'password-1', role: 'sysadmin' }, expect: 403 });

		await call(admin, 'GET', '/users', { expect: 200 });
		await call(admin, 'GET', '/users?q=oa&role=officer&limit=10&offset=0', { expect: 200 });
		await call(apiA, 'GET', '/users', { expect: 200 });
		await call(admin, 'GET', '/users?limit=9999', { expect: 400 });
		await call(apiO, 'GET', '/users', { expect: 403 });
		await call(anon, 'GET', '/users', { expect: 401 });
		const uid = adminA.body.user.id;
		await call(admin, 'GET', `/users/${uid}`, { expect: 200 });
		await call(admin, 'GET', '/users/987654', { expect: 404 });
		await call(apiO, 'GET', `/users/${uid}`, { expect: 403 });
		await call(anon, 'GET', `/users/${uid}`, { expect: 401 });
		await call(admin, 'PATCH', `/users/${uid}`, { body: { full_name: 'Quản trị xã A (mới)', role: 'unit_admin', unit: refA, disabled: false }, expect: 200 });
		const v = await call(admin, 'POST', '/users', { body: { username: 'oa.viewer', full_name: 'Xem', password: 'viewer-pass-1', role: 'viewer', unit: refB }, expect: 201 });
		await call(admin, 'PATCH', `/users/${v.body.user.id}`, { body: { password: 'viewer-pass-2', disabled: true }, expect: 200 });
		await call(admin, 'PATCH', `/users/${v.body.user.id}`, { body: { unit: { structure: 2024, code: '148' }, role: 'leader', disabled: false }, expect: 200 });
		await call(admin, 'PATCH', `/users/${uid}`, { body: { nickname: 'x' }, expect: 400 });
		await call(admin, 'PATCH', '/users/987654', { body: { full_name: 'X Ý' }, expect: 404 });
		await call(admin, 'PATCH', `/users/${uid}`, { body: { full_name: 'X Ý' }, csrf: '', expect: 403 });
		await call(admin, 'PATCH', `/users/${uid}`, { raw: '{}', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/users/${uid}`, { raw: JSON.stringify({ full_name: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', `/users/${uid}`, { body: { full_name: 'X' }, csrf: 'x'.repeat(32), expect: undefined });

		const o = await call(apiA, 'POST', '/organizations', { body: { name: 'Ban Dân vận xã A', type: 'mass_mobilization_board', unit: refA }, expect: 201 });
		await call(admin, 'POST', '/organizations', { body: { name: 'Tỉnh ủy Hòa Bình', type: 'party_committee', unit: { structure: 2024, code: '17' } }, expect: 201 });
		await call(apiA, 'POST', '/organizations', { body: { name: 'Xã B', type: 'agency', unit: refB }, expect: 403 });
		await call(apiO, 'POST', '/organizations', { body: { name: 'Cán bộ tạo', type: 'agency', unit: refA }, expect: 403 });
		await call(admin, 'POST', '/organizations', { body: { name: 'Thiếu loại', unit: refA }, expect: 400 });
		await call(admin, 'POST', '/organizations', { raw: 'name=x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/organizations', { raw: JSON.stringify({ name: 'x'.repeat(70000), type: 'agency', unit: refA }), expect: 413 });
		await call(anon, 'POST', '/organizations', { body: { name: 'X', type: 'agency', unit: refA }, csrf: 'x'.repeat(32), expect: undefined });
		await call(admin, 'GET', '/organizations', { expect: 200 });
		await call(admin, 'GET', `/organizations?structure=2025&unit=25&type=mass_mobilization_board&q=dan%20van&limit=5&offset=0`, { expect: 200 });
		await call(apiO, 'GET', '/organizations', { expect: 200 });
		await call(admin, 'GET', '/organizations?limit=0x', { expect: 400 });
		await call(anon, 'GET', '/organizations', { expect: 401 });
		const id = o.body.organization.id;
		await call(apiO, 'GET', `/organizations/${id}`, { expect: 200 });
		await call(admin, 'GET', '/organizations/987654', { expect: 404 });
		await call(anon, 'GET', `/organizations/${id}`, { expect: 401 });
		await call(apiA, 'PATCH', `/organizations/${id}`, { body: { name: 'Ban Dân vận xã A (sửa)', type: 'mass_mobilization_board' }, expect: 200 });
		await call(apiA, 'PATCH', `/organizations/${id}`, { body: { type: 'bogus' }, expect: 400 });
		await call(apiO, 'PATCH', `/organizations/${id}`, { body: { name: 'Cán bộ sửa' }, expect: 403 });
		await call(admin, 'PATCH', '/organizations/987654', { body: { name: 'Không có' }, expect: 404 });
		await call(admin, 'PATCH', `/organizations/${id}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/organizations/${id}`, { raw: JSON.stringify({ name: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', `/organizations/${id}`, { body: { name: 'X' }, csrf: 'x'.repeat(32), expect: undefined });
		await call(apiO, 'DELETE', `/organizations/${id}`, { expect: 403 });
		await call(anon, 'DELETE', `/organizations/${id}`, { csrf: 'x'.repeat(32), expect: undefined });
		await call(apiA, 'DELETE', `/organizations/${id}`, { expect: 200 });
		await call(apiA, 'DELETE', `/organizations/${id}`, { expect: 404 });

		await call(admin, 'GET', '/audit', { expect: 200 });
		await call(admin, 'GET', '/audit?limit=500', { expect: 200 });
		await call(admin, 'GET', `/audit?entity=organization&action=update&actor=oa.admin.a&from=2020-01-01&to=2100-12-31&limit=10&offset=0`, { expect: 200 });
		await call(apiA, 'GET', '/audit?limit=500', { expect: 200 });
		await call(admin, 'GET', '/audit?from=yesterday', { expect: 400 });
		await call(apiO, 'GET', '/audit', { expect: 403 });
		await call(anon, 'GET', '/audit', { expect: 401 });
	});

	it('citizen reception', async () => {
		const o = await call(admin, 'POST', '/organizations', { body: { name: 'UBND xã A (tiếp dân)', type: 'people_committee', unit: refA }, expect: 201 });
		const oB = await call(admin, 'POST', '/organizations', { body: { name: 'UBND xã B (tiếp dân)', type: 'people_committee', unit: refB }, expect: 201 });
		const org = o.body.organization.id;
		await call(admin, 'POST', '/users', { body: { username: 'oa.rc.viewer', full_name: 'Xem tiếp dân', password: 'viewer-rc-pass', role: 'viewer', unit: refA }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.rc.officer.b', full_name: 'Cán bộ xã B', password: 'officer-b-pass', role: 'officer', unit: refB }, expect: 201 });
		const apiV = client(srv.url, await login(srv.url, 'oa.rc.viewer', 'viewer-rc-pass'));
		const apiB = client(srv.url, await login(srv.url, 'oa.rc.officer.b', 'officer-b-pass'));

		await call(admin, 'GET', '/reception/duty-rules', { expect: 200 });
		await call(anon, 'GET', '/reception/duty-rules', { expect: 401 });
		const sc = await call(admin, 'POST', '/reception/schedules', { body: { org_id: org, leader_name: 'Trần Văn Chủtịch', leader_title: 'Chủ tịch UBND xã', rule_id: 'R-TCD-13', pattern: 'week:2', valid_from: '2025-01-01', valid_to: '2025-12-31' }, expect: 201 });
		await call(admin, 'POST', '/reception/schedules', { body: { org_id: org, leader_name: 'X', leader_title: 'Y', rule_id: 'R-TCD-13', pattern: 'week:9', valid_from: '2025-01-01' }, expect: 400 });
		await call(apiV, 'POST', '/reception/schedules', { body: { org_id: org, leader_name: 'X', leader_title: 'Y', rule_id: 'R-TCD-13', pattern: 'week:2', valid_from: '2025-01-01' }, expect: 403 });
		await call(admin, 'POST', '/reception/schedules', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/reception/schedules', { raw: JSON.stringify({ leader_name: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', '/reception/schedules', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'GET', '/reception/schedules', { expect: 200 });
		await call(admin, 'GET', `/reception/schedules?structure=2025&unit=${A.code}&org=${org}&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/reception/schedules?unit=99999', { expect: 400 });
		await call(anon, 'GET', '/reception/schedules', { expect: 401 });

		const s = await call(admin, 'POST', '/reception/sessions', { body: { org_id: org, kind: 'periodic', day: '2025-09-03', place: 'Trụ sở UBND xã', host_name: 'Trần Văn Chủtịch', schedule_id: sc.body.schedule.id, delegated: false, note: 'Định kỳ' }, expect: 201 });
		const sid = s.body.session.id;
		await call(admin, 'POST', '/reception/sessions', { body: { org_id: org, kind: 'periodic', day: '2025-09-03', place: 'P', host_name: 'H' }, expect: 400 });
		await call(apiV, 'POST', '/reception/sessions', { body: { org_id: org, kind: 'regular', day: '2025-09-03', place: 'P', host_name: 'H' }, expect: 403 });
		await call(admin, 'POST', '/reception/sessions', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/reception/sessions', { raw: JSON.stringify({ place: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', '/reception/sessions', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		const e = await call(admin, 'POST', '/reception/sessions', { body: { org_id: oB.body.organization.id, kind: 'ad_hoc', day: '2025-09-04', place: 'P', host_name: 'H' }, expect: 201 });
		await call(admin, 'GET', '/reception/sessions', { expect: 200 });
		await call(admin, 'GET', `/reception/sessions?structure=2025&unit=${A.code}&org=${org}&kind=periodic&from=2025-01-01&to=2025-12-31&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/reception/sessions?from=2025-13-01', { expect: 400 });
		await call(anon, 'GET', '/reception/sessions', { expect: 401 });
		await call(admin, 'GET', `/reception/sessions/${sid}`, { expect: 200 });
		await call(apiB, 'GET', `/reception/sessions/${sid}`, { expect: 404 });
		await call(anon, 'GET', `/reception/sessions/${sid}`, { expect: 401 });
		await call(admin, 'PATCH', `/reception/sessions/${sid}`, { body: { place: 'Nhà văn hóa', delegated: true, note: '' }, expect: 200 });
		await call(admin, 'PATCH', `/reception/sessions/${sid}`, { body: { org_id: org }, expect: 400 });
		await call(apiV, 'PATCH', `/reception/sessions/${sid}`, { body: { place: 'X' }, expect: 403 });
		await call(apiB, 'PATCH', `/reception/sessions/${sid}`, { body: { place: 'X' }, expect: 404 });
		await call(admin, 'PATCH', `/reception/sessions/${sid}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/reception/sessions/${sid}`, { raw: JSON.stringify({ place: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', `/reception/sessions/${sid}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		const visit = { citizen_name: 'Lê Văn Dân', citizen_address: 'Thôn Đông', citizen_id_number: '001085012345', persons: 6,
			representatives: 2, content: 'Tranh chấp đất', classification: 'complaint', field: 'land', prior_handler: 'UBND xã',
			direction: 'forward', forwarded_to: 'UBND tỉnh', follow_up: 'Chờ', note: 'Đoàn đông người', refused: false };
		const v = await call(admin, 'POST', `/reception/sessions/${sid}/visits`, { body: visit, expect: 201 });
		await call(admin, 'POST', `/reception/sessions/${sid}/visits`, { body: { ...visit, classification: 'denunciation', citizen_name: 'Người tố cáo' }, expect: 201 });
		await call(admin, 'POST', `/reception/sessions/${sid}/visits`, { body: { ...visit, representatives: 6 }, expect: 400 });
		await call(apiV, 'POST', `/reception/sessions/${sid}/visits`, { body: visit, expect: 403 });
		await call(apiB, 'POST', `/reception/sessions/${sid}/visits`, { body: visit, expect: 404 });
		await call(admin, 'POST', `/reception/sessions/${sid}/visits`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', `/reception/sessions/${sid}/visits`, { raw: JSON.stringify({ content: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', `/reception/sessions/${sid}/visits`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		const vid = v.body.visit.id;
		await call(admin, 'PATCH', `/reception/visits/${vid}`, { body: { persons: 3, refused: true, refusal_reason: 'Say rượu' }, expect: 200 });
		await call(admin, 'PATCH', `/reception/visits/${vid}`, { body: { persons: 0 }, expect: 400 });
		await call(apiV, 'PATCH', `/reception/visits/${vid}`, { body: { persons: 2 }, expect: 403 });
		await call(apiB, 'PATCH', `/reception/visits/${vid}`, { body: { persons: 2 }, expect: 404 });
		await call(admin, 'PATCH', `/reception/visits/${vid}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/reception/visits/${vid}`, { raw: JSON.stringify({ content: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', `/reception/visits/${vid}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		await call(admin, 'DELETE', `/reception/sessions/${sid}`, { expect: 409 });
		await call(apiV, 'DELETE', `/reception/sessions/${sid}`, { expect: 403 });
		await call(apiB, 'DELETE', `/reception/sessions/${sid}`, { expect: 404 });
		await call(anon, 'DELETE', `/reception/sessions/${sid}`, { csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'DELETE', `/reception/sessions/${e.body.session.id}`, { expect: 200 });

		await call(admin, 'GET', '/reception/register', { expect: 200 });
		await call(apiV, 'GET', `/reception/register?structure=2025&unit=${A.code}&org=${org}&from=2025-09-01&to=2025-09-30&format=json`, { expect: 200 });
		await call(admin, 'GET', '/reception/register?format=pdf', { expect: 400 });
		await call(anon, 'GET', '/reception/register', { expect: 401 });
		// The XLSX answer is a file, not JSON: checked here rather than through call().
		const x = await admin.get('/reception/register?format=xlsx');
		assert.equal(x.status, 200);
		assert.equal(x.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		assert.ok(findOperation('GET', '/reception/register').op.responses['200'].content[x.headers.get('content-type')]);

		const cid = sc.body.schedule.id;
		await call(apiV, 'GET', `/reception/schedules/${cid}/compliance?period=2025-Q3`, { expect: 200 });
		await call(admin, 'GET', `/reception/schedules/${cid}/compliance?period=2026`, { expect: 200 });
		await call(admin, 'GET', `/reception/schedules/${cid}/compliance?period=2025-Q9`, { expect: 400 });
		await call(apiB, 'GET', `/reception/schedules/${cid}/compliance?period=2025`, { expect: 404 });
		await call(anon, 'GET', `/reception/schedules/${cid}/compliance?period=2025`, { expect: 401 });
		await call(admin, 'GET', '/audit?entity=reception_visit&limit=5', { expect: 200 });
	});

	it('petitions, attachments, import, statistics, rules and the public pages', async () => {
		const oA = await call(admin, 'POST', '/organizations', { body: { name: 'UBND xã A (đơn thư)', type: 'people_committee', unit: refA }, expect: 201 });
		const oB = await call(admin, 'POST', '/organizations', { body: { name: 'UBND xã B (đơn thư)', type: 'people_committee', unit: refB }, expect: 201 });
		const orgA = oA.body.organization.id;
		const orgB = oB.body.organization.id;
		const mk = async (username, role, unit) => {
			await call(admin, 'POST', '/users', { body: { username, full_name: `Người dùng ${username}`, password: `${username}-pass`, role, unit }, expect: 201 });
			return client(srv.url, await login(srv.url, username, `${username}-pass`));
		};
		const apiO = await mk('oa.pt.officer', 'officer', refA);
		const apiL = await mk('oa.pt.leader', 'leader', refA);
		const apiV = await mk('oa.pt.viewer', 'viewer', refA);
		const apiB = await mk('oa.pt.officer.b', 'officer', refB);
		const letter = { org_id: orgA, source: 'post', received_day: '2025-04-25', petitioner_name: 'Nguyễn Văn Đơn', petitioner_address: 'Thôn 1',
			petitioner_id_number: '001203004005', petitioner_phone: '0912345678', persons: 2, subject: 'Tranh chấp đất đai', content: 'Hộ bên cạnh lấn đất',
			level: 1, remote_area: false, anonymous: false };
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
		const octet = { contentType: 'application/octet-stream' };

		await call(apiV, 'GET', '/petition-fields', { expect: 200 });
		await call(anon, 'GET', '/petition-fields', { expect: 401 });

		// create
		const c = await call(apiO, 'POST', '/petitions', { body: letter, expect: 201 });
		const id = c.body.petition.id;
		const dup = await call(apiO, 'POST', '/petitions', { body: { ...letter, content: 'Hộ bên cạnh lấn đất vườn' }, expect: 201 });
		assert.ok(dup.body.duplicates.length > 0, 'a duplicate is proposed');
		await call(apiO, 'POST', '/petitions', { body: { ...letter, attach_to: id }, expect: 201 });
		await call(apiO, 'POST', '/petitions', { body: { ...letter, subject: '' }, expect: 400 });
		await call(apiO, 'POST', '/petitions', { body: { ...letter, colour: 1 }, expect: 400 });
		await call(apiV, 'POST', '/petitions', { body: letter, expect: 403 });
		await call(apiB, 'POST', '/petitions', { body: letter, expect: 403 });
		await call(apiO, 'POST', '/petitions', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(apiO, 'POST', '/petitions', { raw: JSON.stringify({ content: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', '/petitions', { body: letter, csrf: 'x'.repeat(32), expect: 401 });

		// reads
		await call(apiV, 'GET', '/petitions', { expect: 200 });
		await call(admin, 'GET', `/petitions?structure=2025&unit=${A.code}&org=${orgA}&status=received&classification=complaint&field=land&source=post&mass_case=0&due=overdue&q=dat%20dai&from=2025-01-01&to=2025-12-31&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/petitions?due=soon', { expect: 200 });
		await call(admin, 'GET', '/petitions?status=open', { expect: 400 });
		await call(anon, 'GET', '/petitions', { expect: 401 });
		await call(apiV, 'GET', `/petitions/${id}`, { expect: 200 });
		await call(apiB, 'GET', `/petitions/${id}`, { expect: 404 });
		await call(anon, 'GET', `/petitions/${id}`, { expect: 401 });

		// the life cycle of a complaint
		const act = (api, name, body, expect, pid = id) => call(api, 'POST', `/petitions/${pid}/${name}`, { body, expect });
		await act(apiO, 'accept', { day: '2025-04-28' }, 409);
		await act(apiO, 'classify', { classification: 'complaint', eligibility: 'bogus', field: 'land' }, 400);
		await act(apiO, 'classify', { classification: 'complaint', eligibility: 'eligible', field: 'land', level: 1, remote_area: false }, 200);
		await act(apiV, 'classify', { classification: 'complaint', eligibility: 'eligible', field: 'land' }, 403);
		await act(apiB, 'classify', { classification: 'complaint', eligibility: 'eligible', field: 'land' }, 404);
		await call(apiO, 'POST', `/petitions/${id}/classify`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(apiO, 'POST', `/petitions/${id}/classify`, { raw: JSON.stringify({ field: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', `/petitions/${id}/classify`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		const uid = (await call(admin, 'GET', '/users?q=oa.pt.officer&limit=5', { expect: 200 })).body.items.find((u) => u.username === 'oa.pt.officer').id;
		await act(apiO, 'accept', { day: '2025-04-28', complexity: 'normal', user_id: uid, note: 'Thụ lý' }, 200);
		await act(apiO, 'progress', { day: '2025-05-05', status: 'verifying', note: 'Xác minh' }, 200);
		await act(apiO, 'extend', { day: '2025-05-06', decision: 'QĐ 1/QĐ-UBND', note: 'Phức tạp' }, 200);
		await act(apiO, 'extend', { day: '2025-05-07', decision: 'QĐ 2/QĐ-UBND' }, 400);
		await act(apiO, 'assign', { user_id: uid }, 200);
		await act(apiO, 'mass-case', { mass_case: true, settled_day: '2025-06-01' }, 200);
		await act(apiO, 'resolve', { day: '2025-06-01', result: 'Giữ nguyên', public_note: 'Đã có quyết định' }, 200);
		await act(apiO, 'withdraw', { day: '2025-06-02' }, 409);
		await call(admin, 'GET', `/petitions/${id}`, { expect: 200 });

		// other ways out of "received"
		const fresh = async () => (await call(apiO, 'POST', '/petitions', { body: { ...letter, petitioner_name: `Người ${Math.random()}` }, expect: 201 })).body.petition.id;
		await act(apiO, 'return', { day: '2025-04-28', note: 'Hướng dẫn', public_note: 'Trả lại đơn' }, 200, await fresh());
		await act(apiO, 'archive', { day: '2025-04-28', note: 'Lưu đơn' }, 200, await fresh());
		await act(apiO, 'withdraw', { day: '2025-04-28', note: 'Rút đơn' }, 200, await fresh());
		const open = await fresh();
		await act(apiO, 'attach', { day: '2025-04-28', to: open, note: 'Đơn trùng' }, 200, await fresh());
		await act(apiO, 'forward', { day: '2025-04-28', to_org_id: orgB, note: 'Chuyển xã B' }, 200, await fresh());

		// a denunciation: protected identity and scans
		const d = await fresh();
		await act(apiO, 'classify', { classification: 'denunciation', eligibility: 'eligible', field: 'land' }, 200, d);
		await call(apiL, 'GET', `/petitions/${d}/identity`, { expect: 200 });
		await call(apiO, 'GET', `/petitions/${open}/identity`, { expect: 200 });
		await call(admin, 'GET', `/petitions/${d}/identity`, { expect: 403 });
		await call(apiB, 'GET', `/petitions/${d}/identity`, { expect: 404 });
		await call(anon, 'GET', `/petitions/${d}/identity`, { expect: 401 });
		await call(admin, 'GET', '/audit?entity=petition&action=read_identity&limit=5', { expect: 200 });
		await call(admin, 'GET', '/audit?entity=petition&limit=50', { expect: 200 });
		const att = await call(apiL, 'POST', `/petitions/${d}/attachments?name=don.pdf`, { raw: pdf, ...octet, expect: 201 });
		await call(apiO, 'POST', `/petitions/${d}/attachments?name=don.pdf`, { raw: pdf, ...octet, expect: 403 });
		await call(apiO, 'POST', `/petitions/${open}/attachments?name=a.pdf`, { raw: Buffer.from('chỉ là chữ, không phải PDF'), ...octet, expect: 415 });
		await call(apiO, 'POST', `/petitions/${open}/attachments`, { raw: pdf, ...octet, expect: 400 });
		await call(apiB, 'POST', `/petitions/${open}/attachments?name=a.pdf`, { raw: pdf, ...octet, expect: 404 });
		await call(anon, 'POST', `/petitions/${open}/attachments?name=a.pdf`, { raw: pdf, ...octet, csrf: 'x'.repeat(32), expect: 401 });
		const aid = att.body.attachment.id;
		const dl = await call(apiL, 'GET', `/attachments/${aid}`, { expect: 200 });
		assert.equal(dl.headers.get('content-type'), 'application/pdf');
		await call(apiO, 'GET', `/attachments/${aid}`, { expect: 403 });
		await call(apiB, 'GET', `/attachments/${aid}`, { expect: 404 });
		await call(anon, 'GET', `/attachments/${aid}`, { expect: 401 });

		// import
		const csv = 'ngay_nhan,ho_ten,trich_yeu,noi_dung,phan_loai\n25/04/2025,Người Nhập,Đơn nhập,Nội dung,kiến nghị\n';
		await call(apiO, 'POST', `/import/petitions?org_id=${orgA}&format=csv`, { raw: csv, ...octet, expect: 200 });
		await call(apiO, 'POST', `/import/petitions?org_id=${orgA}`, { raw: csv.replace('25/04/2025', '31/02/2025'), ...octet, expect: 422 });
		await call(apiO, 'POST', `/import/petitions?org_id=${orgA}&format=xlsx`, { raw: csv, ...octet, expect: 400 });
		await call(apiV, 'POST', `/import/petitions?org_id=${orgA}`, { raw: csv, ...octet, expect: 403 });
		await call(anon, 'POST', `/import/petitions?org_id=${orgA}`, { raw: csv, ...octet, csrf: 'x'.repeat(32), expect: 401 });

		// statistics
		await call(apiV, 'GET', `/stats/petitions?structure=2025&unit=${A.code}&period=2025-Q2&cutoff=15`, { expect: 200 });
		await call(admin, 'GET', '/stats/petitions?period=2025', { expect: 200 });
		await call(admin, 'GET', '/stats/petitions?period=2025-Q5', { expect: 400 });
		await call(admin, 'GET', '/stats/petitions', { expect: 400 });
		await call(apiO, 'GET', `/stats/petitions?unit=${B.code}&period=2025`, { expect: 403 });
		await call(anon, 'GET', '/stats/petitions?period=2025', { expect: 401 });

		// rules, calendar, settings
		await call(apiV, 'GET', '/deadline-rules', { expect: 200 });
		await call(anon, 'GET', '/deadline-rules', { expect: 401 });
		await call(admin, 'PATCH', '/deadline-rules/R-DON-09', { body: { amount: 10, day_unit: 'working' }, expect: 200 });
		await call(admin, 'PATCH', '/deadline-rules/R-TC-04', { body: { complex_amount: 60, especially_complex_amount: 90 }, expect: 200 });
		await call(admin, 'PATCH', '/deadline-rules/R-DON-09', { body: { amount: 0 }, expect: 400 });
		await call(admin, 'PATCH', '/deadline-rules/R-NONE', { body: { amount: 5 }, expect: 404 });
		await call(apiL, 'PATCH', '/deadline-rules/R-DON-09', { body: { amount: 5 }, expect: 403 });
		await call(admin, 'PATCH', '/deadline-rules/R-DON-09', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', '/deadline-rules/R-DON-09', { raw: JSON.stringify({ day_unit: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', '/deadline-rules/R-DON-09', { body: { amount: 5 }, csrf: 'x'.repeat(32), expect: 401 });
		await call(apiV, 'GET', '/calendar?year=2025', { expect: 200 });
		await call(admin, 'GET', '/calendar', { expect: 200 });
		await call(admin, 'GET', '/calendar?year=1800', { expect: 400 });
		await call(anon, 'GET', '/calendar', { expect: 401 });
		await call(admin, 'PUT', '/calendar/days/2026-01-02', { body: { working: false, name: 'Nghỉ bù Tết Dương lịch' }, expect: 200 });
		await call(admin, 'PUT', '/calendar/days/2026-02-30', { body: { working: false, name: 'Sai ngày' }, expect: 400 });
		await call(apiL, 'PUT', '/calendar/days/2026-01-02', { body: { working: true, name: 'X' }, expect: 403 });
		await call(admin, 'PUT', '/calendar/days/2026-01-02', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PUT', '/calendar/days/2026-01-02', { raw: JSON.stringify({ name: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PUT', '/calendar/days/2026-01-02', { body: { working: true, name: 'X' }, csrf: 'x'.repeat(32), expect: 401 });
		await call(apiL, 'DELETE', '/calendar/days/2026-01-02', { expect: 403 });
		await call(anon, 'DELETE', '/calendar/days/2026-01-02', { csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'DELETE', '/calendar/days/2026-01-02', { expect: 200 });
		await call(admin, 'DELETE', '/calendar/days/2026-01-02', { expect: 404 });
		await call(apiV, 'GET', '/settings', { expect: 200 });
		await call(anon, 'GET', '/settings', { expect: 401 });
		await call(admin, 'PATCH', '/settings', { body: { mass_threshold: 5, due_soon_days: 5, report_cutoff_day: 15, public_submit_per_hour: 5, public_track_per_10min: 60 }, expect: 200 });
		await call(admin, 'PATCH', '/settings', { body: { mass_threshold: 1 }, expect: 400 });
		await call(apiL, 'PATCH', '/settings', { body: { mass_threshold: 6 }, expect: 403 });
		await call(admin, 'PATCH', '/settings', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', '/settings', { raw: JSON.stringify({ x: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', '/settings', { body: { mass_threshold: 6 }, csrf: 'x'.repeat(32), expect: 401 });

		// public pages (no login; every submission that passes the body check counts for the limit)
		await call(anon, 'GET', '/public/units', { expect: 200 });
		await call(anon, 'GET', '/public/units?parent=25', { expect: 200 });
		await call(anon, 'GET', '/public/units?parent=abc', { expect: 400 });
		const pub = { unit: { structure: 2025, code: A.code }, classification: 'reflection', name: 'Công Dân', address: 'Thôn 2',
			phone: '0900000000', subject: 'Phản ánh rác', content: 'Rác thải ven đường' };
		const sub = await call(anon, 'POST', '/public/petitions', { body: pub, expect: 201 });
		await call(anon, 'POST', '/public/petitions', { body: { ...pub, classification: 'complaint' }, expect: 400 });
		const nrb = await call(anon, 'POST', '/public/petitions', { body: { ...pub, unit: { structure: 2025, code: '25' } } });
		assert.equal(nrb.body.error.code, 'no_receiving_body');
		await call(anon, 'POST', '/public/petitions', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(anon, 'POST', '/public/petitions', { raw: JSON.stringify({ content: 'x'.repeat(70000) }), expect: 413 });
		await call(admin, 'PATCH', '/settings', { body: { public_submit_per_hour: 3 }, expect: 200 });
		await call(anon, 'POST', '/public/petitions', { body: pub, expect: 429 });
		await call(admin, 'PATCH', '/settings', { body: { public_submit_per_hour: 5 }, expect: 200 });
		await call(anon, 'GET', `/public/petitions/${sub.body.tracking_code}`, { expect: 200 });
		await call(anon, 'GET', `/public/petitions/${c.body.petition.tracking_code}`, { expect: 200 });
		await call(anon, 'GET', '/public/petitions/ABCD-EFGH-JKMN', { expect: 404 });
	});

	it('dialogues and public opinion', async () => {
		const o = await call(admin, 'POST', '/organizations', { body: { name: 'Đảng ủy xã A (đối thoại)', type: 'party_committee', unit: refA }, expect: 201 });
		const org = o.body.organization.id;
		const oB = await call(admin, 'POST', '/organizations', { body: { name: 'Đảng ủy xã B (đối thoại)', type: 'party_committee', unit: refB }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.dl.viewer', full_name: 'Xem đối thoại', password: 'viewer-dl-pass', role: 'viewer', unit: refA }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.dl.officer.b', full_name: 'Cán bộ xã B (đối thoại)', password: 'officer-dl-b-pass', role: 'officer', unit: refB }, expect: 201 });
		const apiV = client(srv.url, await login(srv.url, 'oa.dl.viewer', 'viewer-dl-pass'));
		const apiB = client(srv.url, await login(srv.url, 'oa.dl.officer.b', 'officer-dl-b-pass'));
		const big = (k) => JSON.stringify({ [k]: 'x'.repeat(70000) });

		await call(apiV, 'GET', '/dialogue-groups', { expect: 200 });
		await call(anon, 'GET', '/dialogue-groups', { expect: 401 });
		await call(apiV, 'GET', '/opinion-channels', { expect: 200 });
		await call(anon, 'GET', '/opinion-channels', { expect: 401 });

		const dl = { org_id: org, host_name: 'Nguyễn Văn Bí', host_title: 'Bí thư Đảng ủy', target_group: 'citizens', day: '2025-03-10', place: 'Nhà văn hóa', participants: 80, minutes: 'Biên bản', note: 'Ghi chú' };
		const d = await call(admin, 'POST', '/dialogues', { body: dl, expect: 201 });
		const did = d.body.dialogue.id;
		await call(admin, 'POST', '/dialogues', { body: { ...dl, day: '2025-02-30' }, expect: 400 });
		await call(apiV, 'POST', '/dialogues', { body: dl, expect: 403 });
		await call(admin, 'POST', '/dialogues', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/dialogues', { raw: big('minutes'), expect: 413 });
		await call(anon, 'POST', '/dialogues', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'GET', '/dialogues', { expect: 200 });
		await call(apiV, 'GET', `/dialogues?structure=2025&unit=${A.code}&org=${org}&group=citizens&from=2025-01-01&to=2025-12-31&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/dialogues?from=2025-13-01', { expect: 400 });
		await call(anon, 'GET', '/dialogues', { expect: 401 });
		const minutesPdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
		const dfile = await call(admin, 'POST', `/dialogues/${did}/attachments?name=bien-ban.pdf`,
			{ raw: minutesPdf, contentType: 'application/octet-stream', expect: 201 });
		await call(apiV, 'POST', `/dialogues/${did}/attachments?name=a.pdf`,
			{ raw: minutesPdf, contentType: 'application/octet-stream', expect: 403 });
		await call(admin, 'POST', `/dialogues/${did}/attachments?name=a.txt`,
			{ raw: Buffer.from('không phải PDF'), contentType: 'application/octet-stream', expect: 415 });
		await call(apiB, 'GET', `/dialogue-attachments/${dfile.body.attachment.id}`, { expect: 404 });
		await call(apiV, 'GET', `/dialogue-attachments/${dfile.body.attachment.id}`, { expect: 200 });
		await call(apiV, 'GET', `/dialogues/${did}`, { expect: 200 });
		await call(apiB, 'GET', `/dialogues/${did}`, { expect: 404 });
		await call(anon, 'GET', `/dialogues/${did}`, { expect: 401 });
		await call(admin, 'PATCH', `/dialogues/${did}`, { body: { participants: 90, note: '' }, expect: 200 });
		await call(admin, 'PATCH', `/dialogues/${did}`, { body: { org_id: org }, expect: 400 });
		await call(apiV, 'PATCH', `/dialogues/${did}`, { body: { place: 'X' }, expect: 403 });
		await call(apiB, 'PATCH', `/dialogues/${did}`, { body: { place: 'X' }, expect: 404 });
		await call(admin, 'PATCH', `/dialogues/${did}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/dialogues/${did}`, { raw: big('minutes'), expect: 413 });
		await call(anon, 'PATCH', `/dialogues/${did}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		const op = { content: 'Đề nghị làm đường', field: 'land', raised_by: 'Ông A', hot_spot: true, reported_to: 'Đảng ủy xã' };
		const p1 = await call(admin, 'POST', `/dialogues/${did}/opinions`, { body: op, expect: 201 });
		const oid = p1.body.opinion.id;
		await call(admin, 'POST', `/dialogues/${did}/opinions`, { body: { ...op, field: 'nope' }, expect: 400 });
		await call(apiV, 'POST', `/dialogues/${did}/opinions`, { body: op, expect: 403 });
		await call(apiB, 'POST', `/dialogues/${did}/opinions`, { body: op, expect: 404 });
		await call(admin, 'POST', `/dialogues/${did}/opinions`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', `/dialogues/${did}/opinions`, { raw: big('content'), expect: 413 });
		await call(anon, 'POST', `/dialogues/${did}/opinions`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		const free = { org_id: org, channel: 'portal', day: '2025-04-01', content: 'Góp ý trên cổng thông tin', field: 'land', place: 'Thôn Đông' };
		const p2 = await call(admin, 'POST', '/opinions', { body: free, expect: 201 });
		await call(admin, 'POST', '/opinions', { body: { ...free, org_id: oB.body.organization.id + 1000 }, expect: 400 });
		await call(apiV, 'POST', '/opinions', { body: free, expect: 403 });
		await call(admin, 'POST', '/opinions', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/opinions', { raw: big('content'), expect: 413 });
		await call(anon, 'POST', '/opinions', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'GET', '/opinions', { expect: 200 });
		await call(apiV, 'GET', `/opinions?structure=2025&unit=${A.code}&org=${org}&channel=dialogue&field=land&status=open&hot_spot=1&q=duong&from=2025-01-01&to=2025-12-31&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/opinions?hot_spot=3', { expect: 400 });
		await call(anon, 'GET', '/opinions', { expect: 401 });
		await call(apiV, 'GET', `/opinions/${oid}`, { expect: 200 });
		await call(apiB, 'GET', `/opinions/${oid}`, { expect: 404 });
		await call(anon, 'GET', `/opinions/${oid}`, { expect: 401 });
		const pid = p2.body.opinion.id;
		await call(admin, 'PATCH', `/opinions/${pid}`, { body: { channel: 'media', hot_spot: false, raised_by: '' }, expect: 200 });
		await call(admin, 'PATCH', `/opinions/${pid}`, { body: { org_id: org }, expect: 400 });
		await call(apiV, 'PATCH', `/opinions/${pid}`, { body: { content: 'X' }, expect: 403 });
		await call(apiB, 'PATCH', `/opinions/${pid}`, { body: { content: 'X' }, expect: 404 });
		await call(admin, 'PATCH', `/opinions/${pid}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/opinions/${pid}`, { raw: big('content'), expect: 413 });
		await call(anon, 'PATCH', `/opinions/${pid}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		await call(admin, 'POST', `/opinions/${oid}/respond`, { body: { status: 'forwarded', forwarded_to: 'UBND tỉnh', due_day: '2025-04-10', day: '2025-03-11' }, expect: 200 });
		await call(admin, 'GET', '/opinions?status=forwarded&overdue=1', { expect: 200 });
		await call(admin, 'POST', `/opinions/${oid}/respond`, { body: { status: 'closed', day: '2025-04-01' }, expect: 400 });
		await call(admin, 'POST', `/opinions/${oid}/respond`, { body: { status: 'closed', answer: 'Đã giải quyết', day: '2025-04-01' }, expect: 200 });
		await call(admin, 'POST', `/opinions/${oid}/respond`, { body: { status: 'answered', answer: 'Lại', day: '2025-04-02' }, expect: 409 });
		await call(apiV, 'POST', `/opinions/${pid}/respond`, { body: { status: 'studying', day: '2025-04-02' }, expect: 403 });
		await call(apiB, 'POST', `/opinions/${pid}/respond`, { body: { status: 'studying', day: '2025-04-02' }, expect: 404 });
		await call(admin, 'POST', `/opinions/${pid}/respond`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', `/opinions/${pid}/respond`, { raw: big('answer'), expect: 413 });
		await call(anon, 'POST', `/opinions/${pid}/respond`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		const rq = { org_id: org, host_title: 'Bí thư Đảng ủy', year: 2025, required: 2 };
		await call(admin, 'POST', '/dialogue-requirements', { body: rq, expect: 201 });
		await call(admin, 'POST', '/dialogue-requirements', { body: { ...rq, required: 4 }, expect: 200 });
		await call(admin, 'POST', '/dialogue-requirements', { body: { ...rq, host_title: '' }, expect: 400 });
		await call(apiV, 'POST', '/dialogue-requirements', { body: rq, expect: 403 });
		await call(admin, 'POST', '/dialogue-requirements', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/dialogue-requirements', { raw: big('host_title'), expect: 413 });
		await call(anon, 'POST', '/dialogue-requirements', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'GET', '/dialogue-requirements', { expect: 200 });
		await call(apiV, 'GET', `/dialogue-requirements?structure=2025&unit=${A.code}&org=${org}&year=2025&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/dialogue-requirements?year=20250', { expect: 400 });
		await call(anon, 'GET', '/dialogue-requirements', { expect: 401 });
		const c = await call(apiV, 'GET', `/dialogue-requirements/compliance?structure=2025&unit=${A.code}&org=${org}&year=2025`, { expect: 200 });
		assert.equal(c.body.items[0].rate, 25);
		await call(admin, 'GET', '/dialogue-requirements/compliance', { expect: 200 });
		await call(admin, 'GET', '/dialogue-requirements/compliance?year=x', { expect: 400 });
		await call(anon, 'GET', '/dialogue-requirements/compliance', { expect: 401 });

		await call(apiV, 'GET', `/stats/dialogues?structure=2025&unit=${A.code}&period=2025-Q1&cutoff=15`, { expect: 200 });
		await call(admin, 'GET', '/stats/dialogues?period=2025', { expect: 200 });
		await call(admin, 'GET', '/stats/dialogues?period=2025-Q9', { expect: 400 });
		await call(apiB, 'GET', `/stats/dialogues?unit=${A.code}&period=2025`, { expect: 403 });
		await call(anon, 'GET', '/stats/dialogues?period=2025', { expect: 401 });
		await call(admin, 'GET', '/audit?entity=dialogue&limit=5', { expect: 200 });
	});

	it('"Dân vận khéo" models and breakthrough tasks', async () => {
		const o = await call(admin, 'POST', '/organizations', { body: { name: 'Ban Dân vận xã A (DVK)', type: 'mass_mobilization_board', unit: refA }, expect: 201 });
		const oB = await call(admin, 'POST', '/organizations', { body: { name: 'Ban Dân vận xã B (DVK)', type: 'mass_mobilization_board', unit: refB }, expect: 201 });
		const org = o.body.organization.id;
		await call(admin, 'POST', '/users', { body: { username: 'oa.dvk.viewer', full_name: 'Xem Dân vận khéo', password: 'viewer-dvk-pass', role: 'viewer', unit: refA }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.dvk.officer.b', full_name: 'Cán bộ xã B', password: 'officer-dvkb-pass', role: 'officer', unit: refB }, expect: 201 });
		const apiV = client(srv.url, await login(srv.url, 'oa.dvk.viewer', 'viewer-dvk-pass'));
		const apiB = client(srv.url, await login(srv.url, 'oa.dvk.officer.b', 'officer-dvkb-pass'));

		await call(admin, 'GET', '/dvk-fields', { expect: 200 });
		await call(anon, 'GET', '/dvk-fields', { expect: 401 });
		const body = { org_id: org, name: 'Dân vận khéo trong giải phóng mặt bằng', field: 'economy', kind: 'collective', year: 2025, results: 'Bàn giao 12 ha', evidence: 'Biên bản' };
		const m = await call(admin, 'POST', '/dvk-models', { body, expect: 201 });
		const id = m.body.model.id;
		await call(admin, 'POST', '/dvk-models', { body: { org_id: org, name: 'Nhân rộng', field: 'new_rural', kind: 'individual', year: 2025, status: 'implementing', replicated_from: id }, expect: 201 });
		await call(admin, 'POST', '/dvk-models', { body: { ...body, outstanding: true }, expect: 409 });
		await call(admin, 'POST', '/dvk-models', { body: { ...body, field: 'weather' }, expect: 400 });
		await call(apiV, 'POST', '/dvk-models', { body, expect: 403 });
		await call(admin, 'POST', '/dvk-models', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/dvk-models', { raw: JSON.stringify({ name: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', '/dvk-models', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'GET', '/dvk-models', { expect: 200 });
		await call(apiV, 'GET', `/dvk-models?structure=2025&unit=${A.code}&org=${org}&field=economy&kind=collective&status=registered&year=2025&q=dan%20van&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/dvk-models?year=1999', { expect: 400 });
		await call(anon, 'GET', '/dvk-models', { expect: 401 });
		await call(admin, 'GET', `/dvk-models/${id}`, { expect: 200 });
		await call(apiB, 'GET', `/dvk-models/${id}`, { expect: 404 });
		await call(admin, 'GET', '/dvk-models/x', { expect: undefined });
		await call(anon, 'GET', `/dvk-models/${id}`, { expect: 401 });
		await call(admin, 'PATCH', `/dvk-models/${id}`, { body: { status: 'recognised', outstanding: true, results: '' }, expect: 200 });
		await call(admin, 'PATCH', `/dvk-models/${id}`, { body: { status: 'evaluated' }, expect: 409 });
		await call(admin, 'PATCH', `/dvk-models/${id}`, { body: { org_id: org }, expect: 400 });
		await call(apiV, 'PATCH', `/dvk-models/${id}`, { body: { name: 'X' }, expect: 403 });
		await call(apiB, 'PATCH', `/dvk-models/${id}`, { body: { name: 'X' }, expect: 404 });
		await call(admin, 'PATCH', `/dvk-models/${id}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/dvk-models/${id}`, { raw: JSON.stringify({ name: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', `/dvk-models/${id}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		let tid = 0;
		for (let i = 1; i <= 5; i++) {
			const t = await call(admin, 'POST', '/breakthrough-tasks', { body: { org_id: org, year: 2025, title: `Nhiệm vụ đột phá ${i}` }, expect: 201 });
			tid = t.body.task.id;
		}
		await call(admin, 'POST', '/breakthrough-tasks', { body: { org_id: org, year: 2025, title: 'Thứ sáu' }, expect: 409 });
		await call(admin, 'POST', '/breakthrough-tasks', { body: { org_id: oB.body.organization.id, year: 2025, title: 'Xã B' }, expect: 201 });
		await call(admin, 'POST', '/breakthrough-tasks', { body: { org_id: org, year: 1999, title: 'X' }, expect: 400 });
		await call(apiV, 'POST', '/breakthrough-tasks', { body: { org_id: org, year: 2025, title: 'X' }, expect: 403 });
		await call(admin, 'POST', '/breakthrough-tasks', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/breakthrough-tasks', { raw: JSON.stringify({ title: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', '/breakthrough-tasks', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'GET', '/breakthrough-tasks', { expect: 200 });
		await call(apiV, 'GET', `/breakthrough-tasks?structure=2025&unit=${A.code}&org=${org}&year=2025&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/breakthrough-tasks?unit=99999', { expect: 400 });
		await call(anon, 'GET', '/breakthrough-tasks', { expect: 401 });
		await call(admin, 'PATCH', `/breakthrough-tasks/${tid}`, { body: { progress: 100, status: 'completed', evaluation: 'Hoàn thành', title: 'Nhiệm vụ 5' }, expect: 200 });
		await call(admin, 'PATCH', `/breakthrough-tasks/${tid}`, { body: { progress: 101 }, expect: 400 });
		await call(apiV, 'PATCH', `/breakthrough-tasks/${tid}`, { body: { progress: 5 }, expect: 403 });
		await call(apiB, 'PATCH', `/breakthrough-tasks/${tid}`, { body: { progress: 5 }, expect: 404 });
		await call(admin, 'PATCH', `/breakthrough-tasks/${tid}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/breakthrough-tasks/${tid}`, { raw: JSON.stringify({ evaluation: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', `/breakthrough-tasks/${tid}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'GET', '/breakthrough-tasks/summary', { expect: 200 });
		await call(apiV, 'GET', `/breakthrough-tasks/summary?year=2025&structure=2025&unit=${A.code}`, { expect: 200 });
		await call(apiV, 'GET', `/breakthrough-tasks/summary?structure=2025&unit=${B.code}`, { expect: 403 });
		await call(admin, 'GET', '/breakthrough-tasks/summary?year=20x5', { expect: 400 });
		await call(anon, 'GET', '/breakthrough-tasks/summary', { expect: 401 });

		await call(admin, 'GET', '/stats/dvk', { expect: 200 });
		await call(apiV, 'GET', `/stats/dvk?structure=2025&unit=${A.code}&year=2025`, { expect: 200 });
		await call(apiV, 'GET', `/stats/dvk?structure=2025&unit=${B.code}`, { expect: 403 });
		await call(admin, 'GET', '/stats/dvk?year=2101', { expect: 400 });
		await call(anon, 'GET', '/stats/dvk', { expect: 401 });
	});

	it('emulation', async () => {
		const o = await call(admin, 'POST', '/organizations', { body: { name: 'UBND xã A (thi đua)', type: 'people_committee', unit: refA }, expect: 201 });
		const org = o.body.organization.id;
		await call(admin, 'POST', '/users', { body: { username: 'oa.em.officer', full_name: 'Cán bộ thi đua xã A', password: 'officer-em-pass', role: 'officer', unit: refA }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.em.viewer', full_name: 'Xem thi đua', password: 'viewer-em-pass', role: 'viewer', unit: refA }, expect: 201 });
		const apiO = client(srv.url, await login(srv.url, 'oa.em.officer', 'officer-em-pass'));
		const apiV = client(srv.url, await login(srv.url, 'oa.em.viewer', 'viewer-em-pass'));

		const s = await call(admin, 'POST', '/emulation/sets', { body: { name: 'Tiêu chí dân vận chính quyền', year: 2025, min_total: 10, min_activity: 0, flag_min: 50, merit_count: 1 }, expect: 201 });
		const sid = s.body.set.id;
		await call(admin, 'POST', '/emulation/sets', { body: { name: 'X', year: 1990 }, expect: 400 });
		await call(apiV, 'POST', '/emulation/sets', { body: { name: 'X', year: 2025 }, expect: 403 });
		await call(admin, 'POST', '/emulation/sets', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(anon, 'POST', '/emulation/sets', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'GET', '/emulation/sets', { expect: 200 });
		await call(admin, 'GET', '/emulation/sets?limit=5&offset=0', { expect: 200 });
		await call(anon, 'GET', '/emulation/sets', { expect: 401 });
		await call(admin, 'POST', `/emulation/sets/${sid}/publish`, { expect: 409 });
		const c = await call(admin, 'POST', `/emulation/sets/${sid}/criteria`, { body: { group_name: 'I. Lãnh đạo', code: 'I.1', name: 'Kế hoạch', max_points: 60, kind: 'score', evidence_required: false, sort: 1 }, expect: 201 });
		await call(admin, 'POST', `/emulation/sets/${sid}/criteria`, { body: { group_name: 'II. Trừ điểm', code: 'II.1', name: 'Khiếu nại vượt cấp', max_points: 10, kind: 'deduction' }, expect: 201 });
		await call(admin, 'POST', `/emulation/sets/${sid}/criteria`, { body: { group_name: 'I', code: 'I.1', name: 'Trùng', max_points: 1, kind: 'score' }, expect: 409 });
		await call(admin, 'POST', `/emulation/sets/${sid}/criteria`, { body: { group_name: 'I', code: 'I.2', name: 'X', max_points: 0, kind: 'score' }, expect: 400 });
		await call(apiO, 'POST', `/emulation/sets/${sid}/criteria`, { body: { group_name: 'I', code: 'I.2', name: 'X', max_points: 1, kind: 'score' }, expect: 403 });
		await call(admin, 'POST', '/emulation/sets/999999/criteria', { body: { group_name: 'I', code: 'I.2', name: 'X', max_points: 1, kind: 'score' }, expect: 404 });
		await call(admin, 'GET', `/emulation/sets/${sid}`, { expect: 200 });
		await call(admin, 'GET', '/emulation/sets/999999', { expect: 404 });
		const b = await call(admin, 'POST', '/emulation/blocs', { body: { name: 'Khối các xã', set_id: sid }, expect: 201 });
		const bid = b.body.bloc.id;
		await call(admin, 'POST', '/emulation/blocs', { body: { name: 'K', set_id: 999999 }, expect: 400 });
		await call(apiV, 'POST', '/emulation/blocs', { body: { name: 'K', set_id: sid }, expect: 403 });
		await call(admin, 'GET', '/emulation/blocs', { expect: 200 });
		await call(anon, 'GET', '/emulation/blocs', { expect: 401 });
		await call(admin, 'POST', `/emulation/blocs/${bid}/members`, { body: { org_id: org }, expect: 200 });
		await call(admin, 'POST', `/emulation/blocs/${bid}/members`, { body: { org_id: org }, expect: 409 });
		await call(admin, 'POST', '/emulation/blocs/999999/members', { body: { org_id: org }, expect: 404 });
		await call(apiO, 'PUT', '/emulation/scores', { body: { org_id: org, criterion_id: c.body.criterion.id, kind: 'self', points: 50 }, expect: 409 });
		await call(admin, 'POST', `/emulation/sets/${sid}/publish`, { expect: 200 });
		await call(admin, 'POST', `/emulation/sets/${sid}/publish`, { expect: 409 });
		await call(admin, 'POST', '/emulation/sets/999999/publish', { expect: 404 });
		await call(admin, 'POST', `/emulation/sets/${sid}/new-version`, { expect: 201 });
		await call(admin, 'POST', `/emulation/sets/${sid}/new-version`, { expect: 409 });
		await call(apiV, 'POST', `/emulation/sets/${sid}/new-version`, { expect: 403 });
		await call(admin, 'POST', '/emulation/sets/999999/new-version', { expect: 404 });
		await call(apiO, 'PUT', '/emulation/scores', { body: { org_id: org, criterion_id: c.body.criterion.id, kind: 'self', points: 55, note: 'Đã ban hành', evidence: 'Kế hoạch 01' }, expect: 200 });
		await call(apiO, 'PUT', '/emulation/scores', { body: { org_id: org, criterion_id: c.body.criterion.id, kind: 'appraisal', points: 50 }, expect: 403 });
		await call(admin, 'PUT', '/emulation/scores', { body: { org_id: org, criterion_id: c.body.criterion.id, kind: 'appraisal', points: 61 }, expect: 400 });
		await call(admin, 'PUT', '/emulation/scores', { body: { org_id: org, criterion_id: c.body.criterion.id, kind: 'appraisal', points: 52, note: 'Thẩm định' }, expect: 200 });
		await call(apiV, 'PUT', '/emulation/scores', { body: { org_id: org, criterion_id: c.body.criterion.id, kind: 'self', points: 1 }, expect: 403 });
		await call(admin, 'PUT', '/emulation/scores', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(apiV, 'GET', `/emulation/blocs/${bid}/ranking`, { expect: 200 });
		await call(admin, 'GET', `/emulation/blocs/${bid}/ranking?format=json`, { expect: 200 });
		await call(admin, 'GET', `/emulation/blocs/${bid}/ranking?format=pdf`, { expect: 400 });
		await call(admin, 'GET', '/emulation/blocs/999999/ranking', { expect: 404 });
		await call(anon, 'GET', `/emulation/blocs/${bid}/ranking`, { expect: 401 });
		// The XLSX answer is a file, not JSON: checked here rather than through call().
		const x = await admin.get(`/emulation/blocs/${bid}/ranking?format=xlsx`);
		assert.equal(x.status, 200);
		assert.equal(x.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		assert.ok(findOperation('GET', `/emulation/blocs/${bid}/ranking`).op.responses['200'].content[x.headers.get('content-type')]);
	});

	it('directives, organisation changes and campaigns (issue 5)', async () => {
		const mk = async (name, type, unit) => (await call(admin, 'POST', '/organizations', { body: { name, type, unit }, expect: 201 })).body.organization.id;
		const front = await mk('Ủy ban MTTQ xã A (văn bản)', 'fatherland_front', refA);
		const frontB = await mk('Ủy ban MTTQ xã B (văn bản)', 'fatherland_front', refB);
		await call(admin, 'POST', '/users', { body: { username: 'oa.dir.viewer', full_name: 'Xem văn bản', password: 'viewer-dir-pass', role: 'viewer', unit: refA }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.dir.officer.b', full_name: 'Cán bộ xã B (văn bản)', password: 'officer-dirb-pass', role: 'officer', unit: refB }, expect: 201 });
		const apiV = client(srv.url, await login(srv.url, 'oa.dir.viewer', 'viewer-dir-pass'));
		const apiB = client(srv.url, await login(srv.url, 'oa.dir.officer.b', 'officer-dirb-pass'));

		await call(apiV, 'GET', '/directive-kinds', { expect: 200 });
		await call(anon, 'GET', '/directive-kinds', { expect: 401 });
		const body = { org_id: front, kind: 'resolution', number: '25-NQ/TW', issuer: 'Ban Chấp hành Trung ương', issued_day: '2013-06-03', abstract: 'Về tăng cường và đổi mới công tác dân vận', period_from: '2013-06-03', period_to: '2030-12-31' };
		const d = (await call(admin, 'POST', '/directives', { body, expect: 201 })).body.directive.id;
		await call(admin, 'POST', '/directives', { body: { ...body, kind: 'letter' }, expect: 400 });
		await call(apiV, 'POST', '/directives', { body, expect: 403 });
		await call(admin, 'POST', '/directives', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/directives', { raw: JSON.stringify({ abstract: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', '/directives', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(apiV, 'GET', `/directives?structure=2025&unit=${A.code}&kind=resolution&year=2013&q=tang%20cuong&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/directives?year=x', { expect: 400 });
		await call(anon, 'GET', '/directives', { expect: 401 });
		await call(apiV, 'GET', `/directives/${d}`, { expect: 200 });
		await call(apiB, 'GET', `/directives/${d}`, { expect: 404 });
		await call(admin, 'GET', '/directives/x', { expect: undefined });
		await call(anon, 'GET', `/directives/${d}`, { expect: 401 });
		await call(admin, 'PATCH', `/directives/${d}`, { body: { abstract: 'Về tăng cường công tác dân vận', period_to: '' }, expect: 200 });
		await call(admin, 'PATCH', `/directives/${d}`, { body: { org_id: front }, expect: 400 });
		await call(apiV, 'PATCH', `/directives/${d}`, { body: { number: 'X' }, expect: 403 });
		await call(apiB, 'PATCH', `/directives/${d}`, { body: { number: 'X' }, expect: 404 });
		await call(admin, 'PATCH', `/directives/${d}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/directives/${d}`, { raw: JSON.stringify({ abstract: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', `/directives/${d}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		const task = { content: 'Quán triệt đến cán bộ, hội viên', org_ids: [front], deadline: '2025-03-31' };
		const t = (await call(admin, 'POST', `/directives/${d}/tasks`, { body: task, expect: 201 })).body.task.id;
		await call(admin, 'POST', `/directives/${d}/tasks`, { body: { ...task, org_ids: [frontB, 999999] }, expect: 400 });
		await call(apiV, 'POST', `/directives/${d}/tasks`, { body: task, expect: 403 });
		await call(apiB, 'POST', `/directives/${d}/tasks`, { body: { ...task, org_ids: [frontB] }, expect: 404 });
		await call(admin, 'POST', `/directives/${d}/tasks`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', `/directives/${d}/tasks`, { raw: JSON.stringify({ content: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', `/directives/${d}/tasks`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'PATCH', `/directive-tasks/${t}`, { body: { percent: 60, notes: 'Đang triển khai' }, expect: 200 });
		await call(admin, 'PATCH', `/directive-tasks/${t}`, { body: { status: 'done', percent: 50 }, expect: 400 });
		await call(apiV, 'PATCH', `/directive-tasks/${t}`, { body: { percent: 5 }, expect: 403 });
		await call(apiB, 'PATCH', `/directive-tasks/${t}`, { body: { percent: 5 }, expect: 404 });
		await call(admin, 'PATCH', `/directive-tasks/${t}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/directive-tasks/${t}`, { raw: JSON.stringify({ notes: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', `/directive-tasks/${t}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(apiV, 'GET', `/directive-tasks/due?structure=2025&unit=${A.code}&org=${front}&days=30&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/directive-tasks/due', { expect: 200 });
		await call(admin, 'GET', '/directive-tasks/due?days=999', { expect: 400 });
		await call(anon, 'GET', '/directive-tasks/due', { expect: 401 });
		const review = { kind: 'interim', day: '2018-06-03', summary: 'Sơ kết 05 năm thực hiện' };
		await call(admin, 'POST', `/directives/${d}/reviews`, { body: review, expect: 201 });
		await call(admin, 'POST', `/directives/${d}/reviews`, { body: { ...review, kind: 'yearly' }, expect: 400 });
		await call(apiV, 'POST', `/directives/${d}/reviews`, { body: review, expect: 403 });
		await call(apiB, 'POST', `/directives/${d}/reviews`, { body: review, expect: 404 });
		await call(admin, 'POST', `/directives/${d}/reviews`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', `/directives/${d}/reviews`, { raw: JSON.stringify({ summary: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', `/directives/${d}/reviews`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		await call(apiV, 'GET', '/org-positions', { expect: 200 });
		await call(anon, 'GET', '/org-positions', { expect: 401 });
		const change = { org_id: front, position: 'chair', change_kind: 'elected', person_name: 'Hoàng Thị Lan', day: '2025-03-10', note: 'Đại hội' };
		const c = (await call(admin, 'POST', '/org-changes', { body: change, expect: 201 })).body.change.id;
		await call(admin, 'POST', '/org-changes', { body: { ...change, position: 'mayor' }, expect: 400 });
		await call(apiV, 'POST', '/org-changes', { body: change, expect: 403 });
		await call(admin, 'POST', '/org-changes', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/org-changes', { raw: JSON.stringify({ note: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', '/org-changes', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(apiV, 'GET', `/org-changes?structure=2025&unit=${A.code}&org=${front}&position=chair&change_kind=elected&org_type=fatherland_front&level=commune&from=2025-01-01&to=2025-12-31&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/org-changes?from=2025-02-30', { expect: 400 });
		await call(anon, 'GET', '/org-changes', { expect: 401 });
		await call(apiV, 'GET', `/org-changes/counts?period=2025&cutoff=0&structure=2025&unit=${A.code}&org_type=fatherland_front&level=commune`, { expect: 200 });
		await call(admin, 'GET', '/org-changes/counts?period=2025-Q1&org=1&position=chair&change_kind=elected', { expect: 200 });
		await call(admin, 'GET', '/org-changes/counts', { expect: 400 });
		await call(apiB, 'GET', `/org-changes/counts?period=2025&structure=2025&unit=${A.code}`, { expect: 403 });
		await call(anon, 'GET', '/org-changes/counts?period=2025', { expect: 401 });
		await call(apiV, 'DELETE', `/org-changes/${c}`, { expect: 403 });
		await call(apiB, 'DELETE', `/org-changes/${c}`, { expect: 404 });
		await call(anon, 'DELETE', `/org-changes/${c}`, { csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'DELETE', '/org-changes/x', { expect: undefined });
		await call(admin, 'DELETE', `/org-changes/${c}`, { expect: 200 });

		await call(apiV, 'GET', '/campaign-kinds', { expect: 200 });
		await call(anon, 'GET', '/campaign-kinds', { expect: 401 });
		const camp = { org_id: front, kind: 'houses_built', title: 'Xây nhà đại đoàn kết', unit: refA, place: 'Khu 3', day: '2025-06-10', end_day: '2025-07-10', target: 'poor_households', households: 2, money: 100000000, note: 'Quỹ Vì người nghèo' };
		const k = (await call(admin, 'POST', '/campaigns', { body: camp, expect: 201 })).body.campaign.id;
		await call(admin, 'POST', '/campaigns', { body: { ...camp, households: 0 }, expect: 400 });
		await call(apiV, 'POST', '/campaigns', { body: camp, expect: 403 });
		await call(admin, 'POST', '/campaigns', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/campaigns', { raw: JSON.stringify({ note: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', '/campaigns', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(apiV, 'GET', `/campaigns?structure=2025&unit=${A.code}&org=${front}&kind=houses_built&target=poor_households&from=2025-01-01&to=2025-12-31&q=nha&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/campaigns?to=x', { expect: 400 });
		await call(anon, 'GET', '/campaigns', { expect: 401 });
		await call(apiV, 'GET', `/campaigns/totals?period=2025&cutoff=0&structure=2025&unit=${A.code}&org=${front}&kind=houses_built&target=poor_households`, { expect: 200 });
		await call(admin, 'GET', '/campaigns/totals?period=2025-H1', { expect: 200 });
		await call(admin, 'GET', '/campaigns/totals?period=x', { expect: 400 });
		await call(apiB, 'GET', `/campaigns/totals?period=2025&structure=2025&unit=${A.code}`, { expect: 403 });
		await call(anon, 'GET', '/campaigns/totals?period=2025', { expect: 401 });
		await call(apiV, 'GET', `/campaigns/${k}`, { expect: 200 });
		await call(apiB, 'GET', `/campaigns/${k}`, { expect: 404 });
		await call(admin, 'GET', '/campaigns/x', { expect: undefined });
		await call(anon, 'GET', `/campaigns/${k}`, { expect: 401 });
		await call(apiV, 'DELETE', `/campaigns/${k}`, { expect: 403 });
		await call(apiB, 'DELETE', `/campaigns/${k}`, { expect: 404 });
		await call(anon, 'DELETE', `/campaigns/${k}`, { csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'DELETE', `/campaigns/${k}`, { expect: 200 });
	});

	it('MTTQ supervision and social criticism', async () => {
		const o = await call(admin, 'POST', '/organizations', { body: { name: 'Ủy ban MTTQ xã A (giám sát)', type: 'fatherland_front', unit: refA }, expect: 201 });
		const org = o.body.organization.id;
		await call(admin, 'POST', '/users', { body: { username: 'oa.gs.viewer', full_name: 'Xem giám sát', password: 'viewer-gs-pass', role: 'viewer', unit: refA }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.gs.officer.b', full_name: 'Cán bộ xã B', password: 'officer-gsb-pass', role: 'officer', unit: refB }, expect: 201 });
		const apiV = client(srv.url, await login(srv.url, 'oa.gs.viewer', 'viewer-gs-pass'));
		const apiB = client(srv.url, await login(srv.url, 'oa.gs.officer.b', 'officer-gsb-pass'));

		await call(admin, 'GET', '/supervision-vocabularies', { expect: 200 });
		await call(anon, 'GET', '/supervision-vocabularies', { expect: 401 });

		const sup = { org_id: org, title: 'Giám sát việc thăm hỏi, tặng quà Tết', topic: 'tet_gifts', form: 'delegation', from_day: '2025-01-10', to_day: '2025-01-25', status: 'in_progress', bodies: ['UBND xã A'], units: [A.code], findings: 'Đúng đối tượng', note: 'Ghi chú' };
		const s = await call(admin, 'POST', '/supervisions', { body: sup, expect: 201 });
		const sid = s.body.supervision.id;
		await call(admin, 'POST', '/supervisions', { body: { ...sup, units: [B.code] }, expect: 400 });
		await call(apiV, 'POST', '/supervisions', { body: sup, expect: 403 });
		await call(admin, 'POST', '/supervisions', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/supervisions', { raw: JSON.stringify({ title: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', '/supervisions', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'GET', '/supervisions', { expect: 200 });
		await call(apiV, 'GET', `/supervisions?structure=2025&unit=${A.code}&org=${org}&topic=tet_gifts&form=delegation&status=in_progress&from=2025-01-01&to=2025-12-31&q=tang%20qua&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/supervisions?status=x', { expect: 400 });
		await call(anon, 'GET', '/supervisions', { expect: 401 });
		await call(apiV, 'GET', `/supervisions/${sid}`, { expect: 200 });
		await call(apiB, 'GET', `/supervisions/${sid}`, { expect: 404 });
		await call(anon, 'GET', `/supervisions/${sid}`, { expect: 401 });
		await call(admin, 'PATCH', `/supervisions/${sid}`, { body: { status: 'done', units: [A.code], bodies: ['UBND xã A', 'Trường tiểu học'], title: 'Giám sát Tết' }, expect: 200 });
		await call(admin, 'PATCH', `/supervisions/${sid}`, { body: { status: 'planned' }, expect: 409 });
		await call(admin, 'PATCH', `/supervisions/${sid}`, { body: { form: 'phone' }, expect: 400 });
		await call(apiV, 'PATCH', `/supervisions/${sid}`, { body: { title: 'X' }, expect: 403 });
		await call(apiB, 'PATCH', `/supervisions/${sid}`, { body: { title: 'X' }, expect: 404 });
		await call(admin, 'PATCH', `/supervisions/${sid}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/supervisions/${sid}`, { raw: JSON.stringify({ note: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', `/supervisions/${sid}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		const r = await call(admin, 'POST', `/supervisions/${sid}/recommendations`, { body: { content: 'Công khai danh sách', addressee: 'UBND xã A', due_day: '2025-02-15' }, expect: 201 });
		const rid = r.body.recommendation.id;
		await call(admin, 'POST', `/supervisions/${sid}/recommendations`, { body: { content: 'X', addressee: 'Y', status: 'closed' }, expect: 409 });
		await call(admin, 'POST', `/supervisions/${sid}/recommendations`, { body: { content: 'X' }, expect: 400 });
		await call(apiV, 'POST', `/supervisions/${sid}/recommendations`, { body: { content: 'X', addressee: 'Y' }, expect: 403 });
		await call(apiB, 'POST', `/supervisions/${sid}/recommendations`, { body: { content: 'X', addressee: 'Y' }, expect: 404 });
		await call(admin, 'POST', `/supervisions/${sid}/recommendations`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', `/supervisions/${sid}/recommendations`, { raw: JSON.stringify({ content: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', `/supervisions/${sid}/recommendations`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'PATCH', `/supervision-recommendations/${rid}`, { body: { response: 'Đã công khai', response_day: '2025-02-10' }, expect: 200 });
		await call(admin, 'PATCH', `/supervision-recommendations/${rid}`, { body: { status: 'open' }, expect: 409 });
		await call(admin, 'PATCH', `/supervision-recommendations/${rid}`, { body: { due_day: '2025-02-30' }, expect: 400 });
		await call(apiV, 'PATCH', `/supervision-recommendations/${rid}`, { body: { status: 'closed' }, expect: 403 });
		await call(apiB, 'PATCH', `/supervision-recommendations/${rid}`, { body: { status: 'closed' }, expect: 404 });
		await call(admin, 'PATCH', `/supervision-recommendations/${rid}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/supervision-recommendations/${rid}`, { raw: JSON.stringify({ content: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', `/supervision-recommendations/${rid}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		const draft = { org_id: org, title: 'Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026', issuer: 'UBND xã A', level: 'commune', doc_type: 'plan', form: 'conference', received_day: '2025-10-02', due_day: '2025-10-12', note: 'Hội nghị phản biện' };
		const d = await call(admin, 'POST', '/criticism-drafts', { body: draft, expect: 201 });
		const did = d.body.draft.id;
		await call(admin, 'POST', '/criticism-drafts', { body: { ...draft, level: 'district' }, expect: 400 });
		await call(apiV, 'POST', '/criticism-drafts', { body: draft, expect: 403 });
		await call(admin, 'POST', '/criticism-drafts', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/criticism-drafts', { raw: JSON.stringify({ title: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', '/criticism-drafts', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'GET', '/criticism-drafts', { expect: 200 });
		await call(apiV, 'GET', `/criticism-drafts?structure=2025&unit=${A.code}&org=${org}&level=commune&doc_type=plan&from=2025-01-01&to=2025-12-31&q=ke%20hoach&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/criticism-drafts?level=village', { expect: 400 });
		await call(anon, 'GET', '/criticism-drafts', { expect: 401 });
		await call(apiV, 'GET', `/criticism-drafts/${did}`, { expect: 200 });
		await call(apiB, 'GET', `/criticism-drafts/${did}`, { expect: 404 });
		await call(anon, 'GET', `/criticism-drafts/${did}`, { expect: 401 });
		await call(admin, 'PATCH', `/criticism-drafts/${did}`, { body: { doc_type: 'project', form: 'written' }, expect: 200 });
		await call(admin, 'PATCH', `/criticism-drafts/${did}`, { body: { due_day: '2025-09-01' }, expect: 400 });
		await call(apiV, 'PATCH', `/criticism-drafts/${did}`, { body: { title: 'X' }, expect: 403 });
		await call(apiB, 'PATCH', `/criticism-drafts/${did}`, { body: { title: 'X' }, expect: 404 });
		await call(admin, 'PATCH', `/criticism-drafts/${did}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/criticism-drafts/${did}`, { raw: JSON.stringify({ note: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', `/criticism-drafts/${did}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		const c = await call(admin, 'POST', `/criticism-drafts/${did}/comments`, { body: { content: 'Bổ sung chỉ tiêu', result: 'not_accepted', reason: 'Đã có trong kế hoạch khác' }, expect: 201 });
		const cid = c.body.comment.id;
		await call(admin, 'POST', `/criticism-drafts/${did}/comments`, { body: { content: 'Ý kiến', result: 'not_accepted' }, expect: 400 });
		await call(apiV, 'POST', `/criticism-drafts/${did}/comments`, { body: { content: 'X' }, expect: 403 });
		await call(apiB, 'POST', `/criticism-drafts/${did}/comments`, { body: { content: 'X' }, expect: 404 });
		await call(admin, 'POST', `/criticism-drafts/${did}/comments`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', `/criticism-drafts/${did}/comments`, { raw: JSON.stringify({ content: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', `/criticism-drafts/${did}/comments`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'PATCH', `/criticism-comments/${cid}`, { body: { result: 'partly', content: 'Bổ sung chỉ tiêu thu nhập' }, expect: 200 });
		await call(admin, 'PATCH', `/criticism-comments/${cid}`, { body: { result: 'not_accepted', reason: '' }, expect: 400 });
		await call(apiV, 'PATCH', `/criticism-comments/${cid}`, { body: { result: 'accepted' }, expect: 403 });
		await call(apiB, 'PATCH', `/criticism-comments/${cid}`, { body: { result: 'accepted' }, expect: 404 });
		await call(admin, 'PATCH', `/criticism-comments/${cid}`, { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'PATCH', `/criticism-comments/${cid}`, { raw: JSON.stringify({ reason: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'PATCH', `/criticism-comments/${cid}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });

		await call(admin, 'POST', '/opinions', { body: { org_id: org, channel: 'party_building', day: '2025-06-10', content: 'Góp ý xây dựng Đảng', field: 'party' }, expect: 201 });
		await call(apiV, 'GET', '/opinions?channel=party_building', { expect: 200 });
		await call(apiV, 'GET', `/stats/supervision?structure=2025&unit=${A.code}&period=2025&cutoff=0&topic=tet_gifts`, { expect: 200 });
		await call(admin, 'GET', '/stats/supervision?period=2025-Q1', { expect: 200 });
		await call(admin, 'GET', '/stats/supervision?period=2025-Q9', { expect: 400 });
		await call(apiB, 'GET', `/stats/supervision?unit=${A.code}&period=2025`, { expect: 403 });
		await call(anon, 'GET', '/stats/supervision?period=2025', { expect: 401 });
		await call(admin, 'GET', '/audit?entity=criticism_comment&limit=5', { expect: 200 });
	});

	it('indicators and roll-up (issue 6)', async () => {
		await call(admin, 'POST', '/users', { body: { username: 'oa.ind.officer', full_name: 'Cán bộ chỉ tiêu', password: 'officer-ind-pass', role: 'officer', unit: refA }, expect: 201 });
		const apiO = client(srv.url, await login(srv.url, 'oa.ind.officer', 'officer-ind-pass'));
		await call(apiO, 'GET', '/indicators', { expect: 200 });
		await call(admin, 'GET', '/indicators?all=1', { expect: 200 });
		await call(anon, 'GET', '/indicators', { expect: 401 });
		await call(admin, 'GET', '/indicators?all=2', { expect: 400 });
		const ind = { code: 'oa_km', name: 'Km đường', measure: 'km', rollup: 'sum', source: 'entered', decimals: 1, section: 'Khác' };
		await call(admin, 'POST', '/indicators', { body: ind, expect: 201 });
		await call(admin, 'POST', '/indicators', { body: ind, expect: 409 });
		await call(admin, 'POST', '/indicators', { body: { ...ind, code: 'oa_x', rollup: 'x' }, expect: 400 });
		await call(apiO, 'POST', '/indicators', { body: { ...ind, code: 'oa_y' }, expect: 403 });
		await call(anon, 'POST', '/indicators', { body: ind, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'PATCH', '/indicators/oa_km', { body: { target: 12.5 }, expect: 200 });
		await call(admin, 'PATCH', '/indicators/nope', { body: { target: 1 }, expect: 404 });
		await call(admin, 'PATCH', '/indicators/oa_km', { body: { decimals: 9 }, expect: 400 });
		await call(apiO, 'PATCH', '/indicators/oa_km', { body: { target: 1 }, expect: 403 });
		await call(anon, 'PATCH', '/indicators/oa_km', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		const v = await call(apiO, 'PUT', '/indicator-values', { body: { indicator: 'oa_km', unit: refA, period: '2025', value: 2.5, source: 'UBND xã', note: 'ước tính' }, expect: 200 });
		await call(admin, 'PUT', '/indicator-values', { body: { indicator: 'gift_visits', unit: refA, period: '2025-H1', value: 120, source: 'UBND xã' }, expect: 200 });
		await call(apiO, 'PUT', '/indicator-values', { body: { indicator: 'oa_km', unit: refA, period: '2025', value: 2.55, source: 'x' }, expect: 400 });
		await call(apiO, 'PUT', '/indicator-values', { body: { indicator: 'oa_km', unit: { structure: 2025, code: '01' }, period: '2025', value: 1, source: 'x' }, expect: 403 });
		await call(anon, 'PUT', '/indicator-values', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(apiO, 'GET', '/indicator-values', { expect: 200 });
		await call(admin, 'GET', `/indicator-values?indicator=oa_km&structure=2025&unit=${refA.code}&period=2025&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/indicator-values?unit=99999', { expect: 400 });
		await call(anon, 'GET', '/indicator-values', { expect: 401 });
		await call(apiO, 'GET', `/stats/indicators?structure=2025&unit=${refA.code}&period=2025&compare=1`, { expect: 200 });
		await call(admin, 'GET', `/stats/indicators?unit=${refA.code}&period=2025-H1&codes=gift_visits,oa_km,reception_visits&cutoff_day=0`, { expect: 200 });
		await call(apiO, 'GET', `/stats/indicators?unit=${refA.code}`, { expect: 400 });
		await call(apiO, 'GET', '/stats/indicators?unit=01&period=2025', { expect: 403 });
		await call(anon, 'GET', '/stats/indicators?unit=01&period=2025', { expect: 401 });
		await call(apiO, 'DELETE', `/indicator-values/${v.body.value.id}`, { expect: 200 });
		await call(apiO, 'DELETE', `/indicator-values/${v.body.value.id}`, { expect: 404 });
		await call(anon, 'DELETE', '/indicator-values/1', { csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'DELETE', '/indicator-values/1', { csrf: 'wrong', expect: 403 });
	});

	it('grassroots democracy (issue 5)', async () => {
		const o = await call(admin, 'POST', '/organizations', { body: { name: 'UBND xã A (dân chủ)', type: 'people_committee', unit: refA }, expect: 201 });
		const org = o.body.organization.id;
		const op = await call(admin, 'POST', '/organizations', { body: { name: 'UBND tỉnh (dân chủ)', type: 'people_committee', unit: { structure: 2025, code: '25' } }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.dc.viewer', full_name: 'Xem dân chủ', password: 'viewer-dc-pass', role: 'viewer', unit: refA }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.dc.officer.b', full_name: 'Cán bộ xã B', password: 'officer-dcb-pass', role: 'officer', unit: refB }, expect: 201 });
		const apiV = client(srv.url, await login(srv.url, 'oa.dc.viewer', 'viewer-dc-pass'));
		const apiB = client(srv.url, await login(srv.url, 'oa.dc.officer.b', 'officer-dcb-pass'));
		const bad = async (method, p) => {
			await call(admin, method, p, { raw: 'x', contentType: 'text/plain', expect: 415 });
			await call(admin, method, p, { raw: JSON.stringify({ note: 'x'.repeat(70000) }), expect: 413 });
			await call(anon, method, p, { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		};

		await call(apiV, 'GET', '/democracy/vocabularies', { expect: 200 });
		await call(anon, 'GET', '/democracy/vocabularies', { expect: 401 });
		await call(apiV, 'GET', '/democracy/vote-rules', { expect: 200 });
		await call(anon, 'GET', '/democracy/vote-rules', { expect: 401 });
		await call(admin, 'PATCH', '/democracy/vote-rules/other', { body: { num: 2, den: 3, strict: false, basis: 'total' }, expect: 200 });
		await call(admin, 'PATCH', '/democracy/vote-rules/other', { body: { num: 1, den: 2, strict: true }, expect: 200 });
		await call(admin, 'PATCH', '/democracy/vote-rules/other', { body: { basis: 'x' }, expect: 400 });
		await call(admin, 'PATCH', '/democracy/vote-rules/comment', { body: { num: 1 }, expect: 404 });
		await call(apiV, 'PATCH', '/democracy/vote-rules/other', { body: { num: 1 }, expect: 403 });
		await bad('PATCH', '/democracy/vote-rules/other');
		await call(apiV, 'GET', '/democracy/board-rules', { expect: 200 });
		await call(anon, 'GET', '/democracy/board-rules', { expect: 401 });
		await call(admin, 'PATCH', '/democracy/board-rules/R-DC-50', { body: { value: 5 }, expect: 200 });
		await call(admin, 'PATCH', '/democracy/board-rules/R-DC-54', { body: { value: 3, value2: 9 }, expect: 200 });
		await call(admin, 'PATCH', '/democracy/board-rules/R-DC-50', { body: { value2: 1 }, expect: 400 });
		await call(admin, 'PATCH', '/democracy/board-rules/R-DC-00', { body: { value: 1 }, expect: 404 });
		await call(apiV, 'PATCH', '/democracy/board-rules/R-DC-50', { body: { value: 1 }, expect: 403 });
		await bad('PATCH', '/democracy/board-rules/R-DC-50');
		await call(apiV, 'GET', '/democracy/period-rules', { expect: 200 });
		await call(anon, 'GET', '/democracy/period-rules', { expect: 401 });
		await call(admin, 'PATCH', '/democracy/period-rules/R-DC-21', { body: { months: 3 }, expect: 200 });
		await call(admin, 'PATCH', '/democracy/period-rules/R-DC-21', { body: { months: 0 }, expect: 400 });
		await call(admin, 'PATCH', '/democracy/period-rules/R-DC-00', { body: { months: 3 }, expect: 404 });
		await call(apiV, 'PATCH', '/democracy/period-rules/R-DC-21', { body: { months: 3 }, expect: 403 });
		await bad('PATCH', '/democracy/period-rules/R-DC-21');

		const v = await call(admin, 'POST', '/democracy/villages', { body: { unit: refA, name: 'Thôn Một', kind: 'village', households: 200 }, expect: 201 });
		const vid = v.body.village.id;
		await call(admin, 'POST', '/democracy/villages', { body: { unit: refA, name: 'Thôn Một', kind: 'village', households: 1 }, expect: 409 });
		await call(admin, 'POST', '/democracy/villages', { body: { unit: refA, name: 'X', kind: 'x', households: 1 }, expect: 400 });
		await call(apiV, 'POST', '/democracy/villages', { body: { unit: refA, name: 'X', kind: 'village', households: 1 }, expect: 403 });
		await bad('POST', '/democracy/villages');
		await call(apiV, 'GET', `/democracy/villages?structure=2025&unit=${A.code}&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/democracy/villages?structure=1999', { expect: 400 });
		await call(anon, 'GET', '/democracy/villages', { expect: 401 });
		await call(admin, 'PATCH', `/democracy/villages/${vid}`, { body: { households: 210, name: 'Thôn Một', kind: 'village' }, expect: 200 });
		await call(admin, 'PATCH', `/democracy/villages/${vid}`, { body: { households: -1 }, expect: 400 });
		await call(apiB, 'PATCH', `/democracy/villages/${vid}`, { body: { households: 1 }, expect: 404 });
		await call(apiV, 'PATCH', `/democracy/villages/${vid}`, { body: { households: 1 }, expect: 403 });
		await call(admin, 'POST', '/democracy/villages', { body: { unit: refA, name: 'Thôn Hai', kind: 'village', households: 100 }, expect: 201 });
		await call(admin, 'PATCH', `/democracy/villages/${vid}`, { body: { name: 'Thôn Hai' }, expect: 409 });
		await bad('PATCH', `/democracy/villages/${vid}`);

		const disc = { org_id: org, group: 'g01', title: 'Kế hoạch năm 2025', channels: ['posting', 'portal'], decision_day: '2025-03-03', from_day: '2025-03-10', duration_days: 30, document: '12/KH-UBND', note: 'Ghi chú' };
		const d = await call(admin, 'POST', '/democracy/disclosures', { body: disc, expect: 201 });
		const did = d.body.disclosure.id;
		await call(admin, 'POST', '/democracy/disclosures', { body: { ...disc, channels: [] }, expect: 400 });
		await call(admin, 'POST', '/democracy/disclosures', { body: { ...disc, org_id: op.body.organization.id }, expect: 400 });
		await call(apiV, 'POST', '/democracy/disclosures', { body: disc, expect: 403 });
		await bad('POST', '/democracy/disclosures');
		await call(apiV, 'GET', `/democracy/disclosures?structure=2025&unit=${A.code}&org=${org}&group=g01&from=2025-01-01&to=2025-12-31&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/democracy/disclosures?from=x', { expect: 400 });
		await call(anon, 'GET', '/democracy/disclosures', { expect: 401 });
		await call(apiV, 'GET', `/democracy/disclosures/${did}`, { expect: 200 });
		await call(apiB, 'GET', `/democracy/disclosures/${did}`, { expect: 404 });
		await call(anon, 'GET', `/democracy/disclosures/${did}`, { expect: 401 });
		await call(admin, 'PATCH', `/democracy/disclosures/${did}`, { body: { title: 'Kế hoạch phát triển năm 2025', channels: ['loudspeaker'], until_day: '2025-12-31' }, expect: 200 });
		await call(admin, 'PATCH', `/democracy/disclosures/${did}`, { body: { group: 'g99' }, expect: 400 });
		await call(apiV, 'PATCH', `/democracy/disclosures/${did}`, { body: { title: 'X' }, expect: 403 });
		await call(apiB, 'PATCH', `/democracy/disclosures/${did}`, { body: { title: 'X' }, expect: 404 });
		await bad('PATCH', `/democracy/disclosures/${did}`);
		await call(apiV, 'GET', `/democracy/disclosures/compliance?structure=2025&unit=${A.code}&year=2025`, { expect: 200 });
		await call(admin, 'GET', '/democracy/disclosures/compliance?structure=2025&unit=25&year=2025', { expect: 400 });
		await call(apiB, 'GET', `/democracy/disclosures/compliance?structure=2025&unit=${A.code}&year=2025`, { expect: 403 });
		await call(anon, 'GET', `/democracy/disclosures/compliance?unit=${A.code}&year=2025`, { expect: 401 });

		const vote = { org_id: org, village_id: vid, matter: 'convention', form: 'meeting', subject: 'Hương ước thôn Một', day: '2025-05-10', total_households: 200, present: 150, yes: 120, no: 20, abstain: 10, note: 'Biên bản số 1' };
		const vt = await call(admin, 'POST', '/democracy/votes', { body: vote, expect: 201 });
		const vtid = vt.body.vote.id;
		await call(admin, 'POST', '/democracy/votes', { body: { ...vote, matter: 'comment', yes: 0, no: 0, abstain: 0 }, expect: 201 });
		await call(admin, 'POST', '/democracy/votes', { body: { ...vote, yes: 200 }, expect: 400 });
		await call(apiV, 'POST', '/democracy/votes', { body: vote, expect: 403 });
		await bad('POST', '/democracy/votes');
		await call(apiV, 'GET', `/democracy/votes?structure=2025&unit=${A.code}&org=${org}&village=${vid}&matter=convention&from=2025-01-01&to=2025-12-31&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/democracy/votes?village=x', { expect: 400 });
		await call(anon, 'GET', '/democracy/votes', { expect: 401 });
		await call(apiV, 'GET', `/democracy/votes/${vtid}`, { expect: 200 });
		await call(apiB, 'GET', `/democracy/votes/${vtid}`, { expect: 404 });
		await call(anon, 'GET', `/democracy/votes/${vtid}`, { expect: 401 });
		await call(admin, 'PATCH', `/democracy/votes/${vtid}`, { body: { yes: 100, no: 40 }, expect: 200 });
		await call(admin, 'PATCH', `/democracy/votes/${vtid}`, { body: { present: 10 }, expect: 400 });
		await call(apiV, 'PATCH', `/democracy/votes/${vtid}`, { body: { yes: 1 }, expect: 403 });
		await call(apiB, 'PATCH', `/democracy/votes/${vtid}`, { body: { yes: 1 }, expect: 404 });
		await bad('PATCH', `/democracy/votes/${vtid}`);

		const bx = await call(admin, 'POST', '/democracy/boxes', { body: { org_id: org, place: 'Trụ sở UBND xã', installed_day: '2024-01-01', note: 'Hòm thư 217, 218' }, expect: 201 });
		const bxid = bx.body.box.id;
		await call(admin, 'POST', '/democracy/boxes', { body: { org_id: org, place: '' }, expect: 400 });
		await call(apiV, 'POST', '/democracy/boxes', { body: { org_id: org, place: 'X' }, expect: 403 });
		await bad('POST', '/democracy/boxes');
		await call(apiV, 'GET', `/democracy/boxes?structure=2025&unit=${A.code}&org=${org}&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/democracy/boxes?limit=0', { expect: 400 });
		await call(anon, 'GET', '/democracy/boxes', { expect: 401 });
		await call(admin, 'POST', `/democracy/boxes/${bxid}/openings`, { body: { day: '2025-03-31', opened_by: 'MTTQ xã', letters: 2, summary: 'Phản ánh đường hỏng', follow_up: 'Chuyển UBND' }, expect: 201 });
		await call(admin, 'POST', `/democracy/boxes/${bxid}/openings`, { body: { day: '2025-03-31', opened_by: 'MTTQ xã' }, expect: 400 });
		await call(apiV, 'POST', `/democracy/boxes/${bxid}/openings`, { body: { day: '2025-03-31', opened_by: 'X', letters: 0 }, expect: 403 });
		await call(apiB, 'POST', `/democracy/boxes/${bxid}/openings`, { body: { day: '2025-03-31', opened_by: 'X', letters: 0 }, expect: 404 });
		await bad('POST', `/democracy/boxes/${bxid}/openings`);
		await call(apiV, 'GET', `/democracy/boxes/${bxid}`, { expect: 200 });
		await call(apiB, 'GET', `/democracy/boxes/${bxid}`, { expect: 404 });
		await call(anon, 'GET', `/democracy/boxes/${bxid}`, { expect: 401 });

		const board = { org_id: org, kind: 'gsdtccd', name: 'Ban GSĐTCCĐ đường thôn', project_name: 'Đường thôn Một', term_start: '2025-03-01', term_end: '2025-12-31', note: 'Ghi chú' };
		const bd = await call(admin, 'POST', '/democracy/boards', { body: board, expect: 201 });
		const bdid = bd.body.board.id;
		await call(admin, 'POST', '/democracy/boards', { body: { ...board, project_name: undefined }, expect: 400 });
		await call(apiV, 'POST', '/democracy/boards', { body: board, expect: 403 });
		await bad('POST', '/democracy/boards');
		await call(apiV, 'GET', `/democracy/boards?structure=2025&unit=${A.code}&org=${org}&kind=gsdtccd&limit=5&offset=0`, { expect: 200 });
		await call(admin, 'GET', '/democracy/boards?offset=-1', { expect: 400 });
		await call(anon, 'GET', '/democracy/boards', { expect: 401 });
		await call(admin, 'PATCH', `/democracy/boards/${bdid}`, { body: { dissolved_day: '2025-12-20', name: 'Ban GSĐTCCĐ' }, expect: 200 });
		await call(admin, 'PATCH', `/democracy/boards/${bdid}`, { body: { kind: 'ttnd_commune' }, expect: 400 });
		await call(apiV, 'PATCH', `/democracy/boards/${bdid}`, { body: { name: 'X' }, expect: 403 });
		await call(apiB, 'PATCH', `/democracy/boards/${bdid}`, { body: { name: 'X' }, expect: 404 });
		await bad('PATCH', `/democracy/boards/${bdid}`);
		const m = await call(admin, 'POST', `/democracy/boards/${bdid}/members`, { body: { name: 'Nguyễn Văn A', role: 'head', village_id: vid, elected_day: '2025-03-01' }, expect: 201 });
		const mid = m.body.member.id;
		await call(admin, 'POST', `/democracy/boards/${bdid}/members`, { body: { name: 'Trần Văn B', role: 'head' }, expect: 409 });
		await call(admin, 'POST', `/democracy/boards/${bdid}/members`, { body: { name: '' }, expect: 400 });
		await call(apiV, 'POST', `/democracy/boards/${bdid}/members`, { body: { name: 'X' }, expect: 403 });
		await call(apiB, 'POST', `/democracy/boards/${bdid}/members`, { body: { name: 'X' }, expect: 404 });
		await bad('POST', `/democracy/boards/${bdid}/members`);
		await call(admin, 'PATCH', `/democracy/board-members/${mid}`, { body: { left_day: '2025-09-01' }, expect: 200 });
		await call(admin, 'PATCH', `/democracy/board-members/${mid}`, { body: { role: 'boss' }, expect: 400 });
		await call(apiV, 'PATCH', `/democracy/board-members/${mid}`, { body: { name: 'X' }, expect: 403 });
		await call(apiB, 'PATCH', `/democracy/board-members/${mid}`, { body: { name: 'X' }, expect: 404 });
		await call(admin, 'POST', `/democracy/boards/${bdid}/members`, { body: { name: 'Trần Văn B', role: 'head' }, expect: 201 });
		await call(admin, 'PATCH', `/democracy/board-members/${mid}`, { body: { left_day: '' }, expect: 409 });
		await bad('PATCH', `/democracy/board-members/${mid}`);
		await call(admin, 'POST', `/democracy/boards/${bdid}/activities`, { body: { day: '2025-06-01', content: 'Giám sát thi công', recommendation: 'Bảo đảm chất lượng' }, expect: 201 });
		await call(admin, 'POST', `/democracy/boards/${bdid}/activities`, { body: { day: '2025-06-01' }, expect: 400 });
		await call(apiV, 'POST', `/democracy/boards/${bdid}/activities`, { body: { day: '2025-06-01', content: 'X' }, expect: 403 });
		await call(apiB, 'POST', `/democracy/boards/${bdid}/activities`, { body: { day: '2025-06-01', content: 'X' }, expect: 404 });
		await bad('POST', `/democracy/boards/${bdid}/activities`);
		await call(apiV, 'GET', `/democracy/boards/${bdid}`, { expect: 200 });
		await call(apiB, 'GET', `/democracy/boards/${bdid}`, { expect: 404 });
		await call(anon, 'GET', `/democracy/boards/${bdid}`, { expect: 401 });

		await call(apiV, 'GET', `/stats/democracy?structure=2025&unit=${A.code}&period=2025&cutoff=0`, { expect: 200 });
		await call(admin, 'GET', '/stats/democracy?period=2025-Q2', { expect: 200 });
		await call(admin, 'GET', '/stats/democracy?period=2025-Q9', { expect: 400 });
		await call(apiB, 'GET', `/stats/democracy?unit=${A.code}&period=2025`, { expect: 403 });
		await call(anon, 'GET', '/stats/democracy?period=2025', { expect: 401 });
		await call(admin, 'GET', '/audit?entity=dc_vote&limit=5', { expect: 200 });
	});

	it('report templates and reports (issue 6)', async () => {
		await call(admin, 'POST', '/users', { body: { username: 'oa.rp.leader', full_name: 'Lãnh đạo báo cáo', password: 'leader-rp-pass', role: 'leader', unit: refA }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.rp.viewer', full_name: 'Xem báo cáo', password: 'viewer-rp-pass', role: 'viewer', unit: refA }, expect: 201 });
		const apiL = client(srv.url, await login(srv.url, 'oa.rp.leader', 'leader-rp-pass'));
		const apiV = client(srv.url, await login(srv.url, 'oa.rp.viewer', 'viewer-rp-pass'));
		await call(apiV, 'GET', '/report-templates', { expect: 200 });
		await call(anon, 'GET', '/report-templates', { expect: 401 });
		await call(apiV, 'GET', '/report-templates/dan_van', { expect: 200 });
		await call(apiV, 'GET', '/report-templates/nope', { expect: 404 });
		await call(anon, 'GET', '/report-templates/dan_van', { expect: 401 });
		const tpl = { code: 'oa_tpl', name: 'Mẫu thử', regime: 'state', type_name: 'Báo cáo', type_abbr: 'BC', abstract: 'Thử {period}',
			body: { blocks: [{ h1: 'I. Kết quả' }, { p: 'Tiếp {reception_visits} lượt.' }, { table: { title: 'Biểu', codes: ['reception_visits'], annex: true } }] } };
		await call(admin, 'POST', '/report-templates', { body: tpl, expect: 201 });
		await call(admin, 'POST', '/report-templates', { body: tpl, expect: 409 });
		await call(admin, 'POST', '/report-templates', { body: { ...tpl, code: 'oa_x', body: { blocks: [{ p: '{nope}' }] } }, expect: 400 });
		await call(apiL, 'POST', '/report-templates', { body: { ...tpl, code: 'oa_y' }, expect: 403 });
		await call(anon, 'POST', '/report-templates', { body: tpl, csrf: 'x'.repeat(32), expect: 401 });
		await call(admin, 'PATCH', '/report-templates/oa_tpl', { body: { cutoff_day: 0 }, expect: 200 });
		await call(admin, 'PATCH', '/report-templates/oa_tpl', { body: { cutoff_day: 1 }, expect: 400 });
		await call(admin, 'PATCH', '/report-templates/nope', { body: { name: 'x' }, expect: 404 });
		await call(apiL, 'PATCH', '/report-templates/oa_tpl', { body: { name: 'x' }, expect: 403 });
		await call(anon, 'PATCH', '/report-templates/oa_tpl', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		const r = await call(apiL, 'POST', '/reports', { body: { template: 'oa_tpl', unit: refA, period: '2025' }, expect: 201 });
		const id = r.body.report.id;
		await call(apiV, 'POST', '/reports', { body: { template: 'oa_tpl', unit: refA, period: '2025' }, expect: 403 });
		await call(apiL, 'POST', '/reports', { body: { template: 'oa_tpl', unit: refA, period: 'x' }, expect: 400 });
		await call(anon, 'POST', '/reports', { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(apiV, 'GET', '/reports', { expect: 200 });
		await call(apiV, 'GET', `/reports?structure=2025&unit=${refA.code}&template=oa_tpl&status=draft&limit=5&offset=0`, { expect: 200 });
		await call(apiV, 'GET', '/reports?status=x', { expect: 400 });
		await call(anon, 'GET', '/reports', { expect: 401 });
		await call(apiV, 'GET', `/reports/${id}`, { expect: 200 });
		await call(apiV, 'GET', '/reports/999999', { expect: 404 });
		await call(anon, 'GET', `/reports/${id}`, { expect: 401 });
		await call(apiL, 'PATCH', `/reports/${id}`, { body: { texts: [{ index: 1, text: 'Đoạn đã sửa.' }], head: { issuer: 'UBND xã' } }, expect: 200 });
		await call(apiL, 'PATCH', `/reports/${id}`, { body: { texts: [{ index: 2, text: 'x' }] }, expect: 400 });
		await call(apiV, 'PATCH', `/reports/${id}`, { body: {}, expect: 403 });
		await call(apiL, 'PATCH', '/reports/999999', { body: {}, expect: 404 });
		await call(anon, 'PATCH', `/reports/${id}`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		for (const f of ['docx', 'xlsx', 'html', 'pdf']) {
			await call(apiV, 'GET', `/reports/${id}/${f}`, { expect: 200 });
			await call(apiV, 'GET', `/reports/999999/${f}`, { expect: 404 });
			await call(anon, 'GET', `/reports/${id}/${f}`, { expect: 401 });
		}
		await call(apiV, 'POST', `/reports/${id}/issue`, { body: { number: 1, day: '2025-12-10' }, expect: 403 });
		await call(apiL, 'POST', `/reports/${id}/issue`, { body: { number: 0, day: '2025-12-10' }, expect: 400 });
		await call(apiL, 'POST', '/reports/999999/issue', { body: { number: 1, day: '2025-12-10' }, expect: 404 });
		await call(anon, 'POST', `/reports/${id}/issue`, { body: {}, csrf: 'x'.repeat(32), expect: 401 });
		await call(apiL, 'POST', `/reports/${id}/issue`, { body: { number: 1, day: '2025-12-10' }, expect: 200 });
		await call(apiL, 'POST', `/reports/${id}/issue`, { body: { number: 2, day: '2025-12-10' }, expect: 409 });
		await call(apiL, 'PATCH', `/reports/${id}`, { body: { texts: [] }, expect: 409 });
		await call(apiL, 'DELETE', `/reports/${id}`, { expect: 409 });
		const d = await call(apiL, 'POST', '/reports', { body: { template: 'oa_tpl', unit: refA, period: '2025-H1' }, expect: 201 });
		await call(apiV, 'DELETE', `/reports/${d.body.report.id}`, { expect: 403 });
		await call(apiL, 'DELETE', `/reports/${d.body.report.id}`, { expect: 200 });
		await call(apiL, 'DELETE', `/reports/${d.body.report.id}`, { expect: 404 });
		await call(anon, 'DELETE', '/reports/1', { csrf: 'x'.repeat(32), expect: 401 });
	});

	it('exports of any list to XLSX (issue 6)', async () => {
		await call(admin, 'POST', '/organizations', { body: { name: 'Hội Nông dân xã A (xuất)', type: 'mass_organization', unit: refA }, expect: 201 });
		await call(admin, 'POST', '/users', { body: { username: 'oa.exp.viewer', full_name: 'Xem danh sách', password: 'viewer-exp-pass', role: 'viewer', unit: refA }, expect: 201 });
		const apiV = client(srv.url, await login(srv.url, 'oa.exp.viewer', 'viewer-exp-pass'));
		const columns = [{ key: 'name', label: 'Tên tổ chức' }, { key: 'unit.name', label: 'Đơn vị' },
			{ key: 'type', label: 'Loại', values: { mass_organization: 'Đoàn thể' } }];
		const body = { path: '/api/v1/organizations', query: { type: 'mass_organization' }, columns, title: 'Danh sách tổ chức',
			filename: 'to-chuc.xlsx', token: 'oa-export-1' };
		const x = await call(apiV, 'POST', '/exports', { body, expect: 200 });
		assert.equal(x.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		assert.ok(findOperation('POST', '/exports').op.responses['200'].content[x.headers.get('content-type')]);
		await call(apiV, 'GET', '/exports/oa-export-1', { expect: 200 });
		await call(admin, 'GET', '/exports/oa-export-1', { expect: 404 });
		await call(anon, 'GET', '/exports/oa-export-1', { expect: 401 });
		await call(admin, 'POST', '/exports', { body: { ...body, columns: [] }, expect: 400 });
		await call(admin, 'POST', '/exports', { body: { ...body, path: '/api/v1/me' }, expect: 400 });
		await call(admin, 'POST', '/exports', { body: { ...body, path: '/api/v1/nowhere' }, expect: 404 });
		await call(admin, 'POST', '/exports', { body, csrf: '', expect: 403 });
		await call(admin, 'POST', '/exports', { raw: 'x', contentType: 'text/plain', expect: 415 });
		await call(admin, 'POST', '/exports', { raw: JSON.stringify({ ...body, title: 'x'.repeat(70000) }), expect: 413 });
		await call(anon, 'POST', '/exports', { body, csrf: 'x'.repeat(32), expect: 401 });
	});

	it('every documented operation was called, and the exchanges conform', () => {
		const missing = operations.filter((o) => !seen.has(o.key)).map((o) => o.key);
		assert.deepEqual(missing, [], 'operations never called');
		assert.deepEqual(problems, [], `non-conforming exchanges:\n${problems.join('\n')}`);
	});

	it('no 5xx anywhere', () => {
		for (const [k, st] of seen) for (const s of st) assert.ok(s < 500, `${k} answered ${s}`);
	});
});
