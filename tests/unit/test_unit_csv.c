/*
 * test_unit_csv.c - domain/unit.h: validating units CSV files of both
 * structures (small inline files and the real embedded ones) and the
 * unit name sort key.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/embed.h"
#include "core/err.h"
#include "core/text.h"
#include "domain/unit.h"

#define HDR	"code,name,level,parent_code\n"

/* A valid 2024 set: two provinces, three districts, four communes. */
static const char CSV_2024[] =
    HDR
    "01,Thành phố Hà Nội,province,\n"
    "001,Quận Ba Đình,district,01\n"
    "00001,Phường Phúc Xá,commune,001\n"
    "00004,Phường Trúc Bạch,commune,001\n"
    "002,Quận Hoàn Kiếm,district,01\n"
    "00037,Phường Phúc Tân,commune,002\n"
    "17,Tỉnh Hoà Bình,province,\n"
    "148,Thành phố Hòa Bình,district,17\n"
    "04765,\"Phường Đồng Tiến\",commune,148\n";

/* A valid 2025 set: two provinces, three communes. */
static const char CSV_2025[] =
    HDR
    "25,Tỉnh Phú Thọ,province,\n"
    "04789,Phường Hòa Bình,commune,25\n"
    "79,Thành phố Hồ Chí Minh,province,\n"
    "26734,Phường Tân Định,commune,79\n"
    "26740,\"Phường Sài Gòn\",commune,79\n";

struct parsed {
	struct unit_set	set;
	struct err	e;
	int		rc;
};

static void
parse(struct parsed *p, const char *csv, int structure)
{
	memset(p, 0, sizeof(*p));
	p->rc = unit_csv_parse(csv, strlen(csv), structure, &p->set, &p->e);
}

static const struct unit_row *
find(const struct unit_set *s, const char *code)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->rows[i].code, code) == 0)
			return &s->rows[i];
	return NULL;
}

static void
assert_row(const struct unit_set *s, const char *code, const char *name,
    const char *level, const char *parent)
{
	const struct unit_row *r = find(s, code);

	if (r == NULL)
		print_error("unit %s missing\n", code);
	assert_non_null(r);
	assert_string_equal(r->name, name);
	assert_string_equal(r->level, level);
	assert_string_equal(r->parent, parent);
}

/* Parse must fail with ERR_INVAL / invalid_csv; msg must contain want
 * (a line reference such as "dòng 3:" or a unit code), field must be
 * want_field (NULL: no field). */
static void
assert_rejects(const char *csv, int structure, const char *want,
    const char *want_field)
{
	struct parsed p;

	parse(&p, csv, structure);
	if (p.rc == 0 || strstr(p.e.msg, want) == NULL)
		print_error("rc=%d msg=\"%s\", want \"%s\"\n", p.rc, p.e.msg,
		    want);
	assert_int_equal(p.rc, ERR_INVAL);
	assert_int_equal(p.e.code, ERR_INVAL);
	assert_non_null(p.e.api_code);
	assert_string_equal(p.e.api_code, "invalid_csv");
	assert_non_null(strstr(p.e.msg, want));
	if (want_field == NULL)
		assert_null(p.e.field);
	else {
		assert_non_null(p.e.field);
		assert_string_equal(p.e.field, want_field);
	}
	/* release is required and safe after an error */
	unit_set_release(&p.set);
	assert_int_equal(p.set.n, 0);
	assert_null(p.set.rows);
}

/* ---- valid sets ---- */

static void
test_valid_2024(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, CSV_2024, 2024);
	if (p.rc != 0)
		print_error("%s\n", p.e.msg);
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.set.structure, 2024);
	assert_int_equal(p.set.n, 9);
	assert_row(&p.set, "01", "Thành phố Hà Nội", "province", "");
	assert_row(&p.set, "001", "Quận Ba Đình", "district", "01");
	assert_row(&p.set, "00001", "Phường Phúc Xá", "commune", "001");
	assert_row(&p.set, "17", "Tỉnh Hoà Bình", "province", "");
	assert_row(&p.set, "148", "Thành phố Hòa Bình", "district", "17");
	/* quotes are CSV syntax, not part of the name */
	assert_row(&p.set, "04765", "Phường Đồng Tiến", "commune", "148");
	/* rows come back ordered by code */
	for (size_t i = 1; i < p.set.n; i++)
		assert_true(strcmp(p.set.rows[i - 1].code,
		    p.set.rows[i].code) < 0);
	unit_set_release(&p.set);
	assert_int_equal(p.set.n, 0);
	assert_null(p.set.rows);
	unit_set_release(&p.set);		/* twice is harmless */
}

static void
test_valid_2025(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, CSV_2025, 2025);
	if (p.rc != 0)
		print_error("%s\n", p.e.msg);
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.set.structure, 2025);
	assert_int_equal(p.set.n, 5);
	assert_row(&p.set, "25", "Tỉnh Phú Thọ", "province", "");
	assert_row(&p.set, "04789", "Phường Hòa Bình", "commune", "25");
	assert_row(&p.set, "26740", "Phường Sài Gòn", "commune", "79");
	unit_set_release(&p.set);
}

static void
test_valid_variants(void **state)
{
	struct parsed p;

	(void)state;
	/* a byte-order mark before the header */
	parse(&p, "\xef\xbb\xbf" "code,name,level,parent_code\n01,Hà Nội,"
	    "province,\n", 2025);
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.set.n, 1);
	unit_set_release(&p.set);

	/* CRLF line ends, no final line end */
	parse(&p, "code,name,level,parent_code\r\n01,Hà Nội,province,\r\n"
	    "00004,Ba Đình,commune,01", 2025);
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.set.n, 2);
	assert_row(&p.set, "00004", "Ba Đình", "commune", "01");
	unit_set_release(&p.set);

	/* a decomposed (NFD) name is stored as NFC */
	parse(&p, HDR "17,Ho\xcc\x80""a Bi\xcc\x80nh,province,\n", 2024);
	assert_int_equal(p.rc, 0);
	assert_row(&p.set, "17", "Hòa Bình", "province", "");
	unit_set_release(&p.set);

	/* quoted fields with doubled quotes and commas inside the name */
	parse(&p, HDR "01,\"Hà Nội, \"\"thủ đô\"\"\",\"province\",\"\"\n",
	    2025);
	assert_int_equal(p.rc, 0);
	assert_row(&p.set, "01", "Hà Nội, \"thủ đô\"", "province", "");
	unit_set_release(&p.set);

	/* the parent may be listed after the child */
	parse(&p, HDR "00004,Ba Đình,commune,01\n01,Hà Nội,province,\n", 2025);
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.set.n, 2);
	unit_set_release(&p.set);

	/* a name of exactly 200 bytes is accepted */
	{
		char csv[512], name[201];

		memset(name, 'a', 200);
		name[200] = '\0';
		snprintf(csv, sizeof(csv), HDR "01,%s,province,\n", name);
		parse(&p, csv, 2025);
		assert_int_equal(p.rc, 0);
		unit_set_release(&p.set);
	}
}

/* ---- errors, each naming where ---- */

static void
test_bad_header(void **state)
{
	(void)state;
	assert_rejects("code,name,level,parent\n01,X,province,\n", 2024,
	    "dòng 1:", NULL);
	assert_rejects("name,code,level,parent_code\n01,X,province,\n", 2024,
	    "dòng 1:", NULL);
	assert_rejects("code,name,level\n01,X,province\n", 2025, "dòng 1:",
	    NULL);
	assert_rejects("code,name,level,parent_code,extra\n01,X,province,,\n",
	    2025, "dòng 1:", NULL);
	assert_rejects("Code,Name,Level,Parent_code\n01,X,province,\n", 2025,
	    "dòng 1:", NULL);
	/* a byte-order mark (Excel's "CSV UTF-8") is skipped, once */
	assert_rejects("\xef\xbb\xbf\xef\xbb\xbf" HDR "01,X,province,\n", 2025,
	    "dòng 1:", NULL);
	/* no header at all: the first data row is taken as the header */
	assert_rejects("01,X,province,\n", 2025, "dòng 1:", NULL);
}

static void
test_empty(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "", 2025);
	assert_int_equal(p.rc, ERR_INVAL);
	unit_set_release(&p.set);
	parse(&p, HDR, 2025);
	assert_int_equal(p.rc, ERR_INVAL);
	assert_string_equal(p.e.api_code, "invalid_csv");
	unit_set_release(&p.set);
}

static void
test_wrong_columns(void **state)
{
	(void)state;
	assert_rejects(HDR "01,X,province,\n02,Y,province\n", 2025, "dòng 3:",
	    NULL);
	assert_rejects(HDR "01,X,province,,\n", 2025, "dòng 2:", NULL);
	assert_rejects(HDR "01,X,province,\n02,Y,province,\n03\n", 2025,
	    "dòng 4:", NULL);
}

static void
test_bad_level(void **state)
{
	(void)state;
	assert_rejects(HDR "01,X,province,\n001,Y,ward,01\n", 2024, "dòng 3:",
	    "level");
	assert_rejects(HDR "01,X,Province,\n", 2024, "dòng 2:", "level");
	assert_rejects(HDR "01,X,,\n", 2024, "dòng 2:", "level");
	/* districts exist only in the 2024 structure */
	assert_rejects(HDR "01,X,province,\n001,Y,district,01\n", 2025,
	    "dòng 3:", "level");
}

static void
test_bad_code(void **state)
{
	(void)state;
	/* commune codes have 5 digits, districts 3, provinces 2 */
	assert_rejects(HDR "01,X,province,\n0001,Y,commune,01\n", 2025,
	    "dòng 3:", "code");
	assert_rejects(HDR "01,X,province,\n000001,Y,commune,01\n", 2025,
	    "dòng 3:", "code");
	assert_rejects(HDR "1,X,province,\n", 2025, "dòng 2:", "code");
	assert_rejects(HDR "001,X,province,\n", 2025, "dòng 2:", "code");
	assert_rejects(HDR "01,X,province,\n01,Y,district,01\n", 2024,
	    "dòng 3:", "code");
	assert_rejects(HDR "01,X,province,\n0a001,Y,commune,01\n", 2025,
	    "dòng 3:", "code");
	assert_rejects(HDR ",X,province,\n", 2025, "dòng 2:", "code");
}

static void
test_bad_parent(void **state)
{
	(void)state;
	/* a commune without a parent */
	assert_rejects(HDR "01,X,province,\n00001,Y,commune,\n", 2025,
	    "dòng 3:", "parent_code");
	assert_rejects(HDR "01,X,province,\n001,Y,district,\n", 2024,
	    "dòng 3:", "parent_code");
	/* a province with a parent */
	assert_rejects(HDR "01,X,province,\n02,Y,province,01\n", 2025,
	    "dòng 3:", "parent_code");
	/* a parent code of the wrong shape for the level */
	assert_rejects(HDR "01,X,province,\n00001,Y,commune,001\n", 2025,
	    "dòng 3:", "parent_code");
	assert_rejects(HDR "01,X,province,\n001,D,district,01\n"
	    "002,E,district,001\n", 2024, "dòng 4:", "parent_code");
	assert_rejects(HDR "01,X,province,\n001,D,district,01\n"
	    "00001,C,commune,001\n00002,C2,commune,00001\n", 2024, "dòng 5:",
	    "parent_code");
}

/*
 * Dangling parents and duplicate codes are found after the whole file is
 * read; the message names the unit code.  unit.h promises "Errors name the
 * line", but these two do not carry a line number today (reported).
 */
static void
test_dangling_parent(void **state)
{
	(void)state;
	assert_rejects(HDR "01,X,province,\n00001,Y,commune,02\n", 2025,
	    "00001", "parent_code");
	assert_rejects(HDR "01,X,province,\n00001,Y,commune,02\n", 2025,
	    "dòng 3:", "parent_code");
	assert_rejects(HDR "01,X,province,\n001,D,district,01\n"
	    "00001,C,commune,002\n", 2024, "00001", "parent_code");
	assert_rejects(HDR "01,X,province,\n002,D,district,03\n", 2024, "002",
	    "parent_code");
}

static void
test_duplicate_code(void **state)
{
	(void)state;
	assert_rejects(HDR "01,X,province,\n02,Y,province,\n01,Z,province,\n",
	    2025, "01", "code");
	assert_rejects(HDR "01,X,province,\n02,Y,province,\n01,Z,province,\n",
	    2025, "dòng 4:", "code");
	/* blank lines, CRLF and a quoted field over two lines still give
	 * the line of the file */
	assert_rejects(HDR "01,X,province,\n\n02,Y,province\n", 2025,
	    "dòng 4:", NULL);
	assert_rejects("code,name,level,parent_code\r\n01,X,province,\r\n"
	    "02,Y,province\r\n", 2025, "dòng 3:", NULL);
	assert_rejects(HDR "01,\"X\nX\",province,\n02,Y,province\n", 2025,
	    "dòng 4:", NULL);
	/* no trimming: a padded code is not a code */
	assert_rejects(HDR " 01,X,province,\n", 2025, "dòng 2:", "code");
	assert_rejects(HDR "01,X,province,\n00001,A,commune,01\n"
	    "00001,A,commune,01\n", 2025, "00001", "code");
}

static void
test_bad_name(void **state)
{
	(void)state;
	assert_rejects(HDR "01,X,province,\n02,\xff,province,\n", 2025,
	    "dòng 3:", "name");
	assert_rejects(HDR "01,Hà N\xe1\xbb,province,\n", 2025, "dòng 2:",
	    "name");
	assert_rejects(HDR "01,\xed\xa0\x80,province,\n", 2025, "dòng 2:",
	    "name");
	assert_rejects(HDR "01,\xc0\xaf,province,\n", 2025, "dòng 2:", "name");
	assert_rejects(HDR "01,X\x01Y,province,\n", 2025, "dòng 2:", "name");
	assert_rejects(HDR "01,,province,\n", 2025, "dòng 2:", "name");
	{
		char csv[512], name[202];

		memset(name, 'a', 201);
		name[201] = '\0';
		snprintf(csv, sizeof(csv), HDR "01,%s,province,\n", name);
		assert_rejects(csv, 2025, "dòng 2:", "name");
	}
}

static void
test_bad_quotes(void **state)
{
	(void)state;
	/* unclosed quote at end of file */
	assert_rejects(HDR "01,X,province,\n02,\"Y,province,\n", 2025,
	    "dòng 3:", NULL);
	/* text after a closing quote */
	assert_rejects(HDR "01,X,province,\n02,\"Y\"z,province,\n", 2025,
	    "dòng 3:", NULL);
}

/* ---- name keys ---- */

static char *
name_key(const char *name)
{
	char *k = NULL;

	assert_int_equal(unit_name_key(name, &k), 0);
	assert_non_null(k);
	return k;
}

static int
name_cmp(const char *a, const char *b)
{
	char *ka = name_key(a), *kb = name_key(b);
	int r = strcmp(ka, kb);

	free(ka);
	free(kb);
	return r;
}

static void
test_name_key(void **state)
{
	char *k;

	(void)state;
	/* the type prefix is ignored: A < C although "Tỉnh" > "Thành" */
	assert_true(name_cmp("Tỉnh An Giang", "Thành phố Cần Thơ") < 0);
	assert_true(name_cmp("Thành phố Cần Thơ", "Tỉnh An Giang") > 0);
	assert_true(name_cmp("Tỉnh Cà Mau", "Thành phố Cần Thơ") < 0);
	assert_true(name_cmp("Thành phố Đà Nẵng", "Tỉnh Điện Biên") < 0);
	assert_true(name_cmp("Xã An Bình", "Phường An Lạc") < 0);
	assert_true(name_cmp("Đặc khu Côn Đảo", "Xã Đông Hải") < 0);
	assert_true(name_cmp("Thị trấn Bắc Hà", "Huyện Bảo Yên") > 0);
	assert_true(name_cmp("Quận Ba Đình", "Huyện Ba Vì") < 0);
	/* equal bare names: the full name decides, never equal keys */
	assert_true(name_cmp("Huyện Châu Thành", "Thành phố Châu Thành") < 0);
	assert_true(name_cmp("Thị xã Hòa Bình", "Xã Hòa Bình") < 0);
	/* a bare name sorts by itself against a prefixed one */
	assert_true(name_cmp("An Giang", "Tỉnh Bạc Liêu") < 0);
	/* a name that is only a prefix is kept whole */
	k = name_key("Tỉnh ");
	assert_non_null(k);
	free(k);
	assert_int_equal(unit_name_key("Tỉnh \xff", &k), ERR_INVAL);
}

/* ---- the real embedded files ---- */

static void
count_levels(const struct unit_set *s, size_t *prov, size_t *dist,
    size_t *comm)
{
	*prov = *dist = *comm = 0;
	for (size_t i = 0; i < s->n; i++) {
		const char *l = s->rows[i].level;

		if (strcmp(l, "province") == 0)
			(*prov)++;
		else if (strcmp(l, "district") == 0)
			(*dist)++;
		else if (strcmp(l, "commune") == 0)
			(*comm)++;
		else
			fail_msg("unit %s: level %s", s->rows[i].code, l);
	}
}

static void
check_tree(const struct unit_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct unit_row *r = &s->rows[i], *up;
		char *nfc = NULL;

		if (i > 0)
			assert_true(strcmp(s->rows[i - 1].code, r->code) < 0);
		assert_int_equal(text_nfc(r->name, strlen(r->name), &nfc), 0);
		assert_string_equal(nfc, r->name);
		free(nfc);
		if (strcmp(r->level, "province") == 0) {
			assert_string_equal(r->parent, "");
			assert_int_equal(strlen(r->code), 2);
			continue;
		}
		up = find(s, r->parent);
		assert_non_null(up);
		if (strcmp(r->level, "district") == 0)
			assert_string_equal(up->level, "province");
		else if (s->structure == 2025)
			assert_string_equal(up->level, "province");
		else
			assert_string_equal(up->level, "district");
	}
}

static void
load(struct parsed *p, const char *path, int structure)
{
	const struct embedded_file *f = embed_find(path);

	assert_non_null(f);
	assert_true(f->len > 0);
	memset(p, 0, sizeof(*p));
	p->rc = unit_csv_parse((const char *)f->data, f->len, structure,
	    &p->set, &p->e);
	if (p->rc != 0)
		print_error("%s: %s\n", path, p->e.msg);
	assert_int_equal(p->rc, 0);
}

static void
test_embedded_2024(void **state)
{
	struct parsed p;
	size_t prov, dist, comm;

	(void)state;
	load(&p, "data/admin-units/units_2024.csv", 2024);
	assert_int_equal(p.set.n, 10794);
	count_levels(&p.set, &prov, &dist, &comm);
	assert_int_equal(prov, 63);
	assert_int_equal(dist, 696);
	assert_int_equal(comm, 10035);
	check_tree(&p.set);
	assert_row(&p.set, "01", "Thành phố Hà Nội", "province", "");
	assert_row(&p.set, "17", "Tỉnh Hoà Bình", "province", "");
	assert_row(&p.set, "001", "Quận Ba Đình", "district", "01");
	assert_row(&p.set, "00001", "Phường Phúc Xá", "commune", "001");
	assert_row(&p.set, "193", "Thành phố Hạ Long", "district", "22");
	assert_row(&p.set, "085", "Huyện Bắc Hà", "district", "10");
	assert_non_null(find(&p.set, "93"));		/* Hậu Giang */
	unit_set_release(&p.set);
}

static void
test_embedded_2025(void **state)
{
	struct parsed p;
	size_t prov, dist, comm;

	(void)state;
	load(&p, "data/admin-units/units_2025.csv", 2025);
	assert_int_equal(p.set.n, 3355);
	count_levels(&p.set, &prov, &dist, &comm);
	assert_int_equal(prov, 34);
	assert_int_equal(dist, 0);
	assert_int_equal(comm, 3321);
	check_tree(&p.set);
	assert_row(&p.set, "25", "Tỉnh Phú Thọ", "province", "");
	assert_row(&p.set, "00004", "Phường Ba Đình", "commune", "01");
	assert_null(find(&p.set, "17"));		/* merged into 25 */
	assert_null(find(&p.set, "93"));		/* merged into 92 */
	unit_set_release(&p.set);
}

static void
test_embedded_structure_mismatch(void **state)
{
	const struct embedded_file *f;
	struct unit_set s;
	struct err e = { 0 };

	(void)state;
	/* the 2024 file has districts, which 2025 does not know */
	f = embed_find("data/admin-units/units_2024.csv");
	assert_non_null(f);
	assert_int_equal(unit_csv_parse((const char *)f->data, f->len, 2025,
	    &s, &e), ERR_INVAL);
	assert_string_equal(e.field, "level");
	unit_set_release(&s);
	assert_null(embed_find("data/admin-units/no_such.csv"));
}

/* The 34 provinces of 2025, sorted by name key, in Vietnamese order
 * of their names without "Tỉnh" / "Thành phố". */
static void
test_embedded_province_order(void **state)
{
	static const char *const want[] = {
		"An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Cần Thơ",
		"Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Đồng Tháp",
		"Gia Lai", "Hà Nội", "Hà Tĩnh", "Hải Phòng", "Hồ Chí Minh",
		"Huế", "Hưng Yên", "Khánh Hòa", "Lai Châu", "Lạng Sơn",
		"Lào Cai", "Lâm Đồng", "Nghệ An", "Ninh Bình", "Phú Thọ",
		"Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sơn La", "Tây Ninh",
		"Thái Nguyên", "Thanh Hóa", "Tuyên Quang", "Vĩnh Long",
	};
	struct parsed p;
	const char *name[40];
	char *key[40];
	size_t n = 0;

	(void)state;
	load(&p, "data/admin-units/units_2025.csv", 2025);
	for (size_t i = 0; i < p.set.n; i++) {
		if (strcmp(p.set.rows[i].level, "province") != 0)
			continue;
		assert_true(n < 40);
		name[n] = p.set.rows[i].name;
		key[n] = name_key(name[n]);
		n++;
	}
	assert_int_equal(n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 1; i < n; i++)		/* insertion sort by key */
		for (size_t j = i; j > 0 && strcmp(key[j - 1], key[j]) > 0;
		    j--) {
			const char *tn = name[j];
			char *tk = key[j];

			name[j] = name[j - 1];
			key[j] = key[j - 1];
			name[j - 1] = tn;
			key[j - 1] = tk;
		}
	for (size_t i = 0; i < n; i++) {
		const char *bare = strchr(name[i], ' ') + 1;

		if (strncmp(name[i], "Thành phố ", strlen("Thành phố ")) == 0)
			bare = name[i] + strlen("Thành phố ");
		if (strcmp(bare, want[i]) != 0)
			print_error("position %zu: %s, want %s\n", i, name[i],
			    want[i]);
		assert_string_equal(bare, want[i]);
	}
	for (size_t i = 0; i < n; i++)
		free(key[i]);
	unit_set_release(&p.set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_2024),
		cmocka_unit_test(test_valid_2025),
		cmocka_unit_test(test_valid_variants),
		cmocka_unit_test(test_bad_header),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_wrong_columns),
		cmocka_unit_test(test_bad_level),
		cmocka_unit_test(test_bad_code),
		cmocka_unit_test(test_bad_parent),
		cmocka_unit_test(test_dangling_parent),
		cmocka_unit_test(test_duplicate_code),
		cmocka_unit_test(test_bad_name),
		cmocka_unit_test(test_bad_quotes),
		cmocka_unit_test(test_name_key),
		cmocka_unit_test(test_embedded_2024),
		cmocka_unit_test(test_embedded_2025),
		cmocka_unit_test(test_embedded_structure_mismatch),
		cmocka_unit_test(test_embedded_province_order),
	};

	return cmocka_run_group_tests_name("unit_csv", tests, NULL, NULL);
}
