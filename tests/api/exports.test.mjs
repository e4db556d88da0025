// Exports: any list of the API as an XLSX file (POST /exports), its progress (GET /exports/:token),
// the list's own scope rules, and the errors.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import {
	assertError, assertOk, childrenOf, makeUser, setup,
} from './fixtures.mjs';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The first sheet of an .xlsx as rows of cells { t: 's'|'n'|'', v, date } (python3's zipfile: no npm dependency).
// Date cells are numbers with a date number format (Excel serial days).
const READ_XLSX = String.raw`
import io, sys, zipfile, json, re
import xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):
        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))
st = ET.fromstring(z.read('xl/styles.xml'))
fmts = {int(n.get('numFmtId')): n.get('formatCode') for n in st.iter('{%s}numFmt' % ns['m'])}
xfs = [int(x.get('numFmtId', '0')) for x in st.find('m:cellXfs', ns).findall('m:xf', ns)]
def is_date(s):
    f = xfs[s] if s < len(xfs) else 0
    return (14 <= f <= 22) or bool(re.search(r'[dy]', fmts.get(f, ''), re.I))
rows = []
for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter('{%s}row' % ns['m']):
    out = []
    for c in row.findall('m:c', ns):
        col = 0
        for ch in re.match(r'[A-Z]+', c.get('r')).group(0):
            col = col * 26 + ord(ch) - 64
        while len(out) < col - 1:
            out.append({'t': '', 'v': None})
        t = c.get('t', 'n')
        if t == 'inlineStr':
            v = ''.join(x.text or '' for x in c.iter('{%s}t' % ns['m']))
            out.append({'t': 's', 'v': v})
        elif t == 's':
            out.append({'t': 's', 'v': shared[int(c.find('m:v', ns).text)]})
        else:
            v = c.find('m:v', ns)
            if v is None:
                out.append({'t': '', 'v': None})
            else:
                out.append({'t': 'n', 'v': float(v.text), 'date': is_date(int(c.get('s', '0')))})
    rows.append({'r': int(row.get('r')), 'cells': out})
print(json.dumps(rows))
`;

function readXlsx(buf) {
	return JSON.parse(execFileSync('python3', ['-c', READ_XLSX], { input: buf }).toString('utf8'));
}

// Excel serial day of a "YYYY-MM-DD" (1900 system).
function serial(day) {
	return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86400000);
}

// POST /exports with fetch (binary answer); the JSON error is parsed when there is one.
async function exportList(api, body, { csrf } = {}) {
	const headers = { 'content-type': 'application/json', cookie: api.session.cookie };
	const c = csrf !== undefined ? csrf : api.session.csrf;
	if (c) headers['x-csrf-token'] = c;
	const res = await fetch(`${api.url}/api/v1/exports`, { method: 'POST', headers, body: JSON.stringify(body) });
	const buf = Buffer.from(await res.arrayBuffer());
	let json = null;
	if ((res.headers.get('content-type') || '').startsWith('application/json')) json = JSON.parse(buf.toString('utf8'));
	return { status: res.status, headers: res.headers, buf, body: json, text: json ? buf.toString('utf8') : '' };
}

const COLUMNS = [
	{ key: 'tracking_code', label: 'Mã hồ sơ' },
	{ key: 'petitioner.name', label: 'Người gửi' },
	{ key: 'subject', label: 'Trích yếu' },
	{ key: 'org.name', label: 'Cơ quan tiếp nhận' },
	{ key: 'received_day', label: 'Ngày nhận' },
	{ key: 'status', label: 'Trạng thái', values: { received: 'Mới tiếp nhận', accepted: 'Đã thụ lý' } },
	{ key: 'nothing.here', label: 'Trống' },
];

describe('exports', () => {
	let srv; let admin; let A; let B; let orgA; let orgB; let officerA; let viewerA; let officerB;
	let seq = 0;
	const create = async (org, over = {}) => assertOk(await admin.post('/petitions', {
		org_id: org.id, source: 'post', received_day: '2025-03-03',
		petitioner_name: `Nguyễn Thị Hương ${++seq}`, petitioner_address: `Thôn ${seq}, xã Đông`,
		subject: `Đơn kiến nghị số ${seq}`, content: `Nội dung ${seq}`, ...over,
	}), 201).petition;

	before(async () => {
		({ srv, admin } = await setup());
		[A, B] = await childrenOf(admin, '25', { n: 2, offset: 3 });
		const refA = { structure: 2025, code: A.code };
		const refB = { structure: 2025, code: B.code };
		orgA = assertOk(await admin.post('/organizations', { name: 'UBND xã Đồng Tâm', type: 'people_committee', unit: refA }), 201).organization;
		orgB = assertOk(await admin.post('/organizations', { name: 'UBND xã B', type: 'people_committee', unit: refB }), 201).organization;
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'x.officer.a' });
		viewerA = await makeUser(srv.url, admin, { role: 'viewer', unit: refA, username: 'x.viewer.a' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: refB, username: 'x.officer.b' });
		await create(orgA, { received_day: '2025-04-25', petitioner_name: 'Trần Văn Đức' });
		await create(orgA);
		await create(orgA);
		await create(orgB);
		await create(orgB);
	});
	after(async () => { await srv?.stop(); });

	it('a list as XLSX: title, header labels, one row per item, dates, mapped labels, progress', async () => {
		const all = assertOk(await admin.get('/petitions?limit=200'));
		const r = await exportList(admin, {
			path: '/api/v1/petitions', query: { limit: '1', offset: '2' }, columns: COLUMNS,
			title: 'Danh sách đơn thư', filename: 'don-thu.xlsx', token: 'tok-admin-0001',
		});
		assert.equal(r.status, 200, r.text);
		assert.equal(r.headers.get('content-type'), XLSX_TYPE);
		assert.match(r.headers.get('content-disposition'), /^attachment; filename="don-thu\.xlsx"$/);
		assert.equal(r.buf.subarray(0, 2).toString('latin1'), 'PK');
		const rows = readXlsx(r.buf);
		assert.equal(rows[0].cells[0].v, 'Danh sách đơn thư');
		assert.deepEqual(rows[1].cells.map((c) => c.v), COLUMNS.map((c) => c.label));
		const data = rows.slice(2);
		assert.equal(data.length, all.total, 'every row, limit and offset ignored');
		assert.equal(all.total, 5);
		assert.deepEqual(data.map((x) => x.cells[0].v), all.items.map((p) => p.tracking_code), 'the list order');
		const duc = data.find((x) => x.cells[1].v === 'Trần Văn Đức');
		assert.ok(duc, 'a Vietnamese name with diacritics survives');
		assert.equal(duc.cells[3].v, 'UBND xã Đồng Tâm', 'dot path into the row');
		assert.equal(duc.cells[4].t, 'n');
		assert.equal(duc.cells[4].date, true, 'a day is a date cell');
		assert.equal(duc.cells[4].v, serial('2025-04-25'));
		assert.equal(duc.cells[5].v, 'Mới tiếp nhận', 'status through its values map');
		assert.ok(duc.cells.length < 7 || duc.cells[6].v === null, 'a missing member is blank');

		const p = assertOk(await admin.get('/exports/tok-admin-0001'));
		assert.deepEqual(p, { token: 'tok-admin-0001', state: 'done', done: 5, total: 5 });
		assertError(await officerA.api.get('/exports/tok-admin-0001'), 404, 'not_found');
		assertError(await admin.get('/exports/tok-unknown-1'), 404, 'not_found');
		assertError(await admin.get('/exports/bad'), 404, 'not_found');
	});

	it('the list\'s scope and filters apply; default filename; viewers may export', async () => {
		const mine = assertOk(await officerA.api.get('/petitions'));
		assert.equal(mine.total, 3);
		const r = await exportList(officerA.api, { path: '/api/v1/petitions', columns: COLUMNS.slice(0, 4) });
		assert.equal(r.status, 200, r.text);
		assert.match(r.headers.get('content-disposition'), /filename="danh-sach\.xlsx"/);
		const rows = readXlsx(r.buf);
		assert.deepEqual(rows[0].cells.map((c) => c.v), COLUMNS.slice(0, 4).map((c) => c.label), 'no title: header first');
		const data = rows.slice(1);
		assert.equal(data.length, 3, 'only the commune officer\'s subtree');
		assert.ok(data.every((x) => x.cells[3].v === 'UBND xã Đồng Tâm'));

		const v = await exportList(viewerA.api, { path: '/api/v1/petitions', columns: COLUMNS.slice(0, 2), token: 'viewer-tok' });
		assert.equal(v.status, 200, v.text);
		assert.equal(readXlsx(v.buf).length, 4);

		const b = await exportList(officerB.api, { path: '/api/v1/petitions', columns: [{ key: 'tracking_code', label: 'Mã' }] });
		assert.equal(readXlsx(b.buf).length - 1, 2);

		const q = await exportList(admin, { path: '/api/v1/petitions', query: { org: String(orgB.id) }, columns: [{ key: 'org.name', label: 'Cơ quan' }] });
		assert.equal(q.status, 200, q.text);
		const qr = readXlsx(q.buf).slice(1);
		assert.equal(qr.length, 2);
		assert.ok(qr.every((x) => x.cells[0].v === 'UBND xã B'));

		// Another list through the same mechanism, with a path parameter-free route: organisations.
		const o = await exportList(admin, { path: '/api/v1/organizations', columns: [{ key: 'name', label: 'Tên' }, { key: 'unit', label: 'Đơn vị' }, { key: 'created_at', label: 'Tạo lúc' }] });
		assert.equal(o.status, 200, o.text);
		const orows = readXlsx(o.buf).slice(1);
		const dt = orows.find((x) => x.cells[0].v === 'UBND xã Đồng Tâm');
		assert.ok(dt);
		assert.equal(dt.cells[1].v, A.name, 'an object shows its name');
		assert.match(dt.cells[2].v, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/, 'a time as dd/mm/yyyy HH:MM');
	});

	// The petition list pages by its keys (domain/list.c: keys sorted alone, then joined): its pages
	// must join up to the whole list, in the list's order, for every scope and filter.
	it('pages of the petition list join up to the whole list, in its order', async () => {
		await create(orgB, { received_day: '2025-05-01' });
		await create(orgA, { received_day: '2025-01-31' });
		for (const [who, q] of [[admin, ''], [admin, `&org=${orgA.id}`], [officerA.api, ''], [officerB.api, ''],
			[viewerA.api, '&status=received']]) {
			const all = assertOk(await who.get(`/petitions?limit=200${q}`));
			assert.ok(all.total >= 3, `${q}: ${all.total}`);
			for (let i = 1; i < all.items.length; i++) {
				const [a, b] = [all.items[i - 1], all.items[i]];
				assert.ok(a.received_day > b.received_day || (a.received_day === b.received_day && a.id > b.id),
					`newest first, then by id: ${a.id} ${b.id}`);
			}
			const paged = [];
			for (let off = 0; off < all.total; off += 2) {
				const p = assertOk(await who.get(`/petitions?limit=2&offset=${off}${q}`));
				assert.equal(p.total, all.total);
				paged.push(...p.items.map((x) => x.id));
			}
			assert.deepEqual(paged, all.items.map((x) => x.id));
		}
	});

	it('errors: unknown path, not a list, bad body, the list\'s own errors, CSRF', async () => {
		const cols = [{ key: 'tracking_code', label: 'Mã' }];
		assertError(await exportList(admin, { path: '/api/v1/nope', columns: cols }), 404, 'not_found');
		const one = assertOk(await admin.get('/petitions?limit=1')).items[0];
		assertError(await exportList(admin, { path: `/api/v1/petitions/${one.id}`, columns: cols }), 400, 'not_exportable');
		assertError(await exportList(admin, { path: '/api/v1/me', columns: cols }), 400, 'not_exportable');
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: [] }), 400, 'invalid_param', 'columns');
		assertError(await exportList(admin, { path: '/api/v1/petitions' }), 400, 'invalid_param', 'columns');
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: [{ key: '', label: 'x' }] }), 400, 'invalid_param', 'columns');
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: [{ key: 'k'.repeat(65), label: 'x' }] }), 400, 'invalid_param', 'columns');
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: [{ key: 'code', label: 'x', extra: 1 }] }), 400, 'invalid_param', 'columns');
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: Array(61).fill(cols[0]) }), 400, 'invalid_param', 'columns');
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: [{ key: 'code', label: 'x', values: { a: 1 } }] }), 400, 'invalid_param', 'columns');
		assertError(await exportList(admin, { path: '/petitions', columns: cols }), 400, 'invalid_param', 'path');
		assertError(await exportList(admin, { path: '/api/v1/petitions?status=x', columns: cols }), 400, 'invalid_param', 'path');
		assertError(await exportList(admin, { columns: cols }), 400, 'invalid_param', 'path');
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: cols, filename: 'a.pdf' }), 400, 'invalid_param', 'filename');
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: cols, filename: '../x.xlsx' }), 400, 'invalid_param', 'filename');
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: cols, token: 'short' }), 400, 'invalid_param', 'token');
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: cols, query: { status: 1 } }), 400, 'invalid_param', 'query');
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: cols, colour: 'red' }), 400, 'invalid_param');
		// The list handler's own answer for its own parameters.
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: cols, query: { org: 'abc' }, token: 'failing-01' }), 400, 'invalid_param', 'org');
		assert.equal(assertOk(await admin.get('/exports/failing-01')).state, 'failed');
		assertError(await exportList(admin, { path: '/api/v1/petitions', columns: cols }, { csrf: '' }), 403, 'csrf_failed');
		const anon = await fetch(`${srv.url}/api/v1/exports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '/api/v1/petitions', columns: cols }) });
		assert.equal(anon.status, 401);
	});
});
