/* cjm-layout-curves.c: the emotion curves and connection arrows of a layout
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

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

/* Emotion lanes */

/* A point's label, right of its face, with the tag of a moment that
 * matters by it: stacked with the others of its column as one piece, so
 * that a tag never leaves its label. A tag is drawn on a pill TAG_PAD_Y
 * taller than its text each side. */
typedef struct
{
  CjmTextBox *label;      /* (nullable) */
  CjmTextBox *tag;        /* (nullable) */
  guint       level;      /* of its face, 0 the top one */
  double      y;          /* of the piece's top */
  double      height;
  double      label_y;    /* from the piece's top */
  double      tag_y;
} Slot;

static int
compare_slot_y (gconstpointer a,
                gconstpointer b)
{
  const Slot *slot_a = a;
  const Slot *slot_b = b;

  return (slot_a->y > slot_b->y) - (slot_a->y < slot_b->y);
}

/* Moves the slots apart where they would overlap, keeping them between
 * @top and @bottom as far as they fit. Returns how much taller than that
 * room their stack is: 0 if it fits. */
static double
stack_slots (GArray *slots,
             double  top,
             double  bottom)
{
  double floor_y = top;

  g_array_sort (slots, compare_slot_y);
  for (guint i = 0; i < slots->len; i++)
    {
      Slot *slot = &g_array_index (slots, Slot, i);

      slot->y = MAX (slot->y, floor_y);
      floor_y = slot->y + slot->height + 1;
    }
  for (guint i = slots->len; i > 0; i--)
    {
      Slot *slot = &g_array_index (slots, Slot, i - 1);

      slot->y = MIN (slot->y, bottom - slot->height);
      bottom = slot->y - 1;
    }

  /* Only a stack taller than the room is pulled up past its top. */
  return MAX (0, top - (bottom + 1));
}

/* The labels and tags of a column's points, where they were measured. */
static GArray *
collect_slots (CjmLayout *self,
               guint      first,
               guint      last)
{
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (Slot));

  for (guint i = first; i < last; i++)
    {
      const CjmEmotionPoint *point = &g_array_index (self->points, CjmEmotionPoint, i);
      CjmTextBox *label = &g_array_index (self->point_labels, CjmTextBox, i);
      CjmTextBox *tag = &g_array_index (self->moment_tags, CjmTextBox, i);
      Slot slot = { NULL, NULL, CJM_EMOTION_SCORE_MAX - point->score, G_MAXDOUBLE, 0, 0, 0 };
      double bottom = -G_MAXDOUBLE;

      if (label->layout != NULL)
        {
          slot.label = label;
          slot.y = label->rect.y;
          bottom = label->rect.y + label->rect.height;
        }
      if (tag->layout != NULL)
        {
          slot.tag = tag;
          slot.y = MIN (slot.y, tag->rect.y - TAG_PAD_Y);
          bottom = MAX (bottom, tag->rect.y + tag->rect.height + TAG_PAD_Y);
        }
      if (slot.label == NULL && slot.tag == NULL)
        continue;

      slot.height = bottom - slot.y;
      slot.label_y = label->rect.y - slot.y;
      slot.tag_y = tag->rect.y - slot.y;
      g_array_append_val (slots, slot);
    }

  return slots;
}

/* The room for an emotion lane's labels, from its top level, with the
 * levels @level_height apart: inside the tinted levels, which end half a
 * level beyond the extreme ones; what pokes out looks like it belongs to
 * the next lane. The lane's row always holds the tint (emotion_pad() in
 * cjm-layout.c). */
static void
get_label_room (double  level_height,
                double *top,
                double *bottom)
{
  *top = -level_height / 2 + 2;
  *bottom = 6.5 * level_height - 2;
}

static void
place_emotion_labels (CjmLayout  *self,
                      CjmLaneBox *lane,
                      guint       first,
                      guint       last)
{
  g_autoptr(GArray) slots = collect_slots (self, first, last);
  double top, bottom;

  get_label_room (lane->level_height, &top, &bottom);
  stack_slots (slots, lane->level_top + top, lane->level_top + bottom);
  for (guint i = 0; i < slots->len; i++)
    {
      const Slot *slot = &g_array_index (slots, Slot, i);

      if (slot->label != NULL)
        slot->label->rect.y = slot->y + slot->label_y;
      if (slot->tag != NULL)
        slot->tag->rect.y = slot->y + slot->tag_y;
    }
}

/* Whether, with the levels @level_height apart, the slots (measured with
 * them @measured apart) stack inside the lane with each level's faces
 * alongside its labels (its tag, if it has none): a label read beside
 * another level's face is read as that face's. */
static gboolean
slots_fit (const GArray *measured_slots,
           double        measured,
           double        level_top,
           double        level_height)
{
  g_autoptr(GArray) slots = g_array_sized_new (FALSE, FALSE, sizeof (Slot), measured_slots->len);
  double reach_top[CJM_EMOTION_SCORE_MAX - CJM_EMOTION_SCORE_MIN + 1];
  double reach_bottom[G_N_ELEMENTS (reach_top)];
  double top, bottom;

  /* From the top level, which stays where the room is measured from. */
  for (guint i = 0; i < measured_slots->len; i++)
    {
      Slot slot = g_array_index (measured_slots, Slot, i);

      slot.y += slot.level * (level_height - measured) - level_top;
      g_array_append_val (slots, slot);
    }
  get_label_room (level_height, &top, &bottom);
  if (stack_slots (slots, top, bottom) > 0)
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (reach_top); k++)
    {
      reach_top[k] = G_MAXDOUBLE;
      reach_bottom[k] = -G_MAXDOUBLE;
    }
  for (guint i = 0; i < slots->len; i++)
    {
      const Slot *slot = &g_array_index (slots, Slot, i);
      double y = slot->label != NULL ? slot->y + slot->label_y : slot->y;
      double height = slot->label != NULL ? slot->label->rect.height : slot->height;

      reach_top[slot->level] = MIN (reach_top[slot->level], y);
      reach_bottom[slot->level] = MAX (reach_bottom[slot->level], y + height);
    }
  for (guint k = 0; k < G_N_ELEMENTS (reach_top); k++)
    if (reach_top[k] <= reach_bottom[k] &&
        (reach_top[k] > k * level_height || reach_bottom[k] < k * level_height))
      return FALSE;

  return TRUE;
}

/* The least level height, the lane's own or more, at which the labels and
 * tags of a column, measured but not yet stacked, stand beside their faces
 * and inside the lane. */
static double
level_height_for_labels (CjmLayout  *self,
                         CjmLaneBox *lane,
                         guint       first,
                         guint       last)
{
  g_autoptr(GArray) slots = collect_slots (self, first, last);
  double low = lane->level_height;
  double high = 2 * low;

  if (slots_fit (slots, lane->level_height, lane->level_top, low))
    return low;

  /* At a level height the whole stack's, each level's slots stand apart. */
  for (guint i = 0; i < slots->len; i++)
    high += g_array_index (slots, Slot, i).height + 1;
  if (!slots_fit (slots, lane->level_height, lane->level_top, high))
    return high;

  while (high - low > 0.5)
    {
      double middle = (low + high) / 2;

      if (slots_fit (slots, lane->level_height, lane->level_top, middle))
        high = middle;
      else
        low = middle;
    }

  return high;
}

/* For each step of the map (by index), the most severe pain point at it. */
static CjmCard **
pain_points_by_step (CjmLayout *self,
                     guint     *n_steps)
{
  g_autoptr(GPtrArray) steps = cjm_map_dup_steps (self->map);
  g_autoptr(GHashTable) step_index = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *cards = cjm_map_get_cards (self->map);
  guint n_cards = g_list_model_get_n_items (cards);
  CjmCard **best = g_new0 (CjmCard *, steps->len + 1);

  for (guint i = 0; i < steps->len; i++)
    g_hash_table_insert (step_index, (gpointer)cjm_element_get_id (g_ptr_array_index (steps, i)),
                         GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);
      guint start;

      if (cjm_card_get_kind (card) != CJM_CARD_KIND_PAIN_POINT ||
          cjm_card_get_step_id (card) == NULL)
        continue;

      start = GPOINTER_TO_UINT (g_hash_table_lookup (step_index, cjm_card_get_step_id (card)));
      if (start == 0)
        continue;

      /* A card spanning several steps is at each of them. */
      for (guint s = start - 1; s < MIN (start - 1 + (guint)MAX (cjm_card_get_span (card), 1),
                                        steps->len); s++)
        if (best[s] == NULL || cjm_card_get_severity (card) > cjm_card_get_severity (best[s]))
          best[s] = card; /* the map keeps it */
    }

  *n_steps = steps->len;

  return best;
}

/* The lowest points of each curve in the lane are moments that matter;
 * the pain point at such a step goes in a tag by the point's label, once
 * per column. */
static void
mark_moments (CjmLayout  *self,
              guint       first)
{
  guint n_personas = self->shown_personas->len;
  guint n_steps = 0;
  g_autofree CjmCard **pain_points = NULL;
  double radius = _cjm_layout_scaled (self, FACE_RADIUS);

  for (guint k = 0; k < n_personas; k++)
    {
      int lowest = G_MAXINT;

      for (guint i = first; i < self->points->len; i++)
        {
          const CjmEmotionPoint *point = &g_array_index (self->points, CjmEmotionPoint, i);

          if (point->curve == k)
            lowest = MIN (lowest, point->score);
        }

      for (guint i = first; i < self->points->len; i++)
        {
          CjmEmotionPoint *point = &g_array_index (self->points, CjmEmotionPoint, i);

          if (point->curve == k && point->score == lowest)
            point->moment = TRUE;
        }
    }

  for (guint i = first; i < self->points->len; i++)
    {
      CjmEmotionPoint *point = &g_array_index (self->points, CjmEmotionPoint, i);
      const CjmColumnBox *column = &g_array_index (self->columns, CjmColumnBox, point->column);
      const CjmTextBox *label = &g_array_index (self->point_labels, CjmTextBox, i);
      CjmTextBox *tag = &g_array_index (self->moment_tags, CjmTextBox, i);
      gboolean shown = FALSE;
      double x, width;

      if (!point->moment)
        continue;

      if (pain_points == NULL)
        pain_points = pain_points_by_step (self, &n_steps);
      if (column->step_index >= n_steps || (point->pain_point = pain_points[column->step_index]) == NULL)
        continue;

      /* Personas at their lowest at the same step share one tag. */
      for (guint j = first; j < i; j++)
        {
          const CjmEmotionPoint *other = &g_array_index (self->points, CjmEmotionPoint, j);

          shown |= other->column == point->column && other->pain_point == point->pain_point;
        }
      if (shown)
        continue;

      x = label->layout != NULL ? label->rect.x : point->centre.x + radius + LABEL_GAP;
      width = column->x + column->width - 4 - TAG_PAD_X - x - TAG_PAD_X;
      *tag = _cjm_layout_measure (self, CJM_TEXT_MOMENT_TAG,
                                  cjm_card_get_title (point->pain_point),
                                  width, _cjm_layout_max_lines (self, 1), PANGO_ALIGN_LEFT);
      if (tag->layout == NULL)
        continue;
      /* In the label's place if it has none, else towards the neutral
       * line, where the lane has room: below an unpleasant low point, the
       * lane ends soon. */
      if (label->layout == NULL)
        _cjm_text_box_move (tag, x + TAG_PAD_X, point->centre.y - tag->rect.height / 2);
      else if (point->score < 0)
        _cjm_text_box_move (tag, x + TAG_PAD_X,
                            label->rect.y - 2 - TAG_PAD_Y - tag->rect.height);
      else
        _cjm_text_box_move (tag, x + TAG_PAD_X,
                            label->rect.y + label->rect.height + 2 + TAG_PAD_Y);
    }
}

/* Lays out the curves, faces, labels and tags of an emotion lane whose
 * row and levels are placed. With every text whole, returns the level
 * height at which every label and tag would stand beside its face and
 * inside the lane: the lane's own or less if they do; else 0. */
double
_cjm_layout_emotion_lane (CjmLayout  *self,
                          guint       lane_index,
                          GHashTable *emotions)
{
  CjmLaneBox *lane = g_ptr_array_index (self->lanes, lane_index);
  guint n_columns = self->columns->len;
  guint n_personas = self->shown_personas->len;
  double radius = _cjm_layout_scaled (self, FACE_RADIUS);
  double spread = MIN (2 * radius + 3, self->column_width / (2 * MAX (n_personas, 1)));
  g_autofree double *xs = g_new (double, MAX (n_columns, 1));
  g_autofree double *ys = g_new (double, (gsize)MAX (n_columns, 1) * MAX (n_personas, 1));
  gboolean any = FALSE;
  g_autofree guint *column_first = g_new (guint, n_columns + 1);
  guint lane_first = self->points->len;
  double wanted = 0;

  /* The tags go parallel to the points. */
  g_array_set_size (self->moment_tags, self->points->len);

  for (guint c = 0; c < n_columns; c++)
    {
      const CjmColumnBox *column = &g_array_index (self->columns, CjmColumnBox, c);
      const char *step_id = cjm_element_get_id (CJM_ELEMENT (column->step));
      double centre = column->x + column->width / 2;
      guint first = self->points->len;

      column_first[c] = first;
      for (guint k = 0; k < n_personas; k++)
        {
          CjmPersona *persona = g_ptr_array_index (self->shown_personas, k);
          g_autofree char *key = g_strconcat (cjm_element_get_id (CJM_ELEMENT (persona)), "\n",
                                              step_id, NULL);
          CjmEmotion *emotion = g_hash_table_lookup (emotions, key);
          CjmEmotionPoint point = { 0 };

          ys[k * n_columns + c] = NAN;
          if (emotion == NULL)
            continue;

          point.emotion = emotion;
          point.persona = persona;
          point.lane = lane_index;
          point.column = c;
          point.curve = k;
          point.score = CLAMP (cjm_emotion_get_score (emotion),
                               CJM_EMOTION_SCORE_MIN, CJM_EMOTION_SCORE_MAX);
          point.centre.x = centre;
          point.centre.y = lane->level_top +
                           (CJM_EMOTION_SCORE_MAX - point.score) * lane->level_height;
          point.radius = radius;
          g_array_append_val (self->points, point);
        }

      /* Personas who feel the same at a step stand side by side. */
      for (guint i = first; i < self->points->len; i++)
        {
          CjmEmotionPoint *point = &g_array_index (self->points, CjmEmotionPoint, i);
          guint before = 0, same = 0;

          for (guint j = first; j < self->points->len; j++)
            if (g_array_index (self->points, CjmEmotionPoint, j).score == point->score)
              {
                if (j < i)
                  before++;
                same++;
              }
          point->centre.x += (before - (same - 1) / 2.0) * spread;
          ys[point->curve * n_columns + c] = point->centre.y;
        }

      /* Their labels, right of the rightmost face of their level. */
      for (guint i = first; i < self->points->len; i++)
        {
          CjmEmotionPoint *point = &g_array_index (self->points, CjmEmotionPoint, i);
          double right = point->centre.x;
          double x, available;
          CjmTextBox label;

          for (guint j = first; j < self->points->len; j++)
            if (g_array_index (self->points, CjmEmotionPoint, j).score == point->score)
              right = MAX (right, g_array_index (self->points, CjmEmotionPoint, j).centre.x);

          x = right + radius + LABEL_GAP;
          available = column->x + column->width - 4 - x;
          label = _cjm_layout_measure (self, CJM_TEXT_EMOTION_LABEL,
                                       cjm_emotion_get_label (point->emotion),
                                       available, _cjm_layout_max_lines (self, 1),
                                       PANGO_ALIGN_LEFT);
          _cjm_text_box_move (&label, x, point->centre.y - label.rect.height / 2);
          g_array_append_val (self->point_labels, label);
        }

      any |= self->points->len > first;
      xs[c] = centre;
    }
  column_first[n_columns] = self->points->len;
  g_array_set_size (self->moment_tags, self->points->len);

  mark_moments (self, lane_first);

  for (guint c = 0; c < n_columns; c++)
    {
      /* On one line each, the labels keep the lane's height whatever. */
      if (self->full_texts)
        wanted = MAX (wanted, level_height_for_labels (self, lane, column_first[c],
                                                       column_first[c + 1]));
      place_emotion_labels (self, lane, column_first[c], column_first[c + 1]);
      for (guint i = column_first[c]; i < column_first[c + 1]; i++)
        {
          CjmEmotionPoint *point = &g_array_index (self->points, CjmEmotionPoint, i);
          const CjmTextBox *label = &g_array_index (self->point_labels, CjmTextBox, i);
          const CjmTextBox *tag = &g_array_index (self->moment_tags, CjmTextBox, i);

          if (label->layout != NULL)
            point->label_rect = label->rect;
          if (tag->layout != NULL)
            point->tag_rect = _cjm_rect_make (tag->rect.x - TAG_PAD_X, tag->rect.y - TAG_PAD_Y,
                                              tag->rect.width + 2 * TAG_PAD_X,
                                              tag->rect.height + 2 * TAG_PAD_Y);
        }
    }

  for (guint k = 0; k < n_personas; k++)
    {
      g_autofree double *curve_xs = g_new (double, MAX (n_columns, 1));

      /* Follow the faces moved aside, keeping the abscissas increasing. */
      for (guint c = 0; c < n_columns; c++)
        curve_xs[c] = xs[c];
      for (guint i = 0; i < self->points->len; i++)
        {
          const CjmEmotionPoint *point = &g_array_index (self->points, CjmEmotionPoint, i);

          if (point->lane == lane_index && point->curve == k)
            curve_xs[point->column] = point->centre.x;
        }

      g_ptr_array_add (lane->curves, cjm_curve_segments (curve_xs, ys + k * n_columns, n_columns));
    }

  if (!any && n_columns > 0)
    {
      const char *text = g_list_model_get_n_items (cjm_map_get_personas (self->map)) == 0
                         ? _("Add a persona to draw an emotion curve")
                         : _("No emotion scores yet");
      double left = self->grid_left;
      double width = n_columns * self->column_width;

      lane->placeholder = _cjm_layout_measure (self, CJM_TEXT_PLACEHOLDER, text,
                                               width - 2 * CELL_PAD_X, 2, PANGO_ALIGN_CENTER);
      _cjm_text_box_move (&lane->placeholder, left + CELL_PAD_X,
                          lane->level_top + 3 * lane->level_height -
                          lane->placeholder.rect.height / 2);
    }

  return wanted;
}

/* Forgets what _cjm_layout_emotion_lane() added for a lane, to lay it out
 * again: the points from @n_points on (the layout's count before it ran),
 * their labels and tags, the lane's curves and placeholder. */
void
_cjm_layout_forget_emotion_lane (CjmLayout *self,
                                 guint      lane_index,
                                 guint      n_points)
{
  CjmLaneBox *lane = g_ptr_array_index (self->lanes, lane_index);

  g_array_set_size (self->points, n_points);
  g_array_set_size (self->point_labels, n_points);
  g_array_set_size (self->moment_tags, n_points);
  g_ptr_array_set_size (lane->curves, 0);
  lane->placeholder = (CjmTextBox) { NULL, { 0, 0, 0, 0 } };
}

const CjmTextBox *
_cjm_layout_get_moment_tags (CjmLayout *self,
                             guint     *n_tags)
{
  _cjm_layout_ensure (self);
  *n_tags = self->moment_tags->len;

  return (const CjmTextBox *)(gpointer)self->moment_tags->data;
}

/**
 * cjm_layout_find_emotion_point:
 * @self: a #CjmLayout
 * @emotion: an emotion of the map
 *
 * Returns: the index of @emotion's point among
 *   cjm_layout_get_emotion_points(), the first if several emotion lanes
 *   show it, or -1 if it is not shown
 */
int
cjm_layout_find_emotion_point (CjmLayout  *self,
                               CjmEmotion *emotion)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), -1);
  g_return_val_if_fail (CJM_IS_EMOTION (emotion), -1);

  _cjm_layout_ensure (self);
  for (guint i = 0; i < self->points->len; i++)
    if (g_array_index (self->points, CjmEmotionPoint, i).emotion == emotion)
      return (int)i;

  return -1;
}

/**
 * cjm_layout_get_emotion_fallback:
 * @self: a #CjmLayout
 *
 * Returns: whether an emotion lane of the layout's own is shown when the
 *   map shows no lane
 */
gboolean
cjm_layout_get_emotion_fallback (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);

  return self->fallback_lane != NULL;
}

/**
 * cjm_layout_set_emotion_fallback:
 * @self: a #CjmLayout
 * @fallback: whether to show an emotion lane of the layout's own when no
 *   lane of the map is shown
 *
 * For the emotion curve widget, which shows one emotion lane even on a map
 * that has none: with the lane filter set to the map's emotion lane, or to
 * nothing if there is none, the curves are drawn either way. The lane of
 * the layout's own is not in the map: hits on it give it as the element.
 */
void
cjm_layout_set_emotion_fallback (CjmLayout *self,
                                 gboolean   fallback)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  if (fallback == (self->fallback_lane != NULL))
    return;

  if (fallback)
    {
      self->fallback_lane = cjm_lane_new ("emotion-curve");
      cjm_lane_set_kind (self->fallback_lane, CJM_LANE_KIND_EMOTION);
    }
  else
    g_clear_object (&self->fallback_lane);

  self->dirty = TRUE;
  g_signal_emit_by_name (self, "changed");
}

/* Connections */

static void
compute_arrow (const CjmRect *a,
               const CjmRect *b,
               CjmArrow      *arrow)
{
  CjmPoint start, tip, out_start, out_end;
  double reach;

  if (b->x >= a->x + a->width)
    {
      start = (CjmPoint) { a->x + a->width, a->y + a->height / 2 };
      tip = (CjmPoint) { b->x, b->y + b->height / 2 };
      out_start = (CjmPoint) { 1, 0 };
      out_end = (CjmPoint) { -1, 0 };
    }
  else if (b->x + b->width <= a->x)
    {
      start = (CjmPoint) { a->x, a->y + a->height / 2 };
      tip = (CjmPoint) { b->x + b->width, b->y + b->height / 2 };
      out_start = (CjmPoint) { -1, 0 };
      out_end = (CjmPoint) { 1, 0 };
    }
  else
    {
      /* One above the other: a vertical arrow through what they share. */
      double x = (MAX (a->x, b->x) + MIN (a->x + a->width, b->x + b->width)) / 2;

      if (b->y >= a->y + a->height / 2)
        {
          start = (CjmPoint) { x, a->y + a->height };
          tip = (CjmPoint) { x, b->y };
          out_start = (CjmPoint) { 0, 1 };
          out_end = (CjmPoint) { 0, -1 };
        }
      else
        {
          start = (CjmPoint) { x, a->y };
          tip = (CjmPoint) { x, b->y + b->height };
          out_start = (CjmPoint) { 0, -1 };
          out_end = (CjmPoint) { 0, 1 };
        }
    }

  arrow->start = start;
  arrow->tip = tip;
  arrow->end = (CjmPoint) { tip.x + out_end.x * ARROW_LENGTH, tip.y + out_end.y * ARROW_LENGTH };

  /* Leave and arrive square to the edges, bending more for longer arrows,
   * never reaching past each other: between cards of neighbouring steps the
   * arrow stays in the narrow gap between their columns. */
  reach = 0.45 * (fabs (arrow->end.x - start.x) * fabs (out_start.x) +
                  fabs (arrow->end.y - start.y) * fabs (out_start.y));
  reach = MAX (reach, 4.0);
  arrow->control1 = (CjmPoint) { start.x + out_start.x * reach, start.y + out_start.y * reach };
  arrow->control2 = (CjmPoint) { arrow->end.x + out_end.x * reach,
                                 arrow->end.y + out_end.y * reach };
}

static CjmPoint
arrow_point (const CjmArrow *arrow,
             double          t)
{
  CjmCurveSegment segment = {
    arrow->start.x, arrow->start.y, arrow->control1.x, arrow->control1.y,
    arrow->control2.x, arrow->control2.y, arrow->end.x, arrow->end.y, 0
  };
  CjmPoint point;

  cjm_curve_segment_point (&segment, t, &point.x, &point.y);

  return point;
}

static double
overlap (const CjmRect *a,
         const CjmRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return MAX (w, 0) * MAX (h, 0);
}

/* How much of @rect the cards and the labels already placed cover. */
static double
area_hidden (CjmLayout     *self,
             const CjmRect *rect)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  double area = 0;

  _cjm_layout_collect_boxes (self, rect, boxes);
  for (guint i = 0; i < boxes->len; i++)
    area += overlap (rect, &((CjmCardBox *)g_ptr_array_index (boxes, i))->rect);

  for (guint i = 0; i < self->connections->len; i++)
    {
      const CjmConnectionBox *other = &g_array_index (self->connections, CjmConnectionBox, i);

      if (other->label.layout != NULL)
        area += overlap (rect, &other->arrow.label_rect);
    }

  return area;
}

/* A label goes on its arrow where it hides no card and no other label:
 * centred on the middle if it can, else the nearest free place along the
 * arrow (the arrow through its middle or near one of its ends), else just
 * above or below both cards; on a crowded map, where it hides the least. */
static void
place_connection_label (CjmLayout        *self,
                        CjmConnectionBox *box,
                        const CjmRect    *from,
                        const CjmRect    *to)
{
  double width = box->label.rect.width + 12;
  double height = box->label.rect.height + 4;
  double middle_x = (box->arrow.start.x + box->arrow.tip.x) / 2;
  double shifts[] = { 0, -(width / 2 - height), width / 2 - height };
  CjmRect candidates[17 * G_N_ELEMENTS (shifts) + 2];
  guint n = 0;
  CjmRect best = { 0 };
  double least = G_MAXDOUBLE;

  for (guint i = 0; i < 17; i++)
    {
      /* 0.5, 0.45, 0.55, 0.4, 0.6…: outwards from the middle. */
      double t = 0.5 + (i % 2 ? -1 : 1) * 0.05 * ((i + 1) / 2);
      CjmPoint point = arrow_point (&box->arrow, t);

      for (guint k = 0; k < G_N_ELEMENTS (shifts); k++)
        candidates[n++] = _cjm_rect_make (point.x - width / 2 + shifts[k], point.y - height / 2,
                                          width, height);
    }
  candidates[n++] = _cjm_rect_make (middle_x - width / 2, MIN (from->y, to->y) - height - 3,
                                    width, height);
  candidates[n++] = _cjm_rect_make (middle_x - width / 2,
                                    MAX (from->y + from->height, to->y + to->height) + 3,
                                    width, height);
  g_assert (n == G_N_ELEMENTS (candidates));

  for (guint i = 0; i < n && least > 0; i++)
    {
      double area = area_hidden (self, &candidates[i]);

      if (area < least)
        {
          least = area;
          best = candidates[i];
        }
    }

  box->arrow.label_rect = best;
  _cjm_text_box_move (&box->label, best.x + 6, best.y + 2);
}

void
_cjm_layout_connections (CjmLayout *self)
{
  GListModel *connections = cjm_map_get_connections (self->map);
  guint n = g_list_model_get_n_items (connections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmConnection) connection = g_list_model_get_item (connections, i);
      CjmCard *from = cjm_map_lookup_typed (self->map, cjm_connection_get_from_id (connection),
                                            CJM_TYPE_CARD);
      CjmCard *to = cjm_map_lookup_typed (self->map, cjm_connection_get_to_id (connection),
                                          CJM_TYPE_CARD);
      const CjmCardBox *from_box = from != NULL ? _cjm_layout_find_card_box (self, from) : NULL;
      const CjmCardBox *to_box = to != NULL ? _cjm_layout_find_card_box (self, to) : NULL;
      CjmConnectionBox box = { 0 };
      double x0, y0, x1, y1;

      if (from_box == NULL || to_box == NULL || from_box == to_box)
        continue;

      box.connection = connection;
      compute_arrow (&from_box->rect, &to_box->rect, &box.arrow);

      box.label = _cjm_layout_measure (self, CJM_TEXT_CONNECTION_LABEL,
                                       cjm_connection_get_label (connection),
                                       _cjm_layout_widened (self, 200),
                                       _cjm_layout_max_lines (self, 1), PANGO_ALIGN_LEFT);
      if (box.label.layout != NULL)
        place_connection_label (self, &box, &from_box->rect, &to_box->rect);

      /* A Bézier curve lies inside the hull of its control points. */
      x0 = MIN (MIN (box.arrow.start.x, box.arrow.control1.x),
                MIN (box.arrow.control2.x, box.arrow.tip.x));
      y0 = MIN (MIN (box.arrow.start.y, box.arrow.control1.y),
                MIN (box.arrow.control2.y, box.arrow.tip.y));
      x1 = MAX (MAX (box.arrow.start.x, box.arrow.control1.x),
                MAX (box.arrow.control2.x, box.arrow.tip.x));
      y1 = MAX (MAX (box.arrow.start.y, box.arrow.control1.y),
                MAX (box.arrow.control2.y, box.arrow.tip.y));
      box.bounds = _cjm_rect_make (x0 - ARROW_LENGTH, y0 - ARROW_LENGTH,
                                   x1 - x0 + 2 * ARROW_LENGTH, y1 - y0 + 2 * ARROW_LENGTH);
      if (box.label.layout != NULL)
        {
          double bx = MIN (box.bounds.x, box.arrow.label_rect.x);
          double by = MIN (box.bounds.y, box.arrow.label_rect.y);

          box.bounds.width = MAX (box.bounds.x + box.bounds.width,
                                  box.arrow.label_rect.x + box.arrow.label_rect.width) - bx;
          box.bounds.height = MAX (box.bounds.y + box.bounds.height,
                                   box.arrow.label_rect.y + box.arrow.label_rect.height) - by;
          box.bounds.x = bx;
          box.bounds.y = by;
        }

      g_array_append_val (self->connections, box);
    }
}
