/*
 * vnfmt.h - Vietnamese number and date forms for documents and reports
 * (DOMAIN.md §12, P-FMT-06; R-VB-07/08):
 *
 *   vn_format_int        3146            -> "3.146"
 *   vn_format_number     1234.5, 1       -> "1.234,5"
 *   vn_format_percent    99.74, 2        -> "99,74%"   (100.0 -> "100%")
 *   vn_format_count2     4               -> "04"       (small counts in
 *                                           text: "04 Hội nghị")
 *   vn_format_date_long  "Phú Thọ", 2025, 6, 14
 *                        -> "Phú Thọ, ngày 14 tháng 6 năm 2025"
 *   vn_format_date_short 2021, 2, 5      -> "05/02/2021"
 *
 * "." groups thousands, "," is the decimal mark (R-FMT-01).  The long
 * date pads days below 10 and the months 1 and 2 with a zero, nothing
 * else (R-VB-08): "ngày 05 tháng 02 năm 2021", "ngày 15 tháng 3 năm 2025".
 *
 * Every function writes a NUL-terminated string into the caller's array
 * and returns 0 or a negative ERR_* code (then out holds "").  Pure and
 * thread-safe.
 */
#ifndef CORE_VNFMT_H
#define CORE_VNFMT_H

#include <stddef.h>

#define VN_NUM_LEN	48		/* any result of the number forms */
#define VN_DATE_SHORT_LEN 11		/* "dd/mm/yyyy" + NUL */
#define VN_NUM_MAX	1e15		/* |v| below this: exact in a double */
#define VN_DECIMALS_MAX	6

/* Integer with "." every three digits; "-" for negatives.  Never fails. */
void	vn_format_int(long long v, char out[VN_NUM_LEN]);
/* v rounded to exactly `decimals` (0..VN_DECIMALS_MAX) places with ","
 * as the decimal mark: (1234.5, 1) -> "1.234,5", (2.5, 2) -> "2,50",
 * (1234.56, 0) -> "1.235".  Rounding is printf's (the nearest binary
 * value); a result of zero carries no sign.  ERR_RANGE when v is not
 * finite or |v| >= VN_NUM_MAX; ERR_INVAL for bad decimals. */
int	vn_format_number(double v, int decimals, char out[VN_NUM_LEN]);
/* v (already a percentage: 99.74 means 99,74%) rounded to at most
 * `decimals` places, trailing zeros dropped, then "%": (99.74, 2) ->
 * "99,74%", (100, 2) -> "100%", (61.2, 2) -> "61,2%".  Errors as
 * vn_format_number. */
int	vn_format_percent(double v, int decimals, char out[VN_NUM_LEN]);
/* A count written in a sentence: 1..9 take a leading zero ("04 Hội
 * nghị", "07 vụ"), everything else is vn_format_int (0 -> "0",
 * 26 -> "26", 4365 -> "4.365").  Never fails. */
void	vn_format_count2(long long n, char out[VN_NUM_LEN]);
/* "<place>, ngày dd tháng m năm yyyy" with the R-VB-08 padding; without
 * the place (NULL or "") just "ngày dd tháng m năm yyyy".  ERR_INVAL
 * unless a real date of years 1900..2199, ERR_TOOBIG when it does not
 * fit in outsz bytes. */
int	vn_format_date_long(char *out, size_t outsz, const char *place,
	    int y, int m, int d);
/* "dd/mm/yyyy" (R-FMT-02).  ERR_INVAL unless a real date of 1900..2199. */
int	vn_format_date_short(int y, int m, int d,
	    char out[VN_DATE_SHORT_LEN]);

#endif
