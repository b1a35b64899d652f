/* cjm-render-private.h: the drawing helpers of the renderer
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "cjm-enums.h"
#include "cjm-layout-private.h"
#include "cjm-render.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CjmRgba;

/* The colours of a theme (cjm-render-palette.c). */
typedef enum
{
  CJM_HUE_BLUE,
  CJM_HUE_GREEN,
  CJM_HUE_YELLOW,
  CJM_HUE_ORANGE,
  CJM_HUE_RED,
  CJM_HUE_PURPLE,
  CJM_HUE_BROWN,
  CJM_HUE_TEAL,
  CJM_HUE_GREY,
  CJM_N_HUES
} CjmHue;

typedef struct
{
  CjmRgba background;    /* the view: white, or libadwaita's dark view */
  CjmRgba stripe;        /* every other lane */
  CjmRgba header;        /* the fill of lane and step headers */
  CjmRgba foreground;
  CjmRgba dim;           /* secondary text */
  CjmRgba grid;          /* lines between steps and lanes */
  CjmRgba grid_strong;   /* lines between stages */
  CjmRgba card;
  CjmRgba shadow;
  CjmRgba accent;
  CjmRgba connection;
  CjmRgba face_ink;
  CjmRgba hues[CJM_N_HUES];  /* accents: card kinds, categories, statuses */
  CjmRgba levels[7];     /* the faces, from −3 to +3 */
  double  card_tint;     /* how much of its colour a card's fill takes */
  double  border_tint;
  double  header_tint;   /* how much of its colour a stage header takes */
  double  zone_alpha;    /* the tint of the emotion lanes' pleasant and unpleasant halves */
  gboolean dark;
} CjmPalette;

/* What an export that writes texts itself implements (see
 * CjmRenderOptions.text_sink). @box is the text as measured, @color its
 * colour; @halo, if not %NULL, the colour of a stroke of @halo_width drawn
 * under it, to keep it apart from the lines it crosses. The coordinates
 * are in the units of @cr, which is as the renderer would draw with it. */
struct _CjmTextSink
{
  void (*text) (CjmTextSink      *sink,
                cairo_t          *cr,
                const CjmTextBox *box,
                const CjmRgba    *color,
                const CjmRgba    *halo,
                double            halo_width);
};

static inline void
_cjm_set_source (cairo_t       *cr,
                 const CjmRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

const CjmPalette *_cjm_palette_for_theme      (CjmTheme              theme);
CjmRgba           _cjm_rgba_mix               (const CjmRgba        *base,
                                               const CjmRgba        *color,
                                               double                amount);
CjmRgba           _cjm_rgba_with_alpha        (const CjmRgba        *color,
                                               double                alpha);
CjmRgba           _cjm_palette_persona_color  (const CjmPalette     *palette,
                                               CjmPersona           *persona,
                                               guint                 index);
CjmRgba           _cjm_palette_stage_color    (const CjmPalette     *palette,
                                               CjmStage             *stage,
                                               guint                 index);
CjmHue            _cjm_pain_category_hue      (CjmPainCategory       category);
CjmHue            _cjm_status_hue             (CjmOpportunityStatus  status);
CjmHue            _cjm_card_hue               (CjmCard              *card);
CjmHue            _cjm_icon_hue               (CjmIcon               icon);

void _cjm_render_icon (cairo_t       *cr,
                       CjmIcon        icon,
                       double         x,
                       double         y,
                       double         size);
void _cjm_render_face (cairo_t       *cr,
                       double         cx,
                       double         cy,
                       double         radius,
                       int            score,
                       const CjmRgba *fill,
                       const CjmRgba *ink,
                       gboolean       features);

G_END_DECLS
