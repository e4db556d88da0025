// Names of the upper units (provinces, and 2024 districts) the user may see,
// loaded once per structure and session, so that search results can say
// where a commune is ("Phường Hòa Bình — Thành phố Hạ Long, Tỉnh Quảng Ninh").
import { api } from './api.js';

const cache = new Map(); // structure -> Promise<Map<code, unit>>

export function unitIndex(structure) {
	const s = Number(structure);
	if (!cache.has(s)) {
		const levels = s === 2024 ? ['province', 'district'] : ['province'];
		const p = Promise.all(levels.map((level) => api.get('/units', { structure: s, level, limit: 1000 })))
			.then((rs) => {
				const m = new Map();
				for (const r of rs) for (const u of r.items) m.set(u.code, u);
				return m;
			});
		p.catch(() => cache.delete(s));
		cache.set(s, p);
	}
	return cache.get(s);
}

/** Forget everything (the visible units change with the logged-in user). */
export function clearUnitIndex() {
	cache.clear();
}

/** "District, Province" above a unit, as far as the index knows. */
export function parentText(index, unit) {
	if (!index || !unit) return '';
	const names = [];
	let code = unit.parent_code;
	for (let i = 0; code && i < 3; i++) {
		const p = index.get(code);
		if (!p) break;
		names.push(p.name);
		code = p.parent_code;
	}
	return names.join(', ');
}
