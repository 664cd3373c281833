#ifndef ORGMODEL_CCAIRO_SHIM_H
#define ORGMODEL_CCAIRO_SHIM_H

// cairo's PDF surface, imported into Swift only by GraphvizRender: a chartbook's pages are
// drawn by Graphviz straight into one PDF document (fonts embedded once, links and bookmarks
// made by cairo), so no page is written as a PDF of its own and then joined.
#include <cairo.h>
#include <cairo-pdf.h>
#include <zlib.h>

#endif
