/*
 * sample_report.h - the sample periodic report (DOMAIN.md §11.3) built
 * with core/docx.h, shared by tests/unit/test_docx.c and the
 * build/docx-sample tool that tests/docx/render.sh converts with
 * LibreOffice.  Its figures are those of the reference reports in
 * ../shared/seeds ("tiếp 3.146 lượt với 3.896 người", "đạt 99,74%").
 */
#ifndef TESTS_DOCX_SAMPLE_REPORT_H
#define TESTS_DOCX_SAMPLE_REPORT_H

#include <stddef.h>

#include "core/docx.h"

struct err;

/* Text that must come back escaped and intact. */
#define SAMPLE_ESCAPED	"Ký hiệu <&> \"được\" giữ nguyên"

/* The whole report in regime r, with a landscape annex; *data is heap
 * (free()).  Returns 0 or the ERR_* of the docx writer. */
int	sample_report(enum docx_regime r, char **data, size_t *len,
	    struct err *e);

#endif
