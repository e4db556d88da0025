-- 0013: more rules of grassroots democracy as data (DOMAIN.md §7): the
-- time limits of village conventions (R-DC-18), of the election after a
-- village head is dismissed (R-DC-20) and of the notice of a village
-- conference (R-DC-22) as deadline_rules rows; the days they count from
-- on the votes; the term of the village heads that a commune TTND board
-- shares (R-DC-51) and the validity of the board rules by the day the
-- board's term starts, so the pre-2023 numbers (R-DC-56, NĐ 159/2016)
-- apply to historic boards only; the months household consents to a
-- citizen's initiative stay valid (R-DC-21).  0007 is already applied:
-- new columns, tables and rows only.

-- Minimum periods (R-DC-18 posting, R-DC-22 notice) count calendar days
-- without moving to a working day; the due days (R-DC-18-hs, R-DC-20) are
-- counted like every deadline (core/calendar.h).
INSERT INTO deadline_rules VALUES
	('R-DC-18', 'Niêm yết dự thảo hương ước, quy ước tối thiểu trước ngày biểu quyết', 'decided', 30, NULL, NULL, NULL, NULL, 'calendar', 'C', 'NĐ 61/2023 Điều 9', 0),
	('R-DC-18-hs', 'Gửi hồ sơ đề nghị công nhận hương ước, quy ước đến UBND xã sau hội nghị hoặc kết thúc phát phiếu', 'decided', 5, NULL, NULL, NULL, NULL, 'working', 'C', 'NĐ 61/2023', 0),
	('R-DC-20', 'Tổ chức bầu trưởng thôn, tổ trưởng tổ dân phố mới kể từ ngày công nhận kết quả cho thôi làm', 'decided', 60, NULL, NULL, NULL, NULL, 'calendar', 'C', 'NĐ 59/2023', 0),
	('R-DC-22', 'Thông báo hội nghị thôn, tổ dân phố định kỳ đến hộ gia đình tối thiểu trước ngày họp', 'decided', 5, NULL, NULL, NULL, NULL, 'calendar', 'C', 'NĐ 59/2023 Điều 11', 0);

-- The days a vote's checks count from, all optional:
--   posted_day: the draft convention was posted (R-DC-18);
--   sent_day: the recognition dossier went to the commune committee;
--   notice_day: households were notified of the conference (R-DC-22);
--   recognized_day: the commune committee recognised the result, for a
--     dismissal of a village head the day R-DC-20 counts from;
--   action: elect | dismiss (matters village_head, board_members).
ALTER TABLE dc_votes ADD COLUMN posted_day TEXT;
ALTER TABLE dc_votes ADD COLUMN sent_day TEXT;
ALTER TABLE dc_votes ADD COLUMN notice_day TEXT;
ALTER TABLE dc_votes ADD COLUMN recognized_day TEXT;
ALTER TABLE dc_votes ADD COLUMN action TEXT;

-- A board rule applies to boards whose term starts on or after valid_from
-- and before valid_to (NULL: no bound).  heads_term_start/_end: the term
-- of the village and residential-group heads (check same_term, R-DC-51);
-- NULL until an administrator records it.
ALTER TABLE dc_board_rules ADD COLUMN valid_from TEXT;
ALTER TABLE dc_board_rules ADD COLUMN valid_to TEXT;
ALTER TABLE dc_board_rules ADD COLUMN heads_term_start TEXT;
ALTER TABLE dc_board_rules ADD COLUMN heads_term_end TEXT;

-- Luật THDCCS 2022 is in force from 2023-07-01.
UPDATE dc_board_rules SET valid_from = '2023-07-01'
	WHERE id IN ('R-DC-50', 'R-DC-52');
INSERT INTO dc_board_rules (id, board_kind, check_kind, value, value2, name,
	status, source, updated_at, valid_from, valid_to) VALUES
	('R-DC-51', 'ttnd_commune', 'same_term', 0, NULL, 'Nhiệm kỳ Ban TTND xã bằng nhiệm kỳ của trưởng thôn, tổ trưởng tổ dân phố', 'C', 'Luật THDCCS Điều 36 k2', 0, '2023-07-01', NULL),
	('R-DC-56', 'ttnd_commune', 'members_between', 5, 11, 'Ban TTND xã nhiệm kỳ trước 01/7/2023 (NĐ 159/2016) có từ 5 đến 11 thành viên', 'C', 'NĐ 159/2016', 0, NULL, '2023-07-01');

-- R-DC-21: a citizen's initiative (sáng kiến) is a consultation of the
-- households (no threshold row: its outcome is not_applicable); consents
-- are valid for a number of months, counted from consent_day (the first
-- consent collected) to the vote day.  Periods in months are rows of
-- dc_period_rules (deadline_rules count days).
INSERT INTO dc_matters VALUES
	('initiative', 'Sáng kiến của công dân (lấy ý kiến đồng ý của hộ gia đình)', 85);
ALTER TABLE dc_votes ADD COLUMN consent_day TEXT;
CREATE TABLE dc_period_rules (
	id		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	months		INTEGER NOT NULL,
	status		TEXT NOT NULL,
	source		TEXT NOT NULL,
	updated_at	INTEGER NOT NULL
);
INSERT INTO dc_period_rules VALUES
	('R-DC-21', 'Ý kiến đồng ý của hộ gia đình đối với sáng kiến có giá trị trong', 3, 'C', 'Luật THDCCS 2022', 0);
