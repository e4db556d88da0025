-- 0012: more indicators the reference reports quote (issue 6 acceptance):
-- the mass cases still open ("còn 07 vụ đang tiếp tục tập trung giải quyết"),
-- dialogues by the level of the organisation ("cấp huyện 09 cuộc, cấp xã 52").
INSERT INTO indicators (code, name, measure, rollup, source, compute,
	numerator, denominator, scale, weight, cond_indicator, cond_op,
	cond_value, decimals, target, section, sort) VALUES
	('mass_cases_open', 'Vụ việc đông người còn đang giải quyết', 'vụ việc',
	 'sum', 'computed', 'petitions:mass_cases.open', NULL, NULL, 1, NULL,
	 NULL, NULL, NULL, 0, NULL, 'Tiếp công dân, giải quyết khiếu nại, tố cáo',
	 95),
	('dialogues_district', 'Hội nghị đối thoại cấp huyện', 'hội nghị', 'sum',
	 'computed', 'dialogues:dialogues.by_level.district', NULL, NULL, 1, NULL,
	 NULL, NULL, NULL, 0, NULL, 'Đối thoại, ý kiến Nhân dân', 112),
	('dialogues_commune', 'Hội nghị đối thoại cấp xã', 'hội nghị', 'sum',
	 'computed', 'dialogues:dialogues.by_level.commune', NULL, NULL, 1, NULL,
	 NULL, NULL, NULL, 0, NULL, 'Đối thoại, ý kiến Nhân dân', 114);
