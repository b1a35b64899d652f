/* test-emotion-curve.c: the emotion curve widget, on a display
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cjm-core.h"
#include "cjm-emotion-curve-private.h"
#include "cjm-emotion-popover.h"

/* Run under Xvfb (tests/meson.build): the widget shows the sample map's
 * curves in a window; the tests drive it through the functions its
 * gestures and key controller call, and check the map and its history. */

#define WIDTH 1100

typedef struct
{
  GtkWidget       *window;
  CjmEmotionCurve *curve;
  CjmDocument     *document;
  CjmMap          *map;
  CjmHistory      *history;
  CjmSelection    *selection;
} Fixture;

static gboolean
allocated (Fixture *f)
{
  return gtk_widget_get_mapped (GTK_WIDGET (f->curve)) &&
         gtk_widget_get_width (GTK_WIDGET (f->curve)) == WIDTH;
}

static void
settle (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 100 * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CJM_SOURCE_ROOT"), "data", "samples",
                                            "running-shoes.cjm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CjmMap) map = NULL;
  g_autoptr(GError) error = NULL;
  gint64 end;

  map = cjm_map_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  f->document = cjm_document_new (map, NULL);
  f->map = cjm_document_get_map (f->document);
  f->history = cjm_document_get_history (f->document);
  f->selection = cjm_selection_new ();

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), WIDTH, 500);
  f->curve = CJM_EMOTION_CURVE (cjm_emotion_curve_new ());
  gtk_widget_set_valign (GTK_WIDGET (f->curve), GTK_ALIGN_START);
  cjm_emotion_curve_set_document (f->curve, f->document);
  cjm_emotion_curve_set_selection (f->curve, f->selection);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->curve));
  gtk_window_present (GTK_WINDOW (f->window));

  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (!allocated (f) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (allocated (f));
  gtk_widget_grab_focus (GTK_WIDGET (f->curve));
  settle (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  CjmEmotionCurve *curve = g_object_ref (f->curve);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (curve);
  g_assert_finalize_object (g_steal_pointer (&f->document));
  g_clear_object (&f->selection);
}

static CjmEmotion *
lookup_emotion (Fixture    *f,
                const char *id)
{
  CjmEmotion *emotion = cjm_map_lookup_typed (f->map, id, CJM_TYPE_EMOTION);

  g_assert_nonnull (emotion);

  return emotion;
}

/* The widget fills its width with the map's columns, one lane high. */
static void
test_shows_the_lane (Fixture       *f,
                     gconstpointer  data)
{
  CjmLayout *layout = _cjm_emotion_curve_get_layout (f->curve);
  double width, height;

  g_assert_nonnull (layout);
  g_assert_cmpuint (cjm_layout_get_n_lanes (layout), ==, 1);
  g_assert_cmpint (cjm_lane_get_kind (cjm_layout_get_lane (layout, 0)), ==, CJM_LANE_KIND_EMOTION);
  g_assert_cmpuint (cjm_layout_get_n_columns (layout), ==, 9);
  cjm_layout_get_size (layout, &width, &height);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->curve)), >, 0);
  /* The levels go down the widget from +3 to −3. */
  g_assert_cmpfloat (_cjm_emotion_curve_get_score_y (f->curve, 3), <,
                     _cjm_emotion_curve_get_score_y (f->curve, -3));
  g_assert_cmpfloat (_cjm_emotion_curve_get_score_y (f->curve, -3), <=,
                     gtk_widget_get_height (GTK_WIDGET (f->curve)));

  /* One persona: one curve's points. */
  {
    const char *ids[] = { "persona-marc", NULL };
    const CjmEmotionPoint *points;
    guint n_points;

    cjm_emotion_curve_set_persona_ids (f->curve, ids);
    points = cjm_layout_get_emotion_points (layout, &n_points);
    g_assert_cmpuint (n_points, >, 0);
    for (guint i = 0; i < n_points; i++)
      g_assert_cmpstr (cjm_element_get_id (CJM_ELEMENT (points[i].persona)), ==, "persona-marc");
  }
}

/* A drag of a point down two levels is one edit; undo puts it back. */
static void
test_drag_point (Fixture       *f,
                 gconstpointer  data)
{
  CjmEmotion *emotion = lookup_emotion (f, "emotion-camille-decide");
  double x, y, target;

  g_assert_cmpint (cjm_emotion_get_score (emotion), ==, 2);
  g_assert_true (_cjm_emotion_curve_get_point_position (f->curve, emotion, &x, &y));
  g_assert_cmpfloat_with_epsilon (y, _cjm_emotion_curve_get_score_y (f->curve, 2), 1e-6);

  target = _cjm_emotion_curve_get_score_y (f->curve, 0);
  _cjm_emotion_curve_drag_begin (f->curve, x, y);
  /* Through several levels, a little off the level at the end: it snaps. */
  _cjm_emotion_curve_drag_update (f->curve, x + 3, _cjm_emotion_curve_get_score_y (f->curve, -2));
  g_assert_cmpint (cjm_emotion_get_score (emotion), ==, 2);
  _cjm_emotion_curve_drag_update (f->curve, x, target + 4);
  _cjm_emotion_curve_drag_end (f->curve, x, target + 4);

  g_assert_cmpint (cjm_emotion_get_score (emotion), ==, 0);
  g_assert_true (cjm_history_get_can_undo (f->history));
  g_assert_true (cjm_history_undo (f->history));
  g_assert_cmpint (cjm_emotion_get_score (emotion), ==, 2);
  g_assert_false (cjm_history_get_can_undo (f->history));

  /* Focused and selected: the point dragged. */
  g_assert_true (_cjm_emotion_curve_get_focused (f->curve, NULL) == emotion);
  g_assert_cmpstr (cjm_selection_get_focused (f->selection), ==, "emotion-camille-decide");

  /* A drag back to where it was records nothing. */
  _cjm_emotion_curve_drag_begin (f->curve, x, y);
  _cjm_emotion_curve_drag_update (f->curve, x, target);
  _cjm_emotion_curve_drag_end (f->curve, x, y);
  g_assert_false (cjm_history_get_can_undo (f->history));
}

/* Keys: Left/Right move between steps, Up/Down change the score, Delete
 * clears it, Up on an empty step adds a neutral score; each is undone. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  CjmEmotion *emotion = lookup_emotion (f, "emotion-camille-decide");
  CjmEmotion *next;
  double x, y;
  int column, first_column;

  g_assert_true (_cjm_emotion_curve_get_point_position (f->curve, emotion, &x, &y));
  _cjm_emotion_curve_drag_begin (f->curve, x, y);
  _cjm_emotion_curve_drag_end (f->curve, x, y);
  g_assert_true (_cjm_emotion_curve_get_focused (f->curve, &first_column) == emotion);

  g_assert_true (_cjm_emotion_curve_key (f->curve, GDK_KEY_Up, 0));
  g_assert_cmpint (cjm_emotion_get_score (emotion), ==, 3);
  /* At the top of the scale, Up changes nothing. */
  g_assert_true (_cjm_emotion_curve_key (f->curve, GDK_KEY_Up, 0));
  g_assert_cmpint (cjm_emotion_get_score (emotion), ==, 3);
  g_assert_true (_cjm_emotion_curve_key (f->curve, GDK_KEY_Down, 0));
  g_assert_true (_cjm_emotion_curve_key (f->curve, GDK_KEY_Down, 0));
  g_assert_cmpint (cjm_emotion_get_score (emotion), ==, 1);
  g_assert_true (cjm_history_undo (f->history));
  g_assert_true (cjm_history_undo (f->history));
  g_assert_true (cjm_history_undo (f->history));
  g_assert_cmpint (cjm_emotion_get_score (emotion), ==, 2);
  g_assert_false (cjm_history_get_can_undo (f->history));

  /* Right: the next step, and its emotion. */
  g_assert_true (_cjm_emotion_curve_key (f->curve, GDK_KEY_Right, 0));
  next = _cjm_emotion_curve_get_focused (f->curve, &column);
  g_assert_cmpint (column, ==, first_column + 1);
  g_assert_nonnull (next);
  g_assert_cmpstr (cjm_emotion_get_step_id (next), ==, "step-search-online");
  g_assert_cmpstr (cjm_selection_get_focused (f->selection), ==, cjm_element_get_id (CJM_ELEMENT (next)));

  /* Delete clears it; undo brings it back. */
  g_assert_true (_cjm_emotion_curve_key (f->curve, GDK_KEY_Delete, 0));
  g_assert_null (_cjm_emotion_curve_get_focused (f->curve, NULL));
  g_assert_null (cjm_map_lookup (f->map, "emotion-camille-search"));
  /* Up on the step left without a score adds a neutral one. */
  g_assert_true (_cjm_emotion_curve_key (f->curve, GDK_KEY_Up, 0));
  next = _cjm_emotion_curve_get_focused (f->curve, NULL);
  g_assert_nonnull (next);
  g_assert_cmpint (cjm_emotion_get_score (next), ==, 0);
  g_assert_true (cjm_history_undo (f->history));
  g_assert_null (_cjm_emotion_curve_get_focused (f->curve, NULL));
  g_assert_true (cjm_history_undo (f->history));
  g_assert_nonnull (cjm_map_lookup (f->map, "emotion-camille-search"));
  g_assert_cmpint (cjm_emotion_get_score (lookup_emotion (f, "emotion-camille-search")), ==, -2);

  /* Left twice: back to the first step, then no further. */
  g_assert_true (_cjm_emotion_curve_key (f->curve, GDK_KEY_Left, 0));
  _cjm_emotion_curve_get_focused (f->curve, &column);
  g_assert_cmpint (column, ==, first_column);
}

/* Enter opens the popover; what is typed is written when it closes, as
 * one step. */
static void
test_popover (Fixture       *f,
              gconstpointer  data)
{
  CjmEmotion *emotion = lookup_emotion (f, "emotion-camille-decide");
  GtkPopover *popover;
  double x, y;

  g_assert_true (_cjm_emotion_curve_get_point_position (f->curve, emotion, &x, &y));
  _cjm_emotion_curve_drag_begin (f->curve, x, y);
  _cjm_emotion_curve_drag_end (f->curve, x, y);

  g_assert_true (_cjm_emotion_curve_key (f->curve, GDK_KEY_Return, 0));
  popover = _cjm_emotion_curve_get_popover (f->curve);
  g_assert_nonnull (popover);
  g_assert_true (cjm_emotion_popover_get_emotion (CJM_EMOTION_POPOVER (popover)) == emotion);
  cjm_emotion_popover_set_texts (CJM_EMOTION_POPOVER (popover), "Motivated", "Let's go!");
  gtk_popover_popdown (popover);
  settle (f);

  g_assert_cmpstr (cjm_emotion_get_label (emotion), ==, "Motivated");
  g_assert_cmpstr (cjm_emotion_get_quote (emotion), ==, "Let's go!");
  g_assert_true (cjm_history_undo (f->history));
  g_assert_cmpstr (cjm_emotion_get_quote (emotion), !=, "Let's go!");
  g_assert_false (cjm_history_get_can_undo (f->history));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/Cjm/EmotionCurve/shows-the-lane", Fixture, NULL,
              fixture_set_up, test_shows_the_lane, fixture_tear_down);
  g_test_add ("/Cjm/EmotionCurve/drag-point", Fixture, NULL,
              fixture_set_up, test_drag_point, fixture_tear_down);
  g_test_add ("/Cjm/EmotionCurve/keyboard", Fixture, NULL,
              fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/Cjm/EmotionCurve/popover", Fixture, NULL,
              fixture_set_up, test_popover, fixture_tear_down);

  return g_test_run ();
}
