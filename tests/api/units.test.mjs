// Administrative units: totals, search, parent filter, Vietnamese order, detail with ancestors and mapping.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	assertError, assertOk, assertViOrder, listAll, setup, stripPrefix, viInitial,
} from './fixtures.mjs';

describe('units', () => {
	let srv; let admin;
	before(async () => { ({ srv, admin } = await setup()); });
	after(async () => { await srv?.stop(); });

	const total = async (qs) => {
		const r = assertOk(await admin.get(`/units?${qs}&limit=1`));
		assert.ok(r.items.length <= 1);
		return r.total;
	};
	const codes = (items) => items.map((u) => u.code);

	it('totals per structure and level', async () => {
		assert.equal(await total('structure=2024&level=province'), 63);
		assert.equal(await total('structure=2024&level=district'), 696);
		assert.equal(await total('structure=2024&level=commune'), 10035);
		assert.equal(await total('structure=2025&level=province'), 34);
		assert.equal(await total('structure=2025&level=commune'), 3321);
		assert.equal(await total('structure=2025&level=district'), 0);
		// structure defaults to 2025
		assert.equal(await total('level=province'), 34);
		assert.equal(await total('level=commune'), 3321);
	});

	it('with no filter a sysadmin gets all provinces', async () => {
		const r = assertOk(await admin.get('/units?limit=1000'));
		assert.equal(r.total, 34);
		assert.equal(r.items.length, 34);
		for (const u of r.items) {
			assert.equal(u.level, 'province');
			assert.equal(u.parent_code, null);
		}
		const r24 = assertOk(await admin.get('/units?structure=2024&limit=1000'));
		assert.equal(r24.total, 63);
	});

	it('unit items have the documented shape', async () => {
		const r = assertOk(await admin.get('/units?structure=2024&parent=148&limit=1'));
		const u = r.items[0];
		assert.deepEqual(Object.keys(u).sort(), ['code', 'level', 'name', 'parent_code']);
		assert.equal(typeof u.code, 'string');
		assert.match(u.code, /^\d{5}$/);
		assert.equal(u.level, 'commune');
		assert.equal(u.parent_code, '148');
		const p = assertOk(await admin.get('/units?structure=2024&level=province&q=hoa%20binh')).items.find((x) => x.code === '17');
		assert.deepEqual(p, { code: '17', name: 'Tỉnh Hoà Bình', level: 'province', parent_code: null });
	});

	it('q ignores case, tone marks and their placement (Hoà/Hòa)', async () => {
		for (const q of ['hoa binh', 'Hoà Bình', 'Hòa Bình', 'HÒA BÌNH', 'HOÀ BÌNH', 'Hoa Binh', 'Ho\u0300a Bi\u0300nh']) {
			const r = assertOk(await admin.get(`/units?structure=2024&level=province&q=${encodeURIComponent(q)}`));
			assert.ok(codes(r.items).includes('17'), `q=${q} should find province 17, got ${JSON.stringify(codes(r.items))}`);
			// Without a level filter, search covers every level.
			const all = assertOk(await admin.get(`/units?structure=2024&q=${encodeURIComponent(q)}&limit=1000`));
			assert.ok(codes(all.items).includes('17'), `q=${q} (all levels) finds 17`);
			assert.ok(codes(all.items).includes('148'), `q=${q} (all levels) finds district 148`);
			for (const u of all.items) {
				const folded = u.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
				assert.ok(folded.includes('hoa binh'), `result ${u.name} matches "hoa binh"`);
			}
		}
	});

	it('q treats đ as d ("da nang" finds Thành phố Đà Nẵng, 48)', async () => {
		for (const q of ['da nang', 'Đà Nẵng', 'DA NANG', 'đà nẵng', 'Da Nang']) {
			const r = assertOk(await admin.get(`/units?structure=2025&q=${encodeURIComponent(q)}&limit=1000`));
			const hit = r.items.find((u) => u.code === '48');
			assert.ok(hit, `q=${q} should find 48`);
			assert.equal(hit.name, 'Thành phố Đà Nẵng');
		}
		const none = assertOk(await admin.get('/units?structure=2025&level=province&q=zzzz%20khong%20co'));
		assert.equal(none.total, 0);
		assert.deepEqual(none.items, []);
	});

	it('parent filter: districts of 17 and communes of district 148', async () => {
		const d = assertOk(await admin.get('/units?structure=2024&parent=17&limit=1000'));
		assert.equal(d.total, 10);
		assert.ok(codes(d.items).includes('148'));
		const city = d.items.find((u) => u.code === '148');
		assert.equal(city.name, 'Thành phố Hòa Bình');
		assert.equal(city.level, 'district');
		for (const u of d.items) { assert.equal(u.parent_code, '17'); assert.equal(u.level, 'district'); }
		const c = assertOk(await admin.get('/units?structure=2024&parent=148&limit=1000'));
		assert.equal(c.total, 19);
		assert.equal(c.items.length, 19);
		for (const u of c.items) { assert.equal(u.parent_code, '148'); assert.equal(u.level, 'commune'); }
		assert.ok(codes(c.items).includes('04789'));
		// 2025: communes hang directly under the province.
		const c25 = assertOk(await admin.get('/units?structure=2025&parent=25&limit=1'));
		assert.equal(c25.total, 148);
		assert.equal(c25.items[0].parent_code, '25');
		// parent + level + q combine.
		const pq = assertOk(await admin.get(`/units?structure=2024&parent=148&q=${encodeURIComponent('thai binh')}`));
		assert.ok(codes(pq.items).includes('04789'));
		for (const u of pq.items) assert.equal(u.parent_code, '148');
	});

	it('pagination with limit/offset is consistent', async () => {
		const a = assertOk(await admin.get('/units?structure=2024&level=province&limit=20&offset=0'));
		const b = assertOk(await admin.get('/units?structure=2024&level=province&limit=10&offset=10'));
		assert.deepEqual(b.items, a.items.slice(10, 20));
		assert.equal(b.total, 63);
		const end = assertOk(await admin.get('/units?structure=2024&level=province&limit=10&offset=60'));
		assert.equal(end.items.length, 3);
		const past = assertOk(await admin.get('/units?structure=2024&level=province&limit=10&offset=1000'));
		assert.deepEqual(past.items, []);
		assert.equal(past.total, 63);
		// units allow a limit up to 1000
		assert.equal(assertOk(await admin.get('/units?structure=2025&level=commune&limit=1000')).items.length, 1000);
	});

	it('order is Vietnamese alphabetical by the name without its type prefix', async () => {
		const p25 = assertOk(await admin.get('/units?structure=2025&level=province&limit=1000')).items;
		assert.equal(p25[0].name, 'Tỉnh An Giang');
		assert.equal(p25[p25.length - 1].name, 'Tỉnh Vĩnh Long');
		assertViOrder(p25.map((u) => stripPrefix(u.name)), '2025 provinces');
		// Đ (Điện Biên, Đắk Lắk, Đà Nẵng, Đồng Nai, Đồng Tháp) after C…, before G…
		const idx = (name) => p25.findIndex((u) => u.name === name);
		assert.ok(idx('Thành phố Đà Nẵng') > idx('Tỉnh Cao Bằng'));
		assert.ok(idx('Tỉnh Điện Biên') > idx('Thành phố Cần Thơ'));
		assert.ok(idx('Tỉnh Đồng Tháp') < idx('Tỉnh Gia Lai'));
		assert.ok(idx('Thành phố Hà Nội') < idx('Thành phố Hải Phòng'));

		const p24 = assertOk(await admin.get('/units?structure=2024&level=province&limit=1000')).items;
		assertViOrder(p24.map((u) => stripPrefix(u.name)), '2024 provinces');

		const { items: communes, total: n } = await listAll(admin, '/units?structure=2025&level=commune', 1000);
		assert.equal(n, 3321);
		assert.equal(communes.length, 3321);
		assert.equal(new Set(codes(communes)).size, 3321, 'no duplicates across pages');
		const names = communes.map((u) => stripPrefix(u.name));
		assertViOrder(names, '2025 communes');
		const firstOf = (l) => names.findIndex((x) => viInitial(x) === l);
		const lastOf = (l) => names.length - 1 - [...names].reverse().findIndex((x) => viInitial(x) === l);
		assert.ok(firstOf('D') >= 0 && firstOf('Đ') >= 0 && firstOf('G') >= 0);
		assert.ok(lastOf('D') < firstOf('Đ'), 'every D… before every Đ…');
		assert.ok(lastOf('Đ') < firstOf('E') || firstOf('E') < 0, 'every Đ… before every E…');
		assert.ok(lastOf('Đ') < firstOf('G'), 'every Đ… before every G…');
		assert.ok(lastOf('A') < firstOf('Â') || firstOf('Â') < 0, 'every A… before every Â…');
		assert.ok(lastOf('O') < firstOf('Ô'), 'O… before Ô…');
		assert.ok(lastOf('Ô') < firstOf('P'), 'Ô… before P…');
		assert.ok(lastOf('U') < firstOf('Ư') || firstOf('Ư') < 0, 'U < Ư');
	});

	it('GET /units/17?structure=2024: no ancestors, successor 25 (full)', async () => {
		const r = assertOk(await admin.get('/units/17?structure=2024'));
		assert.deepEqual(r.unit, { code: '17', name: 'Tỉnh Hoà Bình', level: 'province', parent_code: null });
		assert.equal(r.structure, 2024);
		assert.deepEqual(r.ancestors, []);
		assert.equal(r.children_count, 10);
		assert.equal(r.successors.length, 1);
		assert.equal(r.successors[0].code, '25');
		assert.equal(r.successors[0].type, 'full');
		assert.equal(r.successors[0].name, 'Tỉnh Phú Thọ');
		assert.equal(r.successors[0].level, 'province');
		assert.deepEqual(r.predecessors, []);
	});

	it('a 2024 commune has ancestors [province, district]', async () => {
		const r = assertOk(await admin.get('/units/04789?structure=2024'));
		assert.equal(r.unit.code, '04789');
		assert.equal(r.unit.level, 'commune');
		assert.equal(r.unit.parent_code, '148');
		assert.deepEqual(r.ancestors.map((u) => [u.code, u.level]), [['17', 'province'], ['148', 'district']]);
		assert.equal(r.ancestors[1].name, 'Thành phố Hòa Bình');
		assert.equal(r.children_count, 0);
		assert.deepEqual(r.successors.map((s) => [s.code, s.type]), [['04828', 'full']]);
		const d = assertOk(await admin.get('/units/148?structure=2024'));
		assert.deepEqual(d.ancestors.map((u) => u.code), ['17']);
		assert.equal(d.children_count, 19);
	});

	it('partial successors: 2024 commune 00007 split over 00008 and 00025', async () => {
		const r = assertOk(await admin.get('/units/00007?structure=2024'));
		const s = r.successors.map((x) => `${x.code}:${x.type}`).sort();
		assert.ok(s.includes('00008:partial') && s.includes('00025:partial'), JSON.stringify(r.successors));
		const n = assertOk(await admin.get('/units/00008?structure=2025'));
		assert.ok(n.predecessors.some((x) => x.code === '00007' && x.type === 'partial'));
		assert.deepEqual(n.successors, []);
	});

	it('GET /units/25?structure=2025: predecessors include 17, 25 and 26', async () => {
		const r = assertOk(await admin.get('/units/25?structure=2025'));
		assert.equal(r.structure, 2025);
		assert.equal(r.unit.name, 'Tỉnh Phú Thọ');
		assert.deepEqual(r.ancestors, []);
		assert.deepEqual(r.successors, []);
		assert.equal(r.children_count, 148);
		const pc = r.predecessors.map((x) => x.code);
		for (const c of ['17', '25', '26']) assert.ok(pc.includes(c), `predecessor ${c} in ${JSON.stringify(pc)}`);
		const hb = r.predecessors.find((x) => x.code === '17');
		assert.equal(hb.name, 'Tỉnh Hoà Bình');
		assert.equal(hb.level, 'province');
		assert.equal(hb.type, 'full');
		// structure defaults to 2025
		const d = assertOk(await admin.get('/units/25'));
		assert.equal(d.structure, 2025);
		assert.deepEqual(d.predecessors.map((x) => x.code).sort(), [...pc].sort());
		// A 2025 commune: ancestors = [province].
		const c = assertOk(await admin.get('/units/04792?structure=2025'));
		assert.deepEqual(c.ancestors.map((u) => u.code), ['25']);
	});

	it('the same code means different units in different structures', async () => {
		const a = assertOk(await admin.get('/units/04792?structure=2024')).unit;
		const b = assertOk(await admin.get('/units/04792?structure=2025')).unit;
		assert.equal(a.parent_code, '148');
		assert.equal(b.parent_code, '25');
	});

	it('bad parameters → 400 invalid_param; unknown code → 404', async () => {
		assertError(await admin.get('/units?limit=1001'), 400, 'invalid_param', 'limit');
		assertError(await admin.get('/units?limit=x'), 400, 'invalid_param', 'limit');
		assertError(await admin.get('/units?offset=-1'), 400, 'invalid_param', 'offset');
		assertError(await admin.get('/units?structure=2026'), 400, 'invalid_param', 'structure');
		assertError(await admin.get('/units?structure=abc'), 400, 'invalid_param', 'structure');
		assertError(await admin.get('/units?level=village'), 400, 'invalid_param', 'level');
		assertError(await admin.get('/units/17?structure=1999'), 400, 'invalid_param', 'structure');
		assertError(await admin.get('/units/99?structure=2024'), 404, 'not_found');
		assertError(await admin.get('/units/17?structure=2025'), 404, 'not_found');
		assertError(await admin.get('/units/148?structure=2025'), 404, 'not_found');
		assertError(await admin.get('/units/xyz'), 404, 'not_found');
	});
});
