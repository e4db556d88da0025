// Browser test of the reports pages (issue 6): the sysadmin enters a commune's
// indicator value (API), opens "Chỉ tiêu, báo cáo" → tab "Báo cáo", builds a
// report for that commune and year through the form, sees the figure sentence
// in the preview with the vi-VN number and the missing figures listed, edits a
// paragraph (kept after reload) and the signer, issues it with number 5 and a
// day and sees "Số 05-BC/…" and the long date in the header, downloads the DOCX
// through its link (a zip), sees it in the list as issued; a draft issued
// meanwhile (by the API) refuses an edit with the Vietnamese 409 message under
// the paragraph; a draft is deleted with the in-place confirmation; the phone
// layout has no horizontal page scroll; no console errors.
//
// Screenshots: tests/out/reports-*.png.
//
//   cd /work/main && node --test tests/browser/reports.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from '../lib/server.mjs';
import { launchBrowser, login, noHorizontalOverflow, pageMaker, shooter } from '../lib/browser.mjs';
import { assertOk, childrenOf, makeUser, setup } from '../api/fixtures.mjs';

const T = { timeout: 180000 };
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

let srv;
let admin;
let browser;
let commune;
let reportId;
const problems = [];

before(async () => {
	({ srv, admin } = await setup());
	[commune] = await childrenOf(admin, '25', { structure: 2025, n: 1, offset: 3 });
	commune = { ...commune, structure: 2025 };
	assertOk(await admin.put('/indicator-values', {
		indicator: 'gift_visits', unit: { structure: 2025, code: commune.code }, period: String(YEAR),
		value: 12345, source: 'Báo cáo của UBND xã',
	}));
	browser = await launchBrowser();
});

after(async () => {
	if (browser) await browser.close();
	if (srv) await srv.stop();
});

const newPage = pageMaker(() => browser, problems, {
	// 409: the refused edit of an issued report; 400: refusals the tests provoke on purpose (expected400)
	expected: (text) => /status of (401|409)\b/.test(text) ||
		(/status of 400\b/.test(text) && expected400 > 0 && expected400-- > 0),
});

const shot = shooter('reports');

async function pickUnit(page, prefix, unit) {
	await page.getByTestId(`${prefix}-open`).click();
	await page.getByTestId(`${prefix}-structure`).selectOption(String(unit.structure));
	await page.getByTestId(`${prefix}-search`).fill(unit.name);
	await page.getByTestId(`${prefix}-result-${unit.code}`).click();
	await page.getByTestId(`${prefix}-value`).filter({ hasText: unit.name }).waitFor();
}

/** Index of the first block of the preview whose text matches re. */
let expected400 = 0; // refusals the tests provoke on purpose

async function blockIndex(page, re) {
	const texts = await page.locator('[data-testid^="rp-block-view-"]').evaluateAll((els) =>
		els.map((e) => ({ i: Number(e.dataset.testid.replace('rp-block-view-', '')), text: e.textContent })));
	const b = texts.find((x) => re.test(x.text));
	assert.ok(b, `no block matching ${re}`);
	return b.i;
}

test('build a report through the form, edit, issue, download', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/indicators');
		await login(page, ADMIN_USERNAME, ADMIN_PASSWORD);
		// One navigation entry; a tab switches to the reports.
		assert.equal(await page.getByTestId('tab-indicators').getAttribute('aria-current'), 'page');
		await page.getByTestId('tab-reports').click();
		await page.getByTestId('rp-list').waitFor();
		assert.equal(await page.getByTestId('nav-indicators').getAttribute('aria-current'), 'page');
		assert.equal(await page.getByTestId('tab-reports').getAttribute('aria-current'), 'page');
		await page.getByTestId('rp-list').getByText('Chưa có báo cáo nào.').waitFor();

		// The form.
		await page.getByTestId('rp-new-link').click();
		await page.locator('[data-testid="rp-new-template"] option[value="dan_van"]').waitFor({ state: 'attached' });
		const options = await page.getByTestId('rp-new-template').locator('option').allInnerTexts();
		assert.ok(options.some((o) => /thể thức Đảng \(HD 36\)/.test(o)), options.join(' | '));
		assert.ok(options.some((o) => /thể thức hành chính \(NĐ 30\/2020\)/.test(o)), options.join(' | '));
		await page.getByTestId('rp-new-template').selectOption('dan_van');
		await pickUnit(page, 'rp-new-unit', commune);
		await page.getByTestId('rp-new-period-kind').selectOption('year');
		await page.getByTestId('rp-new-period-year').selectOption(String(YEAR));
		await shot(page, 'new');
		await page.getByTestId('rp-new-submit').click();
		await page.waitForURL(/#\/reports\/\d+$/);
		reportId = Number(/#\/reports\/(\d+)$/.exec(page.url())[1]);
		await page.getByTestId('rp-preview').waitFor();

		// The preview: the figure sentence with the vi-VN number, the header, the warnings.
		const preview = page.getByTestId('rp-preview');
		await preview.getByText(/tặng quà cho 12\.345 lượt gia đình chính sách/).waitFor();
		assert.equal(await page.getByTestId('rp-status').getAttribute('data-status'), 'draft');
		assert.match(await page.getByTestId('rp-status').innerText(), /Dự thảo/);
		assert.match(await page.getByTestId('rp-period').innerText(), new RegExp(`Năm ${YEAR}`));
		assert.match(await page.getByTestId('rp-head-number').innerText(), /^Số\s+-BC\/BTGDV$/);
		assert.match(await preview.innerText(), /ĐẢNG CỘNG SẢN VIỆT NAM/);
		assert.match(await page.getByTestId('rp-closing').innerText(), /Nơi nhận:/);
		assert.match(await page.getByTestId('rp-warnings').innerText(), /số liệu chưa có/);
		await page.getByTestId('rp-warnings-more').click();
		await page.getByTestId('rp-warnings').getByText(/^Chưa có số liệu: Sản phẩm OCOP\.$/).waitFor();
		assert.ok(await preview.locator('table.rp-table').count() >= 1, 'a statistical table');
		const cells = await preview.locator('table.rp-table td').allInnerTexts();
		assert.ok(cells.includes('12.345'), 'the table shows 12.345');
		await shot(page, 'draft');
		await shot(page, 'draft-full', true);

		// Edit a paragraph: saved, and still there after reloading.
		const i = await blockIndex(page, /\(đơn vị bổ sung\)/);
		const text = `Ưu điểm: cấp ủy quan tâm lãnh đạo công tác dân vận (sửa lúc ${Date.now()}).`;
		await page.getByTestId(`rp-block-edit-${i}`).click();
		await page.getByTestId(`rp-block-text-${i}`).fill(text);
		await page.getByTestId(`rp-block-text-${i}`).scrollIntoViewIfNeeded();
		await shot(page, 'editing');
		await page.getByTestId(`rp-block-save-${i}`).click();
		await page.getByTestId(`rp-block-view-${i}`).filter({ hasText: text }).waitFor();
		await page.getByTestId('rp-notice').waitFor();
		// The signer, through the closing form.
		await page.getByTestId('rp-closing-name').fill('Nguyễn Văn An');
		await page.getByTestId('rp-closing-save').click();
		await page.getByTestId('rp-closing-done').waitFor();
		await page.reload();
		await page.getByTestId(`rp-block-view-${i}`).filter({ hasText: text }).waitFor();
		assert.match(await page.getByTestId('rp-sign').innerText(), /Nguyễn Văn An/);

		// Issue with number 5 and a day, after the in-place confirmation.
		await page.getByTestId('rp-issue-number').fill('5');
		await page.getByTestId('rp-issue-day').fill(`20/12/${YEAR}`);
		await page.getByTestId('rp-issue-submit').click();
		assert.match(await page.getByTestId('rp-issue-question').innerText(), new RegExp(`Số 05-BC/BTGDV, ngày 20/12/${YEAR}`));
		await page.getByTestId('rp-issue-yes').click();
		await page.locator('[data-testid="rp-status"][data-status="issued"]').waitFor();
		assert.match(await page.getByTestId('rp-status').innerText(), /Đã ban hành/);
		assert.match(await page.getByTestId('rp-head-number').innerText(), /^Số 05-BC\/BTGDV$/);
		assert.match(await page.getByTestId('rp-head-date').innerText(), new RegExp(`ngày 20 tháng 12 năm ${YEAR}$`));
		assert.match(await page.getByTestId('rp-issued').innerText(), new RegExp(`Số 05, ngày 20/12/${YEAR}`));
		assert.equal(await page.locator('[data-testid^="rp-block-edit-"]').count(), 0, 'an issued report is read-only');
		assert.equal(await page.getByTestId('rp-issue-form').count(), 0);
		assert.equal(await page.getByTestId('rp-delete').count(), 0);
		assert.equal(await page.getByTestId('rp-warnings').count(), 0);
		await page.getByTestId(`rp-block-view-${i}`).filter({ hasText: text }).waitFor();
		await shot(page, 'issued');

		// The downloads.
		const href = await page.getByTestId('rp-docx').getAttribute('href');
		assert.equal(href, `/api/v1/reports/${reportId}/docx`);
		assert.equal(await page.getByTestId('rp-xlsx').getAttribute('href'), `/api/v1/reports/${reportId}/xlsx`);
		assert.equal(await page.getByTestId('rp-html').getAttribute('href'), `/api/v1/reports/${reportId}/html`);
		const got = await page.evaluate(async (h) => {
			const res = await fetch(h, { credentials: 'same-origin' });
			const b = new Uint8Array(await res.arrayBuffer());
			return { status: res.status, type: res.headers.get('content-type'), head: String.fromCharCode(b[0], b[1], b[2], b[3]), size: b.length };
		}, href);
		assert.equal(got.status, 200);
		assert.equal(got.head, 'PK\u0003\u0004', 'a zip file');
		assert.match(got.type, /wordprocessingml/);

		// The list.
		await page.goto(srv.url + '/#/reports');
		const row = page.getByTestId(`rp-row-${reportId}`);
		await row.waitFor();
		assert.match(await row.innerText(), new RegExp(`Năm ${YEAR}`));
		assert.match(await row.innerText(), new RegExp(commune.name));
		assert.match(await page.getByTestId(`rp-status-${reportId}`).innerText(), /Đã ban hành/);
		assert.match(await page.getByTestId(`rp-number-${reportId}`).innerText(), new RegExp(`Số 05, ngày 20/12/${YEAR}`));
		await page.getByTestId('rp-filter-status').selectOption('draft');
		await page.getByTestId('rp-list').getByText('Chưa có báo cáo nào.').waitFor();
		await page.getByTestId('rp-filter-status').selectOption('issued');
		await row.waitFor();
		await shot(page, 'list');
	} finally {
		await context.close();
	}
});

test('a draft issued meanwhile refuses an edit; a draft is deleted', T, async () => {
	const mk = async (template) => assertOk(await admin.post('/reports', {
		template, unit: { structure: 2025, code: commune.code }, period: `${YEAR}-H1`,
	}), 201).report;
	const a = await mk('tiep_cong_dan');
	const b = await mk('tiep_cong_dan');
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + `/#/reports/${a.id}`);
		await login(page, ADMIN_USERNAME, ADMIN_PASSWORD);
		await page.getByTestId('rp-preview').waitFor();
		assert.match(await page.getByTestId('rp-head-number').innerText(), /^Số:\s+\/BC-UBND$/);
		assert.match(await page.getByTestId('rp-preview').innerText(), /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
		const i = await blockIndex(page, /\(đơn vị bổ sung\)/);
		await page.getByTestId(`rp-block-edit-${i}`).click();
		assertOk(await admin.post(`/reports/${a.id}/issue`, { number: 7, day: `${YEAR}-06-20` }));
		await page.getByTestId(`rp-block-text-${i}`).fill('Sửa sau khi đã ban hành');
		await page.getByTestId(`rp-block-save-${i}`).click();
		const err = await page.getByTestId(`rp-block-error-${i}`).innerText();
		assert.match(err, /đã ban hành/i, err);

		// Delete a draft.
		await page.goto(srv.url + `/#/reports/${b.id}`);
		await page.getByTestId('rp-preview').waitFor();
		await page.getByTestId('rp-delete').click();
		await page.getByTestId('rp-delete-yes').click();
		await page.waitForURL(/#\/reports$/);
		await page.getByTestId('rp-list').waitFor();
		await page.getByTestId(`rp-row-${a.id}`).waitFor();
		assert.equal(await page.getByTestId(`rp-row-${b.id}`).count(), 0);
		assert.equal((await admin.get(`/reports/${b.id}`)).status, 404);
	} finally {
		await context.close();
	}
});

test('roles: an officer edits a draft but does not issue it; a viewer only reads', T, async () => {
	const unit = { structure: 2025, code: commune.code };
	const officer = await makeUser(srv.url, admin, { role: 'officer', unit, username: 'rpb.officer' });
	const viewer = await makeUser(srv.url, admin, { role: 'viewer', unit, username: 'rpb.viewer' });
	const d = assertOk(await officer.api.post('/reports', { template: 'tiep_cong_dan', unit, period: `${YEAR}-Q1` }), 201).report;
	for (const [who, canEdit] of [[officer, true], [viewer, false]]) {
		const { context, page } = await newPage({ width: 1366, height: 768 });
		try {
			await page.goto(srv.url + '/#/reports');
			await login(page, who.username, who.password);
			await page.getByTestId(`rp-row-${d.id}`).waitFor();
			assert.equal(await page.getByTestId('rp-new-link').count(), canEdit ? 1 : 0);
			await page.getByTestId(`rp-link-${d.id}`).click();
			await page.getByTestId('rp-preview').waitFor();
			assert.equal(await page.getByTestId('rp-issue-form').count(), 0, 'only leaders and administrators issue');
			assert.equal(await page.locator('[data-testid^="rp-block-edit-"]').count() > 0, canEdit);
			assert.equal(await page.getByTestId('rp-head-form').count(), canEdit ? 1 : 0);
			assert.equal(await page.getByTestId('rp-delete').count(), canEdit ? 1 : 0);
		} finally {
			await context.close();
		}
	}
});

test('a system administrator edits a template; a bad placeholder is refused with the reason', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/reports');
		await login(page, ADMIN_USERNAME, ADMIN_PASSWORD);
		await page.getByTestId('rp-templates-link').click();
		await page.getByTestId('rp-tpl-tiep_cong_dan').click();
		await page.getByTestId('rp-template-form').waitFor();
		const body = JSON.parse(await page.getByTestId('rp-tpl-body').inputValue());
		assert.ok(Array.isArray(body.blocks) && body.blocks.length > 3);
		// an unknown indicator code in a paragraph: the API's reason, nothing saved
		body.blocks[1] = { p: 'Tiếp {khong_co} lượt.' };
		await page.getByTestId('rp-tpl-body').fill(JSON.stringify(body, null, 2));
		expected400++;
		await page.getByTestId('rp-tpl-save').click();
		await page.getByTestId('rp-template-form').getByText('Chỗ điền số liệu không hợp lệ').waitFor();
		// a good change is saved and read back
		body.blocks[1] = { p: 'Trong {period}, tiếp {reception_visits} lượt với {reception_persons} người.' };
		await page.getByTestId('rp-tpl-body').fill(JSON.stringify(body, null, 2));
		await page.getByTestId('rp-tpl-abstract').fill('Công tác tiếp công dân {period}');
		await page.getByTestId('rp-tpl-save').click();
		await page.getByTestId('rp-tpl-saved').waitFor();
		const t = assertOk(await admin.get('/report-templates/tiep_cong_dan')).template;
		assert.equal(t.abstract, 'Công tác tiếp công dân {period}');
		assert.equal(t.body.blocks[1].p, 'Trong {period}, tiếp {reception_visits} lượt với {reception_persons} người.');
	} finally {
		await context.close();
	}
});

test('phone layout: no horizontal page scroll; no console errors', T, async () => {
	assert.ok(reportId, 'the first test built a report');
	const { context, page } = await newPage({ width: 390, height: 844 });
	try {
		await page.goto(srv.url + `/#/reports/${reportId}`);
		await login(page, ADMIN_USERNAME, ADMIN_PASSWORD);
		await page.getByTestId('rp-preview').waitFor();
		await page.getByTestId('rp-head-number').filter({ hasText: 'Số 05-BC/BTGDV' }).waitFor();
		await noHorizontalOverflow(page, 'report');
		await shot(page, 'phone-report');
		await shot(page, 'phone-report-full', true);
		await page.goto(srv.url + '/#/reports');
		await page.getByTestId(`rp-row-${reportId}`).waitFor();
		await noHorizontalOverflow(page, 'list');
		await shot(page, 'phone-list');
		await page.goto(srv.url + '/#/reports/new');
		await page.locator('[data-testid="rp-new-template"] option[value="dan_van"]').waitFor({ state: 'attached' });
		await noHorizontalOverflow(page, 'new report');
		await shot(page, 'phone-new');
	} finally {
		await context.close();
	}
	assert.deepEqual(problems, []);
});
