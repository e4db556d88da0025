/*
 * cmd_demo.c - danvan demo: a small demo data set on real units, for the
 * quick start: organisations of Phú Thọ province (2025) and of old Hòa
 * Bình (2024), and users of each role.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "core/err.h"
#include "domain/org.h"
#include "domain/user.h"
#include "store/store.h"

#define DEMO_PASSWORD	"demo-password-1"

static const struct {
	int		 structure;
	const char	*unit;
	const char	*type;
	const char	*name;
} demo_orgs[] = {
	{ 2025, "25", "mass_mobilization_board",
	  "Ban Tuyên giáo và Dân vận Tỉnh ủy Phú Thọ" },
	{ 2025, "25", "fatherland_front", "Ủy ban MTTQ Việt Nam tỉnh Phú Thọ" },
	{ 2025, "25", "people_committee", "Ủy ban nhân dân tỉnh Phú Thọ" },
	{ 2025, "25", "mass_organization", "Hội Nông dân tỉnh Phú Thọ" },
	{ 2025, "25", "mass_organization", "Hội Liên hiệp Phụ nữ tỉnh Phú Thọ" },
	{ 2025, "25", "mass_organization",
	  "Tỉnh đoàn Phú Thọ (Đoàn Thanh niên Cộng sản Hồ Chí Minh)" },
	{ 2024, "17", "mass_mobilization_board", "Ban Dân vận Tỉnh ủy Hòa Bình" },
	{ 2024, "17", "fatherland_front", "Ủy ban MTTQ Việt Nam tỉnh Hòa Bình" },
	{ 2024, "148", "mass_mobilization_board",
	  "Ban Dân vận Thành ủy Hòa Bình" },
};

static const struct {
	const char	*username;
	const char	*full_name;
	const char	*role;
	int		 structure;
	const char	*unit;
} demo_users[] = {
	{ "quantri.tinh", "Nguyễn Văn An", "unit_admin", 2025, "25" },
	{ "lanhdao.tinh", "Trần Thị Bình", "leader", 2025, "25" },
	{ "canbo.tinh", "Lê Minh Châu", "officer", 2025, "25" },
	{ "xem.tinh", "Phạm Thu Dung", "viewer", 2025, "25" },
};

int
cmd_demo(const struct cmd *c, int argc, char **argv)
{
	const char *db = NULL;
	struct opt opts[] = { { "--db", &db, NULL }, { NULL, NULL, NULL } };
	struct store *st = NULL;
	struct actor cli;
	struct err e = { 0 };
	json_t *out;
	int rc = 0;

	if (opt_parse(c, argc, argv, opts, 1) != 0)
		return 2;
	if (cli_open(db, &st, &e) != 0)
		return 1;
	actor_init_cli(&cli);
	for (size_t i = 0; i < sizeof(demo_orgs) / sizeof(demo_orgs[0]); i++) {
		struct org_input in;

		memset(&in, 0, sizeof(in));
		in.name = demo_orgs[i].name;
		in.type = demo_orgs[i].type;
		in.unit.set = true;
		in.unit.structure = demo_orgs[i].structure;
		snprintf(in.unit.code, sizeof(in.unit.code), "%s",
		    demo_orgs[i].unit);
		out = NULL;
		rc = org_create(st, &cli, &in, &out, &e);
		json_decref(out);
		if (rc != 0)
			goto out;
	}
	for (size_t i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++) {
		struct user_input in;

		memset(&in, 0, sizeof(in));
		in.username = demo_users[i].username;
		in.full_name = demo_users[i].full_name;
		in.password = DEMO_PASSWORD;
		in.role = demo_users[i].role;
		in.unit.set = true;
		in.unit.structure = demo_users[i].structure;
		snprintf(in.unit.code, sizeof(in.unit.code), "%s",
		    demo_users[i].unit);
		out = NULL;
		rc = user_create(st, &cli, &in, &out, &e);
		json_decref(out);
		if (rc == ERR_EXISTS)
			rc = 0;		/* demo already loaded */
		if (rc != 0)
			goto out;
	}
	printf("demo data added: %zu organisations, %zu users (password %s)\n",
	    sizeof(demo_orgs) / sizeof(demo_orgs[0]),
	    sizeof(demo_users) / sizeof(demo_users[0]), DEMO_PASSWORD);
out:
	store_close(st);
	if (rc != 0)
		return cli_fail("demo", rc, &e);
	return 0;
}
