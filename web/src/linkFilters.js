// List filters carried in the address, for links from a figure to the records
// behind it (the indicators page): #/petitions?structure=2025&unit=25&
// unit_name=…&from=2024-12-15&to=2025-12-14 (or &year=2025).  A list page
// starts from its remembered filters with these laid over them.

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** "#/path?…" for a list page; unit {structure, code, name}, from/to days, year. */
export function listHref(path, { unit, from, to, year } = {}) {
	const sp = new URLSearchParams();
	if (unit) {
		sp.set('structure', String(unit.structure));
		sp.set('unit', unit.code);
		if (unit.name) sp.set('unit_name', unit.name);
	}
	if (from) sp.set('from', from);
	if (to) sp.set('to', to);
	if (year) sp.set('year', String(year));
	const s = sp.toString();
	return `#${path}${s ? `?${s}` : ''}`;
}

/**
 * base with the address filters laid over it (the same object when the
 * address has none).  keys: which of 'unit', 'days' (from, to), 'year' the
 * page has.
 */
export function withLinkFilters(query, base, keys = ['unit', 'days']) {
	if (!query) return base;
	const out = { ...base };
	let hit = false;
	const structure = Number(query.get('structure'));
	const code = query.get('unit');
	if (keys.includes('unit') && code && (structure === 2024 || structure === 2025)) {
		out.unit = { structure, code, name: query.get('unit_name') || code };
		hit = true;
	}
	if (keys.includes('days')) {
		const from = query.get('from');
		const to = query.get('to');
		if (from && DAY_RE.test(from)) { out.from = from; hit = true; }
		if (to && DAY_RE.test(to)) { out.to = to; hit = true; }
	}
	const year = query.get('year');
	if (keys.includes('year') && year && /^\d{4}$/.test(year)) { out.year = year; hit = true; }
	if (!hit) return base;
	if ('offset' in out) out.offset = 0;
	return out;
}
