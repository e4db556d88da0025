// Browser test of the web front end (web/dist served by `danvan serve`):
// login, the unit picker (search and tree), creating a scoped user through
// the picker, logging in as that user and seeing only their subtree, the
// admin-only navigation, and the phone layout (390x844: no horizontal
// overflow, working menu button).
//
// Runs Debian's chromium through playwright-core.  Screenshots go to
// tests/out/browser-*.png.
//
//   cd /work/main && node --test tests/browser/

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startServer } from '../lib/server.mjs';
import { launchBrowser, login, noHorizontalOverflow, pageMaker, shooter } from '../lib/browser.mjs';


const T = { timeout: 120000 }; // per test: a hung browser must not hang CI

const NEW_USER = {
	username: 'canbo.hoabinh',
	fullName: 'Trần Thị Hồng Nhung',
	password: 'canbo-password-1',
};

let srv;
let browser;
const problems = []; // console errors, page errors, CSP violations, failed requests

before(async () => {
	srv = await startServer();
	browser = await launchBrowser();
});

after(async () => {
	if (browser) await browser.close();
	if (srv) await srv.stop();
});

const newPage = pageMaker(() => browser, problems, {
	expected: (text) => /status of (401|429)\b/.test(text), // refused logins (401, 429) are expected
});

const shot = shooter('browser');

test('admin: login, unit search and tree, create a scoped user through the picker', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/');
		assert.equal(await page.getAttribute('html', 'lang'), 'vi');
		await page.getByTestId('login-username').waitFor();
		await shot(page, '01-login');

		// Wrong password: the server's Vietnamese message is shown.
		await page.getByTestId('login-username').fill(ADMIN_USERNAME);
		await page.getByTestId('login-password').fill('not-the-password');
		await page.getByTestId('login-submit').click();
		await page.getByTestId('login-error').waitFor();
		assert.ok((await page.getByTestId('login-error').innerText()).trim().length > 0);

		await login(page, ADMIN_USERNAME, ADMIN_PASSWORD);
		assert.match(await page.getByTestId('header-user').innerText(), /Quản trị hệ thống/);
		await page.getByTestId('logout-button').waitFor();
		for (const id of ['home', 'units', 'organizations', 'users', 'audit', 'account']) {
			assert.ok(await page.getByTestId(`nav-${id}`).isVisible(), `nav-${id} visible for admin`);
		}
		for (const id of ['reception', 'petitions', 'stats', 'dialogues', 'dvk', 'emulation', 'supervision', 'democracy',
			'indicators']) {
			assert.ok(await page.getByTestId(`nav-${id}`).isVisible(), `nav-${id} visible`);
		}
		// Every area has landed: no "(sắp có)" list any more.
		assert.equal(await page.getByTestId('nav-coming').count(), 0, 'no coming-soon area left');
		assert.ok(!(await page.getByTestId('menu-button').isVisible()), 'no menu button on a wide screen');
		await page.getByTestId('stat-orgs').locator('.stat-value').filter({ hasNotText: '…' }).waitFor();
		await shot(page, '02-home');
		await noHorizontalOverflow(page, 'home 1366');

		// Units: search "hoa binh" in the 2024 structure finds Tỉnh Hoà Bình (17).
		await page.getByTestId('nav-units').click();
		await page.getByTestId('unit-tree').waitFor();
		assert.ok(await page.getByTestId('unit-node-01').isVisible(), 'admin sees Hà Nội in the tree');
		await page.getByTestId('unit-structure').selectOption('2024');
		await page.getByTestId('unit-node-17').waitFor();
		await page.getByTestId('unit-search').fill('hoa binh');
		const r17 = page.getByTestId('unit-result-17');
		await r17.waitFor();
		assert.match(await r17.innerText(), /Tỉnh Hoà Bình/);
		assert.match(await r17.innerText(), /Cấp tỉnh/);
		await r17.click();
		await page.getByTestId('unit-detail-name').filter({ hasText: 'Tỉnh Hoà Bình' }).waitFor();
		const succ = await page.getByTestId('unit-successors').innerText();
		assert.match(succ, /Tỉnh Phú Thọ/);
		assert.match(succ, /toàn bộ/);
		await shot(page, '03-units-search');

		// Tree: clear the search, open the province, the district appears.
		await page.getByTestId('unit-search').fill('');
		await page.getByTestId('unit-toggle-17').click();
		await page.getByTestId('unit-node-148').waitFor();
		await page.getByTestId('unit-node-148').click();
		await page.getByTestId('unit-detail-name').filter({ hasText: 'Thành phố Hòa Bình' }).waitFor();
		assert.match(await page.getByTestId('unit-breadcrumb').innerText(), /Tỉnh Hoà Bình/);
		await shot(page, '04-units-tree');
		await noHorizontalOverflow(page, 'units 1366');

		// Users: create an officer scoped to the 2024 district 148 through the picker.
		await page.getByTestId('nav-users').click();
		await page.getByTestId('user-table').waitFor();
		await page.getByTestId('user-new-button').click();
		const roles = await page.getByTestId('user-role').locator('option').allInnerTexts();
		assert.deepEqual(roles, ['Quản trị hệ thống', 'Quản trị đơn vị', 'Lãnh đạo', 'Cán bộ', 'Xem báo cáo']);
		await page.getByTestId('user-username').fill(NEW_USER.username);
		await page.getByTestId('user-fullname').fill(NEW_USER.fullName);
		await page.getByTestId('user-password').fill(NEW_USER.password);
		await page.getByTestId('user-role').selectOption({ label: 'Cán bộ' });
		await page.getByTestId('user-unit-open').click();
		await page.getByTestId('user-unit-structure').selectOption('2024');
		await page.getByTestId('user-unit-search').fill('thanh pho hoa binh');
		await page.getByTestId('user-unit-result-148').click();
		assert.match(await page.getByTestId('user-unit-value').innerText(), /Thành phố Hòa Bình.*148/);
		await shot(page, '05-user-form');
		await page.getByTestId('user-submit').click();
		await page.getByTestId('user-message').filter({ hasText: NEW_USER.username }).waitFor();
		const row = await page.getByTestId(`user-row-${NEW_USER.username}`).innerText();
		assert.match(row, /Cán bộ/);
		assert.match(row, /Thành phố Hòa Bình/);
		assert.match(row, /Đang hoạt động/);
		await shot(page, '06-users');

		// Audit log: newest first, the creation is there, dates dd/mm/yyyy HH:MM:SS.
		await page.getByTestId('nav-audit').click();
		const firstRow = page.getByTestId('audit-table').locator('tbody tr[data-testid^="audit-row-"]').first();
		await firstRow.waitFor();
		const first = await firstRow.innerText();
		assert.match(first, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
		assert.match(first, /Tạo mới/);
		assert.match(first, new RegExp(NEW_USER.username.replace('.', '\\.')));
		assert.match(await page.getByTestId('audit-pager').innerText(), /Trang 1 \/ 1/);
		await shot(page, '07-audit');

		// Log out.
		await page.getByTestId('logout-button').click();
		await page.getByTestId('login-username').waitFor();
	} finally {
		await context.close();
	}
});

test('scoped officer: sees only their subtree, no users/audit navigation', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/units');
		await login(page, NEW_USER.username, NEW_USER.password);
		assert.equal(await page.getByTestId('header-user-name').innerText(), NEW_USER.fullName);
		assert.equal(await page.getByTestId('header-user-role').innerText(), 'Cán bộ');
		assert.match(await page.getByTestId('header-user-unit').innerText(), /Thành phố Hòa Bình/);
		assert.equal(await page.getByTestId('nav-users').count(), 0, 'no Users link');
		assert.equal(await page.getByTestId('nav-audit').count(), 0, 'no Audit link');
		assert.ok(await page.getByTestId('nav-units').isVisible());

		// Came back to #/units after login; the picker is on the user's structure (2024).
		await page.getByTestId('unit-tree').waitFor();
		assert.equal(await page.getByTestId('unit-structure').inputValue(), '2024');
		const roots = page.getByTestId('unit-tree').locator(':scope > li');
		assert.equal(await roots.count(), 1, 'one root: the scope unit');
		assert.ok(await page.getByTestId('unit-node-148').isVisible());
		const treeText = await page.getByTestId('unit-tree').innerText();
		assert.ok(!treeText.includes('Thành phố Hà Nội'), 'Hà Nội is outside the scope');
		assert.ok(!treeText.includes('Tỉnh Hoà Bình'), 'the province above is outside the scope');
		// The lone root starts open: its communes are listed.
		await page.getByTestId('unit-node-04819').waitFor(); // Phường Dân Chủ
		assert.equal(await page.getByTestId('unit-toggle-148').getAttribute('aria-label'), 'Thu gọn Thành phố Hòa Bình');
		await shot(page, '08-officer-units');

		// Search stays inside the subtree.
		await page.getByTestId('unit-search').fill('ha noi');
		await page.getByTestId('unit-results-empty').waitFor();
		await page.getByTestId('unit-search').fill('hoa binh');
		await page.getByTestId('unit-result-148').waitFor();
		assert.equal(await page.getByTestId('unit-result-17').count(), 0, 'province not found by a scoped user');

		// Organisations: read only.
		await page.getByTestId('nav-organizations').click();
		await page.getByTestId('org-table').waitFor();
		assert.equal(await page.getByTestId('org-new-button').count(), 0, 'officer cannot add organisations');

		// Typing the admin address by hand shows a refusal, not the page.
		await page.goto(srv.url + '/#/users');
		await page.getByTestId('forbidden').waitFor();
		await shot(page, '09-officer-forbidden');
	} finally {
		await context.close();
	}
});

test('admin: organisations (create through the picker, edit, filter, delete), disable a user, reset a password', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/organizations');
		await login(page, ADMIN_USERNAME, ADMIN_PASSWORD);
		await page.getByTestId('org-table').waitFor();

		// Create, with the unit chosen through the 2025 structure search.
		await page.getByTestId('org-new-button').click();
		const types = await page.getByTestId('org-type').locator('option').allInnerTexts();
		assert.deepEqual(types.slice(1), ['Cấp ủy', 'Ban Dân vận / Ban Tuyên giáo và Dân vận', 'Ủy ban nhân dân',
			'Mặt trận Tổ quốc', 'Đoàn thể chính trị - xã hội', 'Cơ quan khác']);
		await page.getByTestId('org-name').fill('Ban Dân vận Đảng ủy phường Hòa Bình');
		await page.getByTestId('org-type').selectOption('mass_mobilization_board');
		await page.getByTestId('org-submit').click();
		await page.getByTestId('org-form').getByText('Vui lòng chọn đơn vị hành chính.').waitFor();
		await page.getByTestId('org-unit-open').click();
		assert.equal(await page.getByTestId('org-unit-structure').inputValue(), '2025');
		await page.getByTestId('org-unit-search').fill('phuong hoa binh');
		await page.getByTestId('org-unit-result-04795').click(); // Phường Hòa Bình, Phú Thọ
		await page.getByTestId('org-submit').click();
		await page.getByTestId('org-message').filter({ hasText: 'Đã thêm' }).waitFor();
		const row = page.locator('[data-testid^="org-row-"]', { hasText: 'Ban Dân vận Đảng ủy phường Hòa Bình' });
		await row.waitFor();
		const id = (await row.getAttribute('data-testid')).replace('org-row-', '');
		assert.match(await row.innerText(), /Phường Hòa Bình/);

		// Edit the type.
		await page.getByTestId(`org-edit-${id}`).click();
		await page.getByTestId('org-type').selectOption('party_committee');
		await page.getByTestId('org-submit').click();
		await page.getByTestId('org-message').filter({ hasText: 'Đã lưu' }).waitFor();
		await page.getByTestId(`org-row-${id}`).filter({ hasText: 'Cấp ủy' }).waitFor();

		// Filter by unit (the province contains the commune) and by name.
		await page.getByTestId('org-filter-unit-open').click();
		await page.getByTestId('org-filter-unit-search').fill('phu tho');
		await page.getByTestId('org-filter-unit-result-25').click();
		await page.getByTestId(`org-row-${id}`).waitFor();
		await page.getByTestId('org-filter-q').fill('dang uy phuong');
		await page.getByTestId('org-pager-total').filter({ hasText: 'Tổng số: 1 tổ chức' }).waitFor();
		await shot(page, '15-organizations');

		// Delete with the in-place confirmation.
		await page.getByTestId(`org-delete-${id}`).click();
		await page.getByTestId(`org-delete-${id}-yes`).click();
		await page.getByTestId('org-message').filter({ hasText: 'Đã xoá' }).waitFor();
		await page.getByTestId(`org-row-${id}`).waitFor({ state: 'detached' });

		// Users: reset the officer's password, then disable the account.
		await page.getByTestId('nav-users').click();
		await page.getByTestId('user-filter-q').fill('hoabinh');
		await page.getByTestId('user-pager-total').filter({ hasText: 'Tổng số: 1 người dùng' }).waitFor();
		await page.getByTestId(`user-reset-${NEW_USER.username}`).click();
		await page.getByTestId('user-reset-password').fill('canbo-password-2');
		await page.getByTestId('user-reset-submit').click();
		await page.getByTestId('user-message').filter({ hasText: 'Đã đặt lại mật khẩu' }).waitFor();
		await page.getByTestId(`user-toggle-${NEW_USER.username}`).click();
		await page.getByTestId('user-message').filter({ hasText: 'Đã khoá' }).waitFor();
		await page.getByTestId(`user-row-${NEW_USER.username}`).getByText('Đã khoá').waitFor();
		await shot(page, '16-users-disabled');

		// The disabled officer cannot log in.
		await page.getByTestId('logout-button').click();
		await page.getByTestId('login-username').fill(NEW_USER.username);
		await page.getByTestId('login-password').fill('canbo-password-2');
		await page.getByTestId('login-submit').click();
		await page.getByTestId('login-error').waitFor();
	} finally {
		await context.close();
	}
});

test('login throttling: the 429 message is shown', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/');
		let text = '';
		for (let i = 0; i < 8 && !/quá nhiều lần/.test(text); i++) {
			await page.getByTestId('login-username').fill('khong.ton.tai');
			await page.getByTestId('login-password').fill(`wrong-password-${i}`);
			await page.getByTestId('login-submit').click();
			await page.getByTestId('login-error').waitFor();
			await page.getByTestId('login-submit').filter({ hasText: 'Đăng nhập' }).waitFor();
			text = await page.getByTestId('login-error').innerText();
		}
		assert.match(text, /quá nhiều lần/);
	} finally {
		await context.close();
	}
});

test('phone 390x844: no horizontal overflow, menu button opens and closes the navigation', T, async () => {
	const { context, page } = await newPage({ width: 390, height: 844 }, {
		deviceScaleFactor: 2, isMobile: true, hasTouch: true,
	});
	try {
		await page.goto(srv.url + '/');
		await page.getByTestId('login-username').waitFor();
		await noHorizontalOverflow(page, 'login 390');
		await shot(page, '10-phone-login');
		await login(page, ADMIN_USERNAME, ADMIN_PASSWORD);
		await noHorizontalOverflow(page, 'home 390');

		const menu = page.getByTestId('menu-button');
		assert.ok(await menu.isVisible(), 'menu button shown on a phone');
		assert.ok(!(await page.getByTestId('nav').isVisible()), 'navigation collapsed');
		await shot(page, '11-phone-home');
		await menu.click();
		await page.getByTestId('nav').waitFor({ state: 'visible' });
		assert.equal(await menu.getAttribute('aria-expanded'), 'true');
		await noHorizontalOverflow(page, 'menu open 390');
		await shot(page, '12-phone-menu');
		await page.getByTestId('nav-units').click();
		await page.getByTestId('nav').waitFor({ state: 'hidden' });
		await page.getByTestId('unit-tree').waitFor();
		await page.getByTestId('unit-search').fill('hoa binh');
		await page.getByTestId('unit-results').waitFor();
		await noHorizontalOverflow(page, 'units 390');
		await shot(page, '13-phone-units');

		for (const [id, ready] of [['users', 'user-table'], ['audit', 'audit-table'],
			['organizations', 'org-table'], ['account', 'account-info']]) {
			await menu.click();
			await page.getByTestId(`nav-${id}`).click();
			await page.getByTestId(ready).waitFor();
			await page.waitForLoadState('networkidle');
			await noHorizontalOverflow(page, `${id} 390`);
			if (id === 'users' || id === 'audit') await shot(page, `14-phone-${id}`);
		}
	} finally {
		await context.close();
	}
});

test('no page errors, console errors or failed requests', T, () => {
	assert.deepEqual(problems, []);
});
