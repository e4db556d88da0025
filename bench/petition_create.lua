-- bench/petition_create.lua - wrk script for bench/petitions.sh: durable
-- petition creates, POST /api/v1/petitions.
--
--   wrk -t2 -c4 -d10s --latency -s bench/petition_create.lua URL/api/v1/petitions \
--       -- ORG_ID RECEIVED_DAY SESSION_COOKIE CSRF_TOKEN RUN_TAG
--
-- Every request is a valid create for organisation ORG_ID with its own
-- petitioner name (thread, run tag and a counter), so the duplicate check
-- (R-DON-08: same petitioner hash, open letters) finds nothing to compare
-- and the cost stays that of one create.  Counts the 201 answers and the
-- others; done() prints "created_201: N", "other_status: N" and
-- "created_per_thread: N N ..." (each wrk thread has its own connections).

local threads = {}
local subjects = {
	{ "recommendation", "construction", "Đường giao thông tổ dân phố",
	  "Kiến nghị sửa chữa tuyến đường nội bộ tổ dân phố bị xuống cấp, mùa mưa ngập úng." },
	{ "reflection", "environment", "Ô nhiễm tiếng ồn, khói bụi",
	  "Phản ánh cơ sở sản xuất gây tiếng ồn và khói bụi ảnh hưởng sinh hoạt của các hộ dân xung quanh." },
	{ "complaint", "land", "Quyết định thu hồi đất",
	  "Khiếu nại quyết định thu hồi đất vì diện tích bồi thường chưa đúng với thực tế sử dụng." },
}

function setup(thread)
	thread:set("tid", #threads + 1)
	table.insert(threads, thread)
end

function init(args)
	org, day, cookie, csrf, tag = args[1], args[2], args[3], args[4], args[5] or "r"
	counter = 0
	created = 0
	other = 0
	wrk.method = "POST"
	wrk.headers["Content-Type"] = "application/json"
	wrk.headers["Cookie"] = "danvan_session=" .. cookie
	wrk.headers["X-CSRF-Token"] = csrf
end

function request()
	counter = counter + 1
	local s = subjects[counter % #subjects + 1]
	local body = string.format(
		'{"org_id":%s,"source":"post","received_day":"%s",' ..
		'"petitioner_name":"Nguyễn Văn Thử %s-%d-%d",' ..
		'"petitioner_address":"Tổ dân phố %d, phường Hòa Bình",' ..
		'"subject":"%s","content":"%s","classification":"%s","field":"%s"}',
		org, day, tag, tid, counter, counter % 30 + 1, s[3], s[4], s[1], s[2])
	return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
	if status == 201 then
		created = created + 1
	else
		other = other + 1
		if other <= 3 then
			io.stderr:write("status " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
		end
	end
end

function done(summary, latency, requests)
	local c, o, per = 0, 0, {}
	for _, t in ipairs(threads) do
		c = c + (t:get("created") or 0)
		o = o + (t:get("other") or 0)
		table.insert(per, tostring(t:get("created") or 0))
	end
	io.write(string.format("created_201: %d\nother_status: %d\n", c, o))
	-- with several threads: how evenly the writers got the database
	io.write("created_per_thread: " .. table.concat(per, " ") .. "\n")
end
