/*
 * api.h - the API handlers' request bodies and their field tables.  The
 * tables are the allowlist of every JSON body the API accepts; the unit
 * tests and the fuzz target bind against these very tables.
 */
#ifndef HTTP_API_H
#define HTTP_API_H

#include "domain/attach.h"
#include "domain/user.h"
#include "http/http.h"
#include "http/jbind.h"

struct login_in {
	const char	*username;
	const char	*password;
};

struct password_in {
	const char	*old_password;
	const char	*new_password;
};

extern const struct jfield api_login_fields[];		/* struct login_in */
extern const struct jfield api_password_fields[];	/* struct password_in */
extern const struct jfield api_org_create_fields[];	/* struct org_input */
extern const struct jfield api_org_update_fields[];	/* struct org_input */
extern const struct jfield api_user_create_fields[];	/* struct user_input */
extern const struct jfield api_user_update_fields[];	/* struct user_input */

/* Files of petitions and dialogues (api_petition.c): the owner or file id
 * is path parameter 0. */
int	api_attach_upload(struct req *r, enum attach_owner kind);
int	api_attach_download(struct req *r, enum attach_owner kind);

extern const struct jfield api_petition_create_fields[];	/* struct petition_input */
extern const struct jfield api_public_submit_fields[];	/* struct public_input */

/* PUT /indicator-values (api_indicator.c). */
struct api_value_in {
	const char	*indicator;
	struct unit_ref	 unit;
	const char	*period;
	double		 value;
	bool		 has_value;
	const char	*source, *note;
};

/* POST /reports (api_report.c). */
struct api_report_in {
	const char	*template;
	struct unit_ref	 unit;
	const char	*period;
	int64_t		 org_id, cutoff_day;
	bool		 has_org_id, has_cutoff_day;
};

extern const struct jfield api_report_fields[];	/* struct api_report_in */
extern const struct jfield api_indicator_fields[];	/* struct indicator_input */
extern const struct jfield api_indicator_value_fields[];	/* struct api_value_in */

#endif
