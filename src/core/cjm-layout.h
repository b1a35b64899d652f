/* cjm-layout.h: the geometry of a journey map
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cjm-curve.h"
#include "cjm-element.h"
#include "cjm-types.h"

G_BEGIN_DECLS

/* One layout serves the canvas, hit-testing and every export: what you see
 * is what you export. All geometry is in map units: 1 unit is 1 pixel at
 * 100 % zoom, with the origin at the top left corner of the map.
 *
 * From top to bottom: the optional header band (title, review date) and
 * persona band; a row of stage headers spanning their steps; a row of step
 * headers; one row per lane, its header in a column on the left; the
 * optional legend band. Each step is a column of the same width.
 *
 * Lanes and columns are numbered as shown, after the filters: lane 0 is the
 * first lane shown, column 0 the first step shown.
 */

#define CJM_TYPE_LAYOUT       (cjm_layout_get_type ())
#define CJM_TYPE_LAYOUT_BANDS (cjm_layout_bands_get_type ())
#define CJM_TYPE_HIT_KIND     (cjm_hit_kind_get_type ())

G_DECLARE_FINAL_TYPE (CjmLayout, cjm_layout, CJM, LAYOUT, GObject)

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CjmRect;

typedef struct
{
  double x;
  double y;
} CjmPoint;

/* The bands added around the map for exports; none by default. */
typedef enum /*< flags >*/
{
  CJM_LAYOUT_BAND_NONE     = 0,
  CJM_LAYOUT_BAND_HEADER   = 1 << 0,  /* map title and review date */
  CJM_LAYOUT_BAND_PERSONAS = 1 << 1,  /* a summary of the personas shown */
  CJM_LAYOUT_BAND_LEGEND   = 1 << 2,  /* lane kinds, pain point categories, emotion scale */
} CjmLayoutBands;

typedef enum
{
  CJM_HIT_NONE,
  CJM_HIT_STAGE_HEADER,    /* element: the CjmStage */
  CJM_HIT_STEP_HEADER,     /* element: the CjmStep */
  CJM_HIT_LANE_HEADER,     /* element: the CjmLane */
  CJM_HIT_CELL,            /* element: the CjmLane; index: where a drop inserts */
  CJM_HIT_CARD,            /* element: the CjmCard */
  CJM_HIT_CARD_RESIZE,     /* the card's right edge: drag to change its span */
  CJM_HIT_CARD_CONNECT,    /* the handle on the card's right edge: drag to connect */
  CJM_HIT_EMOTION_POINT,   /* element: the CjmEmotion */
  CJM_HIT_CONNECTION,      /* element: the CjmConnection */
  CJM_HIT_TITLE_BAND,      /* element: the CjmMap */
  CJM_HIT_PERSONA,         /* element: the CjmPersona, in the persona band */
} CjmHitKind;

/* What lies at a point of the map. Elements are owned by the map: valid
 * until it changes. For every point inside the grid of lanes and steps, @lane
 * and @column give the cell under the point, @index the position among the
 * cell's cards a card dropped there takes, and for an emotion lane @score
 * the level at the point; elsewhere @lane and @column are -1 and @index 0. */
typedef struct
{
  CjmHitKind  kind;
  CjmElement *element;
  int         lane;
  int         column;
  guint       index;
  int         score;
  CjmRect     rect;     /* the rectangle of what was hit */
} CjmHit;

/* A point of an emotion curve: how a persona feels at a step. */
typedef struct
{
  CjmEmotion *emotion;
  CjmPersona *persona;
  guint       lane;        /* the emotion lane it is drawn in */
  guint       column;
  guint       curve;       /* the index of its persona among those shown */
  int         score;
  CjmPoint    centre;      /* the column's centre, the score's level */
  double      radius;      /* of the face drawn at the point */
  CjmRect     label_rect;  /* where its label goes; empty if it has none */
  /* A moment that matters: one of the lowest points of its curve in its
   * lane (all of them on a tie), with the most severe pain point at its
   * step, if any, shown in a tag beside it at @tag_rect. */
  CjmCard    *pain_point;
  CjmRect     tag_rect;    /* empty if no tag is drawn for it */
  guint       moment : 1;
} CjmEmotionPoint;

/* A connection's arrow: a cubic Bézier from the edge of one card to the
 * base of the arrowhead, whose tip touches the edge of the other card. */
typedef struct
{
  CjmPoint start;
  CjmPoint control1;
  CjmPoint control2;
  CjmPoint end;
  CjmPoint tip;
  CjmRect  label_rect;     /* where its label goes; empty if it has none */
} CjmArrow;

GType                   cjm_layout_bands_get_type        (void) G_GNUC_CONST;
GType                   cjm_hit_kind_get_type            (void) G_GNUC_CONST;

CjmLayout              *cjm_layout_new                   (CjmMap             *map)
                                                          G_GNUC_WARN_UNUSED_RESULT;
CjmMap                 *cjm_layout_get_map               (CjmLayout          *self);
double                  cjm_layout_get_text_scale        (CjmLayout          *self);
double                  cjm_layout_get_column_scale      (CjmLayout          *self);
const char * const     *cjm_layout_get_persona_ids       (CjmLayout          *self);
const char * const     *cjm_layout_get_stage_ids         (CjmLayout          *self);
const char * const     *cjm_layout_get_step_ids          (CjmLayout          *self);
const char * const     *cjm_layout_get_lane_ids          (CjmLayout          *self);
CjmLayoutBands          cjm_layout_get_bands             (CjmLayout          *self);
gboolean                cjm_layout_get_full_texts        (CjmLayout          *self);
void                    cjm_layout_set_text_scale        (CjmLayout          *self,
                                                          double              text_scale);
void                    cjm_layout_set_column_scale      (CjmLayout          *self,
                                                          double              column_scale);
void                    cjm_layout_set_persona_ids       (CjmLayout          *self,
                                                          const char * const *persona_ids);
void                    cjm_layout_set_stage_ids         (CjmLayout          *self,
                                                          const char * const *stage_ids);
void                    cjm_layout_set_step_ids          (CjmLayout          *self,
                                                          const char * const *step_ids);
void                    cjm_layout_set_lane_ids          (CjmLayout          *self,
                                                          const char * const *lane_ids);
void                    cjm_layout_set_bands             (CjmLayout          *self,
                                                          CjmLayoutBands      bands);
void                    cjm_layout_set_full_texts        (CjmLayout          *self,
                                                          gboolean            full_texts);

void                    cjm_layout_update                (CjmLayout          *self);
gboolean                cjm_layout_get_dirty             (CjmLayout          *self);
void                    cjm_layout_get_size              (CjmLayout          *self,
                                                          double             *width,
                                                          double             *height);
guint                   cjm_layout_get_n_columns         (CjmLayout          *self);
guint                   cjm_layout_get_n_lanes           (CjmLayout          *self);
CjmStep                *cjm_layout_get_step              (CjmLayout          *self,
                                                          guint               column);
CjmLane                *cjm_layout_get_lane              (CjmLayout          *self,
                                                          guint               lane);
int                     cjm_layout_find_column           (CjmLayout          *self,
                                                          const char         *step_id);
int                     cjm_layout_find_lane             (CjmLayout          *self,
                                                          const char         *lane_id);

gboolean                cjm_layout_get_card_rect         (CjmLayout          *self,
                                                          CjmCard            *card,
                                                          CjmRect            *rect);
gboolean                cjm_layout_get_card_truncated    (CjmLayout          *self,
                                                          CjmCard            *card);
gboolean                cjm_layout_get_cell_rect         (CjmLayout          *self,
                                                          guint               lane,
                                                          guint               column,
                                                          CjmRect            *rect);
gboolean                cjm_layout_get_stage_rect        (CjmLayout          *self,
                                                          CjmStage           *stage,
                                                          CjmRect            *rect);
gboolean                cjm_layout_get_step_rect         (CjmLayout          *self,
                                                          guint               column,
                                                          CjmRect            *rect);
gboolean                cjm_layout_get_lane_header_rect  (CjmLayout          *self,
                                                          guint               lane,
                                                          CjmRect            *rect);
gboolean                cjm_layout_get_band_rect         (CjmLayout          *self,
                                                          CjmLayoutBands      band,
                                                          CjmRect            *rect);
gboolean                cjm_layout_get_element_rect      (CjmLayout          *self,
                                                          const char         *id,
                                                          CjmRect            *rect);
gboolean                cjm_layout_get_insertion_line    (CjmLayout          *self,
                                                          guint               lane,
                                                          guint               column,
                                                          guint               index,
                                                          CjmRect            *line);
GPtrArray              *cjm_layout_get_cards_in_rect     (CjmLayout          *self,
                                                          const CjmRect      *rect)
                                                          G_GNUC_WARN_UNUSED_RESULT;
GPtrArray              *cjm_layout_get_cell_cards        (CjmLayout          *self,
                                                          guint               lane,
                                                          guint               column)
                                                          G_GNUC_WARN_UNUSED_RESULT;
double                  cjm_layout_get_score_y           (CjmLayout          *self,
                                                          guint               lane,
                                                          int                 score);
int                     cjm_layout_get_score_at          (CjmLayout          *self,
                                                          guint               lane,
                                                          double              y);
const CjmEmotionPoint  *cjm_layout_get_emotion_points    (CjmLayout          *self,
                                                          guint              *n_points);
const CjmCurveSegment  *cjm_layout_get_curve             (CjmLayout          *self,
                                                          guint               lane,
                                                          guint               curve,
                                                          guint              *n_segments);
int                     cjm_layout_find_emotion_point    (CjmLayout          *self,
                                                          CjmEmotion         *emotion);
gboolean                cjm_layout_get_emotion_fallback  (CjmLayout          *self);
void                    cjm_layout_set_emotion_fallback  (CjmLayout          *self,
                                                          gboolean            fallback);
gboolean                cjm_layout_get_connection_arrow  (CjmLayout          *self,
                                                          CjmConnection      *connection,
                                                          CjmArrow           *arrow);
gboolean                cjm_layout_hit_test              (CjmLayout          *self,
                                                          double              x,
                                                          double              y,
                                                          CjmHit             *hit);

gboolean                cjm_rect_contains                (const CjmRect      *rect,
                                                          double              x,
                                                          double              y);
gboolean                cjm_rect_intersects              (const CjmRect      *a,
                                                          const CjmRect      *b);

G_END_DECLS
