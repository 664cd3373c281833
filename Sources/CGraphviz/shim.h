#ifndef ORGMODEL_CGRAPHVIZ_SHIM_H
#define ORGMODEL_CGRAPHVIZ_SHIM_H

// Graphviz's C API (libgvc + libcgraph), imported into Swift only by GraphvizRender.
// The include path comes from `pkg-config libgvc` (-I/usr/include/graphviz), but the
// headers are also reachable as <graphviz/...> from /usr/include, which is what we use
// so the shim works whether or not pkg-config added the inner directory.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#endif
