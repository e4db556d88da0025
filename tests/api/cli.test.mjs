// The CLI and the server's life cycle: help texts, exit codes, refusing a
// database newer than the binary, and acknowledged writes surviving kill -9.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, client, freePort, login, run, WEB_DIST } from '../lib/server.mjs';
import { assertOk } from './fixtures.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('command line', () => {
	it('danvan --help lists the commands; each command has --help', async () => {
		const top = await run(BIN, ['--help']);
		for (const c of ['serve', 'migrate', 'user', 'demo']) assert.match(top.stdout, new RegExp(`\\b${c}\\b`));
		const serve = await run(BIN, ['serve', '--help']);
		assert.match(serve.stdout, /--db/);
		assert.match(serve.stdout, /--listen/);
		const user = await run(BIN, ['user', '--help']);
		for (const s of ['user add', 'user list', 'user disable', '--password-stdin']) assert.ok(user.stdout.includes(s), s);
	});

	it('bad usage exits 2 with a message on stderr', async () => {
		const r = await run(BIN, ['frobnicate'], { allowFail: true });
		assert.equal(r.code, 2);
		assert.match(r.stderr, /unknown command/);
		const s = await run(BIN, ['serve'], { allowFail: true });
		assert.equal(s.code, 2);
		assert.match(s.stderr, /--db/);
	});
});

// Needs a file database and the sqlite3 CLI: SQLite only.
describe('server life cycle (SQLite)', { skip: Boolean(process.env.DANVAN_TEST_PG) }, () => {
	let dir; let db;
	before(async () => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'danvan-cli-'));
		db = path.join(dir, 'danvan.db');
		await run(BIN, ['migrate', '--db', db]);
		await run(BIN, ['user', 'add', '--db', db, '--username', 'admin', '--role', 'sysadmin', '--password-stdin'],
			{ input: 'admin-password-1\n' });
	});
	after(() => { rmSync(dir, { recursive: true, force: true }); });

	const serve = async () => {
		const port = await freePort();
		const child = spawn(BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--web', WEB_DIST],
			{ stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (d) => { stderr += d; });
		const url = `http://127.0.0.1:${port}`;
		for (let i = 0; i < 100; i++) {
			try {
				if ((await fetch(`${url}/api/v1/health`)).ok) return { child, url };
			} catch { /* not yet */ }
			if (child.exitCode !== null) break;
			await sleep(100);
		}
		child.kill('SIGKILL');
		throw new Error(`server did not start: ${stderr}`);
	};

	it('migrate is idempotent and user list shows the users', async () => {
		const m = await run(BIN, ['migrate', '--db', db]);
		assert.match(m.stdout, /0 migration\(s\) applied/);
		const l = await run(BIN, ['user', 'list', '--db', db]);
		assert.match(l.stdout, /admin\s+sysadmin\s+active/);
	});

	it('an acknowledged write survives kill -9', async () => {
		let { child, url } = await serve();
		const s = await login(url, 'admin', 'admin-password-1');
		const r = assertOk(await client(url, s).post('/organizations',
			{ name: 'Ban Dân vận bền vững', type: 'agency', unit: { structure: 2025, code: '25' } }), 201);
		child.kill('SIGKILL');
		await new Promise((res) => child.on('close', res));
		({ child, url } = await serve());
		try {
			const s2 = await login(url, 'admin', 'admin-password-1');
			const got = assertOk(await client(url, s2).get(`/organizations/${r.organization.id}`));
			assert.equal(got.organization.name, 'Ban Dân vận bền vững');
		} finally {
			child.kill('SIGKILL');
		}
	});

	it('serve refuses a database newer than the binary', async () => {
		await run('sqlite3', [db, 'INSERT INTO schema_version (version, applied_at) VALUES (999, 0)']);
		const r = await run(BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${await freePort()}`],
			{ allowFail: true, timeoutMs: 20000 });
		assert.equal(r.code, 1);
		assert.match(r.stderr, /newer than this program/);
		const m = await run(BIN, ['migrate', '--db', db], { allowFail: true });
		assert.equal(m.code, 1);
		assert.match(m.stderr, /newer/);
	});
});
