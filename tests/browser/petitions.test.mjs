// Browser test of citizen reception and petitions (issue 3), acceptance flow:
// a commune officer receives a citizen (session, visit), records the letter
// from the visit and forwards it to another unit's organisation; that unit's
// officer finds it in their queue, classifies, accepts and resolves it with a
// public result; the citizens' tracking page, without login, shows the
// result and status for the ORIGINAL tracking code and no personal data.
// Also: the register (Mẫu 03) and its print layout, the protected identity
// refusal, and the public send form on a 390x844 phone.
//
// Users and organisations are made through the API (tests/api/fixtures.mjs);
// the browser does what the issue is about.  Screenshots: tests/out/petitions-*.png.
//
//   cd /work/main && node --test tests/browser/petitions.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, login, noHorizontalOverflow, pageMaker, shooter } from '../lib/browser.mjs';
import { assertOk, makeUser, setup } from '../api/fixtures.mjs';

const T = { timeout: 180000 };

// Commune A (Phường Hòa Bình, Phú Thọ) receives; commune B (Phường Việt Trì) is competent.
const UNIT_A = { structure: 2025, code: '04795' };
const UNIT_B = { structure: 2025, code: '07900' };
const PROVINCE = '25';

const CITIZEN = {
	name: 'Đinh Thị Khuyên',
	address: 'Số 12 tổ 7, phường Hòa Bình, tỉnh Phú Thọ',
	idNumber: '025190012345',
	phone: '0912345678',
};
const SUBJECT = 'Đề nghị sửa chữa cống thoát nước tổ 7 bị vỡ';
const RESULT = 'Ủy ban nhân dân phường đã sửa chữa xong cống thoát nước tổ 7 ngày hôm nay.';
const PUBLIC_NOTE = 'Đã sửa chữa xong cống thoát nước; cảm ơn công dân đã phản ánh.';

let srv;
let admin;
let browser;
let orgA;
let orgB;
let officerA;
let officerB;
const problems = [];

before(async () => {
	({ srv, admin } = await setup());
	orgA = assertOk(await admin.post('/organizations', {
		name: 'Ủy ban nhân dân phường Hòa Bình', type: 'people_committee', unit: UNIT_A,
	}), 201).organization;
	orgB = assertOk(await admin.post('/organizations', {
		name: 'Ủy ban nhân dân phường Việt Trì', type: 'people_committee', unit: UNIT_B,
	}), 201).organization;
	officerA = await makeUser(srv.url, admin, {
		role: 'officer', unit: UNIT_A, username: 'canbo.hoabinh', fullName: 'Lê Thị Mai', password: 'canbo-hoabinh-1',
	});
	officerB = await makeUser(srv.url, admin, {
		role: 'officer', unit: UNIT_B, username: 'canbo.viettri', fullName: 'Phan Văn Đức', password: 'canbo-viettri-1',
	});
	browser = await launchBrowser();
});

after(async () => {
	if (browser) await browser.close();
	if (srv) await srv.stop();
});

const newPage = pageMaker(() => browser, problems, {
	expected: (text) => /status of (401|403)\b/.test(text), // 403: the refused identity read (asserted below)
});

const shot = shooter('petitions');

/** The whole visible text of the page (what a person could read). */
const pageText = (page) => page.evaluate(() => document.body.innerText);

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const vi = (day) => day.split('-').reverse().join('/');

let originalCode = null;

test('reception → petition → forward → accept and resolve elsewhere → public tracking without personal data', T, async () => {
	// 1. Commune A's officer: a reception session with one visit.
	let { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + '/#/reception');
		await login(page, officerA.username, officerA.password);
		await page.getByTestId('nav-reception').waitFor();
		assert.equal(await page.getByTestId('nav-reception').getAttribute('aria-current'), 'page');
		await page.getByTestId('session-table').waitFor();
		await page.getByTestId('session-new-button').click();
		await page.getByTestId('session-form').waitFor();
		await page.locator(`[data-testid="session-org"] option[value="${orgA.id}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('session-org').selectOption(String(orgA.id));
		assert.equal(await page.getByTestId('session-day').inputValue(), vi(today()), 'the day defaults to today, dd/mm/yyyy');
		await page.getByTestId('session-place').fill('Trụ sở tiếp công dân phường Hòa Bình');
		await page.getByTestId('session-host').fill('Nguyễn Văn Hải, Phó Chủ tịch UBND phường');
		await page.getByTestId('session-submit').click();
		await page.getByTestId('session-info').waitFor();
		assert.match(await page.getByTestId('session-info').innerText(), /Thường xuyên/);
		await page.getByTestId('visit-new-button').click();
		await page.getByTestId('visit-form').waitFor();
		await page.getByTestId('visit-name').fill(CITIZEN.name);
		await page.getByTestId('visit-address').fill(CITIZEN.address);
		await page.getByTestId('visit-id-number').fill(CITIZEN.idNumber);
		await page.getByTestId('visit-content').fill('Cống thoát nước tổ 7 bị vỡ gây ngập úng đường đi, đề nghị sửa chữa.');
		await page.getByTestId('visit-classification').selectOption('recommendation');
		await page.locator('[data-testid="visit-field"] option[value="construction"]').waitFor({ state: 'attached' });
		await page.getByTestId('visit-field').selectOption('construction');
		await page.getByTestId('visit-direction').selectOption('forward');
		await page.getByTestId('visit-forwarded-to').fill('Ủy ban nhân dân phường Việt Trì');
		await shot(page, '01-visit-form');
		await page.getByTestId('visit-submit').click();
		await page.getByTestId('visit-message').filter({ hasText: 'Đã thêm lượt tiếp' }).waitFor();
		const visitRow = page.locator('[data-testid^="visit-row-"]').first();
		assert.match(await visitRow.innerText(), new RegExp(CITIZEN.name));
		assert.match(await visitRow.innerText(), /Kiến nghị/);
		await shot(page, '02-session');

		// The register (Mẫu 03): 12 numbered columns, the visit with an "x" under "forward".
		await page.getByTestId('nav-reception').click();
		await page.getByTestId('tab-register').click();
		await page.getByTestId('register-row-1').waitFor();
		const heads = await page.getByTestId('register-table').locator('tr.col-numbers th').allInnerTexts();
		assert.deepEqual(heads, Array.from({ length: 12 }, (_, i) => `(${i + 1})`));
		const cells = await page.getByTestId('register-row-1').locator('td').allInnerTexts();
		assert.equal(cells.length, 12);
		assert.equal(cells[1], vi(today()));
		assert.match(cells[2], new RegExp(CITIZEN.name));
		assert.equal(cells[7], '');
		assert.match(cells[9], /^x/);
		assert.match(await page.getByTestId('register-xlsx').getAttribute('href'), /\/api\/v1\/reception\/register\?.*format=xlsx/);
		const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-xlsx').click()]);
		assert.match(dl.suggestedFilename(), /^so-tiep-cong-dan-.*\.xlsx$/);
		const file = await dl.path();
		const { readFileSync } = await import('node:fs');
		assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK', 'an XLSX (zip) file');
		await page.emulateMedia({ media: 'print' });
		assert.ok(!(await page.getByTestId('nav').isVisible()), 'navigation is not printed');
		assert.ok(!(await page.getByTestId('register-filters').isVisible()), 'filters are not printed');
		assert.ok(await page.getByTestId('register-table').isVisible(), 'the register is printed');
		await shot(page, '03-register-print');
		await page.emulateMedia({ media: 'screen' });

		// 2. The letter from the visit: prefilled, phone added, subject typed.
		await page.getByTestId('tab-sessions').click();
		await page.locator('[data-testid^="session-link-"]').first().click();
		await page.locator('[data-testid^="visit-petition-"]').first().click();
		await page.getByTestId('petition-from-visit').waitFor();
		assert.equal(await page.getByTestId('petition-name').inputValue(), CITIZEN.name);
		assert.equal(await page.getByTestId('petition-source').inputValue(), 'visit');
		assert.equal(await page.getByTestId('petition-classification').inputValue(), 'recommendation');
		await page.getByTestId('petition-phone').fill(CITIZEN.phone);
		await page.getByTestId('petition-subject').fill(SUBJECT);
		await shot(page, '04-petition-form', true);
		await page.getByTestId('petition-submit').click();
		await page.getByTestId('petition-code').waitFor();
		originalCode = (await page.getByTestId('petition-code').innerText()).trim();
		assert.match(originalCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		assert.equal(await page.getByTestId('petition-status').getAttribute('data-status'), 'received');
		assert.match(await page.getByTestId('handling-due').innerText(), /\d{2}\/\d{2}\/\d{4} — còn \d+ ngày/);

		// 3. Forward it to commune B's People's Committee (outside A's scope: typed by id).
		await page.getByTestId('action-forward').click();
		await page.getByTestId('form-forward-to_org_id-id').fill(String(orgB.id));
		await page.getByTestId('form-forward-submit').click();
		await page.getByTestId('petition-status').filter({ hasText: 'Đã chuyển cơ quan có thẩm quyền' }).waitFor();
		await page.getByTestId('petition-forwarded-to').waitFor();
		assert.match(await page.getByTestId('timeline').innerText(), /Chuyển đơn/);
		await shot(page, '05-forwarded', true);
		await page.getByTestId('logout-button').click();
		await page.getByTestId('login-username').waitFor();

		// 4. Commune B's officer: the letter is in their queue.
		await page.goto(srv.url + '/#/petitions');
		await login(page, officerB.username, officerB.password);
		await page.getByTestId('petition-table').waitFor();
		const row = page.locator('[data-testid^="petition-row-"]', { hasText: SUBJECT });
		await row.waitFor();
		assert.match(await row.innerText(), /Cơ quan khác chuyển đến/);
		assert.match(await row.innerText(), /Ủy ban nhân dân phường Việt Trì/);
		const copyCode = await row.getAttribute('data-code');
		assert.notEqual(copyCode, originalCode, 'the receiving body has its own letter');
		await shot(page, '06-queue-b');
		await row.locator('[data-testid^="petition-link-"]').click();
		await page.getByTestId('petition-code').filter({ hasText: copyCode }).waitFor();

		// Classify (eligible), accept, resolve with a public note.
		await page.getByTestId('action-classify').click();
		assert.equal(await page.getByTestId('form-classify-classification').inputValue(), 'recommendation');
		await page.getByTestId('form-classify-eligibility').selectOption('eligible');
		await page.getByTestId('form-classify-submit').click();
		await page.getByTestId('petition-info').filter({ hasText: 'Đủ điều kiện xử lý' }).waitFor();
		await page.getByTestId('action-accept').click();
		await page.getByTestId('form-accept-complexity').selectOption('normal');
		await page.getByTestId('form-accept-submit').click();
		await page.getByTestId('petition-status').filter({ hasText: 'Đã thụ lý, đang giải quyết' }).waitFor();
		assert.match(await page.getByTestId('resolution-due').innerText(), /\d{2}\/\d{2}\/\d{4} — còn \d+ ngày/);
		await page.getByTestId('action-resolve').click();
		await page.getByTestId('form-resolve-result').fill(RESULT);
		await page.getByTestId('form-resolve-public_note').fill(PUBLIC_NOTE);
		await shot(page, '07-resolve-form', true);
		await page.getByTestId('form-resolve-submit').click();
		await page.getByTestId('petition-status').filter({ hasText: 'Đã có kết quả' }).waitFor();
		assert.equal(await page.getByTestId('petition-result').innerText(), RESULT);
		assert.match(await page.getByTestId('resolved-day').innerText(), /đúng hạn/);
		await shot(page, '08-resolved', true);
	} finally {
		await context.close();
	}

	// 5. A citizen, not logged in, on a phone: the original code shows the result.
	({ context, page } = await newPage({ width: 390, height: 844 }, { deviceScaleFactor: 2, isMobile: true, hasTouch: true }));
	try {
		await page.goto(srv.url + '/#/cong-dan/tra-cuu');
		await page.getByTestId('track-form').waitFor();
		assert.equal(await page.getByTestId('login-username').count(), 0, 'no login page');
		await page.getByTestId('track-code').fill(originalCode.toLowerCase().replace(/-/g, ' '));
		await page.getByTestId('track-submit').click();
		await page.getByTestId('track-result').waitFor();
		assert.equal(await page.getByTestId('track-status').innerText(), 'Đã có kết quả');
		assert.equal(await page.getByTestId('track-result-text').innerText(), RESULT);
		assert.equal(await page.getByTestId('track-received').innerText(), vi(today()));
		const timeline = await page.getByTestId('track-timeline').innerText();
		assert.match(timeline, new RegExp(PUBLIC_NOTE.slice(0, 30)));
		const text = await pageText(page);
		assert.ok(!text.includes('Đang tải'), 'nothing left loading');
		for (const secret of [CITIZEN.name, CITIZEN.address, CITIZEN.phone, CITIZEN.idNumber, 'Đinh Thị', 'tổ 7, phường']) {
			assert.ok(!text.includes(secret), `the public page shows personal data: ${secret}`);
		}
		const html = await page.content();
		for (const secret of [CITIZEN.name, CITIZEN.phone, CITIZEN.idNumber]) {
			assert.ok(!html.includes(secret), `the public page's markup holds personal data: ${secret}`);
		}
		await noHorizontalOverflow(page, 'tracking 390');
		await shot(page, '09-public-track', true);
	} finally {
		await context.close();
	}
});

test('protected identity: an officer who does not handle the case is refused, nicely', T, async () => {
	const r = assertOk(await officerA.api.post('/petitions', {
		org_id: orgA.id, source: 'post', received_day: today(), petitioner_name: 'Người Tố Cáo Bí Mật',
		petitioner_address: 'Địa chỉ bí mật', subject: 'Tố cáo cán bộ thu tiền trái quy định',
		content: 'Tố cáo cán bộ địa chính thu tiền ngoài quy định khi làm thủ tục.', classification: 'denunciation',
	}), 201);
	const id = r.petition.id;
	const { context, page } = await newPage({ width: 1366, height: 768 });
	try {
		await page.goto(srv.url + `/#/petitions/${id}`);
		await login(page, officerA.username, officerA.password);
		await page.getByTestId('petition-petitioner').waitFor();
		assert.match(await page.getByTestId('petition-petitioner').innerText(), /Danh tính được giữ bí mật/);
		assert.ok(!(await pageText(page)).includes('Người Tố Cáo Bí Mật'));
		await page.getByTestId('identity-button').click();
		await page.getByTestId('identity-denied').waitFor();
		assert.match(await page.getByTestId('identity-denied').innerText(), /Không được xem danh tính người tố cáo/);
		await shot(page, '10-identity-denied');
		// The list shows it too, without the identity.
		await page.getByTestId('nav-petitions').click();
		await page.getByTestId(`petition-row-${id}`).waitFor();
		assert.match(await page.getByTestId(`petition-row-${id}`).innerText(), /Danh tính được giữ bí mật/);
	} finally {
		await context.close();
	}
});

test('public send form on a 390x844 phone: province, commune, tracking code', T, async () => {
	const { context, page } = await newPage({ width: 390, height: 844 }, { deviceScaleFactor: 2, isMobile: true, hasTouch: true });
	try {
		await page.goto(srv.url + '/');
		await page.getByTestId('login-public-link').click();
		await page.getByTestId('public-form').waitFor();
		await noHorizontalOverflow(page, 'public form 390');
		await page.locator(`[data-testid="public-province"] option[value="${PROVINCE}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('public-province').selectOption(PROVINCE);
		await page.locator(`[data-testid="public-commune"] option[value="${UNIT_A.code}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('public-commune').selectOption(UNIT_A.code);
		await page.getByTestId('public-kind-reflection').check();
		await page.getByTestId('public-name').fill('Vũ Văn Toàn');
		await page.getByTestId('public-address').fill('Tổ 3, phường Hòa Bình');
		await page.getByTestId('public-phone').fill('0987654321');
		await page.getByTestId('public-subject').fill('Đèn đường tổ 3 không sáng');
		await page.getByTestId('public-content').fill('Đèn chiếu sáng đường tổ 3 hỏng đã hai tuần, đi lại buổi tối nguy hiểm.');
		await shot(page, '11-public-form', true);
		await page.getByTestId('public-submit').click();
		await page.getByTestId('public-sent').waitFor();
		const code = (await page.getByTestId('public-tracking-code').innerText()).trim();
		assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		assert.match(await page.getByTestId('public-sent').innerText(), /Lưu lại mã này để tra cứu/);
		await noHorizontalOverflow(page, 'public sent 390');
		await shot(page, '12-public-sent');
		// Follow it: received, nothing personal.
		await page.getByTestId('public-sent-track').click();
		await page.getByTestId('track-result').waitFor();
		assert.equal(await page.getByTestId('track-status').innerText(), 'Đã tiếp nhận');
		assert.ok(!(await pageText(page)).includes('Vũ Văn Toàn'));
		// It is in the commune's queue.
		const list = assertOk(await officerA.api.get('/petitions?source=online'));
		assert.ok(list.items.some((p) => p.tracking_code === code), 'the online letter reached commune A');
	} finally {
		await context.close();
	}
});

test('leaders\' schedule and its compliance, statistics in Vietnamese formatting, rules pages', T, async () => {
	const { context, page } = await newPage({ width: 1366, height: 768 });
	const weekday = ((new Date(`${today()}T12:00:00Z`).getUTCDay() + 6) % 7) + 1; // 1 = Monday
	try {
		await page.goto(srv.url + '/#/reception/schedules');
		await login(page, officerA.username, officerA.password);
		await page.getByTestId('schedule-new-button').click();
		await page.locator(`[data-testid="schedule-org"] option[value="${orgA.id}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('schedule-org').selectOption(String(orgA.id));
		await page.getByTestId('schedule-leader').fill('Nguyễn Văn Hải');
		await page.getByTestId('schedule-title').fill('Chủ tịch UBND phường');
		await page.locator('[data-testid="schedule-rule"] option[value="R-TCD-13"]').waitFor({ state: 'attached' });
		await page.getByTestId('schedule-rule').selectOption('R-TCD-13');
		await page.getByTestId('schedule-weekday').selectOption(String(weekday));
		await page.getByTestId('schedule-from').fill(vi(`${today().slice(0, 8)}01`));
		await page.getByTestId('schedule-submit').click();
		await page.getByTestId('schedule-message').waitFor();
		const row = page.locator('[data-testid^="schedule-row-"]', { hasText: 'Nguyễn Văn Hải' });
		await row.waitFor();
		const sid = Number((await row.getAttribute('data-testid')).replace('schedule-row-', ''));

		// A periodic session today under that schedule, through the form.
		await page.goto(srv.url + '/#/reception/new');
		await page.locator(`[data-testid="session-org"] option[value="${orgA.id}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('session-org').selectOption(String(orgA.id));
		await page.getByTestId('session-kind').selectOption('periodic');
		await page.locator(`[data-testid="session-schedule"] option[value="${sid}"]`).waitFor({ state: 'attached' });
		await page.getByTestId('session-schedule').selectOption(String(sid));
		await page.getByTestId('session-place').fill('Trụ sở UBND phường');
		await page.getByTestId('session-host').fill('Nguyễn Văn Hải');
		await page.getByTestId('session-submit').click();
		await page.getByTestId('session-info').filter({ hasText: 'Định kỳ' }).waitFor();

		await page.goto(srv.url + `/#/reception/schedules/${sid}`);
		await page.getByTestId('compliance-figures').waitFor();
		const api = assertOk(await officerA.api.get(`/reception/schedules/${sid}/compliance?period=${today().slice(0, 7)}`));
		assert.ok(api.held >= 1, 'today\'s periodic session is held');
		await page.getByTestId('compliance-held').filter({ hasText: vi(today()) }).waitFor();
		const rate = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(api.rate) + '%';
		assert.equal(await page.getByTestId('compliance-rate').innerText(), rate);
		await shot(page, '13-compliance');
		await page.getByTestId('logout-button').click();
		await page.getByTestId('login-username').waitFor();

		// Statistics (the whole country, as the sysadmin): the figures of the API, vi-VN.
		await page.goto(srv.url + '/#/stats');
		await login(page, 'admin', (await import('../lib/server.mjs')).ADMIN_PASSWORD);
		await page.getByTestId('stats-summary').waitFor();
		// the reporting year holding today (years run from 15 December to 14 December)
		const year = Number(today().slice(0, 4)) + (today().slice(5) >= '12-15' ? 1 : 0);
		const st = assertOk(await admin.get(`/stats/petitions?period=${year}`));
		const n = (x) => new Intl.NumberFormat('vi-VN').format(x);
		await page.getByTestId('stats-sentence-reception')
			.filter({ hasText: `tiếp ${n(st.reception.visits)} lượt với ${n(st.reception.persons)} người` }).waitFor();
		assert.equal(st.petitions.on_time_rate, 100, 'the one resolved case was on time');
		assert.equal(await page.getByTestId('stats-on-time-rate').innerText(), '100%');
		assert.match(await page.getByTestId('stats-period-text').innerText(),
			new RegExp(`từ ngày ${vi(st.period.from)} đến ngày ${vi(st.period.to)}`));
		assert.match(await page.getByTestId('stats-by-classification').innerText(), /Kiến nghị/);
		await shot(page, '14-stats', true);

		// Rules as data (sysadmin).
		await page.getByTestId('nav-config').click();
		await page.getByTestId('rule-row-P-KNPA-01').waitFor();
		assert.match(await page.getByTestId('rule-row-P-KNPA-01').innerText(), /Đề xuất/);
		await page.getByTestId('tab-calendar').click();
		await page.locator('[data-testid^="calendar-row-"]').first().waitFor();
		assert.match(await page.getByTestId('calendar-table').innerText(), /Tết Nguyên đán/);
		await page.getByTestId('tab-settings').click();
		assert.equal(await page.getByTestId('setting-mass_threshold').inputValue(), '5');
	} finally {
		await context.close();
	}
});

test('no page errors, console errors or failed requests', T, () => {
	assert.deepEqual(problems, []);
});
