/*
 * unit.c - administrative units: CSV validation, loading, queries.
 */
#include "domain/unit.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/csvread.h"
#include "core/embed.h"
#include "core/err.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/cube.h"
#include "domain/list.h"
#include "store/store.h"

#define UNITS_MAX	20000

static const char *const type_prefixes[] = {
	"Thành phố ", "Tỉnh ", "Quận ", "Huyện ", "Thị xã ", "Thị trấn ",
	"Xã ", "Phường ", "Đặc khu ", NULL
};

bool
unit_structure_valid(int structure)
{
	return structure == 2024 || structure == 2025;
}

bool
unit_level_valid(int structure, const char *level)
{
	if (strcmp(level, "province") == 0 || strcmp(level, "commune") == 0)
		return true;
	return structure == 2024 && strcmp(level, "district") == 0;
}

static size_t
level_code_len(const char *level)
{
	if (strcmp(level, "province") == 0)
		return 2;
	if (strcmp(level, "district") == 0)
		return 3;
	return 5;
}

static bool
all_digits(const char *s, size_t n)
{
	if (strlen(s) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

int
unit_name_key(const char *name, char **out)
{
	const char *bare = name;
	char *k1 = NULL, *k2 = NULL;
	struct buf b;
	int rc;

	for (int i = 0; type_prefixes[i] != NULL; i++) {
		size_t n = strlen(type_prefixes[i]);

		if (strncmp(name, type_prefixes[i], n) == 0 && name[n] != '\0') {
			bare = name + n;
			break;
		}
	}
	rc = text_sort_key_primary(bare, &k1);
	if (rc == 0)
		rc = text_sort_key(name, &k2);
	if (rc == 0) {
		buf_init(&b, strlen(k1) + strlen(k2) + 3);
		buf_add_str(&b, k1);
		buf_add_str(&b, "00");		/* below every key byte */
		buf_add_str(&b, k2);
		rc = buf_error(&b);
		if (rc == 0)
			*out = buf_detach(&b, NULL);
		buf_release(&b);
	}
	free(k1);
	free(k2);
	return rc;
}

static int
unit_csv_row(void *ctx, char **f, size_t nf, size_t line, struct err *e)
{
	struct unit_set *set = ctx;
	struct unit_row *r;
	const char *parent;
	char *name = NULL;

	if (line == 1) {
		if (nf != 4 || strcmp(f[0], "code") != 0 ||
		    strcmp(f[1], "name") != 0 || strcmp(f[2], "level") != 0 ||
		    strcmp(f[3], "parent_code") != 0)
			return err_set(e, ERR_INVAL, "invalid_csv", NULL,
			    "dòng 1: tiêu đề phải là code,name,level,parent_code");
		return 0;
	}
	if (nf != 4)
		return err_set(e, ERR_INVAL, "invalid_csv", NULL,
		    "dòng %zu: cần 4 cột, có %zu", line, nf);
	if (set->n >= UNITS_MAX)
		return err_set(e, ERR_TOOBIG, "invalid_csv", NULL,
		    "dòng %zu: quá %d đơn vị", line, UNITS_MAX);
	if (!unit_level_valid(set->structure, f[2]))
		return err_set(e, ERR_INVAL, "invalid_csv", "level",
		    "dòng %zu: cấp không hợp lệ", line);
	if (!all_digits(f[0], level_code_len(f[2])))
		return err_set(e, ERR_INVAL, "invalid_csv", "code",
		    "dòng %zu: mã đơn vị không hợp lệ", line);
	parent = f[3];
	if (strcmp(f[2], "province") == 0 ? parent[0] != '\0' :
	    !(all_digits(parent, 2) || (set->structure == 2024 &&
	    strcmp(f[2], "commune") == 0 && all_digits(parent, 3))))
		return err_set(e, ERR_INVAL, "invalid_csv", "parent_code",
		    "dòng %zu: mã đơn vị cấp trên không hợp lệ", line);
	if (f[1][0] == '\0' || strlen(f[1]) > 200 ||
	    text_nfc(f[1], strlen(f[1]), &name) != 0)
		return err_set(e, ERR_INVAL, "invalid_csv", "name",
		    "dòng %zu: tên đơn vị không hợp lệ", line);
	if (set->n == set->cap) {
		set->cap = set->cap == 0 ? 1024 : set->cap * 2;
		set->rows = xrealloc(set->rows, set->cap * sizeof(*set->rows));
	}
	r = &set->rows[set->n++];
	memset(r, 0, sizeof(*r));
	snprintf(r->code, sizeof(r->code), "%s", f[0]);
	snprintf(r->level, sizeof(r->level), "%s", f[2]);
	snprintf(r->parent, sizeof(r->parent), "%s", parent);
	r->name = name;
	r->line = line;
	return 0;
}

static int
row_cmp(const void *a, const void *b)
{
	return strcmp(((const struct unit_row *)a)->code,
	    ((const struct unit_row *)b)->code);
}

static const struct unit_row *
set_find(const struct unit_set *set, const char *code)
{
	struct unit_row key;

	snprintf(key.code, sizeof(key.code), "%s", code);
	return bsearch(&key, set->rows, set->n, sizeof(*set->rows), row_cmp);
}

/* Build "a/b/c" for row r by walking parents; ERR_INVAL on a dangling
 * parent, a duplicate code, a wrong parent level or a cycle. */
static int
row_path(const struct unit_set *set, const struct unit_row *r, char *path,
    size_t size)
{
	const struct unit_row *chain[4];
	size_t depth = 0, off = 0;

	while (r != NULL && depth < 4) {
		chain[depth++] = r;
		if (r->parent[0] == '\0')
			break;
		r = set_find(set, r->parent);
		if (r == NULL || strcmp(r->level, "commune") == 0)
			return ERR_INVAL;
	}
	if (r == NULL || depth >= 4 || r->parent[0] != '\0')
		return ERR_INVAL;
	while (depth-- > 0) {
		int n = snprintf(path + off, size - off, "%s%s",
		    off > 0 ? "/" : "", chain[depth]->code);

		if (n < 0 || (size_t)n >= size - off)
			return ERR_INVAL;
		off += (size_t)n;
	}
	return 0;
}

int
unit_csv_parse(const char *data, size_t len, int structure,
    struct unit_set *set, struct err *e)
{
	char path[UNIT_PATH_MAX];
	int rc;

	memset(set, 0, sizeof(*set));
	set->structure = structure;
	rc = csvread_parse(data, len, unit_csv_row, set, e);
	if (rc != 0)
		return rc;
	if (set->n == 0)
		return err_set(e, ERR_INVAL, "invalid_csv", NULL,
		    "tệp không có đơn vị nào");
	qsort(set->rows, set->n, sizeof(*set->rows), row_cmp);
	for (size_t i = 0; i < set->n; i++) {
		const struct unit_row *r = &set->rows[i];

		if (i > 0 && strcmp(r->code, set->rows[i - 1].code) == 0)
			return err_set(e, ERR_INVAL, "invalid_csv", "code",
			    "dòng %zu: mã đơn vị %s bị trùng (dòng %zu)",
			    r->line > set->rows[i - 1].line ? r->line :
			    set->rows[i - 1].line, r->code,
			    r->line > set->rows[i - 1].line ?
			    set->rows[i - 1].line : r->line);
		if (row_path(set, r, path, sizeof(path)) != 0)
			return err_set(e, ERR_INVAL, "invalid_csv",
			    "parent_code", "dòng %zu: đơn vị %s có cấp trên "
			    "không hợp lệ", r->line, r->code);
	}
	return 0;
}

void
unit_set_release(struct unit_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		free(set->rows[i].name);
	free(set->rows);
	memset(set, 0, sizeof(*set));
}

static const char SQL_UNIT_INSERT[] =
    "INSERT INTO units (structure, code, name, level, parent_code, path,"
    " name_fold, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

static int
insert_set(struct store *st, const struct unit_set *set, struct err *e)
{
	char path[UNIT_PATH_MAX], *fold = NULL, *key = NULL;
	struct stmt *q;
	int rc;

	rc = store_prepare(st, SQL_UNIT_INSERT, &q, e);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < set->n && rc == 0; i++) {
		const struct unit_row *r = &set->rows[i];

		rc = row_path(set, r, path, sizeof(path));
		if (rc == 0)
			rc = text_fold(r->name, &fold);
		if (rc == 0)
			rc = unit_name_key(r->name, &key);
		if (rc != 0) {
			free(fold);
			free(key);
			stmt_finalize(q);
			return err_set(e, rc, "internal", NULL, "unit %s", r->code);
		}
		stmt_bind_int(q, 1, set->structure);
		stmt_bind_text(q, 2, r->code);
		stmt_bind_text(q, 3, r->name);
		stmt_bind_text(q, 4, r->level);
		stmt_bind_text(q, 5, r->parent[0] ? r->parent : NULL);
		stmt_bind_text(q, 6, path);
		stmt_bind_text(q, 7, fold);
		stmt_bind_text(q, 8, key);
		free(fold);
		free(key);
		fold = key = NULL;
		rc = stmt_step(q, e);
		stmt_finalize(q);
		if (rc == 0 && i + 1 < set->n)
			rc = store_prepare(st, SQL_UNIT_INSERT, &q, e);
	}
	return rc;
}

static const char SQL_MAP_INSERT[] =
    "INSERT INTO unit_map (old_code, new_code, level, type, remark)"
    " VALUES (?, ?, ?, ?, ?)";

struct map_ctx {
	struct store	*st;
	struct stmt	*q;
	size_t		 n;
};

static int
map_row(void *ctx, char **f, size_t nf, size_t line, struct err *e)
{
	struct map_ctx *m = ctx;
	int rc;

	if (line == 1)
		return 0;
	if (nf != 7 || (strcmp(f[3], "full") != 0 &&
	    strcmp(f[3], "partial") != 0))
		return err_set(e, ERR_INVAL, "invalid_csv", NULL,
		    "mapping dòng %zu không hợp lệ", line);
	stmt_bind_text(m->q, 1, f[0]);
	stmt_bind_text(m->q, 2, f[1]);
	stmt_bind_text(m->q, 3, f[2]);
	stmt_bind_text(m->q, 4, f[3]);
	stmt_bind_text(m->q, 5, f[6][0] ? f[6] : NULL);
	m->n++;
	rc = stmt_step(m->q, e);
	/* Finalize hands the statement back to the connection's cache, and
	 * the next prepare takes it out again, reset. */
	stmt_finalize(m->q);
	m->q = NULL;
	if (rc == 0)
		rc = store_prepare(m->st, SQL_MAP_INSERT, &m->q, e);
	return rc;
}

static int
load_mapping(struct store *st, struct err *e)
{
	const struct embedded_file *f;
	struct map_ctx m = { st, NULL, 0 };
	int rc;

	f = embed_find("data/admin-units/mapping_2025.csv");
	if (f == NULL)
		return err_set(e, ERR_INTERNAL, "internal", NULL, "no mapping");
	rc = store_prepare(st, SQL_MAP_INSERT, &m.q, e);
	if (rc != 0)
		return rc;
	rc = csvread_parse((const char *)f->data, f->len, map_row, &m, e);
	stmt_finalize(m.q);
	return rc;
}

static const char SQL_SUCC_FILL[] =
    "INSERT INTO unit_succ (old_code, new_path)"
    " SELECT m.old_code, n.path FROM unit_map m"
    " JOIN units n ON n.structure = 2025 AND n.code = m.new_code"
    " UNION"
    " SELECT c.parent_code, n.path FROM units c"
    " JOIN unit_map m ON m.old_code = c.code AND m.level = 'commune'"
    " JOIN units n ON n.structure = 2025 AND n.code = m.new_code"
    " WHERE c.structure = 2024 AND c.level = 'commune'";

/*
 * The lowest common ancestor of the paths lo <= hi, which are the least
 * and the greatest of a set of paths (so also of the whole set): their
 * common prefix cut back to a whole path; "" when they share no root.
 */
static void
path_lca(const char *lo, const char *hi, char *out, size_t size)
{
	size_t i = 0, cut = 0;

	while (lo[i] != '\0' && lo[i] == hi[i]) {
		if (lo[i] == '/')
			cut = i;
		i++;
	}
	if ((lo[i] == '\0' || lo[i] == '/') && (hi[i] == '\0' ||
	    hi[i] == '/'))
		cut = i;
	if (cut >= size)
		cut = 0;
	memcpy(out, lo, cut);
	out[cut] = '\0';
}

struct succ_lca {
	char	code[UNIT_CODE_MAX];
	char	lca[UNIT_PATH_MAX];
};

/* units.succ_path of every 2024 unit from unit_succ (migration 0014). */
static int
succ_paths_fill(struct store *st, struct err *e)
{
	struct succ_lca *v = NULL;
	struct stmt *q;
	size_t n = 0, cap = 0;
	int rc;

	rc = store_prepare(st, "SELECT old_code, MIN(new_path), MAX(new_path)"
	    " FROM unit_succ GROUP BY old_code", &q, e);
	if (rc != 0)
		return rc;
	for (rc = stmt_step(q, e); rc == STEP_ROW; rc = stmt_step(q, e)) {
		if (n == cap) {
			cap = cap != 0 ? cap * 2 : 1024;
			v = xrealloc(v, cap * sizeof(*v));
		}
		snprintf(v[n].code, sizeof(v[n].code), "%s",
		    stmt_col_text(q, 0));
		path_lca(stmt_col_text(q, 1), stmt_col_text(q, 2), v[n].lca,
		    sizeof(v[n].lca));
		n++;
	}
	stmt_finalize(q);
	rc = rc == STEP_DONE ? 0 : rc;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		rc = store_prepare(st, "UPDATE units SET succ_path = ? WHERE"
		    " structure = 2024 AND code = ?", &q, e);
		if (rc != 0)
			break;
		stmt_bind_text(q, 1, v[i].lca);
		stmt_bind_text(q, 2, v[i].code);
		rc = stmt_step_done(q, e);
	}
	free(v);
	return rc;
}

/* Fill unit_succ from units and unit_map when it is empty, and the
 * successors' common ancestor of every 2024 unit when not yet set. */
static int
succ_fill(struct store *st, struct err *e)
{
	int64_t have, lca;
	int rc;

	rc = store_query_int(st, "SELECT COUNT(*) FROM unit_succ", &have, e);
	if (rc == 0)
		rc = store_query_int(st, "SELECT COUNT(*) FROM units WHERE"
		    " succ_path IS NOT NULL", &lca, e);
	if (rc != 0 || (have > 0 && lca > 0))
		return rc;
	rc = store_begin_write(st, e);
	if (rc == 0 && have == 0)
		rc = store_exec(st, SQL_SUCC_FILL, e);
	if (rc == 0)
		rc = succ_paths_fill(st, e);
	/* the cube's 2025 provinces of old units follow succ_path */
	if (rc == 0)
		rc = cube_rebuild(st, e);
	if (rc == 0)
		rc = store_commit(st, e);
	else
		store_rollback(st);
	return rc;
}

int
unit_load_embedded(struct store *st, int64_t *loaded, struct err *e)
{
	static const struct {
		int		 structure;
		const char	*path;
	} files[] = {
		{ 2024, "data/admin-units/units_2024.csv" },
		{ 2025, "data/admin-units/units_2025.csv" },
	};
	const struct embedded_file *f;
	struct unit_set set;
	int64_t have;
	int rc;

	*loaded = 0;
	rc = store_query_int(st, "SELECT COUNT(*) FROM units", &have, e);
	if (rc != 0)
		return rc;
	if (have > 0)
		return succ_fill(st, e);
	rc = store_begin_write(st, e);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		f = embed_find(files[i].path);
		if (f == NULL) {
			rc = err_set(e, ERR_INTERNAL, "internal", NULL,
			    "%s not embedded", files[i].path);
			break;
		}
		rc = unit_csv_parse((const char *)f->data, f->len,
		    files[i].structure, &set, e);
		if (rc == 0)
			rc = insert_set(st, &set, e);
		*loaded += (int64_t)set.n;
		unit_set_release(&set);
		if (rc != 0)
			break;
	}
	if (rc == 0)
		rc = load_mapping(st, e);
	if (rc == 0)
		rc = store_commit(st, e);
	if (rc != 0) {
		store_rollback(st);
		*loaded = 0;
		return rc;
	}
	return succ_fill(st, e);
}

static const char SQL_UNIT_LOOKUP[] =
    "SELECT code, name, level, path FROM units WHERE structure = ? AND"
    " code = ?";

int
unit_lookup(struct store *st, int structure, const char *code,
    struct unit_info *out, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, SQL_UNIT_LOOKUP, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, structure);
	stmt_bind_text(q, 2, code);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		snprintf(out->code, sizeof(out->code), "%s", stmt_col_text(q, 0));
		snprintf(out->name, sizeof(out->name), "%s", stmt_col_text(q, 1));
		snprintf(out->level, sizeof(out->level), "%s",
		    stmt_col_text(q, 2));
		snprintf(out->path, sizeof(out->path), "%s", stmt_col_text(q, 3));
		rc = 0;
	} else if (rc == STEP_DONE) {
		rc = err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy đơn vị hành chính.");
	}
	stmt_finalize(q);
	return rc;
}

static json_t *
unit_row_json(struct stmt *q)
{
	return json_pack("{s:s, s:s, s:s, s:s?}", "code", stmt_col_text(q, 0),
	    "name", stmt_col_text(q, 1), "level", stmt_col_text(q, 2),
	    "parent_code", stmt_col_text(q, 3));
}

/* WHERE clause for a unit list; binds are applied by bind_filter in the
 * same order. */
static void
list_where(struct buf *sql, const struct unit_query *f, bool default_top,
    const struct actor *a)
{
	buf_add_str(sql, " FROM units WHERE structure = ?");
	if (f->level != NULL)
		buf_add_str(sql, " AND level = ?");
	if (f->parent != NULL)
		buf_add_str(sql, " AND parent_code = ?");
	if (f->q != NULL)
		buf_add_str(sql, " AND name_fold LIKE ? ESCAPE '\\'");
	if (default_top && (actor_is_global(a) ||
	    a->scope_structure != f->structure))
		buf_add_str(sql, " AND level = ?");
	else if (default_top)
		buf_add_str(sql, " AND code = ?");
	buf_add_str(sql, " AND " SCOPE_SQL("structure", "path"));
}

struct unit_list_ctx {
	const struct unit_query	*f;
	const struct actor	*a;
	const char		*like;
	bool			 top;
};

static int
bind_filter(struct stmt *q, const void *ctxv)
{
	const struct unit_list_ctx *c = ctxv;
	const struct unit_query *f = c->f;
	int i = 1;

	stmt_bind_int(q, i++, f->structure);
	if (f->level != NULL)
		stmt_bind_text(q, i++, f->level);
	if (f->parent != NULL)
		stmt_bind_text(q, i++, f->parent);
	if (f->q != NULL)
		stmt_bind_text(q, i++, c->like);
	if (c->top && (actor_is_global(c->a) ||
	    c->a->scope_structure != f->structure))
		stmt_bind_text(q, i++, f->top_level);
	else if (c->top)
		stmt_bind_text(q, i++, c->a->scope_code);
	return actor_bind_scope(c->a, q, i);
}

static int unit_list_at(struct store *st, const struct actor *a,
    const struct unit_query *f, json_t **out, struct err *e);

/*
 * With no filter, the top units the actor may see: the provinces for a
 * global actor, the scope unit itself in the actor's own structure, and
 * in the other structure the units of the highest level that has any unit
 * inside the scope (old provinces 17, 25 and 26 for new Phú Thọ).
 */
int
unit_list(struct store *st, const struct actor *a, const struct unit_query *in,
    json_t **out, struct err *e)
{
	static const char *const levels[] = { "province", "district",
	    "commune", NULL };
	struct unit_query f = *in;
	int rc;

	f.top_level = "province";
	if (f.level != NULL || f.parent != NULL || f.q != NULL ||
	    actor_is_global(a) || a->scope_structure == f.structure)
		return unit_list_at(st, a, &f, out, e);
	for (int i = 0; levels[i] != NULL; i++) {
		f.top_level = levels[i];
		rc = unit_list_at(st, a, &f, out, e);
		if (rc != 0 || levels[i + 1] == NULL ||
		    json_integer_value(json_object_get(*out, "total")) > 0)
			return rc;
		json_decref(*out);
		*out = NULL;
	}
	return 0;
}

static int
unit_list_at(struct store *st, const struct actor *a, const struct unit_query *f,
    json_t **out, struct err *e)
{
	struct unit_list_ctx c = { f, a, NULL, false };
	struct list_query lq;
	char *like = NULL;
	struct buf from;
	int rc;

	c.top = f->level == NULL && f->parent == NULL && f->q == NULL;
	if (f->q != NULL && text_like_pattern(f->q, &like) != 0)
		return err_set(e, ERR_INVAL, "invalid_param", "q",
		    "Từ khóa tìm kiếm không hợp lệ.");
	c.like = like;
	buf_init(&from, 4096);
	list_where(&from, f, c.top, a);
	lq = (struct list_query){ "code, name, level, parent_code",
	    buf_cstr(&from), "name_key, code", bind_filter, &c, unit_row_json,
	    f->limit, f->offset, NULL, NULL, NULL };
	rc = list_run(st, &lq, out, e);
	buf_release(&from);
	free(like);
	return rc;
}

static const char SQL_UNIT_GET[] =
    "SELECT code, name, level, parent_code, path FROM units"
    " WHERE structure = ? AND code = ?";
static const char SQL_UNIT_CHILDREN[] =
    "SELECT COUNT(*) FROM units WHERE structure = ? AND parent_code = ?";
static const char SQL_UNIT_SUCCESSORS[] =
    "SELECT u.code, u.name, u.level, m.type FROM unit_map m"
    " JOIN units u ON u.structure = 2025 AND u.code = m.new_code"
    " WHERE m.old_code = ? AND m.level = ? ORDER BY u.name_key, u.code";
static const char SQL_UNIT_PREDECESSORS[] =
    "SELECT u.code, u.name, u.level, m.type FROM unit_map m"
    " JOIN units u ON u.structure = 2024 AND u.code = m.old_code"
    " AND u.level = m.level WHERE m.new_code = ?"
    " ORDER BY u.name_key, u.code";

/* Run a query binding b1 (and b2 unless NULL) and collect the rows as
 * {code,name,level,type}. */
static int
collect_links(struct store *st, const char *sql, const char *b1,
    const char *b2, json_t *arr, struct err *e)
{
	struct stmt *q;
	int rc;

	rc = store_prepare(st, sql, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_text(q, 1, b1);
	if (b2 != NULL)
		stmt_bind_text(q, 2, b2);
	for (;;) {
		rc = stmt_step(q, e);
		if (rc != STEP_ROW)
			break;
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s}",
		    "code", stmt_col_text(q, 0), "name", stmt_col_text(q, 1),
		    "level", stmt_col_text(q, 2), "type", stmt_col_text(q, 3)));
	}
	stmt_finalize(q);
	return rc < 0 ? rc : 0;
}

static int
collect_ancestors(struct store *st, int structure, const char *path,
    json_t *arr, struct err *e)
{
	char code[UNIT_CODE_MAX];
	const char *p = path, *slash;
	struct stmt *q;
	size_t n;
	int rc = 0;

	for (slash = strchr(p, '/'); slash != NULL && rc == 0;
	    slash = strchr(p, '/')) {
		n = (size_t)(slash - p);
		if (n >= sizeof(code))
			return ERR_INTERNAL;
		memcpy(code, p, n);
		code[n] = '\0';
		p = slash + 1;
		rc = store_prepare(st, SQL_UNIT_GET, &q, e);
		if (rc != 0)
			return rc;
		stmt_bind_int(q, 1, structure);
		stmt_bind_text(q, 2, code);
		rc = stmt_step(q, e);
		if (rc == STEP_ROW)
			json_array_append_new(arr, unit_row_json(q));
		stmt_finalize(q);
		rc = rc < 0 ? rc : 0;
	}
	return rc;
}

static int
unit_get(struct store *st, const struct actor *a, int structure,
    const char *code, json_t **out, struct err *e)
{
	json_t *unit = NULL, *anc, *succ, *pred;
	char path[UNIT_PATH_MAX], level[12];
	struct stmt *q;
	int64_t children = 0;
	bool inside = false;
	int rc;

	*out = NULL;
	rc = store_prepare(st, SQL_UNIT_GET, &q, e);
	if (rc != 0)
		return rc;
	stmt_bind_int(q, 1, structure);
	stmt_bind_text(q, 2, code);
	rc = stmt_step(q, e);
	if (rc == STEP_ROW) {
		unit = unit_row_json(q);
		snprintf(path, sizeof(path), "%s", stmt_col_text(q, 4));
		snprintf(level, sizeof(level), "%s", stmt_col_text(q, 2));
	}
	stmt_finalize(q);
	if (rc < 0)
		return rc;
	if (unit != NULL) {
		rc = actor_in_scope(st, a, structure, code, &inside, e);
		if (rc != 0) {
			json_decref(unit);
			return rc;
		}
	}
	if (unit == NULL || !inside) {
		json_decref(unit);
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy đơn vị hành chính.");
	}
	anc = json_array();
	succ = json_array();
	pred = json_array();
	*out = json_pack("{s:o, s:i, s:o, s:I, s:o, s:o}", "unit", unit,
	    "structure", structure, "ancestors", anc, "children_count",
	    (json_int_t)0, "successors", succ, "predecessors", pred);
	rc = collect_ancestors(st, structure, path, anc, e);
	if (rc == 0) {
		rc = store_prepare(st, SQL_UNIT_CHILDREN, &q, e);
		if (rc == 0) {
			stmt_bind_int(q, 1, structure);
			stmt_bind_text(q, 2, code);
			rc = stmt_step(q, e);
			if (rc == STEP_ROW)
				children = stmt_col_int(q, 0);
			stmt_finalize(q);
			rc = rc < 0 ? rc : 0;
		}
		json_object_set_new(*out, "children_count",
		    json_integer(children));
	}
	if (rc == 0 && structure == 2024)
		rc = collect_links(st, SQL_UNIT_SUCCESSORS, code, level, succ, e);
	if (rc == 0 && structure == 2025)
		rc = collect_links(st, SQL_UNIT_PREDECESSORS, code, NULL, pred, e);
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

struct unit_cache {
	pthread_mutex_t	 lock;
	json_t		*map;		/* "2024/17" -> JSON text */
};

struct unit_cache *
unit_cache_new(void)
{
	struct unit_cache *c = xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->lock, NULL);
	c->map = json_object();
	return c;
}

void
unit_cache_free(struct unit_cache *c)
{
	if (c == NULL)
		return;
	json_decref(c->map);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

static char *
cache_get(struct unit_cache *c, const char *key)
{
	const char *v;
	char *copy = NULL;

	pthread_mutex_lock(&c->lock);
	v = json_string_value(json_object_get(c->map, key));
	if (v != NULL)
		copy = xstrdup(v);
	pthread_mutex_unlock(&c->lock);
	return copy;
}

static void
cache_put(struct unit_cache *c, const char *key, const char *text)
{
	pthread_mutex_lock(&c->lock);
	json_object_set_new(c->map, key, json_string(text));
	pthread_mutex_unlock(&c->lock);
}

int
unit_get_text(struct store *st, struct unit_cache *cache,
    const struct actor *a, int structure, const char *code, char **out,
    struct err *e)
{
	char key[UNIT_CODE_MAX + 8];
	struct actor all;
	bool inside;
	json_t *j = NULL;
	int rc;

	*out = NULL;
	/* The scope check is per actor; the detail is the same for all. */
	rc = actor_in_scope(st, a, structure, code, &inside, e);
	if (rc != 0)
		return rc;
	if (!inside)
		return err_set(e, ERR_NOTFOUND, "not_found", NULL,
		    "Không tìm thấy đơn vị hành chính.");
	snprintf(key, sizeof(key), "%d/%s", structure, code);
	*out = cache != NULL ? cache_get(cache, key) : NULL;
	if (*out != NULL)
		return 0;
	actor_init_cli(&all);
	rc = unit_get(st, &all, structure, code, &j, e);
	if (rc != 0)
		return rc;
	*out = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	if (*out == NULL)
		return ERR_NOMEM;
	if (cache != NULL)
		cache_put(cache, key, *out);
	return 0;
}
