/* test-selection.c: the selection the canvas and the side panels share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cjm-core.h"

static void
count_cb (CjmSelection *selection,
          guint        *count)
{
  (*count)++;
}

static void
assert_ids (CjmSelection *selection,
            const char   *expected)
{
  g_auto(GStrv) ids = cjm_selection_dup_ids (selection);
  g_autofree char *joined = g_strjoinv (" ", ids);

  g_assert_cmpstr (joined, ==, expected);
  g_assert_cmpuint (cjm_selection_get_n_ids (selection), ==, g_strv_length (ids));
  g_assert_cmpuint (g_hash_table_size (cjm_selection_get_set (selection)), ==, g_strv_length (ids));
}

static void
test_select_add_toggle (void)
{
  g_autoptr(CjmSelection) selection = cjm_selection_new ();
  guint changes = 0;

  g_signal_connect (selection, "changed", G_CALLBACK (count_cb), &changes);
  assert_ids (selection, "");
  g_assert_null (cjm_selection_get_focused (selection));

  /* A click selects one and focuses it. */
  cjm_selection_select (selection, "a");
  assert_ids (selection, "a");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "a");
  g_assert_cmpuint (changes, ==, 1);

  /* The same click again changes nothing. */
  cjm_selection_select (selection, "a");
  g_assert_cmpuint (changes, ==, 1);

  /* Shift-click adds, in order; adding again changes nothing. */
  cjm_selection_add (selection, "b");
  cjm_selection_add (selection, "c");
  cjm_selection_add (selection, "b");
  assert_ids (selection, "a b c");
  g_assert_cmpuint (changes, ==, 3);
  g_assert_true (cjm_selection_contains (selection, "b"));
  g_assert_false (cjm_selection_contains (selection, "d"));
  g_assert_false (cjm_selection_contains (selection, NULL));
  g_assert_cmpstr (cjm_selection_get_id (selection, 2), ==, "c");
  g_assert_null (cjm_selection_get_id (selection, 3));

  /* Ctrl-click toggles. */
  cjm_selection_toggle (selection, "b");
  assert_ids (selection, "a c");
  cjm_selection_toggle (selection, "b");
  assert_ids (selection, "a c b");
  g_assert_cmpuint (changes, ==, 5);

  cjm_selection_remove (selection, "a");
  cjm_selection_remove (selection, "nothing");
  assert_ids (selection, "c b");
  g_assert_cmpuint (changes, ==, 6);

  /* Select one alone again: the others go. */
  cjm_selection_select (selection, "b");
  assert_ids (selection, "b");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "b");
}

static void
test_set_ids_and_clear (void)
{
  g_autoptr(CjmSelection) selection = cjm_selection_new ();
  const char * const band[] = { "x", "y", "z", NULL };
  guint changes = 0;

  g_signal_connect (selection, "changed", G_CALLBACK (count_cb), &changes);

  cjm_selection_set_focused (selection, "f");
  g_assert_cmpuint (changes, ==, 1);

  /* A rubber band selects a set, keeping the focus. */
  cjm_selection_set_ids (selection, band);
  assert_ids (selection, "x y z");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "f");
  g_assert_cmpuint (changes, ==, 2);

  /* The same set again: no signal. */
  cjm_selection_set_ids (selection, band);
  g_assert_cmpuint (changes, ==, 2);

  cjm_selection_clear (selection);
  assert_ids (selection, "");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "f");
  g_assert_cmpuint (changes, ==, 3);

  /* Clearing nothing says nothing. */
  cjm_selection_clear (selection);
  cjm_selection_set_ids (selection, NULL);
  g_assert_cmpuint (changes, ==, 3);

  cjm_selection_set_focused (selection, NULL);
  g_assert_null (cjm_selection_get_focused (selection));
  g_assert_cmpuint (changes, ==, 4);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(CjmSelection) selection = cjm_selection_new ();
  g_autofree char *focused = NULL;
  guint focus_notifies = 0, n_notifies = 0;
  guint n_ids;

  g_signal_connect (selection, "notify::focused-id", G_CALLBACK (notify_cb), &focus_notifies);
  g_signal_connect (selection, "notify::n-ids", G_CALLBACK (notify_cb), &n_notifies);

  g_object_set (selection, "focused-id", "card-1", NULL);
  g_object_get (selection, "focused-id", &focused, "n-ids", &n_ids, NULL);
  g_assert_cmpstr (focused, ==, "card-1");
  g_assert_cmpuint (n_ids, ==, 0);
  g_assert_cmpuint (focus_notifies, ==, 1);

  cjm_selection_add (selection, "card-1");
  cjm_selection_add (selection, "card-2");
  g_assert_cmpuint (n_notifies, ==, 2);

  /* Toggling one off and on ends with the same count, but each changed it. */
  cjm_selection_select (selection, "card-2");
  g_assert_cmpuint (n_notifies, ==, 3);
  g_assert_cmpuint (focus_notifies, ==, 2);
}

static void
test_prune (void)
{
  g_autoptr(CjmMap) map = cjm_map_new (NULL);
  g_autoptr(CjmHistory) history = cjm_history_new (map);
  g_autoptr(CjmSelection) selection = cjm_selection_new ();
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  CjmStage *stage;
  CjmLane *lane;
  CjmCard *a, *b;
  guint changes = 0;

  stage = cjm_edit_add_stage (history, -1, "Stage");
  lane = cjm_edit_add_lane (history, -1, CJM_LANE_KIND_TEXT, "Notes");
  {
    CjmStep *step = g_list_model_get_item (cjm_stage_get_steps (stage), 0);

    a = cjm_edit_add_card (history, CJM_CARD_KIND_NOTE, cjm_element_get_id (CJM_ELEMENT (lane)),
                           cjm_element_get_id (CJM_ELEMENT (step)), -1, "A", NULL);
    b = cjm_edit_add_card (history, CJM_CARD_KIND_NOTE, cjm_element_get_id (CJM_ELEMENT (lane)),
                           cjm_element_get_id (CJM_ELEMENT (step)), -1, "B", NULL);
    g_object_unref (step);
  }

  cjm_selection_add (selection, cjm_element_get_id (CJM_ELEMENT (a)));
  cjm_selection_add (selection, cjm_element_get_id (CJM_ELEMENT (b)));
  cjm_selection_set_focused (selection, cjm_element_get_id (CJM_ELEMENT (b)));
  g_signal_connect (selection, "changed", G_CALLBACK (count_cb), &changes);

  /* Nothing gone: nothing said. */
  cjm_selection_prune (selection, map);
  g_assert_cmpuint (changes, ==, 0);

  g_ptr_array_add (doomed, b);
  g_assert_true (cjm_edit_delete (history, doomed, NULL));
  cjm_selection_prune (selection, map);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (cjm_selection_get_n_ids (selection), ==, 1);
  g_assert_true (cjm_selection_contains (selection, cjm_element_get_id (CJM_ELEMENT (a))));
  g_assert_null (cjm_selection_get_focused (selection));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cjm/Selection/select-add-toggle", test_select_add_toggle);
  g_test_add_func ("/Cjm/Selection/set-ids-and-clear", test_set_ids_and_clear);
  g_test_add_func ("/Cjm/Selection/properties", test_properties);
  g_test_add_func ("/Cjm/Selection/prune", test_prune);

  return g_test_run ();
}
