// Vietnamese labels and formatting (dates in Asia/Ho_Chi_Minh, numbers vi-VN).

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const ROLE_LABELS = {
	sysadmin: 'Quản trị hệ thống',
	unit_admin: 'Quản trị đơn vị',
	leader: 'Lãnh đạo',
	officer: 'Cán bộ',
	viewer: 'Xem báo cáo',
};
export const ROLES = ['sysadmin', 'unit_admin', 'leader', 'officer', 'viewer'];

export const ORG_TYPE_LABELS = {
	party_committee: 'Cấp ủy',
	mass_mobilization_board: 'Ban Dân vận / Ban Tuyên giáo và Dân vận',
	people_committee: 'Ủy ban nhân dân',
	fatherland_front: 'Mặt trận Tổ quốc',
	mass_organization: 'Đoàn thể chính trị - xã hội',
	agency: 'Cơ quan khác',
};
export const ORG_TYPES = Object.keys(ORG_TYPE_LABELS);

export const LEVEL_LABELS = {
	province: 'Cấp tỉnh',
	district: 'Cấp huyện',
	commune: 'Cấp xã',
};

export const STRUCTURES = [
	{ value: 2025, label: 'Cơ cấu 2 cấp (từ 01/7/2025)', short: 'cơ cấu 2025' },
	{ value: 2024, label: 'Cơ cấu 3 cấp (trước 01/7/2025)', short: 'cơ cấu 2024' },
];

/** Values map of the structure numbers (for exports). */
export const STRUCTURE_LABELS = Object.fromEntries(STRUCTURES.map((x) => [x.value, x.label]));

export function structureShort(s) {
	const f = STRUCTURES.find((x) => x.value === Number(s));
	return f ? f.short : `cơ cấu ${s}`;
}

export const AUDIT_ACTION_LABELS = {
	create: 'Tạo mới',
	update: 'Cập nhật',
	delete: 'Xoá',
	login: 'Đăng nhập',
	logout: 'Đăng xuất',
	password: 'Đổi mật khẩu',
};

export const AUDIT_ENTITY_LABELS = {
	user: 'Người dùng',
	organization: 'Tổ chức',
	session: 'Phiên đăng nhập',
};

export const FIELD_LABELS = {
	id: 'Mã số',
	username: 'Tên đăng nhập',
	full_name: 'Họ và tên',
	role: 'Vai trò',
	unit: 'Đơn vị',
	disabled: 'Bị khoá',
	name: 'Tên',
	type: 'Loại',
	created_at: 'Ngày tạo',
	updated_at: 'Ngày cập nhật',
	password: 'Mật khẩu',
};

export const roleLabel = (r) => ROLE_LABELS[r] || r || '';
export const orgTypeLabel = (t) => ORG_TYPE_LABELS[t] || t || '';
export const levelLabel = (l) => LEVEL_LABELS[l] || l || '';

/* Numbers ------------------------------------------------------------ */

const numberFmt = new Intl.NumberFormat('vi-VN');
const percentFmt = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 2 });

export const formatNumber = (n) => numberFmt.format(Number(n) || 0);
export const formatPercent = (x) => percentFmt.format(Number(x) || 0);

/* Dates -------------------------------------------------------------- */

const dtFmt = new Intl.DateTimeFormat('vi-VN', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
	numberingSystem: 'latn',
});

function dateParts(value) {
	const d = value instanceof Date ? value : new Date(value);
	if (Number.isNaN(d.getTime())) return null;
	const p = {};
	for (const part of dtFmt.formatToParts(d)) p[part.type] = part.value;
	return p;
}

/** dd/mm/yyyy */
export function formatDate(value) {
	const p = value ? dateParts(value) : null;
	return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** dd/mm/yyyy HH:MM (or HH:MM:SS with seconds) */
export function formatDateTime(value, withSeconds = false) {
	const p = value ? dateParts(value) : null;
	if (!p) return '';
	const t = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
	return `${p.day}/${p.month}/${p.year} ${t}`;
}

/**
 * Parse a date typed as dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy)
 * into YYYY-MM-DD.  Returns '' for empty input and null when invalid.
 */
export function parseViDate(text) {
	const s = (text || '').trim();
	if (!s) return '';
	const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
	if (!m) return null;
	const day = Number(m[1]);
	const month = Number(m[2]);
	const year = Number(m[3]);
	const d = new Date(Date.UTC(year, month - 1, day));
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
	return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/* Roles -------------------------------------------------------------- */

/** sysadmin and unit_admin manage users, organisations and see the audit log. */
export const isAdmin = (user) => !!user && (user.role === 'sysadmin' || user.role === 'unit_admin');

/* Routing ------------------------------------------------------------ */

export function navigate(path) {
	if (window.location.hash !== `#${path}`) window.location.hash = `#${path}`;
}

/* Legal days ("YYYY-MM-DD", no time zone) -------------------------------- */

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-07-01" → "01/07/2025" ('' for empty, the text itself when not a day). */
export function formatDay(day) {
	if (!day) return '';
	const m = DAY_RE.exec(String(day));
	return m ? `${m[3]}/${m[2]}/${m[1]}` : String(day);
}

/** Today in Vietnam as "YYYY-MM-DD". */
export function todayDay() {
	const p = dateParts(new Date());
	return `${p.year}-${p.month}-${p.day}`;
}

function dayNumber(day) {
	const m = DAY_RE.exec(String(day || ''));
	return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000 : NaN;
}

/** Calendar days from a to b (b - a); NaN when either is not a day. */
export function dayDiff(a, b) {
	return dayNumber(b) - dayNumber(a);
}

/**
 * Time left until a due day, in calendar days, from today in Vietnam:
 * {days, text, tone} with text "còn 3 ngày", "hạn hôm nay", "quá hạn 2 ngày".
 */
export function dueInfo(due, today = todayDay()) {
	const d = dayDiff(today, due);
	if (!Number.isFinite(d)) return null;
	if (d > 0) return { days: d, text: `còn ${formatNumber(d)} ngày`, tone: d <= 5 ? 'soon' : 'ok' };
	if (d === 0) return { days: 0, text: 'hạn cuối là hôm nay', tone: 'soon' };
	return { days: d, text: `quá hạn ${formatNumber(-d)} ngày`, tone: 'late' };
}

/** A percentage as the API sends it (99.74) → "99,74%"; '—' for null. */
export function formatRate(x) {
	if (x === null || x === undefined || x === '' || !Number.isFinite(Number(x))) return '—';
	return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(Number(x))}%`;
}

/** Bytes as "1,5 MB". */
export function formatBytes(n) {
	const v = Number(n) || 0;
	if (v < 1024) return `${formatNumber(v)} byte`;
	const f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
	if (v < 1024 * 1024) return `${f.format(v / 1024)} KB`;
	return `${f.format(v / (1024 * 1024))} MB`;
}
