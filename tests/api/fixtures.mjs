// Shared helpers for the API suites (not a test file itself).
import assert from 'node:assert/strict';
import {
	ADMIN_PASSWORD, ADMIN_USERNAME, client, login, startServer,
} from '../lib/server.mjs';

export { ADMIN_PASSWORD, ADMIN_USERNAME, client, login, startServer };

export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
// A Vietnamese sentence almost always has at least one letter outside ASCII.
const VI_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

export const ORG_TYPES = ['party_committee', 'mass_mobilization_board', 'people_committee',
	'fatherland_front', 'mass_organization', 'agency'];
export const ROLES = ['sysadmin', 'unit_admin', 'leader', 'officer', 'viewer'];

/** Assert an API error: status, JSON {error:{code,message[,field]}} with a Vietnamese message. */
export function assertError(res, status, code, field) {
	const ctx = `${res.status} ${res.text && res.text.slice(0, 300)}`;
	assert.equal(res.status, status, `status (${ctx})`);
	const ct = res.headers.get('content-type') || '';
	assert.match(ct, /^application\/json/i, `content-type of an error (${ctx})`);
	assert.ok(res.body && typeof res.body === 'object' && res.body.error, `error object (${ctx})`);
	const e = res.body.error;
	if (code !== undefined) assert.equal(e.code, code, `error code (${ctx})`);
	assert.equal(typeof e.code, 'string');
	assert.ok(e.code.length > 0);
	assert.equal(typeof e.message, 'string', `message (${ctx})`);
	assert.ok(e.message.trim().length > 0, `non-empty message (${ctx})`);
	assert.match(e.message, VI_LETTER, `message should be Vietnamese (${ctx})`);
	if (field !== undefined) assert.equal(e.field, field, `error field (${ctx})`);
	return e;
}

export function assertOk(res, status = 200) {
	assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text && res.text.slice(0, 500)}`);
	return res.body;
}

/** Start a server and log the sysadmin in. */
export async function setup(opts = {}) {
	const srv = await startServer(opts);
	const s = await login(srv.url, ADMIN_USERNAME, ADMIN_PASSWORD);
	if (s.res.status !== 200 || !s.cookie || !s.csrf) {
		await srv.stop();
		throw new Error(`admin login failed: ${s.res.status} ${s.res.text}`);
	}
	return { srv, adminSession: s, admin: client(srv.url, s) };
}

let userSeq = 0;
/** Create a user as `api` (201 expected) and log it in. */
export async function makeUser(url, api, { role, unit, username, fullName, password } = {}) {
	username = username || `u${process.pid % 1000}x${++userSeq}${role ? role.replace(/_/g, '') : ''}`.slice(0, 60);
	password = password || `pw-${username}-secret`;
	const body = { username, full_name: fullName || `Người dùng ${username}`, password, role: role || 'officer' };
	if (unit !== undefined) body.unit = unit;
	const r = await api.post('/users', body);
	assertOk(r, 201);
	const s = await login(url, username, password);
	assert.equal(s.res.status, 200, `login ${username}: ${s.res.text}`);
	return { user: r.body.user, session: s, api: client(url, s), username, password };
}

/** n units (items) that are children of `parent` in `structure`. */
export async function childrenOf(api, parent, { structure = 2025, n = 2, offset = 0 } = {}) {
	const r = await api.get(`/units?structure=${structure}&parent=${encodeURIComponent(parent)}&limit=${n}&offset=${offset}`);
	assertOk(r);
	assert.ok(r.body.items.length >= n, `need ${n} children of ${parent}`);
	return r.body.items.slice(0, n);
}

/** All items of a list endpoint, paging with `limit`. */
export async function listAll(api, p, limit = 500) {
	const sep = p.includes('?') ? '&' : '?';
	const items = [];
	let total = null;
	for (let offset = 0; total === null || offset < total; offset += limit) {
		const r = await api.get(`${p}${sep}limit=${limit}&offset=${offset}`);
		assertOk(r);
		total = r.body.total;
		items.push(...r.body.items);
		if (r.body.items.length === 0) break;
	}
	return { items, total };
}

const PREFIXES = ['Thành phố ', 'Thị trấn ', 'Thị xã ', 'Đặc khu ', 'Phường ', 'Huyện ', 'Quận ', 'Tỉnh ', 'Xã '];
/** A unit name without its type prefix. */
export function stripPrefix(name) {
	const n = name.normalize('NFC');
	for (const p of PREFIXES) if (n.startsWith(p)) return n.slice(p.length);
	return n;
}

const haveVi = Intl.Collator.supportedLocalesOf(['vi']).length > 0;
const collNonIgn = haveVi ? new Intl.Collator('vi', { sensitivity: 'base' }) : null;
const collShifted = haveVi ? new Intl.Collator('vi', { sensitivity: 'base', ignorePunctuation: true }) : null;

/** First letter class in the Vietnamese alphabet (base letter, tone marks dropped). */
export function viInitial(s) {
	const c = s.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC')[0];
	return c ? c.toUpperCase() : '';
}

/**
 * Assert that `names` are in Vietnamese alphabetical order at primary
 * strength (letters a<ă<â<b<c<d<đ<e<ê<…, tone marks and case ignored).
 * Spaces may be either significant or ignored.
 */
export function assertViOrder(names, label = 'names') {
	if (haveVi) {
		for (let i = 1; i < names.length; i++) {
			const a = names[i - 1];
			const b = names[i];
			const ok = collNonIgn.compare(a, b) <= 0 || collShifted.compare(a, b) <= 0;
			assert.ok(ok, `${label}: "${a}" (at ${i - 1}) should not come before "${b}" in Vietnamese order`);
		}
	}
	// Independent of ICU: the letter order of initials.
	const ALPHA = 'AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY';
	let last = -1;
	for (let i = 0; i < names.length; i++) {
		const k = ALPHA.indexOf(viInitial(names[i]));
		if (k < 0) continue;
		assert.ok(k >= last, `${label}: "${names[i]}" (at ${i}) comes after a name with a later initial letter`);
		last = k;
	}
}

/** Walk a JSON value and fail on any key that looks like a password or hash, or on a known secret. */
export function assertNoSecrets(res, secrets = [], { keys = true } = {}) {
	const walk = (v, p) => {
		if (!keys) return;
		if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`));
		else if (v && typeof v === 'object') {
			for (const [k, x] of Object.entries(v)) {
				assert.ok(!/pass|hash|salt|secret/i.test(k), `response has a secret-looking key ${p}.${k}`);
				walk(x, `${p}.${k}`);
			}
		}
	};
	walk(res.body, '$');
	const text = res.text || '';
	assert.ok(!/\$argon2|\$2[aby]\$|\$scrypt|\$pbkdf2|\$7\$/i.test(text), 'response contains a password hash');
	for (const s of secrets) assert.ok(!text.includes(s), 'response contains a password');
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
