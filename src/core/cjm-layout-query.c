/* cjm-layout-query.c: what a layout answers: rectangles, culling, hit-testing
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-layout"

#include "config.h"

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

/* Indexing: lanes by y (binary search), columns by x (arithmetic), and in
 * each lane × column the cards covering it from top to bottom (binary
 * search), so that every query costs in proportion to what it returns. */

static int
lane_at_y (CjmLayout *self,
           double     y)
{
  guint low = 0, high = self->lanes->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;
      CjmLaneBox *lane = g_ptr_array_index (self->lanes, middle);

      if (y < lane->row.y)
        high = middle;
      else if (y >= lane->row.y + lane->row.height)
        low = middle + 1;
      else
        return middle;
    }

  return -1;
}

/* The first lane whose row ends below @y. */
static guint
first_lane_below (CjmLayout *self,
                  double     y)
{
  guint low = 0, high = self->lanes->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;
      CjmLaneBox *lane = g_ptr_array_index (self->lanes, middle);

      if (lane->row.y + lane->row.height <= y)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static int
column_at_x (CjmLayout *self,
             double     x)
{
  double column;

  if (self->columns->len == 0 || x < self->grid_left)
    return -1;

  column = floor ((x - self->grid_left) / self->column_width);

  return column < self->columns->len ? (int)column : -1;
}

/* The first box of a column's stack whose bottom is below @y. */
static guint
first_box_below (GPtrArray *stack,
                 double     y)
{
  guint low = 0, high = stack->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;
      CjmCardBox *box = g_ptr_array_index (stack, middle);

      if (box->rect.y + box->rect.height <= y)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* Adds to @boxes those of the cards meeting @rect, lane by lane: also
 * while the layout computes the connections, once the cards are placed. */
void
_cjm_layout_collect_boxes (CjmLayout     *self,
                           const CjmRect *rect,
                           GPtrArray     *boxes)
{
  double x1 = rect->x + rect->width;
  double y1 = rect->y + rect->height;
  int first_column, last_column;

  if (self->columns->len == 0 || rect->width < 0 || rect->height < 0)
    return;

  first_column = (int)floor ((rect->x - self->grid_left) / self->column_width);
  last_column = (int)floor ((x1 - self->grid_left) / self->column_width);
  first_column = MAX (first_column, 0);
  last_column = MIN (last_column, (int)self->columns->len - 1);

  for (guint i = first_lane_below (self, rect->y); i < self->lanes->len; i++)
    {
      CjmLaneBox *lane = g_ptr_array_index (self->lanes, i);

      if (lane->row.y >= y1)
        break;

      for (int c = first_column; c <= last_column; c++)
        {
          GPtrArray *stack = lane->column_cards[c];

          for (guint k = first_box_below (stack, rect->y); k < stack->len; k++)
            {
              CjmCardBox *box = g_ptr_array_index (stack, k);

              if (box->rect.y >= y1)
                break;

              /* A card spanning columns is reported once: from the first
               * column of the query it covers. */
              if (c != MAX ((int)box->column, first_column))
                continue;
              if (cjm_rect_intersects (&box->rect, rect))
                g_ptr_array_add (boxes, box);
            }
        }
    }
}

/* Private API, for the renderer */

PangoContext *
_cjm_layout_get_pango_context (CjmLayout *self)
{
  return self->context;
}

double
_cjm_layout_get_scale (CjmLayout *self)
{
  return self->text_scale;
}

const CjmColumnBox *
_cjm_layout_get_columns (CjmLayout *self,
                         guint     *n_columns)
{
  _cjm_layout_ensure (self);
  *n_columns = self->columns->len;

  return (const CjmColumnBox *)(gpointer)self->columns->data;
}

const CjmStageBox *
_cjm_layout_get_stages (CjmLayout *self,
                        guint     *n_stages)
{
  _cjm_layout_ensure (self);
  *n_stages = self->stages->len;

  return (const CjmStageBox *)(gpointer)self->stages->data;
}

CjmLaneBox * const *
_cjm_layout_get_lanes (CjmLayout *self,
                       guint     *n_lanes)
{
  _cjm_layout_ensure (self);
  *n_lanes = self->lanes->len;

  return (CjmLaneBox * const *)self->lanes->pdata;
}

const CjmCardBox *
_cjm_layout_get_card_box (CjmLayout *self,
                          CjmCard   *card)
{
  _cjm_layout_ensure (self);

  return _cjm_layout_find_card_box (self, card);
}

/* Returns: (transfer container) (element-type CjmCardBox): the boxes of the
 * cards meeting @rect, lane by lane, top to bottom */
GPtrArray *
_cjm_layout_get_boxes_in_rect (CjmLayout     *self,
                               const CjmRect *rect)
{
  GPtrArray *boxes = g_ptr_array_new ();

  _cjm_layout_ensure (self);
  _cjm_layout_collect_boxes (self, rect, boxes);

  return boxes;
}

const CjmConnectionBox *
_cjm_layout_get_connections (CjmLayout *self,
                             guint     *n_connections)
{
  _cjm_layout_ensure (self);
  *n_connections = self->connections->len;

  return (const CjmConnectionBox *)(gpointer)self->connections->data;
}

const CjmTextBox *
_cjm_layout_get_emotion_labels (CjmLayout *self,
                                guint     *n_labels)
{
  _cjm_layout_ensure (self);
  *n_labels = self->point_labels->len;

  return (const CjmTextBox *)(gpointer)self->point_labels->data;
}

CjmPersona * const *
_cjm_layout_get_shown_personas (CjmLayout    *self,
                                const guint **persona_indices,
                                guint        *n_personas)
{
  _cjm_layout_ensure (self);
  *n_personas = self->shown_personas->len;
  if (persona_indices != NULL)
    *persona_indices = (const guint *)(gpointer)self->shown_persona_indices->data;

  return (CjmPersona * const *)self->shown_personas->pdata;
}

void
_cjm_layout_get_title_band (CjmLayout  *self,
                            CjmTextBox *title,
                            CjmTextBox *subtitle)
{
  _cjm_layout_ensure (self);
  *title = self->band_title;
  *subtitle = self->band_subtitle;
}

const CjmPersonaBox *
_cjm_layout_get_persona_boxes (CjmLayout *self,
                               guint     *n_boxes)
{
  _cjm_layout_ensure (self);
  *n_boxes = self->persona_boxes->len;

  return (const CjmPersonaBox *)(gpointer)self->persona_boxes->data;
}

const CjmLegendItem *
_cjm_layout_get_legend_items (CjmLayout *self,
                              guint     *n_items)
{
  _cjm_layout_ensure (self);
  *n_items = self->legend_items->len;

  return (const CjmLegendItem *)(gpointer)self->legend_items->data;
}

/* Public API: the geometry */

/**
 * cjm_layout_get_size:
 * @self: a #CjmLayout
 * @width: (out) (optional): the width of the whole map, margins included
 * @height: (out) (optional): its height
 */
void
cjm_layout_get_size (CjmLayout *self,
                     double    *width,
                     double    *height)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));

  _cjm_layout_ensure (self);
  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

guint
cjm_layout_get_n_columns (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);

  _cjm_layout_ensure (self);

  return self->columns->len;
}

guint
cjm_layout_get_n_lanes (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);

  _cjm_layout_ensure (self);

  return self->lanes->len;
}

/**
 * cjm_layout_get_step:
 * @self: a #CjmLayout
 * @column: a column shown
 *
 * Returns: (transfer none) (nullable): the step of the column
 */
CjmStep *
cjm_layout_get_step (CjmLayout *self,
                     guint      column)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);

  _cjm_layout_ensure (self);
  if (column >= self->columns->len)
    return NULL;

  return g_array_index (self->columns, CjmColumnBox, column).step;
}

/**
 * cjm_layout_get_lane:
 * @self: a #CjmLayout
 * @lane: a lane shown, 0 for the top one
 *
 * Returns: (transfer none) (nullable): the lane
 */
CjmLane *
cjm_layout_get_lane (CjmLayout *self,
                     guint      lane)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);

  _cjm_layout_ensure (self);
  if (lane >= self->lanes->len)
    return NULL;

  return ((CjmLaneBox *)g_ptr_array_index (self->lanes, lane))->lane;
}

/**
 * cjm_layout_find_column:
 * @self: a #CjmLayout
 * @step_id: a step id
 *
 * Returns: the column showing the step, or -1 if it is not shown
 */
int
cjm_layout_find_column (CjmLayout  *self,
                        const char *step_id)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), -1);

  _cjm_layout_ensure (self);
  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (cjm_element_get_id (CJM_ELEMENT (g_array_index (self->columns,
                                                                   CjmColumnBox, i).step)),
                   step_id) == 0)
      return i;

  return -1;
}

/**
 * cjm_layout_find_lane:
 * @self: a #CjmLayout
 * @lane_id: a lane id
 *
 * Returns: the position of the lane among those shown, or -1
 */
int
cjm_layout_find_lane (CjmLayout  *self,
                      const char *lane_id)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), -1);

  _cjm_layout_ensure (self);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      CjmLaneBox *lane = g_ptr_array_index (self->lanes, i);

      if (g_strcmp0 (cjm_element_get_id (CJM_ELEMENT (lane->lane)), lane_id) == 0)
        return i;
    }

  return -1;
}

/**
 * cjm_layout_get_card_rect:
 * @self: a #CjmLayout
 * @card: a card of the map
 * @rect: (out caller-allocates): where to store its rectangle
 *
 * Returns: %TRUE if the card is shown
 */
gboolean
cjm_layout_get_card_rect (CjmLayout *self,
                          CjmCard   *card,
                          CjmRect   *rect)
{
  const CjmCardBox *box;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (CJM_IS_CARD (card), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  box = _cjm_layout_get_card_box (self, card);
  if (box == NULL)
    return FALSE;

  *rect = box->rect;

  return TRUE;
}

/**
 * cjm_layout_get_card_truncated:
 * @self: a #CjmLayout
 * @card: a card of the map
 *
 * Whether the card shows less than all its title or meta line: the layout
 * ellipsized it to fit. The canvas may then show the whole in a tooltip.
 *
 * Returns: %TRUE if the card is shown truncated
 */
gboolean
cjm_layout_get_card_truncated (CjmLayout *self,
                               CjmCard   *card)
{
  const CjmCardBox *box;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (CJM_IS_CARD (card), FALSE);

  box = _cjm_layout_get_card_box (self, card);

  return box != NULL && box->ellipsized;
}

/**
 * cjm_layout_get_cell_rect:
 * @self: a #CjmLayout
 * @lane: a lane shown
 * @column: a column shown
 * @rect: (out caller-allocates): where to store the cell's rectangle: the
 *   column's full width, the lane's full height
 *
 * Returns: %TRUE if the cell exists
 */
gboolean
cjm_layout_get_cell_rect (CjmLayout *self,
                          guint      lane,
                          guint      column,
                          CjmRect   *rect)
{
  CjmLaneBox *lane_box;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  _cjm_layout_ensure (self);
  if (lane >= self->lanes->len || column >= self->columns->len)
    return FALSE;

  lane_box = g_ptr_array_index (self->lanes, lane);
  *rect = _cjm_rect_make (self->grid_left + column * self->column_width, lane_box->row.y,
                          self->column_width, lane_box->row.height);

  return TRUE;
}

/**
 * cjm_layout_get_stage_rect:
 * @self: a #CjmLayout
 * @stage: a stage of the map
 * @rect: (out caller-allocates): where to store the rectangle of its header
 *
 * Returns: %TRUE if the stage is shown
 */
gboolean
cjm_layout_get_stage_rect (CjmLayout *self,
                           CjmStage  *stage,
                           CjmRect   *rect)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  _cjm_layout_ensure (self);
  for (guint i = 0; i < self->stages->len; i++)
    {
      const CjmStageBox *box = &g_array_index (self->stages, CjmStageBox, i);

      if (box->stage == stage)
        {
          *rect = box->rect;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cjm_layout_get_step_rect:
 * @self: a #CjmLayout
 * @column: a column shown
 * @rect: (out caller-allocates): where to store the rectangle of its step header
 *
 * Returns: %TRUE if the column exists
 */
gboolean
cjm_layout_get_step_rect (CjmLayout *self,
                          guint      column,
                          CjmRect   *rect)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  _cjm_layout_ensure (self);
  if (column >= self->columns->len)
    return FALSE;

  *rect = g_array_index (self->columns, CjmColumnBox, column).header;

  return TRUE;
}

/**
 * cjm_layout_get_lane_header_rect:
 * @self: a #CjmLayout
 * @lane: a lane shown
 * @rect: (out caller-allocates): where to store the rectangle of its header
 *
 * Returns: %TRUE if the lane exists
 */
gboolean
cjm_layout_get_lane_header_rect (CjmLayout *self,
                                 guint      lane,
                                 CjmRect   *rect)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  _cjm_layout_ensure (self);
  if (lane >= self->lanes->len)
    return FALSE;

  *rect = ((CjmLaneBox *)g_ptr_array_index (self->lanes, lane))->header;

  return TRUE;
}

static guint
band_slot (CjmLayoutBands band)
{
  switch (band)
    {
    case CJM_LAYOUT_BAND_HEADER:
      return 0;
    case CJM_LAYOUT_BAND_PERSONAS:
      return 1;
    case CJM_LAYOUT_BAND_LEGEND:
      return 2;
    case CJM_LAYOUT_BAND_NONE:
    default:
      return G_MAXUINT;
    }
}

/**
 * cjm_layout_get_band_rect:
 * @self: a #CjmLayout
 * @band: one band
 * @rect: (out caller-allocates): where to store its rectangle
 *
 * Returns: %TRUE if the band is shown (and not empty)
 */
gboolean
cjm_layout_get_band_rect (CjmLayout      *self,
                          CjmLayoutBands  band,
                          CjmRect        *rect)
{
  guint slot = band_slot (band);

  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (slot != G_MAXUINT, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  _cjm_layout_ensure (self);
  if (!(self->bands & band) || self->band_rects[slot].height <= 0)
    return FALSE;

  *rect = self->band_rects[slot];

  return TRUE;
}

static gboolean
emotion_rect (CjmLayout  *self,
              CjmEmotion *emotion,
              CjmRect    *rect)
{
  for (guint i = 0; i < self->points->len; i++)
    {
      const CjmEmotionPoint *point = &g_array_index (self->points, CjmEmotionPoint, i);

      if (point->emotion == emotion)
        {
          *rect = _cjm_rect_make (point->centre.x - point->radius, point->centre.y - point->radius,
                                  2 * point->radius, 2 * point->radius);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cjm_layout_get_element_rect:
 * @self: a #CjmLayout
 * @id: the id of an element of the map
 * @rect: (out caller-allocates): where to store its rectangle
 *
 * Where an element is drawn, to scroll to it or to show its focus: a card,
 * a stage or step header, a lane's header, an emotion's face, a
 * connection's bounds, a persona in the persona band, the map's title band.
 *
 * Returns: %TRUE if the element is shown
 */
gboolean
cjm_layout_get_element_rect (CjmLayout  *self,
                             const char *id,
                             CjmRect    *rect)
{
  CjmElement *element;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  _cjm_layout_ensure (self);
  element = cjm_map_lookup (self->map, id);
  if (element == NULL)
    return FALSE;

  if (CJM_IS_CARD (element))
    return cjm_layout_get_card_rect (self, CJM_CARD (element), rect);
  if (CJM_IS_STAGE (element))
    return cjm_layout_get_stage_rect (self, CJM_STAGE (element), rect);
  if (CJM_IS_STEP (element))
    {
      for (guint i = 0; i < self->columns->len; i++)
        if (g_array_index (self->columns, CjmColumnBox, i).step == CJM_STEP (element))
          return cjm_layout_get_step_rect (self, i, rect);
      return FALSE;
    }
  if (CJM_IS_LANE (element))
    {
      int lane = cjm_layout_find_lane (self, id);

      return lane >= 0 && cjm_layout_get_lane_header_rect (self, lane, rect);
    }
  if (CJM_IS_EMOTION (element))
    return emotion_rect (self, CJM_EMOTION (element), rect);
  if (CJM_IS_CONNECTION (element))
    {
      for (guint i = 0; i < self->connections->len; i++)
        {
          const CjmConnectionBox *box = &g_array_index (self->connections, CjmConnectionBox, i);

          if (box->connection == CJM_CONNECTION (element))
            {
              *rect = box->bounds;
              return TRUE;
            }
        }
      return FALSE;
    }
  if (CJM_IS_PERSONA (element))
    {
      for (guint i = 0; i < self->persona_boxes->len; i++)
        {
          const CjmPersonaBox *box = &g_array_index (self->persona_boxes, CjmPersonaBox, i);

          if (box->persona == CJM_PERSONA (element))
            {
              *rect = box->rect;
              return TRUE;
            }
        }
      return FALSE;
    }
  if (CJM_IS_MAP (element))
    return cjm_layout_get_band_rect (self, CJM_LAYOUT_BAND_HEADER, rect);

  return FALSE;
}

/* The boxes of the cards of a cell: those whose first column shown is
 * @column, in the map's order. */
static GPtrArray *
cell_boxes (CjmLayout *self,
            guint      lane,
            guint      column)
{
  CjmLaneBox *lane_box = g_ptr_array_index (self->lanes, lane);
  GPtrArray *stack = lane_box->column_cards[column];
  GPtrArray *boxes = g_ptr_array_new ();

  for (guint i = 0; i < stack->len; i++)
    {
      CjmCardBox *box = g_ptr_array_index (stack, i);

      if (box->column == column)
        g_ptr_array_add (boxes, box);
    }

  return boxes;
}

static guint
insertion_index (CjmLayout *self,
                 guint      lane,
                 guint      column,
                 double     y)
{
  g_autoptr(GPtrArray) boxes = cell_boxes (self, lane, column);
  guint index = 0;

  for (guint i = 0; i < boxes->len; i++)
    {
      CjmCardBox *box = g_ptr_array_index (boxes, i);

      if (box->rect.y + box->rect.height / 2 <= y)
        index = i + 1;
    }

  return index;
}

/**
 * cjm_layout_get_insertion_line:
 * @self: a #CjmLayout
 * @lane: a lane shown
 * @column: a column shown
 * @index: a position among the cards of the cell, as a hit gives it
 * @line: (out caller-allocates): where to store the line to draw, across
 *   the column between the cards where a dropped card would go
 *
 * Returns: %TRUE if the cell exists and takes cards
 */
gboolean
cjm_layout_get_insertion_line (CjmLayout *self,
                               guint      lane,
                               guint      column,
                               guint      index,
                               CjmRect   *line)
{
  g_autoptr(GPtrArray) boxes = NULL;
  CjmLaneBox *lane_box;
  GPtrArray *stack;
  double y;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  _cjm_layout_ensure (self);
  if (lane >= self->lanes->len || column >= self->columns->len)
    return FALSE;

  lane_box = g_ptr_array_index (self->lanes, lane);
  if (lane_box->is_emotion)
    return FALSE;

  boxes = cell_boxes (self, lane, column);
  stack = lane_box->column_cards[column];
  if (index < boxes->len)
    {
      CjmCardBox *box = g_ptr_array_index (boxes, index);

      y = box->rect.y - CARD_GAP / 2;
    }
  else if (stack->len > 0)
    {
      /* After the last card covering the column, where an appended card goes. */
      CjmCardBox *box = g_ptr_array_index (stack, stack->len - 1);

      y = box->rect.y + box->rect.height + CARD_GAP / 2;
    }
  else
    y = lane_box->row.y + LANE_PAD_Y / 2;

  *line = _cjm_rect_make (self->grid_left + column * self->column_width + CELL_PAD_X, y - 1.5,
                          self->column_width - 2 * CELL_PAD_X, 3);

  return TRUE;
}

/**
 * cjm_layout_get_cards_in_rect:
 * @self: a #CjmLayout
 * @rect: a rectangle of the map
 *
 * Finds the cards that meet @rect, to draw only what is visible or to
 * select with a rubber band. It costs in proportion to the lanes, columns
 * and cards in @rect, not to the size of the map.
 *
 * Returns: (transfer full) (element-type CjmCard): the cards, lane by lane
 */
GPtrArray *
cjm_layout_get_cards_in_rect (CjmLayout     *self,
                              const CjmRect *rect)
{
  g_autoptr(GPtrArray) boxes = NULL;
  GPtrArray *cards;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  boxes = _cjm_layout_get_boxes_in_rect (self, rect);
  cards = g_ptr_array_new_full (boxes->len, g_object_unref);
  for (guint i = 0; i < boxes->len; i++)
    g_ptr_array_add (cards, g_object_ref (((CjmCardBox *)g_ptr_array_index (boxes, i))->card));

  return cards;
}

/**
 * cjm_layout_get_cell_cards:
 * @self: a #CjmLayout
 * @lane: a lane shown
 * @column: a column shown
 *
 * Returns: (transfer full) (element-type CjmCard): the cards of the cell,
 *   top to bottom: those that start at its step (or, when stages are
 *   filtered, whose first step shown is its step)
 */
GPtrArray *
cjm_layout_get_cell_cards (CjmLayout *self,
                           guint      lane,
                           guint      column)
{
  g_autoptr(GPtrArray) boxes = NULL;
  GPtrArray *cards;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);

  _cjm_layout_ensure (self);
  cards = g_ptr_array_new_with_free_func (g_object_unref);
  if (lane >= self->lanes->len || column >= self->columns->len)
    return cards;

  boxes = cell_boxes (self, lane, column);
  for (guint i = 0; i < boxes->len; i++)
    g_ptr_array_add (cards, g_object_ref (((CjmCardBox *)g_ptr_array_index (boxes, i))->card));

  return cards;
}

/* The score whose level is nearest @y, the scale's end beyond it. */
static int
lane_score_at (const CjmLaneBox *lane_box,
               double            y)
{
  double level = round ((y - lane_box->level_top) / lane_box->level_height);

  return CJM_EMOTION_SCORE_MAX - (int)CLAMP (level, 0, 6);
}

/**
 * cjm_layout_get_score_at:
 * @self: a #CjmLayout
 * @lane: an emotion lane shown
 * @y: a y of the map, in or out of the lane
 *
 * The inverse of cjm_layout_get_score_y(), snapped to whole levels: where
 * a dragged emotion point lands, +3 above the lane and -3 below it.
 *
 * Returns: the score, or 0 if @lane is not an emotion lane
 */
int
cjm_layout_get_score_at (CjmLayout *self,
                         guint      lane,
                         double     y)
{
  CjmLaneBox *lane_box;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);

  _cjm_layout_ensure (self);
  if (lane >= self->lanes->len)
    return 0;

  lane_box = g_ptr_array_index (self->lanes, lane);
  if (!lane_box->is_emotion)
    return 0;

  return lane_score_at (lane_box, y);
}

/**
 * cjm_layout_get_score_y:
 * @self: a #CjmLayout
 * @lane: an emotion lane shown
 * @score: an emotion score, from -3 to 3
 *
 * Returns: the y of the score's level in the lane, or NAN if @lane is not
 *   an emotion lane
 */
double
cjm_layout_get_score_y (CjmLayout *self,
                        guint      lane,
                        int        score)
{
  CjmLaneBox *lane_box;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), NAN);

  _cjm_layout_ensure (self);
  if (lane >= self->lanes->len)
    return NAN;

  lane_box = g_ptr_array_index (self->lanes, lane);
  if (!lane_box->is_emotion)
    return NAN;

  score = CLAMP (score, CJM_EMOTION_SCORE_MIN, CJM_EMOTION_SCORE_MAX);

  return lane_box->level_top + (CJM_EMOTION_SCORE_MAX - score) * lane_box->level_height;
}

/**
 * cjm_layout_get_emotion_points:
 * @self: a #CjmLayout
 * @n_points: (out): the number of points
 *
 * Returns: (transfer none) (array length=n_points): the points of every
 *   emotion curve shown, lane by lane, column by column, then by persona;
 *   valid until the layout changes
 */
const CjmEmotionPoint *
cjm_layout_get_emotion_points (CjmLayout *self,
                               guint     *n_points)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  _cjm_layout_ensure (self);
  *n_points = self->points->len;

  return (const CjmEmotionPoint *)(gpointer)self->points->data;
}

/**
 * cjm_layout_get_curve:
 * @self: a #CjmLayout
 * @lane: an emotion lane shown
 * @curve: the position of a persona among those whose curves are shown
 * @n_segments: (out): the number of segments
 *
 * Returns: (transfer none) (array length=n_segments) (nullable): the
 *   persona's emotion curve in the lane, as cjm_curve_segments() makes it
 */
const CjmCurveSegment *
cjm_layout_get_curve (CjmLayout *self,
                      guint      lane,
                      guint      curve,
                      guint     *n_segments)
{
  CjmLaneBox *lane_box;
  GArray *segments;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (n_segments != NULL, NULL);

  _cjm_layout_ensure (self);
  *n_segments = 0;
  if (lane >= self->lanes->len)
    return NULL;

  lane_box = g_ptr_array_index (self->lanes, lane);
  if (curve >= lane_box->curves->len)
    return NULL;

  segments = g_ptr_array_index (lane_box->curves, curve);
  *n_segments = segments->len;

  return (const CjmCurveSegment *)(gpointer)segments->data;
}

/**
 * cjm_layout_get_connection_arrow:
 * @self: a #CjmLayout
 * @connection: a connection of the map
 * @arrow: (out caller-allocates): where to store its arrow
 *
 * Returns: %TRUE if the connection is shown: both its cards are
 */
gboolean
cjm_layout_get_connection_arrow (CjmLayout     *self,
                                 CjmConnection *connection,
                                 CjmArrow      *arrow)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (arrow != NULL, FALSE);

  _cjm_layout_ensure (self);
  for (guint i = 0; i < self->connections->len; i++)
    {
      const CjmConnectionBox *box = &g_array_index (self->connections, CjmConnectionBox, i);

      if (box->connection == connection)
        {
          *arrow = box->arrow;
          return TRUE;
        }
    }

  return FALSE;
}

/* Hit-testing */

static double
distance_to_segment (double x,
                     double y,
                     double x0,
                     double y0,
                     double x1,
                     double y1)
{
  double dx = x1 - x0, dy = y1 - y0;
  double length = dx * dx + dy * dy;
  double t = length > 0 ? CLAMP (((x - x0) * dx + (y - y0) * dy) / length, 0.0, 1.0) : 0.0;

  return hypot (x - (x0 + t * dx), y - (y0 + t * dy));
}

static gboolean
arrow_is_near (const CjmArrow *arrow,
               double          x,
               double          y,
               double          tolerance)
{
  CjmCurveSegment segment = {
    arrow->start.x, arrow->start.y, arrow->control1.x, arrow->control1.y,
    arrow->control2.x, arrow->control2.y, arrow->end.x, arrow->end.y, 0
  };
  double px = arrow->start.x, py = arrow->start.y;

  if (arrow->label_rect.width > 0 && cjm_rect_contains (&arrow->label_rect, x, y))
    return TRUE;

  for (guint i = 1; i <= 32; i++)
    {
      double qx, qy;

      cjm_curve_segment_point (&segment, i / 32.0, &qx, &qy);
      if (distance_to_segment (x, y, px, py, qx, qy) <= tolerance)
        return TRUE;
      px = qx;
      py = qy;
    }

  return distance_to_segment (x, y, arrow->end.x, arrow->end.y,
                              arrow->tip.x, arrow->tip.y) <= tolerance;
}

static gboolean
hit_card (CjmLayout *self,
          double     x,
          double     y,
          CjmHit    *hit)
{
  CjmRect around = { x - HANDLE_RADIUS, y - HANDLE_RADIUS, 2 * HANDLE_RADIUS, 2 * HANDLE_RADIUS };
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  _cjm_layout_collect_boxes (self, &around, boxes);

  /* Handles first: they stick out of their card, over its neighbours' margins. */
  for (guint i = 0; i < boxes->len; i++)
    {
      CjmCardBox *box = g_ptr_array_index (boxes, i);
      double right = box->rect.x + box->rect.width;

      if (hypot (x - right, y - (box->rect.y + box->rect.height / 2)) <= HANDLE_RADIUS)
        hit->kind = CJM_HIT_CARD_CONNECT;
      else if (x >= right - RESIZE_WIDTH && x <= right + 3 &&
               y >= box->rect.y && y < box->rect.y + box->rect.height)
        hit->kind = CJM_HIT_CARD_RESIZE;
      else
        continue;

      hit->element = CJM_ELEMENT (box->card);
      hit->rect = box->rect;
      return TRUE;
    }

  for (guint i = 0; i < boxes->len; i++)
    {
      CjmCardBox *box = g_ptr_array_index (boxes, i);

      if (cjm_rect_contains (&box->rect, x, y))
        {
          hit->kind = CJM_HIT_CARD;
          hit->element = CJM_ELEMENT (box->card);
          hit->rect = box->rect;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
hit_emotion_point (CjmLayout *self,
                   double     x,
                   double     y,
                   int        lane,
                   CjmHit    *hit)
{
  const CjmEmotionPoint *best = NULL;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < self->points->len; i++)
    {
      const CjmEmotionPoint *point = &g_array_index (self->points, CjmEmotionPoint, i);
      double distance;

      if ((int)point->lane != lane)
        continue;

      distance = hypot (x - point->centre.x, y - point->centre.y);
      if (distance <= point->radius + 2 && distance < best_distance)
        {
          best = point;
          best_distance = distance;
        }
    }

  if (best == NULL)
    return FALSE;

  hit->kind = CJM_HIT_EMOTION_POINT;
  hit->element = CJM_ELEMENT (best->emotion);
  hit->rect = _cjm_rect_make (best->centre.x - best->radius, best->centre.y - best->radius,
                              2 * best->radius, 2 * best->radius);

  return TRUE;
}

static gboolean
hit_connection (CjmLayout *self,
                double     x,
                double     y,
                CjmHit    *hit)
{
  /* The last drawn is on top. */
  for (guint i = self->connections->len; i > 0; i--)
    {
      const CjmConnectionBox *box = &g_array_index (self->connections, CjmConnectionBox, i - 1);

      if (!cjm_rect_contains (&box->bounds, x, y) ||
          !arrow_is_near (&box->arrow, x, y, HIT_TOLERANCE))
        continue;

      hit->kind = CJM_HIT_CONNECTION;
      hit->element = CJM_ELEMENT (box->connection);
      hit->rect = box->bounds;
      return TRUE;
    }

  return FALSE;
}

static gboolean
hit_headers (CjmLayout *self,
             double     x,
             double     y,
             int        lane,
             CjmHit    *hit)
{
  for (guint i = 0; i < self->stages->len; i++)
    {
      const CjmStageBox *box = &g_array_index (self->stages, CjmStageBox, i);

      if (cjm_rect_contains (&box->rect, x, y))
        {
          hit->kind = CJM_HIT_STAGE_HEADER;
          hit->element = CJM_ELEMENT (box->stage);
          hit->rect = box->rect;
          return TRUE;
        }
    }

  for (guint i = 0; i < self->columns->len; i++)
    {
      const CjmColumnBox *box = &g_array_index (self->columns, CjmColumnBox, i);

      if (cjm_rect_contains (&box->header, x, y))
        {
          hit->kind = CJM_HIT_STEP_HEADER;
          hit->element = CJM_ELEMENT (box->step);
          hit->column = i;
          hit->rect = box->header;
          return TRUE;
        }
    }

  if (lane >= 0)
    {
      CjmLaneBox *box = g_ptr_array_index (self->lanes, lane);

      if (cjm_rect_contains (&box->header, x, y))
        {
          hit->kind = CJM_HIT_LANE_HEADER;
          hit->element = CJM_ELEMENT (box->lane);
          hit->rect = box->header;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
hit_bands (CjmLayout *self,
           double     x,
           double     y,
           CjmHit    *hit)
{
  if (cjm_rect_contains (&self->band_rects[0], x, y))
    {
      hit->kind = CJM_HIT_TITLE_BAND;
      hit->element = CJM_ELEMENT (self->map);
      hit->rect = self->band_rects[0];
      return TRUE;
    }

  for (guint i = 0; i < self->persona_boxes->len; i++)
    {
      const CjmPersonaBox *box = &g_array_index (self->persona_boxes, CjmPersonaBox, i);

      if (cjm_rect_contains (&box->rect, x, y))
        {
          hit->kind = CJM_HIT_PERSONA;
          hit->element = CJM_ELEMENT (box->persona);
          hit->rect = box->rect;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cjm_layout_hit_test:
 * @self: a #CjmLayout
 * @x: a point of the map, in map units
 * @y: a point of the map, in map units
 * @hit: (out caller-allocates): where to store what lies there
 *
 * Finds what lies at a point, the topmost first: a card's handles, a card,
 * an emotion point, a connection, a header, a cell; in the bands, the
 * title or a persona. Inside the grid, @hit also gives the cell under the
 * point and where a card dropped there goes, even when something else was
 * hit.
 *
 * Returns: %TRUE if something was hit (@hit->kind is not %CJM_HIT_NONE)
 */
gboolean
cjm_layout_hit_test (CjmLayout *self,
                     double     x,
                     double     y,
                     CjmHit    *hit)
{
  int lane, column;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  _cjm_layout_ensure (self);
  memset (hit, 0, sizeof *hit);
  hit->lane = -1;
  hit->column = -1;

  lane = lane_at_y (self, y);
  column = column_at_x (self, x);

  if (lane >= 0 && column >= 0)
    {
      CjmLaneBox *lane_box = g_ptr_array_index (self->lanes, lane);

      hit->lane = lane;
      hit->column = column;
      if (lane_box->is_emotion)
        hit->score = lane_score_at (lane_box, y);
      else
        hit->index = insertion_index (self, lane, column, y);
    }

  if (hit_card (self, x, y, hit) ||
      hit_emotion_point (self, x, y, lane, hit) ||
      hit_connection (self, x, y, hit) ||
      hit_headers (self, x, y, lane, hit) ||
      hit_bands (self, x, y, hit))
    return TRUE;

  if (hit->lane >= 0)
    {
      CjmLaneBox *lane_box = g_ptr_array_index (self->lanes, lane);

      hit->kind = CJM_HIT_CELL;
      hit->element = CJM_ELEMENT (lane_box->lane);
      cjm_layout_get_cell_rect (self, lane, column, &hit->rect);
      return TRUE;
    }

  return FALSE;
}
