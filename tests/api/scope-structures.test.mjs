// Scope across the 1 July 2025 reform: users of a 2025 unit see the records of
// the 2024 units that became part of it (through the old→new mapping), and
// only when every part of the old unit went into their subtree.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, assertOk, makeUser, setup } from './fixtures.mjs';

describe('scope across the 2024 and 2025 structures', () => {
	let srv; let admin; let province; let ward; let otherProvince; let partialOfficer;
	let org17; let org148; let org04795; let org01; let orgPartial;
	const partial = {}; // an old commune split over several new communes

	before(async () => {
		({ srv, admin } = await setup());
		// 2025 Phú Thọ (25) took in old Hòa Bình (17); 2025 Phường Hòa Bình (04795)
		// took in all of old Phường Thịnh Lang (04795) and its neighbours.
		province = await makeUser(srv.url, admin, { role: 'unit_admin', unit: { structure: 2025, code: '25' }, username: 'cross.p25' });
		ward = await makeUser(srv.url, admin, { role: 'officer', unit: { structure: 2025, code: '04795' }, username: 'cross.w04795' });
		otherProvince = await makeUser(srv.url, admin, { role: 'unit_admin', unit: { structure: 2025, code: '01' }, username: 'cross.p01' });
		const mk = async (name, structure, code) => assertOk(await admin.post('/organizations',
			{ name, type: 'agency', unit: { structure, code } }), 201).organization;
		org17 = await mk('Cơ quan tỉnh Hòa Bình cũ', 2024, '17');
		org148 = await mk('Cơ quan thành phố Hòa Bình cũ', 2024, '148');
		org04795 = await mk('Cơ quan phường Thịnh Lang cũ', 2024, '04795');
		org01 = await mk('Cơ quan Hà Nội cũ', 2024, '01');
		// Find an old commune of Phú Thọ's area mapped partially to two new communes.
		const detail = assertOk(await admin.get('/units/25?structure=2025'));
		assert.ok(detail.predecessors.some((p) => p.code === '17'));
		// 04891 (old Hòa Bình) was split over new communes 04828 and 04891.
		const u = assertOk(await admin.get('/units/04891?structure=2024'));
		assert.ok(u.successors.length > 1 && u.successors.every((x) => x.type === 'partial'));
		partial.code = '04891';
		partial.successors = u.successors.map((x) => x.code);
		{
			orgPartial = await mk('Cơ quan xã tách đôi', 2024, partial.code);
			partialOfficer = await makeUser(srv.url, admin, { role: 'officer',
				unit: { structure: 2025, code: partial.successors[0] }, username: 'cross.partial' });
		}
	});
	after(async () => { await srv?.stop(); });

	const ids = (r) => assertOk(r).items.map((x) => x.id);

	it('a 2025 province sees the records of the old provinces it took in', async () => {
		const seen = ids(await province.api.get('/organizations?limit=500'));
		for (const o of [org17, org148, org04795]) assert.ok(seen.includes(o.id), `sees ${o.name}`);
		assert.ok(!seen.includes(org01.id));
		assertOk(await province.api.get(`/organizations/${org148.id}`));
		assertError(await otherProvince.api.get(`/organizations/${org148.id}`), 404, 'not_found');
		assert.ok(ids(await otherProvince.api.get('/organizations?limit=500')).includes(org01.id));
	});

	it('a 2025 ward sees its old wards but not the old city or province above it', async () => {
		const seen = ids(await ward.api.get('/organizations?limit=500'));
		assert.ok(seen.includes(org04795.id));
		assert.ok(!seen.includes(org148.id));
		assert.ok(!seen.includes(org17.id));
		assertError(await ward.api.get(`/organizations/${org17.id}`), 404, 'not_found');
	});

	it('an old commune split between new communes belongs to neither alone', async () => {
		assert.ok(!ids(await partialOfficer.api.get('/organizations?limit=500')).includes(orgPartial.id));
		assert.ok(ids(await province.api.get('/organizations?limit=500')).includes(orgPartial.id));
	});

	it('the 2024 unit tree of a 2025 user starts at the old units inside its scope', async () => {
		const top = assertOk(await province.api.get('/units?structure=2024'));
		assert.deepEqual(top.items.map((u) => u.code).sort(), ['17', '25', '26']);
		const wardTop = assertOk(await ward.api.get('/units?structure=2024&limit=100'));
		assert.ok(wardTop.items.length >= 1);
		assert.ok(wardTop.items.every((u) => u.level === 'commune' && u.parent_code === '148'));
		assert.ok(wardTop.items.some((u) => u.code === '04795'));
		assertOk(await ward.api.get('/units/04795?structure=2024'));
		assertError(await ward.api.get('/units/148?structure=2024'), 404, 'not_found');
	});

	it('writes follow the same rule', async () => {
		assertOk(await province.api.post('/organizations',
			{ name: 'Cơ quan mới ở huyện cũ', type: 'agency', unit: { structure: 2024, code: '148' } }), 201);
		assertError(await otherProvince.api.post('/organizations',
			{ name: 'Ngoài phạm vi', type: 'agency', unit: { structure: 2024, code: '148' } }), 403, 'forbidden', 'unit');
	});
});
