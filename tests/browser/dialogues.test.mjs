// Browser test of dialogues and public opinion (issue 4), acceptance flow:
// a commune officer records a dialogue conference with three opinions of the
// people, forwards one to the competent body and later closes it; the
// statistics block of the dialogues page and the opinion list counts change
// accordingly.  Also: the "Dân vận khéo" and emulation pages open, and a
// model, a criteria set, a bloc and its ranking are made through them,
// without console errors.
//
// Users and organisations are made through the API (tests/api/fixtures.mjs).
// Screenshots: tests/out/dialogues-*.png.
//
//   cd /work/main && node --test tests/browser/dialogues.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from '../lib/server.mjs';
import { launchBrowser, login, noHorizontalOverflow, pageMaker, shooter } from '../lib/browser.mjs';
import { assertOk, makeUser, setup } from '../api/fixtures.mjs';

const T = { timeout: 180000 };

const UNIT_A = { structure: 2025, code: '04795' };

let srv;
let admin;
let browser;
let orgA;
let officerA;
const problems = [];

before(async () => {
	({ srv, admin } = await setup());
	orgA = assertOk(await admin.post('/organizations', {
		name: 'Ủy ban nhân dân phường Hòa Bình', type: 'people_committee', unit: UNIT_A,
	}), 201).organization;
	officerA = await makeUser(srv.url, admin, {
		role: 'officer', unit: UNIT_A, username: 'canbo.doithoai', fullName: 'Lê Thị Mai', password: 'canbo-doithoai-1',
	});
	browser = await launchBrowser();
});

after(async () => {
	if (browser) await browser.close();
	if (srv) await srv.stop();
});

const newPage = pageMaker(() => browser, problems);

const shot = shooter('dialogues');

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const vi = (day) => day.split('-').reverse().join('/');
function plusDays(day, n) {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

async function statsText(page) {
	const el = page.getByTestId('dialogue-stats-text');
	await el.waitFor();
	return el.innerText();
}

const OPINIONS = [
	{ content: 'Đề nghị sửa chữa tuyến đường liên tổ 5 – tổ 7 bị xuống cấp, đi lại khó khăn.', field: 'construction', by: 'Ông Nguyễn Văn Bình' },
	{ content: 'Kiến nghị tăng cường kiểm tra an toàn thực phẩm tại chợ phường.', field: 'social_policy', by: 'Bà Trần Thị Hoa' },
	{ content: 'Đề nghị giải quyết dứt điểm việc cấp giấy chứng nhận quyền sử dụng đất khu tái định cư.', field: 'land', by: 'Ông Lê Đức Thắng' },
];

test('dialogue with three opinions → forward one → close it; the statistics and list counts change', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/dialogues');
		await login(page, officerA.username, officerA.password);
		assert.equal(await page.getByTestId('nav-dialogues').getAttribute('aria-current'), 'page');
		await page.getByTestId('dialogue-table').waitFor();
		let st = await statsText(page);
		assert.match(st, /đã tổ chức 0 cuộc tiếp xúc, đối thoại với 0 người tham gia/);
		assert.match(st, /nắm, tổng hợp báo cáo 0 ý kiến/);

		// The dialogue.
		await page.getByTestId('dialogue-new-button').click();
		await page.getByTestId('dialogue-form').waitFor();
		// Submitting empty: a Vietnamese message under the organisation.
		await page.getByTestId('dialogue-submit').click();
		await page.getByText('Vui lòng chọn tổ chức tổ chức hội nghị.').waitFor();
		await page.locator(`[data-testid="dialogue-org"] option[value="${orgA.id}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('dialogue-org').selectOption(String(orgA.id));
		await page.getByTestId('dialogue-host-name').fill('Nguyễn Văn Hải');
		await page.getByTestId('dialogue-host-title').fill('Bí thư');
		await page.locator('[data-testid="dialogue-group"] option[value="citizens"]').waitFor({ state: 'attached' });
		await page.getByTestId('dialogue-group').selectOption('citizens');
		assert.equal(await page.getByTestId('dialogue-day').inputValue(), vi(today()));
		await page.getByTestId('dialogue-place').fill('Nhà văn hóa tổ 7, phường Hòa Bình');
		await page.getByTestId('dialogue-participants').fill('1250');
		await page.getByTestId('dialogue-minutes').fill('Bí thư Đảng ủy phường đối thoại trực tiếp với Nhân dân tổ 5, 6, 7.');
		await page.getByTestId('dialogue-submit').click();
		await page.getByTestId('dialogue-detail').waitFor();
		assert.equal(await page.getByTestId('dialogue-participants-view').innerText(), '1.250');

		// Three opinions.
		for (const [i, o] of OPINIONS.entries()) {
			await page.getByTestId('dlg-opinion-content').fill(o.content);
			await page.locator(`[data-testid="dlg-opinion-field"] option[value="${o.field}"]`).waitFor({ state: 'attached' });
			await page.getByTestId('dlg-opinion-field').selectOption(o.field);
			await page.getByTestId('dlg-opinion-raised-by').fill(o.by);
			await page.getByTestId('dlg-opinion-submit').click();
			await page.locator('li.opinion').nth(i).waitFor();
		}
		assert.equal(await page.locator('li.opinion').count(), 3);
		assert.equal(await page.getByTestId('dialogue-opinion-count').innerText(), '3');
		const ids = [];
		for (const li of await page.locator('li.opinion').all()) {
			ids.push((await li.getAttribute('data-testid')).replace('opinion-', ''));
		}
		const third = ids[2];
		assert.match(await page.getByTestId(`opinion-content-${third}`).innerText(), /giấy chứng nhận quyền sử dụng đất/);
		assert.equal(await page.getByTestId(`opinion-status-${third}`).innerText(), 'Chưa trả lời');

		// Forward the third: the due day is required (checked in the page).
		await page.getByTestId(`opinion-respond-${third}`).click();
		await page.getByTestId(`respond-status-${third}`).selectOption('forwarded');
		await page.getByTestId(`respond-to-${third}`).fill('Văn phòng Đăng ký đất đai tỉnh Phú Thọ');
		await page.getByTestId(`respond-submit-${third}`).click();
		await page.getByText('Vui lòng nhập hạn trả lời (dd/mm/yyyy).').waitFor();
		await page.getByTestId(`respond-due-${third}`).fill(vi(plusDays(today(), 15)));
		await page.getByTestId(`respond-submit-${third}`).click();
		await page.getByTestId(`opinion-status-${third}`).filter({ hasText: 'Đã chuyển cơ quan có thẩm quyền' }).waitFor();
		assert.match(await page.getByTestId(`opinion-${third}`).innerText(),
			new RegExp(`Văn phòng Đăng ký đất đai tỉnh Phú Thọ, hạn trả lời ${vi(plusDays(today(), 15))}`));
		await shot(page, '01-dialogue', true);

		// The statistics block: 1 dialogue, 1.250 participants, 3 opinions, 1 forwarded.
		await page.getByTestId('nav-dialogues').click();
		await page.getByTestId('dialogue-stats-text').filter({ hasText: /đã tổ chức 1 cuộc/ }).waitFor();
		st = await statsText(page);
		assert.match(st, /đã tổ chức 1 cuộc tiếp xúc, đối thoại với 1\.250 người tham gia/);
		assert.match(st, /nắm, tổng hợp báo cáo 3 ý kiến của Nhân dân/);
		assert.equal(await page.getByTestId('dialogue-stats-forwarded').innerText(), '1');
		assert.equal(await page.getByTestId('dialogue-stats-closed').innerText(), '0');
		const row = page.locator('[data-testid^="dialogue-row-"]').first();
		assert.match(await row.innerText(), /Nguyễn Văn Hải/);
		assert.match(await row.innerText(), /Nhân dân/);
		await shot(page, '02-list');

		// The opinion list: the forwarded one under "status = forwarded"; close it from there.
		await page.getByTestId('tab-opinions').click();
		await page.getByTestId('opinion-total').filter({ hasText: 'Tổng số: 3 ý kiến' }).waitFor();
		await page.getByTestId('opinion-filter-status').selectOption('forwarded');
		await page.getByTestId('opinion-total').filter({ hasText: 'Tổng số: 1 ý kiến' }).waitFor();
		await page.getByTestId(`opinion-respond-${third}`).click();
		assert.deepEqual(await page.getByTestId(`respond-status-${third}`).locator('option').allInnerTexts(),
			['Kết thúc (đã giải quyết)']);
		await page.getByTestId(`respond-submit-${third}`).click();
		await page.getByText('Vui lòng nhập nội dung trả lời.').waitFor();
		await page.getByTestId(`respond-answer-${third}`).fill('Văn phòng Đăng ký đất đai đã cấp giấy chứng nhận cho 12 hộ.');
		await page.getByTestId(`respond-submit-${third}`).click();
		await page.getByTestId(`opinion-status-${third}`).filter({ hasText: 'Đã giải quyết xong' }).waitFor();
		assert.equal(await page.getByTestId(`opinion-respond-${third}`).count(), 0, 'a closed opinion has no follow-up');
		await page.getByTestId('opinion-filter-status').selectOption('closed');
		await page.getByTestId('opinion-total').filter({ hasText: 'Tổng số: 1 ý kiến' }).waitFor();
		await page.getByTestId('opinion-filter-status').selectOption('forwarded');
		await page.getByTestId('opinion-total').filter({ hasText: 'Tổng số: 0 ý kiến' }).waitFor();
		await page.getByTestId('opinion-filter-status').selectOption('');

		// Back on the dialogues page: closed 1, forwarded 0.
		await page.getByTestId('tab-dialogues').click();
		await page.getByTestId('dialogue-stats-closed').filter({ hasText: '1' }).waitFor();
		assert.equal(await page.getByTestId('dialogue-stats-forwarded').innerText(), '0');
		await shot(page, '03-stats');
	} finally {
		await context.close();
	}
	// The API agrees.
	const s = assertOk(await admin.get('/stats/dialogues?period='
		+ (Number(today().slice(0, 4)) + (today().slice(5) >= '12-15' ? 1 : 0))));
	assert.equal(s.dialogues.count, 1);
	assert.equal(s.dialogues.participants, 1250);
	assert.equal(s.opinions.count, 3);
	assert.equal(s.opinions.by_status.closed, 1);
	assert.equal(s.opinions.by_status.open, 2);
	assert.deepEqual(problems, []);
});

test('phone: the dialogues, opinions, DVK and emulation pages fit 390 px', T, async () => {
	const { context, page } = await newPage({ width: 390, height: 844 });
	try {
		await page.goto(srv.url + '/#/dialogues');
		await login(page, officerA.username, officerA.password);
		await page.getByTestId('dialogue-stats-text').waitFor();
		await noHorizontalOverflow(page, 'dialogues on a phone');
		await page.goto(srv.url + '/#/opinions');
		await page.getByTestId('opinion-total').waitFor();
		await noHorizontalOverflow(page, 'opinions on a phone');
		await shot(page, '04-phone', true);
		await page.goto(srv.url + '/#/dvk');
		await page.getByTestId('dvk-stats-text').waitFor();
		await noHorizontalOverflow(page, 'Dân vận khéo on a phone');
		await page.goto(srv.url + '/#/emulation');
		await page.getByTestId('emu-set-table').waitFor();
		await noHorizontalOverflow(page, 'emulation on a phone');
	} finally {
		await context.close();
	}
	assert.deepEqual(problems, []);
});

test('Dân vận khéo and emulation pages: a model, a criteria set, a bloc and its ranking', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	const year = Number(today().slice(0, 4));
	try {
		await page.goto(srv.url + '/#/dvk');
		await login(page, ADMIN_USERNAME, ADMIN_PASSWORD);
		await page.getByTestId('dvk-stats-text').waitFor();
		assert.match(await page.getByTestId('dvk-stats-text').innerText(), /^0 mô hình, điển hình \(bằng năm \d{4}\)/);
		await page.getByTestId('dvk-new-button').click();
		await page.getByTestId('dvk-form').waitFor();
		await page.locator(`[data-testid="dvk-org"] option[value="${orgA.id}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('dvk-org').selectOption(String(orgA.id));
		await page.getByTestId('dvk-name').fill('Mô hình “Dân vận khéo” xây dựng tuyến đường hoa');
		await page.locator('[data-testid="dvk-field"] option:nth-child(2)').waitFor({ state: 'attached' });
		await page.getByTestId('dvk-field').selectOption({ index: 1 });
		assert.ok(await page.getByTestId('dvk-outstanding').isDisabled(), 'outstanding only when recognised');
		await page.getByTestId('dvk-submit').click();
		await page.getByTestId('dvk-detail').waitFor();
		assert.equal(await page.getByTestId('dvk-status-view').innerText(), 'Đăng ký');
		await page.getByTestId('dvk-edit').click();
		await page.getByTestId('dvk-form').waitFor();
		await page.getByTestId('dvk-status').selectOption('recognised');
		await page.getByTestId('dvk-outstanding').check();
		await page.getByTestId('dvk-submit').click();
		await page.getByTestId('dvk-status-view').filter({ hasText: 'Công nhận' }).waitFor();
		await page.getByTestId('dvk-edit').click();
		await page.getByTestId('dvk-form').waitFor();
		assert.deepEqual(await page.getByTestId('dvk-status').locator('option').allInnerTexts(), ['Công nhận'],
			'the status only moves forward');
		await page.goto(srv.url + '/#/dvk');
		await page.getByTestId('dvk-stats-text').filter({ hasText: /^1 mô hình, điển hình \(tăng 1 mô hình so với năm \d{4}\)/ }).waitFor();
		await page.getByTestId('tab-breakthrough').click();
		await page.getByTestId('task-summary').waitFor();
		await page.locator(`[data-testid="task-org"] option[value="${orgA.id}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('task-org').selectOption(String(orgA.id));
		await page.getByTestId('task-title').fill('Hoàn thành chỉnh trang 100% tuyến đường tổ 7');
		await page.getByTestId('task-submit').click();
		await page.locator('[data-testid^="task-row-"]').first().waitFor();
		await page.getByTestId(`task-sum-${orgA.id}`).filter({ hasText: 'Dưới mức tối thiểu' }).waitFor();
		await shot(page, '05-breakthrough', true);

		// Emulation: a set with one criterion, published; a bloc with orgA; the ranking.
		await page.getByTestId('nav-emulation').click();
		await page.getByTestId('emu-set-form').waitFor();
		await page.getByTestId('emu-set-name').fill(`Bộ tiêu chí thi đua công tác dân vận năm ${year}`);
		await page.getByTestId('emu-set-year').fill(String(year));
		await page.getByTestId('emu-set-submit').click();
		await page.getByTestId('emu-criterion-form').waitFor();
		await page.getByTestId('emu-publish').click();
		await page.getByTestId('emu-set-error').filter({ hasText: /./ }).waitFor(); // no criteria yet: a Vietnamese refusal
		await page.getByTestId('emu-crit-group').fill('I. Công tác lãnh đạo, chỉ đạo');
		await page.getByTestId('emu-crit-code').fill('1');
		await page.getByTestId('emu-crit-name').fill('Ban hành kế hoạch công tác dân vận năm');
		await page.getByTestId('emu-crit-max').fill('10');
		await page.getByTestId('emu-crit-submit').click();
		await page.getByTestId('emu-criteria').getByText('Ban hành kế hoạch công tác dân vận năm').waitFor();
		await page.getByTestId('emu-publish').click();
		await page.getByText('Đã ban hành bộ tiêu chí.').waitFor();
		await page.getByTestId('emu-criterion-form').waitFor({ state: 'detached' });
		await page.goto(srv.url + '/#/emulation');
		await page.getByTestId('emu-bloc-form').waitFor();
		await page.getByTestId('emu-bloc-name').fill('Khối các phường');
		await page.locator('[data-testid="emu-bloc-set"] option:nth-child(2)').waitFor({ state: 'attached' });
		await page.getByTestId('emu-bloc-set').selectOption({ index: 1 });
		await page.getByTestId('emu-bloc-submit').click();
		await page.getByTestId('emu-ranking').waitFor();
		await page.locator(`[data-testid="emu-member-org"] option[value="${orgA.id}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('emu-member-org').selectOption(String(orgA.id));
		await page.getByTestId('emu-member-submit').click();
		await page.getByTestId(`emu-rank-${orgA.id}`).waitFor();
		// A sysadmin appraises (its scope holds every unit).
		await page.getByTestId('emu-scoring').waitFor();
		await page.getByTestId('emu-score-kind').selectOption('appraisal');
		await page.locator('[data-testid^="emu-points-"]').first().fill('9');
		await page.getByTestId('emu-score-submit').click();
		await page.locator('[data-testid="emu-score-ok"], [data-testid="emu-score-error"]').first().waitFor();
		assert.equal(await page.getByTestId('emu-score-error').count(), 0,
			await page.getByTestId('emu-score-error').count() ? await page.getByTestId('emu-score-error').innerText() : '');
		await page.getByTestId(`emu-rank-${orgA.id}`).filter({ hasText: '9' }).waitFor();
		const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('emu-xlsx').click()]);
		assert.equal(dl.suggestedFilename(), 'ket-qua-thi-dua.xlsx');
		await shot(page, '06-ranking', true);
	} finally {
		await context.close();
	}
	// One 409: publishing the set without criteria, on purpose.
	assert.equal(problems.filter((p) => /status of 409\b/.test(p)).length, 1, problems.join('\n'));
	assert.deepEqual(problems.filter((p) => !/status of 409\b/.test(p)), []);
});
