/* cjm-navigation.c: moving the keyboard focus over the map, and saying
 * what has it
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-navigation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cjm-navigation.h"

typedef struct
{
  CjmElement *element;
  CjmRect     rect;
} Item;

static void
add_item (GArray        *items,
          gpointer       element,
          const CjmRect *rect)
{
  Item item = { element, *rect };

  g_array_append_val (items, item);
}

/* Everything the focus can go to, with where it is drawn. */
static GArray *
collect_items (CjmLayout *layout,
               gboolean   cards_only)
{
  CjmMap *map = cjm_layout_get_map (layout);
  GArray *items = g_array_new (FALSE, FALSE, sizeof (Item));
  GListModel *cards = cjm_map_get_cards (map);
  guint n = g_list_model_get_n_items (cards);
  CjmRect rect;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);

      if (cjm_layout_get_card_rect (layout, card, &rect))
        add_item (items, card, &rect);
    }

  if (cards_only && items->len > 0)
    return items;

  n = g_list_model_get_n_items (cjm_map_get_stages (map));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmStage) stage = g_list_model_get_item (cjm_map_get_stages (map), i);

      if (cjm_layout_get_stage_rect (layout, stage, &rect))
        add_item (items, stage, &rect);
    }

  n = cjm_layout_get_n_columns (layout);
  for (guint c = 0; c < n; c++)
    if (cjm_layout_get_step_rect (layout, c, &rect))
      add_item (items, cjm_layout_get_step (layout, c), &rect);

  n = cjm_layout_get_n_lanes (layout);
  for (guint l = 0; l < n; l++)
    if (cjm_layout_get_lane_header_rect (layout, l, &rect))
      add_item (items, cjm_layout_get_lane (layout, l), &rect);

  return items;
}

static inline double
centre_x (const CjmRect *rect)
{
  return rect->x + rect->width / 2;
}

static inline double
centre_y (const CjmRect *rect)
{
  return rect->y + rect->height / 2;
}

static inline gboolean
overlap (double a0,
         double a1,
         double b0,
         double b1)
{
  return a0 < b1 && b0 < a1;
}

/* How far @to is from @from going in @direction; G_MAXDOUBLE if it is not
 * that way. What lies straight ahead (in the same lane going across, in
 * the same column going up or down) comes before anything off to a side. */
static double
distance_towards (const CjmRect *from,
                  const CjmRect *to,
                  CjmNavigation  direction)
{
  double along, across;
  gboolean ahead;

  switch (direction)
    {
    case CJM_NAVIGATE_LEFT:
    case CJM_NAVIGATE_RIGHT:
      along = centre_x (to) - centre_x (from);
      if (direction == CJM_NAVIGATE_LEFT)
        along = -along;
      across = fabs (centre_y (to) - centre_y (from));
      ahead = overlap (from->y, from->y + from->height, to->y, to->y + to->height);
      break;

    case CJM_NAVIGATE_UP:
    case CJM_NAVIGATE_DOWN:
      along = centre_y (to) - centre_y (from);
      if (direction == CJM_NAVIGATE_UP)
        along = -along;
      across = fabs (centre_x (to) - centre_x (from));
      ahead = overlap (from->x, from->x + from->width, to->x, to->x + to->width);
      break;

    case CJM_NAVIGATE_FIRST:
    case CJM_NAVIGATE_LAST:
    default:
      return G_MAXDOUBLE;
    }

  if (along < 1)
    return G_MAXDOUBLE;

  return ahead ? along + across / 2 : 1e7 + along + 2 * across;
}

static const char *
first_or_last (GArray   *items,
               gboolean  last)
{
  const Item *best = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      if (best == NULL)
        best = item;
      else if (!last && (item->rect.y < best->rect.y - 0.5 ||
                         (fabs (item->rect.y - best->rect.y) <= 0.5 && item->rect.x < best->rect.x)))
        best = item;
      else if (last && (item->rect.y > best->rect.y + 0.5 ||
                        (fabs (item->rect.y - best->rect.y) <= 0.5 && item->rect.x > best->rect.x)))
        best = item;
    }

  return best != NULL ? cjm_element_get_id (best->element) : NULL;
}

/**
 * cjm_navigate:
 * @layout: the layout of the map
 * @from_id: (nullable): the id of the focused element
 * @direction: where to go
 *
 * Finds where the focus goes from @from_id: to the nearest card or
 * header that way, preferring those straight ahead. Up from the top card of
 * a column is its step header, then its stage header; left of the first
 * card of a lane is the lane's header.
 *
 * Returns: (nullable): the id of the element to focus (owned by the map),
 *   or %NULL if there is nothing that way
 */
const char *
cjm_navigate (CjmLayout     *layout,
              const char    *from_id,
              CjmNavigation  direction)
{
  g_autoptr(GArray) items = NULL;
  CjmElement *from = NULL;
  const Item *best = NULL;
  double best_distance = G_MAXDOUBLE;
  CjmRect from_rect;

  g_return_val_if_fail (CJM_IS_LAYOUT (layout), NULL);

  if (direction == CJM_NAVIGATE_FIRST || direction == CJM_NAVIGATE_LAST)
    {
      items = collect_items (layout, TRUE);
      return first_or_last (items, direction == CJM_NAVIGATE_LAST);
    }

  if (from_id != NULL)
    from = cjm_map_lookup (cjm_layout_get_map (layout), from_id);
  if (from == NULL || !cjm_layout_get_element_rect (layout, from_id, &from_rect))
    {
      items = collect_items (layout, TRUE);
      return first_or_last (items, FALSE);
    }

  items = collect_items (layout, FALSE);
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      double distance;

      if (item->element == from)
        continue;

      distance = distance_towards (&from_rect, &item->rect, direction);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = item;
        }
    }

  return best != NULL ? cjm_element_get_id (best->element) : NULL;
}

/**
 * cjm_navigate_nearest:
 * @layout: the layout of the map
 * @x: a point of the map
 * @y: a point of the map
 *
 * Returns: (nullable): the id of the card nearest to the point (or the
 *   nearest header, in a map without cards), to give the focus to when the
 *   canvas gets it
 */
const char *
cjm_navigate_nearest (CjmLayout *layout,
                      double     x,
                      double     y)
{
  g_autoptr(GArray) items = NULL;
  const Item *best = NULL;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (CJM_IS_LAYOUT (layout), NULL);

  items = collect_items (layout, TRUE);
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      double dx = MAX (0, MAX (item->rect.x - x, x - item->rect.x - item->rect.width));
      double dy = MAX (0, MAX (item->rect.y - y, y - item->rect.y - item->rect.height));
      double distance = hypot (dx, dy);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = item;
        }
    }

  return best != NULL ? cjm_element_get_id (best->element) : NULL;
}

/**
 * cjm_navigation_can_focus:
 * @element: an element of a map
 *
 * Returns: %TRUE for what the arrow keys go to: cards and headers
 */
gboolean
cjm_navigation_can_focus (CjmElement *element)
{
  return CJM_IS_CARD (element) || CJM_IS_STAGE (element) ||
         CJM_IS_STEP (element) || CJM_IS_LANE (element);
}

static const char *
or_untitled (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("untitled");
}

static const char *
lane_words (CjmLane *lane)
{
  const char *words = NULL;

  if (cjm_lane_get_kind (lane) == CJM_LANE_KIND_CHANNEL)
    words = cjm_channel_get_label (cjm_lane_get_channel (lane));
  else if (cjm_lane_get_kind (lane) == CJM_LANE_KIND_TEXT)
    words = cjm_text_kind_get_label (cjm_lane_get_text_kind (lane));

  return words != NULL ? words : cjm_lane_kind_get_label (cjm_lane_get_kind (lane));
}

static char *
describe_card (CjmMap  *map,
               CjmCard *card)
{
  CjmStep *step = cjm_map_lookup_typed (map, cjm_card_get_step_id (card), CJM_TYPE_STEP);
  CjmLane *lane = cjm_map_lookup_typed (map, cjm_card_get_lane_id (card), CJM_TYPE_LANE);
  CjmStage *stage = cjm_map_find_stage_of_step (map, cjm_card_get_step_id (card), NULL);
  g_autofree char *text = NULL;

  /* Translators: how a screen reader announces the focused card: its
   * kind, its title, then where it is, e.g. "Touchpoint: Reads reviews —
   * stage Evaluation, step Compares models, lane Website" */
  text = g_strdup_printf (_("%s: %s — stage %s, step %s, lane %s"),
                          cjm_card_kind_get_label (cjm_card_get_kind (card)),
                          or_untitled (cjm_card_get_title (card)),
                          or_untitled (stage != NULL ? cjm_stage_get_name (stage) : NULL),
                          or_untitled (step != NULL ? cjm_step_get_name (step) : NULL),
                          or_untitled (lane != NULL ? cjm_lane_get_name (lane) : NULL));

  if (cjm_card_get_span (card) > 1)
    {
      g_autofree char *across = NULL;

      across = g_strdup_printf (ngettext ("%s, across %d step", "%s, across %d steps",
                                          cjm_card_get_span (card)),
                                text, cjm_card_get_span (card));
      return g_steal_pointer (&across);
    }

  return g_steal_pointer (&text);
}

/**
 * cjm_describe_card_short:
 * @card: a card
 *
 * Returns: (transfer full): its kind and title, e.g. "Pain point: Jargon"
 */
char *
cjm_describe_card_short (CjmCard *card)
{
  g_return_val_if_fail (CJM_IS_CARD (card), NULL);

  /* Translators: a card's kind and title, e.g. "Pain point: Jargon" */
  return g_strdup_printf (_("%s: %s"),
                          cjm_card_kind_get_label (cjm_card_get_kind (card)),
                          or_untitled (cjm_card_get_title (card)));
}

/**
 * cjm_describe_element:
 * @map: a map
 * @id: the id of one of its elements
 *
 * Says what an element is and where, for a screen reader to announce when
 * it gets the focus.
 *
 * Returns: (transfer full) (nullable): the words, or %NULL if @id names
 *   nothing in @map
 */
char *
cjm_describe_element (CjmMap     *map,
                      const char *id)
{
  CjmElement *element;

  g_return_val_if_fail (CJM_IS_MAP (map), NULL);

  element = id != NULL ? cjm_map_lookup (map, id) : NULL;
  if (element == NULL)
    return NULL;

  if (CJM_IS_CARD (element))
    return describe_card (map, CJM_CARD (element));

  if (CJM_IS_STAGE (element))
    {
      guint n = g_list_model_get_n_items (cjm_stage_get_steps (CJM_STAGE (element)));

      return g_strdup_printf (ngettext ("Stage: %s, %u step", "Stage: %s, %u steps", n),
                              or_untitled (cjm_stage_get_name (CJM_STAGE (element))), n);
    }

  if (CJM_IS_STEP (element))
    {
      CjmStage *stage = cjm_map_find_stage_of_step (map, id, NULL);

      return g_strdup_printf (_("Step: %s — stage %s"),
                              or_untitled (cjm_step_get_name (CJM_STEP (element))),
                              or_untitled (stage != NULL ? cjm_stage_get_name (stage) : NULL));
    }

  if (CJM_IS_LANE (element))
    /* Translators: a lane's name and what it holds, e.g. "Lane: Website, Website" */
    return g_strdup_printf (_("Lane: %s, %s"),
                            or_untitled (cjm_lane_get_name (CJM_LANE (element))),
                            lane_words (CJM_LANE (element)));

  if (CJM_IS_CONNECTION (element))
    {
      CjmCard *from = cjm_map_lookup_typed (map, cjm_connection_get_from_id (CJM_CONNECTION (element)),
                                            CJM_TYPE_CARD);
      CjmCard *to = cjm_map_lookup_typed (map, cjm_connection_get_to_id (CJM_CONNECTION (element)),
                                          CJM_TYPE_CARD);

      return g_strdup_printf (_("Connection from %s to %s"),
                              or_untitled (from != NULL ? cjm_card_get_title (from) : NULL),
                              or_untitled (to != NULL ? cjm_card_get_title (to) : NULL));
    }

  if (CJM_IS_EMOTION (element))
    {
      CjmEmotion *emotion = CJM_EMOTION (element);
      CjmPersona *persona = cjm_map_lookup_typed (map, cjm_emotion_get_persona_id (emotion),
                                                  CJM_TYPE_PERSONA);
      CjmStep *step = cjm_map_lookup_typed (map, cjm_emotion_get_step_id (emotion), CJM_TYPE_STEP);

      /* Translators: e.g. "Emotion: Camille feels Annoyed at step Searches online" */
      return g_strdup_printf (_("Emotion: %s feels %s at step %s"),
                              or_untitled (persona != NULL ? cjm_persona_get_name (persona) : NULL),
                              cjm_emotion_score_get_label (cjm_emotion_get_score (emotion)),
                              or_untitled (step != NULL ? cjm_step_get_name (step) : NULL));
    }

  if (CJM_IS_PERSONA (element))
    return g_strdup_printf (_("Persona: %s"), or_untitled (cjm_persona_get_name (CJM_PERSONA (element))));

  if (CJM_IS_MAP (element))
    return g_strdup (or_untitled (cjm_map_get_title (CJM_MAP (element))));

  return NULL;
}
