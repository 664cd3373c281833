#ifndef ORGMODEL_CQPDF_SHIM_H
#define ORGMODEL_CQPDF_SHIM_H

// qpdf's C API (libqpdf), imported into Swift only by PDFBook. The header lives at
// /usr/include/qpdf/qpdf-c.h; `pkg-config libqpdf` adds no include path of its own.
#include <qpdf/qpdf-c.h>

#endif
