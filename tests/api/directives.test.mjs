// Directives and plans (docs/API.md "Directives and plans (issue 5)"): the register with search ignoring
// diacritics, kind/year/subtree filters, tasks with responsible organisations and computed status (overdue),
// progress rules, reviews (sơ kết / tổng kết), the due-soon list, roles, scope, audit and validation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { run } from '../lib/server.mjs';
import {
	ISO_UTC, assertError, assertOk, childrenOf, makeUser, setup,
} from './fixtures.mjs';

/** Run SQL on the server's database with the backend's own client. */
async function dbExec(srv, sql) {
	if (srv.dbKind === 'sqlite') return (await run('sqlite3', [srv.db, sql])).stdout;
	const m = /^postgresql:\/\/\/([^?]+)\?(.*)$/.exec(srv.db);
	assert.ok(m, `a PostgreSQL DSN: ${srv.db}`);
	const q = new URLSearchParams(m[2]);
	return (await run('psql', ['-X', '-w', '-v', 'ON_ERROR_STOP=1', '-h', q.get('host'), '-p', q.get('port'),
		'-U', q.get('user'), '-d', decodeURIComponent(m[1]), '-At', '-c', sql], { timeoutMs: 60000 })).stdout;
}

const day = (offset) => {
	const d = new Date();
	d.setUTCDate(d.getUTCDate() + offset);
	return d.toISOString().slice(0, 10);
};

describe('directives and plans', () => {
	let srv; let admin;
	let A; let B;
	let mttqA; let womenA; let orgB;
	let officerA; let viewerA; let officerB;

	const directive = (o = {}) => ({
		org_id: mttqA.id, kind: 'resolution', number: '25-NQ/TW', issuer: 'Ban Chấp hành Trung ương',
		issued_day: '2013-06-03',
		abstract: 'Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới',
		...o,
	});

	before(async () => {
		({ srv, admin } = await setup());
		[A, B] = await childrenOf(admin, '25', { n: 2, offset: 5 });
		const refA = { structure: 2025, code: A.code };
		const refB = { structure: 2025, code: B.code };
		const org = async (name, type, unit) => assertOk(await admin.post('/organizations', { name, type, unit }), 201).organization;
		mttqA = await org('Ủy ban MTTQ xã A', 'fatherland_front', refA);
		womenA = await org('Hội Liên hiệp Phụ nữ xã A', 'mass_organization', refA);
		orgB = await org('Ủy ban MTTQ xã B', 'fatherland_front', refB);
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'dir.officer.a' });
		viewerA = await makeUser(srv.url, admin, { role: 'viewer', unit: refA, username: 'dir.viewer.a' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: refB, username: 'dir.officer.b' });
	});
	after(async () => { await srv?.stop(); });

	it('lists the kinds of documents', async () => {
		const k = assertOk(await viewerA.api.get('/directive-kinds'));
		const names = Object.fromEntries(k.items.map((x) => [x.code, x.name]));
		assert.equal(names.resolution, 'Nghị quyết');
		assert.equal(names.directive, 'Chỉ thị');
		assert.equal(names.plan, 'Kế hoạch');
		for (const c of ['conclusion', 'regulation', 'project', 'guidance', 'decision', 'other']) assert.ok(names[c], c);
	});

	it('registers a directive, reads it and finds it by number or abstract without diacritics', async () => {
		const d = assertOk(await officerA.api.post('/directives', directive({ period_from: '2013-06-03', period_to: '2030-12-31' })), 201).directive;
		assert.deepEqual(Object.keys(d).sort(), ['abstract', 'created_at', 'id', 'issued_day', 'issuer', 'kind',
			'kind_name', 'number', 'org', 'period_from', 'period_to', 'tasks', 'unit', 'updated_at']);
		assert.deepEqual(d.org, { id: mttqA.id, name: 'Ủy ban MTTQ xã A' });
		assert.deepEqual(d.unit, { structure: 2025, code: A.code, name: A.name });
		assert.equal(d.kind_name, 'Nghị quyết');
		assert.deepEqual(d.tasks, { total: 0, done: 0, percent: 0 });
		assert.match(d.created_at, ISO_UTC);
		const g = assertOk(await viewerA.api.get(`/directives/${d.id}`));
		assert.deepEqual(g, { directive: d, tasks: [], reviews: [] });

		const plan = assertOk(await officerA.api.post('/directives', directive({
			kind: 'plan', number: '12/KH-UBND', issuer: 'UBND xã A', issued_day: '2025-02-10',
			abstract: 'Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2025', org_id: womenA.id,
		})), 201).directive;

		const q = async (s) => assertOk(await viewerA.api.get(`/directives?q=${encodeURIComponent(s)}`)).items.map((x) => x.id);
		assert.deepEqual(await q('tang cuong'), [d.id]);
		assert.deepEqual(await q('TĂNG CƯỜNG'), [d.id]);
		assert.deepEqual(await q('25-nq'), [d.id]);
		assert.deepEqual(await q('dan chu o co so'), [plan.id]);
		assert.deepEqual(await q('12/KH'), [plan.id]);
		const byKind = assertOk(await viewerA.api.get('/directives?kind=plan'));
		assert.deepEqual(byKind.items.map((x) => x.id), [plan.id]);
		assert.equal(byKind.total, 1);
		assert.deepEqual(assertOk(await viewerA.api.get('/directives?year=2013')).items.map((x) => x.id), [d.id]);
		// Newest issue day first.
		assert.deepEqual(assertOk(await viewerA.api.get(`/directives?structure=2025&unit=${A.code}`)).items.map((x) => x.id), [plan.id, d.id]);
		assert.equal(assertOk(await viewerA.api.get(`/directives?structure=2025&unit=${B.code}`)).total, 0);

		// Update: the abstract changes what search finds; the owner cannot change.
		const u = assertOk(await officerA.api.patch(`/directives/${plan.id}`, { abstract: 'Kế hoạch tuyên truyền năm 2025', period_from: '2025-01-01', period_to: '2025-12-31' })).directive;
		assert.equal(u.period_to, '2025-12-31');
		assert.deepEqual(await q('dan chu o co so'), []);
		assertError(await officerA.api.patch(`/directives/${plan.id}`, { org_id: mttqA.id }), 400, 'unknown_field', 'org_id');
		const cleared = assertOk(await officerA.api.patch(`/directives/${plan.id}`, { period_from: '', period_to: '' })).directive;
		assert.equal(cleared.period_from, null);
	});

	it('validates directives', async () => {
		assertError(await officerA.api.post('/directives', directive({ kind: 'letter' })), 400, 'invalid_field', 'kind');
		assertError(await officerA.api.post('/directives', directive({ number: 'x'.repeat(51) })), 400, 'too_long', 'number');
		assertError(await officerA.api.post('/directives', directive({ number: '  ' })), 400, 'invalid_field', 'number');
		assertError(await officerA.api.post('/directives', directive({ issued_day: '2025-02-30' })), 400, 'invalid_field', 'issued_day');
		assertError(await officerA.api.post('/directives', directive({ issued_day: day(3) })), 400, 'invalid_field', 'issued_day');
		assertError(await officerA.api.post('/directives', directive({ period_from: '2025-06-01', period_to: '2025-01-01' })), 400, 'invalid_field', 'period_to');
		assertError(await officerA.api.post('/directives', directive({ org_id: orgB.id })), 400, 'invalid_field', 'org_id');
		assertError(await officerA.api.post('/directives', directive({ extra: 1 })), 400, 'unknown_field');
		const { abstract, ...noAbstract } = directive();
		assert.ok(abstract);
		assertError(await officerA.api.post('/directives', noAbstract), 400, 'missing_field', 'abstract');
		assertError(await officerA.api.get('/directives?kind=letter'), 400, 'invalid_param', 'kind');
		assertError(await officerA.api.get('/directives?year=20x5'), 400, 'invalid_param', 'year');
		assertError(await officerA.api.get('/directives?limit=201'), 400, 'invalid_param', 'limit');
	});

	it('tasks: responsible organisations in scope, progress rules, overdue computed, counts on the directive', async () => {
		const d = assertOk(await officerA.api.post('/directives', directive({ kind: 'directive', number: '16/CT-TTg', issued_day: '2016-05-16', abstract: 'Tăng cường công tác dân vận trong cơ quan hành chính' })), 201).directive;
		const t1 = assertOk(await officerA.api.post(`/directives/${d.id}/tasks`, {
			content: 'Tổ chức quán triệt đến cán bộ, đoàn viên, hội viên', org_ids: [mttqA.id, womenA.id], deadline: day(-3),
		}), 201).task;
		assert.deepEqual(Object.keys(t1).sort(), ['content', 'created_at', 'deadline', 'directive', 'done_day', 'id',
			'notes', 'orgs', 'percent', 'status', 'updated_at']);
		assert.equal(t1.status, 'overdue');
		assert.equal(t1.percent, 0);
		assert.deepEqual(t1.directive, { id: d.id, kind: 'directive', number: '16/CT-TTg' });
		assert.deepEqual(t1.orgs.map((o) => o.id).sort(), [mttqA.id, womenA.id].sort());
		const t2 = assertOk(await officerA.api.post(`/directives/${d.id}/tasks`, {
			content: 'Sơ kết 5 năm thực hiện', org_ids: [mttqA.id], deadline: day(10),
		}), 201).task;
		assert.equal(t2.status, 'not_started');

		// Validation of the organisations and fields.
		const bad = (o) => officerA.api.post(`/directives/${d.id}/tasks`, { content: 'X', org_ids: [mttqA.id], ...o });
		assertError(await bad({ org_ids: [orgB.id] }), 400, 'invalid_field', 'org_ids');
		assertError(await bad({ org_ids: [] }), 400, 'invalid_field', 'org_ids');
		assertError(await bad({ org_ids: [mttqA.id, mttqA.id] }), 400, 'invalid_field', 'org_ids');
		assertError(await bad({ org_ids: ['1'] }), 400, 'invalid_field', 'org_ids');
		assertError(await bad({ org_ids: Array.from({ length: 21 }, (_, i) => i + 1) }), 400, 'invalid_field', 'org_ids');
		assertError(await officerA.api.post(`/directives/${d.id}/tasks`, { content: 'X' }), 400, 'missing_field', 'org_ids');
		assertError(await officerA.api.post(`/directives/${d.id}/tasks`, { org_ids: [mttqA.id] }), 400, 'missing_field', 'content');
		assertError(await bad({ deadline: '2025-13-01' }), 400, 'invalid_field', 'deadline');
		assertError(await bad({ percent: 101 }), 400, 'invalid_field', 'percent');
		assertError(await bad({ status: 'paused' }), 400, 'invalid_field', 'status');
		assertError(await bad({ status: 'done', percent: 50 }), 400, 'invalid_field', 'percent');
		assertError(await bad({ status: 'not_started', percent: 20 }), 400, 'invalid_field', 'percent');
		assertError(await bad({ done_day: day(-1) }), 400, 'invalid_field', 'done_day');

		// Progress: 40 % means in progress (still overdue while late); 100 % means done (today).
		let u = assertOk(await officerA.api.patch(`/directive-tasks/${t1.id}`, { percent: 40, notes: 'Đã quán triệt 3/5 chi hội' })).task;
		assert.equal(u.status, 'overdue');
		assert.equal(u.percent, 40);
		u = assertOk(await officerA.api.patch(`/directive-tasks/${t2.id}`, { percent: 30 })).task;
		assert.equal(u.status, 'in_progress');
		u = assertOk(await officerA.api.patch(`/directive-tasks/${t1.id}`, { status: 'done', done_day: day(-1) })).task;
		assert.equal(u.status, 'done');
		assert.equal(u.percent, 100);
		assert.equal(u.done_day, day(-1));
		assert.equal(u.notes, 'Đã quán triệt 3/5 chi hội');
		assertError(await officerA.api.patch(`/directive-tasks/${t1.id}`, { done_day: day(2) }), 400, 'invalid_field', 'done_day');
		u = assertOk(await officerA.api.patch(`/directive-tasks/${t2.id}`, { percent: 100 })).task;
		assert.equal(u.status, 'done');
		assert.equal(u.done_day, day(0));
		// Reopened: back in progress, done day cleared.
		u = assertOk(await officerA.api.patch(`/directive-tasks/${t2.id}`, { percent: 80 })).task;
		assert.equal(u.status, 'in_progress');
		assert.equal(u.done_day, null);
		// Responsible organisations replaced.
		u = assertOk(await officerA.api.patch(`/directive-tasks/${t2.id}`, { org_ids: [womenA.id] })).task;
		assert.deepEqual(u.orgs, [{ id: womenA.id, name: 'Hội Liên hiệp Phụ nữ xã A' }]);

		const g = assertOk(await viewerA.api.get(`/directives/${d.id}`));
		assert.deepEqual(g.directive.tasks, { total: 2, done: 1, percent: 90 });
		assert.deepEqual(g.tasks.map((t) => [t.id, t.status]), [[t1.id, 'done'], [t2.id, 'in_progress']]);
	});

	it('reviews (sơ kết, tổng kết) are recorded with their dates', async () => {
		const d = assertOk(await officerA.api.post('/directives', directive({ kind: 'directive', number: '33-CT/TU', issued_day: '2017-10-30', abstract: 'Phòng, chống tảo hôn' })), 201).directive;
		const r1 = assertOk(await officerA.api.post(`/directives/${d.id}/reviews`, { kind: 'interim', day: '2020-11-05', summary: 'Sơ kết 03 năm thực hiện' }), 201).review;
		assert.deepEqual(Object.keys(r1).sort(), ['created_at', 'day', 'directive_id', 'id', 'kind', 'summary']);
		assertOk(await officerA.api.post(`/directives/${d.id}/reviews`, { kind: 'final', day: '2025-10-30', summary: 'Tổng kết' }), 201);
		assertError(await officerA.api.post(`/directives/${d.id}/reviews`, { kind: 'annual', day: '2020-11-05', summary: 'x' }), 400, 'invalid_field', 'kind');
		assertError(await officerA.api.post(`/directives/${d.id}/reviews`, { kind: 'interim', day: '2017-01-01', summary: 'x' }), 400, 'invalid_field', 'day');
		assertError(await officerA.api.post(`/directives/${d.id}/reviews`, { kind: 'interim', day: day(5), summary: 'x' }), 400, 'invalid_field', 'day');
		assertError(await officerA.api.post(`/directives/${d.id}/reviews`, { kind: 'interim', day: '2020-11-05', summary: '' }), 400, 'invalid_field', 'summary');
		const g = assertOk(await viewerA.api.get(`/directives/${d.id}`));
		assert.deepEqual(g.reviews.map((r) => [r.kind, r.day]), [['interim', '2020-11-05'], ['final', '2025-10-30']]);
	});

	it('the due list: tasks not done whose deadline passed or falls within the horizon, soonest first', async () => {
		const d = assertOk(await officerA.api.post('/directives', directive({ kind: 'plan', number: '05/KH-MTTQ', issued_day: '2025-01-05', abstract: 'Kế hoạch giám sát' })), 201).directive;
		const mk = async (deadline, extra = {}) => assertOk(await officerA.api.post(`/directives/${d.id}/tasks`, { content: `Hạn ${deadline}`, org_ids: [womenA.id], deadline, ...extra }), 201).task;
		const late = await mk(day(-20));
		const soon = await mk(day(5));
		const far = await mk(day(40));
		await mk(day(2), { status: 'done' });
		const due = assertOk(await viewerA.api.get(`/directive-tasks/due?org=${womenA.id}`));
		assert.equal(due.days, 14);
		assert.equal(due.today, day(0));
		assert.equal(due.until, day(14));
		const ids = due.items.map((t) => t.id);
		assert.ok(ids.indexOf(late.id) >= 0 && ids.indexOf(late.id) < ids.indexOf(soon.id));
		assert.ok(!ids.includes(far.id));
		assert.equal(due.items.find((t) => t.id === late.id).status, 'overdue');
		assert.ok(due.items.every((t) => t.status !== 'done'));
		assert.ok(due.items.every((t) => t.orgs.some((o) => o.id === womenA.id)));
		const wide = assertOk(await viewerA.api.get(`/directive-tasks/due?org=${womenA.id}&days=60`));
		assert.ok(wide.items.some((t) => t.id === far.id));
		assert.equal(assertOk(await officerB.api.get('/directive-tasks/due?days=366')).total, 0);
		// The default horizon is data (settings directive_due_soon_days).
		await dbExec(srv, "UPDATE settings SET value = '60' WHERE key = 'directive_due_soon_days'");
		try {
			const d60 = assertOk(await viewerA.api.get(`/directive-tasks/due?org=${womenA.id}`));
			assert.equal(d60.days, 60);
			assert.ok(d60.items.some((t) => t.id === far.id));
		} finally {
			await dbExec(srv, "UPDATE settings SET value = '14' WHERE key = 'directive_due_soon_days'");
		}
		assertError(await viewerA.api.get('/directive-tasks/due?days=400'), 400, 'invalid_param', 'days');
	});

	it('viewers read only, other units see nothing, every write is audited', async () => {
		const d = assertOk(await officerA.api.post('/directives', directive({ number: '99-NQ/ĐU' })), 201).directive;
		assertError(await viewerA.api.post('/directives', directive()), 403, 'forbidden');
		assertError(await viewerA.api.patch(`/directives/${d.id}`, { number: 'x' }), 403, 'forbidden');
		assertError(await viewerA.api.post(`/directives/${d.id}/tasks`, { content: 'x', org_ids: [mttqA.id] }), 403, 'forbidden');
		assertError(await viewerA.api.post(`/directives/${d.id}/reviews`, { kind: 'interim', day: '2020-01-01', summary: 'x' }), 403, 'forbidden');
		assertError(await officerB.api.get(`/directives/${d.id}`), 404, 'not_found');
		assertError(await officerB.api.patch(`/directives/${d.id}`, { number: 'x' }), 404, 'not_found');
		assertError(await officerB.api.post(`/directives/${d.id}/tasks`, { content: 'x', org_ids: [orgB.id] }), 404, 'not_found');
		assert.equal(assertOk(await officerB.api.get('/directives')).total, 0);
		assertError(await officerA.api.get('/directives/999999'), 404, 'not_found');
		const t = assertOk(await officerA.api.post(`/directives/${d.id}/tasks`, { content: 'x', org_ids: [mttqA.id] }), 201).task;
		assertError(await officerB.api.patch(`/directive-tasks/${t.id}`, { percent: 10 }), 404, 'not_found');
		assertOk(await officerA.api.patch(`/directive-tasks/${t.id}`, { percent: 10 }));
		const au = assertOk(await admin.get('/audit?limit=500'));
		const seen = (entity, action, id) => au.items.some((x) => x.entity === entity && x.action === action && x.entity_id === id);
		assert.ok(seen('directive', 'create', d.id));
		assert.ok(seen('directive_task', 'create', t.id));
		assert.ok(seen('directive_task', 'update', t.id));
		const upd = au.items.find((x) => x.entity === 'directive_task' && x.action === 'update' && x.entity_id === t.id);
		assert.equal(upd.unit.code, A.code);
	});
});
