/* cjm-layout-private.h: what the renderer reads of a layout
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "cjm-layout.h"

G_BEGIN_DECLS

/* The renderer draws exactly what the layout measured: the same
 * PangoLayouts (shaped once, kept in the layout's cache between relayouts),
 * at the rectangles the layout computed. Nothing here is for the UI. */

typedef enum
{
  CJM_TEXT_CARD_TITLE,
  CJM_TEXT_CARD_META,
  CJM_TEXT_STAGE,
  CJM_TEXT_STEP,
  CJM_TEXT_LANE,
  CJM_TEXT_LANE_META,
  CJM_TEXT_SCALE,
  CJM_TEXT_EMOTION_LABEL,
  CJM_TEXT_MOMENT_TAG,
  CJM_TEXT_CONNECTION_LABEL,
  CJM_TEXT_BAND_TITLE,
  CJM_TEXT_BAND_SUBTITLE,
  CJM_TEXT_PERSONA_NAME,
  CJM_TEXT_PERSONA_TEXT,
  CJM_TEXT_AVATAR,
  CJM_TEXT_LEGEND_HEADING,
  CJM_TEXT_LEGEND,
  CJM_TEXT_PLACEHOLDER,
  CJM_N_TEXT_STYLES
} CjmTextStyle;

/* The symbolic icons of lane kinds and channels, drawn with cairo. */
typedef enum
{
  CJM_ICON_NONE,
  CJM_ICON_WEBSITE,
  CJM_ICON_MOBILE_APP,
  CJM_ICON_SOCIAL_NETWORK,
  CJM_ICON_STORE,
  CJM_ICON_CALL_CENTRE,
  CJM_ICON_EMAIL,
  CJM_ICON_LIVE_CHAT,
  CJM_ICON_EVENT,
  CJM_ICON_DEMO,
  CJM_ICON_SALES_CALL,
  CJM_ICON_CHANNEL,
  CJM_ICON_TEXT,
  CJM_ICON_ACTIONS,
  CJM_ICON_THOUGHTS,
  CJM_ICON_QUOTES,
  CJM_ICON_EMOTION,
  CJM_ICON_PAIN_POINTS,
  CJM_ICON_OPPORTUNITIES,
  CJM_ICON_METRICS,
  CJM_ICON_BACKSTAGE,
} CjmIcon;

/* A measured text: draw @layout with its top left corner at @rect's. */
typedef struct
{
  PangoLayout *layout;  /* owned by the layout's text cache; NULL: no text */
  CjmRect      rect;
} CjmTextBox;

typedef struct
{
  CjmCard    *card;
  CjmRect     rect;
  guint       lane;
  guint       column;       /* the first column it covers */
  guint       n_columns;
  CjmTextBox  title;
  CjmTextBox  meta;
  CjmRect     dots;         /* the persona dots, right of the meta line */
  GPtrArray  *personas;     /* (element-type CjmPersona) (nullable): borrowed */
  guint       ellipsized : 1; /* its title or meta line did not fit */
} CjmCardBox;

typedef struct
{
  CjmStep    *step;
  CjmStage   *stage;
  guint       step_index;   /* among all the map's steps */
  double      x;            /* the column's left edge */
  double      width;
  CjmRect     header;
  CjmTextBox  name;
} CjmColumnBox;

typedef struct
{
  CjmStage   *stage;
  guint       stage_index;  /* among all the map's stages, for its default colour */
  guint       first_column;
  guint       n_columns;
  CjmRect     rect;
  CjmTextBox  name;
} CjmStageBox;

typedef struct
{
  CjmLane    *lane;
  CjmIcon     icon;
  CjmRect     row;          /* the whole row, header included */
  CjmRect     header;
  CjmRect     icon_rect;
  CjmTextBox  name;
  CjmTextBox  meta;
  GPtrArray  *cards;        /* (element-type CjmCardBox): borrowed, in map order */
  GPtrArray **column_cards; /* per column, the boxes covering it, top to bottom */
  /* Emotion lanes: the levels from +3 (top) to −3 and their labels. */
  double      level_top;
  double      level_height;
  CjmTextBox  levels[7];
  CjmTextBox  placeholder;
  GPtrArray  *curves;       /* (element-type GArray of CjmCurveSegment), per persona shown */
  guint       is_emotion : 1;
} CjmLaneBox;

typedef struct
{
  CjmConnection *connection;
  CjmArrow       arrow;
  CjmRect        bounds;
  CjmTextBox     label;
} CjmConnectionBox;

typedef struct
{
  CjmPersona *persona;
  guint       persona_index; /* among all the map's personas, for its default colour */
  CjmRect     rect;
  CjmRect     avatar;
  CjmTextBox  initials;
  CjmTextBox  name;
  CjmTextBox  details;
} CjmPersonaBox;

typedef enum
{
  CJM_LEGEND_HEADING,
  CJM_LEGEND_LANE,           /* value: a CjmIcon */
  CJM_LEGEND_PAIN_CATEGORY,  /* value: a CjmPainCategory */
  CJM_LEGEND_STATUS,         /* value: a CjmOpportunityStatus */
  CJM_LEGEND_EMOTION,        /* value: a score */
} CjmLegendKind;

typedef struct
{
  CjmLegendKind kind;
  int           value;
  CjmRect       swatch;
  CjmTextBox    text;
} CjmLegendItem;

PangoContext           *_cjm_layout_get_pango_context   (CjmLayout  *self);
const CjmColumnBox     *_cjm_layout_get_columns         (CjmLayout  *self,
                                                         guint      *n_columns);
const CjmStageBox      *_cjm_layout_get_stages          (CjmLayout  *self,
                                                         guint      *n_stages);
CjmLaneBox * const     *_cjm_layout_get_lanes           (CjmLayout  *self,
                                                         guint      *n_lanes);
const CjmCardBox       *_cjm_layout_get_card_box        (CjmLayout  *self,
                                                         CjmCard    *card);
GPtrArray              *_cjm_layout_get_boxes_in_rect   (CjmLayout     *self,
                                                         const CjmRect *rect)
                                                         G_GNUC_WARN_UNUSED_RESULT;
const CjmConnectionBox *_cjm_layout_get_connections     (CjmLayout  *self,
                                                         guint      *n_connections);
const CjmTextBox       *_cjm_layout_get_emotion_labels  (CjmLayout  *self,
                                                         guint      *n_labels);
const CjmTextBox       *_cjm_layout_get_moment_tags     (CjmLayout  *self,
                                                         guint      *n_tags);
CjmPersona * const     *_cjm_layout_get_shown_personas  (CjmLayout  *self,
                                                         const guint **persona_indices,
                                                         guint       *n_personas);
void                    _cjm_layout_get_title_band      (CjmLayout  *self,
                                                         CjmTextBox *title,
                                                         CjmTextBox *subtitle);
const CjmPersonaBox    *_cjm_layout_get_persona_boxes   (CjmLayout  *self,
                                                         guint      *n_boxes);
const CjmLegendItem    *_cjm_layout_get_legend_items    (CjmLayout  *self,
                                                         guint      *n_items);
double                  _cjm_layout_get_scale           (CjmLayout  *self);
CjmIcon                 _cjm_icon_for_lane              (CjmLane    *lane);

/* The layout's own files (cjm-layout*.c) share what follows; the renderer
 * reads the constants too, to draw handles and bars where hits find them. */

/* Spacing, in map units at text scale 1. Sizes that hold text grow with the
 * text scale (×s); widths grow half as fast (×w), so that larger text for
 * presentations gets somewhat wider columns rather than twice as many lines. */
#define MARGIN               32.0  /* around the whole map */
#define LANE_HEADER_WIDTH   208.0  /* ×w */
#define HEADER_GAP           12.0  /* between the lane headers and the grid */
#define COLUMN_WIDTH        240.0  /* ×w: one step */
#define CELL_PAD_X            8.0  /* between a card and its column's edges */
#define ROW_GAP               8.0  /* between the header rows and the lanes */
#define LANE_PAD_Y           12.0  /* above and below the cards of a lane */
#define LANE_MIN_HEIGHT      84.0  /* ×s: fits a one-line card with its meta line */
#define HEADER_PAD           10.0  /* inside stage, step and lane headers */
#define ICON_BOX             28.0  /* ×s: the circle behind a lane icon */
#define CARD_GAP             10.0  /* between cards stacked in a column */
#define CARD_PAD_X           12.0  /* ×s */
#define CARD_PAD_Y           10.0  /* ×s */
#define CARD_ACCENT           4.0  /* the coloured bar on a card's left edge */
#define TITLE_META_GAP        4.0
#define TITLE_MAX_LINES       4
#define STEP_MAX_LINES        3
#define LANE_NAME_MAX_LINES   3
#define DOT_RADIUS            4.0  /* ×s: a persona dot on a card */
#define DOT_GAP               3.0
#define MAX_DOTS              6
#define LEVEL_HEIGHT         28.0  /* ×s: between two emotion levels */
#define EMOTION_PAD          22.0  /* ×s: above +3 and below −3 */
#define FACE_RADIUS          11.0  /* ×s */
#define LABEL_GAP             6.0  /* between a face and its label */
#define TAG_PAD_X             5.0  /* inside the pill of a moment's pain point */
#define TAG_PAD_Y             2.0
#define ARROW_LENGTH         10.0
#define BAND_GAP             24.0  /* between bands and the grid */
#define PERSONA_WIDTH       300.0  /* ×w */
#define AVATAR_SIZE          48.0  /* ×s */
#define HANDLE_RADIUS         8.0  /* the connect handle on a card's right edge */
#define RESIZE_WIDTH          8.0  /* the resize strip inside a card's right edge */
#define HIT_TOLERANCE         5.0  /* how near a connection a point hits it */

struct _CjmLayout
{
  GObject parent_instance;

  CjmMap *map;

  /* Options */
  double text_scale;
  double column_scale;
  char **persona_ids;
  char **stage_ids;
  char **step_ids;
  char **lane_ids;
  CjmLayoutBands bands;
  guint full_texts : 1;     /* no line limit: exports show every text whole */

  /* Text measurement: one context, one font per style, and the shaped
   * layouts keyed by style, width, line limit and text. */
  PangoContext *context;
  PangoFontDescription *fonts[CJM_N_TEXT_STYLES];
  GHashTable *text_cache;
  guint generation;

  /* The geometry, valid while !dirty */
  double width;
  double height;
  double grid_left;
  double lane_header_width;
  double grid_top;
  double grid_bottom;
  double column_width;
  GArray *columns;          /* of CjmColumnBox */
  GArray *stages;           /* of CjmStageBox */
  GPtrArray *lanes;         /* of CjmLaneBox */
  GArray *cards;            /* of CjmCardBox */
  GHashTable *card_index;   /* CjmCard → index in cards */
  GArray *connections;      /* of CjmConnectionBox */
  GArray *points;           /* of CjmEmotionPoint */
  GArray *point_labels;     /* of CjmTextBox, parallel to points */
  GArray *moment_tags;      /* of CjmTextBox, parallel to points: the pain point
                             * shown beside a moment that matters, if any */
  CjmLane *fallback_lane;   /* the emotion lane shown when the map shows none */
  GPtrArray *shown_personas;
  GArray *shown_persona_indices;
  CjmRect band_rects[3];
  CjmTextBox band_title;
  CjmTextBox band_subtitle;
  GArray *persona_boxes;    /* of CjmPersonaBox */
  GArray *legend_items;     /* of CjmLegendItem */

  guint dirty : 1;
};

static inline CjmRect
_cjm_rect_make (double x,
                double y,
                double width,
                double height)
{
  CjmRect rect = { x, y, width, height };

  return rect;
}

static inline void
_cjm_text_box_move (CjmTextBox *box,
                    double      x,
                    double      y)
{
  box->rect.x = x;
  box->rect.y = y;
}

/* Sizes that hold text grow with the text scale. */
static inline double
_cjm_layout_scaled (CjmLayout *self,
                    double     size)
{
  return size * self->text_scale;
}

/* Widths grow half as fast. */
static inline double
_cjm_layout_widened (CjmLayout *self,
                     double     size)
{
  return size * (1.0 + (self->text_scale - 1.0) / 2.0);
}

/* The line limit of a text: @max_lines, or none (0) with full texts. */
static inline int
_cjm_layout_max_lines (CjmLayout *self,
                       int        max_lines)
{
  return self->full_texts ? 0 : max_lines;
}

/* The box of a card during or after a relayout; NULL if it is not shown. */
static inline CjmCardBox *
_cjm_layout_find_card_box (CjmLayout *self,
                           CjmCard   *card)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->card_index, card));

  return position > 0 ? &g_array_index (self->cards, CjmCardBox, position - 1) : NULL;
}

CjmTextBox              _cjm_layout_measure             (CjmLayout      *self,
                                                         CjmTextStyle    style,
                                                         const char     *text,
                                                         double          width,
                                                         int             max_lines,
                                                         PangoAlignment  alignment);
void                    _cjm_layout_ensure              (CjmLayout  *self);
void                    _cjm_layout_collect_boxes       (CjmLayout     *self,
                                                         const CjmRect *rect,
                                                         GPtrArray     *boxes);
double                  _cjm_layout_emotion_lane        (CjmLayout  *self,
                                                         guint       lane,
                                                         GHashTable *emotions);
void                    _cjm_layout_forget_emotion_lane (CjmLayout  *self,
                                                         guint       lane,
                                                         guint       n_points);
void                    _cjm_layout_connections         (CjmLayout  *self);
double                  _cjm_layout_title_band          (CjmLayout  *self,
                                                         double      top);
double                  _cjm_layout_persona_band        (CjmLayout  *self,
                                                         double      top);
double                  _cjm_layout_legend_band         (CjmLayout  *self,
                                                         double      top);

G_END_DECLS
