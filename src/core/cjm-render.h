/* cjm-render.h: drawing a journey map with cairo and pango
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "cjm-layout.h"
#include "cjm-types.h"

G_BEGIN_DECLS

#define CJM_TYPE_THEME (cjm_theme_get_type ())

/* Everything is drawn in map units: scale the cairo context for the zoom
 * and translate it for the scroll position before calling. Each function
 * draws at the positions the layout computed, so a canvas may cache the
 * parts separately (a card into its own surface, translated by minus its
 * rectangle's origin) and an export calls cjm_render_map() once. */

/* Where an export that writes texts itself receives them (cjm-render-private.h). */
typedef struct _CjmTextSink CjmTextSink;

typedef enum
{
  CJM_THEME_LIGHT,
  CJM_THEME_DARK,
} CjmTheme;

typedef struct
{
  CjmTheme    theme;
  /* Leave the background unpainted (the canvas paints its own, a PNG may
   * be transparent); otherwise it is the theme's: white in the light one. */
  gboolean    transparent;
  /* Ids of the selected elements, as a set (g_hash_table_add); may be NULL. */
  GHashTable *selected_ids;
  /* The element with the keyboard focus: drawn with a focus ring. */
  const char *focused_id;
  /* The card under the pointer: its handles are shown, as a selected card's. */
  const char *hovered_id;
  /* The cell a drag would drop into (-1: none), and where among its cards
   * (-1: the whole cell). */
  int         drop_lane;
  int         drop_column;
  int         drop_index;
  /* Below this zoom (device pixels per map unit) texts are not drawn:
   * cards show grey lines where their text is, which is faster and reads
   * better than illegible letters. */
  double      simplify_below;
  /* The part of the map to draw, in map units; what lies outside is
   * skipped, and drawing is clipped to it. Zero width: the whole map. */
  CjmRect     visible;
  /* If set, each text is handed to the sink instead of being drawn, with
   * where and how the renderer would have drawn it; shapes are drawn as
   * usual. The SVG export writes the texts as <text> elements this way, so
   * that they stay selectable text. */
  CjmTextSink *text_sink;
} CjmRenderOptions;

GType cjm_theme_get_type           (void) G_GNUC_CONST;

void  cjm_render_options_init      (CjmRenderOptions       *options);
void  cjm_render_get_persona_color (CjmLayout              *layout,
                                    CjmPersona             *persona,
                                    CjmTheme                theme,
                                    double                 *red,
                                    double                 *green,
                                    double                 *blue);

void  cjm_render_map               (cairo_t                *cr,
                                    CjmLayout              *layout,
                                    const CjmRenderOptions *options);
void  cjm_render_background        (cairo_t                *cr,
                                    CjmLayout              *layout,
                                    const CjmRenderOptions *options);
void  cjm_render_headers           (cairo_t                *cr,
                                    CjmLayout              *layout,
                                    const CjmRenderOptions *options);
void  cjm_render_bands             (cairo_t                *cr,
                                    CjmLayout              *layout,
                                    const CjmRenderOptions *options);
void  cjm_render_cards             (cairo_t                *cr,
                                    CjmLayout              *layout,
                                    const CjmRenderOptions *options);
void  cjm_render_card              (cairo_t                *cr,
                                    CjmLayout              *layout,
                                    CjmCard                *card,
                                    const CjmRenderOptions *options);
void  cjm_render_emotions          (cairo_t                *cr,
                                    CjmLayout              *layout,
                                    const CjmRenderOptions *options);
void  cjm_render_emotion_preview   (cairo_t                *cr,
                                    CjmLayout              *layout,
                                    const CjmEmotionPoint  *point,
                                    int                     score,
                                    const CjmRenderOptions *options);
void  cjm_render_connections       (cairo_t                *cr,
                                    CjmLayout              *layout,
                                    const CjmRenderOptions *options);
void  cjm_render_connection_labels (cairo_t                *cr,
                                    CjmLayout              *layout,
                                    const CjmRenderOptions *options);
void  cjm_render_highlights        (cairo_t                *cr,
                                    CjmLayout              *layout,
                                    const CjmRenderOptions *options);

G_END_DECLS
