/*
 * vnfmt.c - Vietnamese number and date forms.  Numbers are printed by
 * snprintf in the C locale (digits, "-", ".") and then regrouped; dates
 * are checked by the calendar module.
 */
#include "core/vnfmt.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/err.h"

/*
 * Copy the plain number in `plain` ("-1234567.50": optional "-", digits,
 * optional "." and decimals) into out with "." between groups of three
 * integer digits and "," as decimal mark.  A result that is all zeros
 * loses its "-".  out has VN_NUM_LEN bytes, enough for |v| < 1e15 with
 * VN_DECIMALS_MAX decimals and for any long long.
 */
static void
regroup(const char *plain, char out[VN_NUM_LEN])
{
	const char *p = plain, *dot;
	size_t nint, o = 0;
	bool neg = false, zero = true;

	if (*p == '-') {
		neg = true;
		p++;
	}
	for (const char *q = p; *q != '\0'; q++)
		if (*q >= '1' && *q <= '9')
			zero = false;
	dot = strchr(p, '.');
	nint = dot != NULL ? (size_t)(dot - p) : strlen(p);
	if (neg && !zero)
		out[o++] = '-';
	for (size_t i = 0; i < nint; i++) {
		if (i > 0 && (nint - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = p[i];
	}
	if (dot != NULL) {
		out[o++] = ',';
		for (const char *q = dot + 1; *q != '\0'; q++)
			out[o++] = *q;
	}
	out[o] = '\0';
}

void
vn_format_int(long long v, char out[VN_NUM_LEN])
{
	char plain[32];

	snprintf(plain, sizeof(plain), "%lld", v);
	regroup(plain, out);
}

int
vn_format_number(double v, int decimals, char out[VN_NUM_LEN])
{
	char plain[VN_NUM_LEN];
	int n;

	out[0] = '\0';
	if (decimals < 0 || decimals > VN_DECIMALS_MAX)
		return ERR_INVAL;
	if (!isfinite(v) || fabs(v) >= VN_NUM_MAX)
		return ERR_RANGE;
	n = snprintf(plain, sizeof(plain), "%.*f", decimals, v);
	if (n < 0 || (size_t)n >= sizeof(plain))
		return ERR_RANGE;
	regroup(plain, out);
	return 0;
}

int
vn_format_percent(double v, int decimals, char out[VN_NUM_LEN])
{
	size_t n;
	int rc;

	rc = vn_format_number(v, decimals, out);
	if (rc != 0)
		return rc;
	n = strlen(out);
	if (strchr(out, ',') != NULL) {
		while (n > 0 && out[n - 1] == '0')
			n--;
		if (n > 0 && out[n - 1] == ',')
			n--;
	}
	out[n++] = '%';
	out[n] = '\0';
	return 0;
}

void
vn_format_count2(long long n, char out[VN_NUM_LEN])
{
	if (n >= 1 && n <= 9) {
		out[0] = '0';
		out[1] = (char)('0' + n);
		out[2] = '\0';
		return;
	}
	vn_format_int(n, out);
}

int
vn_format_date_long(char *out, size_t outsz, const char *place, int y,
    int m, int d)
{
	cal_day day;
	int n;

	if (outsz > 0)
		out[0] = '\0';
	if (cal_from_ymd(y, m, d, &day) != 0)
		return ERR_INVAL;
	/* R-VB-08: days 1..9 and months 1, 2 take a leading zero. */
	if (place != NULL && *place != '\0')
		n = snprintf(out, outsz, "%s, ngày %02d tháng %0*d năm %d",
		    place, d, m <= 2 ? 2 : 1, m, y);
	else
		n = snprintf(out, outsz, "ngày %02d tháng %0*d năm %d", d,
		    m <= 2 ? 2 : 1, m, y);
	if (n < 0 || (size_t)n >= outsz) {
		if (outsz > 0)
			out[0] = '\0';
		return ERR_TOOBIG;
	}
	return 0;
}

int
vn_format_date_short(int y, int m, int d, char out[VN_DATE_SHORT_LEN])
{
	cal_day day;

	out[0] = '\0';
	if (cal_from_ymd(y, m, d, &day) != 0)
		return ERR_INVAL;
	cal_format_vi(day, out);
	return 0;
}
