/*
 * topdf.h - PDF through LibreOffice when it is installed (issue 6): the
 * DOCX is written to a private temporary directory and converted by
 * `soffice --headless --convert-to pdf` with a throw-away profile (so
 * conversions do not share state), which is then removed.
 *
 * The program is $DANVAN_SOFFICE, else `soffice` found on PATH.
 */
#ifndef CORE_TOPDF_H
#define CORE_TOPDF_H

#include <stdbool.h>
#include <stddef.h>

struct err;

#define TOPDF_TIMEOUT	120	/* seconds for one conversion */

/* Is LibreOffice there to convert? */
bool	topdf_available(void);
/* The PDF of docx[0..len) in *pdf (heap, free()).  ERR_UNAVAIL
 * ("unavailable", Vietnamese message) when LibreOffice is not installed;
 * ERR_IO when the conversion fails or takes longer than TOPDF_TIMEOUT. */
int	topdf_from_docx(const char *docx, size_t len, char **pdf,
	    size_t *pdf_len, struct err *e);

#endif
