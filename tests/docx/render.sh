#!/usr/bin/env bash
# render.sh - prove the DOCX writer's output opens: build the sample report
# (tests/docx/sample_report.c) in the state and the Party format, convert
# both with LibreOffice headless to PDF, then check with poppler-utils:
#   - page count and page sizes (A4 portrait, the annex A4 landscape);
#   - the text: header lines, number and symbol, place and date, figures
#     of the table, recipients, signature, escaped "<&>";
#   - no page number on page 1, "2" at the top of page 2 (R-VB-04);
#   - the fonts are Times New Roman or its metric twin Liberation Serif;
#   - page 1 as a grey image is not blank, with ink in both header blocks
#     (also written as PNG for a human to look at).
# Then the same for a periodic report of the demo data written by
# `danvan report` (issue 6).
# Output in tests/out/docx/ (or $OUT/docx).  Needs: libreoffice-writer-nogui,
# poppler-utils, fonts-liberation (scripts/deps.sh test).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
OUT=${OUT:-$PWD/tests/out}/docx
PAGES=4			# 3 portrait + 1 landscape annex, both regimes
pass=0
fail=0

ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$*"; }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$*"; }
check() {	# DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@"; then ok "$what"; else bad "$what"; fi
}

for t in soffice pdfinfo pdftotext pdftoppm pdffonts od awk; do
	command -v "$t" >/dev/null 2>&1 || {
		echo "render: $t not found (scripts/deps.sh test)" >&2
		echo "docx render: 0 passed, 1 failed"
		exit 1
	}
done

make -s build/docx-sample || { echo "docx render: 0 passed, 1 failed"; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT"
build/docx-sample "$OUT" || { echo "docx render: 0 passed, 1 failed"; exit 1; }

# A throw-away LibreOffice profile: nothing from ~/.config is used or kept.
PROFILE=$(mktemp -d /tmp/danvan-lo.XXXXXX)
trap 'rm -rf "$PROFILE"' EXIT
t0=$(date +%s%N)
timeout 180 soffice -env:UserInstallation="file://$PROFILE" --headless \
    --norestore --convert-to pdf --outdir "$OUT" \
    "$OUT/state.docx" "$OUT/party.docx" >"$OUT/soffice.log" 2>&1
rc=$?
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
echo "soffice: 2 documents in $ms ms (exit $rc)"
echo "$ms" >"$OUT/render-ms.txt"

# has / lacks TEXTFILE STRING: the text contains STRING (fixed string) or not.
has() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
# fonts_ok NAME...: at least one font, each Times New Roman or Liberation Serif.
fonts_ok() {
	[ $# -gt 0 ] && ! printf '%s\n' "$@" |
	    grep -qviE 'TimesNewRoman|Times-|LiberationSerif'
}

# ink PGM: print "dark total left_top right_top": pixels darker than 128,
# all of them and those in the top fifth, left and right half.
ink() {
	local f=$1 w h
	read -r w h < <(sed -n 2p "$f")
	tail -c $((w * h)) "$f" | od -An -v -tu1 |
	    awk -v w="$w" -v h="$h" '
		{ for (k = 1; k <= NF; k++) {
			if ($k < 128) {
				dark++
				y = int(i / w); x = i % w
				if (y < h / 5) { if (x < w / 2) lt++; else rt++ }
			}
			i++
		} }
		END { print dark + 0, i + 0, lt + 0, rt + 0 }'
}

for doc in state party; do
	pdf=$OUT/$doc.pdf
	if [ ! -s "$pdf" ]; then
		bad "$doc: LibreOffice wrote no PDF (see $OUT/soffice.log)"
		continue
	fi
	ok "$doc: converted to PDF"
	pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
	check "$doc: $PAGES pages (got $pages)" [ "$pages" = "$PAGES" ]
	sizes=$(pdfinfo -f 1 -l "$pages" "$pdf" | awk '/^Page +[0-9]+ size:/ {
	    printf "%s:%.0fx%.0f ", $2, $4, $6 }')
	want=""
	for ((p = 1; p < PAGES; p++)); do want+="$p:595x842 "; done
	want+="$PAGES:842x595 "
	check "$doc: A4 portrait, annex A4 landscape ($sizes)" \
	    [ "$sizes" = "$want" ]

	pdftotext -enc UTF-8 "$pdf" "$OUT/$doc.txt"
	txt=$OUT/$doc.txt
	common=("Phú Thọ, ngày 14 tháng 6 năm 2025" "BÁO CÁO"
	    "Kết quả công tác dân vận 6 tháng đầu năm và"
	    "I. KẾT QUẢ THỰC HIỆN" "tổ chức tiếp 3.146 lượt với 3.896 người"
	    "đạt 99,74%" "04 Hội nghị đối thoại" "3.146" "99,74%" "4.365"
	    "Ký hiệu <&> \"được\" giữ nguyên" "Nơi nhận:" "Phụ lục"
	    "Tổng cộng")
	if [ "$doc" = state ]; then
		own=("UBND TỈNH PHÚ THỌ" "ỦY BAN NHÂN DÂN" "PHƯỜNG VIỆT TRÌ"
		    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
		    "Độc lập - Tự do - Hạnh phúc" "Số: 15/BC-UBND"
		    "TM. ỦY BAN NHÂN DÂN" "CHỦ TỊCH" "Nguyễn Văn An"
		    "(Kèm theo Báo cáo số 15/BC-UBND ngày 14/6/2025)")
	else
		own=("TỈNH ỦY PHÚ THỌ" "BAN DÂN VẬN" "ĐẢNG CỘNG SẢN VIỆT NAM"
		    "Số 15-BC/BDVTU" "K/T TRƯỞNG BAN" "PHÓ TRƯỞNG BAN"
		    "Trần Thị Bình")
	fi
	for s in "${common[@]}" "${own[@]}"; do
		check "$doc: text \"$s\"" has "$txt" "$s"
	done
	if [ "$doc" = party ]; then
		check "$doc: no national title" lacks "$txt" "CỘNG HÒA XÃ HỘI"
	fi

	# R-VB-04: page 1 has no number, page 2 starts with "2"
	p1=$(pdftotext -f 1 -l 1 -enc UTF-8 "$pdf" - | sed -n '/[^[:space:]]/{p;q}')
	p2=$(pdftotext -f 2 -l 2 -enc UTF-8 "$pdf" - | sed -n '/[^[:space:]]/{p;q}')
	check "$doc: page 1 starts with the agency (\"$p1\")" \
	    [ "${p1#*[0-9]}" = "$p1" ]
	check "$doc: page 2 starts with its number (\"$p2\")" \
	    [ "$(echo "$p2" | tr -d '[:space:]')" = 2 ]

	mapfile -t fonts < <(pdffonts "$pdf" | awk 'NR > 2 {print $1}' | sort -u)
	check "$doc: Times New Roman or Liberation Serif only (${fonts[*]})" \
	    fonts_ok "${fonts[@]}"

	pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$pdf" "$OUT/$doc-page1"
	pdftoppm -gray -r 50 -f 1 -l 1 -singlefile "$pdf" "$OUT/$doc-page1"
	read -r dark total lt rt < <(ink "$OUT/$doc-page1.pgm")
	check "$doc: page 1 PNG written" [ -s "$OUT/$doc-page1.png" ]
	# a text page inks a few per cent of its pixels; blank is 0
	check "$doc: page 1 not blank ($dark of $total pixels dark)" \
	    awk -v d="$dark" -v t="$total" \
	    'BEGIN { exit !(t > 0 && d / t > 0.01 && d / t < 0.3) }'
	check "$doc: ink in both header blocks ($lt left, $rt right)" \
	    [ "$lt" -gt 200 -a "$rt" -gt 200 ]
done

# A periodic report of the demo data as `danvan report` writes it (issue 6):
# the same checks on a document built from recorded data.
DB=$OUT/demo.db
Y=$(date +%Y)
rm -f "$DB" "$DB.key"
if make -s bin/danvan && bin/danvan migrate --db "$DB" >/dev/null &&
    bin/danvan demo --db "$DB" >/dev/null &&
    bin/danvan report --db "$DB" --unit 25 --period "$Y" \
    --out "$OUT/report.docx" 2>"$OUT/report-warnings.txt"; then
	ok "report: danvan report wrote the DOCX"
	timeout 180 soffice -env:UserInstallation="file://$PROFILE" --headless \
	    --norestore --convert-to pdf --outdir "$OUT" "$OUT/report.docx" \
	    >>"$OUT/soffice.log" 2>&1
	if [ -s "$OUT/report.pdf" ]; then
		ok "report: converted to PDF"
		pdftotext -enc UTF-8 "$OUT/report.pdf" "$OUT/report.txt"
		for s in "ĐẢNG CỘNG SẢN VIỆT NAM" "ĐẢNG BỘ TỈNH PHÚ THỌ" \
		    "BAN TUYÊN GIÁO VÀ" "BÁO CÁO" "Số" "-BC/BTGDV" \
		    "Kết quả công tác dân vận năm $Y" "I. KẾT QUẢ THỰC HIỆN" \
		    "Hội nghị đối thoại" "Nơi nhận:" "Phụ lục" \
		    "Biểu số liệu công tác dân vận năm $Y"; do
			check "report: text \"$s\"" has "$OUT/report.txt" "$s"
		done
		sizes=$(pdfinfo -f 1 -l 1 "$OUT/report.pdf" | awk \
		    '/^Page +1 size:/ { printf "%.0fx%.0f", $4, $6 }')
		check "report: page 1 is A4 portrait ($sizes)" \
		    [ "$sizes" = 595x842 ]
		pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$OUT/report.pdf" \
		    "$OUT/report-page1"
		pdftoppm -gray -r 50 -f 1 -l 1 -singlefile "$OUT/report.pdf" \
		    "$OUT/report-page1"
		read -r dark total lt rt < <(ink "$OUT/report-page1.pgm")
		check "report: page 1 not blank ($dark of $total pixels dark)" \
		    awk -v d="$dark" -v t="$total" \
		    'BEGIN { exit !(t > 0 && d / t > 0.01 && d / t < 0.3) }'
	else
		bad "report: LibreOffice wrote no PDF (see $OUT/soffice.log)"
	fi
else
	bad "report: danvan migrate, demo or report failed"
fi

echo "docx render: $pass passed, $fail failed (LibreOffice $ms ms)"
[ "$fail" -eq 0 ]
