// Organisations: CRUD, validation, Vietnamese order, diacritic-insensitive search, filters.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
	ISO_UTC, ORG_TYPES, assertError, assertOk, childrenOf, setup, sleep,
} from './fixtures.mjs';

describe('organisations', () => {
	let srv; let admin; let C1; let C2; let ref1; let ref2;
	before(async () => {
		({ srv, admin } = await setup());
		[C1, C2] = await childrenOf(admin, '25', { n: 2 });
		ref1 = { structure: 2025, code: C1.code };
		ref2 = { structure: 2025, code: C2.code };
	});
	after(async () => { await srv?.stop(); });

	it('create → 201 with the documented shape; get returns the same', async () => {
		const r = await admin.post('/organizations',
			{ name: 'Ban Dân vận Tỉnh ủy Hòa Bình', type: 'mass_mobilization_board', unit: { structure: 2024, code: '17' } });
		assertOk(r, 201);
		const o = r.body.organization;
		assert.deepEqual(Object.keys(r.body), ['organization']);
		assert.deepEqual(Object.keys(o).sort(), ['created_at', 'id', 'name', 'type', 'unit', 'updated_at']);
		assert.equal(typeof o.id, 'number');
		assert.equal(o.name, 'Ban Dân vận Tỉnh ủy Hòa Bình');
		assert.equal(o.type, 'mass_mobilization_board');
		assert.deepEqual(o.unit, { structure: 2024, code: '17', name: 'Tỉnh Hoà Bình' });
		assert.match(o.created_at, ISO_UTC);
		assert.match(o.updated_at, ISO_UTC);
		const now = Date.now();
		assert.ok(Math.abs(Date.parse(o.created_at) - now) < 5 * 60 * 1000, 'created_at is about now (UTC)');
		const g = assertOk(await admin.get(`/organizations/${o.id}`));
		assert.deepEqual(g.organization, o);
	});

	it('every type is accepted; others are rejected', async () => {
		for (const type of ORG_TYPES) {
			const o = assertOk(await admin.post('/organizations', { name: `Loại ${type}`, type, unit: ref2 }), 201).organization;
			assert.equal(o.type, type);
		}
		for (const type of ['', 'Cấp ủy', 'PARTY_COMMITTEE', 'club']) {
			assertError(await admin.post('/organizations', { name: 'Loại sai', type, unit: ref2 }), 400, 'invalid_field', 'type');
		}
		assertError(await admin.post('/organizations', { name: 'Loại sai', type: 3, unit: ref2 }), 400, 'invalid_field', 'type');
	});

	it('validation of name and unit', async () => {
		assertError(await admin.post('/organizations', { name: 'n'.repeat(201), type: 'agency', unit: ref1 }), 400, 'too_long', 'name');
		assertOk(await admin.post('/organizations', { name: 'n'.repeat(200), type: 'agency', unit: ref2 }), 201);
		const empty = await admin.post('/organizations', { name: '', type: 'agency', unit: ref1 });
		assertError(empty, 400);
		assert.equal(empty.body.error.field, 'name');
		for (const unit of [{ structure: 2025, code: '99999' }, { structure: 2026, code: '25' }, { structure: 2025 },
			{ code: '25' }, '25', { structure: 2025, code: '25', name: 'x' }, { structure: '2025', code: '25' }]) {
			const r = await admin.post('/organizations', { name: 'Đơn vị sai', type: 'agency', unit });
			assertError(r, 400);
			assert.match(r.body.error.field || '', /^unit/, `field for ${JSON.stringify(unit)}: ${r.text}`);
		}
		// A 2024 district code does not exist in 2025.
		assertError(await admin.post('/organizations', { name: 'Đơn vị sai', type: 'agency', unit: { structure: 2025, code: '148' } }), 400);
	});

	it('PATCH changes name and/or type; updated_at moves; unit cannot change', async () => {
		const o = assertOk(await admin.post('/organizations', { name: 'Tên cũ', type: 'agency', unit: ref1 }), 201).organization;
		await sleep(1100);
		const p = assertOk(await admin.patch(`/organizations/${o.id}`, { name: 'Tên mới' })).organization;
		assert.equal(p.name, 'Tên mới');
		assert.equal(p.type, 'agency');
		assert.deepEqual(p.unit, o.unit);
		assert.equal(p.created_at, o.created_at);
		assert.ok(Date.parse(p.updated_at) > Date.parse(o.updated_at), 'updated_at moves forward');
		const t = assertOk(await admin.patch(`/organizations/${o.id}`, { type: 'fatherland_front' })).organization;
		assert.equal(t.type, 'fatherland_front');
		assert.equal(t.name, 'Tên mới');
		const both = assertOk(await admin.patch(`/organizations/${o.id}`, { name: 'Mặt trận', type: 'people_committee' })).organization;
		assert.equal(both.name, 'Mặt trận');
		assert.equal(both.type, 'people_committee');
		assertError(await admin.patch(`/organizations/${o.id}`, { type: 'nope' }), 400, 'invalid_field', 'type');
		assertError(await admin.patch(`/organizations/${o.id}`, { name: 'x'.repeat(201) }), 400, 'too_long', 'name');
		assertError(await admin.patch(`/organizations/${o.id}`, { unit: ref2 }), 400, 'unknown_field', 'unit');
		assertError(await admin.patch(`/organizations/${o.id}`, { id: 5 }), 400, 'unknown_field', 'id');
		assert.deepEqual(assertOk(await admin.get(`/organizations/${o.id}`)).organization, both);
		assertError(await admin.patch('/organizations/999999', { name: 'Không có' }), 404, 'not_found');
	});

	it('DELETE → 200 {"status":"ok"}; then 404', async () => {
		const o = assertOk(await admin.post('/organizations', { name: 'Sẽ xóa', type: 'agency', unit: ref1 }), 201).organization;
		const r = assertOk(await admin.del(`/organizations/${o.id}`));
		assert.deepEqual(r, { status: 'ok' });
		assertError(await admin.get(`/organizations/${o.id}`), 404, 'not_found');
		assertError(await admin.del(`/organizations/${o.id}`), 404, 'not_found');
		assertError(await admin.patch(`/organizations/${o.id}`, { name: 'Ma' }), 404, 'not_found');
		const l = assertOk(await admin.get(`/organizations?structure=2025&unit=${C1.code}&limit=500`));
		assert.ok(!l.items.some((x) => x.id === o.id));
	});

	it('list is in Vietnamese alphabetical order of names', async () => {
		const expected = [
			'An Phú', 'Ăn Quả Nhớ Kẻ Trồng Cây', 'Âu Cơ', 'Bạch Đằng', 'Cấp ủy xã', 'Chi hội Cựu chiến binh',
			'Dân vận khéo', 'Đoàn Thanh niên', 'Em Bé', 'Ê Đê', 'Gia đình văn hóa', 'Hội Nông dân',
			'Ích Lợi', 'Khuyến học', 'Mặt trận Tổ quốc', 'Oanh Liệt', 'Ô Chợ Dừa', 'Ơn Nghĩa', 'Phụ nữ',
			'Quân sự', 'Uông Bí', 'Ưu tú', 'Văn nghệ', 'Yên Bình',
		];
		const shuffled = [...expected].sort((a, b) => (a.length * 7 + a.charCodeAt(1)) % 13 - (b.length * 7 + b.charCodeAt(1)) % 13);
		assert.notDeepEqual(shuffled, expected);
		for (const name of shuffled) {
			assertOk(await admin.post('/organizations', { name, type: 'mass_organization', unit: ref1 }), 201);
		}
		const l = assertOk(await admin.get(`/organizations?structure=2025&unit=${C1.code}&type=mass_organization&limit=500`));
		assert.deepEqual(l.items.map((o) => o.name), expected);
		assert.equal(l.total, expected.length);
		// Paging keeps that order.
		const p = assertOk(await admin.get(`/organizations?structure=2025&unit=${C1.code}&type=mass_organization&limit=5&offset=5`));
		assert.deepEqual(p.items.map((o) => o.name), expected.slice(5, 10));
		assert.equal(p.total, expected.length);
	});

	it('q ignores case, tone marks, their placement and đ/d', async () => {
		const a = assertOk(await admin.post('/organizations',
			{ name: 'Hội Liên hiệp Phụ nữ xã Hòa Bình', type: 'mass_organization', unit: ref2 }), 201).organization;
		const b = assertOk(await admin.post('/organizations',
			{ name: 'Đoàn Thanh niên phường Hoà Bình', type: 'mass_organization', unit: ref2 }), 201).organization;
		const c = assertOk(await admin.post('/organizations',
			{ name: 'Ủy ban nhân dân xã Tân Lập', type: 'people_committee', unit: ref2 }), 201).organization;
		const find = async (q) => assertOk(await admin.get(`/organizations?q=${encodeURIComponent(q)}&limit=500`)).items.map((o) => o.id);
		for (const q of ['hoa binh', 'Hòa Bình', 'Hoà Bình', 'HÒA BÌNH', 'hoà bình', 'Ho\u0300a Bi\u0300nh']) {
			const got = await find(q);
			assert.ok(got.includes(a.id) && got.includes(b.id), `q=${q}`);
			assert.ok(!got.includes(c.id), `q=${q} must not match ${c.name}`);
		}
		for (const q of ['doan thanh nien', 'ĐOÀN', 'đoàn thanh', 'Doan']) {
			const got = await find(q);
			assert.ok(got.includes(b.id), `q=${q}`);
			assert.ok(!got.includes(a.id), `q=${q} must not match ${a.name}`);
		}
		assert.ok((await find('phu nu')).includes(a.id));
		assert.ok((await find('uy ban nhan dan')).includes(c.id));
		assert.ok((await find('tan lap')).includes(c.id));
		assert.deepEqual(await find('không hề có tổ chức này'), []);
		// q combines with type.
		const t = assertOk(await admin.get(`/organizations?q=hoa%20binh&type=people_committee&limit=500`)).items;
		assert.ok(!t.some((o) => o.id === a.id || o.id === b.id));
	});

	it('filters: type, unit subtree, structure', async () => {
		const prov = assertOk(await admin.post('/organizations',
			{ name: 'Tỉnh ủy Phú Thọ', type: 'party_committee', unit: { structure: 2025, code: '25' } }), 201).organization;
		const com = assertOk(await admin.post('/organizations',
			{ name: 'Đảng ủy xã', type: 'party_committee', unit: ref2 }), 201).organization;
		const old = assertOk(await admin.post('/organizations',
			{ name: 'Huyện ủy cũ', type: 'party_committee', unit: { structure: 2024, code: '148' } }), 201).organization;
		const list = async (qs) => assertOk(await admin.get(`/organizations?${qs}&limit=500`));
		const byType = await list('type=party_committee');
		assert.ok(byType.items.every((o) => o.type === 'party_committee'));
		for (const o of [prov, com]) assert.ok(byType.items.some((x) => x.id === o.id));
		const sub = await list('structure=2025&unit=25');
		assert.ok(sub.items.some((x) => x.id === prov.id) && sub.items.some((x) => x.id === com.id), 'province subtree');
		assert.ok(!sub.items.some((x) => x.id === old.id), '2024 org not in 2025 subtree');
		const only = await list(`structure=2025&unit=${C2.code}`);
		assert.ok(only.items.some((x) => x.id === com.id));
		assert.ok(!only.items.some((x) => x.id === prov.id), 'a commune subtree excludes its province');
		assert.ok(only.items.every((o) => o.unit.code === C2.code && o.unit.structure === 2025));
		const s24 = await list('structure=2024&unit=17');
		assert.ok(s24.items.some((x) => x.id === old.id), 'unit 148 is in the subtree of 17');
		assert.ok(s24.items.every((o) => o.unit.structure === 2024));
		const all24 = await list('structure=2024');
		assert.ok(all24.items.every((o) => o.unit.structure === 2024));
		assert.ok(all24.items.some((x) => x.id === old.id));
		const r = await admin.get('/organizations?limit=2&offset=1');
		assertOk(r);
		assert.equal(r.body.items.length, 2);
		const r0 = assertOk(await admin.get('/organizations?limit=3'));
		assert.deepEqual(r.body.items, r0.items.slice(1, 3));
		assertError(await admin.get('/organizations?limit=501'), 400, 'invalid_param', 'limit');
		assertError(await admin.get('/organizations?type=nope'), 400, 'invalid_param', 'type');
	});
});
