// Browser test of MTTQ supervision and social criticism (issue 5), acceptance flow:
// the district Front's officer registers a draft submitted for social criticism
// through the page, adds three comments (accepted, partly accepted, and one not
// accepted, first refused without its reason), and sees on the statistics view
// the drafts counted by level ("02 dự thảo (01 cấp huyện, 01 cấp xã)"), the
// acceptance rate and the supervision coverage "x/y xã" with the uncovered
// commune named.  Also at 390×844 without horizontal scrolling or console errors.
//
// Users and organisations are made through the API (tests/api/fixtures.mjs).
// Screenshots: tests/out/supervision-*.png.
//
//   cd /work/main && node --test tests/browser/supervision.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, login, noHorizontalOverflow, pageMaker, shooter } from '../lib/browser.mjs';
import { assertOk, childrenOf, listAll, makeUser, setup } from '../api/fixtures.mjs';

const T = { timeout: 180000 };

let srv;
let admin;
let browser;
let D;
let communes;
let front;
let officer;
const problems = [];

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
// The reporting year that holds today: years run from 15 December to 14 December.
const reportYear = () => { const t = today(); return Number(t.slice(0, 4)) + (t.slice(5) >= '12-15' ? 1 : 0); };

before(async () => {
	({ srv, admin } = await setup());
	// A district of the 2024 structure (the district level exists there).
	[D] = await childrenOf(admin, '25', { structure: 2024, n: 1, offset: 1 });
	communes = (await listAll(admin, `/units?structure=2024&parent=${D.code}`)).items;
	const unit = { structure: 2024, code: D.code };
	front = assertOk(await admin.post('/organizations', {
		name: `Ủy ban MTTQ ${D.name}`, type: 'fatherland_front', unit,
	}), 201).organization;
	officer = await makeUser(srv.url, admin, {
		role: 'officer', unit, username: 'canbo.mattran', fullName: 'Đỗ Thị Lan', password: 'canbo-mattran-1',
	});
	// A commune-level draft and a supervision of every commune but the first, through the API.
	assertOk(await officer.api.post('/criticism-drafts', {
		org_id: front.id, title: 'Dự thảo Kế hoạch xây dựng nông thôn mới xã', issuer: 'UBND xã', level: 'commune',
		doc_type: 'plan', form: 'written', received_day: today(),
	}), 201);
	assertOk(await officer.api.post('/supervisions', {
		org_id: front.id, title: 'Giám sát việc thăm hỏi, tặng quà Tết Nguyên đán', topic: 'tet_gifts', form: 'delegation',
		from_day: today(), to_day: today(), status: 'done', units: communes.slice(1).map((c) => c.code),
	}), 201);
	browser = await launchBrowser();
});

after(async () => {
	if (browser) await browser.close();
	if (srv) await srv.stop();
});

const newPage = pageMaker(() => browser, problems, {
	expected: (text) => /status of (401|400)\b/.test(text), // 400: the refused comment (on purpose)
});

const shot = shooter('supervision');

async function addComment(page, content, result, reason) {
	await page.getByTestId('comment-content').fill(content);
	await page.getByTestId('comment-result').selectOption(result);
	if (reason !== undefined) await page.getByTestId('comment-reason').fill(reason);
	await page.getByTestId('comment-submit').click();
}

test('a draft with comments (one not accepted, with its reason) → counts by level and coverage on the statistics view', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/supervision/criticism');
		await login(page, officer.username, officer.password);
		assert.equal(await page.getByTestId('nav-supervision').getAttribute('aria-current'), 'page');
		await page.locator('[data-testid^="crit-row-"]').first().waitFor();

		// The draft.
		await page.getByTestId('crit-new-button').click();
		await page.getByTestId('crit-form').waitFor();
		await page.getByTestId('crit-submit').click();
		await page.getByText('Vui lòng chọn tổ chức phản biện.').waitFor();
		await page.locator(`[data-testid="crit-org"] option[value="${front.id}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('crit-org').selectOption(String(front.id));
		await page.getByTestId('crit-title').fill('Dự thảo Nghị quyết về phát triển kinh tế - xã hội huyện năm 2026');
		await page.getByTestId('crit-issuer').fill(`UBND ${D.name}`);
		await page.locator('[data-testid="crit-level"] option[value="district"]').waitFor({ state: 'attached' });
		await page.getByTestId('crit-level').selectOption('district');
		await page.getByTestId('crit-type').selectOption('resolution');
		await page.getByTestId('crit-form-kind').selectOption('conference');
		await page.getByTestId('crit-submit').click();
		await page.getByTestId('crit-detail').waitFor();
		assert.match(await page.getByTestId('crit-detail').innerText(), /Cấp huyện · Nghị quyết/);

		// Three comments; the one not accepted is refused without its reason.
		await addComment(page, 'Bổ sung chỉ tiêu giảm tỷ lệ hộ nghèo.', 'accepted');
		await page.locator('[data-testid^="comment-result-"]').nth(0).waitFor();
		await addComment(page, 'Làm rõ nguồn lực thực hiện các công trình trọng điểm.', 'partly');
		await page.locator('[data-testid^="comment-result-"]').nth(1).waitFor();
		await page.getByTestId('comment-content').fill('Giảm chỉ tiêu thu ngân sách trên địa bàn.');
		await page.getByTestId('comment-result').selectOption('not_accepted');
		await page.getByTestId('comment-submit').click();
		await page.getByText('Vui lòng nêu lý do không được tiếp thu.').waitFor();
		await page.getByTestId('comment-reason').fill('Chỉ tiêu do tỉnh giao, không điều chỉnh được.');
		await page.getByTestId('comment-submit').click();
		await page.locator('[data-testid^="comment-result-"]').nth(2).waitFor();
		const results = await page.locator('[data-testid^="comment-result-"]').allInnerTexts();
		assert.deepEqual(results, ['Được tiếp thu', 'Tiếp thu một phần', 'Không được tiếp thu']);
		assert.match(await page.getByTestId('comment-list').innerText(), /Lý do: Chỉ tiêu do tỉnh giao/);
		assert.match(await page.getByTestId('crit-comment-summary').innerText(), /3 ý kiến, được tiếp thu \(toàn bộ hoặc một phần\) 2/);
		await shot(page, '01-draft', true);

		// The statistics view (the user's district, this year).
		await page.getByTestId('nav-supervision').click();
		await page.getByTestId('tab-stats').click();
		const crit = page.getByTestId('sup-stats-criticism-text');
		await crit.filter({ hasText: /2 dự thảo/ }).waitFor();
		assert.match(await crit.innerText(), /Tham gia phản biện 2 dự thảo văn bản \(trong đó 01 văn bản cấp huyện, 01 văn bản cấp xã\)/);
		assert.equal(await page.getByTestId('sup-stats-level-district').innerText(), 'Cấp huyện\t1');
		assert.equal(await page.getByTestId('sup-stats-level-commune').innerText(), 'Cấp xã\t1');
		assert.match(await page.getByTestId('sup-stats-comments').innerText(),
			/3 ý kiến phản biện; được tiếp thu 1, tiếp thu một phần 1,\s+không được tiếp thu 1, chờ tiếp thu 0; tỷ lệ tiếp thu 66,7%/);
		const y = communes.length;
		assert.match(await page.getByTestId('sup-stats-coverage').innerText(), new RegExp(`${y - 1}/${y} xã`));
		assert.match(await page.getByTestId('sup-stats-uncovered').innerText(), new RegExp(communes[0].name));
		await shot(page, '02-stats', true);
	} finally {
		await context.close();
	}

	// Phone size: the statistics and the draft list without horizontal scrolling.
	const m = await newPage({ width: 390, height: 844 });
	try {
		await m.page.goto(srv.url + '/#/supervision/stats');
		await login(m.page, officer.username, officer.password);
		await m.page.getByTestId('sup-stats-criticism-text').filter({ hasText: /2 dự thảo/ }).waitFor();
		await noHorizontalOverflow(m.page, 'statistics at 390×844');
		await shot(m.page, '03-phone');
		await m.page.goto(srv.url + '/#/supervision');
		await m.page.locator('[data-testid^="sup-row-"]').first().waitFor();
		await noHorizontalOverflow(m.page, 'supervision list at 390×844');
	} finally {
		await m.context.close();
	}

	// The API agrees.
	const s = assertOk(await officer.api.get(`/stats/supervision?structure=2024&unit=${D.code}&period=${reportYear()}`));
	assert.equal(s.criticism.drafts, 2);
	assert.deepEqual(s.criticism.comments, { made: 3, accepted: 1, partly: 1, not_accepted: 1, pending: 0, acceptance_rate: 66.7 });
	assert.deepEqual(problems, []);
});

test('a supervision of every commune is recorded through the form; its recommendation is answered and closed', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/supervision');
		await login(page, officer.username, officer.password);
		await page.getByTestId('sup-new-button').click();
		await page.getByTestId('sup-form').waitFor();
		await page.getByTestId('sup-submit').click();
		await page.getByText('Vui lòng chọn tổ chức giám sát.').waitFor();
		await page.locator(`[data-testid="sup-org"] option[value="${front.id}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('sup-org').selectOption(String(front.id));
		await page.getByTestId('sup-title').fill('Giám sát việc thực hiện chính sách bảo hiểm y tế');
		await page.locator('[data-testid="sup-topic"] option[value="social_policy"]').waitFor({ state: 'attached' });
		await page.getByTestId('sup-topic').selectOption('social_policy');
		await page.getByTestId('sup-form-kind').selectOption('documents');
		await page.getByTestId('sup-status').selectOption('in_progress');
		await page.getByTestId('sup-bodies').fill('UBND các xã\nBảo hiểm xã hội huyện');
		await page.getByTestId('sup-units-all').click();
		await page.getByTestId('sup-submit').click();
		await page.getByTestId('sup-detail').waitFor();
		assert.equal(await page.getByTestId('sup-detail-status').innerText(), 'Đang giám sát');
		assert.match(await page.getByTestId('sup-detail').innerText(), new RegExp(`Địa bàn \\(${communes.length}\\)`));
		assert.match(await page.getByTestId('sup-detail').innerText(), /UBND các xã; Bảo hiểm xã hội huyện/);

		await page.getByTestId('rec-new').click();
		await page.getByTestId('rec-content').fill('Cấp thẻ bảo hiểm y tế kịp thời cho người cao tuổi');
		await page.getByTestId('rec-addressee').fill('Bảo hiểm xã hội huyện');
		await page.getByTestId('rec-due').fill('15/01/2025');
		await page.getByTestId('rec-submit').click();
		const rec = page.locator('[data-testid^="rec-status-"]').first();
		await rec.filter({ hasText: 'Quá hạn trả lời' }).waitFor();
		const id = (await rec.getAttribute('data-testid')).replace('rec-status-', '');
		await page.getByTestId(`rec-respond-${id}`).click();
		await page.getByTestId('rec-response').fill('Đã cấp bổ sung 48 thẻ');
		await page.getByTestId('rec-submit').click();
		await page.getByTestId(`rec-status-${id}`).filter({ hasText: 'Đã trả lời' }).waitFor();
		await page.getByTestId(`rec-close-${id}`).click();
		await page.getByTestId(`rec-status-${id}`).filter({ hasText: 'Kết thúc theo dõi' }).waitFor();
		assert.equal(await page.getByTestId(`rec-respond-${id}`).count(), 0, 'a closed recommendation has no follow-up');
		await shot(page, '04-supervision', true);
	} finally {
		await context.close();
	}
	const s = assertOk(await officer.api.get(`/stats/supervision?structure=2024&unit=${D.code}&period=${reportYear()}&topic=social_policy`));
	assert.equal(s.supervision.coverage.covered, communes.length);
	assert.deepEqual(s.supervision.recommendations, { made: 1, open: 0, responded: 0, closed: 1, overdue: 0 });
	assert.deepEqual(problems, []);
});
