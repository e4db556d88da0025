// Vietnamese labels of the codes of the reception and petition API
// (docs/API.md, "Citizen reception and petitions").  One place: every page
// takes its labels from here, so a wording change is one edit.

/** Label of `code` in `map`; the code itself when unknown, '' for none. */
export function label(map, code) {
	if (code === null || code === undefined || code === '') return '';
	return Object.prototype.hasOwnProperty.call(map, code) ? map[code] : String(code);
}

/** [{value, label}] of a label map, in its order. */
export const options = (map) => Object.keys(map).map((value) => ({ value, label: map[value] }));

/* Reception ------------------------------------------------------------ */

export const SESSION_KIND_LABELS = {
	regular: 'Thường xuyên',
	periodic: 'Định kỳ',
	ad_hoc: 'Đột xuất',
};

/** Handling direction of a visit (the register's columns 8–10). */
export const DIRECTION_LABELS = {
	accept: 'Thụ lý để giải quyết',
	guide_and_return: 'Trả lại đơn và hướng dẫn',
	forward: 'Chuyển đơn đến cơ quan có thẩm quyền',
	none: 'Không có đơn',
};

/** Direction of a petition (the outcome of handling it). */
export const PETITION_DIRECTION_LABELS = {
	accept: 'Thụ lý giải quyết',
	guide_and_return: 'Trả lại đơn và hướng dẫn',
	forward: 'Chuyển đơn đến cơ quan có thẩm quyền',
	archive: 'Lưu đơn',
	attach_to_existing: 'Gộp vào hồ sơ đang giải quyết',
	none: 'Chưa có hướng xử lý',
};

/** Short column heads of the register (Mẫu 03). */
export const DIRECTION_SHORT = {
	accept: 'Thụ lý giải quyết',
	guide_and_return: 'Trả lại đơn và hướng dẫn',
	forward: 'Chuyển đơn đến cơ quan có thẩm quyền',
};

/** Leaders' reception duty rules (R-TCD-11..16); the API also sends names. */
export const DUTY_RULE_LABELS = {
	'R-TCD-11': 'Chủ tịch UBND cấp tỉnh — 1 ngày/tháng',
	'R-TCD-12': 'Chủ tịch UBND cấp huyện (trước 01/7/2025) — 2 ngày/tháng',
	'R-TCD-13': 'Chủ tịch UBND cấp xã — 1 ngày/tuần',
	'R-TCD-14': 'Thủ trưởng cơ quan hành chính nhà nước — 1 ngày/tháng',
	'R-TCD-16-T': 'Người đứng đầu cấp ủy cấp tỉnh — 1 ngày/tháng',
	'R-TCD-16-X': 'Người đứng đầu cấp ủy cấp xã — 2 ngày/tháng',
};

export const DUTY_PER_LABELS = { week: 'tuần', month: 'tháng' };

export const WEEKDAY_LABELS = {
	1: 'Thứ Hai',
	2: 'Thứ Ba',
	3: 'Thứ Tư',
	4: 'Thứ Năm',
	5: 'Thứ Sáu',
	6: 'Thứ Bảy',
	7: 'Chủ nhật',
};

/** "week:3" → "Thứ Tư hằng tuần"; "month:15,25" → "Ngày 15, 25 hằng tháng". */
export function patternLabel(pattern) {
	const m = /^(week|month):(.+)$/.exec(pattern || '');
	if (!m) return pattern || '';
	if (m[1] === 'week') return `${WEEKDAY_LABELS[m[2]] || m[2]} hằng tuần`;
	return `Ngày ${m[2].split(',').join(', ')} hằng tháng`;
}

/* Petitions ------------------------------------------------------------ */

export const CLASSIFICATION_LABELS = {
	complaint: 'Khiếu nại',
	denunciation: 'Tố cáo',
	recommendation: 'Kiến nghị',
	reflection: 'Phản ánh',
	mixed: 'Nhiều nội dung',
};

export const ELIGIBILITY_LABELS = {
	eligible: 'Đủ điều kiện xử lý',
	ineligible_missing_identity: 'Không đủ điều kiện: thiếu họ tên, địa chỉ',
	ineligible_missing_signature: 'Không đủ điều kiện: không ký tên, điểm chỉ',
	ineligible_language: 'Không đủ điều kiện: không dùng tiếng Việt, không có bản dịch',
	ineligible_content_unclear: 'Không đủ điều kiện: nội dung không rõ',
	anonymous_verifiable: 'Nặc danh, có căn cứ kiểm tra',
	anonymous_archived: 'Nặc danh, lưu đơn',
};

export const SOURCE_LABELS = {
	visit: 'Qua tiếp công dân',
	post: 'Qua bưu chính',
	online: 'Trực tuyến',
	forwarded: 'Cơ quan khác chuyển đến',
};

/** Sources an officer records by hand (forwarded letters are made by the forward action). */
export const MANUAL_SOURCES = ['post', 'visit', 'online'];

export const STATUS_LABELS = {
	received: 'Đã tiếp nhận',
	accepted: 'Đã thụ lý, đang giải quyết',
	verifying: 'Đang xác minh',
	dialogue: 'Đang đối thoại',
	resolved: 'Đã có kết quả',
	returned: 'Đã trả lại và hướng dẫn',
	forwarded: 'Đã chuyển cơ quan có thẩm quyền',
	attached: 'Đơn trùng, gộp vào hồ sơ đang giải quyết',
	archived: 'Lưu đơn',
	withdrawn: 'Đã rút đơn',
};

/** Statuses in which a case is still being handled. */
export const OPEN_STATUSES = ['received', 'accepted', 'verifying', 'dialogue'];

/** Colour class of a status badge. */
export function statusTone(status) {
	if (status === 'resolved') return 'ok';
	if (OPEN_STATUSES.includes(status)) return 'open';
	return 'closed';
}

export const COMPLEXITY_LABELS = {
	normal: 'Thông thường',
	complex: 'Phức tạp',
	especially_complex: 'Đặc biệt phức tạp',
};

export const LEVEL_LABELS = {
	1: 'Lần đầu',
	2: 'Lần hai',
};

export const DUE_LABELS = {
	soon: 'Sắp đến hạn',
	overdue: 'Quá hạn',
};

/** Timeline event kinds (the actions, and what the server adds itself). */
export const EVENT_KIND_LABELS = {
	received: 'Tiếp nhận đơn',
	classify: 'Phân loại, xử lý đơn',
	accept: 'Thụ lý giải quyết',
	guide_and_return: 'Trả lại đơn và hướng dẫn',
	return: 'Trả lại đơn và hướng dẫn',
	archive: 'Lưu đơn',
	forward: 'Chuyển đơn',
	attach: 'Gộp vào hồ sơ đang giải quyết',
	duplicate_received: 'Nhận thêm đơn trùng nội dung',
	progress: 'Cập nhật tiến độ',
	extend: 'Gia hạn giải quyết',
	resolve: 'Có kết quả giải quyết',
	result_received: 'Nhận kết quả từ cơ quan được chuyển đơn',
	withdraw: 'Rút đơn',
	mass_case: 'Vụ việc đông người, phức tạp, kéo dài',
	assign: 'Giao người xử lý',
	attachment: 'Thêm tệp đính kèm',
	import: 'Nhập từ tệp',
};

/** Field groups of GET /petition-fields. */
export const FIELD_GROUP_LABELS = {
	administrative: 'Hành chính',
	justice: 'Tư pháp',
	party: 'Đảng',
	other: 'Khác',
};

/* Deadline rules, calendar ---------------------------------------------- */

export const RULE_STATUS_LABELS = {
	C: 'Đã xác nhận',
	U: 'Chưa xác nhận — có thể điều chỉnh',
	P: 'Đề xuất',
};

export const DAY_UNIT_LABELS = {
	calendar: 'ngày',
	working: 'ngày làm việc',
};

export const START_EVENT_LABELS = {
	received: 'Từ ngày nhận đơn',
	accepted: 'Từ ngày thụ lý',
	decided: 'Từ ngày có quyết định',
};

export const CALENDAR_KIND_LABELS = {
	holiday: 'Ngày lễ, Tết',
	compensation: 'Nghỉ bù',
	off: 'Nghỉ theo quyết định',
	work: 'Làm việc bù',
};

/* Settings ---------------------------------------------------------------- */

export const SETTING_LABELS = {
	mass_threshold: { label: 'Số người tối thiểu của đoàn đông người', hint: 'Lượt tiếp có từ chừng ấy người trở lên là đoàn đông người (mặc định 5).' },
	due_soon_days: { label: 'Báo “sắp đến hạn” trước (ngày làm việc)', hint: 'Số ngày làm việc trước hạn xử lý, giải quyết.' },
	report_cutoff_day: { label: 'Ngày chốt số liệu báo cáo', hint: 'Kỳ báo cáo tính từ ngày này của tháng trước (ví dụ 15 theo TT 01/2024); 0 = theo tháng dương lịch.' },
	public_submit_per_hour: { label: 'Số đơn gửi trực tuyến tối đa mỗi giờ (mỗi địa chỉ mạng)', hint: 'Chống gửi tràn lan từ trang công dân.' },
	public_track_per_10min: { label: 'Số lần tra cứu tối đa mỗi 10 phút (mỗi địa chỉ mạng)', hint: 'Chống dò mã tra cứu.' },
};

/* Statistics periods ------------------------------------------------------ */

export const PERIOD_KIND_LABELS = {
	year: 'Năm',
	H1: '6 tháng đầu năm',
	H2: '6 tháng cuối năm',
	'9M': '9 tháng đầu năm',
	quarter: 'Quý',
	month: 'Tháng',
};

export const QUARTER_LABELS = { 1: 'Quý I', 2: 'Quý II', 3: 'Quý III', 4: 'Quý IV' };
