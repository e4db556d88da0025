// What every browser test (tests/browser/) does the same way: Debian's chromium
// driven by playwright-core, pages in Vietnamese on Vietnam's clock whose
// errors are collected, the login form, the no-sideways-scrolling check, and
// screenshots in tests/out.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO, WEB_DIST } from './server.mjs';

export const CHROMIUM = process.env.DANVAN_CHROMIUM || '/usr/bin/chromium';
export const OUT = path.join(REPO, 'tests', 'out');
const LAUNCH_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Headless chromium, once the built front end and the browser are there.
export async function launchBrowser() {
	assert.ok(existsSync(path.join(WEB_DIST, 'index.html')),
		'web/dist/index.html is missing: build the front end first (make web)');
	assert.ok(existsSync(CHROMIUM), `chromium not found at ${CHROMIUM}`);
	mkdirSync(OUT, { recursive: true });
	return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

// newPage(viewport, extra) for the browser browserOf() returns: a context in vi-VN on Asia/Ho_Chi_Minh time
// (extra: more context options) and its page. Page errors, console errors and failed requests go to problems,
// but for console errors for which expected(text) is true (by default the 401 of GET /me before logging in)
// and requests cut short by a navigation. Options: expected, timeout (ms, 15000), context (more context
// options for every page), requestFailed (false: failed requests are not collected).
export function pageMaker(browserOf, problems, {
	expected = (text) => /status of 401\b/.test(text), timeout = 15000, context = {}, requestFailed = true,
} = {}) {
	return async (viewport, extra = {}) => {
		const ctx = await browserOf().newContext({
			viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...context, ...extra,
		});
		const page = await ctx.newPage();
		page.setDefaultTimeout(timeout);
		page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
		page.on('console', (msg) => {
			if (msg.type() !== 'error') return;
			const text = msg.text();
			if (expected(text)) return;
			problems.push(`console error: ${text}`);
		});
		if (requestFailed) {
			page.on('requestfailed', (req) => {
				const f = req.failure();
				if (f && /ERR_ABORTED/.test(f.errorText)) return;
				problems.push(`request failed: ${req.url()} ${f ? f.errorText : ''}`);
			});
		}
		return { context: ctx, page };
	};
}

// shot(page, name, fullPage) writes tests/out/<prefix>-<name>.png.
export const shooter = (prefix) => (page, name, fullPage = false) =>
	page.screenshot({ path: path.join(OUT, `${prefix}-${name}.png`), fullPage });

export async function login(page, username, password) {
	await page.getByTestId('login-username').fill(username);
	await page.getByTestId('login-password').fill(password);
	await page.getByTestId('login-submit').click();
	await page.getByTestId('header-user-name').waitFor();
}

export async function noHorizontalOverflow(page, where) {
	const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }));
	assert.ok(sw <= iw, `${where}: page scrolls horizontally (scrollWidth ${sw} > innerWidth ${iw})`);
}
