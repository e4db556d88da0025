/* jbind.c - strict binding of JSON bodies to C structs. */
#include "http/jbind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/text.h"
#include "domain/user.h"

int
jbind_parse(const char *body, size_t len, json_t **out, struct err *e)
{
	json_error_t je;
	json_t *j;

	*out = NULL;
	j = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
	if (j == NULL) {
		if (json_error_code(&je) == json_error_invalid_utf8)
			return err_set(e, ERR_INVAL, "invalid_utf8", NULL,
			    "Dữ liệu gửi lên không phải UTF-8 hợp lệ.");
		return err_set(e, ERR_INVAL, "invalid_json", NULL,
		    "Nội dung yêu cầu không phải JSON hợp lệ.");
	}
	if (!json_is_object(j)) {
		json_decref(j);
		return err_set(e, ERR_INVAL, "invalid_json", NULL,
		    "Nội dung yêu cầu phải là một đối tượng JSON.");
	}
	*out = j;
	return 0;
}

void
jbind_strings_release(struct jbind_strings *owned)
{
	for (size_t i = 0; i < owned->n; i++)
		free(owned->s[i]);
	owned->n = 0;
}

static const struct jfield *
field_find(const struct jfield *fields, const char *name)
{
	for (; fields->name != NULL; fields++)
		if (strcmp(fields->name, name) == 0)
			return fields;
	return NULL;
}

static int
bind_str(const struct jfield *f, json_t *v, char *dst,
    struct jbind_strings *owned, struct err *e)
{
	char *s = NULL;

	if (!json_is_string(v))
		return err_set(e, ERR_INVAL, "invalid_field", f->name,
		    "Trường \"%s\" phải là chuỗi ký tự.", f->name);
	if (owned->n >= JBIND_MAX_STRINGS)
		return err_set(e, ERR_INVAL, "invalid_field", f->name,
		    "Quá nhiều trường.");
	if (text_nfc(json_string_value(v), json_string_length(v), &s) != 0)
		return err_set(e, ERR_INVAL, "invalid_field", f->name,
		    "Trường \"%s\" chứa ký tự không hợp lệ.", f->name);
	owned->s[owned->n++] = s;
	if (text_length(s) > f->max_len)
		return err_set(e, ERR_INVAL, "too_long", f->name,
		    "Trường \"%s\" dài quá %zu ký tự.", f->name, f->max_len);
	memcpy(dst + f->off, &s, sizeof(s));
	return 0;
}

static bool
code_valid(const char *s)
{
	size_t n = strlen(s);

	if (n != 2 && n != 3 && n != 5)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int
bind_unit(const struct jfield *f, json_t *v, char *dst, struct err *e)
{
	struct unit_ref ref;
	json_t *st, *code;
	const char *key;
	json_t *val;

	if (!json_is_object(v))
		return err_set(e, ERR_INVAL, "invalid_field", f->name,
		    "Đơn vị phải có dạng {\"structure\", \"code\"}.");
	json_object_foreach(v, key, val) {
		if (strcmp(key, "structure") != 0 && strcmp(key, "code") != 0)
			return err_set(e, ERR_INVAL, "unknown_field", f->name,
			    "Đơn vị chỉ gồm \"structure\" và \"code\".");
	}
	st = json_object_get(v, "structure");
	code = json_object_get(v, "code");
	if (!json_is_integer(st) || (json_integer_value(st) != 2024 &&
	    json_integer_value(st) != 2025))
		return err_set(e, ERR_INVAL, "invalid_field", f->name,
		    "Cơ cấu đơn vị phải là 2024 hoặc 2025.");
	if (!json_is_string(code) || !code_valid(json_string_value(code)))
		return err_set(e, ERR_INVAL, "invalid_field", f->name,
		    "Mã đơn vị hành chính không hợp lệ.");
	memset(&ref, 0, sizeof(ref));
	ref.set = true;
	ref.structure = (int)json_integer_value(st);
	snprintf(ref.code, sizeof(ref.code), "%s", json_string_value(code));
	memcpy(dst + f->off, &ref, sizeof(ref));
	return 0;
}

static int
bind_int(const struct jfield *f, json_t *v, char *dst, struct err *e)
{
	json_int_t n;
	int64_t i;
	bool b = true;

	if (!json_is_integer(v))
		return err_set(e, ERR_INVAL, "invalid_field", f->name,
		    "Trường \"%s\" phải là số nguyên.", f->name);
	n = json_integer_value(v);
	if (n < 0 || (uint64_t)n > (uint64_t)f->max_len)
		return err_set(e, ERR_INVAL, "invalid_field", f->name,
		    "Trường \"%s\" phải từ 0 đến %zu.", f->name, f->max_len);
	i = (int64_t)n;
	memcpy(dst + f->off, &i, sizeof(i));
	memcpy(dst + f->set_off, &b, sizeof(b));
	return 0;
}

static int
bind_num(const struct jfield *f, json_t *v, char *dst, struct err *e)
{
	double d;
	bool b = true;

	if (!json_is_number(v))
		return err_set(e, ERR_INVAL, "invalid_field", f->name,
		    "Trường \"%s\" phải là số.", f->name);
	d = json_number_value(v);
	/* NaN fails both comparisons; jansson never yields infinities. */
	if (!(d >= -(double)f->max_len && d <= (double)f->max_len))
		return err_set(e, ERR_INVAL, "invalid_field", f->name,
		    "Trường \"%s\" phải từ -%zu đến %zu.", f->name, f->max_len,
		    f->max_len);
	memcpy(dst + f->off, &d, sizeof(d));
	memcpy(dst + f->set_off, &b, sizeof(b));
	return 0;
}

int
jbind(json_t *obj, const struct jfield *fields, void *dstv,
    struct jbind_strings *owned, struct err *e)
{
	const struct jfield *f;
	const char *key;
	char *dst = dstv;
	json_t *v;
	bool b;
	int rc;

	json_object_foreach(obj, key, v) {
		f = field_find(fields, key);
		if (f == NULL)
			return err_set(e, ERR_INVAL, "unknown_field", key,
			    "Trường \"%s\" không được hỗ trợ.", key);
		if (json_is_null(v)) {
			if (f->required)
				return err_set(e, ERR_INVAL, "missing_field",
				    f->name, "Thiếu trường bắt buộc \"%s\".",
				    f->name);
			continue;
		}
		switch (f->type) {
		case JF_STR:
			rc = bind_str(f, v, dst, owned, e);
			break;
		case JF_BOOL:
			if (!json_is_boolean(v))
				return err_set(e, ERR_INVAL, "invalid_field",
				    f->name, "Trường \"%s\" phải là true hoặc "
				    "false.", f->name);
			b = json_is_true(v);
			memcpy(dst + f->off, &b, sizeof(b));
			b = true;
			memcpy(dst + f->set_off, &b, sizeof(b));
			rc = 0;
			break;
		case JF_UNIT:
			rc = bind_unit(f, v, dst, e);
			break;
		case JF_INT:
			rc = bind_int(f, v, dst, e);
			break;
		case JF_NUM:
			rc = bind_num(f, v, dst, e);
			break;
		}
		if (rc != 0)
			return rc;
	}
	for (f = fields; f->name != NULL; f++) {
		v = json_object_get(obj, f->name);
		if (f->required && (v == NULL || json_is_null(v)))
			return err_set(e, ERR_INVAL, "missing_field", f->name,
			    "Thiếu trường bắt buộc \"%s\".", f->name);
	}
	return 0;
}
