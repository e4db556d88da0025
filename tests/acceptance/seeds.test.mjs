// Acceptance (issue 6): the reference reports of ../shared/seeds regenerated from recorded data.
// For each report: individual records (visits, petitions, dialogues, opinions, models,
// supervisions, drafts, organisation changes, campaign activities) for that unit and year are
// created through the API, the figures the system only knows as entered indicators are entered
// with PUT /indicator-values, a template of our own states them in the report's own phrasing,
// and the rendered report (HTML) must contain every reference figure exactly as the seed writes
// it.  A few records just outside the reporting period check the cut-off.
//
// Coverage per seed is listed in the comment above each describe.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertOk, setup } from '../api/fixtures.mjs';
import {
	addIndicators, assertSays, children, create, download, enter, org, plain, pool, report, split, spreadDay, template, unzip,
} from './lib.mjs';

const DVK_FIELDS = ['economy', 'culture_society', 'defense_security', 'political_system', 'new_rural', 'other'];
const DVK_FIELD_NAMES = { economy: 'kinh tế', culture_society: 'văn hóa - xã hội', defense_security: 'quốc phòng - an ninh',
	political_system: 'xây dựng hệ thống chính trị', new_rural: 'xây dựng nông thôn mới', other: 'khác' };

/** n DVK models of `year` spread over organisations, fields and kinds. */
async function dvkModels(api, orgs, year, n) {
	await pool(n, (i) => create(api, '/dvk-models', {
		org_id: orgs[i % orgs.length].id,
		name: `Mô hình “Dân vận khéo” số ${i + 1} năm ${year}`,
		field: DVK_FIELDS[i % DVK_FIELDS.length],
		kind: i % 5 === 0 ? 'individual' : 'collective',
		year,
	}));
}

// Seed 000: Tỉnh Hòa Bình (2024 code 17), year 2023 (report of 26/12/2023: the year 15/12/2022 ..
// 14/12/2023, cut-off 15).
// Covered: 23.908 lượt gia đình chính sách; 5,953 tỷ đồng; 80 xã đạt chuẩn NTM; 61,24% tổng số xã;
//   28 xã NTM nâng cao; 01 xã NTM kiểu mẫu (entered: the province's values, each commune's level);
//   60 Khu dân cư kiểu mẫu; 174 vườn mẫu; 114 sản phẩm OCOP, 22 hạng 4 sao, 92 hạng 3, 50 đăng ký;
//   100% thủ tục hành chính; 99,74%; 83,5/100 điểm, thứ 02/63 (entered; indicators added at run time
//   for the ones the catalogue lacks); 04 Hội nghị đối thoại (dialogue records); tiếp 3.146 lượt
//   với 3.896 người (visit records); 26 vụ việc, 19/26 vụ việc (mass-case petitions); 452 xuất quà,
//   46 cháu, trên 800 triệu đồng (campaign activities; a per-kind indicator added); 4.365 mô hình
//   Dân vận khéo, tăng 568 mô hình so với năm 2022 (model records of 2023 and of 2022).
//   còn 07 vụ đang tiếp tục (mass_cases_open: total − settled).
// Not covered: 308 xe đạp, 135 bộ đồng phục, 35 thẻ BHYT, 49 góc học tập (no register of
//   donated items); 20 mô hình of the police (indicators roll up a unit's subtree, not one
//   organisation); 13 điểm Ngày hội, 10/10 ban Chỉ đạo (no register of festivals or steering
//   committees).
describe('seed 000: Tỉnh Hòa Bình, năm 2023', () => {
	let srv; let admin; let text; let rep;
	const unit = { structure: 2024, code: '17' };

	before(async () => {
		({ srv, admin } = await setup());
		const ubnd = await org(admin, 'Ủy ban nhân dân tỉnh Hòa Bình', 'people_committee', '17');
		const btcd = await org(admin, 'Ban Tiếp công dân tỉnh Hòa Bình', 'agency', '17');
		const bdv = await org(admin, 'Ban Dân vận Tỉnh ủy Hòa Bình', 'mass_mobilization_board', '17');
		const cqs = await org(admin, 'Bộ Chỉ huy Quân sự tỉnh Hòa Bình', 'agency', '17');
		const districts = await children(admin, '17');
		assert.equal(districts.length, 10);
		const dvkOrgs = [bdv];
		for (const d of districts) dvkOrgs.push(await org(admin, `Ban Dân vận ${d.name}`, 'mass_mobilization_board', d.code));
		const communes = [];
		for (const d of districts) communes.push(...(await children(admin, d.code)).filter((c) => c.name.startsWith('Xã ')));
		assert.ok(communes.length >= 80);

		// Reception: 3.146 visits, 3.896 persons, in 120 sessions inside 15/12/2022 .. 14/12/2023.
		const S = 120;
		const sessions = [];
		await pool(S, async (i) => {
			sessions[i] = (await create(admin, '/reception/sessions', {
				org_id: btcd.id, kind: 'regular', day: spreadDay('2022-12-15', '2023-12-14', i, S),
				place: 'Trụ sở tiếp công dân tỉnh', host_name: 'Cán bộ Ban Tiếp công dân',
			})).session;
		});
		const visit = (session, i, persons) => create(admin, `/reception/sessions/${session.id}/visits`, {
			citizen_name: `Công dân số ${i + 1}`, citizen_address: 'Thành phố Hòa Bình', persons,
			content: 'Đề nghị xem xét bồi thường, hỗ trợ khi thu hồi đất', classification: i % 3 ? 'recommendation' : 'complaint',
			field: 'land', direction: 'guide_and_return',
		});
		// 250 visits of 4 persons and 2.896 of one: 3.146 visits, 3.896 persons
		await pool(3146, (i) => visit(sessions[i % S], i, i < 250 ? 4 : 1));
		// outside the period: 15/12/2023 belongs to the next reporting year
		const late = (await create(admin, '/reception/sessions', { org_id: btcd.id, kind: 'regular', day: '2023-12-15',
			place: 'Trụ sở tiếp công dân tỉnh', host_name: 'Cán bộ Ban Tiếp công dân' })).session;
		await visit(late, 9999, 7);

		// 26 mass cases received during the year, 19 settled in it.
		await pool(26, async (i) => {
			const day = spreadDay('2023-01-05', '2023-09-30', i, 26);
			const p = (await create(admin, '/petitions', {
				org_id: ubnd.id, source: 'post', received_day: day, petitioner_name: `Đại diện nhóm hộ dân số ${i + 1}`,
				petitioner_address: 'Huyện Lương Sơn, tỉnh Hòa Bình', persons: 12 + i, subject: 'Khiếu nại về bồi thường giải phóng mặt bằng',
				content: `Nhóm hộ dân khiếu nại về giá đất bồi thường tại dự án số ${i + 1}.`, classification: 'complaint', field: 'compensation',
			})).petition;
			const settled = i < 19 ? { settled_day: spreadDay('2023-10-01', '2023-12-10', i, 19) } : {};
			assertOk(await admin.post(`/petitions/${p.id}/mass-case`, { mass_case: true, ...settled }));
		});

		// 04 dialogue conferences of the chairman of the provincial People's Committee by October.
		const groups = [['youth', 'Đối thoại với đoàn viên, thanh niên trong tỉnh'], ['business', 'Đối thoại với doanh nghiệp, nhà đầu tư'],
			['farmers', 'Đối thoại với nông dân'], ['citizens', 'Đối thoại với Nhân dân các huyện Yên Thủy, Kim Bôi']];
		await pool(4, (i) => create(admin, '/dialogues', {
			org_id: ubnd.id, host_name: 'Chủ tịch UBND tỉnh', host_title: 'Chủ tịch UBND', target_group: groups[i][0],
			day: spreadDay('2023-03-20', '2023-10-20', i, 4), place: 'Hội trường UBND tỉnh', participants: 150 + 10 * i, note: groups[i][1],
		}));

		// "Đồng hành cùng các em đến trường": 452 gifts and 46 sponsored children, 800 million đồng.
		const gifts = split(452, 8);
		const money = split(800000000, 10);
		await pool(8, (i) => create(admin, '/campaigns', {
			org_id: cqs.id, kind: 'gifts', title: 'Tặng quà học sinh nhân dịp khai giảng năm học 2023 - 2024', target: 'students',
			day: spreadDay('2023-08-20', '2023-09-10', i, 8), visits: gifts[i], money: money[i],
		}));
		await pool(2, (i) => create(admin, '/campaigns', {
			org_id: cqs.id, kind: 'scholarships', title: 'Nhận đỡ đầu học sinh có hoàn cảnh khó khăn', target: 'students',
			day: spreadDay('2023-09-01', '2023-09-05', i, 2), visits: 23, money: money[8 + i],
		}));

		// Dân vận khéo: 4.365 models in 2023, 3.797 in 2022 (568 fewer).
		await dvkModels(admin, dvkOrgs, 2023, 4365);
		await dvkModels(admin, dvkOrgs, 2022, 3797);

		// Entered figures: the province's own values for 2023, the new-rural level of 80 communes.
		await addIndicators(admin, [
			{ code: 'ntm_model_areas', name: 'Khu dân cư kiểu mẫu', measure: 'khu', source: 'entered' },
			{ code: 'ntm_model_gardens', name: 'Vườn mẫu', measure: 'vườn', source: 'entered' },
			{ code: 'ocop_registering', name: 'Sản phẩm đăng ký tham gia chu trình OCOP', measure: 'sản phẩm', source: 'entered' },
			{ code: 'service_index', name: 'Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp', measure: 'điểm', rollup: 'latest', source: 'entered', decimals: 1 },
			{ code: 'service_index_rank', name: 'Xếp hạng Bộ chỉ số phục vụ người dân, doanh nghiệp', measure: 'hạng', rollup: 'latest', source: 'entered' },
			{ code: 'admin_procedures_published', name: 'Tỷ lệ thủ tục hành chính được công bố, công khai', measure: '%', rollup: 'latest', source: 'entered', decimals: 2 },
			{ code: 'campaign_scholarships', name: 'Học sinh được nhận đỡ đầu, trao học bổng', measure: 'người', source: 'computed', compute: 'campaigns:items[scholarships].visits' },
		]);
		await enter(admin, unit, '2023', {
			gift_visits: 23908, gift_money: 5953000000, new_rural_rate: 61.24, ntm_model_areas: 60, ntm_model_gardens: 174,
			ocop_products: 114, ocop_4star: 22, ocop_3star: 92, ocop_registering: 50, admin_on_time_rate: 99.74,
			service_index: 83.5, service_index_rank: 2, admin_procedures_published: 100,
		});
		// 52 communes at level 1 (đạt chuẩn), 27 at level 2 (nâng cao), 1 at level 3 (kiểu mẫu)
		await pool(80, (i) => admin.put('/indicator-values', {
			indicator: 'new_rural_level', unit: { structure: 2024, code: communes[i].code }, period: '2023',
			value: i === 0 ? 3 : i <= 27 ? 2 : 1, source: 'Quyết định công nhận của UBND tỉnh',
		}).then((r) => assertOk(r)));

		await template(admin, 'seed_hoa_binh_2023', {
			name: 'Báo cáo công tác dân vận năm (mẫu Hòa Bình)', cutoff: 15, paragraphs: [
				'Công tác an sinh xã hội được quan tâm; trong năm đã thăm hỏi, tặng quà cho {gift_visits} lượt gia đình chính sách, người có công với tổng kinh phí là {gift_money|ty} tỷ đồng.',
				'Toàn {unit_kind} có {new_rural_communes} xã đạt chuẩn nông thôn mới, đạt {new_rural_rate} tổng số xã, có {new_rural_advanced} xã nông thôn mới nâng cao, {new_rural_model|n2} xã đạt chuẩn nông thôn mới kiểu mẫu, {ntm_model_areas} Khu dân cư kiểu mẫu, {ntm_model_gardens} vườn mẫu; có {ocop_products} sản phẩm OCOP với {ocop_4star} sản phẩm đạt hạng 4 sao, {ocop_3star} sản phẩm đạt hạng 3, có {ocop_registering} sản phẩm đăng ký tham gia chu trình OCOP.',
				'Chủ tịch Ủy ban nhân dân {unit_kind} đã tổ chức {dialogues|n2} Hội nghị đối thoại. Ban Tiếp công dân {unit_kind} tổ chức tiếp {reception_visits} lượt với {reception_persons} người đến Trụ sở tiếp dân. Có {mass_cases} vụ việc vào diện đông người, phức tạp, kéo dài, đã giải quyết dứt điểm {mass_cases_settled}/{mass_cases} vụ việc, còn {mass_cases_open|n2} vụ đang tiếp tục tập trung giải quyết.',
				'{admin_procedures_published} thủ tục hành chính thuộc thẩm quyền của {unit_kind} được công bố, công khai; tỷ lệ hồ sơ giải quyết đúng hạn đạt {admin_on_time_rate}; điểm đánh giá Bộ Chỉ số phục vụ người dân, doanh nghiệp của {unit_kind} đạt {service_index}/100 điểm, đứng thứ {service_index_rank|n2}/63 tỉnh, thành phố.',
				'Lực lượng vũ trang {unit_kind} nhận đỡ đầu {campaign_scholarships} cháu, trao {campaign_gift_visits} xuất quà tặng các loại nhân dịp khai giảng với tổng trị giá trên {campaign_money|trieu} triệu đồng.',
				'Toàn {unit_kind} hiện có {dvk_models} mô hình Dân vận khéo ({dvk_models|change_yb}).',
			],
		});
		({ report: rep, text } = await report(admin, { template: 'seed_hoa_binh_2023', unit, period: '2023' }));
	});
	after(async () => { await srv?.stop(); });

	it('states the reference figures in the same Vietnamese form', () => {
		assert.equal(rep.content.period.from, '2022-12-15');
		assert.deepEqual(rep.content.warnings || [], []);
		assertSays(text, [
			'23.908 lượt gia đình chính sách', 'tổng kinh phí là 5,953 tỷ đồng',
			'80 xã đạt chuẩn nông thôn mới, đạt 61,24% tổng số xã', '28 xã nông thôn mới nâng cao',
			'01 xã đạt chuẩn nông thôn mới kiểu mẫu', '60 Khu dân cư kiểu mẫu', '174 vườn mẫu',
			'114 sản phẩm OCOP với 22 sản phẩm đạt hạng 4 sao, 92 sản phẩm đạt hạng 3', '50 sản phẩm đăng ký',
			'04 Hội nghị đối thoại', 'tiếp 3.146 lượt với 3.896 người', '26 vụ việc', '19/26 vụ việc',
			'còn 07 vụ đang tiếp tục tập trung giải quyết',
			'100% thủ tục hành chính', '99,74%', '83,5/100 điểm', 'đứng thứ 02/63', '46 cháu', '452 xuất quà', 'trên 800 triệu đồng',
			'4.365 mô hình Dân vận khéo', 'tăng 568 mô hình so với năm 2022',
		], 'seed 000');
	});
});

// Seed 002: Tỉnh Tuyên Quang (2024 code 08): the 2023 indices, the dialogues and opinions since
// 2021 (custom period 01/01/2021 .. 30/11/2024) and the models up to 2024 — three reports.
// Covered: Parindex 88,46%, xếp thứ 16/63, tăng 3,12%; Sipas 82,83%, xếp thứ 26/63, tăng 1,11% so
//   với năm 2022 (entered for 2023 and 2022); đối thoại 11 cuộc (dialogue records 2021..2024);
//   405 ý kiến của Nhân dân (opinion records); 11.784 mô hình “Dân vận khéo” with 1.886 / 4.890 /
//   1.320 / 1.268 / 1.940 / 480 by field and 128 tiêu biểu (model records; per-field and
//   outstanding indicators added, computed from /stats/dvk).
//   tăng 16 bậc ({par_rank|rank_change_yb}: a smaller rank is better).
// Not covered: "2 cuộc" per host in 2023 (no indicator by
//   host title).
describe('seed 002: Tỉnh Tuyên Quang, 2021 – 2024', () => {
	let srv; let admin; const texts = {};
	const unit = { structure: 2024, code: '08' };

	before(async () => {
		({ srv, admin } = await setup());
		const tu = await org(admin, 'Tỉnh ủy Tuyên Quang', 'party_committee', '08');
		const ubnd = await org(admin, 'Ủy ban nhân dân tỉnh Tuyên Quang', 'people_committee', '08');
		const bdv = await org(admin, 'Ban Dân vận Tỉnh ủy Tuyên Quang', 'mass_mobilization_board', '08');
		const districts = await children(admin, '08');
		const dvkOrgs = [bdv, ubnd];
		for (const d of districts) dvkOrgs.push(await org(admin, `Ủy ban nhân dân ${d.name}`, 'people_committee', d.code));

		// PAR Index and SIPAS of 2023 and 2022 (the province's own values).
		await enter(admin, unit, '2023', { par_index: 88.46, par_rank: 16, sipas: 82.83, sipas_rank: 26 }, 'Quyết định công bố của Bộ Nội vụ');
		await enter(admin, unit, '2022', { par_index: 85.34, par_rank: 32, sipas: 81.72, sipas_rank: 30 }, 'Quyết định công bố của Bộ Nội vụ');

		// 11 dialogues since 2021, one before it that must not count.
		const dialogues = [
			[tu, 'Thường trực Tỉnh ủy', 'youth', '2021-03-24'],
			[tu, 'Bí thư Tỉnh ủy', 'workers', '2023-04-27'], [tu, 'Bí thư Tỉnh ủy', 'farmers', '2023-09-15'],
			[ubnd, 'Chủ tịch UBND', 'youth', '2023-03-22'], [ubnd, 'Chủ tịch UBND', 'farmers', '2023-10-12'],
			[tu, 'Bí thư Tỉnh ủy', 'workers', '2024-05-10'], [tu, 'Bí thư Tỉnh ủy', 'front_cadres', '2024-08-16'],
			[ubnd, 'Chủ tịch UBND', 'youth', '2024-11-05'], [ubnd, 'Chủ tịch UBND', 'business', '2024-06-20'],
			[tu, 'Bí thư Tỉnh ủy', 'women', '2024-10-18'], [ubnd, 'Chủ tịch UBND', 'citizens', '2024-09-12'],
			[tu, 'Bí thư Tỉnh ủy', 'youth', '2020-12-20'],
		];
		await pool(dialogues.length, (i) => create(admin, '/dialogues', {
			org_id: dialogues[i][0].id, host_name: dialogues[i][1], host_title: dialogues[i][1], target_group: dialogues[i][2],
			day: dialogues[i][3], place: 'Hội trường Tỉnh ủy', participants: 200,
		}));
		// 405 opinions gathered by the board (and one after the period).
		const fields = ['land', 'compensation', 'social_policy'];
		await pool(406, (i) => create(admin, '/opinions', {
			org_id: bdv.id, channel: 'grassroots', day: i < 405 ? spreadDay('2021-01-10', '2024-11-25', i, 405) : '2024-12-05',
			content: `Ý kiến, kiến nghị của Nhân dân số ${i + 1}`, field: fields[i % 3], reported_to: 'Thường trực Tỉnh ủy',
		}));

		// 11.784 models of 2024 by field; 128 of them recognised as outstanding.
		const byField = { economy: 1886, culture_society: 4890, defense_security: 1320, political_system: 1268, new_rural: 1940, other: 480 };
		const plan = Object.entries(byField).flatMap(([f, n]) => Array(n).fill(f));
		assert.equal(plan.length, 11784);
		await pool(plan.length, (i) => create(admin, '/dvk-models', {
			org_id: dvkOrgs[i % dvkOrgs.length].id, name: `Mô hình “Dân vận khéo” số ${i + 1}`, field: plan[i],
			kind: i % 7 === 0 ? 'individual' : 'collective', year: 2024,
			...(i % 92 === 0 && i < 128 * 92 ? { status: 'recognised', outstanding: true } : {}),
		}));

		await addIndicators(admin, [
			...DVK_FIELDS.map((f) => ({ code: `dvk_${f}`, name: `Mô hình "Dân vận khéo" lĩnh vực ${DVK_FIELD_NAMES[f]}`, measure: 'mô hình',
				source: 'computed', compute: `dvk:models.by_field[${f}].count` })),
			{ code: 'dvk_outstanding', name: 'Mô hình "Dân vận khéo" tiêu biểu', measure: 'mô hình', source: 'computed', compute: 'dvk:models.outstanding' },
		]);
		await template(admin, 'seed_tq_cchc', { name: 'Chỉ số CCHC, SIPAS (mẫu Tuyên Quang)', regime: 'state', cutoff: 0, paragraphs: [
			'Trong {period}, Chỉ số cải cách hành chính (Parindex) của {unit_kind} đạt {par_index}, xếp thứ {par_rank}/63 tỉnh, thành phố ({par_index|change_yb}, {par_rank|rank_change_yb}); Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước (Sipas) đạt {sipas}, xếp thứ {sipas_rank}/63 tỉnh, thành phố ({sipas|change_yb}).',
		] });
		await template(admin, 'seed_tq_doi_thoai', { name: 'Đối thoại, ý kiến Nhân dân (mẫu Tuyên Quang)', cutoff: 0, paragraphs: [
			'Từ ngày {from} đến ngày {to}, người đứng đầu cấp ủy, chính quyền {unit_kind} đối thoại {dialogues} cuộc với đoàn viên, hội viên và Nhân dân. Ban Dân vận Tỉnh uỷ nắm, tổng hợp báo cáo {opinions} ý kiến của Nhân dân.',
		] });
		await template(admin, 'seed_tq_dvk', { name: 'Phong trào Dân vận khéo (mẫu Tuyên Quang)', cutoff: 0, paragraphs: [
			'Đến nay, toàn {unit_kind} đã xây dựng được {dvk_models} mô hình “Dân vận khéo”, trong đó: lĩnh vực phát triển kinh tế - xã hội có {dvk_economy} mô hình; lĩnh vực văn hoá - xã hội có {dvk_culture_society} mô hình; lĩnh vực quốc phòng - an ninh có {dvk_defense_security} mô hình; lĩnh vực xây dựng hệ thống chính trị có {dvk_political_system} mô hình; lĩnh vực xây dựng nông thôn mới có {dvk_new_rural} mô hình; các lĩnh vực khác có {dvk_other} mô hình và {dvk_outstanding} mô hình tiêu biểu.',
		] });
		for (const [t, period] of [['seed_tq_cchc', '2023'], ['seed_tq_doi_thoai', '2021-01-01..2024-11-30'], ['seed_tq_dvk', '2024']]) {
			const r = await report(admin, { template: t, unit, period });
			assert.deepEqual(r.report.content.warnings || [], [], t);
			texts[t] = r.text;
		}
	});
	after(async () => { await srv?.stop(); });

	it('states the indices of 2023 and their change since 2022', () => {
		assertSays(texts.seed_tq_cchc, ['đạt 88,46%, xếp thứ 16/63 tỉnh, thành phố', 'tăng 3,12%', 'tăng 16 bậc so với năm 2022',
			'đạt 82,83%, xếp thứ 26/63 tỉnh, thành phố', 'tăng 1,11% so với năm 2022'], 'seed 002 (indices)');
	});
	it('counts the dialogues since 2021 and the opinions gathered', () => {
		assertSays(texts.seed_tq_doi_thoai, ['đối thoại 11 cuộc', '405 ý kiến của Nhân dân'], 'seed 002 (dialogues)');
	});
	it('counts the models by field', () => {
		assertSays(texts.seed_tq_dvk, ['11.784 mô hình “Dân vận khéo”', 'kinh tế - xã hội có 1.886 mô hình',
			'văn hoá - xã hội có 4.890 mô hình', 'quốc phòng - an ninh có 1.320 mô hình', 'hệ thống chính trị có 1.268 mô hình',
			'nông thôn mới có 1.940 mô hình', 'các lĩnh vực khác có 480 mô hình và 128 mô hình tiêu biểu'], 'seed 002 (models)');
	});
});

// Seed 004: Huyện Bắc Hà, tỉnh Lào Cai (2024 code 085), year 2021 (Party report, cut-off 15:
// 15/12/2020 .. 14/12/2021).
// Covered: 61 cuộc tiếp xúc, đối thoại (cấp huyện 09 cuộc, cấp xã, thị trấn 52 cuộc) với 4.675
//   người tham gia (dialogue records of the district and its communes, by the organisation's level); tỷ lệ cử tri đi bỏ phiếu đạt 100% (entered, indicator added); trên 600 triệu đồng (donation activities); giám sát Tết đối với every commune
//   (supervision records naming each commune; see below); 40 dự thảo, 05 văn bản của cấp huyện,
//   35 văn bản cấp xã (criticism drafts); kiện toàn 04 chức danh chủ tịch, 03 phó chủ tịch MTTQ xã
//   (organisation changes; the farmers' and women's unions' changes are recorded too and must not
//   be counted there); 2,5 km đường bê tông, 3 km đường liên thôn, hơn 2 km kênh mương (volunteer
//   labour activities; two road indicators by kind added).
// Not covered: "19/19 xã, thị trấn" is written "18/18": the 2024 structure the report uses has 18
//   communes in Bắc Hà (19 in 2021; the units table does not hold the 2021 map); the chairs and vice
//   chairs of the farmers' and women's unions (staffing is counted per organisation type, not per
//   organisation); 15 cơ quan kiểm tra, 06 cuộc of UBND, 03 hội nghị of the Huyện ủy,
//   18/11 đề án, 04 nghị quyết, 03 kế hoạch (no indicator reads them).
describe('seed 004: Huyện Bắc Hà, năm 2021', () => {
	let srv; let admin; let adminSession; let text; let rep;
	const unit = { structure: 2024, code: '085' };

	before(async () => {
		({ srv, admin, adminSession } = await setup());
		const hu = await org(admin, 'Huyện ủy Bắc Hà', 'party_committee', '085');
		const ubnd = await org(admin, 'Ủy ban nhân dân huyện Bắc Hà', 'people_committee', '085');
		const mttq = await org(admin, 'Ủy ban MTTQ Việt Nam huyện Bắc Hà', 'fatherland_front', '085');
		const hnd = await org(admin, 'Hội Nông dân huyện Bắc Hà', 'mass_organization', '085');
		const hpn = await org(admin, 'Hội Liên hiệp Phụ nữ huyện Bắc Hà', 'mass_organization', '085');
		const cqs = await org(admin, 'Ban Chỉ huy Quân sự huyện Bắc Hà', 'agency', '085');
		const communes = await children(admin, '085');
		const cm = [];
		for (const c of communes) {
			cm.push({
				unit: c,
				du: await org(admin, `Đảng ủy ${c.name}`, 'party_committee', c.code),
				mttq: await org(admin, `Ủy ban MTTQ ${c.name}`, 'fatherland_front', c.code),
				hnd: await org(admin, `Hội Nông dân ${c.name}`, 'mass_organization', c.code),
				hpn: await org(admin, `Hội Phụ nữ ${c.name}`, 'mass_organization', c.code),
			});
		}

		// 61 dialogues: 09 of the district, 52 of the communes; 4.675 participants.
		const people = [...split(1080, 9), ...split(3595, 52)];
		await pool(61, (i) => create(admin, '/dialogues', i < 9
			? { org_id: (i < 6 ? ubnd : hu).id, host_name: i < 6 ? 'Thường trực UBND huyện' : 'Thường trực Huyện ủy', host_title: i < 6 ? 'Chủ tịch UBND' : 'Bí thư',
				target_group: i < 6 ? 'citizens' : 'youth', day: spreadDay('2021-01-10', '2021-12-10', i, 9), place: 'Hội trường huyện', participants: people[i] }
			: { org_id: cm[i % cm.length].du.id, host_name: 'Bí thư Đảng ủy xã', host_title: 'Bí thư', target_group: 'citizens',
				day: spreadDay('2020-12-15', '2021-12-14', i - 9, 52), place: 'Hội trường xã', participants: people[i] }));
		// after the cut-off: the next reporting year
		await create(admin, '/dialogues', { org_id: hu.id, host_name: 'Bí thư Huyện ủy', host_title: 'Bí thư', target_group: 'youth',
			day: '2021-12-15', place: 'Hội trường huyện', participants: 99 });

		// Covid-19 donations: a little over 600 million đồng.
		const gifts = split(600030000, 12);
		await pool(12, (i) => create(admin, '/campaigns', { org_id: i % 2 ? mttq.id : cm[i].mttq.id, kind: 'donations',
			title: 'Quyên góp ủng hộ quỹ phòng, chống dịch Covid-19', target: 'disaster', day: spreadDay('2021-05-10', '2021-09-10', i, 12), money: gifts[i] }));
		// Volunteer labour of the army: 2,5 km of concrete road, 3 km of road repaired, 2,04 km of canals.
		for (const c of [
			{ kind: 'volunteer_labour', title: 'Làm đường bê tông liên thôn', road_m: 1200, labour_days: 300 },
			{ kind: 'volunteer_labour', title: 'Làm đường bê tông liên thôn', road_m: 1300, labour_days: 320 },
			{ kind: 'other', title: 'Đào đắp, tu sửa đường liên thôn', road_m: 1800, labour_days: 150 },
			{ kind: 'other', title: 'Đào đắp, tu sửa đường liên thôn', road_m: 1200, labour_days: 100 },
			{ kind: 'volunteer_labour', title: 'Nạo vét kênh mương nội đồng', canal_m: 1040, labour_days: 80 },
			{ kind: 'volunteer_labour', title: 'Nạo vét kênh mương nội đồng', canal_m: 1000, labour_days: 70 },
		]) await create(admin, '/campaigns', { org_id: cqs.id, target: 'community', day: '2021-03-26', ...c });

		// Supervision of the Tết gifts in every commune (three delegations).
		const thirds = [cm.slice(0, 6), cm.slice(6, 12), cm.slice(12)];
		for (const [i, part] of thirds.entries()) {
			await create(admin, '/supervisions', { org_id: mttq.id, title: `Giám sát việc thăm hỏi, tặng quà dịp Tết Nguyên đán Tân Sửu (đoàn ${i + 1})`,
				topic: 'tet_gifts', form: 'delegation', from_day: '2021-01-25', to_day: '2021-02-08', status: 'done',
				units: part.map((c) => c.unit.code) });
		}
		// 40 drafts criticised: 05 of the district, 35 of the communes; one received after the cut-off.
		await pool(41, (i) => create(admin, '/criticism-drafts', i < 5
			? { org_id: mttq.id, title: `Dự thảo nghị quyết của HĐND huyện số ${i + 1}`, issuer: 'HĐND huyện Bắc Hà', level: 'district',
				doc_type: 'resolution', form: 'conference', received_day: spreadDay('2021-01-05', '2021-12-01', i, 5) }
			: { org_id: cm[i % cm.length].mttq.id, title: `Dự thảo kế hoạch của UBND xã số ${i + 1}`, issuer: 'UBND xã', level: 'commune',
				doc_type: 'plan', form: 'written', received_day: i < 40 ? spreadDay('2020-12-15', '2021-12-14', i - 5, 35) : '2021-12-20' }));

		// Staffing: MTTQ communes 04 chairs and 03 vice chairs filled (one chair vacated: not counted);
		// the unions' changes are recorded too and must not count as the Front's.
		const ch = (o, position, change_kind, day, n) => create(admin, '/org-changes', { org_id: o.id, position, change_kind, person_name: `Cán bộ ${n}`, day });
		for (let i = 0; i < 4; i++) await ch(cm[i].mttq, 'chair', 'elected', '2021-06-15', i);
		for (let i = 0; i < 3; i++) await ch(cm[10 + i].mttq, 'vice_chair', 'elected', '2021-07-20', i);
		await ch(cm[5].mttq, 'chair', 'vacated', '2021-05-01', 'nghỉ hưu');
		await ch(hnd, 'vice_chair', 'appointed', '2021-04-10', 'HND');
		for (let i = 0; i < 5; i++) await ch(cm[i].hnd, 'chair', 'elected', '2021-08-02', i);
		for (let i = 0; i < 3; i++) await ch(cm[6 + i].hnd, 'vice_chair', 'elected', '2021-08-02', i);
		await ch(hpn, 'vice_chair', 'appointed', '2021-09-01', 'HPN');
		for (let i = 0; i < 5; i++) await ch(cm[8 + i].hpn, 'chair', 'elected', '2021-09-15', i);

		await addIndicators(admin, [
			{ code: 'road_concrete_km', name: 'Đường bê tông do lực lượng vũ trang và Nhân dân làm', measure: 'km', source: 'computed',
				compute: 'campaigns:items[volunteer_labour].road_m/1000', decimals: 1 },
			{ code: 'road_repaired_km', name: 'Đường liên thôn đào đắp, tu sửa', measure: 'km', source: 'computed',
				compute: 'campaigns:items[other].road_m/1000', decimals: 1 },
			{ code: 'voter_turnout', name: 'Tỷ lệ cử tri đi bỏ phiếu', measure: '%', rollup: 'latest', source: 'entered', decimals: 2 },
		]);
		await enter(admin, unit, '2021', { voter_turnout: 100 }, 'Biên bản tổng hợp kết quả bầu cử của Ủy ban bầu cử huyện');
		await template(admin, 'seed_bac_ha_2021', { name: 'Báo cáo công tác dân vận năm (mẫu Bắc Hà)', cutoff: 15, paragraphs: [
			'Trong {period}, đã tổ chức có {dialogues} cuộc tiếp xúc, đối thoại với Nhân dân của người đứng đầu cấp uỷ, chính quyền các cấp (cấp huyện {dialogues_district|n2} cuộc, cấp xã, thị trấn {dialogues_commune|n2} cuộc) với {dialogue_participants} người tham gia.',
			'Mặt trận Tổ quốc và các tổ chức chính trị - xã hội vận động Nhân dân tham gia bầu cử với tỷ lệ cử tri đi bỏ phiếu đạt {voter_turnout}; kêu gọi quyên góp ủng hộ quỹ phòng chống dịch Covid-19 với số tiền trên {campaign_money|trieu} triệu đồng; tổ chức giám sát việc thăm hỏi, tặng quà trong dịp Tết Nguyên đán đối với {supervised_communes}/{communes} xã, thị trấn; tham gia phản biện vào {criticism_drafts} dự thảo văn bản của cấp uỷ, chính quyền (trong đó {criticism_drafts_district|n2} văn bản của cấp huyện, {criticism_drafts_commune} văn bản cấp xã). MTTQ huyện đã chỉ đạo kiện toàn {front_chairs_filled|n2} chức danh chủ tịch, {front_vice_chairs_filled|n2} phó chủ tịch MTTQ xã.',
			'Lực lượng quân đội huy động cán bộ và dân quân giúp Nhân dân làm được {road_concrete_km} km đường bê tông liên thôn; đào đắp tu sửa {road_repaired_km} km đường liên thôn; nạo vét hơn {campaign_canal_km} km kênh mương nội đồng.',
		] });
		({ report: rep, text } = await report(admin, { template: 'seed_bac_ha_2021', unit, period: '2021' }));
	});
	after(async () => { await srv?.stop(); });

	const phrases = [
		'61 cuộc tiếp xúc, đối thoại', '(cấp huyện 09 cuộc, cấp xã, thị trấn 52 cuộc)', '4.675 người tham gia', 'tỷ lệ cử tri đi bỏ phiếu đạt 100%', 'trên 600 triệu đồng',
		'18/18 xã, thị trấn', // the reference's 19/19: see above
		'40 dự thảo', '05 văn bản của cấp huyện', '35 văn bản cấp xã',
		'kiện toàn 04 chức danh chủ tịch, 03 phó chủ tịch', '2,5 km đường bê tông', '3 km đường liên thôn',
		'hơn 2 km kênh mương',
	];

	it('states the reference figures in the same Vietnamese form', () => {
		assert.equal(rep.content.period.from, '2020-12-15');
		assert.deepEqual(rep.content.warnings || [], []);
		assertSays(text, phrases, 'seed 004');
	});

	it('the CLI writes the same report from the database', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'danvan-acceptance-'));
		try {
			const out = path.join(dir, 'bac-ha-2021.html');
			await srv.cli(['report', '--db', srv.db, '--unit', '085', '--structure', '2024', '--period', '2021',
				'--template', 'seed_bac_ha_2021', '--format', 'html', '--out', out]);
			assertSays(plain(readFileSync(out, 'utf8')), phrases, 'seed 004 (CLI)');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('downloads the report as DOCX and XLSX with the same figures', async () => {
		const files = {};
		for (const fmt of ['docx', 'xlsx']) {
			const res = await download(srv.url, adminSession, `/reports/${rep.id}/${fmt}`);
			assert.equal(res.status, 200, fmt);
			assert.equal(res.bytes.subarray(0, 2).toString('latin1'), 'PK', `${fmt} is a zip package`);
			files[fmt] = unzip(res.bytes);
		}
		const doc = plain(files.docx['word/document.xml'].toString('utf8'));
		assertSays(doc, ['61 cuộc tiếp xúc, đối thoại', '4.675 người tham gia', '40 dự thảo', '05 văn bản của cấp huyện',
			'kiện toàn 04 chức danh chủ tịch, 03 phó chủ tịch', '2,5 km đường bê tông'], 'seed 004 (docx)');
		const sheets = Object.keys(files.xlsx).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
		assert.ok(sheets.length > 0, 'xlsx has a worksheet');
		const cells = sheets.map((n) => files.xlsx[n].toString('utf8')).join('') + (files.xlsx['xl/sharedStrings.xml'] || '').toString('utf8');
		for (const v of ['4675', '>61<', '>40<']) assert.ok(cells.includes(v), `xlsx annex holds ${v}`);
	});
});
