/* cjm-clipboard.c: cards as bytes, for the clipboard between processes
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-clipboard"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cjm-card.h"
#include "cjm-clipboard.h"
#include "cjm-connection.h"
#include "cjm-format.h"
#include "cjm-lane.h"
#include "cjm-map-private.h"
#include "cjm-persona.h"
#include "cjm-stage-private.h"
#include "cjm-step.h"
#include "cjm-xml.h"

/* Within one process the canvas hands the cards over as objects; another
 * process gets this: a map of its own, written and read by the .cjm
 * writer and reader, so that what is pasted went through the same checks
 * and repairs as a file. The cards keep their ids, steps and lanes: the
 * paste gives new ids, and knows from the steps whether the cards come
 * from the map they go into (then they keep their places relative to
 * each other). So that the reader keeps those steps and lanes, the
 * fragment holds the stages, steps and lanes of the cards' map (their
 * names, not their cards) and the personas the cards name. Links to cards
 * that were not copied are dropped, as a file would drop them. */

static void
add_copy (GListStore *store,
          gpointer    element)
{
  g_autoptr(CjmElement) copy = cjm_element_copy (element, cjm_element_get_id (element));

  g_list_store_append (store, copy);
}

/**
 * cjm_clipboard_write_cards:
 * @map: the map of @cards
 * @cards: (element-type CjmCard): cards of @map
 *
 * Writes @cards, with the connections of @map between two of them, as a
 * .cjm document for the clipboard (%CJM_CLIPBOARD_CARDS_MIME_TYPE).
 *
 * Returns: (transfer full): the bytes
 */
GBytes *
cjm_clipboard_write_cards (CjmMap    *map,
                           GPtrArray *cards)
{
  g_autoptr(CjmMap) fragment = NULL;
  g_autoptr(GHashTable) card_ids = NULL;
  g_autoptr(GHashTable) persona_ids = NULL;
  GListModel *model;
  guint n;

  g_return_val_if_fail (CJM_IS_MAP (map), NULL);
  g_return_val_if_fail (cards != NULL, NULL);

  fragment = cjm_map_new (NULL);
  if (cjm_map_get_title (map) != NULL)
    cjm_map_set_title (fragment, cjm_map_get_title (map));

  card_ids = g_hash_table_new (g_str_hash, g_str_equal);
  persona_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < cards->len; i++)
    {
      CjmCard *card = g_ptr_array_index (cards, i);
      const char * const *personas;

      g_return_val_if_fail (CJM_IS_CARD (card), NULL);

      g_hash_table_add (card_ids, (gpointer)cjm_element_get_id (CJM_ELEMENT (card)));
      personas = cjm_card_get_persona_ids (card);
      for (guint j = 0; personas != NULL && personas[j] != NULL; j++)
        g_hash_table_add (persona_ids, (gpointer)personas[j]);
    }

  /* What the cards stand in, without what else it holds. */
  model = cjm_map_get_stages (map);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmStage) stage = g_list_model_get_item (model, i);
      g_autoptr(CjmElement) copy = cjm_element_copy (CJM_ELEMENT (stage),
                                                     cjm_element_get_id (CJM_ELEMENT (stage)));
      GListModel *steps = cjm_stage_get_steps (stage);
      guint n_steps = g_list_model_get_n_items (steps);

      for (guint j = 0; j < n_steps; j++)
        {
          g_autoptr(CjmStep) step = g_list_model_get_item (steps, j);

          add_copy (_cjm_stage_get_step_store (CJM_STAGE (copy)), step);
        }
      g_list_store_append (_cjm_map_get_store (fragment, CJM_TYPE_STAGE), copy);
    }

  model = cjm_map_get_lanes (map);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmLane) lane = g_list_model_get_item (model, i);

      add_copy (_cjm_map_get_store (fragment, CJM_TYPE_LANE), lane);
    }

  model = cjm_map_get_personas (map);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmPersona) persona = g_list_model_get_item (model, i);

      if (g_hash_table_contains (persona_ids, cjm_element_get_id (CJM_ELEMENT (persona))))
        add_copy (_cjm_map_get_store (fragment, CJM_TYPE_PERSONA), persona);
    }

  for (guint i = 0; i < cards->len; i++)
    add_copy (_cjm_map_get_store (fragment, CJM_TYPE_CARD), g_ptr_array_index (cards, i));

  model = cjm_map_get_connections (map);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmConnection) connection = g_list_model_get_item (model, i);

      if (g_hash_table_contains (card_ids, cjm_connection_get_from_id (connection)) &&
          g_hash_table_contains (card_ids, cjm_connection_get_to_id (connection)))
        add_copy (_cjm_map_get_store (fragment, CJM_TYPE_CONNECTION), connection);
    }

  return cjm_xml_write (fragment);
}

static GPtrArray *
items_of (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

/**
 * cjm_clipboard_read_cards:
 * @bytes: what cjm_clipboard_write_cards() wrote, from any process
 * @cards: (out) (transfer container) (element-type CjmCard): the cards
 * @connections: (out) (transfer container) (element-type CjmConnection):
 *   the connections between them
 * @error: where to put why nothing could be read
 *
 * Reads cards from the clipboard, for cjm_edit_paste_cards(). What is not
 * of a map is refused, as when opening a file.
 *
 * Returns: %TRUE if there is at least one card; otherwise %FALSE, with
 *   @error set (%CJM_FORMAT_ERROR_NOT_A_MAP if it holds no card)
 */
gboolean
cjm_clipboard_read_cards (GBytes     *bytes,
                          GPtrArray **cards,
                          GPtrArray **connections,
                          GError    **error)
{
  g_autoptr(CjmMap) fragment = NULL;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (cards != NULL, FALSE);
  g_return_val_if_fail (connections != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *cards = NULL;
  *connections = NULL;

  fragment = cjm_xml_read (bytes, _("the clipboard"), NULL, error);
  if (fragment == NULL)
    return FALSE;

  if (g_list_model_get_n_items (cjm_map_get_cards (fragment)) == 0)
    {
      g_set_error_literal (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_NOT_A_MAP,
                           _("There are no cards on the clipboard"));
      return FALSE;
    }

  *cards = items_of (cjm_map_get_cards (fragment));
  *connections = items_of (cjm_map_get_connections (fragment));

  return TRUE;
}
