-- 0010: periodic reports (issue 6; DOMAIN.md §11, §16).  A template is data
-- an administrator edits: header and closing defaults, the blocks of the
-- body (headings, paragraphs with placeholders, tables of indicators) and
-- the data cut-off day of its kind of report (R-BC-02/03: 15th to 14th).
CREATE TABLE report_templates (
	code		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	regime		TEXT NOT NULL,		-- state (NĐ 30/2020) | party (HD 36)
	cutoff_day	INTEGER NOT NULL,		-- 0 or 2..28
	type_name	TEXT NOT NULL,		-- "Báo cáo"
	type_abbr	TEXT NOT NULL,		-- "BC"
	abstract	TEXT NOT NULL,		-- trích yếu, with placeholders
	body		TEXT NOT NULL,		-- JSON: head, closing, blocks
	updated_at	INTEGER NOT NULL DEFAULT 0
);

-- A report: its content (JSON, the figures and texts as generated and as
-- edited) is what every format renders; issued content never changes.
CREATE TABLE reports (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	template	TEXT NOT NULL REFERENCES report_templates (code),
	org_id		INTEGER REFERENCES organizations (id),
	unit_structure	INTEGER NOT NULL,
	unit_code	TEXT NOT NULL,
	unit_path	TEXT NOT NULL,
	period		TEXT NOT NULL,
	cutoff_day	INTEGER NOT NULL,
	status		TEXT NOT NULL,		-- draft | issued
	content		TEXT NOT NULL,
	number		INTEGER,
	issued_day	TEXT,
	created_by	INTEGER,
	issued_by	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX reports_path ON reports (unit_structure, unit_path, period);

INSERT INTO report_templates (code, name, regime, cutoff_day, type_name,
	type_abbr, abstract, body) VALUES
	('dan_van', 'Báo cáo kết quả công tác dân vận (cơ quan Đảng)', 'party', 15, 'Báo cáo', 'BC', 'Kết quả công tác dân vận {period}', '{"head": {"parent": "Đảng bộ {unit}", "issuer": "Ban Tuyên giáo và Dân vận", "issuer_abbr": "BTGDV"}, "closing": {"recipients": ["- Ban Tuyên giáo và Dân vận Trung ương,", "- Thường trực cấp ủy,", "- Lưu Văn phòng."], "authority": "TM", "on_behalf": "Ban Thường vụ", "position": "Trưởng ban", "name": ""}, "blocks": [{"h1": "I. Kết quả thực hiện"}, {"h2": "1. Công tác lãnh đạo, chỉ đạo"}, {"p": "Trong {period}, cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội {unit_kind} tiếp tục quán triệt, triển khai các nghị quyết, chỉ thị, kết luận của Đảng về công tác dân vận; … (đơn vị bổ sung)."}, {"h2": "2. Công tác dân vận của cơ quan nhà nước, chính quyền"}, {"p": "Chỉ số cải cách hành chính (PAR Index) của {unit_kind} đạt {par_index}, xếp thứ {par_rank}; chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) đạt {sipas}, xếp thứ {sipas_rank}. Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt {admin_on_time_rate}."}, {"h2": "3. Tiếp công dân, đối thoại, giải quyết khiếu nại, tố cáo"}, {"p": "Các cơ quan, đơn vị đã tổ chức tiếp {reception_visits} lượt với {reception_persons} người đến trụ sở tiếp công dân để khiếu nại, tố cáo, kiến nghị, phản ánh ({reception_visits|change_yb}); có {mass_delegations|n2} đoàn đông người. Tiếp nhận {petitions_received} đơn thư, đã giải quyết {petitions_resolved} đơn, tỷ lệ giải quyết đúng hạn đạt {petitions_on_time_rate}. Có {mass_cases|n2} vụ việc đông người, phức tạp, kéo dài, đã giải quyết dứt điểm {mass_cases_settled}/{mass_cases} vụ việc."}, {"p": "Tổ chức {dialogues|n2} Hội nghị đối thoại với {dialogue_participants} người tham dự; tổng hợp {opinions} ý kiến, kiến nghị của Nhân dân."}, {"h2": "4. Phong trào thi đua \"Dân vận khéo\""}, {"p": "Toàn {unit_kind} có {dvk_models} mô hình \"Dân vận khéo\" được đăng ký trong {period}, {dvk_models|change_yb}."}, {"h2": "5. Công tác an sinh xã hội, xây dựng nông thôn mới"}, {"p": "Thăm hỏi, tặng quà cho {gift_visits} lượt gia đình chính sách, người có công với tổng kinh phí {gift_money|ty} tỷ đồng. Toàn {unit_kind} có {new_rural_communes} xã đạt chuẩn nông thôn mới, đạt {new_rural_rate} tổng số xã; {new_rural_advanced} xã đạt chuẩn nông thôn mới nâng cao, {new_rural_model|n2} xã đạt chuẩn nông thôn mới kiểu mẫu; có {ocop_products} sản phẩm OCOP, trong đó {ocop_4star} sản phẩm đạt 4 sao, {ocop_3star} sản phẩm đạt 3 sao."}, {"h2": "6. Công tác giám sát, phản biện xã hội của Mặt trận Tổ quốc và các đoàn thể"}, {"p": "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội đã tổ chức {supervisions|n2} cuộc giám sát đối với {supervised_communes}/{communes} xã, với {supervision_recommendations} kiến nghị; tham gia phản biện vào {criticism_drafts|n2} dự thảo văn bản (trong đó {criticism_drafts_district|n2} văn bản của cấp huyện, {criticism_drafts_commune|n2} văn bản cấp xã) với {criticism_comments} ý kiến; tổng hợp {party_building_opinions} ý kiến góp ý xây dựng Đảng, xây dựng chính quyền."}, {"h2": "7. Thực hiện dân chủ ở cơ sở"}, {"p": "Công khai {dc_disclosures} nội dung theo quy định; tổ chức {dc_votes} cuộc lấy ý kiến, biểu quyết của Nhân dân, {dc_votes_passed} nội dung được thông qua; qua hòm thư góp ý nhận {dc_box_letters} thư; có {dc_boards} Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng."}, {"h2": "8. Các phong trào, cuộc vận động; kiện toàn tổ chức"}, {"p": "Thăm hỏi, tặng quà {campaign_gift_visits} lượt, trị giá {campaign_gift_money|trieu} triệu đồng; hỗ trợ xây mới, sửa chữa nhà ở cho {campaign_houses} hộ; huy động {campaign_labour_days} ngày công, làm {campaign_road_km} km đường giao thông, nạo vét {campaign_canal_km} km kênh mương. Mặt trận Tổ quốc đã kiện toàn {front_chairs_filled|n2} chức danh chủ tịch, {front_vice_chairs_filled|n2} phó chủ tịch Mặt trận Tổ quốc xã."}, {"h1": "II. Đánh giá chung"}, {"p": "1. Ưu điểm: … (đơn vị bổ sung)."}, {"p": "2. Hạn chế, nguyên nhân: … (đơn vị bổ sung)."}, {"h1": "III. Phương hướng, nhiệm vụ thời gian tới"}, {"p": "… (đơn vị bổ sung)."}, {"h1": "IV. Đề xuất, kiến nghị"}, {"p": "… (đơn vị bổ sung)."}, {"table": {"title": "Biểu số liệu công tác dân vận {period}", "annex": true}}]}'),
	('tiep_cong_dan', 'Báo cáo công tác tiếp công dân, giải quyết khiếu nại, tố cáo (UBND)', 'state', 15, 'Báo cáo', 'BC', 'Kết quả công tác tiếp công dân, giải quyết khiếu nại, tố cáo {period}', '{"head": {"parent": "Ủy ban nhân dân {unit}", "issuer": "Ủy ban nhân dân {unit}", "issuer_abbr": "UBND"}, "closing": {"recipients": ["- Thanh tra Chính phủ;", "- Thường trực cấp ủy;", "- Lưu: VT."], "authority": "TM", "on_behalf": "Ủy ban nhân dân", "position": "Chủ tịch", "name": ""}, "blocks": [{"h1": "I. Kết quả công tác tiếp công dân"}, {"p": "Trong {period} (số liệu từ ngày {from} đến ngày {to}), các cơ quan hành chính trên địa bàn {unit_kind} đã tổ chức {reception_sessions} cuộc tiếp công dân, tiếp {reception_visits} lượt với {reception_persons} người ({reception_visits|change_prev}); có {mass_delegations|n2} đoàn đông người."}, {"h1": "II. Tiếp nhận, phân loại và xử lý đơn"}, {"p": "Tiếp nhận {petitions_received} đơn thư, đã giải quyết {petitions_resolved} đơn; tỷ lệ giải quyết đúng hạn đạt {petitions_on_time_rate}. Có {mass_cases|n2} vụ việc đông người, phức tạp, kéo dài, đã giải quyết dứt điểm {mass_cases_settled}/{mass_cases} vụ việc."}, {"table": {"title": "Kết quả tiếp công dân, xử lý đơn {period}", "annex": false, "codes": ["reception_sessions", "reception_visits", "reception_persons", "mass_delegations", "petitions_received", "petitions_resolved", "petitions_on_time_rate", "mass_cases", "mass_cases_settled"]}}, {"h1": "III. Đánh giá, nhận xét"}, {"p": "… (đơn vị bổ sung)."}, {"h1": "IV. Phương hướng, nhiệm vụ"}, {"p": "… (đơn vị bổ sung)."}]}');
