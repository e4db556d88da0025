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
				assert.ok(r.content && r.content['application/json'] && r.content['application/json'].schema,
					`${o.key} ${st} has a JSON schema`);
				validator(r.content['application/json'].schema); // compiles
			}
			const writes = ['POST', 'PATCH', 'PUT', 'DELETE'].includes(o.method);
			const sec = o.op.security || spec.security;
			if (o.key === 'POST /auth/login' || o.key === 'GET /health') assert.deepEqual(o.op.security, [], `${o.key} is public`);
			else if (writes) assert.ok(sec.some((s) => 'csrfToken' in s && 'sessionCookie' in s), `${o.key} needs cookie + CSRF`);
			else assert.ok(sec.some((s) => 'sessionCookie' in s), `${o.key} needs the cookie`);
			if (o.op.requestBody) {
				const s = deref(o.op.requestBody).content['application/json'].schema;
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

	it('every documented operation was called, and the exchanges conform', () => {
		const missing = operations.filter((o) => !seen.has(o.key)).map((o) => o.key);
		assert.deepEqual(missing, [], 'operations never called');
		assert.deepEqual(problems, [], `non-conforming exchanges:\n${problems.join('\n')}`);
	});

	it('no 5xx anywhere', () => {
		for (const [k, st] of seen) for (const s of st) assert.ok(s < 500, `${k} answered ${s}`);
	});
});
