// HTTP client for the danvan JSON API (docs/API.md).
//
// Every request goes to /api/v1 with the session cookie (same origin).  The
// CSRF token returned by login and GET /me is sent as X-CSRF-Token on every
// state-changing request.  Failures are thrown as ApiError carrying the
// server's {code, message, field}; a 401 on anything but login also tells the
// app (onUnauthenticated) so that it can show the login page.

const BASE = '/api/v1';

let csrfToken = '';
let unauthenticatedHandler = null;

export class ApiError extends Error {
	constructor(status, code, message, field) {
		super(message);
		this.name = 'ApiError';
		this.status = status;
		this.code = code;
		this.field = field || null;
	}
}

export function setCsrfToken(token) {
	csrfToken = token || '';
}

export function onUnauthenticated(fn) {
	unauthenticatedHandler = fn;
}

/** Build a query string from an object, leaving out empty values. */
export function query(params) {
	const sp = new URLSearchParams();
	for (const [k, v] of Object.entries(params || {})) {
		if (v === undefined || v === null || v === '') continue;
		sp.set(k, String(v));
	}
	const s = sp.toString();
	return s ? `?${s}` : '';
}

async function request(method, path, body, { noAuthRedirect = false } = {}) {
	const headers = { Accept: 'application/json' };
	const opts = { method, headers, credentials: 'same-origin', cache: 'no-store' };
	if (method !== 'GET' && method !== 'HEAD' && path !== '/auth/login') {
		headers['X-CSRF-Token'] = csrfToken;
	}
	if (body !== undefined) {
		headers['Content-Type'] = 'application/json';
		opts.body = JSON.stringify(body);
	}
	let res;
	try {
		res = await fetch(BASE + path, opts);
	} catch {
		throw new ApiError(0, 'network', 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.');
	}
	let data = null;
	const text = await res.text();
	if (text) {
		try {
			data = JSON.parse(text);
		} catch {
			data = null;
		}
	}
	if (res.ok) return data;

	const err = data && data.error ? data.error : null;
	let message = err && err.message;
	if (!message) {
		message = res.status >= 500
			? `Máy chủ gặp lỗi (mã ${res.status}). Vui lòng thử lại sau.`
			: `Yêu cầu không thành công (mã ${res.status}).`;
	}
	const e = new ApiError(res.status, err ? err.code : 'http_' + res.status, message, err && err.field);
	if (res.status === 429) {
		const retry = Number(res.headers.get('Retry-After'));
		if (Number.isFinite(retry) && retry > 0) e.retryAfter = retry;
	}
	if (res.status === 401 && !noAuthRedirect && path !== '/auth/login' && unauthenticatedHandler) {
		unauthenticatedHandler();
	}
	throw e;
}

export const api = {
	get: (path, params, opts) => request('GET', path + query(params), undefined, opts),
	post: (path, body) => request('POST', path, body === undefined ? {} : body),
	patch: (path, body) => request('PATCH', path, body),
	del: (path) => request('DELETE', path),
};

/* Convenience wrappers ------------------------------------------------ */

export async function fetchMe() {
	const r = await request('GET', '/me', undefined, { noAuthRedirect: true });
	setCsrfToken(r.csrf_token);
	return r.user;
}

export async function login(username, password) {
	const r = await request('POST', '/auth/login', { username, password });
	setCsrfToken(r.csrf_token);
	return r.user;
}

export async function logout() {
	try {
		await request('POST', '/auth/logout', {}, { noAuthRedirect: true });
	} finally {
		setCsrfToken('');
	}
}
