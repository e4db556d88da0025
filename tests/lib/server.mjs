// tests/lib/server.mjs - start a throw-away danvan server for a test file.
//
//   import { startServer, login, client } from '../lib/server.mjs';
//   const srv = await startServer();            // { url, db, stop, ... }
//   const s = await login(srv.url, 'admin', ADMIN_PASSWORD);
//   const api = client(srv.url, s);
//   const r = await api.get('/units?limit=1');  // { status, headers, body, text }
//   await srv.stop();
//
// Database: a SQLite file in a fresh temporary directory, or, when the
// environment has DANVAN_TEST_PG=<socket dir> (and DANVAN_TEST_PG_PORT,
// default 5432; see tests/lib/pg.sh), a fresh PostgreSQL database that stop()
// drops again.  The binary is $DANVAN_BIN or bin/danvan (relative paths are
// taken from the repository root).  Only Node 18 APIs are used.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.resolve(REPO, process.env.DANVAN_BIN || 'bin/danvan');
export const WEB_DIST = path.join(REPO, 'web', 'dist');
export const API_PREFIX = '/api/v1';
export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'admin-password-1';
export const ADMIN_FULL_NAME = 'Quản trị hệ thống';

const HEALTH_TIMEOUT_MS = 30000;
const STDERR_KEEP = 64 * 1024;

/* ------------------------------------------------------------------ */
/* helpers                                                             */

function pgBinDir() {
	// Prefer the newest /usr/lib/postgresql/N/bin; fall back to PATH.
	const base = '/usr/lib/postgresql';
	try {
		const vers = readdirSync(base)
			.filter((v) => existsSync(path.join(base, v, 'bin', 'createdb')))
			.sort((a, b) => Number(b) - Number(a));
		if (vers.length) return path.join(base, vers[0], 'bin');
	} catch { /* no such directory */ }
	return '';
}

function pgTool(name) {
	const dir = pgBinDir();
	return dir ? path.join(dir, name) : name;
}

/** Run a command; resolves { code, stdout, stderr }; rejects when it fails. */
export function run(cmd, args, { input, env, cwd = REPO, allowFail = false, timeoutMs = 120000 } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			cwd, env: env || process.env, stdio: ['pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.stdout.on('data', (d) => { stdout += d; });
		child.stderr.on('data', (d) => { stderr += d; });
		child.on('error', (err) => {
			clearTimeout(timer);
			reject(new Error(`cannot run ${cmd}: ${err.message}`));
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const res = { code, signal, stdout, stderr };
			if ((code !== 0 || signal) && !allowFail) {
				const e = new Error(`${cmd} ${args.join(' ')} failed ` +
					`(${signal || 'exit ' + code}):\n${stderr}${stdout}`);
				e.result = res;
				reject(e);
			} else {
				resolve(res);
			}
		});
		child.stdin.on('error', () => { /* child may not read stdin */ });
		if (input !== undefined) child.stdin.end(input);
		else child.stdin.end();
	});
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.unref();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/* Everything still alive when the process exits is cleaned up here. */
const live = new Set();
let exitHookInstalled = false;
function installExitHook() {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const s of live) s.cleanupSync();
	});
}

let dbCounter = 0;

/* ------------------------------------------------------------------ */
/* database                                                            */

async function createDatabase() {
	const pgDir = process.env.DANVAN_TEST_PG;
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'danvan-test-'));
	if (!pgDir) {
		const file = path.join(tmp, 'danvan.db');
		return {
			dsn: file,
			kind: 'sqlite',
			tmp,
			dropSync() { rmSync(tmp, { recursive: true, force: true }); },
		};
	}
	const port = String(process.env.DANVAN_TEST_PG_PORT || '5432');
	const name = `danvan_t_${process.pid}_${++dbCounter}_${Math.random().toString(36).slice(2, 8)}`;
	const conn = ['-h', pgDir, '-p', port, '-U', 'postgres'];
	try {
		await run(pgTool('createdb'), [...conn, '-E', 'UTF8', '-T', 'template0', name]);
	} catch (err) {
		rmSync(tmp, { recursive: true, force: true });
		throw err;
	}
	const dsn = `postgresql:///${name}?host=${encodeURIComponent(pgDir)}&port=${port}&user=postgres`;
	return {
		dsn,
		kind: 'postgresql',
		name,
		tmp,
		dropSync() {
			spawnSync(pgTool('dropdb'), [...conn, '--if-exists', '--force', name], { stdio: 'ignore' });
			rmSync(tmp, { recursive: true, force: true });
		},
	};
}

/* ------------------------------------------------------------------ */
/* server                                                              */

/**
 * Start a fresh server.
 * opts.args  extra arguments for `danvan serve` (e.g. ['--session-idle', '2'])
 * opts.demo  true: run `danvan demo --db DSN` before serving
 * opts.env   extra environment for the server process
 * Resolves { url, db, stop, port, bin, dbKind, stderr(), stdout(), cli(args, opts) }.
 */
export async function startServer(opts = {}) {
	installExitHook();
	if (!existsSync(BIN)) {
		throw new Error(`danvan binary not found at ${BIN} (run make, or set DANVAN_BIN)`);
	}
	const db = await createDatabase();
	const state = {
		child: null,
		cleanupSync() {
			if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
				try { this.child.kill('SIGKILL'); } catch { /* gone */ }
			}
			db.dropSync();
			live.delete(this);
		},
	};
	live.add(state);

	const cli = (args, o = {}) => run(BIN, args, o);
	const keyFile = path.join(db.tmp, 'identity.key');
	state.keyFile = keyFile;
	try {
		await cli(['migrate', '--db', db.dsn, '--key-file', keyFile]);
		await cli(['user', 'add', '--db', db.dsn, '--username', ADMIN_USERNAME,
			'--full-name', ADMIN_FULL_NAME, '--role', 'sysadmin', '--password-stdin'],
		{ input: ADMIN_PASSWORD });
		if (opts.demo === true) await cli(['demo', '--db', db.dsn, '--key-file', keyFile]);
	} catch (err) {
		state.cleanupSync();
		throw err;
	}

	let lastErr;
	for (let attempt = 0; attempt < 3; attempt++) {
		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		const args = ['serve', '--db', db.dsn, '--listen', `127.0.0.1:${port}`,
			'--web', WEB_DIST, '--key-file', keyFile, ...(opts.args || [])];
		const child = spawn(BIN, args, {
			cwd: REPO,
			env: { ...process.env, ...(opts.env || {}) },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		state.child = child;
		let errText = '';
		let outText = '';
		child.stderr.on('data', (d) => {
			errText += d;
			if (errText.length > STDERR_KEEP) errText = errText.slice(-STDERR_KEEP);
		});
		child.stdout.on('data', (d) => {
			outText += d;
			if (outText.length > STDERR_KEEP) outText = outText.slice(-STDERR_KEEP);
		});
		let exited = null;
		const exitPromise = new Promise((resolve) => {
			child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); });
			child.on('error', (err) => { exited = { error: err }; resolve(exited); });
		});

		const deadline = Date.now() + HEALTH_TIMEOUT_MS;
		let ok = false;
		while (Date.now() < deadline && !exited) {
			try {
				const r = await fetch(`${url}${API_PREFIX}/health`, { signal: AbortSignal.timeout(2000) });
				await r.arrayBuffer();
				if (r.status === 200) { ok = true; break; }
			} catch { /* not up yet */ }
			await sleep(100);
		}
		if (ok) {
			const stop = async () => {
				if (!live.has(state)) return;
				if (!exited) {
					child.kill('SIGTERM');
					const t = await Promise.race([exitPromise, sleep(5000).then(() => null)]);
					if (!t) {
						child.kill('SIGKILL');
						await Promise.race([exitPromise, sleep(5000)]);
					}
				}
				state.child = null;
				db.dropSync();
				live.delete(state);
			};
			return {
				url,
				db: db.dsn,
				dbKind: db.kind,
				port,
				bin: BIN,
				stop,
				cli,
				stderr: () => errText,
				stdout: () => outText,
				get exited() { return exited; },
			};
		}
		if (!exited) {
			child.kill('SIGKILL');
			await exitPromise;
		}
		lastErr = new Error(`danvan serve did not become healthy at ${url} ` +
			`(${exited ? 'exited: ' + JSON.stringify(exited) : 'timeout ' + HEALTH_TIMEOUT_MS + ' ms'});` +
			` stderr:\n${errText}\nstdout:\n${outText}`);
		// Retry only when the port was taken in between.
		if (!/address already in use|EADDRINUSE|bind/i.test(errText)) break;
	}
	state.cleanupSync();
	throw lastErr;
}

/* ------------------------------------------------------------------ */
/* HTTP                                                                */

function setCookies(headers) {
	if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
	const raw = headers.get('set-cookie');
	if (!raw) return [];
	return raw.split(/,(?=\s*[A-Za-z0-9_.-]+=)/).map((s) => s.trim());
}

/** The Set-Cookie strings of a response (array). */
export function getSetCookies(res) {
	return setCookies(res.headers);
}

function fullUrl(url, p) {
	if (/^https?:\/\//.test(p)) return p;
	if (p.startsWith('/api/')) return url + p;
	return url + API_PREFIX + (p.startsWith('/') ? p : '/' + p);
}

/**
 * Low-level request.  path: '/units' (prefixed with /api/v1), '/api/...' or a
 * full URL.  opts: body (JSON-encoded unless raw), raw (string/Buffer sent as
 * is), contentType, cookie, csrf, headers.
 * Resolves { status, headers, body, text } (body JSON-parsed when possible,
 * else the text).
 */
export async function request(url, method, p, opts = {}) {
	const headers = {};
	let body;
	if (opts.raw !== undefined) {
		body = opts.raw;
		headers['content-type'] = 'application/json';
	} else if (opts.body !== undefined) {
		body = JSON.stringify(opts.body);
		headers['content-type'] = 'application/json';
	}
	if (opts.contentType !== undefined) {
		if (opts.contentType === null) delete headers['content-type'];
		else headers['content-type'] = opts.contentType;
	}
	if (opts.cookie) headers.cookie = opts.cookie;
	if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
	Object.assign(headers, opts.headers || {});
	const res = await fetch(fullUrl(url, p), {
		method, headers, body, redirect: 'manual',
		signal: AbortSignal.timeout(opts.timeoutMs || 30000),
	});
	const text = await res.text();
	let parsed = text;
	if (text.length) {
		try { parsed = JSON.parse(text); } catch { /* keep text */ }
	} else {
		parsed = null;
	}
	return { status: res.status, headers: res.headers, body: parsed, text };
}

/**
 * Log in.  Resolves { cookie, csrf, user, res }: cookie is
 * "danvan_session=VALUE" (null when login failed), res is the request()
 * result (res.setCookies has the raw Set-Cookie strings).
 */
export async function login(url, username, password) {
	const res = await request(url, 'POST', '/auth/login', { body: { username, password } });
	res.setCookies = setCookies(res.headers);
	let cookie = null;
	for (const sc of res.setCookies) {
		const m = /^\s*danvan_session=([^;]*)/.exec(sc);
		if (m && m[1]) cookie = `danvan_session=${m[1]}`;
	}
	const ok = res.status === 200 && res.body && typeof res.body === 'object';
	return {
		cookie: ok ? cookie : null,
		csrf: ok ? res.body.csrf_token : undefined,
		user: ok ? res.body.user : undefined,
		res,
	};
}

/**
 * A small client bound to one session ({ cookie, csrf } as from login(), or
 * null for none).  Methods: get(path, opts), post(path, body, opts),
 * patch(path, body, opts), put(path, body, opts), del(path, opts),
 * request(method, path, opts).  opts may override cookie/csrf (use
 * csrf: '' to send none) and add headers.
 */
export function client(url, session) {
	const base = (opts = {}) => {
		const o = { ...opts };
		if (!('cookie' in o)) o.cookie = session && session.cookie;
		if (!('csrf' in o)) o.csrf = session && session.csrf;
		return o;
	};
	const withBody = (method) => (p, body, opts = {}) =>
		request(url, method, p, base(body === undefined ? opts : { ...opts, body }));
	return {
		url,
		session,
		request: (method, p, opts) => request(url, method, p, base(opts)),
		get: (p, opts) => request(url, 'GET', p, base(opts)),
		post: withBody('POST'),
		patch: withBody('PATCH'),
		put: withBody('PUT'),
		del: (p, opts) => request(url, 'DELETE', p, base(opts)),
	};
}
