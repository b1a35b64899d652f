/* cjm-layout.c: the geometry of a journey map
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-emotion.h"
#include "cjm-labels.h"
#include "cjm-lane.h"
#include "cjm-layout-private.h"
#include "cjm-map.h"
#include "cjm-persona.h"
#include "cjm-stage.h"
#include "cjm-step.h"

G_DEFINE_FINAL_TYPE (CjmLayout, cjm_layout, G_TYPE_OBJECT)

G_DEFINE_FLAGS_TYPE (CjmLayoutBands, cjm_layout_bands,
                     G_DEFINE_ENUM_VALUE (CJM_LAYOUT_BAND_NONE, "none"),
                     G_DEFINE_ENUM_VALUE (CJM_LAYOUT_BAND_HEADER, "header"),
                     G_DEFINE_ENUM_VALUE (CJM_LAYOUT_BAND_PERSONAS, "personas"),
                     G_DEFINE_ENUM_VALUE (CJM_LAYOUT_BAND_LEGEND, "legend"))

G_DEFINE_ENUM_TYPE (CjmHitKind, cjm_hit_kind,
                    G_DEFINE_ENUM_VALUE (CJM_HIT_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (CJM_HIT_STAGE_HEADER, "stage-header"),
                    G_DEFINE_ENUM_VALUE (CJM_HIT_STEP_HEADER, "step-header"),
                    G_DEFINE_ENUM_VALUE (CJM_HIT_LANE_HEADER, "lane-header"),
                    G_DEFINE_ENUM_VALUE (CJM_HIT_CELL, "cell"),
                    G_DEFINE_ENUM_VALUE (CJM_HIT_CARD, "card"),
                    G_DEFINE_ENUM_VALUE (CJM_HIT_CARD_RESIZE, "card-resize"),
                    G_DEFINE_ENUM_VALUE (CJM_HIT_CARD_CONNECT, "card-connect"),
                    G_DEFINE_ENUM_VALUE (CJM_HIT_EMOTION_POINT, "emotion-point"),
                    G_DEFINE_ENUM_VALUE (CJM_HIT_CONNECTION, "connection"),
                    G_DEFINE_ENUM_VALUE (CJM_HIT_TITLE_BAND, "title-band"),
                    G_DEFINE_ENUM_VALUE (CJM_HIT_PERSONA, "persona"))

enum {
  PROP_0,
  PROP_MAP,
  PROP_TEXT_SCALE,
  PROP_COLUMN_SCALE,
  PROP_PERSONA_IDS,
  PROP_STAGE_IDS,
  PROP_STEP_IDS,
  PROP_LANE_IDS,
  PROP_BANDS,
  PROP_FULL_TEXTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rectangles */

gboolean
cjm_rect_contains (const CjmRect *rect,
                   double         x,
                   double         y)
{
  g_return_val_if_fail (rect != NULL, FALSE);

  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

gboolean
cjm_rect_intersects (const CjmRect *a,
                     const CjmRect *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Text */

typedef struct
{
  PangoLayout *layout;
  double width;
  double height;
  guint generation;
} CachedText;

static void
cached_text_free (gpointer data)
{
  CachedText *cached = data;

  g_clear_object (&cached->layout);
  g_free (cached);
}

static void
ensure_fonts (CjmLayout *self)
{
  static const struct {
    double size;
    PangoWeight weight;
    PangoStyle style;
  } styles[CJM_N_TEXT_STYLES] = {
    [CJM_TEXT_CARD_TITLE] = { 14.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [CJM_TEXT_CARD_META] = { 12.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [CJM_TEXT_STAGE] = { 15.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [CJM_TEXT_STEP] = { 13.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [CJM_TEXT_LANE] = { 14.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [CJM_TEXT_LANE_META] = { 12.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [CJM_TEXT_SCALE] = { 11.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [CJM_TEXT_EMOTION_LABEL] = { 12.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [CJM_TEXT_MOMENT_TAG] = { 11.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [CJM_TEXT_CONNECTION_LABEL] = { 11.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [CJM_TEXT_BAND_TITLE] = { 26.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [CJM_TEXT_BAND_SUBTITLE] = { 13.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [CJM_TEXT_PERSONA_NAME] = { 15.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [CJM_TEXT_PERSONA_TEXT] = { 12.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [CJM_TEXT_AVATAR] = { 17.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [CJM_TEXT_LEGEND_HEADING] = { 12.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    [CJM_TEXT_LEGEND] = { 12.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [CJM_TEXT_PLACEHOLDER] = { 13.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
  };

  if (self->fonts[0] != NULL)
    return;

  for (guint i = 0; i < CJM_N_TEXT_STYLES; i++)
    {
      PangoFontDescription *font = pango_font_description_from_string ("Cantarell,sans-serif");

      pango_font_description_set_absolute_size (font,
                                                styles[i].size * self->text_scale * PANGO_SCALE);
      pango_font_description_set_weight (font, styles[i].weight);
      pango_font_description_set_style (font, styles[i].style);
      self->fonts[i] = font;
    }
}

static void
clear_fonts (CjmLayout *self)
{
  for (guint i = 0; i < CJM_N_TEXT_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_hash_table_remove_all (self->text_cache);
}

/* Measures @text in @style, wrapped at @width (no wrapping if @width ≤ 0)
 * on at most @max_lines lines (no limit if 0), the last one ellipsized.
 * The shaped layout is cached: the renderer draws that very layout. */
CjmTextBox
_cjm_layout_measure (CjmLayout      *self,
                     CjmTextStyle    style,
                     const char     *text,
                     double          width,
                     int             max_lines,
                     PangoAlignment  alignment)
{
  CjmTextBox box = { NULL, { 0, 0, 0, 0 } };
  g_autofree char *key = NULL;
  CachedText *cached;
  int pango_width;

  if (text == NULL || *text == '\0')
    return box;

  pango_width = width > 0 ? (int)floor (width * PANGO_SCALE) : -1;
  key = g_strdup_printf ("%u %d %d %u %s", style, pango_width, max_lines, alignment, text);
  cached = g_hash_table_lookup (self->text_cache, key);

  if (cached == NULL)
    {
      PangoLayout *layout = pango_layout_new (self->context);
      PangoRectangle logical;

      ensure_fonts (self);
      pango_layout_set_font_description (layout, self->fonts[style]);
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_alignment (layout, alignment);
      if (pango_width > 0)
        {
          pango_layout_set_width (layout, pango_width);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          if (max_lines > 0)
            {
              pango_layout_set_height (layout, -max_lines);
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
            }
        }

      pango_layout_get_extents (layout, NULL, &logical);

      cached = g_new0 (CachedText, 1);
      cached->layout = layout;
      /* Aligned text fills the width it was given; the rest takes its own. */
      cached->width = (pango_width > 0 && alignment != PANGO_ALIGN_LEFT)
                      ? width : (double)(logical.x + logical.width) / PANGO_SCALE;
      cached->height = (double)logical.height / PANGO_SCALE;
      g_hash_table_insert (self->text_cache, g_steal_pointer (&key), cached);
    }

  cached->generation = self->generation;
  box.layout = cached->layout;
  box.rect.width = cached->width;
  box.rect.height = cached->height;

  return box;
}

/* Forgets the shaped texts that the last layout did not use, once they
 * outnumber those it did: editing text does not grow the cache for ever. */
static void
prune_text_cache (CjmLayout *self,
                  guint      n_used)
{
  GHashTableIter iter;
  CachedText *cached;

  if (g_hash_table_size (self->text_cache) < 2 * n_used + 256)
    return;

  g_hash_table_iter_init (&iter, self->text_cache);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&cached))
    if (cached->generation != self->generation)
      g_hash_table_iter_remove (&iter);
}

/* Clearing */

static void
lane_box_free (gpointer data)
{
  CjmLaneBox *lane = data;

  g_clear_pointer (&lane->cards, g_ptr_array_unref);
  if (lane->column_cards != NULL)
    {
      for (guint i = 0; lane->column_cards[i] != NULL; i++)
        g_ptr_array_unref (lane->column_cards[i]);
      g_free (lane->column_cards);
    }
  g_clear_pointer (&lane->curves, g_ptr_array_unref);
  g_free (lane);
}

static void
card_box_clear (gpointer data)
{
  CjmCardBox *box = data;

  g_clear_pointer (&box->personas, g_ptr_array_unref);
}

static void
clear_geometry (CjmLayout *self)
{
  g_array_set_size (self->columns, 0);
  g_array_set_size (self->stages, 0);
  g_ptr_array_set_size (self->lanes, 0);
  g_array_set_size (self->cards, 0);
  g_hash_table_remove_all (self->card_index);
  g_array_set_size (self->connections, 0);
  g_array_set_size (self->points, 0);
  g_array_set_size (self->point_labels, 0);
  g_array_set_size (self->moment_tags, 0);
  g_ptr_array_set_size (self->shown_personas, 0);
  g_array_set_size (self->shown_persona_indices, 0);
  g_array_set_size (self->persona_boxes, 0);
  g_array_set_size (self->legend_items, 0);
  memset (self->band_rects, 0, sizeof self->band_rects);
  memset (&self->band_title, 0, sizeof self->band_title);
  memset (&self->band_subtitle, 0, sizeof self->band_subtitle);
}

/* Filters */

static gboolean
filter_allows (char       **ids,
               const char  *id)
{
  return ids == NULL || (id != NULL && g_strv_contains ((const char * const *)ids, id));
}

/* Icons */

CjmIcon
_cjm_icon_for_lane (CjmLane *lane)
{
  switch (cjm_lane_get_kind (lane))
    {
    case CJM_LANE_KIND_CHANNEL:
      switch (cjm_lane_get_channel (lane))
        {
        case CJM_CHANNEL_WEBSITE:
          return CJM_ICON_WEBSITE;
        case CJM_CHANNEL_MOBILE_APP:
          return CJM_ICON_MOBILE_APP;
        case CJM_CHANNEL_SOCIAL_NETWORK:
          return CJM_ICON_SOCIAL_NETWORK;
        case CJM_CHANNEL_STORE:
          return CJM_ICON_STORE;
        case CJM_CHANNEL_CALL_CENTRE:
          return CJM_ICON_CALL_CENTRE;
        case CJM_CHANNEL_EMAIL:
          return CJM_ICON_EMAIL;
        case CJM_CHANNEL_LIVE_CHAT:
          return CJM_ICON_LIVE_CHAT;
        case CJM_CHANNEL_EVENT:
          return CJM_ICON_EVENT;
        case CJM_CHANNEL_DEMO:
          return CJM_ICON_DEMO;
        case CJM_CHANNEL_SALES_CALL:
          return CJM_ICON_SALES_CALL;
        case CJM_CHANNEL_UNSPECIFIED:
        case CJM_CHANNEL_CUSTOM:
        default:
          return CJM_ICON_CHANNEL;
        }
    case CJM_LANE_KIND_TEXT:
      switch (cjm_lane_get_text_kind (lane))
        {
        case CJM_TEXT_KIND_ACTIONS:
          return CJM_ICON_ACTIONS;
        case CJM_TEXT_KIND_THOUGHTS:
          return CJM_ICON_THOUGHTS;
        case CJM_TEXT_KIND_QUOTES:
          return CJM_ICON_QUOTES;
        case CJM_TEXT_KIND_CUSTOM:
        default:
          return CJM_ICON_TEXT;
        }
    case CJM_LANE_KIND_EMOTION:
      return CJM_ICON_EMOTION;
    case CJM_LANE_KIND_PAIN_POINTS:
      return CJM_ICON_PAIN_POINTS;
    case CJM_LANE_KIND_OPPORTUNITIES:
      return CJM_ICON_OPPORTUNITIES;
    case CJM_LANE_KIND_METRICS:
      return CJM_ICON_METRICS;
    case CJM_LANE_KIND_BACKSTAGE:
      return CJM_ICON_BACKSTAGE;
    default:
      return CJM_ICON_NONE;
    }
}

/* Columns and stages */

static void
layout_columns (CjmLayout *self)
{
  GListModel *stages = cjm_map_get_stages (self->map);
  guint n_stages = g_list_model_get_n_items (stages);
  guint step_index = 0;

  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(CjmStage) stage = g_list_model_get_item (stages, i);
      GListModel *steps = cjm_stage_get_steps (stage);
      guint n_steps = g_list_model_get_n_items (steps);
      gboolean shown = filter_allows (self->stage_ids, cjm_element_get_id (CJM_ELEMENT (stage)));
      CjmStageBox stage_box = { 0 };

      stage_box.first_column = self->columns->len;

      for (guint j = 0; j < n_steps; j++, step_index++)
        {
          g_autoptr(CjmStep) step = g_list_model_get_item (steps, j);
          CjmColumnBox column = { 0 };

          if (!shown || !filter_allows (self->step_ids, cjm_element_get_id (CJM_ELEMENT (step))))
            continue;

          column.step = step;
          column.stage = stage;
          column.step_index = step_index;
          column.width = self->column_width;
          column.x = self->grid_left + self->columns->len * self->column_width;
          g_array_append_val (self->columns, column);
        }

      /* The stage's header spans the steps shown of it, if any. */
      stage_box.n_columns = self->columns->len - stage_box.first_column;
      if (stage_box.n_columns > 0)
        {
          stage_box.stage = stage;
          stage_box.stage_index = i;
        }

      if (stage_box.stage != NULL)
        {
          double x = self->grid_left + stage_box.first_column * self->column_width;
          double w = stage_box.n_columns * self->column_width;

          double text_width = w - 2 * CELL_PAD_X - 2 * _cjm_layout_scaled (self, HEADER_PAD + 4);

          stage_box.name = _cjm_layout_measure (self, CJM_TEXT_STAGE, cjm_stage_get_name (stage),
                                                text_width, _cjm_layout_max_lines (self, 1),
                                                PANGO_ALIGN_LEFT);
          stage_box.rect = _cjm_rect_make (x + CELL_PAD_X, 0, w - 2 * CELL_PAD_X, 0);
          g_array_append_val (self->stages, stage_box);
        }
    }
}

static void
place_stage_headers (CjmLayout *self,
                     double     stage_top)
{
  double stage_height = 0;

  /* Every stage header has the height of a line of stage text, or of the
   * tallest stage name with full texts. */
  for (guint i = 0; i < self->stages->len; i++)
    stage_height = MAX (stage_height,
                        g_array_index (self->stages, CjmStageBox, i).name.rect.height);
  stage_height = MAX (stage_height, _cjm_layout_scaled (self, 19)) +
                 2 * _cjm_layout_scaled (self, HEADER_PAD);

  for (guint i = 0; i < self->stages->len; i++)
    {
      CjmStageBox *stage_box = &g_array_index (self->stages, CjmStageBox, i);

      stage_box->rect.y = stage_top;
      stage_box->rect.height = stage_height;
      _cjm_text_box_move (&stage_box->name,
                          stage_box->rect.x + _cjm_layout_scaled (self, HEADER_PAD + 4),
                          stage_top + (stage_height - stage_box->name.rect.height) / 2);
    }

  self->grid_top = stage_top + stage_height + ROW_GAP / 2;
}

static void
layout_step_headers (CjmLayout *self)
{
  double top = self->grid_top;
  double height = 0;

  for (guint i = 0; i < self->columns->len; i++)
    {
      CjmColumnBox *column = &g_array_index (self->columns, CjmColumnBox, i);

      double text_width = column->width - 2 * (CELL_PAD_X + _cjm_layout_scaled (self, HEADER_PAD));

      column->name = _cjm_layout_measure (self, CJM_TEXT_STEP, cjm_step_get_name (column->step),
                                          text_width, _cjm_layout_max_lines (self, STEP_MAX_LINES),
                                          PANGO_ALIGN_LEFT);
      height = MAX (height, column->name.rect.height);
    }

  height = MAX (height, _cjm_layout_scaled (self, 18)) + 2 * _cjm_layout_scaled (self, HEADER_PAD);
  for (guint i = 0; i < self->columns->len; i++)
    {
      CjmColumnBox *column = &g_array_index (self->columns, CjmColumnBox, i);

      column->header = _cjm_rect_make (column->x + CELL_PAD_X, top,
                                       column->width - 2 * CELL_PAD_X, height);
      _cjm_text_box_move (&column->name,
                          column->header.x + _cjm_layout_scaled (self, HEADER_PAD),
                          top + _cjm_layout_scaled (self, HEADER_PAD));
    }

  self->grid_top = top + height + ROW_GAP;
}

/* Lanes and cards */

static CjmLaneBox *
lane_box_new (CjmLayout *self,
              CjmLane   *lane)
{
  CjmLaneBox *box = g_new0 (CjmLaneBox, 1);
  guint n_columns = self->columns->len;

  box->lane = lane;
  box->icon = _cjm_icon_for_lane (lane);
  box->is_emotion = cjm_lane_get_kind (lane) == CJM_LANE_KIND_EMOTION;
  box->cards = g_ptr_array_new ();
  box->column_cards = g_new0 (GPtrArray *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    box->column_cards[i] = g_ptr_array_new ();
  box->curves = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  return box;
}

/* The room above +3 and below −3 of an emotion lane: as much more as its
 * levels are spread apart, so that their tinted halves keep their margin. */
static double
emotion_pad (CjmLayout        *self,
             const CjmLaneBox *lane)
{
  return _cjm_layout_scaled (self, EMOTION_PAD) +
         (lane->level_height - _cjm_layout_scaled (self, LEVEL_HEIGHT)) / 2;
}

/* What a lane header holds beside its text: a pad, the icon, a pad, and a
 * pad after the text. */
static double
lane_header_chrome (CjmLayout *self)
{
  return 3 * _cjm_layout_scaled (self, HEADER_PAD) + _cjm_layout_scaled (self, ICON_BOX);
}

/* The width of the lane headers: with every text whole, wide enough that
 * no word of a lane's name or kind is cut, up to twice the usual width
 * (on the canvas, it stays put while a name is typed). */
static double
measure_lane_header_width (CjmLayout *self)
{
  GListModel *lanes = cjm_map_get_lanes (self->map);
  double usual = _cjm_layout_widened (self, LANE_HEADER_WIDTH);
  double widest = 0;

  if (!self->full_texts)
    return usual;

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(CjmLane) lane = g_list_model_get_item (lanes, i);
      const char *texts[] = { cjm_lane_get_name (lane), cjm_labels_get_lane_kind (lane) };
      const CjmTextStyle styles[] = { CJM_TEXT_LANE, CJM_TEXT_LANE_META };

      if (!filter_allows (self->lane_ids, cjm_element_get_id (CJM_ELEMENT (lane))))
        continue;

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_auto(GStrv) words = texts[t] != NULL ? g_strsplit_set (texts[t], " \t\n", -1) : NULL;

          for (guint w = 0; words != NULL && words[w] != NULL; w++)
            widest = MAX (widest, _cjm_layout_measure (self, styles[t], words[w], -1, 0,
                                                       PANGO_ALIGN_LEFT).rect.width);
        }
    }

  return CLAMP (ceil (lane_header_chrome (self) + widest), usual, 2 * usual);
}

/* The height the lane's header needs, its texts measured. An emotion
 * lane's header also holds the scale, each level's name right-aligned at
 * its level: where the lane's name would run into the top levels' names,
 * the levels move down (lane->level_top, relative to the lane's top). */
static double
measure_lane_header (CjmLayout  *self,
                     CjmLaneBox *box)
{
  double pad = _cjm_layout_scaled (self, HEADER_PAD);
  double icon = _cjm_layout_scaled (self, ICON_BOX);
  double header_width = self->lane_header_width;
  double text_width = header_width - lane_header_chrome (self);
  const char *name = cjm_lane_get_name (box->lane);
  const char *kind = cjm_labels_get_lane_kind (box->lane);
  double block;

  box->name = _cjm_layout_measure (self, CJM_TEXT_LANE, name != NULL ? name : kind, text_width,
                                   _cjm_layout_max_lines (self, box->is_emotion
                                                                ? 2 : LANE_NAME_MAX_LINES),
                                   PANGO_ALIGN_LEFT);
  /* The scale says what an emotion lane is. */
  if (name != NULL && g_strcmp0 (name, kind) != 0 && !box->is_emotion)
    box->meta = _cjm_layout_measure (self, CJM_TEXT_LANE_META, kind, text_width,
                                     _cjm_layout_max_lines (self, 1), PANGO_ALIGN_LEFT);

  block = pad + MAX (icon, box->name.rect.height +
                           (box->meta.layout != NULL ? 2 + box->meta.rect.height : 0));

  if (box->is_emotion)
    {
      double name_right = pad + icon + pad + box->name.rect.width;
      double level_top = emotion_pad (self, box);

      for (int score = CJM_EMOTION_SCORE_MAX; score >= CJM_EMOTION_SCORE_MIN; score--)
        {
          guint i = CJM_EMOTION_SCORE_MAX - score;
          CjmTextBox *level = &box->levels[i];

          *level = _cjm_layout_measure (self, CJM_TEXT_SCALE, cjm_emotion_score_get_label (score),
                                        -1, 0, PANGO_ALIGN_LEFT);
          if (header_width - pad - level->rect.width < name_right + pad)
            level_top = MAX (level_top, 4 + block + 4 + level->rect.height / 2 -
                                        i * box->level_height);
        }
      box->level_top = ceil (level_top);
    }

  return block + pad;
}

static void
place_lane_header (CjmLayout  *self,
                   CjmLaneBox *box)
{
  double pad = _cjm_layout_scaled (self, HEADER_PAD);
  double icon = _cjm_layout_scaled (self, ICON_BOX);
  double x = MARGIN;
  double text_x = x + pad + icon + pad;
  double name_y;

  box->header = _cjm_rect_make (x, box->row.y + 4, self->lane_header_width, box->row.height - 8);
  box->icon_rect = _cjm_rect_make (x + pad, box->header.y + pad, icon, icon);

  /* A single line of name sits level with the icon. */
  name_y = box->header.y + pad;
  if (box->meta.layout == NULL)
    name_y += MAX (0, (icon - box->name.rect.height) / 2);
  _cjm_text_box_move (&box->name, text_x, name_y);
  _cjm_text_box_move (&box->meta, text_x, name_y + box->name.rect.height + 2);

  if (box->is_emotion)
    for (int i = 0; i < 7; i++)
      _cjm_text_box_move (&box->levels[i],
                          box->header.x + box->header.width - pad - box->levels[i].rect.width,
                          box->level_top + i * box->level_height - box->levels[i].rect.height / 2);
}

static void
measure_card (CjmLayout  *self,
              CjmCardBox *box,
              CjmLaneBox *lane)
{
  GListModel *personas = cjm_map_get_personas (self->map);
  double width = box->n_columns * self->column_width - 2 * CELL_PAD_X;
  double pad_x = _cjm_layout_scaled (self, CARD_PAD_X);
  double pad_y = _cjm_layout_scaled (self, CARD_PAD_Y);
  double dot_radius = _cjm_layout_scaled (self, DOT_RADIUS);
  double inner = width - CARD_ACCENT - 2 * pad_x;
  const char * const *persona_ids = cjm_card_get_persona_ids (box->card);
  g_autofree char *meta = cjm_labels_dup_card_meta (box->card, lane->lane);
  const char *title = cjm_card_get_title (box->card);
  double dots_width = 0;
  double line_height;
  double height;

  if (persona_ids != NULL && g_list_model_get_n_items (personas) > 0)
    {
      for (guint i = 0; persona_ids[i] != NULL && (box->personas == NULL ||
                                                  box->personas->len < MAX_DOTS); i++)
        {
          CjmPersona *persona = cjm_map_lookup_typed (self->map, persona_ids[i],
                                                      CJM_TYPE_PERSONA);

          if (persona == NULL)
            continue;
          if (box->personas == NULL)
            box->personas = g_ptr_array_new ();
          g_ptr_array_add (box->personas, persona);
        }
      if (box->personas != NULL)
        dots_width = box->personas->len * (2 * dot_radius + DOT_GAP) - DOT_GAP;
    }

  box->title = _cjm_layout_measure (self, CJM_TEXT_CARD_TITLE,
                                    title != NULL ? title : C_("card", "Untitled"),
                                    inner, _cjm_layout_max_lines (self, TITLE_MAX_LINES),
                                    PANGO_ALIGN_LEFT);
  box->ellipsized = pango_layout_is_ellipsized (box->title.layout);
  box->meta = _cjm_layout_measure (self, CJM_TEXT_CARD_META, meta,
                                   inner - (dots_width > 0 ? dots_width + 8 : 0),
                                   _cjm_layout_max_lines (self, 1), PANGO_ALIGN_LEFT);
  if (box->meta.layout != NULL && pango_layout_is_ellipsized (box->meta.layout))
    box->ellipsized = TRUE;

  height = pad_y + box->title.rect.height;
  line_height = MAX (box->meta.rect.height, dots_width > 0 ? 2 * dot_radius : 0);
  if (line_height > 0)
    height += TITLE_META_GAP + line_height;
  height += pad_y;

  box->rect.width = width;
  box->rect.height = ceil (height);
  box->dots = _cjm_rect_make (0, 0, dots_width, line_height);
}

/* Places the card boxes at their final position, once the lane's top is known. */
static void
place_card (CjmLayout  *self,
            CjmCardBox *box,
            double      lane_top)
{
  double pad_x = _cjm_layout_scaled (self, CARD_PAD_X);
  double pad_y = _cjm_layout_scaled (self, CARD_PAD_Y);
  double text_x, meta_y;

  box->rect.x = self->grid_left + box->column * self->column_width + CELL_PAD_X;
  box->rect.y += lane_top + LANE_PAD_Y;

  text_x = box->rect.x + CARD_ACCENT + pad_x;
  _cjm_text_box_move (&box->title, text_x, box->rect.y + pad_y);
  meta_y = box->title.rect.y + box->title.rect.height + TITLE_META_GAP;
  _cjm_text_box_move (&box->meta, text_x, meta_y + (box->dots.height - box->meta.rect.height) / 2);
  box->dots.x = box->rect.x + box->rect.width - pad_x - box->dots.width;
  box->dots.y = meta_y;
}

/* Stacks the lane's cards in a skyline per column: each card goes below
 * everything already placed in any column it covers, in the order of the
 * map's card list. Returns the height the cards take. */
static double
stack_cards (CjmLayout  *self,
             CjmLaneBox *lane)
{
  guint n_columns = self->columns->len;
  g_autofree double *skyline = g_new0 (double, MAX (n_columns, 1));
  double bottom = 0;

  for (guint i = 0; i < lane->cards->len; i++)
    {
      CjmCardBox *box = g_ptr_array_index (lane->cards, i);
      double top = 0;

      for (guint c = box->column; c < box->column + box->n_columns; c++)
        top = MAX (top, skyline[c]);

      box->rect.y = top;
      for (guint c = box->column; c < box->column + box->n_columns; c++)
        {
          skyline[c] = top + box->rect.height + CARD_GAP;
          g_ptr_array_add (lane->column_cards[c], box);
        }
      bottom = MAX (bottom, top + box->rect.height);
    }

  return bottom;
}

/* Places a lane's row at @y, its header and its cards: as tall as its
 * header, its stacked cards or, for an emotion lane, its seven levels
 * @level_height apart need. */
static void
place_lane (CjmLayout  *self,
            CjmLaneBox *lane,
            double      y,
            double      level_height)
{
  double header_height;
  double height;

  lane->level_height = level_height;
  header_height = measure_lane_header (self, lane);
  if (lane->is_emotion)
    height = lane->level_top + 6 * level_height + emotion_pad (self, lane);
  else
    height = stack_cards (self, lane) + 2 * LANE_PAD_Y;

  height = MAX (height, MAX (_cjm_layout_scaled (self, LANE_MIN_HEIGHT), header_height + 8));
  lane->row = _cjm_rect_make (MARGIN, y, 0, ceil (height));
  lane->level_top += y;

  for (guint j = 0; j < lane->cards->len; j++)
    place_card (self, g_ptr_array_index (lane->cards, j), lane->row.y);
  place_lane_header (self, lane);
}

/* Lays out an emotion lane's curves, faces and labels. Labels and tags
 * are on one line each unless every text is shown whole: wrapped, they
 * can need more room than the levels leave between them, and the levels
 * spread apart until each label stands beside its face. */
static void
layout_emotion_lane (CjmLayout  *self,
                     guint       index,
                     GHashTable *emotions)
{
  CjmLaneBox *lane = g_ptr_array_index (self->lanes, index);
  guint n_points = self->points->len;
  double wanted = _cjm_layout_emotion_lane (self, index, emotions);

  for (guint tries = 0; self->full_texts && wanted > lane->level_height && tries < 3; tries++)
    {
      _cjm_layout_forget_emotion_lane (self, index, n_points);
      place_lane (self, lane, lane->row.y, ceil (wanted));
      wanted = _cjm_layout_emotion_lane (self, index, emotions);
    }
}

static void
layout_lanes (CjmLayout *self)
{
  GListModel *lanes = cjm_map_get_lanes (self->map);
  GListModel *cards = cjm_map_get_cards (self->map);
  guint n_lanes = g_list_model_get_n_items (lanes);
  guint n_cards = g_list_model_get_n_items (cards);
  guint n_columns = self->columns->len;
  g_autoptr(GHashTable) lane_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) step_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) emotions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree int *column_of_step = NULL;
  g_autoptr(GPtrArray) steps = cjm_map_dup_steps (self->map);
  double y = self->grid_top;
  double level_height = _cjm_layout_scaled (self, LEVEL_HEIGHT);

  for (guint i = 0; i < n_lanes; i++)
    {
      g_autoptr(CjmLane) lane = g_list_model_get_item (lanes, i);

      if (!filter_allows (self->lane_ids, cjm_element_get_id (CJM_ELEMENT (lane))))
        continue;

      g_hash_table_insert (lane_by_id, (gpointer)cjm_element_get_id (CJM_ELEMENT (lane)),
                           GUINT_TO_POINTER (self->lanes->len + 1));
      g_ptr_array_add (self->lanes, lane_box_new (self, lane));
    }
  /* No emotion lane shown: the emotion curve widget's own (cjm-layout-curves.c). */
  if (self->lanes->len == 0 && self->fallback_lane != NULL)
    g_ptr_array_add (self->lanes, lane_box_new (self, self->fallback_lane));

  /* For each step of the map, the first column shown at or after it. */
  column_of_step = g_new (int, steps->len + 1);
  for (guint i = 0, c = 0; i <= steps->len; i++)
    {
      while (c < n_columns &&
             g_array_index (self->columns, CjmColumnBox, c).step_index < i)
        c++;
      column_of_step[i] = c;
      if (i < steps->len)
        g_hash_table_insert (step_by_id,
                             (gpointer)cjm_element_get_id (g_ptr_array_index (steps, i)),
                             GUINT_TO_POINTER (i + 1));
    }

  /* The cards, each in its lane, from its first step shown for its span.
   * The array is complete before any pointer into it is taken. */
  for (guint i = 0; i < n_cards; i++)
    {
      CjmCard *card = g_list_model_get_item (cards, i);
      guint lane_pos = GPOINTER_TO_UINT (g_hash_table_lookup (lane_by_id,
                                                              cjm_card_get_lane_id (card)));
      guint step_pos = GPOINTER_TO_UINT (g_hash_table_lookup (step_by_id,
                                                              cjm_card_get_step_id (card)));
      CjmCardBox box = { 0 };
      guint first, end, last_step;

      g_object_unref (card); /* the map keeps it */

      if (lane_pos == 0 || step_pos == 0)
        continue;

      last_step = MIN (step_pos - 1 + MAX (cjm_card_get_span (card), 1), steps->len);
      first = column_of_step[step_pos - 1];
      end = column_of_step[last_step];
      if (first >= end)
        continue;

      box.card = card;
      box.lane = lane_pos - 1;
      box.column = first;
      box.n_columns = end - first;
      g_array_append_val (self->cards, box);
    }

  for (guint i = 0; i < self->cards->len; i++)
    {
      CjmCardBox *box = &g_array_index (self->cards, CjmCardBox, i);
      CjmLaneBox *lane = g_ptr_array_index (self->lanes, box->lane);

      /* No card belongs in an emotion lane: the editor refuses them. */
      if (lane->is_emotion)
        continue;

      measure_card (self, box, lane);
      g_ptr_array_add (lane->cards, box);
      g_hash_table_insert (self->card_index, box->card, GUINT_TO_POINTER (i + 1));
    }

  /* The emotions, by persona and step. */
  {
    GListModel *model = cjm_map_get_emotions (self->map);
    guint n = g_list_model_get_n_items (model);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CjmEmotion) emotion = g_list_model_get_item (model, i);
        char *key = g_strconcat (cjm_emotion_get_persona_id (emotion), "\n",
                                 cjm_emotion_get_step_id (emotion), NULL);

        if (!g_hash_table_contains (emotions, key))
          g_hash_table_insert (emotions, key, emotion);
        else
          g_free (key);
      }
  }

  for (guint i = 0; i < self->lanes->len; i++)
    {
      CjmLaneBox *lane = g_ptr_array_index (self->lanes, i);

      place_lane (self, lane, y, level_height);
      if (lane->is_emotion)
        layout_emotion_lane (self, i, emotions);
      y += lane->row.height;
    }

  self->grid_bottom = y;
}

/* Updating */

static void
collect_shown_personas (CjmLayout *self)
{
  GListModel *personas = cjm_map_get_personas (self->map);
  guint n = g_list_model_get_n_items (personas);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmPersona) persona = g_list_model_get_item (personas, i);

      if (!filter_allows (self->persona_ids, cjm_element_get_id (CJM_ELEMENT (persona))))
        continue;

      g_ptr_array_add (self->shown_personas, persona);
      g_array_append_val (self->shown_persona_indices, i);
    }
}

static void
relayout (CjmLayout *self)
{
  double y = MARGIN;

  self->generation++;
  clear_geometry (self);
  self->dirty = FALSE;

  if (self->map == NULL)
    return;

  self->column_width = _cjm_layout_widened (self, COLUMN_WIDTH) * self->column_scale;
  self->lane_header_width = measure_lane_header_width (self);
  self->grid_left = MARGIN + self->lane_header_width + HEADER_GAP;

  collect_shown_personas (self);
  layout_columns (self);
  self->width = ceil (self->grid_left + MAX (self->columns->len, 1) * self->column_width + MARGIN);

  if (self->bands & CJM_LAYOUT_BAND_HEADER)
    y += _cjm_layout_title_band (self, y) + BAND_GAP;
  if (self->bands & CJM_LAYOUT_BAND_PERSONAS)
    {
      double height = _cjm_layout_persona_band (self, y);

      if (height > 0)
        y += height + BAND_GAP;
    }

  place_stage_headers (self, y);
  layout_step_headers (self);
  layout_lanes (self);
  _cjm_layout_connections (self);

  y = self->grid_bottom;
  if (self->bands & CJM_LAYOUT_BAND_LEGEND)
    {
      double height = _cjm_layout_legend_band (self, y + BAND_GAP);

      if (height > 0)
        y += BAND_GAP + height;
    }

  self->height = ceil (y + MARGIN);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      CjmLaneBox *lane = g_ptr_array_index (self->lanes, i);

      lane->row.width = self->width - 2 * MARGIN;
    }

  prune_text_cache (self, 4 * self->cards->len + 64);
}

void
_cjm_layout_ensure (CjmLayout *self)
{
  if (self->dirty)
    relayout (self);
}

static void
invalidate (CjmLayout *self)
{
  self->dirty = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
map_changed_cb (CjmLayout *self,
                CjmMap    *map)
{
  invalidate (self);
}

/* GObject */

static void
cjm_layout_dispose (GObject *object)
{
  CjmLayout *self = (CjmLayout *)object;

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  clear_geometry (self);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (cjm_layout_parent_class)->dispose (object);
}

static void
cjm_layout_finalize (GObject *object)
{
  CjmLayout *self = (CjmLayout *)object;

  g_clear_pointer (&self->persona_ids, g_strfreev);
  g_clear_pointer (&self->stage_ids, g_strfreev);
  g_clear_pointer (&self->step_ids, g_strfreev);
  g_clear_pointer (&self->lane_ids, g_strfreev);
  clear_fonts (self);
  g_clear_pointer (&self->text_cache, g_hash_table_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->stages, g_array_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->cards, g_array_unref);
  g_clear_pointer (&self->card_index, g_hash_table_unref);
  g_clear_pointer (&self->connections, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->point_labels, g_array_unref);
  g_clear_pointer (&self->moment_tags, g_array_unref);
  g_clear_object (&self->fallback_lane);
  g_clear_pointer (&self->shown_personas, g_ptr_array_unref);
  g_clear_pointer (&self->shown_persona_indices, g_array_unref);
  g_clear_pointer (&self->persona_boxes, g_array_unref);
  g_clear_pointer (&self->legend_items, g_array_unref);

  G_OBJECT_CLASS (cjm_layout_parent_class)->finalize (object);
}

static void
cjm_layout_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CjmLayout *self = CJM_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;

    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;

    case PROP_COLUMN_SCALE:
      g_value_set_double (value, self->column_scale);
      break;

    case PROP_PERSONA_IDS:
      g_value_set_boxed (value, self->persona_ids);
      break;

    case PROP_STAGE_IDS:
      g_value_set_boxed (value, self->stage_ids);
      break;

    case PROP_STEP_IDS:
      g_value_set_boxed (value, self->step_ids);
      break;

    case PROP_LANE_IDS:
      g_value_set_boxed (value, self->lane_ids);
      break;

    case PROP_BANDS:
      g_value_set_flags (value, self->bands);
      break;

    case PROP_FULL_TEXTS:
      g_value_set_boolean (value, self->full_texts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_layout_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CjmLayout *self = CJM_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      self->map = g_value_dup_object (value);
      if (self->map != NULL)
        g_signal_connect_object (self->map, "changed", G_CALLBACK (map_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      break;

    case PROP_TEXT_SCALE:
      cjm_layout_set_text_scale (self, g_value_get_double (value));
      break;

    case PROP_COLUMN_SCALE:
      cjm_layout_set_column_scale (self, g_value_get_double (value));
      break;

    case PROP_PERSONA_IDS:
      cjm_layout_set_persona_ids (self, g_value_get_boxed (value));
      break;

    case PROP_STAGE_IDS:
      cjm_layout_set_stage_ids (self, g_value_get_boxed (value));
      break;

    case PROP_STEP_IDS:
      cjm_layout_set_step_ids (self, g_value_get_boxed (value));
      break;

    case PROP_LANE_IDS:
      cjm_layout_set_lane_ids (self, g_value_get_boxed (value));
      break;

    case PROP_BANDS:
      cjm_layout_set_bands (self, g_value_get_flags (value));
      break;

    case PROP_FULL_TEXTS:
      cjm_layout_set_full_texts (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_layout_class_init (CjmLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cjm_layout_dispose;
  object_class->finalize = cjm_layout_finalize;
  object_class->get_property = cjm_layout_get_property;
  object_class->set_property = cjm_layout_set_property;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL,
                         CJM_TYPE_MAP,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         0.5, 4.0, 1.0,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_COLUMN_SCALE] =
    g_param_spec_double ("column-scale", NULL, NULL,
                         0.5, 4.0, 1.0,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PERSONA_IDS] =
    g_param_spec_boxed ("persona-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_STAGE_IDS] =
    g_param_spec_boxed ("stage-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_STEP_IDS] =
    g_param_spec_boxed ("step-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_LANE_IDS] =
    g_param_spec_boxed ("lane-ids", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_BANDS] =
    g_param_spec_flags ("bands", NULL, NULL,
                        CJM_TYPE_LAYOUT_BANDS,
                        CJM_LAYOUT_BAND_NONE,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * CjmLayout:full-texts:
   *
   * Whether every text is shown whole: cards, stage, step and lane
   * headers and the bands grow to fit their text instead of cutting it
   * with an ellipsis after a few lines. Exports turn it on; the canvas
   * keeps cards compact and shows the whole title in a tooltip.
   */
  properties[PROP_FULL_TEXTS] =
    g_param_spec_boolean ("full-texts", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CjmLayout::changed:
   *
   * Emitted when the geometry has become out of date: the map changed, or
   * an option did. The next query, or cjm_layout_update(), recomputes it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
cjm_layout_init (CjmLayout *self)
{
  cairo_font_options_t *options;

  self->text_scale = 1.0;
  self->column_scale = 1.0;
  self->dirty = TRUE;

  /* Unhinted metrics and unrounded glyph positions: text measured once
   * lays out the same at every zoom level and in every export. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (self->context, 96.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_get_default ());

  self->text_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_text_free);

  self->columns = g_array_new (FALSE, TRUE, sizeof (CjmColumnBox));
  self->stages = g_array_new (FALSE, TRUE, sizeof (CjmStageBox));
  self->lanes = g_ptr_array_new_with_free_func (lane_box_free);
  self->cards = g_array_new (FALSE, TRUE, sizeof (CjmCardBox));
  g_array_set_clear_func (self->cards, card_box_clear);
  self->card_index = g_hash_table_new (NULL, NULL);
  self->connections = g_array_new (FALSE, TRUE, sizeof (CjmConnectionBox));
  self->points = g_array_new (FALSE, TRUE, sizeof (CjmEmotionPoint));
  self->point_labels = g_array_new (FALSE, TRUE, sizeof (CjmTextBox));
  self->moment_tags = g_array_new (FALSE, TRUE, sizeof (CjmTextBox));
  self->shown_personas = g_ptr_array_new ();
  self->shown_persona_indices = g_array_new (FALSE, FALSE, sizeof (guint));
  self->persona_boxes = g_array_new (FALSE, TRUE, sizeof (CjmPersonaBox));
  self->legend_items = g_array_new (FALSE, TRUE, sizeof (CjmLegendItem));
}

/* Public API: the options */

/**
 * cjm_layout_new:
 * @map: the map to lay out
 *
 * Creates the layout of @map, with default options: text at scale 1, every
 * persona's curve, every stage and lane, no bands. It follows the map's
 * changes: each marks it out of date and emits #CjmLayout::changed.
 *
 * Returns: (transfer full): a new #CjmLayout
 */
CjmLayout *
cjm_layout_new (CjmMap *map)
{
  g_return_val_if_fail (CJM_IS_MAP (map), NULL);

  return g_object_new (CJM_TYPE_LAYOUT,
                       "map", map,
                       NULL);
}

CjmMap *
cjm_layout_get_map (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);

  return self->map;
}

double
cjm_layout_get_text_scale (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), 1.0);

  return self->text_scale;
}

double
cjm_layout_get_column_scale (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), 1.0);

  return self->column_scale;
}

/**
 * cjm_layout_get_persona_ids:
 * @self: a #CjmLayout
 *
 * Returns: (nullable) (transfer none): the ids of the personas whose
 *   emotion curves are shown, or %NULL for all of them
 */
const char * const *
cjm_layout_get_persona_ids (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);

  return (const char * const *)self->persona_ids;
}

/**
 * cjm_layout_get_stage_ids:
 * @self: a #CjmLayout
 *
 * Returns: (nullable) (transfer none): the ids of the stages shown, or
 *   %NULL for all of them
 */
const char * const *
cjm_layout_get_stage_ids (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);

  return (const char * const *)self->stage_ids;
}

/**
 * cjm_layout_get_step_ids:
 * @self: a #CjmLayout
 *
 * Returns: (nullable) (transfer none): the ids of the steps shown, or
 *   %NULL for all of them
 */
const char * const *
cjm_layout_get_step_ids (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);

  return (const char * const *)self->step_ids;
}

/**
 * cjm_layout_get_lane_ids:
 * @self: a #CjmLayout
 *
 * Returns: (nullable) (transfer none): the ids of the lanes shown, or
 *   %NULL for all of them
 */
const char * const *
cjm_layout_get_lane_ids (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);

  return (const char * const *)self->lane_ids;
}

CjmLayoutBands
cjm_layout_get_bands (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), CJM_LAYOUT_BAND_NONE);

  return self->bands;
}

/**
 * cjm_layout_get_full_texts:
 * @self: a #CjmLayout
 *
 * Returns: whether every text is shown whole (#CjmLayout:full-texts)
 */
gboolean
cjm_layout_get_full_texts (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);

  return self->full_texts;
}

/**
 * cjm_layout_set_text_scale:
 * @self: a #CjmLayout
 * @text_scale: how much larger than normal text is, from 0.5 to 4
 *
 * Presentation mode uses larger text: the columns widen a little, cards
 * grow to fit their text.
 */
void
cjm_layout_set_text_scale (CjmLayout *self,
                           double     text_scale)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  text_scale = CLAMP (text_scale, 0.5, 4.0);
  if (self->text_scale == text_scale)
    return;

  self->text_scale = text_scale;
  clear_fonts (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

/**
 * cjm_layout_set_column_scale:
 * @self: a #CjmLayout
 * @column_scale: how much wider than normal the steps' columns are, from
 *   0.5 to 4
 *
 * Slides, wide and short, show a few steps in wider columns, where cards
 * need fewer lines; the emotion curve in a side panel, narrow, shows all
 * the steps in narrower ones.
 */
void
cjm_layout_set_column_scale (CjmLayout *self,
                             double     column_scale)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  column_scale = CLAMP (column_scale, 0.5, 4.0);
  if (self->column_scale == column_scale)
    return;

  self->column_scale = column_scale;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_SCALE]);
}

static gboolean
set_ids (char               ***field,
         const char * const   *ids)
{
  if (*field == NULL && ids == NULL)
    return FALSE;
  if (*field != NULL && ids != NULL &&
      g_strv_equal ((const char * const *)*field, ids))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **)ids);

  return TRUE;
}

/**
 * cjm_layout_set_persona_ids:
 * @self: a #CjmLayout
 * @persona_ids: (nullable) (array zero-terminated=1): the ids of the
 *   personas whose curves to show, or %NULL for all
 */
void
cjm_layout_set_persona_ids (CjmLayout          *self,
                            const char * const *persona_ids)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  if (set_ids (&self->persona_ids, persona_ids))
    {
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_IDS]);
    }
}

/**
 * cjm_layout_set_stage_ids:
 * @self: a #CjmLayout
 * @stage_ids: (nullable) (array zero-terminated=1): the ids of the stages
 *   to show, or %NULL for all
 *
 * Exports of part of a map show only some stages. A card that starts in a
 * stage not shown but spans into one that is shows from its first step shown.
 */
void
cjm_layout_set_stage_ids (CjmLayout          *self,
                          const char * const *stage_ids)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  if (set_ids (&self->stage_ids, stage_ids))
    {
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_IDS]);
    }
}

/**
 * cjm_layout_set_step_ids:
 * @self: a #CjmLayout
 * @step_ids: (nullable) (array zero-terminated=1): the ids of the steps
 *   to show, or %NULL for all
 *
 * Exports cut a map into slides and pages of a few steps each. A step is
 * shown if its stage is shown too (cjm_layout_set_stage_ids()); a stage's
 * header spans the steps shown of it. Cards spanning steps not shown show
 * over those that are, as with stages.
 */
void
cjm_layout_set_step_ids (CjmLayout          *self,
                         const char * const *step_ids)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  if (set_ids (&self->step_ids, step_ids))
    {
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_IDS]);
    }
}

/**
 * cjm_layout_set_lane_ids:
 * @self: a #CjmLayout
 * @lane_ids: (nullable) (array zero-terminated=1): the ids of the lanes to
 *   show, or %NULL for all
 */
void
cjm_layout_set_lane_ids (CjmLayout          *self,
                         const char * const *lane_ids)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  if (set_ids (&self->lane_ids, lane_ids))
    {
      invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANE_IDS]);
    }
}

/**
 * cjm_layout_set_bands:
 * @self: a #CjmLayout
 * @bands: the bands to add around the map, for exports
 */
void
cjm_layout_set_bands (CjmLayout      *self,
                      CjmLayoutBands  bands)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  if (self->bands == bands)
    return;

  self->bands = bands;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANDS]);
}

/**
 * cjm_layout_set_full_texts:
 * @self: a #CjmLayout
 * @full_texts: whether to show every text whole
 *
 * By default a card's title shows at most 4 lines, a step's name 3, a
 * lane's name 3, a stage's name and a card's meta line 1, the last line
 * ellipsized. With full texts, there is no such limit: cards, headers and
 * bands grow to fit their whole text, and cjm_layout_get_card_truncated()
 * is always %FALSE. Every export uses it: printed text cannot be hovered.
 */
void
cjm_layout_set_full_texts (CjmLayout *self,
                           gboolean   full_texts)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  full_texts = !!full_texts;
  if (self->full_texts == (guint)full_texts)
    return;

  self->full_texts = full_texts;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_TEXTS]);
}

/**
 * cjm_layout_update:
 * @self: a #CjmLayout
 *
 * Recomputes the geometry if the map or an option changed since it was
 * last computed; does nothing otherwise. Every query calls it: call it
 * yourself only to choose when the work is done. Texts already measured
 * are not measured again.
 */
void
cjm_layout_update (CjmLayout *self)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  _cjm_layout_ensure (self);
}

/**
 * cjm_layout_get_dirty:
 * @self: a #CjmLayout
 *
 * Returns: whether the geometry is out of date until the next update
 */
gboolean
cjm_layout_get_dirty (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);

  return self->dirty;
}
