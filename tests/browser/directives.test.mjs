// Browser test of directives and campaigns (issue 5), acceptance flow: a ward
// officer registers a resolution with two tasks (responsible organisations,
// deadlines) and a review (sơ kết), marks one task done and sees the
// progress; then records two campaign activities (volunteer labour in km of
// road, a donation in đồng) and sees the period totals, and a kiện toàn
// record in the counts sentence.  At 1366×768 and 390×844, without console
// errors or horizontal scrolling.
//
// Users and organisations are made through the API (tests/api/fixtures.mjs).
// Screenshots: tests/out/directives-*.png.
//
//   cd /work/main && node --test tests/browser/directives.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, login, noHorizontalOverflow, pageMaker, shooter } from '../lib/browser.mjs';
import { assertOk, makeUser, setup } from '../api/fixtures.mjs';

const T = { timeout: 180000 };

const UNIT_A = { structure: 2025, code: '04795' };

let srv;
let admin;
let browser;
let front;
let women;
let officer;
const problems = [];

before(async () => {
	({ srv, admin } = await setup());
	front = assertOk(await admin.post('/organizations', {
		name: 'Ủy ban MTTQ Việt Nam phường Hòa Bình', type: 'fatherland_front', unit: UNIT_A,
	}), 201).organization;
	women = assertOk(await admin.post('/organizations', {
		name: 'Hội Liên hiệp Phụ nữ phường Hòa Bình', type: 'mass_organization', unit: UNIT_A,
	}), 201).organization;
	officer = await makeUser(srv.url, admin, {
		role: 'officer', unit: UNIT_A, username: 'canbo.vanban', fullName: 'Đinh Thị Hằng', password: 'canbo-vanban-1',
	});
	browser = await launchBrowser();
});

after(async () => {
	if (browser) await browser.close();
	if (srv) await srv.stop();
});

const newPage = pageMaker(() => browser, problems);

const shot = shooter('directives');

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const vi = (day) => day.split('-').reverse().join('/');
function plusDays(day, n) {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}
/* A day inside the reporting year that holds today whatever the cut-off
 * (15/12 of the year before .. 14/12): 10/6 once it has passed, else today;
 * from 15/12 on (next year's period) today. */
function dayInYear() {
	const t = today();
	const mid = `${t.slice(0, 4)}-06-10`;
	return t >= mid && t.slice(5) < '12-15' ? mid : t;
}

async function chooseOrg(page, testid, id) {
	await page.locator(`[data-testid="${testid}"] option[value="${id}"]`).waitFor({ state: 'attached' });
	await page.getByTestId(testid).selectOption(String(id));
}

test('a resolution with two tasks and a review; one task done; campaigns and their period totals', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/directives');
		await login(page, officer.username, officer.password);
		assert.equal(await page.getByTestId('nav-directives').getAttribute('aria-current'), 'page');
		await page.getByTestId('directive-table').waitFor();

		// The directive: an empty submit gives a Vietnamese message first.
		await page.getByTestId('directive-new-button').click();
		await page.getByTestId('directive-form').waitFor();
		await page.getByTestId('directive-submit').click();
		await page.getByText('Vui lòng chọn tổ chức theo dõi văn bản.').waitFor();
		await chooseOrg(page, 'directive-org', front.id);
		await page.locator('[data-testid="directive-kind"] option[value="resolution"]').waitFor({ state: 'attached' });
		await page.getByTestId('directive-kind').selectOption('resolution');
		await page.getByTestId('directive-number').fill('25-NQ/TW');
		await page.getByTestId('directive-issuer').fill('Ban Chấp hành Trung ương Đảng (khóa XI)');
		await page.getByTestId('directive-issued-day').fill('03/06/2013');
		await page.getByTestId('directive-abstract').fill('Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới');
		await page.getByTestId('directive-submit').click();
		await page.getByTestId('directive-detail').waitFor();
		assert.match(await page.locator('h1').innerText(), /Nghị quyết số 25-NQ\/TW/);
		assert.match(await page.getByTestId('directive-detail').innerText(), /03\/06\/2013/);

		// Two tasks.
		await page.getByTestId('task-content').fill('Tổ chức quán triệt Nghị quyết đến cán bộ, đoàn viên, hội viên');
		await chooseOrg(page, 'task-orgs-select', front.id);
		await chooseOrg(page, 'task-orgs-select', women.id);
		await page.getByTestId(`task-orgs-chosen-${women.id}`).waitFor();
		await page.getByTestId('task-deadline').fill(vi(plusDays(today(), 10)));
		await page.getByTestId('task-submit').click();
		await page.locator('li.task').first().waitFor();
		await page.getByTestId('task-content').fill('Sơ kết 10 năm thực hiện Nghị quyết');
		await chooseOrg(page, 'task-orgs-select', front.id);
		await page.getByTestId('task-deadline').fill(vi(plusDays(today(), 30)));
		await page.getByTestId('task-submit').click();
		await page.locator('li.task').nth(1).waitFor();
		const ids = [];
		for (const li of await page.locator('li.task').all()) ids.push((await li.getAttribute('data-testid')).replace('task-', ''));
		assert.equal(ids.length, 2);
		assert.match(await page.getByTestId(`task-${ids[0]}`).innerText(), /Ủy ban MTTQ Việt Nam phường Hòa Bình, Hội Liên hiệp Phụ nữ phường Hòa Bình|Hội Liên hiệp Phụ nữ phường Hòa Bình, Ủy ban MTTQ Việt Nam phường Hòa Bình/);
		assert.equal(await page.getByTestId(`task-status-${ids[0]}`).innerText(), 'Chưa triển khai');
		assert.match(await page.getByTestId('directive-progress').innerText(), /0\/2 nhiệm vụ hoàn thành, bình quân 0%/);

		// A review (sơ kết).
		await page.getByTestId('review-kind').selectOption('interim');
		await page.getByTestId('review-day').fill(vi(today()));
		await page.getByTestId('review-summary').fill('Sơ kết 05 năm: 100% chi hội tổ chức quán triệt.');
		await page.getByTestId('review-submit').click();
		await page.locator('[data-testid^="review-"][data-testid$="0"], [data-testid="review-list"] li strong').first().waitFor();
		assert.match(await page.getByTestId('review-list').innerText(), new RegExp(`Sơ kết ngày ${vi(today())}`));

		// Progress on the second task, then the first done.
		await page.getByTestId(`task-edit-${ids[1]}`).click();
		await page.getByTestId(`task-set-status-${ids[1]}`).selectOption('in_progress');
		await page.getByTestId(`task-set-percent-${ids[1]}`).fill('40');
		await page.getByTestId(`task-save-${ids[1]}`).click();
		await page.getByTestId(`task-status-${ids[1]}`).filter({ hasText: 'Đang thực hiện' }).waitFor();
		await page.getByTestId(`task-edit-${ids[0]}`).click();
		await page.getByTestId(`task-set-status-${ids[0]}`).selectOption('done');
		await page.getByTestId(`task-set-notes-${ids[0]}`).fill('Đã quán triệt tại 12/12 khu dân cư.');
		await page.getByTestId(`task-save-${ids[0]}`).click();
		await page.getByTestId(`task-status-${ids[0]}`).filter({ hasText: 'Hoàn thành' }).waitFor();
		assert.match(await page.getByTestId(`task-${ids[0]}`).innerText(), new RegExp(`hoàn thành ngày ${vi(today())}`));
		assert.match(await page.getByTestId('directive-progress').innerText(), /1\/2 nhiệm vụ hoàn thành, bình quân 70%/);
		await shot(page, '01-directive', true);

		// The list shows the progress; the due list the open task.
		await page.getByTestId('nav-directives').click();
		const row = page.locator('[data-testid^="directive-row-"]').first();
		await row.waitFor();
		assert.match(await row.innerText(), /1\/2 hoàn thành/);
		assert.match(await page.getByTestId('directive-due').innerText(), /Sơ kết 10 năm|Chưa hoàn thành/);

		// Campaigns: two activities, then the period totals.
		await page.getByTestId('nav-campaigns').click();
		await page.getByTestId('campaign-totals-text').waitFor();
		assert.match(await page.getByTestId('campaign-totals-text').innerText(), /: 0 hoạt động/);
		const day = vi(dayInYear());
		await page.getByTestId('campaign-new-button').click();
		await chooseOrg(page, 'campaign-org', women.id);
		await page.locator('[data-testid="campaign-kind"] option[value="volunteer_labour"]').waitFor({ state: 'attached' });
		await page.getByTestId('campaign-kind').selectOption('volunteer_labour');
		await page.getByTestId('campaign-target').selectOption('community');
		await page.getByTestId('campaign-title').fill('Ra quân làm đường bê tông liên tổ');
		await page.getByTestId('campaign-day').fill(day);
		await page.getByTestId('campaign-submit').click();
		await page.getByText('Loại hoạt động này cần ghi ít nhất một trong').waitFor();
		await page.getByTestId('campaign-labour_days').fill('300');
		await page.getByTestId('campaign-road_m').fill('2,5');
		await page.getByTestId('campaign-submit').click();
		await page.locator('[data-testid^="campaign-row-"]').first().waitFor();
		await page.getByTestId('campaign-new-button').click();
		await chooseOrg(page, 'campaign-org', front.id);
		await page.getByTestId('campaign-kind').selectOption('donations');
		await page.getByTestId('campaign-target').selectOption('poor_households');
		await page.getByTestId('campaign-title').fill('Vận động ủng hộ Quỹ “Vì người nghèo”');
		await page.getByTestId('campaign-day').fill(day);
		await page.getByTestId('campaign-money').fill('1.250.000.000');
		await page.getByTestId('campaign-submit').click();
		await page.locator('[data-testid^="campaign-row-"]').nth(1).waitFor();
		const totals = page.getByTestId('campaign-totals-text');
		await totals.filter({ hasText: ': 2 hoạt động' }).waitFor();
		const tt = await totals.innerText();
		assert.match(tt, /tổng trị giá 1\.250\.000\.000 đồng/);
		assert.match(tt, /300 ngày công/);
		assert.match(tt, /2,5 km đường giao thông/);
		assert.match(await page.getByTestId('campaign-total-volunteer_labour').innerText(), /2,5 km/);
		await shot(page, '02-campaigns', true);

		// Kiện toàn: one chair of the ward's MTTQ.
		await page.getByTestId('tab-org-changes').click();
		await page.getByTestId('change-counts-text').waitFor();
		await page.getByTestId('change-new-button').click();
		await chooseOrg(page, 'change-org', front.id);
		await page.locator('[data-testid="change-position"] option[value="chair"]').waitFor({ state: 'attached' });
		await page.getByTestId('change-position').selectOption('chair');
		await page.getByTestId('change-person').fill('Trần Văn Dũng');
		await page.getByTestId('change-day').fill(day);
		await page.getByTestId('change-submit').click();
		await page.getByTestId('change-counts-text').filter({ hasText: 'Kiện toàn 01 chức danh chủ tịch Mặt trận Tổ quốc' }).waitFor();
		await context.close();

		// The phone layout.
		const phone = await newPage({ width: 390, height: 844 });
		await phone.page.goto(srv.url + '/#/directives');
		await login(phone.page, officer.username, officer.password);
		await phone.page.locator('[data-testid^="directive-row-"]').first().waitFor();
		await noHorizontalOverflow(phone.page, 'directives at 390');
		await phone.page.locator('[data-testid^="directive-row-"] a').first().click();
		await phone.page.getByTestId('directive-detail').waitFor();
		await noHorizontalOverflow(phone.page, 'directive detail at 390');
		await shot(phone.page, '03-phone-directive', true);
		await phone.page.goto(srv.url + '/#/campaigns');
		await phone.page.getByTestId('campaign-totals-text').filter({ hasText: ': 2 hoạt động' }).waitFor();
		await noHorizontalOverflow(phone.page, 'campaigns at 390');
		await shot(phone.page, '04-phone-campaigns', true);
		await phone.context.close();
		assert.deepEqual(problems, []);
	} finally {
		await context.close().catch(() => {});
	}
});
