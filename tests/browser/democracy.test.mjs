// Browser test of grassroots democracy (issue 5), acceptance flow: a commune
// officer records a village convention vote (120 of 200 households in
// favour) and sees the computed outcome "Thông qua" with the rule, then one
// that fails (100 of 200); the vote list shows both, the overview counts
// them, and a board with too few members shows its warning.  At 1366×768
// and 390×844, without console errors.
//
// Users, organisations and villages are made through the API.
// Screenshots: tests/out/democracy-*.png.
//
//   cd /work/main && node --test tests/browser/democracy.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, login, noHorizontalOverflow, pageMaker, shooter } from '../lib/browser.mjs';
import { assertOk, makeUser, setup } from '../api/fixtures.mjs';

const T = { timeout: 180000 };

const UNIT_A = { structure: 2025, code: '04795' };

let srv;
let admin;
let browser;
let orgA;
let mttqA;
let officerA;
let village;
const problems = [];

before(async () => {
	({ srv, admin } = await setup());
	orgA = assertOk(await admin.post('/organizations', {
		name: 'Ủy ban nhân dân phường Hòa Bình', type: 'people_committee', unit: UNIT_A,
	}), 201).organization;
	mttqA = assertOk(await admin.post('/organizations', {
		name: 'Ủy ban MTTQ phường Hòa Bình', type: 'fatherland_front', unit: UNIT_A,
	}), 201).organization;
	officerA = await makeUser(srv.url, admin, {
		role: 'officer', unit: UNIT_A, username: 'canbo.danchu', fullName: 'Đinh Thị Thu', password: 'canbo-danchu-1',
	});
	village = assertOk(await officerA.api.post('/democracy/villages',
		{ unit: UNIT_A, name: 'Tổ dân phố Tân Thịnh', kind: 'residential_group', households: 200 }), 201).village;
	assertOk(await officerA.api.post('/democracy/villages',
		{ unit: UNIT_A, name: 'Tổ dân phố Hữu Nghị', kind: 'residential_group', households: 180 }), 201);
	browser = await launchBrowser();
});

after(async () => {
	if (browser) await browser.close();
	if (srv) await srv.stop();
});

const newPage = pageMaker(() => browser, problems, {
	expected: (text) => /status of (401|400)\b/.test(text), // 400: a refused form, shown on the page
	requestFailed: false,
});

const shot = shooter('democracy');

async function recordVote(page, { subject, present, yes, no, abstain }) {
	await page.getByTestId('dc-vote-subject').fill(subject);
	await page.getByTestId('dc-vote-present').fill(String(present));
	await page.getByTestId('dc-vote-yes').fill(String(yes));
	await page.getByTestId('dc-vote-no').fill(String(no));
	await page.getByTestId('dc-vote-abstain').fill(String(abstain));
	await page.getByTestId('dc-vote-save').click();
	const badge = page.getByTestId('dc-vote-result-badge');
	await badge.waitFor();
	return { badge: await badge.innerText(), text: await page.getByTestId('dc-vote-result-text').innerText() };
}

test('a village convention vote: 120 of 200 households → "Thông qua", 100 of 200 → not passed', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/democracy/votes');
		await login(page, officerA.username, officerA.password);
		assert.equal(await page.getByTestId('nav-democracy').getAttribute('aria-current'), 'page');
		await page.getByTestId('dc-vote-form').waitFor();
		// Without an organisation: a Vietnamese message.
		await page.getByTestId('dc-vote-save').click();
		await page.getByText('Vui lòng chọn tổ chức.').waitFor();

		await page.locator(`[data-testid="dc-vote-org"] option[value="${orgA.id}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('dc-vote-org').selectOption(String(orgA.id));
		await page.locator(`[data-testid="dc-vote-village"] option[value="${village.id}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('dc-vote-village').selectOption(String(village.id));
		await page.getByText('Mặc định: 200 hộ của Tổ dân phố Tân Thịnh.').waitFor();
		await page.locator('[data-testid="dc-vote-matter"] option[value="convention"]').waitFor({ state: 'attached' });
		await page.getByTestId('dc-vote-matter').selectOption('convention');
		await page.getByTestId('dc-vote-form-kind').selectOption('meeting');
		await page.getByTestId('dc-vote-day').fill('15/06/2025');

		const ok = await recordVote(page, { subject: 'Thông qua quy ước tổ dân phố Tân Thịnh', present: 150, yes: 120, no: 20, abstain: 10 });
		assert.equal(ok.badge, 'Thông qua');
		assert.match(ok.text, /120\/200 phiếu tán thành; cần 101 \(Trên 1\/2 tổng số hộ gia đình, R-DC-17\)/);
		await shot(page, '01-vote-passed');

		const ko = await recordVote(page, { subject: 'Bổ sung quy ước về vệ sinh môi trường', present: 150, yes: 100, no: 40, abstain: 10 });
		assert.equal(ko.badge, 'Không thông qua');
		assert.match(ko.text, /100\/200 phiếu tán thành; cần 101/);

		// Too many votes for those present: the server's message under the field.
		await page.getByTestId('dc-vote-yes').fill('160');
		await page.getByTestId('dc-vote-save').click();
		await page.getByText('Số phiếu tán thành, không tán thành và không biểu quyết cộng lại không được vượt số đại diện hộ tham dự.').waitFor();

		// The list shows both with their outcome.
		const table = page.getByTestId('dc-votes');
		await table.getByText('Thông qua quy ước tổ dân phố Tân Thịnh').waitFor();
		const rows = await table.locator('tbody tr').allInnerTexts();
		assert.equal(rows.length, 2);
		assert.ok(rows.some((r) => r.includes('Bổ sung quy ước') && r.includes('Không thông qua')));
		assert.ok(rows.some((r) => r.includes('Thông qua quy ước') && /\bThông qua\b/.test(r)));
		await noHorizontalOverflow(page, 'votes 1366');
		await shot(page, '02-votes', true);

		// The overview counts them.
		await page.getByTestId('tab-overview').click();
		await page.getByTestId('dc-period-kind').selectOption('year');
		await page.getByTestId('dc-period-year').selectOption('2025');
		const votes = page.getByTestId('dc-stats-votes');
		await votes.getByText(/Tổ chức 2 cuộc/).waitFor();
		assert.match(await votes.innerText(), /1 nội dung được thông qua, 1 không thông qua/);
		await shot(page, '03-overview');
	} finally {
		await context.close();
	}
});

test('a board with too few members shows its warning; a phone screen has no horizontal scroll', T, async () => {
	const board = assertOk(await officerA.api.post('/democracy/boards', { org_id: mttqA.id, kind: 'ttnd_commune',
		name: 'Ban Thanh tra nhân dân phường Hòa Bình', term_start: '2025-01-01' }), 201).board;
	assertOk(await officerA.api.post(`/democracy/boards/${board.id}/members`, { name: 'Nguyễn Văn Tâm', role: 'head' }), 201);
	const { context, page } = await newPage({ width: 390, height: 844 });
	try {
		await page.goto(srv.url + `/#/democracy/boards/${board.id}`);
		await login(page, officerA.username, officerA.password);
		const w = page.getByTestId('dc-board-warnings');
		await w.waitFor();
		assert.match(await w.innerText(), /cần ít nhất 5 thành viên .*hiện có 1/);
		await noHorizontalOverflow(page, 'board 390');
		await shot(page, '04-board-phone', true);
		await page.goto(srv.url + '/#/democracy/votes');
		await page.getByTestId('dc-vote-form').waitFor();
		await noHorizontalOverflow(page, 'votes 390');
	} finally {
		await context.close();
	}
	assert.deepEqual(problems, []);
});
