// Indicators (docs/API.md "Indicators and roll-up", issue 6): the catalogue as data, values
// entered per unit and period, and the roll-up of a subtree by each indicator's rule — a unit's
// own value first, never a value counted twice, 2024 units through the 2025 mapping with
// partial splits listed and not added, comparisons with the previous periods.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, assertOk, childrenOf, makeUser } from './fixtures.mjs';
import { setup } from './fixtures.mjs';

describe('indicators and roll-up', () => {
	let srv; let admin; let officer25; let viewer25; let officer01;
	let c148; // two 2024 communes of old Hòa Bình city (148)
	let w25; // three 2025 communes of Phú Thọ

	const put = (who, indicator, structure, code, period, value, extra = {}) => (who.api || who).put('/indicator-values',
		{ indicator, unit: { structure, code }, period, value, source: 'Báo cáo của UBND', ...extra });
	const rollup = async (api, q) => {
		const r = assertOk(await (api.api || api).get(`/stats/indicators?${q}`));
		return Object.fromEntries(r.items.map((i) => [i.code, i]));
	};

	before(async () => {
		({ srv, admin } = await setup());
		officer25 = await makeUser(srv.url, admin, { role: 'officer', unit: { structure: 2025, code: '25' }, username: 'ind.officer25' });
		viewer25 = await makeUser(srv.url, admin, { role: 'viewer', unit: { structure: 2025, code: '25' }, username: 'ind.viewer25' });
		officer01 = await makeUser(srv.url, admin, { role: 'officer', unit: { structure: 2025, code: '01' }, username: 'ind.officer01' });
		c148 = await childrenOf(admin, '148', { structure: 2024, n: 2 });
		w25 = await childrenOf(admin, '25', { structure: 2025, n: 3, offset: 5 });
	});
	after(async () => { await srv?.stop(); });

	it('lists the catalogue: computed and entered indicators with their rule', async () => {
		const cat = assertOk(await viewer25.api.get('/indicators')).items;
		const by = Object.fromEntries(cat.map((i) => [i.code, i]));
		assert.equal(by.reception_visits.source, 'computed');
		assert.equal(by.reception_visits.compute, 'petitions:reception.visits');
		assert.equal(by.gift_visits.rollup, 'sum');
		assert.equal(by.new_rural_communes.rollup, 'count_units');
		assert.equal(by.new_rural_communes.cond_indicator, 'new_rural_level');
		assert.equal(by.new_rural_rate.numerator, 'new_rural_communes');
		assert.equal(by.par_index.decimals, 2);
		for (let i = 1; i < cat.length; i++) assert.ok(cat[i - 1].sort <= cat[i].sort, 'in section order');
	});

	it('sums a subtree, and a unit\'s own value replaces what is below it', async () => {
		assertOk(await put(admin, 'gift_visits', 2024, c148[0].code, '2023', 100));
		assertOk(await put(admin, 'gift_visits', 2024, c148[1].code, '2023', 50));
		let r = await rollup(admin, 'structure=2024&unit=148&period=2023');
		assert.equal(r.gift_visits.value, 150);
		assert.equal(r.gift_visits.basis, 'subtree');
		assert.equal(r.gift_visits.units, 2);
		// the city reports its own figure: the communes' are detail, not added again
		assertOk(await put(admin, 'gift_visits', 2024, '148', '2023', 400));
		r = await rollup(admin, 'structure=2024&unit=148&period=2023');
		assert.equal(r.gift_visits.value, 400);
		assert.equal(r.gift_visits.basis, 'own');
		r = await rollup(admin, 'structure=2024&unit=17&period=2023');
		assert.equal(r.gift_visits.value, 400);
		// the same value entered again replaces it (one row per unit and period)
		const again = assertOk(await put(admin, 'gift_visits', 2024, '148', '2023', 420)).value;
		assert.equal(again.value, 420);
		r = await rollup(admin, 'structure=2024&unit=17&period=2023');
		assert.equal(r.gift_visits.value, 420);
		const list = assertOk(await admin.get('/indicator-values?indicator=gift_visits&structure=2024&unit=148&period=2023'));
		assert.equal(list.total, 3);
	});

	it('a 2025 unit uses the 2024 units merged into it, and lists the split ones without adding them', async () => {
		let r = await rollup(admin, 'structure=2025&unit=25&period=2023');
		assert.equal(r.gift_visits.value, 420);
		assert.equal(r.gift_visits.structure_used, 2024);
		// old Xã Vầy Nưa (04891, Đà Bắc) was split between new 04828 and 04891
		const old = assertOk(await admin.get('/units/04891?structure=2024'));
		const succ = old.successors.map((s) => s.code);
		assert.ok(succ.length === 2 && old.successors.every((s) => s.type === 'partial'));
		const parts = [];
		for (const code of succ) parts.push((await rollup(admin, `structure=2025&unit=${code}&period=2023`)).gift_visits);
		assertOk(await put(admin, 'gift_visits', 2024, '04891', '2023', 30));
		for (let i = 0; i < succ.length; i++) {
			r = await rollup(admin, `structure=2025&unit=${succ[i]}&period=2023`);
			assert.equal(r.gift_visits.value, parts[i].value, 'a split unit is not added to either part');
			assert.ok(r.gift_visits.partial.some((p) => p.code === '04891' && p.value === 30), 'listed apart');
			// an old district split over many new communes is listed too, not added
			assert.ok(!parts[i].partial.some((p) => p.code === '04891'));
		}
		// the whole old commune went into the province: it counts there
		r = await rollup(admin, 'structure=2025&unit=25&period=2023');
		assert.equal(r.gift_visits.value, 450);
		assert.deepEqual(r.gift_visits.partial, []);
		// once the 2025 structure has its own figures they are used instead
		assertOk(await put(admin, 'gift_visits', 2025, w25[0].code, '2023', 7));
		r = await rollup(admin, 'structure=2025&unit=25&period=2023');
		assert.equal(r.gift_visits.value, 7);
		assert.equal(r.gift_visits.structure_used, 2025);
	});

	it('counts communes meeting a condition, and the rate against all communes', async () => {
		const levels = [1, 2, 0];
		for (let i = 0; i < 3; i++) assertOk(await put(officer25, 'new_rural_level', 2025, w25[i].code, '2024', levels[i]));
		const r = await rollup(officer25, 'structure=2025&unit=25&period=2024');
		assert.equal(r.new_rural_communes.value, 2);
		assert.equal(r.new_rural_advanced.value, 1);
		assert.equal(r.new_rural_model.value, 0);
		assert.ok(r.communes.value > 100, 'all communes of the province');
		assert.equal(r.new_rural_rate.value, Math.round(2 / r.communes.value * 10000) / 100);
		assert.equal(r.new_rural_rate.basis, 'ratio');
		// a province that enters its own count is taken at its word
		assertOk(await put(officer25, 'new_rural_communes', 2025, '25', '2024', 80));
		const r2 = await rollup(officer25, 'structure=2025&unit=25&period=2024');
		assert.equal(r2.new_rural_communes.value, 80);
		assert.equal(r2.new_rural_rate.value, Math.round(80 / r.communes.value * 10000) / 100);
	});

	it('weighs a rate by its weight indicator, and an index is the unit\'s own only', async () => {
		assertOk(await put(officer25, 'admin_dossiers', 2025, w25[0].code, '2024', 100));
		assertOk(await put(officer25, 'admin_on_time_rate', 2025, w25[0].code, '2024', 90));
		assertOk(await put(officer25, 'admin_dossiers', 2025, w25[1].code, '2024', 300));
		assertOk(await put(officer25, 'admin_on_time_rate', 2025, w25[1].code, '2024', 98));
		assertOk(await put(officer25, 'par_index', 2025, '25', '2024', 88.46));
		assertOk(await put(officer25, 'par_rank', 2025, '25', '2024', 16));
		const r = await rollup(officer25, 'structure=2025&unit=25&period=2024&codes=admin_on_time_rate,par_index,par_rank');
		assert.deepEqual(Object.keys(r), ['admin_on_time_rate', 'par_index', 'par_rank']);
		assert.equal(r.admin_on_time_rate.value, 96);
		assert.equal(r.admin_on_time_rate.units, 2);
		assert.equal(r.par_index.value, 88.46);
		assert.equal(r.par_rank.value, 16);
		const c = await rollup(officer25, `structure=2025&unit=${w25[0].code}&period=2024&codes=par_index`);
		assert.equal(c.par_index.value, null, 'the province index is not a commune\'s');
	});

	it('compares with the previous period and the same period a year before', async () => {
		assertOk(await put(officer25, 'ocop_products', 2025, '25', '2024-H1', 20));
		assertOk(await put(officer25, 'ocop_products', 2025, '25', '2024-H2', 35));
		assertOk(await put(officer25, 'ocop_products', 2025, '25', '2023-H2', 30));
		const r = assertOk(await officer25.api.get('/stats/indicators?structure=2025&unit=25&period=2024-H2&compare=1&codes=ocop_products'));
		assert.equal(r.previous.period, '2024-H1');
		assert.equal(r.year_before.period, '2023-H2');
		assert.equal(r.period.label, '6 tháng cuối năm 2024');
		assert.equal(r.period.from, '2024-06-15', 'cut-off 15th by default');
		assert.deepEqual([r.items[0].value, r.items[0].previous, r.items[0].year_before], [35, 20, 30]);
		const natural = assertOk(await officer25.api.get('/stats/indicators?structure=2025&unit=25&period=2024-H2&cutoff_day=0&codes=ocop_products'));
		assert.equal(natural.period.from, '2024-07-01');
	});

	it('computed indicators are the statistics of the records', async () => {
		const s = assertOk(await admin.get('/stats/petitions?structure=2025&unit=25&period=2025'));
		const r = await rollup(admin, 'structure=2025&unit=25&period=2025&codes=reception_visits,petitions_received');
		assert.equal(r.reception_visits.value, s.reception.visits);
		assert.equal(r.petitions_received.value, s.petitions.received);
		assert.equal(r.reception_visits.basis, 'computed');
		assertError(await put(admin, 'reception_visits', 2025, '25', '2025', 5), 400, 'invalid_field', 'indicator');
	});

	it('rejects bad values, periods and units with a reason', async () => {
		assertError(await put(officer25, 'gift_visits', 2025, '25', '2024', 1.5), 400, 'invalid_field', 'value');
		assertError(await put(officer25, 'par_index', 2025, '25', '2024', 88.456), 400, 'invalid_field', 'value');
		assertError(await put(officer25, 'gift_visits', 2025, '25', '2024-13', 1), 400, 'invalid_field', 'period');
		assertError(await put(officer25, 'gift_visits', 2025, '25', '2024', 'nhiều'), 400, 'invalid_field', 'value');
		assertError(await put(officer25, 'no_such', 2025, '25', '2024', 1), 400, 'invalid_field', 'indicator');
		assertError(await put(officer25, 'gift_visits', 2025, '99999', '2024', 1), 400, 'invalid_field', 'unit');
		assertError(await put(officer25, 'gift_visits', 2025, '25', '2024', 1, { source: '' }), 400, 'missing_field', 'source');
		assertError(await put(officer25, 'gift_visits', 2025, '25', '2024', 1, { extra: 1 }), 400, 'unknown_field');
		assertError(await put(officer01, 'gift_visits', 2025, '25', '2024', 1), 403, 'forbidden');
		assertError(await put(viewer25, 'gift_visits', 2025, '25', '2024', 1), 403, 'forbidden');
		assertError(await officer25.api.get('/stats/indicators?structure=2025&unit=25&period=2024&codes=nope'), 400, 'invalid_param', 'codes');
		assertError(await officer25.api.get('/stats/indicators?structure=2025&unit=25'), 400, 'invalid_param', 'period');
		assertError(await officer01.api.get('/stats/indicators?structure=2025&unit=25&period=2024'), 403, 'forbidden');
		const many = Array.from({ length: 65 }, (_, i) => `c${i}`).join(',');
		assertError(await officer25.api.get(`/stats/indicators?structure=2025&unit=25&period=2024&codes=${many}`), 400, 'invalid_param', 'codes');
		// nothing half-written: the province figure is what it was
		const r = await rollup(officer25, 'structure=2025&unit=25&period=2024&codes=gift_visits');
		assert.equal(r.gift_visits.value, null);
	});

	it('the catalogue is data a system administrator edits', async () => {
		const body = { code: 'volunteer_km', name: 'Đường giao thông do Nhân dân làm', measure: 'km', rollup: 'sum',
			source: 'entered', decimals: 1, section: 'Phong trào, vận động', sort: 600 };
		assertError(await officer25.api.post('/indicators', body), 403, 'forbidden');
		assertError(await admin.post('/indicators', { ...body, rollup: 'median' }), 400, 'invalid_field', 'rollup');
		assertError(await admin.post('/indicators', { ...body, code: 'Km đường' }), 400, 'invalid_field', 'code');
		assertError(await admin.post('/indicators', { ...body, code: 'self_ratio', rollup: 'ratio', numerator: 'self_ratio', denominator: 'communes' }),
			400, 'invalid_field', 'numerator');
		assertError(await admin.post('/indicators', { ...body, code: 'bad_ref', rollup: 'ratio', numerator: 'nope', denominator: 'communes' }),
			400, 'invalid_field', 'numerator');
		const ind = assertOk(await admin.post('/indicators', body), 201).indicator;
		assert.equal(ind.decimals, 1);
		assertError(await admin.post('/indicators', body), 409, 'conflict', 'code');
		assertOk(await put(officer25, 'volunteer_km', 2025, w25[0].code, '2024', 2.5));
		assertOk(await put(officer25, 'volunteer_km', 2025, w25[1].code, '2024', 3));
		let r = await rollup(officer25, 'structure=2025&unit=25&period=2024&codes=volunteer_km');
		assert.equal(r.volunteer_km.value, 5.5);
		// stored values keep their unit: decimals cannot change under them
		assertError(await admin.patch('/indicators/volunteer_km', { decimals: 0 }), 409, 'conflict', 'decimals');
		const upd = assertOk(await admin.patch('/indicators/volunteer_km', { target: 10, name: 'Km đường giao thông nông thôn' })).indicator;
		assert.equal(upd.target, 10);
		r = await rollup(officer25, 'structure=2025&unit=25&period=2024&codes=volunteer_km');
		assert.equal(r.volunteer_km.target, 10);
		assert.equal(r.volunteer_km.name, 'Km đường giao thông nông thôn');
		// a deactivated indicator leaves the default list but keeps its values
		assertOk(await admin.patch('/indicators/volunteer_km', { active: false }));
		assert.ok(!assertOk(await admin.get('/indicators')).items.some((i) => i.code === 'volunteer_km'));
		assert.ok(assertOk(await admin.get('/indicators?all=1')).items.some((i) => i.code === 'volunteer_km'));
		const audit = assertOk(await admin.get('/audit?entity=indicator'));
		assert.ok(audit.items.some((a) => a.action === 'update'));
	});

	it('deletes a value (audited), within scope only', async () => {
		const v = assertOk(await put(officer25, 'houses', 2025, w25[2].code, '2024', 12)).value;
		assertError(await officer01.api.del(`/indicator-values/${v.id}`), 404, 'not_found');
		assertError(await viewer25.api.del(`/indicator-values/${v.id}`), 403, 'forbidden');
		assertOk(await officer25.api.del(`/indicator-values/${v.id}`));
		assertError(await officer25.api.del(`/indicator-values/${v.id}`), 404, 'not_found');
		const audit = assertOk(await admin.get('/audit?entity=indicator_value'));
		assert.ok(audit.items.some((a) => a.action === 'delete' && a.entity_id === v.id));
	});
});
