/* demo_indicators.c - entered indicator values of the demo (issue 6): what
 * the province and two wards report for the current and the previous year,
 * so the demo reports have figures to quote. */
#include <stdio.h>
#include <string.h>

#include "cli/demo.h"
#include "core/calendar.h"
#include "core/err.h"
#include "domain/indicator.h"

static const struct {
	const char	*indicator;
	const char	*unit;
	double		 value, previous;	/* this year, the year before */
} demo_values[] = {
	{ "gift_visits", "25", 23908, 21450 },
	{ "gift_money", "25", 5953000000.0, 5120000000.0 },
	{ "par_index", "25", 88.46, 85.34 },
	{ "par_rank", "25", 16, 32 },
	{ "sipas", "25", 82.83, 81.72 },
	{ "sipas_rank", "25", 26, 30 },
	{ "ocop_products", "25", 114, 96 },
	{ "ocop_4star", "25", 22, 17 },
	{ "ocop_3star", "25", 92, 79 },
	{ "jobs_created", "25", 21600, 20100 },
	{ "jobs_plan", "25", 21000, 20000 },
	{ "houses", "25", 412, 380 },
	{ "houses_money", "25", 20600000000.0, 19000000000.0 },
	{ "new_rural_communes", "25", 80, 74 },
	{ "new_rural_advanced", "25", 28, 21 },
	{ "new_rural_model", "25", 1, 1 },
	{ "admin_dossiers", "07900", 4200, 3900 },
	{ "admin_on_time_rate", "07900", 99.74, 98.9 },
	{ "admin_dossiers", "04795", 3100, 2800 },
	{ "admin_on_time_rate", "04795", 99.1, 98.2 },
};

int
demo_indicators(struct store *st, const struct actor *a,
    const struct demo_orgs *o, struct err *e)
{
	char year[8], prev[8], day[CAL_DATE_LEN];
	int rc = 0;

	(void)o;
	cal_format(cal_today(), day);
	snprintf(year, sizeof(year), "%.4s", day);
	snprintf(prev, sizeof(prev), "%d", (int)((day[0] - '0') * 1000 +
	    (day[1] - '0') * 100 + (day[2] - '0') * 10 + (day[3] - '0')) - 1);
	for (size_t i = 0; rc == 0 && i < sizeof(demo_values) /
	    sizeof(demo_values[0]); i++) {
		struct indicator_value_input in;
		json_t *out = NULL;

		for (int k = 0; rc == 0 && k < 2; k++) {
			memset(&in, 0, sizeof(in));
			in.indicator = demo_values[i].indicator;
			in.structure = 2025;
			in.unit = demo_values[i].unit;
			in.period = k == 0 ? year : prev;
			in.value = k == 0 ? demo_values[i].value :
			    demo_values[i].previous;
			in.source = k == 0 ? "Báo cáo của UBND (số liệu mẫu)" :
			    "Báo cáo năm trước (số liệu mẫu)";
			rc = indicator_value_put(st, a, &in, &out, e);
			json_decref(out);
		}
	}
	return rc;
}
