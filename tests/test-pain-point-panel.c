/* test-pain-point-panel.c: the pain points and opportunities panel, on a display
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cjm-core.h"
#include "cjm-element-editor.h"
#include "cjm-impact-effort-private.h"
#include "cjm-pain-point-panel-private.h"
#include "cjm-ui-resources.h"

/* Run under Xvfb (tests/meson.build): a canvas and the panel beside it in a
 * window, on the sample map; each test drives the panel's lists, search,
 * drop-downs and actions, and checks the rows, the shared selection, the
 * map and its history. */

typedef struct
{
  GtkWidget         *window;
  CjmCanvas         *canvas;
  CjmPainPointPanel *panel;
  CjmDocument       *document;
  CjmMap            *map;
  CjmHistory        *history;
  CjmSelection      *selection;
} Fixture;

/* Runs what is pending (the panel's coalesced refresh, layouts), without
 * waiting for anything to come. */
static void
flush (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
allocated (Fixture *fixture)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->panel)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->panel)) > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CJM_SOURCE_ROOT"), "data", "samples",
                                            "running-shoes.cjm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CjmMap) map = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *scrolled;
  GtkWidget *box;
  gint64 end;

  map = cjm_map_load (file, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture->document = cjm_document_new (map, NULL);
  fixture->map = cjm_document_get_map (fixture->document);
  fixture->history = cjm_document_get_history (fixture->document);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_hexpand (scrolled, TRUE);
  fixture->canvas = CJM_CANVAS (cjm_canvas_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->canvas));
  gtk_box_append (GTK_BOX (box), scrolled);
  fixture->panel = CJM_PAIN_POINT_PANEL (cjm_pain_point_panel_new ());
  gtk_widget_set_size_request (GTK_WIDGET (fixture->panel), 340, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->panel));
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);

  cjm_canvas_set_document (fixture->canvas, fixture->document);
  cjm_pain_point_panel_set_canvas (fixture->panel, fixture->canvas);
  fixture->selection = cjm_canvas_get_selection (fixture->canvas);
  g_assert_true (cjm_pain_point_panel_get_canvas (fixture->panel) == fixture->canvas);

  gtk_window_present (GTK_WINDOW (fixture->window));
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!allocated (fixture) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (allocated (fixture));
  flush ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  CjmPainPointPanel *panel = g_object_ref (fixture->panel);
  CjmCanvas *canvas = g_object_ref (fixture->canvas);
  CjmDocument *document = g_steal_pointer (&fixture->document);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  flush ();
  g_assert_finalize_object (panel);
  g_assert_finalize_object (canvas);
  g_assert_finalize_object (document);
}

/* The ids of the rows of a list, in order, joined by spaces. */
static char *
dup_rows (Fixture     *fixture,
          CjmCardKind  kind)
{
  GListModel *model = G_LIST_MODEL (_cjm_pain_point_panel_get_list_model (fixture->panel, kind));
  g_autoptr(GString) rows = g_string_new (NULL);

  flush ();
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (model, i);

      if (rows->len > 0)
        g_string_append_c (rows, ' ');
      g_string_append (rows, cjm_element_get_id (CJM_ELEMENT (card)));
    }

  return g_string_free (g_steal_pointer (&rows), FALSE);
}

#define assert_rows(fixture, kind, expected) G_STMT_START { \
  g_autofree char *_rows = dup_rows ((fixture), (kind)); \
  g_assert_cmpstr (_rows, ==, (expected)); \
} G_STMT_END

static gpointer
lookup (Fixture    *fixture,
        const char *id)
{
  CjmElement *element = cjm_map_lookup (fixture->map, id);

  g_assert_nonnull (element);

  return element;
}

typedef struct
{
  GtkEditable *entry;
  const char  *text;
  guint        changes;
} SearchWait;

static void
search_changed_cb (SearchWait *wait)
{
  /* Emptying the entry is told at once, the new text after the delay. */
  if (g_strcmp0 (gtk_editable_get_text (wait->entry), wait->text) == 0)
    wait->changes++;
}

static void
search (Fixture     *fixture,
        CjmCardKind  kind,
        const char  *text)
{
  GtkEditable *entry = _cjm_pain_point_panel_get_search (fixture->panel, kind);
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  SearchWait wait = { entry, text, 0 };
  gulong handler;

  /* The same text again: searched again at once, as Enter does. */
  if (g_strcmp0 (gtk_editable_get_text (entry), text) == 0)
    {
      g_signal_emit_by_name (entry, "search-changed");
      return;
    }

  /* The entry tells of the search after its short delay: wait for it, so
   * that no late signal redoes a search behind the test's back. */
  handler = g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (search_changed_cb), &wait);
  gtk_editable_set_text (entry, text);
  while (wait.changes == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (entry, handler);
  g_assert_cmpuint (wait.changes, ==, 1);
}

static CjmCard *
selected_row (Fixture     *fixture,
              CjmCardKind  kind)
{
  flush ();
  return gtk_single_selection_get_selected_item (_cjm_pain_point_panel_get_list_model (fixture->panel,
                                                                                         kind));
}

static guint
count_cards (Fixture     *fixture,
             CjmCardKind  kind)
{
  GListModel *cards = cjm_map_get_cards (fixture->map);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);

      if (cjm_card_get_kind (card) == kind)
        n++;
    }

  return n;
}

/* Every pain point of the map is a row, the most severe first; every
 * opportunity too, the quick wins first. */
static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (_cjm_pain_point_panel_get_list_model (fixture->panel,
                                                                          CJM_CARD_KIND_PAIN_POINT));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_cards (fixture, CJM_CARD_KIND_PAIN_POINT));
  g_assert_cmpuint (count_cards (fixture, CJM_CARD_KIND_PAIN_POINT), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (model, i);

      g_assert_cmpint (cjm_card_get_kind (card), ==, CJM_CARD_KIND_PAIN_POINT);
    }

  /* Severity 5, 4, 4, 3, 3, 2; equal ones in the order of their steps */
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT,
               "card-pain-stock card-pain-jargon card-pain-size card-pain-price-gap "
               "card-pain-queue card-pain-late-delivery");
  g_assert_cmpstr (_cjm_pain_point_panel_get_content (fixture->panel, CJM_CARD_KIND_PAIN_POINT), ==, "list");
  g_assert_cmpint (_cjm_pain_point_panel_get_shown_kind (fixture->panel), ==, CJM_CARD_KIND_PAIN_POINT);

  /* Quick wins (4/2, 3/2), then big bets (5/4, 4/3) */
  assert_rows (fixture, CJM_CARD_KIND_OPPORTUNITY,
               "card-opportunity-shoe-finder card-opportunity-same-price "
               "card-opportunity-reserve-and-pay card-opportunity-run-test");

  /* A change of severity re-sorts the list */
  cjm_edit_set_int (fixture->history, lookup (fixture, "card-pain-late-delivery"), "severity", 5);
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT,
               "card-pain-stock card-pain-late-delivery card-pain-jargon card-pain-size "
               "card-pain-price-gap card-pain-queue");
  g_assert_true (cjm_history_undo (fixture->history));
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT,
               "card-pain-stock card-pain-jargon card-pain-size card-pain-price-gap "
               "card-pain-queue card-pain-late-delivery");
}

static void
test_filter_search_sort (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkDropDown *category = _cjm_pain_point_panel_get_filter (fixture->panel, CJM_CARD_KIND_PAIN_POINT);
  GtkDropDown *sort = _cjm_pain_point_panel_get_sort (fixture->panel, CJM_CARD_KIND_PAIN_POINT);
  GtkDropDown *status = _cjm_pain_point_panel_get_filter (fixture->panel, CJM_CARD_KIND_OPPORTUNITY);
  GtkDropDown *opportunity_sort = _cjm_pain_point_panel_get_sort (fixture->panel, CJM_CARD_KIND_OPPORTUNITY);

  /* By category */
  gtk_drop_down_set_selected (category, CJM_PAIN_CATEGORY_FINANCIAL);
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT, "card-pain-size card-pain-price-gap");
  gtk_drop_down_set_selected (sort, CJM_PAIN_SORT_STAGE);
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT, "card-pain-price-gap card-pain-size");
  gtk_drop_down_set_selected (category, CJM_PAIN_CATEGORY_PROCESS);
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT, "card-pain-stock card-pain-late-delivery");
  gtk_drop_down_set_selected (category, 0);

  /* Sorted by stage: in the order of the steps, the most severe first in a step */
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT,
               "card-pain-jargon card-pain-price-gap card-pain-stock card-pain-size "
               "card-pain-queue card-pain-late-delivery");
  gtk_drop_down_set_selected (sort, CJM_PAIN_SORT_CATEGORY);
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT,
               "card-pain-size card-pain-price-gap card-pain-queue card-pain-stock "
               "card-pain-late-delivery card-pain-jargon");
  gtk_drop_down_set_selected (sort, CJM_PAIN_SORT_SEVERITY);

  /* Search: title or description, any case, any accent, words' starts */
  search (fixture, CJM_CARD_KIND_PAIN_POINT, "QUEUE");
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT, "card-pain-queue");
  search (fixture, CJM_CARD_KIND_PAIN_POINT, "stockroom");
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT, "card-pain-stock");
  cjm_edit_set_string (fixture->history, lookup (fixture, "card-pain-late-delivery"), "title",
                       "Colis livré en retard, délai non tenu");
  search (fixture, CJM_CARD_KIND_PAIN_POINT, "delai");
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT, "card-pain-late-delivery");
  search (fixture, CJM_CARD_KIND_PAIN_POINT, "Délai RETARD");
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT, "card-pain-late-delivery");

  /* Search and category together; nothing found */
  search (fixture, CJM_CARD_KIND_PAIN_POINT, "price");
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT, "card-pain-price-gap");
  gtk_drop_down_set_selected (category, CJM_PAIN_CATEGORY_SUPPORT);
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT, "");
  g_assert_cmpstr (_cjm_pain_point_panel_get_content (fixture->panel, CJM_CARD_KIND_PAIN_POINT), ==,
                   "no-results");
  gtk_drop_down_set_selected (category, 0);
  search (fixture, CJM_CARD_KIND_PAIN_POINT, "");
  g_assert_cmpstr (_cjm_pain_point_panel_get_content (fixture->panel, CJM_CARD_KIND_PAIN_POINT), ==, "list");

  /* Opportunities: by status, sorted by impact, by effort, by stage */
  gtk_drop_down_set_selected (status, 1 + CJM_OPPORTUNITY_STATUS_DONE);
  assert_rows (fixture, CJM_CARD_KIND_OPPORTUNITY, "card-opportunity-same-price");
  gtk_drop_down_set_selected (status, 1 + CJM_OPPORTUNITY_STATUS_IDEA);
  assert_rows (fixture, CJM_CARD_KIND_OPPORTUNITY, "card-opportunity-run-test");
  gtk_drop_down_set_selected (status, 0);
  gtk_drop_down_set_selected (opportunity_sort, CJM_OPPORTUNITY_SORT_IMPACT);
  assert_rows (fixture, CJM_CARD_KIND_OPPORTUNITY,
               "card-opportunity-reserve-and-pay card-opportunity-shoe-finder "
               "card-opportunity-run-test card-opportunity-same-price");
  gtk_drop_down_set_selected (opportunity_sort, CJM_OPPORTUNITY_SORT_EFFORT);
  assert_rows (fixture, CJM_CARD_KIND_OPPORTUNITY,
               "card-opportunity-shoe-finder card-opportunity-same-price "
               "card-opportunity-run-test card-opportunity-reserve-and-pay");
  gtk_drop_down_set_selected (opportunity_sort, CJM_OPPORTUNITY_SORT_STAGE);
  assert_rows (fixture, CJM_CARD_KIND_OPPORTUNITY,
               "card-opportunity-shoe-finder card-opportunity-same-price "
               "card-opportunity-reserve-and-pay card-opportunity-run-test");
  search (fixture, CJM_CARD_KIND_OPPORTUNITY, "prix price");
  assert_rows (fixture, CJM_CARD_KIND_OPPORTUNITY, "");
  search (fixture, CJM_CARD_KIND_OPPORTUNITY, "one price");
  assert_rows (fixture, CJM_CARD_KIND_OPPORTUNITY, "card-opportunity-same-price");
}

/* A row selected selects its card on the map; a card selected on the map
 * selects its row, on its page. */
static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  GtkSingleSelection *pains = _cjm_pain_point_panel_get_list_model (fixture->panel, CJM_CARD_KIND_PAIN_POINT);
  CjmCard *queue = lookup (fixture, "card-pain-queue");
  CjmCard *finder = lookup (fixture, "card-opportunity-shoe-finder");
  GtkWidget *editor;

  g_assert_null (selected_row (fixture, CJM_CARD_KIND_PAIN_POINT));
  g_assert_cmpuint (cjm_selection_get_n_ids (fixture->selection), ==, 0);

  /* Row → map: the most severe, first row */
  gtk_single_selection_set_selected (pains, 0);
  g_assert_cmpuint (cjm_selection_get_n_ids (fixture->selection), ==, 1);
  g_assert_cmpstr (cjm_selection_get_id (fixture->selection, 0), ==, "card-pain-stock");
  g_assert_cmpstr (cjm_selection_get_focused (fixture->selection), ==, "card-pain-stock");

  /* The editor below edits it */
  editor = _cjm_pain_point_panel_get_editor (fixture->panel);
  g_assert_nonnull (editor);
  g_assert_true (cjm_element_editor_get_element (CJM_ELEMENT_EDITOR (editor)) ==
                 lookup (fixture, "card-pain-stock"));

  /* Map → row */
  cjm_selection_select (fixture->selection, "card-pain-queue");
  g_assert_true (selected_row (fixture, CJM_CARD_KIND_PAIN_POINT) == queue);
  g_assert_cmpuint (cjm_selection_get_n_ids (fixture->selection), ==, 1);
  g_assert_true (cjm_element_editor_get_element (CJM_ELEMENT_EDITOR (editor)) == CJM_ELEMENT (queue));

  /* An opportunity selected on the map shows the opportunities */
  cjm_selection_select (fixture->selection, "card-opportunity-shoe-finder");
  g_assert_cmpint (_cjm_pain_point_panel_get_shown_kind (fixture->panel), ==, CJM_CARD_KIND_OPPORTUNITY);
  g_assert_true (selected_row (fixture, CJM_CARD_KIND_OPPORTUNITY) == finder);
  g_assert_null (selected_row (fixture, CJM_CARD_KIND_PAIN_POINT));
  g_assert_cmpstr (cjm_impact_effort_get_selected_id (_cjm_pain_point_panel_get_matrix (fixture->panel)), ==,
                   "card-opportunity-shoe-finder");
  g_assert_true (cjm_element_editor_get_element (CJM_ELEMENT_EDITOR (editor)) == CJM_ELEMENT (finder));

  /* Something else, or several cards: no row */
  cjm_selection_select (fixture->selection, "card-store-till");
  g_assert_null (selected_row (fixture, CJM_CARD_KIND_OPPORTUNITY));
  g_assert_null (selected_row (fixture, CJM_CARD_KIND_PAIN_POINT));
  g_assert_cmpstr (cjm_selection_get_id (fixture->selection, 0), ==, "card-store-till");
  cjm_selection_select (fixture->selection, "card-pain-size");
  cjm_selection_add (fixture->selection, "card-pain-queue");
  g_assert_null (selected_row (fixture, CJM_CARD_KIND_PAIN_POINT));
  g_assert_cmpuint (cjm_selection_get_n_ids (fixture->selection), ==, 2);

  /* The map's selection is left as it is when the row goes */
  cjm_selection_select (fixture->selection, "card-pain-size");
  g_assert_nonnull (selected_row (fixture, CJM_CARD_KIND_PAIN_POINT));
  search (fixture, CJM_CARD_KIND_PAIN_POINT, "queue");
  g_assert_null (selected_row (fixture, CJM_CARD_KIND_PAIN_POINT));
  g_assert_cmpstr (cjm_selection_get_id (fixture->selection, 0), ==, "card-pain-size");

  /* The card being edited keeps its row when its title stops matching the
   * search; a new search drops it */
  cjm_selection_select (fixture->selection, "card-pain-queue");
  g_assert_true (selected_row (fixture, CJM_CARD_KIND_PAIN_POINT) == queue);
  cjm_edit_set_string (fixture->history, queue, "title", "Waiting to pay on Saturdays");
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT, "card-pain-queue");
  g_assert_true (selected_row (fixture, CJM_CARD_KIND_PAIN_POINT) == queue);
  g_assert_true (cjm_element_editor_get_element (CJM_ELEMENT_EDITOR (editor)) == CJM_ELEMENT (queue));
  search (fixture, CJM_CARD_KIND_PAIN_POINT, "queue");
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT, "");
}

static void
test_add_delete_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *pains = G_LIST_MODEL (_cjm_pain_point_panel_get_list_model (fixture->panel,
                                                                          CJM_CARD_KIND_PAIN_POINT));
  GListModel *opportunities = G_LIST_MODEL (_cjm_pain_point_panel_get_list_model (fixture->panel,
                                                                                  CJM_CARD_KIND_OPPORTUNITY));
  g_autofree char *new_id = NULL;
  CjmCard *card;

  /* Add, even with a search that would hide it */
  search (fixture, CJM_CARD_KIND_PAIN_POINT, "queue");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "pain-points.add", NULL));
  flush ();
  g_assert_cmpuint (count_cards (fixture, CJM_CARD_KIND_PAIN_POINT), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (pains), ==, 7);
  g_assert_cmpstr (gtk_editable_get_text (_cjm_pain_point_panel_get_search (fixture->panel,
                                                                           CJM_CARD_KIND_PAIN_POINT)), ==, "");
  card = selected_row (fixture, CJM_CARD_KIND_PAIN_POINT);
  g_assert_nonnull (card);
  new_id = g_strdup (cjm_element_get_id (CJM_ELEMENT (card)));
  g_assert_cmpint (cjm_card_get_kind (card), ==, CJM_CARD_KIND_PAIN_POINT);
  g_assert_cmpstr (cjm_card_get_lane_id (card), ==, "lane-pain-points");
  g_assert_cmpstr (cjm_card_get_step_id (card), ==, "step-decide-to-run");
  g_assert_cmpstr (cjm_selection_get_id (fixture->selection, 0), ==, new_id);

  g_assert_true (cjm_history_undo (fixture->history));
  flush ();
  g_assert_null (cjm_map_lookup (fixture->map, new_id));
  g_assert_cmpuint (g_list_model_get_n_items (pains), ==, 6);
  g_assert_cmpuint (cjm_selection_get_n_ids (fixture->selection), ==, 0);

  /* Delete the selected one */
  cjm_selection_select (fixture->selection, "card-pain-queue");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "pain-points.delete", NULL));
  flush ();
  g_assert_null (cjm_map_lookup (fixture->map, "card-pain-queue"));
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT,
               "card-pain-stock card-pain-jargon card-pain-size card-pain-price-gap "
               "card-pain-late-delivery");
  g_assert_null (selected_row (fixture, CJM_CARD_KIND_PAIN_POINT));
  g_assert_true (cjm_history_undo (fixture->history));
  assert_rows (fixture, CJM_CARD_KIND_PAIN_POINT,
               "card-pain-stock card-pain-jargon card-pain-size card-pain-price-gap "
               "card-pain-queue card-pain-late-delivery");

  /* Opportunities: added to their lane, deleted, undone */
  _cjm_pain_point_panel_show_kind (fixture->panel, CJM_CARD_KIND_OPPORTUNITY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "pain-points.add", NULL));
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (opportunities), ==, 5);
  card = selected_row (fixture, CJM_CARD_KIND_OPPORTUNITY);
  g_assert_nonnull (card);
  g_assert_cmpint (cjm_card_get_kind (card), ==, CJM_CARD_KIND_OPPORTUNITY);
  g_assert_cmpstr (cjm_card_get_lane_id (card), ==, "lane-opportunities");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "pain-points.delete", NULL));
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (opportunities), ==, 4);
  g_assert_true (cjm_history_undo (fixture->history));
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (opportunities), ==, 5);
  g_assert_true (cjm_history_undo (fixture->history));
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (opportunities), ==, 4);
  g_assert_cmpuint (count_cards (fixture, CJM_CARD_KIND_OPPORTUNITY), ==, 4);
}

/* No pain points: a page that says what they are for; undo brings them back. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) pains = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *cards = cjm_map_get_cards (fixture->map);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);

      if (cjm_card_get_kind (card) == CJM_CARD_KIND_PAIN_POINT)
        g_ptr_array_add (pains, g_object_ref (card));
    }

  g_assert_true (cjm_edit_delete (fixture->history, pains, &error));
  g_assert_no_error (error);
  flush ();
  g_assert_cmpstr (_cjm_pain_point_panel_get_content (fixture->panel, CJM_CARD_KIND_PAIN_POINT), ==, "empty");
  g_assert_cmpstr (_cjm_pain_point_panel_get_content (fixture->panel, CJM_CARD_KIND_OPPORTUNITY), ==, "list");

  g_assert_true (cjm_history_undo (fixture->history));
  flush ();
  g_assert_cmpstr (_cjm_pain_point_panel_get_content (fixture->panel, CJM_CARD_KIND_PAIN_POINT), ==, "list");
}

/* The quadrants, and where the matrix draws and finds a dot. */
static void
test_quadrants (void)
{
  double x, y, x2, y2;

  g_assert_cmpint (cjm_quadrant_for_rating (5, 1), ==, CJM_QUADRANT_QUICK_WINS);
  g_assert_cmpint (cjm_quadrant_for_rating (3, 2), ==, CJM_QUADRANT_QUICK_WINS);
  g_assert_cmpint (cjm_quadrant_for_rating (5, 5), ==, CJM_QUADRANT_BIG_BETS);
  g_assert_cmpint (cjm_quadrant_for_rating (3, 3), ==, CJM_QUADRANT_BIG_BETS);
  g_assert_cmpint (cjm_quadrant_for_rating (1, 1), ==, CJM_QUADRANT_FILL_INS);
  g_assert_cmpint (cjm_quadrant_for_rating (2, 2), ==, CJM_QUADRANT_FILL_INS);
  g_assert_cmpint (cjm_quadrant_for_rating (1, 5), ==, CJM_QUADRANT_MONEY_PITS);
  g_assert_cmpint (cjm_quadrant_for_rating (0, 3), ==, CJM_QUADRANT_NONE);
  g_assert_cmpint (cjm_quadrant_for_rating (3, 0), ==, CJM_QUADRANT_NONE);
  g_assert_cmpint (cjm_quadrant_for_rating (6, 1), ==, CJM_QUADRANT_NONE);

  /* Each rating lies inside its quadrant: quick wins top left */
  for (int impact = 1; impact <= 5; impact++)
    for (int effort = 1; effort <= 5; effort++)
      {
        CjmQuadrant quadrant = cjm_quadrant_for_rating (impact, effort);

        g_assert_true (_cjm_impact_effort_place (impact, effort, &x, &y));
        g_assert_cmpfloat (x, >, 0);
        g_assert_cmpfloat (x, <, 1);
        g_assert_cmpfloat (y, >, 0);
        g_assert_cmpfloat (y, <, 1);
        g_assert_true ((x < 0.5) == (quadrant == CJM_QUADRANT_QUICK_WINS || quadrant == CJM_QUADRANT_FILL_INS));
        g_assert_true ((y < 0.5) == (quadrant == CJM_QUADRANT_QUICK_WINS || quadrant == CJM_QUADRANT_BIG_BETS));

        /* More effort further right, more impact higher */
        if (effort > 1)
          {
            g_assert_true (_cjm_impact_effort_place (impact, effort - 1, &x2, &y2));
            g_assert_cmpfloat (x2, <, x);
            g_assert_cmpfloat (y2, ==, y);
          }
        if (impact > 1)
          {
            g_assert_true (_cjm_impact_effort_place (impact - 1, effort, &x2, &y2));
            g_assert_cmpfloat (y2, >, y);
          }
      }

  g_assert_false (_cjm_impact_effort_place (0, 2, &x, &y));
  g_assert_false (_cjm_impact_effort_place (2, 0, &x, &y));
}

static void
test_matrix (Fixture       *fixture,
             gconstpointer  data)
{
  CjmImpactEffort *matrix = _cjm_pain_point_panel_get_matrix (fixture->panel);
  CjmCard *finder = lookup (fixture, "card-opportunity-shoe-finder");
  CjmCard *run_test = lookup (fixture, "card-opportunity-run-test");
  graphene_rect_t plot;
  double x, y;
  gint64 end;

  /* Show the matrix */
  _cjm_pain_point_panel_show_kind (fixture->panel, CJM_CARD_KIND_OPPORTUNITY);
  _cjm_pain_point_panel_show_matrix (fixture->panel, TRUE);
  g_assert_cmpstr (_cjm_pain_point_panel_get_content (fixture->panel, CJM_CARD_KIND_OPPORTUNITY), ==, "matrix");

  cjm_edit_set_int (fixture->history, finder, "impact", 5);
  cjm_edit_set_int (fixture->history, finder, "effort", 1);
  flush ();
  g_assert_cmpint (cjm_quadrant_for_rating (cjm_card_get_impact (finder), cjm_card_get_effort (finder)), ==,
                   CJM_QUADRANT_QUICK_WINS);

  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!(gtk_widget_get_mapped (GTK_WIDGET (matrix)) && gtk_widget_get_width (GTK_WIDGET (matrix)) > 0) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (matrix)));

  /* High impact, low effort: in the top left quarter of the plot */
  _cjm_impact_effort_get_plot (matrix, &plot);
  g_assert_true (_cjm_impact_effort_get_dot (matrix, finder, &x, &y));
  g_assert_cmpfloat (x, >, plot.origin.x);
  g_assert_cmpfloat (x, <, plot.origin.x + plot.size.width / 2);
  g_assert_cmpfloat (y, >, plot.origin.y);
  g_assert_cmpfloat (y, <, plot.origin.y + plot.size.height / 2);
  g_assert_true (_cjm_impact_effort_pick (matrix, x, y) == finder);
  g_assert_true (_cjm_impact_effort_pick (matrix, x + 1, y - 1) == finder);

  /* 4/3: a big bet, top right */
  g_assert_true (_cjm_impact_effort_get_dot (matrix, run_test, &x, &y));
  g_assert_cmpfloat (x, >, plot.origin.x + plot.size.width / 2);
  g_assert_cmpfloat (y, <, plot.origin.y + plot.size.height / 2);

  /* Not rated: not placed */
  cjm_edit_set_int (fixture->history, run_test, "effort", 0);
  flush ();
  g_assert_false (_cjm_impact_effort_get_dot (matrix, run_test, &x, &y));

  /* Clicking a dot selects its opportunity, on the map too */
  g_assert_true (_cjm_impact_effort_get_dot (matrix, finder, &x, &y));
  g_signal_emit_by_name (matrix, "card-activated", finder);
  g_assert_true (selected_row (fixture, CJM_CARD_KIND_OPPORTUNITY) == finder);
  g_assert_cmpstr (cjm_selection_get_id (fixture->selection, 0), ==, "card-opportunity-shoe-finder");
  g_assert_cmpstr (cjm_impact_effort_get_selected_id (matrix), ==, "card-opportunity-shoe-finder");
}

#define ADD(path, func) \
  g_test_add ("/Cjm/PainPointPanel/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The resources live in a static library: registered by hand, as the app does. */
  g_resources_register (cjm_ui_get_resource ());

  ADD ("rows", test_rows);
  ADD ("filter-search-sort", test_filter_search_sort);
  ADD ("selection", test_selection);
  ADD ("add-delete-undo", test_add_delete_undo);
  ADD ("empty", test_empty);
  ADD ("matrix", test_matrix);
  g_test_add_func ("/Cjm/PainPointPanel/quadrants", test_quadrants);

  return g_test_run ();
}
