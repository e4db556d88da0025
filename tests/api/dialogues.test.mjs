// Dialogue conferences, opinions of the people and their follow-up, the dialogue regulation and the
// statistics for reports (docs/API.md "Dialogues and public opinion").
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	ISO_UTC, assertError, assertOk, childrenOf, makeUser, setup,
} from './fixtures.mjs';

describe('dialogues and public opinion', () => {
	let srv; let admin;
	let A; let B; let refA; let refB;
	let orgA; let orgB;
	let officerA; let viewerA; let officerB; let adminA;

	const dialogue = (o = {}) => ({
		org_id: orgA.id, host_name: 'Nguyễn Văn Bí', host_title: 'Bí thư Đảng ủy', target_group: 'citizens',
		day: '2025-03-10', place: 'Nhà văn hóa thôn Đông', participants: 120, ...o,
	});
	const stats = async (q) => assertOk(await officerA.api.get(`/stats/dialogues?unit=${A.code}&${q}`));

	before(async () => {
		({ srv, admin } = await setup());
		[A, B] = await childrenOf(admin, '25', { n: 2, offset: 3 });
		refA = { structure: 2025, code: A.code };
		refB = { structure: 2025, code: B.code };
		orgA = assertOk(await admin.post('/organizations',
			{ name: 'Đảng ủy xã A', type: 'party_committee', unit: refA }), 201).organization;
		orgB = assertOk(await admin.post('/organizations',
			{ name: 'Đảng ủy xã B', type: 'party_committee', unit: refB }), 201).organization;
		officerA = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'dl.officer.a' });
		viewerA = await makeUser(srv.url, admin, { role: 'viewer', unit: refA, username: 'dl.viewer.a' });
		officerB = await makeUser(srv.url, admin, { role: 'officer', unit: refB, username: 'dl.officer.b' });
		adminA = await makeUser(srv.url, admin, { role: 'unit_admin', unit: refA, username: 'dl.admin.a' });
	});
	after(async () => { await srv?.stop(); });

	it('lists the target groups and the channels', async () => {
		const g = assertOk(await viewerA.api.get('/dialogue-groups')).items;
		assert.ok(g.some((x) => x.code === 'citizens' && x.name === 'Nhân dân'));
		const c = assertOk(await viewerA.api.get('/opinion-channels')).items;
		assert.deepEqual(c.map((x) => x.code).slice(0, 3), ['dialogue', 'reception', 'voter_meeting']);
	});

	it('a dialogue with three opinions is followed up and counted', async () => {
		const before0 = await stats('period=2025');
		assert.equal(before0.dialogues.count, 0);
		assert.equal(before0.opinions.count, 0);

		const d = assertOk(await officerA.api.post('/dialogues', dialogue({ minutes: 'Biên bản hội nghị' })), 201).dialogue;
		assert.deepEqual(d.org, { id: orgA.id, name: 'Đảng ủy xã A' });
		assert.deepEqual(d.unit, { structure: 2025, code: A.code, name: A.name, level: 'commune' });
		assert.equal(d.participants, 120);
		assert.equal(d.target_group_name, 'Nhân dân');
		assert.equal(d.opinions, 0);
		assert.match(d.created_at, ISO_UTC);

		const op = (o) => officerA.api.post(`/dialogues/${d.id}/opinions`, { field: 'land', ...o });
		const o1 = assertOk(await op({ content: 'Đề nghị làm đường liên thôn', raised_by: 'Ông Lê Văn Cử' }), 201).opinion;
		const o2 = assertOk(await op({ content: 'Kiến nghị về ô nhiễm môi trường', hot_spot: true }), 201).opinion;
		const o3 = assertOk(await op({ content: 'Hỏi về chính sách hỗ trợ hộ nghèo' }), 201).opinion;
		assert.equal(o1.channel, 'dialogue');
		assert.equal(o1.dialogue_id, d.id);
		assert.equal(o1.day, '2025-03-10');
		assert.equal(o1.place, 'Nhà văn hóa thôn Đông');
		assert.equal(o1.status, 'open');
		assert.equal(o2.hot_spot, true);

		const g = assertOk(await viewerA.api.get(`/dialogues/${d.id}`));
		assert.equal(g.dialogue.opinions, 3);
		assert.deepEqual(g.opinions.map((x) => x.id), [o1.id, o2.id, o3.id]);

		// Forward one with a due day, answer one at the meeting.
		const f = assertOk(await officerA.api.post(`/opinions/${o2.id}/respond`, {
			status: 'forwarded', forwarded_to: 'UBND huyện', due_day: '2025-04-10', day: '2025-03-11',
		})).opinion;
		assert.equal(f.status, 'forwarded');
		assert.equal(f.due_day, '2025-04-10');
		assert.equal(f.overdue, true, 'the due day has passed');
		const a = assertOk(await officerA.api.post(`/opinions/${o1.id}/respond`, {
			status: 'answered', answer: 'Đã đưa vào kế hoạch năm sau', day: '2025-03-10',
		})).opinion;
		assert.equal(a.status, 'answered');
		assert.equal(a.answered_day, '2025-03-10');

		let s = await stats('period=2025');
		assert.equal(s.dialogues.count, 1);
		assert.equal(s.dialogues.participants, 120);
		assert.equal(s.dialogues.by_group.citizens, 1);
		assert.equal(s.dialogues.by_group.youth, 0);
		assert.equal(s.opinions.count, 3);
		assert.equal(s.opinions.by_channel.dialogue, 3);
		assert.deepEqual(s.opinions.by_status, { open: 1, answered: 1, studying: 0, forwarded: 1, closed: 0 });
		assert.equal(s.opinions.hot_spots, 1);
		assert.equal(s.opinions.forwarded_overdue, 1);
		assert.deepEqual(s.opinions.by_field.find((x) => x.code === 'land')?.count, 3);

		const late = assertOk(await viewerA.api.get('/opinions?status=forwarded&overdue=1'));
		assert.deepEqual(late.items.map((x) => x.id), [o2.id]);

		// Close the forwarded one with its answer.
		assertError(await officerA.api.post(`/opinions/${o2.id}/respond`, { status: 'closed', day: '2025-04-01' }),
			400, 'missing_field', 'answer');
		const c = assertOk(await officerA.api.post(`/opinions/${o2.id}/respond`, {
			status: 'closed', answer: 'UBND huyện đã xử lý cơ sở gây ô nhiễm', day: '2025-04-01',
		})).opinion;
		assert.equal(c.status, 'closed');
		assert.equal(c.forwarded_to, 'UBND huyện');
		assert.equal(c.overdue, false);
		assertError(await officerA.api.post(`/opinions/${o2.id}/respond`, { status: 'answered', answer: 'x', day: '2025-04-02' }),
			409, 'conflict');

		// A second dialogue and an opinion from another channel.
		assertOk(await officerA.api.post('/dialogues', dialogue({ target_group: 'youth', participants: 30 })), 201);
		const m = assertOk(await officerA.api.post('/opinions', {
			org_id: orgA.id, channel: 'mailbox', day: '2025-05-02', content: 'Góp ý về giờ làm việc của bộ phận một cửa',
			field: 'land', reported_to: 'UBND xã',
		}), 201).opinion;
		assert.equal(m.dialogue_id, null);
		s = await stats('period=2025');
		assert.equal(s.dialogues.count, 2);
		assert.equal(s.dialogues.participants, 150);
		assert.equal(s.dialogues.by_group.youth, 1);
		assert.equal(s.opinions.count, 4);
		assert.equal(s.opinions.by_channel.mailbox, 1);
		assert.deepEqual(s.opinions.by_status, { open: 2, answered: 1, studying: 0, forwarded: 0, closed: 1 });
		assert.equal(s.opinions.forwarded_overdue, 0);

		const q = assertOk(await viewerA.api.get('/opinions?q=O NHIEM'));
		assert.deepEqual(q.items.map((x) => x.id), [o2.id]);
		const hs = assertOk(await viewerA.api.get(`/opinions?hot_spot=1&channel=dialogue&unit=${A.code}`));
		assert.equal(hs.total, 1);
		const dl = assertOk(await viewerA.api.get(`/dialogues?group=youth&org=${orgA.id}`));
		assert.equal(dl.total, 1);

		// Pages (keys sorted alone, then joined: domain/list.c) join up to the whole list, newest first.
		for (const path of ['/opinions', '/dialogues']) {
			const all = assertOk(await viewerA.api.get(`${path}?limit=200`));
			assert.ok(all.total >= 2, path);
			const items = all.items.map((x) => [x.day, x.id]);
			assert.deepEqual(items, [...items].sort((a, b) => (a[0] === b[0] ? b[1] - a[1] : a[0] < b[0] ? 1 : -1)),
				`${path}: newest first, then by id`);
			const paged = [];
			for (let off = 0; off < all.total; off++) {
				const p = assertOk(await viewerA.api.get(`${path}?limit=1&offset=${off}`));
				assert.equal(p.total, all.total);
				paged.push(...p.items.map((x) => x.id));
			}
			assert.deepEqual(paged, all.items.map((x) => x.id), path);
		}

		// Edits: the opinions follow the dialogue's day.
		const p = assertOk(await officerA.api.patch(`/dialogues/${d.id}`, { day: '2025-03-12', participants: 125 })).dialogue;
		assert.equal(p.participants, 125);
		assert.equal(assertOk(await viewerA.api.get(`/opinions/${o3.id}`)).opinion.day, '2025-03-12');
		assertError(await officerA.api.patch(`/opinions/${o3.id}`, { day: '2025-03-01' }), 400, 'unknown_field', 'day');
		const e = assertOk(await officerA.api.patch(`/opinions/${o3.id}`, { hot_spot: true, reported_to: 'Đảng ủy xã' })).opinion;
		assert.equal(e.hot_spot, true);
		assert.equal(e.reported_to, 'Đảng ủy xã');
	});

	it('a dialogue keeps its minutes and photos as files, typed by content, visible with the dialogue', async () => {
		const d = assertOk(await officerA.api.post('/dialogues', dialogue({ day: '2025-05-12' })), 201).dialogue;
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
		const octet = { contentType: 'application/octet-stream' };
		const f = assertOk(await officerA.api.request('POST', `/dialogues/${d.id}/attachments?name=${encodeURIComponent('biên bản.pdf')}`,
			{ raw: pdf, ...octet }), 201).attachment;
		assert.equal(f.mime, 'application/pdf');
		assert.equal(f.name, 'biên bản.pdf');
		assert.equal(f.size, pdf.length);
		const g = assertOk(await officerA.api.get(`/dialogues/${d.id}`));
		assert.deepEqual(g.attachments.map((x) => x.id), [f.id]);
		const dl = await viewerA.api.request('GET', `/dialogue-attachments/${f.id}`);
		assert.equal(dl.status, 200);
		assert.equal(dl.headers.get('content-type'), 'application/pdf');
		assertError(await officerA.api.request('POST', `/dialogues/${d.id}/attachments?name=a.pdf`,
			{ raw: Buffer.from('không phải PDF'), ...octet }), 415, 'unsupported_file_type');
		assertError(await viewerA.api.request('POST', `/dialogues/${d.id}/attachments?name=a.pdf`,
			{ raw: pdf, ...octet }), 403, 'forbidden');
		assertError(await officerB.api.request('POST', `/dialogues/${d.id}/attachments?name=a.pdf`,
			{ raw: pdf, ...octet }), 404, 'not_found');
		assertError(await officerB.api.get(`/dialogue-attachments/${f.id}`), 404, 'not_found');
	});

	it('validates what it is given', async () => {
		assertError(await officerA.api.post('/dialogues', dialogue({ colour: 'red' })), 400, 'unknown_field', 'colour');
		const { host_name: _h, ...noHost } = dialogue();
		assertError(await officerA.api.post('/dialogues', noHost), 400, 'missing_field', 'host_name');
		assertError(await officerA.api.post('/dialogues', dialogue({ day: '2025-02-30' })), 400, 'invalid_field', 'day');
		assertError(await officerA.api.post('/dialogues', dialogue({ day: '10/03/2025' })), 400, 'invalid_field', 'day');
		assertError(await officerA.api.post('/dialogues', dialogue({ day: '2999-01-01' })), 400, 'invalid_field', 'day');
		assertError(await officerA.api.post('/dialogues', dialogue({ target_group: 'aliens' })), 400, 'invalid_field', 'target_group');
		assertError(await officerA.api.post('/dialogues', dialogue({ org_id: orgB.id })), 400, 'invalid_field', 'org_id');
		assertError(await officerA.api.post('/dialogues', dialogue({ minutes: 'x'.repeat(20001) })), 400);
		const d = assertOk(await officerA.api.post('/dialogues', dialogue({ day: '2025-01-20' })), 201).dialogue;
		assertError(await officerA.api.post(`/dialogues/${d.id}/opinions`, { content: 'Nội dung', field: 'nope' }),
			400, 'invalid_field', 'field');
		assertError(await officerA.api.post(`/dialogues/${d.id}/opinions`, { content: 'x'.repeat(5001), field: 'land' }), 400);
		assertError(await officerA.api.post('/opinions', { org_id: orgA.id, channel: 'dialogue', day: '2025-01-20',
			content: 'Nội dung', field: 'land' }), 400, 'invalid_field', 'channel');
		assertError(await officerA.api.post('/opinions', { org_id: orgA.id, channel: 'portal', day: '2025-1-20',
			content: 'Nội dung', field: 'land' }), 400, 'invalid_field', 'day');
		const o = assertOk(await officerA.api.post(`/dialogues/${d.id}/opinions`, { content: 'Nội dung', field: 'land' }), 201).opinion;
		assertError(await officerA.api.post(`/opinions/${o.id}/respond`, { status: 'forwarded', day: '2025-01-21' }),
			400, 'missing_field', 'due_day');
		assertError(await officerA.api.post(`/opinions/${o.id}/respond`, { status: 'answered', day: '2025-01-21' }),
			400, 'missing_field', 'answer');
		assertError(await officerA.api.post(`/opinions/${o.id}/respond`, { status: 'done', day: '2025-01-21' }),
			400, 'invalid_field', 'status');
		assertError(await officerA.api.post(`/opinions/${o.id}/respond`, { status: 'studying', day: '2025-01-01' }),
			400, 'invalid_field', 'day');
		const st = assertOk(await officerA.api.post(`/opinions/${o.id}/respond`, { status: 'studying', day: '2025-01-21' })).opinion;
		// the follow-up only moves on: studying -> forwarded -> (not back to studying or answered)
		const fw = assertOk(await officerA.api.post(`/opinions/${o.id}/respond`, { status: 'forwarded',
			forwarded_to: 'UBND tỉnh', due_day: '2025-02-21', day: '2025-01-22' })).opinion;
		assert.equal(fw.status, 'forwarded');
		for (const status of ['studying', 'answered']) {
			const err = assertError(await officerA.api.post(`/opinions/${o.id}/respond`, { status, answer: 'x',
				day: '2025-01-23' }), 409, 'invalid_state', 'status');
			assert.match(err.message, /đã chuyển cơ quan có thẩm quyền/);
		}
		assert.equal(st.status, 'studying');
		assertError(await officerA.api.get('/opinions?status=forwarded&overdue=2'), 400, 'invalid_param', 'overdue');
		assertError(await officerA.api.get('/dialogues?from=2025-13-01'), 400, 'invalid_param', 'from');
		assertError(await officerA.api.get('/opinions?status=done'), 400, 'invalid_param', 'status');
		assertError(await officerA.api.get('/stats/dialogues'), 400, 'invalid_param', 'period');
	});

	it('viewers cannot write; another unit sees nothing', async () => {
		assertError(await viewerA.api.post('/dialogues', dialogue()), 403, 'forbidden');
		const d = assertOk(await officerA.api.post('/dialogues', dialogue({ day: '2025-02-05' })), 201).dialogue;
		const o = assertOk(await officerA.api.post(`/dialogues/${d.id}/opinions`, { content: 'Ý kiến', field: 'land' }), 201).opinion;
		assertError(await viewerA.api.patch(`/dialogues/${d.id}`, { place: 'X' }), 403, 'forbidden');
		assertError(await viewerA.api.post(`/dialogues/${d.id}/opinions`, { content: 'Ý kiến', field: 'land' }), 403, 'forbidden');
		assertError(await viewerA.api.post(`/opinions/${o.id}/respond`, { status: 'studying', day: '2025-02-06' }), 403, 'forbidden');
		assertError(await viewerA.api.patch(`/opinions/${o.id}`, { content: 'X' }), 403, 'forbidden');
		assertError(await officerB.api.get(`/dialogues/${d.id}`), 404, 'not_found');
		assertError(await officerB.api.patch(`/dialogues/${d.id}`, { place: 'X' }), 404, 'not_found');
		assertError(await officerB.api.post(`/dialogues/${d.id}/opinions`, { content: 'Ý kiến', field: 'land' }), 404, 'not_found');
		assertError(await officerB.api.get(`/opinions/${o.id}`), 404, 'not_found');
		assertError(await officerB.api.post(`/opinions/${o.id}/respond`, { status: 'studying', day: '2025-02-06' }), 404, 'not_found');
		assert.equal(assertOk(await officerB.api.get('/dialogues')).total, 0);
		assert.equal(assertOk(await officerB.api.get('/opinions')).total, 0);
		assertError(await officerB.api.get(`/stats/dialogues?unit=${A.code}&period=2025`), 403, 'forbidden');
		const audit = assertOk(await admin.get('/audit?entity=opinion&limit=5'));
		assert.ok(audit.items.length > 0);
	});

	it('requirements and compliance', async () => {
		const body = { org_id: orgA.id, host_title: 'Chủ tịch UBND xã', year: 2025, required: 3 };
		assertError(await officerA.api.post('/dialogue-requirements', body), 403, 'forbidden');
		assertError(await viewerA.api.post('/dialogue-requirements', body), 403, 'forbidden');
		assertError(await adminA.api.post('/dialogue-requirements', { ...body, org_id: orgB.id }), 400, 'invalid_field', 'org_id');
		const r1 = assertOk(await adminA.api.post('/dialogue-requirements', body), 201).requirement;
		assert.equal(r1.required, 3);
		const r2 = assertOk(await adminA.api.post('/dialogue-requirements', { ...body, required: 2 }), 200).requirement;
		assert.equal(r2.id, r1.id);
		assert.equal(r2.required, 2);
		assertOk(await officerA.api.post('/dialogues', dialogue({ host_title: 'Chủ tịch UBND xã', host_name: 'Trần Văn Chủ',
			day: '2025-06-01' })), 201);
		const list = assertOk(await viewerA.api.get('/dialogue-requirements?year=2025'));
		assert.equal(list.total, 1);
		const c = assertOk(await viewerA.api.get(`/dialogue-requirements/compliance?year=2025&org=${orgA.id}`));
		assert.equal(c.year, 2025);
		assert.equal(c.items.length, 1);
		assert.equal(c.items[0].host_title, 'Chủ tịch UBND xã');
		assert.equal(c.items[0].required, 2);
		assert.equal(c.items[0].held, 1);
		assert.equal(c.items[0].rate, 50);
		assert.equal(assertOk(await officerB.api.get('/dialogue-requirements/compliance?year=2025')).items.length, 0);
	});

	it('statistics use the data cut-off day', async () => {
		const d = assertOk(await officerA.api.post('/dialogues', dialogue({ day: '2024-12-20', participants: 7,
			target_group: 'veterans' })), 201).dialogue;
		const y25 = await stats('period=2025');
		assert.equal(y25.period.from, '2024-12-15');
		assert.equal(y25.period.to, '2025-12-14');
		assert.equal(y25.dialogues.by_group.veterans, 1, 'with the default cut-off 15 it counts in 2025');
		const nat25 = await stats('period=2025&cutoff=0');
		assert.equal(nat25.dialogues.by_group.veterans, 0);
		const nat24 = await stats('period=2024&cutoff=0');
		assert.equal(nat24.dialogues.by_group.veterans, 1);
		assert.equal(nat24.dialogues.participants, 7);
		assert.equal(d.day, '2024-12-20');
	});
});
