// Data helpers for the acceptance suite (tests/acceptance/seeds.test.mjs):
// create many individual records through the API with bounded concurrency,
// enter indicator values, add templates and render a report as plain text.
// Not a test file itself.
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { assertOk } from '../api/fixtures.mjs';

/** Parallel requests in flight at once. */
export const CONCURRENCY = 40;

/** Run fn(i) for i = 0..n-1, at most `conc` at a time. */
export async function pool(n, fn, conc = CONCURRENCY) {
	let next = 0;
	const worker = async () => {
		while (next < n) {
			const i = next++;
			await fn(i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(conc, n) }, worker));
}

/** POST and expect 201; returns the body. */
export async function create(api, path, body) {
	return assertOk(await api.post(path, body), 201);
}

const DAY_MS = 86400000;
/** The i-th of n days spread evenly over [from, to] (YYYY-MM-DD, inclusive). */
export function spreadDay(from, to, i, n) {
	const a = Date.parse(`${from}T00:00:00Z`);
	const b = Date.parse(`${to}T00:00:00Z`);
	const steps = Math.round((b - a) / DAY_MS);
	const k = n <= 1 ? 0 : Math.floor((i * steps) / (n - 1));
	return new Date(a + k * DAY_MS).toISOString().slice(0, 10);
}

/** Split `total` into n integer parts that differ by at most one. */
export function split(total, n) {
	const base = Math.floor(total / n);
	const extra = total - base * n;
	return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

/** An organisation of `type` at a 2024 (or 2025) unit. */
export async function org(api, name, type, code, structure = 2024) {
	return (await create(api, '/organizations', { name, type, unit: { structure, code } })).organization;
}

/** All children of a unit (one page is enough: < 1000). */
export async function children(api, code, structure = 2024) {
	const r = assertOk(await api.get(`/units?structure=${structure}&parent=${encodeURIComponent(code)}&limit=1000`));
	return r.items;
}

/** Enter values {indicator: value} for one unit and period. */
export async function enter(api, unit, period, values, source = 'Báo cáo của Ủy ban nhân dân') {
	for (const [indicator, value] of Object.entries(values)) {
		assertOk(await api.put('/indicator-values', { indicator, unit, period, value, source }));
	}
}

/** Add indicators missing from the catalogue (sysadmin). */
export async function addIndicators(api, list, section = 'Bổ sung (kiểm thử nghiệm thu)') {
	let sort = 5000;
	for (const ind of list) {
		await create(api, '/indicators', { rollup: 'sum', decimals: 0, section, sort: sort++, ...ind });
	}
}

/** A report template of our own (sysadmin): paragraphs with placeholders. */
export async function template(api, code, { name, regime = 'party', cutoff, paragraphs, abstract = 'Kết quả công tác dân vận {period}' }) {
	const body = {
		head: regime === 'party'
			? { parent: 'Đảng bộ {unit}', issuer: 'Ban Dân vận', issuer_abbr: 'BDV' }
			: { parent: 'Ủy ban nhân dân {unit}', issuer: 'Ủy ban nhân dân {unit}', issuer_abbr: 'UBND' },
		closing: { recipients: ['- Như trên,', '- Lưu.'], authority: 'TM', on_behalf: 'Ban Thường vụ', position: 'Trưởng ban', name: '' },
		blocks: [{ h1: 'Kết quả thực hiện' }, ...paragraphs.map((p) => ({ p })),
			{ table: { title: 'Biểu số liệu {period}', annex: true } }],
	};
	return (await create(api, '/report-templates', {
		code, name, regime, type_name: 'Báo cáo', type_abbr: 'BC', abstract, cutoff_day: cutoff, body,
	})).template;
}

/** HTML to plain text: tags dropped, entities decoded, white space collapsed. */
export function plain(html) {
	return html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, '\'').replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ').replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.normalize('NFC');
}

/** Create the report and fetch its HTML: {report, html, text}. */
export async function report(api, q) {
	const rep = (await create(api, '/reports', q)).report;
	const res = await api.get(`/reports/${rep.id}/html`);
	assert.equal(res.status, 200, `html: ${res.text && res.text.slice(0, 300)}`);
	// ACCEPTANCE_PRINT=1: show the generated sentences (to compare with the seed by eye)
	if (process.env.ACCEPTANCE_PRINT) {
		for (const b of rep.content.blocks) if (b.text) process.stderr.write(`${b.text}\n`);
	}
	return { report: rep, html: res.text, text: plain(res.text) };
}

/** Every phrase must appear in text, exactly. */
export function assertSays(text, phrases, label) {
	const missing = phrases.filter((p) => !text.includes(p.normalize('NFC')));
	assert.deepEqual(missing, [], `${label}: phrases missing from the report:\n${text.slice(0, 4000)}`);
}

/** GET a binary download with the session of `sess` ({cookie}): {status, bytes}. */
export async function download(url, sess, p) {
	const res = await fetch(`${url}/api/v1${p}`, { headers: { cookie: sess.cookie }, signal: AbortSignal.timeout(30000) });
	return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The entries of a zip package (DOCX, XLSX) as {name: Buffer}. */
export function unzip(buf) {
	let eocd = -1;
	for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
		if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
	}
	assert.ok(eocd >= 0, 'zip: no end of central directory');
	const count = buf.readUInt16LE(eocd + 10);
	let p = buf.readUInt32LE(eocd + 16);
	const out = {};
	for (let k = 0; k < count; k++) {
		assert.equal(buf.readUInt32LE(p), 0x02014b50, 'zip: central directory entry');
		const method = buf.readUInt16LE(p + 10);
		const size = buf.readUInt32LE(p + 20);
		const nameLen = buf.readUInt16LE(p + 28);
		const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
		const local = buf.readUInt32LE(p + 42);
		const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
		const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
		const data = buf.subarray(start, start + size);
		out[name] = method === 8 ? inflateRawSync(data) : Buffer.from(data);
		p += 46 + skip;
	}
	return out;
}
