// Periodic reports (docs/API.md "Reports", issue 6): a template (data) + a unit + a period → a
// draft whose sentences are written from the figures in the reports' own forms ("23.908 lượt",
// "5,953 tỷ đồng", "88,46%", "04", "tăng 3.908 lượt so với năm 2022"), edited, then issued
// and frozen; DOCX, XLSX and HTML rendered from the stored content.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, assertOk, childrenOf, makeUser, setup } from './fixtures.mjs';

describe('periodic reports', () => {
	let srv; let admin; let leader; let officer; let viewer; let outsider;
	let A; let refA;
	let draft;

	const put = (api, indicator, period, value) => api.put('/indicator-values',
		{ indicator, unit: refA, period, value, source: 'Báo cáo của UBND xã' });

	before(async () => {
		({ srv, admin } = await setup());
		[A] = await childrenOf(admin, '25', { n: 1, offset: 7 });
		refA = { structure: 2025, code: A.code };
		leader = await makeUser(srv.url, admin, { role: 'leader', unit: refA, username: 'rp.leader' });
		officer = await makeUser(srv.url, admin, { role: 'officer', unit: refA, username: 'rp.officer' });
		viewer = await makeUser(srv.url, admin, { role: 'viewer', unit: refA, username: 'rp.viewer' });
		outsider = await makeUser(srv.url, admin, { role: 'officer', unit: { structure: 2025, code: '01' }, username: 'rp.out' });
		for (const [ind, p, v] of [['gift_visits', '2023', 23908], ['gift_visits', '2022', 20000],
			['gift_money', '2023', 5953000000], ['par_index', '2023', 88.46], ['ocop_4star', '2023', 4]]) {
			assertOk(await put(officer.api, ind, p, v));
		}
	});
	after(async () => { await srv?.stop(); });

	it('lists the templates; a system administrator edits one, placeholders checked', async () => {
		const list = assertOk(await viewer.api.get('/report-templates')).items;
		assert.deepEqual(list.map((t) => t.code).sort(), ['dan_van', 'tiep_cong_dan']);
		const dv = assertOk(await viewer.api.get('/report-templates/dan_van')).template;
		assert.equal(dv.regime, 'party');
		assert.equal(dv.cutoff_day, 15);
		assert.ok(dv.body.blocks.length > 5);
		const body = {
			head: { parent: 'Ủy ban nhân dân {unit}', issuer: 'Văn phòng UBND', issuer_abbr: 'UBND' },
			closing: { recipients: ['- Như trên;', '- Lưu: VT.'], authority: 'TM', on_behalf: 'Ủy ban nhân dân', position: 'Chủ tịch', name: 'Nguyễn Văn An' },
			blocks: [
				{ h1: 'I. Kết quả' },
				{ p: 'Trong {period}, thăm hỏi, tặng quà cho {gift_visits} lượt gia đình chính sách ({gift_visits|change_yb}), kinh phí {gift_money|ty} tỷ đồng; PAR Index đạt {par_index}; {ocop_4star|n2} sản phẩm 4 sao; năm trước {gift_visits|yb} lượt; SIPAS {sipas}.' },
				{ table: { title: 'Biểu số liệu {period}', codes: ['gift_visits', 'par_index'], annex: true } },
			],
		};
		assertError(await officer.api.patch('/report-templates/tiep_cong_dan', { body }), 403, 'forbidden');
		assertError(await admin.patch('/report-templates/tiep_cong_dan', { body: { blocks: [{ p: '{no_such}' }] } }), 400, 'invalid_field', 'body');
		assertError(await admin.patch('/report-templates/tiep_cong_dan', { body: { blocks: [{ p: '{gift_visits|bad}' }] } }), 400, 'invalid_field', 'body');
		assertError(await admin.patch('/report-templates/tiep_cong_dan', { body: { blocks: [{ table: { title: 'x', codes: ['nope'] } }] } }), 400, 'invalid_field', 'body');
		assertError(await admin.patch('/report-templates/tiep_cong_dan', { body: { blocks: [{ img: 'x' }] } }), 400, 'invalid_field', 'body');
		assertError(await admin.patch('/report-templates/tiep_cong_dan', { cutoff_day: 1 }), 400, 'invalid_field', 'cutoff_day');
		assertError(await admin.patch('/report-templates/tiep_cong_dan', { regime: 'royal' }), 400, 'invalid_field', 'regime');
		assertError(await admin.patch('/report-templates/nope', { name: 'x' }), 404, 'not_found');
		const t = assertOk(await admin.patch('/report-templates/tiep_cong_dan', { body, abstract: 'Kết quả thăm hỏi {period}' })).template;
		assert.equal(t.body.blocks.length, 3);
	});

	it('a system administrator adds a template of its own', async () => {
		const tpl = { code: 'tcd_quy', name: 'Báo cáo quý về tiếp công dân', regime: 'state', type_name: 'Báo cáo',
			type_abbr: 'BC', abstract: 'Tiếp công dân {period}', cutoff_day: 0,
			body: { blocks: [{ p: 'Tiếp {reception_visits} lượt với {reception_persons} người.' }] } };
		assertError(await officer.api.post('/report-templates', tpl), 403, 'forbidden');
		assertError(await admin.post('/report-templates', { ...tpl, code: 'Quý 1' }), 400, 'invalid_field', 'code');
		assertError(await admin.post('/report-templates', { ...tpl, body: undefined }), 400, 'missing_field', 'body');
		assertError(await admin.post('/report-templates', { ...tpl, body: { blocks: [{ p: '{x}' }] } }), 400, 'invalid_field', 'body');
		assertError(await admin.post('/report-templates', { ...tpl, code: 'tcd_quy2', colour: 'red' }), 400, 'unknown_field');
		const t = assertOk(await admin.post('/report-templates', tpl), 201).template;
		assert.equal(t.cutoff_day, 0);
		assertError(await admin.post('/report-templates', tpl), 409, 'conflict', 'code');
		const r = assertOk(await officer.api.post('/reports', { template: 'tcd_quy', unit: refA, period: '2023-Q1' }), 201).report;
		assert.equal(r.content.blocks[0].text, 'Tiếp 0 lượt với 0 người.');
		assert.equal(r.content.period.from, '2023-01-01', 'its own cut-off');
		assertOk(await officer.api.del(`/reports/${r.id}`));
	});

	it('writes the figures in the reports\' forms and lists what has no data', async () => {
		assertError(await viewer.api.post('/reports', { template: 'tiep_cong_dan', unit: refA, period: '2023' }), 403, 'forbidden');
		assertError(await outsider.api.post('/reports', { template: 'tiep_cong_dan', unit: refA, period: '2023' }), 403, 'forbidden');
		assertError(await officer.api.post('/reports', { template: 'nope', unit: refA, period: '2023' }), 400, 'invalid_field', 'template');
		assertError(await officer.api.post('/reports', { template: 'tiep_cong_dan', unit: refA, period: '2023-13' }), 400, 'invalid_field', 'period');
		draft = assertOk(await officer.api.post('/reports', { template: 'tiep_cong_dan', unit: refA, period: '2023' }), 201).report;
		assert.equal(draft.status, 'draft');
		const c = draft.content;
		assert.equal(c.head.abstract, 'Kết quả thăm hỏi năm 2023');
		assert.equal(c.head.parent, `Ủy ban nhân dân ${A.name}`);
		assert.equal(c.head.regime, 'state');
		assert.equal(c.period.from, '2022-12-15', 'the template\'s cut-off: 15th to 14th');
		const p = c.blocks[1].text;
		assert.equal(p, 'Trong năm 2023, thăm hỏi, tặng quà cho 23.908 lượt gia đình chính sách (tăng 3.908 lượt so với năm 2022),'
			+ ' kinh phí 5,953 tỷ đồng; PAR Index đạt 88,46%; 04 sản phẩm 4 sao; năm trước 20.000 lượt; SIPAS ….');
		assert.deepEqual(c.warnings, ['Chưa có số liệu: Chỉ số hài lòng về sự phục vụ hành chính (SIPAS).']);
		const table = c.blocks[2];
		assert.equal(table.kind, 'table');
		assert.equal(table.title, 'Biểu số liệu năm 2023');
		assert.deepEqual(table.columns.map((x) => x.name).slice(3), ['năm 2023', 'năm 2022', 'năm 2022']);
		const row = table.rows.find((r) => r.cells[1].startsWith('Lượt thăm hỏi'));
		assert.deepEqual(row.cells.slice(3), [23908, 20000, 20000]);
		const natural = assertOk(await officer.api.post('/reports', { template: 'tiep_cong_dan', unit: refA, period: '2023', cutoff_day: 0 }), 201).report;
		assert.equal(natural.content.period.from, '2023-01-01');
		assertOk(await officer.api.del(`/reports/${natural.id}`));
	});

	it('staff edit a draft\'s texts, never its figures', async () => {
		const r = assertOk(await officer.api.patch(`/reports/${draft.id}`, {
			head: { abstract: 'Kết quả công tác thăm hỏi, tặng quà năm 2023' },
			texts: [{ index: 0, text: 'I. Kết quả đạt được' }],
			closing: { name: 'Trần Văn Bình', recipients: ['- UBND tỉnh;', '- Lưu: VT.'] },
		})).report;
		assert.equal(r.content.blocks[0].text, 'I. Kết quả đạt được');
		assert.equal(r.content.head.abstract, 'Kết quả công tác thăm hỏi, tặng quà năm 2023');
		assert.equal(r.content.closing.name, 'Trần Văn Bình');
		assertError(await officer.api.patch(`/reports/${draft.id}`, { texts: [{ index: 2, text: 'x' }] }), 400, 'invalid_field', 'texts');
		assertError(await officer.api.patch(`/reports/${draft.id}`, { texts: [{ index: 99, text: 'x' }] }), 400, 'invalid_field', 'texts');
		assertError(await officer.api.patch(`/reports/${draft.id}`, { figures: [] }), 400, 'unknown_field');
		assertError(await officer.api.patch(`/reports/${draft.id}`, { closing: { authority: 'XX' } }), 400, 'invalid_field', 'closing');
		assertError(await officer.api.patch(`/reports/${draft.id}`, { head: { abstract: 'x'.repeat(301) } }), 400, 'too_long', 'head');
		assertError(await viewer.api.patch(`/reports/${draft.id}`, { texts: [] }), 403, 'forbidden');
		assertError(await outsider.api.get(`/reports/${draft.id}`), 404, 'not_found');
		assertError(await outsider.api.patch(`/reports/${draft.id}`, { texts: [] }), 404, 'not_found');
	});

	it('renders DOCX, XLSX and HTML from the stored content', async () => {
		for (const [fmt, type] of [['docx', 'wordprocessingml'], ['xlsx', 'spreadsheetml'], ['html', 'text/html']]) {
			const res = await viewer.api.get(`/reports/${draft.id}/${fmt}`);
			assert.equal(res.status, 200, fmt);
			assert.ok(res.headers.get('content-type').includes(type), fmt);
			assert.match(res.headers.get('content-disposition'), new RegExp(`attachment; filename="bao-cao-tiep_cong_dan-${A.code}-2023\\.${fmt}"`));
			if (fmt !== 'html') assert.equal(res.text.slice(0, 2), 'PK', `${fmt} is a zip package`);
		}
		const html = (await viewer.api.get(`/reports/${draft.id}/html`)).text;
		assert.ok(html.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
		assert.ok(html.includes('23.908 lượt'));
		assert.ok(html.includes('Kết quả công tác thăm hỏi, tặng quà năm 2023'));
		assert.ok(html.includes('Trần Văn Bình'));
		assert.ok(html.includes('Số:      /BC-UBND'), 'a draft leaves the number blank');
		assertError(await outsider.api.get(`/reports/${draft.id}/docx`), 404, 'not_found');
	});

	it('PDF through LibreOffice, or 503 with a reason when it is not installed', async () => {
		const res = await viewer.api.get(`/reports/${draft.id}/pdf`);
		assert.equal(res.status, 200, res.text.slice(0, 200));
		assert.ok(res.headers.get('content-type').startsWith('application/pdf'));
		assert.equal(res.text.slice(0, 5), '%PDF-');
		assert.match(res.headers.get('content-disposition'), /filename="bao-cao-tiep_cong_dan-.*-2023\.pdf"/);
		const { setup: setup2 } = await import('./fixtures.mjs');
		const { srv: bare, admin: admin2 } = await setup2({ env: { DANVAN_SOFFICE: '/nonexistent/soffice' } });
		try {
			const [c] = await childrenOf(admin2, '25', { n: 1, offset: 7 });
			const r = assertOk(await admin2.post('/reports', { template: 'dan_van', unit: { structure: 2025, code: c.code }, period: '2023' }), 201).report;
			assertError(await admin2.get(`/reports/${r.id}/pdf`), 503, 'unavailable');
			assert.equal((await admin2.get(`/reports/${r.id}/docx`)).status, 200, 'DOCX still works');
		} finally {
			await bare.stop();
		}
	});

	it('a leader issues the report; the issued version is kept as it was', async () => {
		assertError(await officer.api.post(`/reports/${draft.id}/issue`, { number: 15, day: '2023-12-20' }), 403, 'forbidden');
		assertError(await leader.api.post(`/reports/${draft.id}/issue`, { number: 0, day: '2023-12-20' }), 400, 'invalid_field', 'number');
		assertError(await leader.api.post(`/reports/${draft.id}/issue`, { number: 15, day: '2023-02-30' }), 400, 'invalid_field', 'day');
		const r = assertOk(await leader.api.post(`/reports/${draft.id}/issue`, { number: 5, day: '2023-12-20' })).report;
		assert.equal(r.status, 'issued');
		assert.equal(r.number, 5);
		assert.equal(r.issued_day, '2023-12-20');
		assertError(await leader.api.post(`/reports/${draft.id}/issue`, { number: 6, day: '2023-12-21' }), 409, 'invalid_state');
		assertError(await officer.api.patch(`/reports/${draft.id}`, { texts: [{ index: 0, text: 'x' }] }), 409, 'invalid_state');
		assertError(await officer.api.del(`/reports/${draft.id}`), 409, 'invalid_state');
		// new figures do not change an issued report
		assertOk(await put(officer.api, 'gift_visits', '2023', 1));
		const again = assertOk(await viewer.api.get(`/reports/${draft.id}`)).report;
		assert.ok(again.content.blocks[1].text.includes('23.908 lượt'));
		const html = (await viewer.api.get(`/reports/${draft.id}/html`)).text;
		assert.ok(html.includes('Số: 05/BC-UBND'), 'numbers below 10 take a zero');
		assert.ok(html.includes(`${A.name.replace(/^(Xã|Phường|Đặc khu) /, '')}, ngày 20 tháng 12 năm 2023`));
		const issued = assertOk(await viewer.api.get(`/reports?status=issued&unit=${A.code}`));
		assert.deepEqual(issued.items.map((x) => x.id), [draft.id]);
		assertError(await viewer.api.get('/reports?status=lost'), 400, 'invalid_param', 'status');
		const audit = assertOk(await admin.get('/audit?entity=report'));
		assert.ok(audit.items.some((x) => x.entity_id === draft.id && x.after && x.after.status === 'issued'));
	});
});
