// Browser test of the "Chỉ tiêu, báo cáo" page (issue 6): the sysadmin enters
// two commune values of gift_visits through the form and sees the province
// figure equal their sum, the previous period's figure and the change, a
// chart drawn on its canvas next to a non-empty table, the drill-down to a
// child unit through that table, the link from a computed figure to the
// records behind it (reception register with the same unit and dates), the
// list of entered values with delete, the phone layout without horizontal
// scrolling, a 2025 commune shown from 2024 values (with the split commune
// listed, not added), a custom period; no console errors.
//
// Screenshots: tests/out/indicators-*.png.
//
//   cd /work/main && node --test tests/browser/indicators.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from '../lib/server.mjs';
import { launchBrowser, login, noHorizontalOverflow, pageMaker, shooter } from '../lib/browser.mjs';
import { assertOk, childrenOf, makeUser, setup } from '../api/fixtures.mjs';

const T = { timeout: 180000 };

const PROVINCE = { structure: 2025, code: '25', name: 'Tỉnh Phú Thọ' };
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

let srv;
let admin;
let browser;
let communes; // two children of the province, first in the list (inside the chart's 40)
const problems = [];

before(async () => {
	({ srv, admin } = await setup());
	communes = (await childrenOf(admin, PROVINCE.code, { structure: 2025, n: 2 })).map((u) => ({ ...u, structure: 2025 }));
	// Last year's value of the first commune: the previous period of the year.
	assertOk(await admin.put('/indicator-values', {
		indicator: 'gift_visits', unit: { structure: 2025, code: communes[0].code }, period: String(YEAR - 1),
		value: 1000, source: 'Báo cáo năm trước của xã',
	}));
	browser = await launchBrowser();
});

after(async () => {
	if (browser) await browser.close();
	if (srv) await srv.stop();
});

const newPage = pageMaker(() => browser, problems);

const shot = shooter('indicators');

/** Pick a unit in a UnitField (prefix = its testid) by searching its name. */
async function pickUnit(page, prefix, unit) {
	await page.getByTestId(`${prefix}-open`).click();
	await page.getByTestId(`${prefix}-structure`).selectOption(String(unit.structure));
	await page.getByTestId(`${prefix}-search`).fill(unit.name);
	await page.getByTestId(`${prefix}-result-${unit.code}`).click();
	await page.getByTestId(`${prefix}-value`).filter({ hasText: unit.name }).waitFor();
}

/** The canvas has drawn pixels. */
async function canvasDrawn(page, testid) {
	const canvas = page.getByTestId(testid);
	await canvas.waitFor();
	return canvas.evaluate((c) => {
		if (!c.width || !c.height) return false;
		const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
		let painted = 0;
		for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
		return painted > 100;
	});
}

async function enterValue(page, unit, value, source) {
	await page.locator('[data-testid="ind-entry-indicator"] option[value="gift_visits"]').waitFor({ state: 'attached' });
	await page.getByTestId('ind-entry-indicator').selectOption('gift_visits');
	await pickUnit(page, 'ind-entry-unit', unit);
	await page.getByTestId('ind-entry-value').fill(value);
	await page.getByTestId('ind-entry-source').fill(source);
	await page.getByTestId('ind-entry-submit').click();
	await page.getByTestId('ind-entry-done').filter({ hasText: unit.name }).waitFor();
}

test('enter two commune values → province figure is their sum; compare, chart, drill-down, records link', T, async () => {
	const [a, b] = communes;
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/indicators');
		await login(page, ADMIN_USERNAME, ADMIN_PASSWORD);
		assert.equal(await page.getByTestId('nav-indicators').getAttribute('aria-current'), 'page');
		assert.equal(await page.getByTestId('nav-coming').count(), 0, 'nothing is "coming soon" any more');
		await page.getByTestId('ind-pick-unit').waitFor();

		// The province, this year.
		await pickUnit(page, 'ind-unit', PROVINCE);
		assert.equal(await page.getByTestId('ind-period-kind').inputValue(), 'year');
		await page.getByTestId('ind-unit-name').filter({ hasText: PROVINCE.name }).waitFor();
		const head = await page.getByTestId('ind-period-text').innerText();
		assert.match(head, new RegExp(`năm ${YEAR}`));
		assert.match(head, new RegExp(`từ ngày 15/12/${YEAR - 1} đến ngày 14/12/${YEAR}`), head);
		assert.match(await page.getByTestId('ind-cutoff-text').innerText(), /ngày 15/);
		assert.equal(await page.getByTestId('ind-value-gift_visits').innerText(), '—');

		// A value the API refuses: the form shows the Vietnamese message, nothing is saved.
		await page.locator('[data-testid="ind-entry-indicator"] option[value="gift_visits"]').waitFor({ state: 'attached' });
		await page.getByTestId('ind-entry-indicator').selectOption('gift_visits');
		await page.getByTestId('ind-entry-value').fill('12,5');
		await page.getByTestId('ind-entry-source').fill('Thử');
		await page.getByTestId('ind-entry-submit').click();
		await page.getByText('Giá trị không hợp lệ: nhập số nguyên, ví dụ 1.250.').waitFor();

		// Two communes.
		await enterValue(page, a, '1.250', `Báo cáo số 12/BC-UBND của UBND ${a.name}`);
		await enterValue(page, b, '730', `Báo cáo số 08/BC-UBND của UBND ${b.name}`);

		// Province: the sum, from two units; last year 1.000 (first commune only).
		const value = page.getByTestId('ind-value-gift_visits');
		await value.filter({ hasText: '1.980 lượt' }).waitFor();
		assert.match(await page.getByTestId('ind-basis-gift_visits').innerText(), /tổng hợp 2 đơn vị/);
		const prev = await page.getByTestId('ind-previous-gift_visits').innerText();
		assert.match(prev, /1\.000 lượt/);
		assert.match(prev, /tăng 980 \(98%\)/);
		// Computed figures say so; a year has one comparison column (previous = same period last year).
		assert.match(await page.getByTestId('ind-basis-reception_visits').innerText(), /tính từ dữ liệu/);
		assert.equal(await page.getByTestId('ind-year-before-gift_visits').count(), 0);

		// The section chart (its section has the only non-zero figures) and its table.
		assert.equal(await page.getByTestId('ind-chart-section').inputValue(), 'Kinh tế - xã hội');
		assert.ok(await canvasDrawn(page, 'ind-section-chart-canvas'), 'section chart drawn');
		const secTable = await page.getByTestId('ind-section-chart-table').innerText();
		assert.match(secTable, /Lượt thăm hỏi, tặng quà/);
		assert.match(secTable, /1\.980 lượt/);

		// Children of the province for gift_visits: the chart and its table.
		await page.getByTestId('ind-children-indicator').selectOption('gift_visits');
		await page.getByTestId('ind-children-table').waitFor();
		await page.getByTestId(`ind-child-${a.code}`).filter({ hasText: '1.250 lượt' }).waitFor();
		await page.getByTestId(`ind-child-${b.code}`).filter({ hasText: '730 lượt' }).waitFor();
		assert.ok(await canvasDrawn(page, 'ind-children-chart-canvas'), 'children chart drawn');
		await page.getByTestId('ind-children-cap').waitFor(); // 40 of the province's communes
		await shot(page, '01-province', true);
		await noHorizontalOverflow(page, 'indicators 1366');

		// The entered values of this period under the province.
		const entries = page.getByTestId('ind-entries-table');
		await entries.filter({ hasText: b.name }).waitFor();
		assert.equal(await entries.locator('tbody tr').count(), 2);

		// Drill down through the table: the first commune becomes the unit.
		await page.getByTestId(`ind-child-drill-${a.code}`).click();
		await page.getByTestId('ind-unit-name').filter({ hasText: a.name }).waitFor();
		await value.filter({ hasText: '1.250 lượt' }).waitFor();
		assert.match(await page.getByTestId('ind-basis-gift_visits').innerText(), /tự nhập/);
		await page.getByTestId('ind-children-empty').waitFor();
		await entries.locator('tbody tr').nth(1).waitFor({ state: 'detached' });
		assert.equal(await entries.locator('tbody tr').count(), 1);

		// Back to the province.
		await page.getByTestId('ind-back').click();
		await page.getByTestId('ind-unit-name').filter({ hasText: PROVINCE.name }).waitFor();
		await value.filter({ hasText: '1.980 lượt' }).waitFor();

		// A click on a bar drills down too: the top bar is the largest figure, the first commune's.
		await page.getByTestId(`ind-child-${a.code}`).filter({ hasText: '1.250 lượt' }).waitFor();
		const canvas = page.getByTestId('ind-children-chart-canvas');
		const cbox = await canvas.boundingBox();
		await canvas.click({ position: { x: cbox.width * 0.6, y: 22 } });
		await page.getByTestId('ind-unit-name').filter({ hasText: a.name }).waitFor();
		await page.getByTestId('ind-back').click();
		await page.getByTestId('ind-unit-name').filter({ hasText: PROVINCE.name }).waitFor();
		await value.filter({ hasText: '1.980 lượt' }).waitFor();

		// Delete the second commune's value: the province figure follows.
		const rowB = entries.locator('tbody tr').filter({ hasText: b.name });
		await rowB.getByRole('button', { name: 'Xoá' }).click();
		await rowB.getByRole('button', { name: 'Xoá' }).click(); // the confirmation
		await value.filter({ hasText: '1.250 lượt' }).waitFor();
		await entries.filter({ hasNotText: b.name }).waitFor();

		// An entered figure → its entries; a computed figure → the records page with the same unit and dates.
		await page.getByTestId('ind-entries-gift_visits').click();
		assert.equal(await page.getByTestId('ind-entries-indicator').inputValue(), 'gift_visits');
		const link = page.getByTestId('ind-link-reception_visits');
		assert.match(await link.getAttribute('href'), /^#\/reception\/register\?structure=2025&unit=25&/);
		await link.click();
		await page.getByTestId('register-filters').waitFor();
		assert.match(await page.getByTestId('register-filter-unit-value').innerText(), new RegExp(PROVINCE.name));
		assert.equal(await page.getByTestId('register-from').inputValue(), `15/12/${YEAR - 1}`);
		assert.equal(await page.getByTestId('register-to').inputValue(), `14/12/${YEAR}`);
	} finally {
		await context.close();
	}
});

test('phone 390×844, a viewer of the province: fits the screen, children load with progress, no entering', T, async () => {
	const viewer = await makeUser(srv.url, admin, { role: 'viewer', unit: { structure: 2025, code: PROVINCE.code } });
	const { context, page } = await newPage({ width: 390, height: 844 });
	try {
		// The children's figures a little slower, to see the progress.
		await page.route(/\/api\/v1\/stats\/indicators\?.*codes=/, async (route) => {
			await new Promise((r) => setTimeout(r, 100));
			await route.continue();
		});
		await page.goto(`${srv.url}/#/indicators`);
		await login(page, viewer.username, viewer.password);
		// The viewer's own unit by default.
		await page.getByTestId('ind-unit-name').filter({ hasText: PROVINCE.name }).waitFor();
		await page.getByTestId('ind-children-progress').filter({ hasText: /Đang tải \d+\/40…/ }).waitFor();
		await page.getByTestId('ind-value-gift_visits').filter({ hasText: 'lượt' }).waitFor();
		assert.ok(await canvasDrawn(page, 'ind-section-chart-canvas'), 'section chart drawn on a phone');
		await page.getByTestId('ind-children-table').waitFor({ timeout: 30000 });
		assert.ok(await canvasDrawn(page, 'ind-children-chart-canvas'), 'children chart drawn on a phone');
		await noHorizontalOverflow(page, 'indicators 390');
		const box = await page.getByTestId('ind-children-chart').boundingBox();
		assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `children chart inside the screen: ${JSON.stringify(box)}`);
		// A viewer reads the entered values but neither enters nor deletes.
		await page.getByTestId('ind-entries-table').filter({ hasText: communes[0].name }).waitFor();
		assert.equal(await page.getByTestId('ind-entry-form').count(), 0);
		assert.equal(await page.getByTestId('ind-entries-table').getByRole('button', { name: 'Xoá' }).count(), 0);
		await shot(page, '02-phone', true);
	} finally {
		await context.close();
	}
});

test('a 2025 commune with values of the 2024 communes: old structure, split unit not added; custom period', T, async () => {
	// Xã Liên Sơn (2025) took Xã Liên Sơn (2024) whole and part of Xã Cao Sơn (2024).
	const put = async (code, value) => assertOk(await admin.put('/indicator-values', {
		indicator: 'gift_visits', unit: { structure: 2024, code }, period: String(YEAR), value, source: 'Báo cáo của xã cũ',
	}));
	await put('04969', 450);
	await put('04957', 300);
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(`${srv.url}/#/indicators?structure=2025&unit=04960&unit_name=${encodeURIComponent('Xã Liên Sơn')}`);
		await login(page, ADMIN_USERNAME, ADMIN_PASSWORD);
		await page.getByTestId('ind-value-gift_visits').filter({ hasText: '450 lượt' }).waitFor();
		assert.match(await page.getByTestId('ind-basis-gift_visits').innerText(), /số liệu theo đơn vị hành chính cũ/);
		assert.equal(await page.getByTestId('ind-partial-gift_visits').innerText(),
			'Đơn vị chia tách, không cộng: Xã Cao Sơn (300 lượt)');

		// A custom period: its dates as typed, no cut-off shift.
		await page.getByTestId('ind-period-kind').selectOption('custom');
		await page.getByTestId('ind-period-from').fill(`01/01/${YEAR}`);
		await page.getByTestId('ind-period-to').fill(`30/06/${YEAR}`);
		await page.getByTestId('ind-period-text').filter({ hasText: `từ 01/01/${YEAR} đến 30/06/${YEAR}` }).waitFor();
		assert.match(await page.getByTestId('ind-cutoff-text').innerText(), /không áp dụng ngày chốt/);
		assert.equal(await page.getByTestId('ind-value-gift_visits').innerText(), '—');
		await shot(page, '03-old-structure');
	} finally {
		await context.close();
	}
});

test('no console errors', () => {
	assert.deepEqual(problems, []);
});
