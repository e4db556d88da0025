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

async function request(method, path, body, { noAuthRedirect = false, noCsrf = false } = {}) {
	const headers = { Accept: 'application/json' };
	const opts = { method, headers, credentials: 'same-origin', cache: 'no-store' };
	if (method !== 'GET' && method !== 'HEAD' && path !== '/auth/login' && !(noCsrf && !csrfToken)) {
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
	if (err && Array.isArray(err.rows)) e.rows = err.rows;
	if (res.status === 401 && !noAuthRedirect && path !== '/auth/login' && unauthenticatedHandler) {
		unauthenticatedHandler();
	}
	throw e;
}

export const api = {
	get: (path, params, opts) => request('GET', path + query(params), undefined, opts),
	post: (path, body, opts) => request('POST', path, body === undefined ? {} : body, opts),
	patch: (path, body) => request('PATCH', path, body),
	put: (path, body) => request('PUT', path, body),
	del: (path) => request('DELETE', path),
};

/** The address of an API resource, for links (downloads, XLSX exports). */
export function apiUrl(path, params) {
	return BASE + path + query(params);
}

/** The ApiError of a failed file answer (JSON error body, or `fallback` with the status). */
async function fileError(res, fallback) {
	let err = null;
	try {
		err = (await res.json()).error;
	} catch {
		err = null;
	}
	if (res.status === 401 && unauthenticatedHandler) unauthenticatedHandler();
	return new ApiError(res.status, err ? err.code : 'http_' + res.status,
		(err && err.message) || `${fallback} (mã ${res.status}).`, err && err.field);
}

/** Hand a Blob to the browser as a download named `filename`. */
export function saveBlob(blob, filename) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Download a file answer (GET) and hand it to the browser as `filename`;
 * an error answer becomes an ApiError with the server's Vietnamese message.
 */
export async function download(path, params, filename) {
	let res;
	try {
		res = await fetch(apiUrl(path, params), { credentials: 'same-origin', cache: 'no-store' });
	} catch {
		throw new ApiError(0, 'network', 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.');
	}
	if (!res.ok) throw await fileError(res, 'Không tải được tệp');
	saveBlob(await res.blob(), filename);
}

/**
 * Export a whole list to XLSX (POST /exports, docs/API.md): `spec` is
 * {path, query, columns, title, filename, token}.  Resolves the file as a
 * Blob; an error answer becomes an ApiError with the server's message.
 * The progress is read meanwhile with exportProgress(token).
 */
export async function exportList(spec) {
	let res;
	try {
		res = await fetch(BASE + '/exports', {
			method: 'POST',
			credentials: 'same-origin',
			cache: 'no-store',
			headers: {
				Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json',
				'Content-Type': 'application/json',
				'X-CSRF-Token': csrfToken,
			},
			body: JSON.stringify(spec),
		});
	} catch {
		throw new ApiError(0, 'network', 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.');
	}
	if (!res.ok) throw await fileError(res, 'Không xuất được tệp Excel');
	return res.blob();
}

/**
 * The progress of an export: {state, done, total} (total -1 until counted),
 * or null while the server does not know the token yet (or on any error).
 */
export async function exportProgress(token) {
	try {
		const res = await fetch(`${BASE}/exports/${encodeURIComponent(token)}`, {
			credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' },
		});
		if (!res.ok) return null;
		return await res.json();
	} catch {
		return null;
	}
}

/**
 * Send a file as the raw request body (application/octet-stream) with
 * XMLHttpRequest, so that the upload progress can be shown:
 * onProgress(sentBytes, totalBytes).  Resolves the parsed JSON answer,
 * rejects with an ApiError like the other calls.
 */
export function upload(path, file, onProgress) {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', BASE + path);
		xhr.setRequestHeader('Content-Type', 'application/octet-stream');
		xhr.setRequestHeader('Accept', 'application/json');
		xhr.setRequestHeader('X-CSRF-Token', csrfToken);
		if (onProgress) {
			xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
		}
		xhr.onerror = () => reject(new ApiError(0, 'network', 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.'));
		xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Đã huỷ tải tệp lên.'));
		xhr.onload = () => {
			let data = null;
			try {
				data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
			} catch {
				data = null;
			}
			if (xhr.status >= 200 && xhr.status < 300) {
				resolve(data);
				return;
			}
			const err = data && data.error ? data.error : null;
			let message = err && err.message;
			if (!message) {
				if (xhr.status === 413) message = 'Tệp quá lớn: tối đa 10 MB.';
				else if (xhr.status === 415) message = 'Loại tệp không được chấp nhận (chỉ PDF, JPEG, PNG, WebP, TIFF).';
				else message = `Tải tệp lên không thành công (mã ${xhr.status}).`;
			}
			if (xhr.status === 401 && unauthenticatedHandler) unauthenticatedHandler();
			reject(new ApiError(xhr.status, err ? err.code : 'http_' + xhr.status, message, err && err.field));
		};
		xhr.send(file);
	});
}

/** Calls of the public pages (no login; a 401 there must not show the login page). */
export const publicApi = {
	get: (path, params) => request('GET', '/public' + path + query(params), undefined, { noAuthRedirect: true }),
	post: (path, body) => request('POST', '/public' + path, body, { noAuthRedirect: true, noCsrf: true }),
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
