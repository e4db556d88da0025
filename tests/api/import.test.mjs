// Import of petition registers (POST /import/petitions and `danvan import petitions`): CSV and XLSX,
// column codes and Vietnamese headings (docs/import.md), all or nothing, every bad row reported.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import {
	assertError, assertOk, childrenOf, makeUser, setup,
} from './fixtures.mjs';

/* ---- a minimal XLSX writer (zip of four XML parts, inline strings) ---- */

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();
function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of { name: string|Buffer } with deflated entries. */
function zip(files) {
	const locals = [];
	const centrals = [];
	let offset = 0;
	for (const [name, content] of Object.entries(files)) {
		const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
		const comp = deflateRawSync(data);
		const fname = Buffer.from(name, 'utf8');
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4); // version needed
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(8, 8); // deflate
		local.writeUInt16LE(0, 10);
		local.writeUInt16LE(0x21, 12); // 1980-01-01
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(comp.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(fname.length, 26);
		local.writeUInt16LE(0, 28);
		locals.push(local, fname, comp);
		const cen = Buffer.alloc(46);
		cen.writeUInt32LE(0x02014b50, 0);
		cen.writeUInt16LE(20, 4);
		cen.writeUInt16LE(20, 6);
		cen.writeUInt16LE(0x0800, 8);
		cen.writeUInt16LE(8, 10);
		cen.writeUInt16LE(0, 12);
		cen.writeUInt16LE(0x21, 14);
		cen.writeUInt32LE(crc, 16);
		cen.writeUInt32LE(comp.length, 20);
		cen.writeUInt32LE(data.length, 24);
		cen.writeUInt16LE(fname.length, 28);
		cen.writeUInt32LE(offset, 42);
		centrals.push(cen, fname);
		offset += 30 + fname.length + comp.length;
	}
	const cdir = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(Object.keys(files).length, 8);
	end.writeUInt16LE(Object.keys(files).length, 10);
	end.writeUInt32LE(cdir.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, cdir, end]);
}

const xmlEsc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (i) => String.fromCharCode(65 + i);

/**
 * An .xlsx with one sheet.  rows: arrays of cells; a cell is a string (inline string), a number
 * (numeric cell), { date: serial } (numeric cell with the built-in date format 14) or null (absent);
 * a null row is absent from the sheet.
 */
function xlsx(rows) {
	const sheetRows = rows.map((r, ri) => {
		if (r === null) return ''; // an absent row
		const cells = r.map((v, ci) => {
			const ref = `${colName(ci)}${ri + 1}`;
			if (v === null || v === undefined) return '';
			if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
			if (typeof v === 'object' && 'date' in v) return `<c r="${ref}" s="1"><v>${v.date}</v></c>`;
			return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEsc(v)}</t></is></c>`;
		}).join('');
		return `<row r="${ri + 1}">${cells}</row>`;
	}).join('');
	const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
	const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
	return zip({
		'[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
			'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
			'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
			'<Default Extension="xml" ContentType="application/xml"/>' +
			'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
			'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
			'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
			'</Types>',
		'_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			`<Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${NS}" xmlns:r="${R}">` +
			'<sheets><sheet name="Sổ đơn" sheetId="1" r:id="rId1"/></sheets></workbook>',
		'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			`<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
		'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${NS}">` +
			'<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
			'<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' +
			'<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs>' +
			'</styleSheet>',
		'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}">` +
			`<sheetData>${sheetRows}</sheetData></worksheet>`,
	});
}

/* ---- files used below ---- */

// Codes as headers; dates in both forms; classification and source as codes or Vietnamese words;
// field by name or code; nac_danh có/không; an id number with leading zeros.
const GOOD_CSV = [
	'ngay_nhan,ho_ten,dia_chi,so_giay_to,dien_thoai,so_nguoi,trich_yeu,noi_dung,phan_loai,linh_vuc,nguon,nac_danh,lan',
	'25/04/2025,Nguyễn Văn Nhập,"Thôn 1, xã A",001203004005,0912000111,1,Tranh chấp đất đai,Hộ liền kề lấn ranh giới,khiếu nại,Đất đai,bưu chính,không,1',
	'2025-04-28,Lê Thị Hai,Thôn 2,,,,Kiến nghị sửa đường,"Đường liên thôn xuống cấp, ""nhiều ổ gà""",kien nghi,construction,Tiếp công dân,,',
	'02/05/2025,Phạm Văn Ba,Thôn 3,,,12,Phản ánh ô nhiễm,Xưởng gỗ gây bụi,Phản ánh,"Tài nguyên, môi trường",online,Không,',
	'05/05/2025,Hoàng Văn Bốn,Thôn 4,,,,Khiếu nại lần hai,Không đồng ý quyết định lần đầu,complaint,land,truc tiep,,2',
	'',
].join('\r\n');
const GOOD_SUBJECTS = ['Tranh chấp đất đai', 'Kiến nghị sửa đường', 'Phản ánh ô nhiễm', 'Khiếu nại lần hai'];

// Vietnamese headings, in another order, with an extra blank line.
const VI_CSV = [
	'Ngày nhận đơn,Trích yếu,Nội dung,Họ và tên,Địa chỉ,Số CCCD,Phân loại,Lĩnh vực,Nguồn đơn,Nặc danh,Số người,Lần khiếu nại,Số điện thoại',
	'10/03/2025,Đề nghị cấp sổ đỏ,Chậm cấp giấy chứng nhận,Trịnh Văn Năm,Thôn 5,012345678901,Kiến nghị,Đất đai,Bưu chính,không,1,,0901234567',
	'',
	'11/03/2025,Tố giác khai thác cát,Khai thác cát trái phép ban đêm,,,,Tố cáo,environment,Cơ quan khác chuyển đến,có,,,',
	'',
].join('\n');

// Every row is wrong in a different way (lines 2..8); line 9 is fine but must not be written either.
const BAD_CSV = [
	'ngay_nhan,ho_ten,trich_yeu,noi_dung,phan_loai,linh_vuc,nguon,nac_danh,so_nguoi,lan',
	'31/02/2025,Người Một,Đơn 1,Nội dung 1,,,,,,', // 2: no such day
	'01/01/2099,Người Hai,Đơn 2,Nội dung 2,,,,,,', // 3: future
	'01/02/2025,,Đơn 3,Nội dung 3,,,,,,', // 4: no name, not anonymous
	'01/02/2025,Người Bốn,,Nội dung 4,,,,,,', // 5: no subject
	'01/02/2025,Người Năm,Đơn 5,Nội dung 5,đơn thư,,,,,', // 6: unknown classification
	'01/02/2025,Người Sáu,Đơn 6,Nội dung 6,,Thời tiết,fax,có,0,3', // 7: field, source, anonymous with a name, persons, level
	'2025/02/01,Người Bảy,Đơn 7,Nội dung 7,,,,,,', // 8: date format
	'01/02/2025,Người Tám,Đơn 8,Nội dung 8,,,,,,', // 9: fine
	'',
].join('\n');

function tmpFile(dir, name, data) {
	const f = path.join(dir, name);
	writeFileSync(f, data);
	return f;
}

describe('import of petition registers', () => {
	let srv; let admin; let A; let B; let orgA; let orgB; let officerA; let viewerA; let officerB; let dir;
	const imp = (api, orgId, data, format = 'csv') => api.request('POST', `/import/petitions?org_id=${orgId}&format=${format}`,
		{ raw: Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), contentType: 'application/octet-stream' });
	const total = async (orgId) => assertOk(await admin.get(`/petitions?org=${orgId}&limit=1`)).total;
	const all = async (orgId) => assertOk(await admin.get(`/petitions?org=${orgId}&limit=500`)).items;
	const full = async (id) => assertOk(await admin.get(`/petitions/${id}`)).petition;

	before(async () => {
		({ srv, admin } = await setup());
		[A, B] = await childrenOf(admin, '25', { n: 2, offset: 7 });
		const refA = { structure: 2025, code: A.code };
		const refB = { structure: 2025, code: B.code };
		orgA = assertOk(await admin.post('/organizations', { name: 'UBND xã A', type: 'people_committee', unit: refA }), 201).organization;
		orgB = assertOk(await admin.post('/organizations', { name: 'UBND xã B', type: 'people_committee', unit: refB }), 201).organization;
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'i.officer.a' });
		viewerA = await makeUser(srv.url, admin, { role: 'viewer', unit: refA, username: 'i.viewer.a' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: refB, username: 'i.officer.b' });
		dir = mkdtempSync(path.join(os.tmpdir(), 'danvan-import-'));
	});
	after(async () => {
		await srv?.stop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	describe('CSV over the API', () => {
		let org;
		before(async () => {
			org = assertOk(await admin.post('/organizations', { name: 'Ban Tiếp công dân xã A', type: 'agency', unit: { structure: 2025, code: A.code } }), 201).organization;
		});

		it('a good file → 200 {imported: N}; the letters are in GET /petitions with the values of the file', async () => {
			const r = await imp(officerA.api, org.id, GOOD_CSV);
			assert.deepEqual(assertOk(r), { imported: 4 });
			const items = await all(org.id);
			assert.equal(items.length, 4);
			const by = Object.fromEntries(await Promise.all(items.map(async (x) => [x.subject, await full(x.id)])));
			assert.deepEqual(Object.keys(by).sort(), [...GOOD_SUBJECTS].sort());
			const p1 = by['Tranh chấp đất đai'];
			assert.equal(p1.received_day, '2025-04-25');
			assert.match(p1.tracking_code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
			assert.equal(p1.status, 'received');
			assert.deepEqual(p1.petitioner, { name: 'Nguyễn Văn Nhập', address: 'Thôn 1, xã A', id_number: '001203004005', phone: '0912000111' });
			assert.equal(p1.classification, 'complaint');
			assert.equal(p1.field, 'land');
			assert.equal(p1.source, 'post');
			assert.equal(p1.anonymous, false);
			assert.equal(p1.level, 1);
			assert.equal(p1.handling_rule, 'R-KN-11');
			assert.equal(p1.handling_due, '2025-05-05'); // 25/4 + 10 days = Mon 5/5
			assert.equal(p1.content, 'Hộ liền kề lấn ranh giới');
			const p2 = by['Kiến nghị sửa đường'];
			assert.equal(p2.received_day, '2025-04-28');
			assert.equal(p2.classification, 'recommendation');
			assert.equal(p2.field, 'construction');
			assert.equal(p2.source, 'visit');
			assert.equal(p2.persons, 1);
			assert.equal(p2.content, 'Đường liên thôn xuống cấp, "nhiều ổ gà"');
			assert.equal(p2.petitioner.id_number, null);
			const p3 = by['Phản ánh ô nhiễm'];
			assert.equal(p3.classification, 'reflection');
			assert.equal(p3.field, 'environment');
			assert.equal(p3.source, 'online');
			assert.equal(p3.persons, 12);
			const p4 = by['Khiếu nại lần hai'];
			assert.equal(p4.level, 2);
			assert.equal(p4.handling_rule, 'R-KN-15');
			assert.equal(p4.source, 'visit');
			// Every imported letter has its "received" event and an audit entry.
			const g = assertOk(await admin.get(`/petitions/${p1.id}`));
			assert.equal(g.events[0].kind, 'received');
			assert.equal(g.events[0].actor_name, 'i.officer.a');
		});

		it('Vietnamese headings in any order, blank lines, words for codes; a denunciation row is protected at once', async () => {
			const before0 = await total(org.id);
			assert.deepEqual(assertOk(await imp(admin, org.id, VI_CSV)), { imported: 2 });
			assert.equal(await total(org.id), before0 + 2);
			const items = await all(org.id);
			const a = await full(items.find((x) => x.subject === 'Đề nghị cấp sổ đỏ').id);
			assert.equal(a.received_day, '2025-03-10');
			assert.equal(a.petitioner.name, 'Trịnh Văn Năm');
			assert.equal(a.petitioner.id_number, '012345678901');
			assert.equal(a.petitioner.phone, '0901234567');
			assert.equal(a.classification, 'recommendation');
			assert.equal(a.field, 'land');
			assert.equal(a.source, 'post');
			const t = await full(items.find((x) => x.subject === 'Tố giác khai thác cát').id);
			assert.equal(t.anonymous, true);
			assert.equal(t.petitioner, null);
			assert.equal(t.classification, 'denunciation');
			assert.equal(t.source, 'forwarded');
			assert.equal(t.handling_rule, 'R-DON-10');
		});

		it('several bad rows → 422 import_invalid listing every line and field; NOTHING is written', async () => {
			const n0 = assertOk(await admin.get('/petitions?limit=1')).total;
			const r = await imp(officerA.api, org.id, BAD_CSV);
			const e = assertError(r, 422, 'import_invalid');
			assert.match(e.message, /dòng lỗi/);
			assert.ok(Array.isArray(e.rows));
			const has = (line, field) => e.rows.some((x) => x.line === line && x.field === field);
			for (const [line, field] of [[2, 'ngay_nhan'], [3, 'ngay_nhan'], [4, 'ho_ten'], [5, 'trich_yeu'], [6, 'phan_loai'],
				[7, 'linh_vuc'], [7, 'nguon'], [7, 'ho_ten'], [7, 'so_nguoi'], [7, 'lan'], [8, 'ngay_nhan']]) {
				assert.ok(has(line, field), `row ${line} field ${field} reported: ${JSON.stringify(e.rows)}`);
			}
			assert.ok(!e.rows.some((x) => x.line === 9), 'the good line 9 is not reported');
			for (const x of e.rows) {
				assert.equal(typeof x.message, 'string');
				assert.match(x.message, /[^\x00-\x7f]/, 'Vietnamese message');
			}
			assert.match(e.message, new RegExp(`${e.rows.length} dòng lỗi`));
			assert.equal(assertOk(await admin.get('/petitions?limit=1')).total, n0, 'nothing written');
		});

		it('header problems: unknown or repeated column, missing required column', async () => {
			const n0 = await total(org.id);
			const e1 = assertError(await imp(admin, org.id, 'ngay_nhan,ho_ten,trich_yeu,noi_dung,mau_sac\n01/02/2025,A,B,C,đỏ\n'), 422, 'import_invalid');
			assert.ok(e1.rows.some((x) => x.line === 1 && /mau_sac/.test(x.message)));
			const e2 = assertError(await imp(admin, org.id, 'ngay_nhan,ho_ten,noi_dung\n01/02/2025,A,C\n'), 422, 'import_invalid');
			assert.ok(e2.rows.some((x) => x.line === 1 && x.field === 'trich_yeu'));
			const e3 = assertError(await imp(admin, org.id, 'ngay_nhan,ho_ten,trich_yeu,noi_dung,Họ tên\n01/02/2025,A,B,C,D\n'), 422, 'import_invalid');
			assert.ok(e3.rows.some((x) => x.line === 1 && x.field === 'ho_ten'));
			const e4 = assertError(await imp(admin, org.id, 'ngay_nhan,ho_ten,trich_yeu,noi_dung\n01/02/2025,A,B,C,extra\n'), 422, 'import_invalid');
			assert.ok(e4.rows.some((x) => x.line === 2));
			assert.equal(await total(org.id), n0);
		});

		it('malformed files and parameters', async () => {
			const n0 = await total(org.id);
			assertError(await imp(admin, org.id, ''), 400, 'invalid_file');
			assertError(await imp(admin, org.id, 'ngay_nhan,ho_ten,trich_yeu,noi_dung\n01/02/2025,"A,B,C\n'), 400, 'invalid_csv');
			assertError(await imp(admin, org.id, 'không phải xlsx', 'xlsx'), 400, 'invalid_file');
			assertError(await imp(admin, org.id, GOOD_CSV, 'ods'), 400, 'invalid_param', 'format');
			assertError(await admin.request('POST', '/import/petitions?format=csv', { raw: Buffer.from(GOOD_CSV), contentType: 'application/octet-stream' }),
				400, 'invalid_param', 'org_id');
			// An organisation that does not exist: reported per row, nothing written.
			assertError(await imp(admin, 987654, GOOD_CSV), 422, 'import_invalid');
			assert.equal(await total(org.id), n0);
		});

		it('roles and scope: a viewer → 403; an officer of another unit → 403; nothing written', async () => {
			const n0 = assertOk(await admin.get('/petitions?limit=1')).total;
			assertError(await imp(viewerA.api, orgA.id, GOOD_CSV), 403, 'forbidden');
			assertError(await imp(officerB.api, orgA.id, GOOD_CSV), 403, 'forbidden');
			assert.deepEqual(assertOk(await imp(officerA.api, orgA.id, GOOD_CSV)), { imported: 4 });
			assert.equal(assertOk(await admin.get('/petitions?limit=1')).total, n0 + 4);
			// No CSRF token → 403.
			assertError(await officerA.api.request('POST', `/import/petitions?org_id=${orgA.id}`, { raw: Buffer.from(GOOD_CSV), contentType: 'application/octet-stream', csrf: '' }),
				403, 'csrf_failed');
		});

		it('a CSV saved by Excel as "CSV UTF-8" (with a BOM) is accepted', async () => {
			const org2 = assertOk(await admin.post('/organizations', { name: 'Tổ BOM', type: 'agency', unit: { structure: 2025, code: A.code } }), 201).organization;
			assert.deepEqual(assertOk(await imp(admin, org2.id, '\ufeff' + GOOD_CSV)), { imported: 4 });
		});

		it('a content of 3000 Vietnamese letters (≤ 10000 code points) is imported', async () => {
			const org3 = assertOk(await admin.post('/organizations', { name: 'Tổ dài', type: 'agency', unit: { structure: 2025, code: A.code } }), 201).organization;
			const long = 'ngay_nhan,ho_ten,trich_yeu,noi_dung\n01/02/2025,Người Dài,Đơn dài,"' + 'Đề nghị giải quyết. '.repeat(150) + '"\n';
			assert.deepEqual(assertOk(await imp(admin, org3.id, long)), { imported: 1 });
		});

		it('over-long cells: a CSV cell over 64 KiB → 400 invalid_csv; a content over 10000 or a subject over 500 → 422 row error', async () => {
			const n0 = await total(org.id);
			const xl = 'ngay_nhan,ho_ten,trich_yeu,noi_dung\n01/02/2025,Người Dài,Đơn dài,"' + 'a'.repeat(70000) + '"\n';
			const e0 = assertError(await imp(admin, org.id, xl), 400, 'invalid_csv');
			assert.match(e0.message, /dòng 2/);
			const lc = 'ngay_nhan,ho_ten,trich_yeu,noi_dung\n01/02/2025,Người Dài,Đơn dài,"' + 'ệ'.repeat(10001) + '"\n';
			const e1 = assertError(await imp(admin, org.id, lc), 422, 'import_invalid');
			assert.deepEqual(e1.rows.map((x) => [x.line, x.field]), [[2, 'noi_dung']]);
			const sj = 'ngay_nhan,ho_ten,trich_yeu,noi_dung\n01/02/2025,Người Dài,"' + 'x'.repeat(501) + '",C\n';
			const e = assertError(await imp(admin, org.id, sj), 422, 'import_invalid');
			assert.deepEqual(e.rows.map((x) => [x.line, x.field]), [[2, 'trich_yeu']]);
			assert.equal(await total(org.id), n0);
		});
	});

	describe('XLSX over the API', () => {
		let org;
		before(async () => {
			org = assertOk(await admin.post('/organizations', { name: 'Văn phòng xã A', type: 'agency', unit: { structure: 2025, code: A.code } }), 201).organization;
		});

		it('inline strings, a date-formatted cell, a number cell and an id number kept as text', async () => {
			const file = xlsx([
				['Ngày nhận', 'Họ tên', 'Địa chỉ', 'Số giấy tờ', 'Số người', 'Trích yếu', 'Nội dung', 'Phân loại', 'Lĩnh vực', 'Nguồn'],
				[{ date: 45772 }, 'Đặng Văn Sáu', 'Thôn 6', '001203009999', 7, 'Đơn bằng Excel', 'Nội dung trong ô', 'kiến nghị', 'Nhà ở', 'bưu chính'],
				['02/05/2025', 'Bùi Thị Bảy', 'Thôn 7', null, null, 'Đơn thứ hai', 'Nội dung hai', null, 'other', null],
			]);
			assert.deepEqual(assertOk(await imp(officerA.api, org.id, file, 'xlsx')), { imported: 2 });
			const items = await all(org.id);
			const a = await full(items.find((x) => x.subject === 'Đơn bằng Excel').id);
			assert.equal(a.received_day, '2025-04-25', 'Excel serial 45772 with a date format = 25/4/2025');
			assert.equal(a.petitioner.id_number, '001203009999');
			assert.equal(a.persons, 7);
			assert.equal(a.classification, 'recommendation');
			assert.equal(a.field, 'housing');
			const b = await full(items.find((x) => x.subject === 'Đơn thứ hai').id);
			assert.equal(b.received_day, '2025-05-02');
			assert.equal(b.source, 'post', 'post is the default source');
			assert.equal(b.classification, null);
		});

		it('an XLSX cell carries a long content (10000 code points); one more is a row error', async () => {
			const n0 = await total(org.id);
			const ok = xlsx([
				['ngay_nhan', 'ho_ten', 'trich_yeu', 'noi_dung'],
				['25/04/2025', 'Người Dài', 'Đơn rất dài', 'Đ'.repeat(10000)],
			]);
			assert.deepEqual(assertOk(await imp(admin, org.id, ok, 'xlsx')), { imported: 1 });
			const p = await full((await all(org.id)).find((x) => x.subject === 'Đơn rất dài').id);
			assert.equal(p.content.length, 10000);
			const tooLong = xlsx([
				['ngay_nhan', 'ho_ten', 'trich_yeu', 'noi_dung'],
				['25/04/2025', 'Người Dài', 'Đơn quá dài', 'Đ'.repeat(10001)],
			]);
			const e = assertError(await imp(admin, org.id, tooLong, 'xlsx'), 422, 'import_invalid');
			assert.deepEqual(e.rows.map((x) => [x.line, x.field]), [[2, 'noi_dung']]);
			assert.equal(await total(org.id), n0 + 1);
		});

		it('bad rows of an XLSX → 422 with sheet row numbers; nothing written', async () => {
			const n0 = await total(org.id);
			const file = xlsx([
				['ngay_nhan', 'ho_ten', 'trich_yeu', 'noi_dung'],
				['25/04/2025', 'Được', 'Đơn đúng', 'Nội dung'],
				[45772, 'Ngày là số', 'Ô số không có định dạng ngày', 'Nội dung'], // a number without a date format
				null, // row 4 is absent
				['30/02/2025', 'Sai ngày', 'Đơn sai', 'Nội dung'], // row 5
			]);
			const e = assertError(await imp(officerA.api, org.id, file, 'xlsx'), 422, 'import_invalid');
			assert.deepEqual(e.rows.map((x) => [x.line, x.field]), [[3, 'ngay_nhan'], [5, 'ngay_nhan']]);
			assert.equal(await total(org.id), n0);
			// An id number stored as a number loses its leading zeros: documented in docs/import.md.
			const num = xlsx([
				['ngay_nhan', 'ho_ten', 'so_giay_to', 'trich_yeu', 'noi_dung'],
				['25/04/2025', 'Số CCCD dạng số', 1203009999, 'Đơn CCCD số', 'Nội dung'],
			]);
			assertOk(await imp(admin, org.id, num, 'xlsx'));
			const p = await full((await all(org.id)).find((x) => x.subject === 'Đơn CCCD số').id);
			assert.equal(p.petitioner.id_number, '1203009999');
		});
	});

	describe('the command line: danvan import petitions', () => {
		let org;
		const keyArgs = () => (srv.dbKind === 'sqlite' ? ['--key-file', path.join(path.dirname(srv.db), 'identity.key')] : []);
		const cliImport = (orgId, file, extra = []) => srv.cli(['import', 'petitions', '--db', srv.db, '--org', String(orgId),
			...keyArgs(), ...extra, file], { allowFail: true });
		before(async () => {
			org = assertOk(await admin.post('/organizations', { name: 'Tổ nhập liệu xã B', type: 'agency', unit: { structure: 2025, code: B.code } }), 201).organization;
		});

		it('a good CSV → exit 0, "imported N petitions"; the letters are visible through the API', async () => {
			const f = tmpFile(dir, 'so-don.csv', GOOD_CSV);
			const r = await cliImport(org.id, f);
			assert.equal(r.code, 0, r.stderr);
			assert.match(r.stdout, /imported 4 petitions/);
			const items = await all(org.id);
			assert.deepEqual(items.map((x) => x.subject).sort(), [...GOOD_SUBJECTS].sort());
			for (const x of items) assert.equal(x.unit.code, B.code);
			const ev = assertOk(await admin.get(`/petitions/${items[0].id}`)).events[0];
			assert.equal(ev.actor_name, '(cli)');
		});

		it('a bad CSV → exit 1, a stderr line "dòng N" per error, nothing written', async () => {
			const n0 = assertOk(await admin.get('/petitions?limit=1')).total;
			const f = tmpFile(dir, 'loi.csv', BAD_CSV);
			const r = await cliImport(org.id, f);
			assert.equal(r.code, 1);
			for (const line of [2, 3, 4, 5, 6, 7, 8]) assert.match(r.stderr, new RegExp(`dòng ${line}\\b`), r.stderr);
			assert.doesNotMatch(r.stderr, /dòng 9\b/);
			assert.match(r.stderr, /dòng 7, cột linh_vuc: /);
			assert.match(r.stderr, /dòng lỗi/);
			assert.equal(r.stdout, '');
			assert.equal(assertOk(await admin.get('/petitions?limit=1')).total, n0);
		});

		it('an XLSX (format from the extension) → exit 0; a bad XLSX → exit 1', async () => {
			const n0 = await total(org.id);
			const good = tmpFile(dir, 'so-don.xlsx', xlsx([
				['ngay_nhan', 'ho_ten', 'trich_yeu', 'noi_dung', 'phan_loai'],
				[{ date: 45772 }, 'Qua dòng lệnh', 'Đơn XLSX dòng lệnh', 'Nội dung', 'phản ánh'],
			]));
			const r = await cliImport(org.id, good);
			assert.equal(r.code, 0, r.stderr);
			assert.match(r.stdout, /imported 1 petitions/);
			assert.equal(await total(org.id), n0 + 1);
			const bad = tmpFile(dir, 'loi.xlsx', xlsx([
				['ngay_nhan', 'ho_ten', 'trich_yeu', 'noi_dung'],
				['31/04/2025', 'Sai ngày', 'Đơn sai', 'Nội dung'],
			]));
			const b = await cliImport(org.id, bad);
			assert.equal(b.code, 1);
			assert.match(b.stderr, /dòng 2, cột ngay_nhan/);
			// --format overrides the extension: a CSV read as XLSX is not a zip.
			const c = await cliImport(org.id, tmpFile(dir, 'x.csv', GOOD_CSV), ['--format', 'xlsx']);
			assert.notEqual(c.code, 0);
			assert.equal(await total(org.id), n0 + 1);
		});

		it('usage errors → exit 2', async () => {
			const f = tmpFile(dir, 'u.csv', GOOD_CSV);
			const noOrg = await srv.cli(['import', 'petitions', '--db', srv.db, f], { allowFail: true });
			assert.equal(noOrg.code, 2);
			const badFmt = await cliImport(org.id, f, ['--format', 'ods']);
			assert.equal(badFmt.code, 2);
			const missing = await cliImport(org.id, path.join(dir, 'khong-co.csv'));
			assert.equal(missing.code, 1);
		});
	});
});
