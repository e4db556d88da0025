/*
 * docxpkg.h - the package around word/document.xml (for docx.c only):
 * [Content_Types].xml, the relationships, word/styles.xml (fonts, sizes,
 * the body and heading styles of a struct docx_layout), settings, the
 * page-number header and the empty first-page header, docProps, zipped
 * with libzip in memory.  Deterministic: the same input gives the same
 * bytes (zip times are the document's date).
 */
#ifndef CORE_DOCXPKG_H
#define CORE_DOCXPKG_H

#include <stddef.h>

struct docx_layout;
struct err;
struct wml;

/* Relationship ids word/document.xml uses for its headers. */
#define DOCXPKG_RID_HEADER		"rId3"	/* page number */
#define DOCXPKG_RID_HEADER_FIRST	"rId4"	/* empty, page 1 */

struct docxpkg_info {
	const struct docx_layout *layout;
	const char	*title;		/* docProps/core.xml */
	const char	*author;
	int		 y, m, d;	/* a real date: created, zip times */
};

/*
 * Write the other parts, zip them with document (a closed struct wml)
 * and hand the bytes to *data (heap, free(); *len bytes).  document is
 * released in every case.  0, or ERR_INTERNAL (libxml2, libzip) with e
 * filled.
 */
int	docxpkg_build(struct wml *document, const struct docxpkg_info *info,
	    char **data, size_t *len, struct err *e);

#endif
