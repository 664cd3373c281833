#ifndef ORGMODEL_CGRAPHVIZ_SHIM_H
#define ORGMODEL_CGRAPHVIZ_SHIM_H

// Graphviz's C API (libgvc + libcgraph), imported into Swift only by GraphvizRender.
// The include path comes from `pkg-config libgvc` (-I/usr/include/graphviz), but the
// headers are also reachable as <graphviz/...> from /usr/include, which is what we use
// so the shim works whether or not pkg-config added the inner directory.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>

// Two calls libgvc exports but declares only in its private headers: laying out one span
// of text with a context's text plugin (pango), and choosing a context's text plugin again
// after a library of plugins was added.
extern boolean gvtextlayout(GVC_t *gvc, textspan_t *span, char **fontpath);
extern int gvtextlayout_select(GVC_t *gvc);

// The laid-out graph's bounding box, in points (GD_bb is a macro Swift cannot call).
static inline boxf orgmodel_graph_bb(Agraph_t *graph) {
    return GD_bb(graph);
}

// Sets the largest drawing size, in points, that rendering scales the laid-out graph
// down to (what the `size` attribute gives, read at layout); 0 × 0 leaves it unscaled.
static inline void orgmodel_set_drawing_size(Agraph_t *graph, double width, double height) {
    if (GD_drawing(graph) == NULL) return;
    GD_drawing(graph)->size.x = width;
    GD_drawing(graph)->size.y = height;
    GD_drawing(graph)->filled = 0;
}

// The resolution the graph asks for (its `dpi` attribute), 0 when unset: image maps give
// their coordinates at this resolution, or at the map device's 96 when unset.
static inline double orgmodel_graph_dpi(Agraph_t *graph) {
    if (GD_drawing(graph) == NULL) return 0;
    return GD_drawing(graph)->dpi;
}

// The size of a node's label as Graphviz set it, in points (0 × 0 when it has none): for an
// HTML-like label, the text or table before the node's margin is added.
static inline pointf orgmodel_node_label_size(Agnode_t *node) {
    textlabel_t *label = ND_label(node);
    if (label == NULL) { pointf none = {0, 0}; return none; }
    return label->dimen;
}

#endif
