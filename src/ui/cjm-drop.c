/* cjm-drop.c: what a drag on the canvas does where it is dropped
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-drop"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cjm-drop.h"

/* The same words as the edits' own refusals, for drops refused before
 * anything is tried (a selection of cards, some of which would not fit). */
static const char * const wrong_lane_messages[] = {
  [CJM_CARD_KIND_TOUCHPOINT] = N_("Touchpoints go in channel lanes"),
  [CJM_CARD_KIND_NOTE] = N_("Notes go in text lanes"),
  [CJM_CARD_KIND_PAIN_POINT] = N_("Pain points go in pain point lanes"),
  [CJM_CARD_KIND_OPPORTUNITY] = N_("Opportunities go in opportunity lanes"),
  [CJM_CARD_KIND_METRIC] = N_("KPIs go in KPI lanes"),
  [CJM_CARD_KIND_BACKSTAGE] = N_("Backstage actions go in backstage lanes"),
};

static const char *
wrong_lane_message (CjmCardKind kind)
{
  g_assert (kind < G_N_ELEMENTS (wrong_lane_messages));

  return _(wrong_lane_messages[kind]);
}

void
cjm_drop_init (CjmDrop *drop)
{
  g_return_if_fail (drop != NULL);

  memset (drop, 0, sizeof *drop);
  drop->kind = CJM_DROP_NONE;
  drop->lane = -1;
  drop->column = -1;
  drop->index = -1;
}

/**
 * cjm_lane_kind_get_card_kind:
 * @kind: a kind of lane
 *
 * Returns: the #CjmCardKind of the cards that go in lanes of @kind, or -1
 *   for emotion lanes, which hold no cards
 */
int
cjm_lane_kind_get_card_kind (CjmLaneKind kind)
{
  switch (kind)
    {
    case CJM_LANE_KIND_CHANNEL:
      return CJM_CARD_KIND_TOUCHPOINT;
    case CJM_LANE_KIND_TEXT:
      return CJM_CARD_KIND_NOTE;
    case CJM_LANE_KIND_PAIN_POINTS:
      return CJM_CARD_KIND_PAIN_POINT;
    case CJM_LANE_KIND_OPPORTUNITIES:
      return CJM_CARD_KIND_OPPORTUNITY;
    case CJM_LANE_KIND_METRICS:
      return CJM_CARD_KIND_METRIC;
    case CJM_LANE_KIND_BACKSTAGE:
      return CJM_CARD_KIND_BACKSTAGE;
    case CJM_LANE_KIND_EMOTION:
    default:
      return -1;
    }
}

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value_by_nick (klass, nick);

  if (found == NULL)
    return FALSE;

  *value = found->value;

  return TRUE;
}

static const char *
enum_to_nick (GType type,
              int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  /* The enum classes are static: their strings outlive the reference. */
  return found != NULL ? found->value_nick : NULL;
}

/**
 * cjm_palette_item_parse:
 * @text: "card:KIND" or "channel:CHANNEL", with the nicks of the files
 * @item: (out caller-allocates): where to store the item
 *
 * Returns: %TRUE if @text names a palette item
 */
gboolean
cjm_palette_item_parse (const char     *text,
                        CjmPaletteItem *item)
{
  int value;

  g_return_val_if_fail (item != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  if (g_str_has_prefix (text, "card:") &&
      enum_from_nick (CJM_TYPE_CARD_KIND, text + strlen ("card:"), &value))
    {
      item->kind = value;
      item->channel = CJM_CHANNEL_UNSPECIFIED;
      return TRUE;
    }

  if (g_str_has_prefix (text, "channel:") &&
      enum_from_nick (CJM_TYPE_CHANNEL, text + strlen ("channel:"), &value) &&
      value != CJM_CHANNEL_UNSPECIFIED)
    {
      item->kind = CJM_CARD_KIND_TOUCHPOINT;
      item->channel = value;
      return TRUE;
    }

  return FALSE;
}

char *
cjm_palette_item_to_string (const CjmPaletteItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  if (item->channel != CJM_CHANNEL_UNSPECIFIED)
    return g_strconcat ("channel:", enum_to_nick (CJM_TYPE_CHANNEL, item->channel), NULL);

  return g_strconcat ("card:", enum_to_nick (CJM_TYPE_CARD_KIND, item->kind), NULL);
}

/* Geometry helpers */

static CjmCard *
card_at (CjmLayout *layout,
         double     x,
         double     y,
         CjmHit    *hit)
{
  cjm_layout_hit_test (layout, x, y, hit);

  switch (hit->kind)
    {
    case CJM_HIT_CARD:
    case CJM_HIT_CARD_RESIZE:
    case CJM_HIT_CARD_CONNECT:
      return CJM_CARD (hit->element);

    case CJM_HIT_NONE:
    case CJM_HIT_STAGE_HEADER:
    case CJM_HIT_STEP_HEADER:
    case CJM_HIT_LANE_HEADER:
    case CJM_HIT_CELL:
    case CJM_HIT_EMOTION_POINT:
    case CJM_HIT_CONNECTION:
    case CJM_HIT_TITLE_BAND:
    case CJM_HIT_PERSONA:
    default:
      return NULL;
    }
}

/* The bottom of the grid, where the header markers stop. */
static double
grid_bottom (CjmLayout *layout,
             double     fallback)
{
  guint n_lanes = cjm_layout_get_n_lanes (layout);
  CjmRect cell;

  if (n_lanes > 0 && cjm_layout_get_cell_rect (layout, n_lanes - 1, 0, &cell))
    return cell.y + cell.height;

  return fallback;
}

/* The column whose step header is nearest to @x, and whether @x lies
 * before its middle. -1 if the map has no column. */
static int
nearest_column (CjmLayout *layout,
                double     x,
                gboolean  *before)
{
  guint n_columns = cjm_layout_get_n_columns (layout);
  double best = G_MAXDOUBLE;
  int found = -1;

  for (guint c = 0; c < n_columns; c++)
    {
      CjmRect rect;
      double distance;

      cjm_layout_get_step_rect (layout, c, &rect);
      if (x >= rect.x && x < rect.x + rect.width)
        distance = 0;
      else
        distance = MIN (fabs (x - rect.x), fabs (x - rect.x - rect.width));

      if (distance < best)
        {
          best = distance;
          found = c;
          if (before != NULL)
            *before = x < rect.x + rect.width / 2;
        }
    }

  return found;
}

static int
card_lane (CjmLayout *layout,
           CjmCard   *card)
{
  return cjm_layout_find_lane (layout, cjm_card_get_lane_id (card));
}

static int
card_column (CjmLayout *layout,
             CjmCard   *card)
{
  return cjm_layout_find_column (layout, cjm_card_get_step_id (card));
}

/* The place of @card among the cards of its cell, or -1. */
static int
cell_index (CjmLayout *layout,
            CjmCard   *card,
            guint     *n_in_cell)
{
  g_autoptr(GPtrArray) cards = NULL;
  int lane = card_lane (layout, card);
  int column = card_column (layout, card);
  guint index;

  if (n_in_cell != NULL)
    *n_in_cell = 0;
  if (lane < 0 || column < 0)
    return -1;

  cards = cjm_layout_get_cell_cards (layout, lane, column);
  if (n_in_cell != NULL)
    *n_in_cell = cards->len;

  return g_ptr_array_find (cards, card, &index) ? (int)index : -1;
}

static gboolean
lane_fits (CjmLane     *lane,
           CjmCardKind  kind)
{
  return cjm_lane_get_kind (lane) == cjm_card_kind_get_lane_kind (kind);
}

/* Resolving */

/**
 * cjm_drop_resolve_cards:
 * @layout: the layout of the map
 * @cards: (element-type CjmCard): the cards dragged: the selection
 * @grabbed: the one of @cards under the pointer when the drag began
 * @x: where the pointer is
 * @y: where the pointer is
 * @drop: (out caller-allocates): where they would go
 *
 * The cards move together: @grabbed to the cell under the pointer, at the
 * place the layout's hit-test gives, the others by as many lanes and
 * steps, each last in its cell. A pain point dropped alone on a touchpoint
 * is linked to it instead, and an opportunity dropped on a pain point.
 */
void
cjm_drop_resolve_cards (CjmLayout *layout,
                        GPtrArray *cards,
                        CjmCard   *grabbed,
                        double     x,
                        double     y,
                        CjmDrop   *drop)
{
  guint n_lanes, n_columns;
  int from_lane, from_column;
  CjmCard *target;
  CjmHit hit;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (cards != NULL && cards->len > 0);
  g_return_if_fail (CJM_IS_CARD (grabbed));
  g_return_if_fail (drop != NULL);

  cjm_drop_init (drop);
  target = card_at (layout, x, y, &hit);

  if (target != NULL && target != grabbed && cards->len == 1)
    {
      CjmCardKind from = cjm_card_get_kind (grabbed);
      CjmCardKind to = cjm_card_get_kind (target);

      if ((from == CJM_CARD_KIND_PAIN_POINT && to == CJM_CARD_KIND_TOUCHPOINT) ||
          (from == CJM_CARD_KIND_OPPORTUNITY && to == CJM_CARD_KIND_PAIN_POINT))
        {
          drop->kind = CJM_DROP_LINK;
          drop->target = target;
          return;
        }
    }

  if (hit.lane < 0 || hit.column < 0)
    return;

  drop->lane = hit.lane;
  drop->column = hit.column;
  drop->index = hit.index;

  from_lane = card_lane (layout, grabbed);
  from_column = card_column (layout, grabbed);
  if (from_lane < 0 || from_column < 0)
    return;

  n_lanes = cjm_layout_get_n_lanes (layout);
  n_columns = cjm_layout_get_n_columns (layout);

  for (guint i = 0; i < cards->len; i++)
    {
      CjmCard *card = g_ptr_array_index (cards, i);
      int lane = card_lane (layout, card) + (hit.lane - from_lane);
      int column = card_column (layout, card) + (hit.column - from_column);

      if (lane < 0 || lane >= (int)n_lanes || column < 0 || column >= (int)n_columns)
        {
          drop->message = _("The selected cards do not all fit there");
          drop->index = -1;
          return;
        }

      if (!lane_fits (cjm_layout_get_lane (layout, lane), cjm_card_get_kind (card)))
        {
          drop->message = wrong_lane_message (cjm_card_get_kind (card));
          drop->index = -1;
          return;
        }
    }

  drop->kind = CJM_DROP_MOVE;
}

/**
 * cjm_drop_resolve_connect:
 * @layout: the layout of the map
 * @from: the card whose handle is dragged
 * @x: where the pointer is
 * @y: where the pointer is
 * @drop: (out caller-allocates): the card it would connect to
 */
void
cjm_drop_resolve_connect (CjmLayout *layout,
                          CjmCard   *from,
                          double     x,
                          double     y,
                          CjmDrop   *drop)
{
  CjmCard *target;
  CjmHit hit;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (CJM_IS_CARD (from));
  g_return_if_fail (drop != NULL);

  cjm_drop_init (drop);
  target = card_at (layout, x, y, &hit);
  if (target == NULL || target == from)
    return;

  drop->kind = CJM_DROP_CONNECT;
  drop->target = target;
}

/**
 * cjm_drop_resolve_resize:
 * @layout: the layout of the map
 * @card: the card whose right edge is dragged
 * @x: where the pointer is
 * @drop: (out caller-allocates): the span the card would take, and in
 *   @marker the rectangle it would have
 */
void
cjm_drop_resolve_resize (CjmLayout *layout,
                         CjmCard   *card,
                         double     x,
                         CjmDrop   *drop)
{
  guint n_columns;
  int first, last;
  CjmRect rect, step;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (CJM_IS_CARD (card));
  g_return_if_fail (drop != NULL);

  cjm_drop_init (drop);
  first = card_column (layout, card);
  n_columns = cjm_layout_get_n_columns (layout);
  if (first < 0 || !cjm_layout_get_card_rect (layout, card, &rect))
    return;

  /* The last column is the one whose right edge is nearest the pointer. */
  last = first;
  for (guint c = first; c < n_columns; c++)
    {
      cjm_layout_get_step_rect (layout, c, &step);
      if (x > step.x + step.width / 2)
        last = c;
    }

  cjm_layout_get_step_rect (layout, last, &step);
  drop->kind = CJM_DROP_RESIZE;
  drop->span = last - first + 1;
  drop->lane = card_lane (layout, card);
  drop->column = first;
  drop->marker = rect;
  drop->marker.width = step.x + step.width - rect.x;
}

static void
resolve_stage (CjmLayout *layout,
               CjmStage  *stage,
               double     x,
               CjmDrop   *drop)
{
  GListModel *stages = cjm_map_get_stages (cjm_layout_get_map (layout));
  guint n = g_list_model_get_n_items (stages);
  guint insert = 0, current = 0;
  double line_x = 0, top = 0;

  /* The stages are shown left to right in their order: the stage goes
   * after every one whose middle is left of the pointer. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmStage) item = g_list_model_get_item (stages, i);
      CjmRect rect;

      if (item == stage)
        current = i;
      if (!cjm_layout_get_stage_rect (layout, item, &rect))
        continue;

      top = rect.y;
      if (i == 0)
        line_x = rect.x - 4;
      if (x >= rect.x + rect.width / 2)
        {
          insert = i + 1;
          line_x = rect.x + rect.width + 4;
        }
    }

  drop->kind = CJM_DROP_STAGE;
  drop->position = insert > current ? insert - 1 : insert;
  drop->marker = (CjmRect) { line_x - 2, top, 4, grid_bottom (layout, top + 40) - top };
}

static void
resolve_step (CjmLayout *layout,
              CjmStep   *step,
              double     x,
              CjmDrop   *drop)
{
  CjmMap *map = cjm_layout_get_map (layout);
  guint position_in_stage, current_position;
  CjmStage *target_stage, *current_stage;
  gboolean before = TRUE;
  CjmRect rect;
  double line_x;
  guint insert;
  int column;

  column = nearest_column (layout, x, &before);
  if (column < 0)
    return;

  target_stage = cjm_map_find_stage_of_step (map,
                                             cjm_element_get_id (CJM_ELEMENT (cjm_layout_get_step (layout, column))),
                                             &position_in_stage);
  current_stage = cjm_map_find_stage_of_step (map, cjm_element_get_id (CJM_ELEMENT (step)),
                                              &current_position);
  if (target_stage == NULL || current_stage == NULL)
    return;

  cjm_layout_get_step_rect (layout, column, &rect);
  insert = before ? position_in_stage : position_in_stage + 1;
  line_x = before ? rect.x - 4 : rect.x + rect.width + 4;

  if (current_stage != target_stage &&
      g_list_model_get_n_items (cjm_stage_get_steps (current_stage)) == 1)
    {
      drop->message = _("A stage needs at least one step: this is the last step of its stage");
      return;
    }

  drop->kind = CJM_DROP_STEP;
  drop->stage = target_stage;
  drop->column = column;
  drop->position = (current_stage == target_stage && insert > current_position) ? insert - 1 : insert;
  drop->marker = (CjmRect) { line_x - 2, rect.y, 4, grid_bottom (layout, rect.y + rect.height) - rect.y };
}

static void
resolve_lane (CjmLayout *layout,
              CjmLane   *lane,
              double     y,
              CjmDrop   *drop)
{
  guint n = cjm_layout_get_n_lanes (layout);
  guint insert = 0, current = 0;
  double line_y = 0, left = 0, right = 0, width;
  CjmRect rect;

  cjm_layout_get_size (layout, &width, NULL);

  for (guint i = 0; i < n; i++)
    {
      cjm_layout_get_lane_header_rect (layout, i, &rect);
      if (cjm_layout_get_lane (layout, i) == lane)
        current = i;
      if (i == 0)
        {
          left = rect.x;
          right = width - rect.x;
          line_y = rect.y - 4;
        }
      if (y >= rect.y + rect.height / 2)
        {
          insert = i + 1;
          line_y = rect.y + rect.height + 4;
        }
    }

  drop->kind = CJM_DROP_LANE;
  drop->position = insert > current ? insert - 1 : insert;
  drop->marker = (CjmRect) { left, line_y - 2, right - left, 4 };
}

/**
 * cjm_drop_resolve_header:
 * @layout: the layout of the map
 * @header: the stage, step or lane whose header is dragged
 * @x: where the pointer is
 * @y: where the pointer is
 * @drop: (out caller-allocates): where it would go
 *
 * Stages and steps go where the pointer is across the map, wherever it is
 * up or down: a step may go into another stage. Lanes go where the
 * pointer is down the map.
 */
void
cjm_drop_resolve_header (CjmLayout  *layout,
                         CjmElement *header,
                         double      x,
                         double      y,
                         CjmDrop    *drop)
{
  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (CJM_IS_ELEMENT (header));
  g_return_if_fail (drop != NULL);

  cjm_drop_init (drop);

  if (CJM_IS_STAGE (header))
    resolve_stage (layout, CJM_STAGE (header), x, drop);
  else if (CJM_IS_STEP (header))
    resolve_step (layout, CJM_STEP (header), x, drop);
  else if (CJM_IS_LANE (header))
    resolve_lane (layout, CJM_LANE (header), y, drop);
}

/**
 * cjm_drop_resolve_palette:
 * @layout: the layout of the map
 * @item: what is dragged from the palette
 * @x: where the pointer is
 * @y: where the pointer is
 * @drop: (out caller-allocates): the cell where a card would be made
 *
 * A kind of card goes in a cell of its lane kind. A channel goes anywhere
 * in the grid: its touchpoint goes in the step under the pointer, on the
 * channel's lane (made above the lane under the pointer if the map has none).
 */
void
cjm_drop_resolve_palette (CjmLayout            *layout,
                          const CjmPaletteItem *item,
                          double                x,
                          double                y,
                          CjmDrop              *drop)
{
  CjmLane *lane;
  CjmHit hit;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (item != NULL);
  g_return_if_fail (drop != NULL);

  cjm_drop_init (drop);
  cjm_layout_hit_test (layout, x, y, &hit);
  if (hit.lane < 0 || hit.column < 0)
    return;

  lane = cjm_layout_get_lane (layout, hit.lane);
  drop->lane = hit.lane;
  drop->column = hit.column;

  if (item->channel == CJM_CHANNEL_UNSPECIFIED && !lane_fits (lane, item->kind))
    {
      drop->message = wrong_lane_message (item->kind);
      return;
    }

  drop->kind = CJM_DROP_CREATE;
  drop->index = cjm_lane_get_kind (lane) == CJM_LANE_KIND_EMOTION ? -1 : (int)hit.index;
}

/* Applying */

static gboolean
move_cards (CjmHistory     *history,
            CjmLayout      *layout,
            const CjmDrop  *drop,
            GPtrArray      *cards,
            CjmCard        *grabbed,
            GError        **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  int from_lane = card_lane (layout, grabbed);
  int from_column = card_column (layout, grabbed);
  int position = drop->index;
  gboolean ok = TRUE;
  int current;

  /* Where each goes, before the first move changes the layout. */
  for (guint i = 0; i < cards->len; i++)
    {
      CjmCard *card = g_ptr_array_index (cards, i);
      CjmLane *lane = cjm_layout_get_lane (layout, card_lane (layout, card) + drop->lane - from_lane);
      CjmStep *step = cjm_layout_get_step (layout, card_column (layout, card) + drop->column - from_column);

      if (lane == NULL || step == NULL)
        {
          g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED,
                               _("The selected cards do not all fit there"));
          return FALSE;
        }

      g_ptr_array_add (targets, g_strdup (cjm_element_get_id (CJM_ELEMENT (lane))));
      g_ptr_array_add (targets, g_strdup (cjm_element_get_id (CJM_ELEMENT (step))));
    }

  /* The hit-test counts the grabbed card among those of its own cell:
   * moving down its cell, it takes one place less. */
  current = cell_index (layout, grabbed, NULL);
  if (drop->lane == from_lane && drop->column == from_column &&
      current >= 0 && position > current)
    position--;

  if (cards->len > 1)
    cjm_history_begin_group (history, ngettext ("Move Card", "Move Cards", cards->len));

  for (guint i = 0; ok && i < cards->len; i++)
    {
      CjmCard *card = g_ptr_array_index (cards, i);

      ok = cjm_edit_move_card (history, card,
                               g_ptr_array_index (targets, 2 * i),
                               g_ptr_array_index (targets, 2 * i + 1),
                               card == grabbed ? position : -1,
                               error);
    }

  if (cards->len > 1)
    cjm_history_end_group (history);

  return ok;
}

static gboolean
apply_link (CjmHistory  *history,
            CjmCard     *dragged,
            CjmCard     *target,
            GError     **error)
{
  if (cjm_card_get_kind (dragged) == CJM_CARD_KIND_OPPORTUNITY)
    return cjm_edit_link_opportunity (history, dragged, target, error);

  return cjm_edit_link_pain_point (history, dragged, target, error);
}

/**
 * cjm_drop_apply:
 * @history: the history of the map
 * @layout: the layout of the map, as when @drop was resolved
 * @drop: a drop resolved by one of the cjm_drop_resolve_*() functions
 * @cards: (element-type CjmCard) (nullable): MOVE: the cards dragged
 * @dragged: the element the drag began on: the grabbed card, the card
 *   whose edge or handle was dragged, or the header
 * @error: where to put why it cannot be done
 *
 * Makes the edit the drop stands for, as one undoable step.
 *
 * Returns: %TRUE if done (or nothing to do: a %CJM_DROP_NONE drop with no
 *   message); %FALSE, with nothing changed, if it cannot be done
 */
gboolean
cjm_drop_apply (CjmHistory     *history,
                CjmLayout      *layout,
                const CjmDrop  *drop,
                GPtrArray      *cards,
                CjmElement     *dragged,
                GError        **error)
{
  g_return_val_if_fail (CJM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CJM_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (drop != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (drop->kind)
    {
    case CJM_DROP_NONE:
      if (drop->message == NULL)
        return TRUE;
      g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED, drop->message);
      return FALSE;

    case CJM_DROP_MOVE:
      g_return_val_if_fail (cards != NULL && cards->len > 0, FALSE);
      g_return_val_if_fail (CJM_IS_CARD (dragged), FALSE);
      return move_cards (history, layout, drop, cards, CJM_CARD (dragged), error);

    case CJM_DROP_LINK:
      g_return_val_if_fail (CJM_IS_CARD (dragged), FALSE);
      return apply_link (history, CJM_CARD (dragged), drop->target, error);

    case CJM_DROP_CONNECT:
      g_return_val_if_fail (CJM_IS_CARD (dragged), FALSE);
      return cjm_edit_connect (history,
                               cjm_element_get_id (dragged),
                               cjm_element_get_id (CJM_ELEMENT (drop->target)),
                               NULL, error) != NULL;

    case CJM_DROP_RESIZE:
      g_return_val_if_fail (CJM_IS_CARD (dragged), FALSE);
      return cjm_edit_resize_card (history, CJM_CARD (dragged), drop->span, error);

    case CJM_DROP_STAGE:
      g_return_val_if_fail (CJM_IS_STAGE (dragged), FALSE);
      return cjm_edit_move_stage (history, CJM_STAGE (dragged), drop->position);

    case CJM_DROP_STEP:
      g_return_val_if_fail (CJM_IS_STEP (dragged), FALSE);
      return cjm_edit_move_step (history, CJM_STEP (dragged), drop->stage, drop->position, error);

    case CJM_DROP_LANE:
      g_return_val_if_fail (CJM_IS_LANE (dragged), FALSE);
      return cjm_edit_move_lane (history, CJM_LANE (dragged), drop->position);

    case CJM_DROP_CREATE:
    default:
      g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_ALLOWED,
                           _("Nothing can be dropped there"));
      return FALSE;
    }
}

static CjmLane *
find_channel_lane (CjmMap     *map,
                   CjmChannel  channel)
{
  GListModel *lanes = cjm_map_get_lanes (map);
  guint n = g_list_model_get_n_items (lanes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmLane) lane = g_list_model_get_item (lanes, i);

      if (cjm_lane_get_kind (lane) == CJM_LANE_KIND_CHANNEL && cjm_lane_get_channel (lane) == channel)
        return lane;
    }

  return NULL;
}

/**
 * cjm_drop_create:
 * @history: the history of the map
 * @layout: its layout
 * @item: what to make
 * @lane: the lane shown where it was dropped (or asked for)
 * @column: the column
 * @index: the place among the cards of the cell, or -1 for last
 * @error: where to put why it cannot be made
 *
 * Makes a card from the palette, as one undoable step. A channel's
 * touchpoint goes on the channel's lane: at @index if that is @lane, else
 * last; if the map has no lane for the channel, one is added above @lane.
 *
 * Returns: (transfer none) (nullable): the new card
 */
CjmCard *
cjm_drop_create (CjmHistory            *history,
                 CjmLayout             *layout,
                 const CjmPaletteItem  *item,
                 int                    lane,
                 int                    column,
                 int                    index,
                 GError               **error)
{
  CjmMap *map;
  CjmLane *target;
  CjmStep *step;
  g_autofree char *step_id = NULL;
  CjmCard *card;

  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (CJM_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  map = cjm_history_get_map (history);
  target = lane >= 0 ? cjm_layout_get_lane (layout, lane) : NULL;
  step = column >= 0 ? cjm_layout_get_step (layout, column) : NULL;

  if (target == NULL || step == NULL)
    {
      g_set_error_literal (error, CJM_EDIT_ERROR, CJM_EDIT_ERROR_NOT_FOUND,
                           _("Drop it on a cell of the map"));
      return NULL;
    }

  step_id = g_strdup (cjm_element_get_id (CJM_ELEMENT (step)));

  if (item->channel == CJM_CHANNEL_UNSPECIFIED)
    return cjm_edit_add_card (history, item->kind, cjm_element_get_id (CJM_ELEMENT (target)),
                              step_id, index, NULL, error);

  if (cjm_lane_get_kind (target) != CJM_LANE_KIND_CHANNEL ||
      cjm_lane_get_channel (target) != item->channel)
    {
      CjmLane *channel_lane = find_channel_lane (map, item->channel);

      index = -1;
      if (channel_lane == NULL)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          cjm_history_begin_group (history, C_("undo", "Add Touchpoint"));
          channel_lane = cjm_edit_add_lane (history, lane, CJM_LANE_KIND_CHANNEL,
                                            cjm_channel_get_label (item->channel));
          g_value_init (&value, CJM_TYPE_CHANNEL);
          g_value_set_enum (&value, item->channel);
          cjm_edit_set_value (history, channel_lane, "channel", &value);
          card = cjm_edit_add_card (history, CJM_CARD_KIND_TOUCHPOINT,
                                    cjm_element_get_id (CJM_ELEMENT (channel_lane)),
                                    step_id, -1, NULL, error);
          cjm_history_end_group (history);
          return card;
        }
      target = channel_lane;
    }

  return cjm_edit_add_card (history, CJM_CARD_KIND_TOUCHPOINT,
                            cjm_element_get_id (CJM_ELEMENT (target)),
                            step_id, index, NULL, error);
}

/* Keyboard moves */

static gboolean
nudge_card (CjmHistory  *history,
            CjmLayout   *layout,
            CjmCard     *card,
            int          dx,
            int          dy,
            GError     **error)
{
  int lane = card_lane (layout, card);
  int column = card_column (layout, card);
  guint n_in_cell;
  int index = cell_index (layout, card, &n_in_cell);
  guint n_lanes = cjm_layout_get_n_lanes (layout);
  CjmLane *to_lane;
  CjmStep *to_step;
  int position;

  if (lane < 0 || column < 0 || index < 0)
    return FALSE;

  position = index;
  if (dx != 0)
    {
      column += dx;
      if (column < 0 || column >= (int)cjm_layout_get_n_columns (layout))
        return FALSE;
    }
  else if (dy < 0 && index > 0)
    position = index - 1;
  else if (dy > 0 && index + 1 < (int)n_in_cell)
    position = index + 1;
  else if (dy != 0)
    {
      /* Past the edge of its cell: into the next lane that takes it. */
      do
        lane += dy;
      while (lane >= 0 && lane < (int)n_lanes &&
             !lane_fits (cjm_layout_get_lane (layout, lane), cjm_card_get_kind (card)));

      if (lane < 0 || lane >= (int)n_lanes)
        return FALSE;
      position = dy < 0 ? -1 : 0;
    }

  to_lane = cjm_layout_get_lane (layout, lane);
  to_step = cjm_layout_get_step (layout, column);

  return cjm_edit_move_card (history, card,
                             cjm_element_get_id (CJM_ELEMENT (to_lane)),
                             cjm_element_get_id (CJM_ELEMENT (to_step)),
                             position, error);
}

static gboolean
nudge_step (CjmHistory  *history,
            CjmMap      *map,
            CjmStep     *step,
            int          dx,
            GError     **error)
{
  GListModel *stages = cjm_map_get_stages (map);
  guint position, stage_position = 0;
  CjmStage *stage;
  guint n_steps;

  stage = cjm_map_find_stage_of_step (map, cjm_element_get_id (CJM_ELEMENT (step)), &position);
  if (stage == NULL || dx == 0)
    return FALSE;

  n_steps = g_list_model_get_n_items (cjm_stage_get_steps (stage));
  if ((dx < 0 && position > 0) || (dx > 0 && position + 1 < n_steps))
    return cjm_edit_move_step (history, step, stage, position + dx, error);

  /* At the edge of its stage: into the next stage, at its near end. */
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CjmStage) item = g_list_model_get_item (stages, i);

      if (item == stage)
        {
          stage_position = i;
          break;
        }
    }

  if ((dx < 0 && stage_position == 0) ||
      (dx > 0 && stage_position + 1 >= g_list_model_get_n_items (stages)))
    return FALSE;

  {
    g_autoptr(CjmStage) next = g_list_model_get_item (stages, stage_position + dx);

    return cjm_edit_move_step (history, step, next,
                               dx < 0 ? g_list_model_get_n_items (cjm_stage_get_steps (next)) : 0,
                               error);
  }
}

/**
 * cjm_list_model_index_of:
 * @model: a list
 * @item: an item of it
 *
 * Returns: the position of @item in @model, or -1
 */
int
cjm_list_model_index_of (GListModel *model,
                         gpointer    item)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), -1);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }

  return -1;
}

/**
 * cjm_drop_nudge:
 * @history: the history of the map
 * @layout: its layout
 * @element: the focused element: a card, a stage, a step or a lane
 * @dx: -1, 0 or 1: one step left or right
 * @dy: -1, 0 or 1: one place up or down
 * @error: where to put why it cannot move
 *
 * Moves what the keyboard focuses by one: a card one step across, or one
 * place up or down its cell and on into the next lane that takes it; a
 * stage or a step one place across (a step on into the next stage); a
 * lane one place up or down.
 *
 * Returns: %TRUE if it moved; %FALSE if it is already at the edge (no
 *   error) or cannot move (an error)
 */
gboolean
cjm_drop_nudge (CjmHistory  *history,
                CjmLayout   *layout,
                CjmElement  *element,
                int          dx,
                int          dy,
                GError     **error)
{
  CjmMap *map;

  g_return_val_if_fail (CJM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CJM_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (CJM_IS_ELEMENT (element), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  map = cjm_history_get_map (history);
  dx = CLAMP (dx, -1, 1);
  dy = CLAMP (dy, -1, 1);

  if (CJM_IS_CARD (element))
    return nudge_card (history, layout, CJM_CARD (element), dx, dy, error);

  if (CJM_IS_STEP (element))
    return nudge_step (history, map, CJM_STEP (element), dx, error);

  if (CJM_IS_STAGE (element) && dx != 0)
    {
      int position = cjm_list_model_index_of (cjm_map_get_stages (map), element);

      if (position < 0 || position + dx < 0 ||
          position + dx >= (int)g_list_model_get_n_items (cjm_map_get_stages (map)))
        return FALSE;
      return cjm_edit_move_stage (history, CJM_STAGE (element), position + dx);
    }

  if (CJM_IS_LANE (element) && dy != 0)
    {
      int position = cjm_list_model_index_of (cjm_map_get_lanes (map), element);

      if (position < 0 || position + dy < 0 ||
          position + dy >= (int)g_list_model_get_n_items (cjm_map_get_lanes (map)))
        return FALSE;
      return cjm_edit_move_lane (history, CJM_LANE (element), position + dy);
    }

  return FALSE;
}
