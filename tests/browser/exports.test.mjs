// Browser test of "Xuất Excel" on the paginated lists: a demo officer of the
// province opens the petition queue (a year of demo letters, several pages),
// clicks "Xuất Excel" under the list and gets an XLSX (a zip) whose sheet has
// the Vietnamese header labels and exactly as many data rows as the pager's
// "Tổng số: N" — every page, not only the shown one — with the received day
// as a real date cell; with a status filter the file holds only the filtered
// letters, each with the Vietnamese label of the status; the organisations
// list filtered by type likewise.  The progress area ends in its done state
// ("Đã xuất xong …"); a refusal of the server (413, mocked) shows its
// Vietnamese message in an alert and enables the button again; at 390×844 the
// pager with the button does not make the page scroll sideways; no console
// errors.
//
// Screenshots: tests/out/exports-*.png.
//
//   cd /work/main && node --test tests/browser/exports.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../lib/server.mjs';
import { OUT, launchBrowser, login, noHorizontalOverflow, pageMaker, shooter } from '../lib/browser.mjs';

const T = { timeout: 240000 };
const DEMO_USER = 'canbo.tinh';
const DEMO_PASSWORD = 'demo-password-1';

let srv;
let browser;
let tmp;
const problems = [];

before(async () => {
	tmp = mkdtempSync(path.join(os.tmpdir(), 'danvan-exports-'));
	srv = await startServer({ demo: true });
	browser = await launchBrowser();
});

after(async () => {
	if (browser) await browser.close();
	if (srv) await srv.stop();
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const newPage = pageMaker(() => browser, problems, {
	// 404: progress asked before the server knows the token; 413: the mocked refusal
	expected: (text) => /status of (401|404|413)\b/.test(text), timeout: 20000, context: { acceptDownloads: true },
});

const shot = shooter('exports');

/** The pager's "Tổng số: N …" as a number (vi-VN digits: "1.234"). */
async function pagerTotal(page, testid) {
	const text = await page.getByTestId(`${testid}-total`).textContent();
	const m = /Tổng số:\s*([\d.]+)/.exec(text);
	assert.ok(m, `no total in "${text}"`);
	return Number(m[1].replace(/\./g, ''));
}

/** Wait until the pager shows `total` after a filter change. */
async function waitTotal(page, testid, predicate) {
	for (let i = 0; i < 100; i++) {
		const n = await pagerTotal(page, testid);
		if (predicate(n)) return n;
		await page.waitForTimeout(100);
	}
	return pagerTotal(page, testid);
}

// The first worksheet of an XLSX, with python3's zipfile: the cells of each
// row as {t: type, v: text} (shared strings and inline strings resolved).
const READ_XLSX = String.raw`
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
shared = []
if 'xl/sharedStrings.xml' in names:
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
sheets = sorted(n for n in names if re.match(r'xl/worksheets/sheet\d+\.xml$', n))
root = ET.fromstring(z.read(sheets[0]))
def col(ref):
    n = 0
    for ch in re.match(r'[A-Z]+', ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1
rows = []
for row in root.iter('{%s}row' % NS['m']):
    cells = []
    for c in row.findall('m:c', NS):
        t = c.get('t', 'n')
        v = c.find('m:v', NS)
        text = v.text if v is not None else ''
        if t == 's':
            text = shared[int(text)]
        elif t == 'inlineStr':
            text = ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m']))
        i = col(c.get('r')) if c.get('r') else len(cells)
        while len(cells) < i:
            cells.append({'t': '', 'v': ''})
        cells.append({'t': t, 'v': text or '', 's': c.get('s')})
    rows.append(cells)
print(json.dumps({'entries': names, 'sheets': sheets, 'rows': rows}, ensure_ascii=False))
`;

function readXlsx(file) {
	const bytes = readFileSync(file);
	assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'the file is a zip');
	const r = spawnSync('python3', ['-c', READ_XLSX, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	assert.equal(r.status, 0, `reading the xlsx: ${r.stderr}`);
	const x = JSON.parse(r.stdout);
	assert.ok(x.entries.includes('[Content_Types].xml'), 'an OOXML package');
	assert.ok(x.entries.includes('xl/workbook.xml'), 'a workbook');
	return x;
}

/** Header row (the first row holding `firstLabel`), its labels and the data rows after it. */
function sheetTable(x, firstLabel) {
	const texts = x.rows.map((r) => r.map((c) => c.v));
	const h = texts.findIndex((r) => r.includes(firstLabel));
	assert.ok(h >= 0, `no header row with "${firstLabel}": ${JSON.stringify(texts.slice(0, 3))}`);
	const header = texts[h];
	const data = x.rows.slice(h + 1).filter((r) => r.some((c) => c.v !== ''));
	return { header, data, cell: (row, label) => row[header.indexOf(label)] || { t: '', v: '' } };
}

/**
 * Click "Xuất Excel" of the pager `testid`, wait for the download, save it.
 * Records what the progress area showed meanwhile.
 */
async function exportList(page, testid, name) {
	await page.evaluate((id) => {
		window.__exportSeen = [];
		const root = document.querySelector(`[data-testid="${id}-export"]`);
		const note = () => {
			const b = root.querySelector('button');
			const s = root.querySelector('[role="status"]');
			window.__exportSeen.push(`${b.disabled ? 'disabled' : 'enabled'}|${s ? s.textContent : ''}|${root.querySelector('progress') ? 'progress' : ''}`);
		};
		new MutationObserver(note).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
	}, testid);
	const button = page.getByTestId(`${testid}-export-button`);
	assert.equal(await button.textContent(), 'Xuất Excel');
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 120000 }),
		button.click(),
	]);
	const file = path.join(tmp, name);
	await download.saveAs(file);
	assert.match(download.suggestedFilename(), /^[A-Za-z0-9._-]+\.xlsx$/, 'file name');
	const status = page.getByTestId(`${testid}-export-status`);
	await page.waitForFunction((id) => {
		const s = document.querySelector(`[data-testid="${id}-export-status"]`);
		return s && s.dataset.state === 'done';
	}, testid, { timeout: 20000 });
	assert.match(await status.textContent(), /^Đã xuất xong/);
	assert.equal(await status.getAttribute('role'), 'status');
	assert.equal(await status.getAttribute('aria-live'), 'polite');
	assert.equal(await button.isEnabled(), true, 'the button is enabled again');
	const seen = await page.evaluate(() => window.__exportSeen);
	assert.ok(seen.some((s) => s.startsWith('disabled|')), `the button was disabled while running: ${seen.join(' / ')}`);
	assert.ok(seen.some((s) => /Đang (đếm…|xuất)/.test(s) || s.includes('progress')),
		`a progress text or bar was shown: ${seen.join(' / ')}`);
	return { file, status: await status.textContent(), suggested: download.suggestedFilename() };
}

test('petitions: the whole list, then only the filtered letters', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/petitions');
		await login(page, DEMO_USER, DEMO_PASSWORD);
		await page.getByTestId('petition-pager').waitFor();
		const total = await pagerTotal(page, 'petition-pager');
		assert.ok(total > 20, `the demo has more than one page of letters (${total})`);

		const all = await exportList(page, 'petition-pager', 'don-thu-all.xlsx');
		assert.match(all.suggested, /^don-thu-\d{4}-\d{2}-\d{2}\.xlsx$/);
		await shot(page, 'petitions-done');
		const x = readXlsx(all.file);
		const t = sheetTable(x, 'Mã đơn');
		for (const label of ['Mã đơn', 'Ngày nhận', 'Nguồn đơn', 'Tiêu đề', 'Người gửi', 'Phân loại', 'Lĩnh vực',
			'Cơ quan nhận', 'Đơn vị', 'Trạng thái', 'Hạn xử lý đơn', 'Hạn giải quyết']) {
			assert.ok(t.header.includes(label), `header "${label}" in ${JSON.stringify(t.header)}`);
		}
		assert.equal(t.data.length, total, 'one row per letter of the whole list');
		if (/dòng/.test(all.status)) assert.ok(all.status.includes(`${total.toLocaleString('vi-VN')} dòng`), all.status);
		// The received day is a date cell (a number with a date style), the status a Vietnamese label.
		const r0 = t.data[0];
		assert.match(t.cell(r0, 'Mã đơn').v, /\S/);
		assert.equal(t.cell(r0, 'Ngày nhận').t, 'n', 'the received day is a number (date) cell');
		assert.match(t.cell(r0, 'Ngày nhận').v, /^\d+(\.\d+)?$/);
		const statuses = new Set(t.data.map((r) => t.cell(r, 'Trạng thái').v));
		for (const s of statuses) assert.match(s, /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i, `status label "${s}"`);

		// Filtered: only the resolved letters.
		await page.getByTestId('petition-filter-status').selectOption('resolved');
		const filtered = await waitTotal(page, 'petition-pager', (n) => n < total);
		assert.ok(filtered > 0 && filtered < total, `resolved letters: ${filtered} of ${total}`);
		const part = await exportList(page, 'petition-pager', 'don-thu-resolved.xlsx');
		const y = sheetTable(readXlsx(part.file), 'Mã đơn');
		assert.equal(y.data.length, filtered, 'one row per filtered letter');
		for (const r of y.data) assert.equal(y.cell(r, 'Trạng thái').v, 'Đã có kết quả');
		const codes = new Set(t.data.map((r) => t.cell(r, 'Mã đơn').v));
		for (const r of y.data) assert.ok(codes.has(y.cell(r, 'Mã đơn').v), 'a filtered letter is one of the whole list');
		await page.getByTestId('petition-filter-clear').click();
		await waitTotal(page, 'petition-pager', (n) => n === total);
	} finally {
		await context.close();
	}
});

test('organisations filtered by type; a refusal shows the server message', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/organizations');
		await login(page, DEMO_USER, DEMO_PASSWORD);
		await page.getByTestId('org-pager').waitFor();
		const total = await pagerTotal(page, 'org-pager');
		assert.ok(total > 0, 'the demo has organisations');
		await page.getByTestId('org-filter-type').selectOption('fatherland_front');
		const filtered = await waitTotal(page, 'org-pager', (n) => n < total);
		assert.ok(filtered > 0 && filtered < total, `fatherland front organisations: ${filtered} of ${total}`);
		const r = await exportList(page, 'org-pager', 'to-chuc.xlsx');
		const t = sheetTable(readXlsx(r.file), 'Tên tổ chức');
		for (const label of ['Tên tổ chức', 'Loại', 'Đơn vị']) assert.ok(t.header.includes(label), `header "${label}"`);
		assert.equal(t.data.length, filtered);
		for (const row of t.data) assert.equal(t.cell(row, 'Loại').v, 'Mặt trận Tổ quốc');

		// A refusal (mocked: the demo is far below the row limit) → the server's message, button enabled again.
		const MESSAGE = 'Danh sách có quá nhiều dòng để xuất (tối đa 100.000 dòng). Vui lòng lọc bớt.';
		let sent = null;
		await page.route('**/api/v1/exports', async (route) => {
			sent = { body: route.request().postDataJSON(), headers: route.request().headers() };
			await route.fulfill({
				status: 413, contentType: 'application/json; charset=utf-8',
				body: JSON.stringify({ error: { code: 'too_many_rows', message: MESSAGE } }),
			});
		});
		await page.getByTestId('org-pager-export-button').click();
		await page.getByTestId('org-pager-export-error').waitFor();
		assert.equal(await page.getByTestId('org-pager-export-error').textContent(), MESSAGE);
		assert.equal(await page.getByTestId('org-pager-export-error').getAttribute('role'), 'alert');
		assert.equal(await page.getByTestId('org-pager-export-button').isEnabled(), true);
		// What the page sent: the list's path, its filter without paging, the columns, a token, the CSRF header.
		assert.equal(sent.body.path, '/api/v1/organizations');
		assert.deepEqual(sent.body.query, { type: 'fatherland_front' });
		assert.match(sent.body.token, /^[A-Za-z0-9_-]{8,64}$/);
		assert.match(sent.body.filename, /^[A-Za-z0-9._-]+\.xlsx$/);
		assert.equal(sent.body.title, 'Danh sách tổ chức');
		assert.ok(sent.body.columns.length >= 1 && sent.body.columns.length <= 60);
		assert.deepEqual(sent.body.columns[0], { key: 'name', label: 'Tên tổ chức' });
		assert.equal(sent.body.columns.find((c) => c.key === 'type').values.fatherland_front, 'Mặt trận Tổ quốc');
		assert.ok(sent.headers['x-csrf-token'], 'CSRF header sent');
		assert.match(sent.headers['content-type'], /^application\/json/);
		await shot(page, 'organizations-error');
		await page.unroute('**/api/v1/exports');
	} finally {
		await context.close();
	}
});

test('phone: the pager with the export button fits 390 px', T, async () => {
	const { context, page } = await newPage({ width: 390, height: 844 });
	try {
		await page.goto(srv.url + '/#/petitions');
		await login(page, DEMO_USER, DEMO_PASSWORD);
		await page.getByTestId('petition-pager').waitFor();
		await page.getByTestId('petition-pager-export-button').scrollIntoViewIfNeeded();
		assert.ok(await page.getByTestId('petition-pager-export-button').isVisible());
		await noHorizontalOverflow(page, 'petitions at 390 px');
		const r = await exportList(page, 'petition-pager', 'don-thu-phone.xlsx');
		assert.ok(readXlsx(r.file).rows.length > 1);
		await noHorizontalOverflow(page, 'petitions at 390 px after the export');
		await page.getByTestId('petition-pager').screenshot({ path: path.join(OUT, 'exports-phone-pager.png') });
	} finally {
		await context.close();
	}
});

test('no console errors', () => {
	assert.deepEqual(problems, []);
});
