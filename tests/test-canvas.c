/* test-canvas.c: the map canvas and the window around it, on a display
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib-unix.h>

#include "cjm-application.h"
#include "cjm-canvas-private.h"
#include "cjm-clipboard.h"
#include "cjm-core.h"
#include "cjm-window.h"

/* Run under Xvfb (tests/meson.build): each test puts a canvas in a window,
 * drives it as the gestures and keys do (the functions their handlers
 * call, and the canvas.* actions), and checks the map, the selection, the
 * view and what a screen reader would hear. */

#define VIEW_WIDTH  900
#define VIEW_HEIGHT 600

typedef struct
{
  GtkWidget   *window;
  GtkWidget   *panel;
  CjmCanvas   *canvas;
  CjmDocument *document;
  CjmMap      *map;
  CjmHistory  *history;
  GPtrArray   *messages;
} Fixture;

/* Runs the main loop until @done says so, for at most two seconds. */
static void
run_until (gboolean (*done) (Fixture *fixture),
           Fixture   *fixture)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
allocated (Fixture *fixture)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->canvas)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) == VIEW_WIDTH;
}

/* Lets pending layouts, allocations and frames happen. */
static void
settle (Fixture *fixture)
{
  gint64 end = g_get_monotonic_time () + 100 * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
message_cb (CjmCanvas  *canvas,
            const char *message,
            Fixture    *fixture)
{
  g_ptr_array_add (fixture->messages, g_strdup (message));
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

  map = cjm_map_load (file, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture->messages = g_ptr_array_new_with_free_func (g_free);
  fixture->document = cjm_document_new (map, NULL);
  fixture->map = cjm_document_get_map (fixture->document);
  fixture->history = cjm_document_get_history (fixture->document);

  /* A window with the canvas, and a side panel to open. */
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), VIEW_WIDTH, VIEW_HEIGHT);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_EXTERNAL, GTK_POLICY_EXTERNAL);
  fixture->canvas = CJM_CANVAS (cjm_canvas_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->canvas));
  gtk_box_append (GTK_BOX (box), scrolled);
  fixture->panel = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (fixture->panel, 300, -1);
  gtk_widget_set_visible (fixture->panel, FALSE);
  gtk_box_append (GTK_BOX (box), fixture->panel);
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  g_signal_connect (fixture->canvas, "show-message", G_CALLBACK (message_cb), fixture);

  cjm_canvas_set_document (fixture->canvas, fixture->document);
  gtk_window_present (GTK_WINDOW (fixture->window));
  run_until (allocated, fixture);
  g_assert_true (allocated (fixture));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  CjmCanvas *canvas = g_object_ref (fixture->canvas);
  CjmDocument *document = g_steal_pointer (&fixture->document);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (canvas);
  g_assert_finalize_object (document);
  g_clear_pointer (&fixture->messages, g_ptr_array_unref);
}

static gpointer
lookup (Fixture    *fixture,
        const char *id)
{
  CjmElement *element = cjm_map_lookup (fixture->map, id);

  g_assert_nonnull (element);

  return element;
}

/* Where an element is on the widget: a point inside it, @fx and @fy of
 * the way across and down. */
static void
element_point (Fixture    *fixture,
               const char *id,
               double      fx,
               double      fy,
               double     *x,
               double     *y)
{
  CjmRect rect;

  cjm_canvas_scroll_to_element (fixture->canvas, id);
  g_assert_true (cjm_layout_get_element_rect (cjm_canvas_get_layout (fixture->canvas), id, &rect));
  cjm_canvas_map_to_widget (fixture->canvas, rect.x + rect.width * fx, rect.y + rect.height * fy, x, y);
}

static void
click (Fixture         *fixture,
       double           x,
       double           y,
       GdkModifierType  state)
{
  _cjm_canvas_press (fixture->canvas, x, y, state);
  _cjm_canvas_release (fixture->canvas, x, y);
}

/* Drags from (@x0, @y0) to (@x1, @y1) in a few motions, as a hand would. */
static void
drag (Fixture *fixture,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  _cjm_canvas_press (fixture->canvas, x0, y0, 0);
  for (int i = 1; i <= 4; i++)
    _cjm_canvas_motion (fixture->canvas, x0 + (x1 - x0) * i / 4, y0 + (y1 - y0) * i / 4);
  _cjm_canvas_release (fixture->canvas, x1, y1);
}

static char *
selected (Fixture *fixture)
{
  g_auto(GStrv) ids = cjm_selection_dup_ids (cjm_canvas_get_selection (fixture->canvas));

  return g_strjoinv (" ", ids);
}

/* The view */

static void
test_scroll_and_zoom (Fixture       *fixture,
                      gconstpointer  data)
{
  CjmCanvas *canvas = fixture->canvas;
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  double width, height, before_x, before_y, after_x, after_y;

  cjm_layout_get_size (cjm_canvas_get_layout (canvas), &width, &height);

  /* At 100 %, the scrollbars span the map. */
  g_assert_cmpfloat (cjm_canvas_get_zoom (canvas), ==, 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), ==, ceil (width));
  g_assert_cmpfloat (gtk_adjustment_get_page_size (h), ==, VIEW_WIDTH);
  g_assert_cmpfloat (gtk_adjustment_get_upper (v), ==, ceil (height));

  /* Zooming around a point keeps the map's point under it. */
  gtk_adjustment_set_value (h, 300);
  gtk_adjustment_set_value (v, 200);
  cjm_canvas_widget_to_map (canvas, 250, 150, &before_x, &before_y);
  cjm_canvas_set_zoom_at (canvas, 2.0, 250, 150);
  cjm_canvas_widget_to_map (canvas, 250, 150, &after_x, &after_y);
  g_assert_cmpfloat (cjm_canvas_get_zoom (canvas), ==, 2.0);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1.0);
  g_assert_cmpfloat_with_epsilon (after_y, before_y, 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), ==, ceil (width * 2));

  /* The keys zoom by steps, and Ctrl+0 comes back to 100 %. */
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (cjm_canvas_get_zoom (canvas), 1.6, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-reset", NULL);
  g_assert_cmpfloat (cjm_canvas_get_zoom (canvas), ==, 1.0);

  /* Zoom to fit: the whole map in view. */
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-fit", NULL);
  g_assert_cmpfloat (width * cjm_canvas_get_zoom (canvas), <=, VIEW_WIDTH + 0.5);
  g_assert_cmpfloat (height * cjm_canvas_get_zoom (canvas), <=, VIEW_HEIGHT + 0.5);
  g_assert_cmpfloat (gtk_adjustment_get_value (h), ==, 0);

  /* Never beyond the limits. */
  cjm_canvas_set_zoom (canvas, 100);
  g_assert_cmpfloat (cjm_canvas_get_zoom (canvas), ==, CJM_CANVAS_ZOOM_MAX);
  cjm_canvas_set_zoom (canvas, 0);
  g_assert_cmpfloat (cjm_canvas_get_zoom (canvas), ==, CJM_CANVAS_ZOOM_MIN);
}

static void
test_keeps_place (Fixture       *fixture,
                  gconstpointer  data)
{
  CjmCanvas *canvas = fixture->canvas;
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  double x, y;

  gtk_adjustment_set_value (h, 400);
  cjm_canvas_widget_to_map (canvas, 0, 0, &x, &y);

  /* A panel opens: the view narrows, the map stays where it was. */
  gtk_widget_set_visible (fixture->panel, TRUE);
  settle (fixture);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), ==, VIEW_WIDTH - 300);
  g_assert_cmpfloat (gtk_adjustment_get_value (h), ==, 400);
  {
    double x2, y2;

    cjm_canvas_widget_to_map (canvas, 0, 0, &x2, &y2);
    g_assert_cmpfloat (x2, ==, x);
    g_assert_cmpfloat (y2, ==, y);
  }

  /* An edit that changes the map's size keeps the place too. */
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-in", NULL);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (h), ==, VIEW_WIDTH - 300);
}

/* Render the canvas into an image: the theme shows. */
static guint32
pixel_at (Fixture *fixture,
          int      x,
          int      y)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  guint32 pixel;

  GTK_WIDGET_GET_CLASS (fixture->canvas)->snapshot (GTK_WIDGET (fixture->canvas), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = *(guint32 *)(cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
  cairo_surface_destroy (surface);

  return pixel & 0xffffff;
}

static void
test_follows_style (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  guint32 light, dark;

  /* The map's white background, top left, at 100 %. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  settle (fixture);
  light = pixel_at (fixture, 5, 5);
  g_assert_cmphex (light, ==, 0xffffff);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  settle (fixture);
  dark = pixel_at (fixture, 5, 5);
  g_assert_cmphex (dark & 0xff, <, 0x40);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* The pointer */

static void
test_click_select (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *toggled = NULL;
  g_autofree char *none = NULL;
  double x, y, x2, y2;

  element_point (fixture, "card-action-search", 0.3, 0.5, &x, &y);
  click (fixture, x, y, 0);
  one = selected (fixture);
  g_assert_cmpstr (one, ==, "card-action-search");
  g_assert_cmpstr (cjm_selection_get_focused (cjm_canvas_get_selection (fixture->canvas)), ==,
                   "card-action-search");

  element_point (fixture, "card-action-ask-friends", 0.3, 0.5, &x2, &y2);
  click (fixture, x2, y2, GDK_SHIFT_MASK);
  two = selected (fixture);
  g_assert_cmpstr (two, ==, "card-action-search card-action-ask-friends");

  element_point (fixture, "card-action-search", 0.3, 0.5, &x, &y);
  click (fixture, x, y, GDK_CONTROL_MASK);
  toggled = selected (fixture);
  g_assert_cmpstr (toggled, ==, "card-action-ask-friends");

  /* A click where there is nothing clears it; so does Escape. */
  click (fixture, 2, 2, 0);
  none = selected (fixture);
  g_assert_cmpstr (none, ==, "");

  click (fixture, x, y, 0);
  g_assert_cmpuint (cjm_selection_get_n_ids (cjm_canvas_get_selection (fixture->canvas)), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.select-all", NULL);
  g_assert_cmpuint (cjm_selection_get_n_ids (cjm_canvas_get_selection (fixture->canvas)), ==,
                    g_list_model_get_n_items (cjm_map_get_cards (fixture->map)));
}

static void
test_rubber_band (Fixture       *fixture,
                  gconstpointer  data)
{
  CjmRect a, b;
  double x0, y0, x1, y1;
  g_autofree char *band = NULL;

  /* From the empty corner of the first action's cell to the middle of the
   * second thought: the four cards between. */
  cjm_layout_get_card_rect (cjm_canvas_get_layout (fixture->canvas), lookup (fixture, "card-action-set-goal"), &a);
  cjm_layout_get_card_rect (cjm_canvas_get_layout (fixture->canvas), lookup (fixture, "card-thought-jargon"), &b);
  cjm_canvas_map_to_widget (fixture->canvas, a.x - 4, a.y - 4, &x0, &y0);
  cjm_canvas_map_to_widget (fixture->canvas, b.x + b.width / 2, b.y + b.height / 2, &x1, &y1);
  drag (fixture, x0, y0, x1, y1);

  band = selected (fixture);
  g_assert_cmpstr (band, ==, "card-action-set-goal card-action-search card-thought-knees card-thought-jargon");
}

static void
test_drag_card (Fixture       *fixture,
                gconstpointer  data)
{
  CjmCard *card = lookup (fixture, "card-buying-guide");
  CjmLayout *layout = cjm_canvas_get_layout (fixture->canvas);
  double x0, y0, x1, y1;
  CjmRect cell;

  element_point (fixture, "card-buying-guide", 0.3, 0.5, &x0, &y0);
  cjm_layout_get_cell_rect (layout, cjm_layout_find_lane (layout, "lane-store"),
                            cjm_layout_find_column (layout, "step-search-online"), &cell);
  cjm_canvas_map_to_widget (fixture->canvas, cell.x + cell.width / 2, cell.y + cell.height - 4, &x1, &y1);

  /* While dragging, the drop target is known, for the highlight. */
  _cjm_canvas_press (fixture->canvas, x0, y0, 0);
  _cjm_canvas_motion (fixture->canvas, x1, y1);
  g_assert_cmpint (fixture->canvas->drag.mode, ==, DRAG_CARDS);
  g_assert_cmpint (fixture->canvas->drag.drop.kind, ==, CJM_DROP_MOVE);
  g_assert_cmpint (fixture->canvas->drag.drop.lane, ==, cjm_layout_find_lane (layout, "lane-store"));
  settle (fixture);
  _cjm_canvas_release (fixture->canvas, x1, y1);

  g_assert_cmpstr (cjm_card_get_lane_id (card), ==, "lane-store");
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpstr (cjm_card_get_lane_id (card), ==, "lane-website");

  /* Into a lane of another kind: nothing, and a message says why. */
  cjm_layout_get_cell_rect (layout, cjm_layout_find_lane (layout, "lane-pain-points"),
                            cjm_layout_find_column (layout, "step-search-online"), &cell);
  element_point (fixture, "card-buying-guide", 0.3, 0.5, &x0, &y0);
  cjm_canvas_map_to_widget (fixture->canvas, cell.x + 20, cell.y + cell.height - 4, &x1, &y1);
  drag (fixture, x0, y0, x1, y1);
  g_assert_cmpstr (cjm_card_get_lane_id (card), ==, "lane-website");
  g_assert_cmpuint (fixture->messages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->messages, 0), ==, "Touchpoints go in channel lanes");
  g_assert_false (cjm_history_get_can_undo (fixture->history));
}

static void
test_drag_header (Fixture       *fixture,
                  gconstpointer  data)
{
  CjmLayout *layout = cjm_canvas_get_layout (fixture->canvas);
  double x0, y0, x1, y1;
  CjmRect rect;

  /* The first stage's header, dragged past the middle of the second. */
  element_point (fixture, "stage-reflection", 0.5, 0.5, &x0, &y0);
  cjm_layout_get_stage_rect (layout, lookup (fixture, "stage-evaluation"), &rect);
  cjm_canvas_map_to_widget (fixture->canvas, rect.x + rect.width * 0.8, rect.y + rect.height / 2, &x1, &y1);
  drag (fixture, x0, y0, x1, y1);

  {
    g_autoptr(CjmStage) first = g_list_model_get_item (cjm_map_get_stages (fixture->map), 0);
    g_autoptr(CjmStage) second = g_list_model_get_item (cjm_map_get_stages (fixture->map), 1);

    g_assert_true (first == lookup (fixture, "stage-evaluation"));
    g_assert_true (second == lookup (fixture, "stage-reflection"));
  }

  /* A lane's header, dragged to the top. */
  element_point (fixture, "lane-store", 0.5, 0.5, &x0, &y0);
  cjm_layout_get_lane_header_rect (layout, 0, &rect);
  cjm_canvas_map_to_widget (fixture->canvas, rect.x + 10, rect.y + 3, &x1, &y1);
  drag (fixture, x0, y0, x1, y1);
  g_assert_true (cjm_layout_get_lane (layout, 0) == lookup (fixture, "lane-store"));
}

static void
test_resize_and_connect (Fixture       *fixture,
                         gconstpointer  data)
{
  CjmCard *card = lookup (fixture, "card-buying-guide");
  CjmLayout *layout = cjm_canvas_get_layout (fixture->canvas);
  guint n_connections = g_list_model_get_n_items (cjm_map_get_connections (fixture->map));
  double x0, y0, x1, y1;
  CjmRect rect, step;

  /* The right edge, dragged one column on: two steps wide. */
  cjm_layout_get_card_rect (layout, card, &rect);
  cjm_canvas_map_to_widget (fixture->canvas, rect.x + rect.width - 3, rect.y + 6, &x0, &y0);
  cjm_layout_get_step_rect (layout, cjm_layout_find_column (layout, "step-ask-friends"), &step);
  cjm_canvas_map_to_widget (fixture->canvas, step.x + step.width * 0.8, rect.y + 6, &x1, &y1);
  drag (fixture, x0, y0, x1, y1);
  g_assert_cmpint (cjm_card_get_span (card), ==, 2);

  /* The handle, dragged onto another card: an arrow. */
  cjm_layout_get_card_rect (layout, card, &rect);
  cjm_canvas_map_to_widget (fixture->canvas, rect.x + rect.width, rect.y + rect.height / 2, &x0, &y0);
  cjm_layout_get_card_rect (layout, lookup (fixture, "card-running-club"), &rect);
  cjm_canvas_map_to_widget (fixture->canvas, rect.x + 20, rect.y + rect.height / 2, &x1, &y1);
  drag (fixture, x0, y0, x1, y1);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_connections (fixture->map)), ==, n_connections + 1);
}

/* The selection's highlights, while the view pans: the same node while
 * the pan stays within the overlay's grid; past it, an image made of the
 * old one and of what came into view, the same as one drawn whole. */

static cairo_surface_t *
overlay_image (Fixture *fixture)
{
  cairo_surface_t *image = g_object_get_data (G_OBJECT (fixture->canvas), "cjm-canvas-overlay-image");
  cairo_surface_t *copy;
  cairo_t *cr;

  g_assert_nonnull (image);
  copy = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (image),
                                     cairo_image_surface_get_height (image));
  cr = cairo_create (copy);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (copy);

  return copy;
}

static void
test_overlay_pan (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->canvas));
  cairo_surface_t *moved, *whole;
  GskRenderNode *node;
  int differing = 0;

  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.select-all", NULL);
  gtk_adjustment_set_value (h, 0);
  gtk_adjustment_set_value (v, 0);
  settle (fixture);
  node = fixture->canvas->overlay;
  g_assert_nonnull (node);

  gtk_adjustment_set_value (h, 40);
  gtk_adjustment_set_value (v, 20);
  settle (fixture);
  g_assert_true (fixture->canvas->overlay == node);

  gtk_adjustment_set_value (h, 170);
  gtk_adjustment_set_value (v, 140);
  settle (fixture);
  g_assert_true (fixture->canvas->overlay != node);
  moved = overlay_image (fixture);

  _cjm_canvas_render_invalidate_overlay (fixture->canvas);
  settle (fixture);
  whole = overlay_image (fixture);

  g_assert_cmpint (cairo_image_surface_get_width (moved), ==, cairo_image_surface_get_width (whole));
  g_assert_cmpint (cairo_image_surface_get_height (moved), ==, cairo_image_surface_get_height (whole));
  for (int y = 0; y < cairo_image_surface_get_height (whole); y++)
    {
      const guint8 *a = cairo_image_surface_get_data (moved) + y * cairo_image_surface_get_stride (moved);
      const guint8 *b = cairo_image_surface_get_data (whole) + y * cairo_image_surface_get_stride (whole);

      for (int x = 0; x < 4 * cairo_image_surface_get_width (whole); x++)
        if (ABS (a[x] - b[x]) > 2)
          differing++;
    }
  g_assert_cmpint (differing, ==, 0);

  cairo_surface_destroy (moved);
  cairo_surface_destroy (whole);
}

/* The keyboard */

static void
test_keyboard_focus (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  CjmSelection *selection = cjm_canvas_get_selection (fixture->canvas);

  gtk_widget_activate_action (widget, "canvas.focus", "s", "first");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "card-action-set-goal");
  gtk_widget_activate_action (widget, "canvas.focus", "s", "right");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "card-action-search");
  gtk_widget_activate_action (widget, "canvas.focus", "s", "down");
  gtk_widget_activate_action (widget, "canvas.focus", "s", "down");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "card-buying-guide");

  /* What a screen reader hears follows the focus. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Touchpoint: Beginner’s buying guide — stage Reflection, "
                                       "step Searches online, lane Website");
  gtk_widget_activate_action (widget, "canvas.focus", "s", "up");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Note: “Neutral, stability, drop… what does all this mean?” — "
                                       "stage Reflection, step Searches online, lane Thoughts");
  gtk_widget_activate_action (widget, "canvas.focus", "s", "up");
  gtk_widget_activate_action (widget, "canvas.focus", "s", "up");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "step-search-online");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Step: Searches online — stage Reflection");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     "Arrow keys move between cards and headers, Alt and an arrow key "
                                                     "moves the focused card, C goes through its connections, Enter "
                                                     "renames it, Delete removes it, Shift+F10 opens its menu."));

  /* Shift and an arrow extend the selection. */
  gtk_widget_activate_action (widget, "canvas.focus", "s", "first");
  gtk_widget_activate_action (widget, "canvas.extend", "s", "right");
  g_assert_cmpuint (cjm_selection_get_n_ids (selection), ==, 2);
}

static void
test_keyboard_edits (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  CjmSelection *selection = cjm_canvas_get_selection (fixture->canvas);
  CjmCard *guide = lookup (fixture, "card-buying-guide");
  guint n_cards = g_list_model_get_n_items (cjm_map_get_cards (fixture->map));

  cjm_selection_select (selection, "card-buying-guide");

  /* Alt and an arrow move the card. */
  gtk_widget_activate_action (widget, "canvas.nudge", "s", "right");
  g_assert_cmpstr (cjm_card_get_step_id (guide), ==, "step-ask-friends");
  gtk_widget_activate_action (widget, "canvas.nudge", "s", "left");
  g_assert_cmpstr (cjm_card_get_step_id (guide), ==, "step-search-online");

  /* Ctrl+D duplicates, selecting the copy; Delete removes it. */
  gtk_widget_activate_action (widget, "canvas.duplicate", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (fixture->map)), ==, n_cards + 1);
  g_assert_cmpstr (cjm_selection_get_focused (selection), !=, "card-buying-guide");
  gtk_widget_activate_action (widget, "canvas.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (fixture->map)), ==, n_cards);
  g_assert_nonnull (cjm_map_lookup (fixture->map, "card-buying-guide"));

  /* Insert adds a card of the focused lane's kind, after the focused card,
   * and opens its title for typing. */
  cjm_selection_select (selection, "card-buying-guide");
  gtk_widget_activate_action (widget, "canvas.add-card", "s", "");
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (fixture->map)), ==, n_cards + 1);
  {
    CjmCard *added = cjm_map_lookup_typed (fixture->map, cjm_selection_get_focused (selection), CJM_TYPE_CARD);

    g_assert_nonnull (added);
    g_assert_cmpint (cjm_card_get_kind (added), ==, CJM_CARD_KIND_TOUCHPOINT);
    g_assert_cmpstr (cjm_card_get_lane_id (added), ==, "lane-website");
    g_assert_true (gtk_widget_get_visible (fixture->canvas->editor));
    _cjm_canvas_stop_editing (fixture->canvas, FALSE);
  }

  /* Stages, steps and lanes too. */
  {
    guint n_stages = g_list_model_get_n_items (cjm_map_get_stages (fixture->map));
    guint n_lanes = g_list_model_get_n_items (cjm_map_get_lanes (fixture->map));

    gtk_widget_activate_action (widget, "canvas.add-stage", NULL);
    _cjm_canvas_stop_editing (fixture->canvas, FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_stages (fixture->map)), ==, n_stages + 1);
    gtk_widget_activate_action (widget, "canvas.add-step", NULL);
    _cjm_canvas_stop_editing (fixture->canvas, FALSE);
    gtk_widget_activate_action (widget, "canvas.add-lane", "s", "card:pain-point");
    _cjm_canvas_stop_editing (fixture->canvas, FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_lanes (fixture->map)), ==, n_lanes + 1);
  }
}

static gboolean
has_message (Fixture    *fixture,
             const char *message)
{
  for (guint i = 0; i < fixture->messages->len; i++)
    if (g_str_equal (g_ptr_array_index (fixture->messages, i), message))
      return TRUE;

  return FALSE;
}

/* The actions of a menu section, joined by spaces. */
static char *
section_actions (GMenuModel *menu,
                 int         section)
{
  GMenuModel *items = g_menu_model_get_item_link (menu, section, G_MENU_LINK_SECTION);
  g_autoptr(GString) actions = g_string_new (NULL);

  for (int i = 0; i < g_menu_model_get_n_items (items); i++)
    {
      g_autofree char *action = NULL;

      g_menu_model_get_item_attribute (items, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      g_string_append_printf (actions, "%s%s", i > 0 ? " " : "", action);
    }
  g_object_unref (items);

  return g_string_free (g_steal_pointer (&actions), FALSE);
}

/* Connections, without the mouse: C goes through the focused card's
 * connections, Enter edits a label, Delete removes one, Ctrl+K makes one. */
static void
test_keyboard_connections (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  CjmSelection *selection = cjm_canvas_get_selection (fixture->canvas);
  GListModel *connections = cjm_map_get_connections (fixture->map);
  guint n_connections = g_list_model_get_n_items (connections);
  CjmConnection *to_reviews = lookup (fixture, "connection-store-to-reviews");
  GtkWidget *editor;

  cjm_selection_select (selection, "card-store-advice");

  /* Its connections in the map's order, coming and going, then the card
   * again; Shift+C goes the other way. The selection follows. */
  gtk_widget_activate_action (widget, "canvas.focus-connection", "s", "next");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "connection-club-to-store");
  g_assert_cmpuint (cjm_selection_get_n_ids (selection), ==, 1);
  g_assert_true (cjm_selection_contains (selection, "connection-club-to-store"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Connection from Our running club on Strava to Advice and stride "
                                       "analysis, labelled: A friend recommends the store’s advisers");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     "C goes to the card's next connection and back to the card, "
                                                     "Escape goes back to the card, Enter edits the label, Delete "
                                                     "removes the connection, Shift+F10 opens its menu."));
  gtk_widget_activate_action (widget, "canvas.focus-connection", "s", "next");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "connection-store-to-reviews");
  gtk_widget_activate_action (widget, "canvas.focus-connection", "s", "next");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "card-store-advice");
  gtk_widget_activate_action (widget, "canvas.focus-connection", "s", "previous");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "connection-store-to-reviews");

  /* Its menu: edit the label, delete it. */
  gtk_widget_activate_action (widget, "canvas.context-menu", NULL);
  g_assert_true (gtk_widget_get_visible (fixture->canvas->context_menu));
  {
    GMenuModel *menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (fixture->canvas->context_menu));
    g_autofree char *actions = section_actions (menu, 0);

    g_assert_cmpstr (actions, ==, "canvas.edit canvas.delete");
  }
  gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_menu));
  settle (fixture);

  /* Enter edits the label in place, over the label: one undoable edit. */
  gtk_widget_activate_action (widget, "canvas.edit", NULL);
  editor = fixture->canvas->editor;
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "Goes home to compare prices and reviews");
  {
    CjmArrow arrow;
    graphene_rect_t bounds;
    double x, y;

    /* Centred on the label, from its top, at least as wide. */
    g_assert_true (cjm_layout_get_connection_arrow (cjm_canvas_get_layout (fixture->canvas), to_reviews, &arrow));
    cjm_canvas_map_to_widget (fixture->canvas, arrow.label_rect.x + arrow.label_rect.width / 2,
                              arrow.label_rect.y, &x, &y);
    g_assert_true (gtk_widget_compute_bounds (editor, widget, &bounds));
    g_assert_cmpfloat_with_epsilon (bounds.origin.x + bounds.size.width / 2, x, 2);
    g_assert_cmpfloat_with_epsilon (bounds.origin.y, (int)y, 1);
    g_assert_cmpfloat (bounds.size.width, >=, arrow.label_rect.width);
  }
  gtk_editable_set_text (GTK_EDITABLE (editor), "Compares prices at home");
  g_signal_emit_by_name (editor, "activate");
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_cmpstr (cjm_connection_get_label (to_reviews), ==, "Compares prices at home");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "connection-store-to-reviews");
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpstr (cjm_connection_get_label (to_reviews), ==, "Goes home to compare prices and reviews");

  /* Delete removes it, and the focus goes back to the card. */
  gtk_widget_activate_action (widget, "canvas.delete", NULL);
  g_assert_null (cjm_map_lookup (fixture->map, "connection-store-to-reviews"));
  g_assert_cmpuint (g_list_model_get_n_items (connections), ==, n_connections - 1);
  g_assert_nonnull (cjm_map_lookup (fixture->map, "card-store-advice"));
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "card-store-advice");
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (connections), ==, n_connections);

  /* A card without connections says so. */
  cjm_selection_select (selection, "card-action-set-goal");
  gtk_widget_activate_action (widget, "canvas.focus-connection", "s", "next");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "card-action-set-goal");
  g_assert_true (has_message (fixture, "This card has no connections"));

  /* Ctrl+K, the arrows to another card, Enter: a connection, focused. */
  cjm_selection_select (selection, "card-buying-guide");
  gtk_widget_activate_action (widget, "canvas.connect", NULL);
  gtk_widget_activate_action (widget, "canvas.focus", "s", "right");
  {
    g_autofree char *target = g_strdup (cjm_selection_get_focused (selection));
    CjmConnection *made;

    g_assert_nonnull (cjm_map_lookup_typed (fixture->map, target, CJM_TYPE_CARD));
    gtk_widget_activate_action (widget, "canvas.edit", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (connections), ==, n_connections + 1);
    made = cjm_map_lookup_typed (fixture->map, cjm_selection_get_focused (selection), CJM_TYPE_CONNECTION);
    g_assert_nonnull (made);
    g_assert_cmpstr (cjm_connection_get_from_id (made), ==, "card-buying-guide");
    g_assert_cmpstr (cjm_connection_get_to_id (made), ==, target);
    g_assert_false (gtk_widget_get_visible (editor));
  }

  /* Not to the card itself. */
  cjm_selection_select (selection, "card-buying-guide");
  gtk_widget_activate_action (widget, "canvas.connect", NULL);
  gtk_widget_activate_action (widget, "canvas.edit", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (connections), ==, n_connections + 1);
  g_assert_true (has_message (fixture, "A connection goes from one card to another"));
}

static void
test_edit_in_place (Fixture       *fixture,
                    gconstpointer  data)
{
  CjmCard *card = lookup (fixture, "card-buying-guide");
  GtkWidget *editor;

  cjm_selection_select (cjm_canvas_get_selection (fixture->canvas), "card-buying-guide");
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.edit", NULL);
  editor = fixture->canvas->editor;
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "Beginner’s buying guide");

  /* Escape: nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (editor), "Thrown away");
  _cjm_canvas_stop_editing (fixture->canvas, FALSE);
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_cmpstr (cjm_card_get_title (card), ==, "Beginner’s buying guide");
  g_assert_false (cjm_history_get_can_undo (fixture->history));

  /* Enter: one undoable edit, whatever was typed. */
  cjm_canvas_edit_element (fixture->canvas, "card-buying-guide");
  gtk_editable_set_text (GTK_EDITABLE (editor), "Buying ");
  gtk_editable_set_text (GTK_EDITABLE (editor), "Buying guide for beginners");
  g_signal_emit_by_name (editor, "activate");
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_cmpstr (cjm_card_get_title (card), ==, "Buying guide for beginners");
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpstr (cjm_card_get_title (card), ==, "Beginner’s buying guide");
  g_assert_false (cjm_history_get_can_undo (fixture->history));

  /* Headers are renamed the same way. */
  cjm_canvas_edit_element (fixture->canvas, "stage-reflection");
  gtk_editable_set_text (GTK_EDITABLE (editor), "Thinking");
  g_signal_emit_by_name (editor, "activate");
  g_assert_cmpstr (cjm_stage_get_name (lookup (fixture, "stage-reflection")), ==, "Thinking");
}

static gboolean
pasted (Fixture *fixture)
{
  return g_list_model_get_n_items (cjm_map_get_cards (fixture->map)) == 44;
}

static void
test_clipboard (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  CjmSelection *selection = cjm_canvas_get_selection (fixture->canvas);
  guint n_cards = g_list_model_get_n_items (cjm_map_get_cards (fixture->map));

  g_assert_cmpuint (n_cards, ==, 42);

  cjm_selection_select (selection, "card-pain-queue");
  cjm_selection_add (selection, "card-pain-size");
  gtk_widget_activate_action (widget, "canvas.copy", NULL);

  /* Pasted where the focus is: copies, with new ids, selected. */
  cjm_selection_select (selection, "card-pain-jargon");
  gtk_widget_activate_action (widget, "canvas.paste", NULL);
  run_until (pasted, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (fixture->map)), ==, n_cards + 2);
  g_assert_cmpuint (cjm_selection_get_n_ids (selection), ==, 2);
  g_assert_false (cjm_selection_contains (selection, "card-pain-queue"));

  /* The paste is one step to undo. */
  g_assert_true (cjm_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (fixture->map)), ==, n_cards);

  /* Cut: gone from the map, on the clipboard. */
  cjm_selection_select (selection, "card-pain-queue");
  gtk_widget_activate_action (widget, "canvas.cut", NULL);
  g_assert_null (cjm_map_lookup (fixture->map, "card-pain-queue"));
}

/* Cards copied by another process: only the .cjm fragment's MIME type on
 * the clipboard, no object of this process. */
static void
test_clipboard_fragment (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CJM_SOURCE_ROOT"), "data", "samples",
                                            "running-shoes.cjm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CjmMap) other = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  CjmSelection *selection = cjm_canvas_get_selection (fixture->canvas);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas));
  guint n_connections = g_list_model_get_n_items (cjm_map_get_connections (fixture->map));

  other = cjm_map_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (cards, cjm_map_lookup (other, "card-pain-queue"));
  g_ptr_array_add (cards, cjm_map_lookup (other, "card-store-advice"));
  cjm_card_set_title (g_ptr_array_index (cards, 1), "Advice, from the other window");
  bytes = cjm_clipboard_write_cards (other, cards);

  provider = gdk_content_provider_new_for_bytes (CJM_CLIPBOARD_CARDS_MIME_TYPE, bytes);
  gdk_clipboard_set_content (clipboard, provider);
  g_assert_false (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_OBJECT));

  cjm_selection_select (selection, "card-pain-jargon");
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.paste", NULL);
  run_until (pasted, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (fixture->map)), ==, 44);
  g_assert_cmpuint (cjm_selection_get_n_ids (selection), ==, 2);
  {
    g_auto(GStrv) ids = cjm_selection_dup_ids (selection);
    CjmCard *pain = cjm_map_lookup_typed (fixture->map, ids[0], CJM_TYPE_CARD);
    CjmCard *advice = cjm_map_lookup_typed (fixture->map, ids[1], CJM_TYPE_CARD);

    g_assert_nonnull (pain);
    g_assert_nonnull (advice);
    g_assert_cmpstr (cjm_card_get_title (pain), ==, cjm_card_get_title (lookup (fixture, "card-pain-queue")));
    g_assert_cmpint (cjm_card_get_kind (pain), ==, CJM_CARD_KIND_PAIN_POINT);
    g_assert_cmpint (cjm_card_get_severity (pain), ==, cjm_card_get_severity (lookup (fixture, "card-pain-queue")));
    g_assert_cmpstr (cjm_card_get_lane_id (pain), ==, "lane-pain-points");
    g_assert_cmpstr (cjm_card_get_title (advice), ==, "Advice, from the other window");
    g_assert_cmpstr (cjm_card_get_lane_id (advice), ==, "lane-store");
    g_assert_cmpstrv (cjm_card_get_persona_ids (advice), cjm_card_get_persona_ids (lookup (fixture, "card-store-advice")));
  }
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_connections (fixture->map)), ==, n_connections);

  /* Text from another app is not cards. */
  g_clear_pointer (&fixture->messages, g_ptr_array_unref);
  fixture->messages = g_ptr_array_new_with_free_func (g_free);
  gdk_clipboard_set_text (clipboard, "Just text");
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.paste", NULL);
  g_assert_true (has_message (fixture, "There are no cards to paste"));
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (fixture->map)), ==, 44);
}

/* Cards copied by another instance of the app, another process: this
 * program again, as a helper (copy_helper_main() below), owning the
 * clipboard of the same X display. */

#define COPY_HELPER_ENV "CJM_TEST_CANVAS_COPY_HELPER"
#define COPIED_TITLE    "Advice, copied in another process"

static gboolean
has_other_cards (Fixture *fixture)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas));

  return !gdk_clipboard_is_local (clipboard) &&
         gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                CJM_CLIPBOARD_CARDS_MIME_TYPE);
}

static void
wait_for (gboolean (*done) (Fixture *fixture),
          Fixture   *fixture)
{
  /* Long enough for another process to start: not a measure of speed. */
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_clipboard_between_processes (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                      G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) helper = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *line = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GError) error = NULL;
  CjmSelection *selection = cjm_canvas_get_selection (fixture->canvas);

  g_assert_nonnull (self_path);
  g_subprocess_launcher_setenv (launcher, COPY_HELPER_ENV, "1", TRUE);
  helper = g_subprocess_launcher_spawn (launcher, &error, self_path, NULL);
  g_assert_no_error (error);

  /* It says when it has copied; then this process sees the clipboard
   * change owner, with the cards' type among its formats. */
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (helper));
  line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "copied");
  wait_for (has_other_cards, fixture);
  g_assert_true (has_other_cards (fixture));

  cjm_selection_select (selection, "card-pain-jargon");
  gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.paste", NULL);
  wait_for (pasted, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (fixture->map)), ==, 44);
  {
    g_auto(GStrv) ids = cjm_selection_dup_ids (selection);
    CjmCard *pain, *advice;

    /* In the map's order, as they were copied. */
    g_assert_cmpuint (g_strv_length (ids), ==, 2);
    advice = cjm_map_lookup_typed (fixture->map, ids[0], CJM_TYPE_CARD);
    pain = cjm_map_lookup_typed (fixture->map, ids[1], CJM_TYPE_CARD);
    g_assert_nonnull (pain);
    g_assert_nonnull (advice);
    g_assert_cmpstr (cjm_card_get_title (pain), ==, cjm_card_get_title (lookup (fixture, "card-pain-queue")));
    g_assert_cmpint (cjm_card_get_kind (pain), ==, CJM_CARD_KIND_PAIN_POINT);
    g_assert_cmpstr (cjm_card_get_lane_id (pain), ==, "lane-pain-points");
    /* Its title as the other process had it. */
    g_assert_cmpstr (cjm_card_get_title (advice), ==, COPIED_TITLE);
    g_assert_cmpstr (cjm_card_get_lane_id (advice), ==, "lane-store");
    g_assert_cmpint (cjm_card_get_span (advice), ==, 2);
  }

  /* Closing its input ends the helper. */
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (helper), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (helper, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
helper_input_cb (int          fd,
                 GIOCondition condition,
                 gpointer     user_data)
{
  gboolean *done = user_data;
  char buffer[64];

  if (read (fd, buffer, sizeof buffer) <= 0)
    {
      *done = TRUE;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* The other process: copies two cards of the sample map, one retitled,
 * says so on its output, and keeps the clipboard until its input closes. */
static int
copy_helper_main (void)
{
  Fixture fixture = { NULL };
  gboolean done = FALSE;

  gtk_init ();
  adw_init ();
  fixture_set_up (&fixture, NULL);

  cjm_card_set_title (lookup (&fixture, "card-store-advice"), COPIED_TITLE);
  cjm_selection_select (cjm_canvas_get_selection (fixture.canvas), "card-pain-queue");
  cjm_selection_add (cjm_canvas_get_selection (fixture.canvas), "card-store-advice");
  gtk_widget_activate_action (GTK_WIDGET (fixture.canvas), "canvas.copy", NULL);
  settle (&fixture);

  g_print ("copied\n");
  fflush (stdout);

  g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, helper_input_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  fixture_tear_down (&fixture, NULL);

  return 0;
}

static void
test_presenting (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  CjmLayout *layout = cjm_canvas_get_layout (fixture->canvas);
  CjmSelection *selection = cjm_canvas_get_selection (fixture->canvas);

  cjm_canvas_set_presenting (fixture->canvas, TRUE);
  g_assert_cmpfloat (cjm_layout_get_text_scale (layout), >, 1.0);

  /* The arrows step through the stages, each filling the view. */
  gtk_widget_activate_action (widget, "canvas.focus", "s", "right");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "stage-reflection");
  {
    CjmRect rect;
    double x0, y0, x1, y1;

    cjm_layout_get_stage_rect (layout, lookup (fixture, "stage-reflection"), &rect);
    cjm_canvas_map_to_widget (fixture->canvas, rect.x, rect.y, &x0, &y0);
    cjm_canvas_map_to_widget (fixture->canvas, rect.x + rect.width, rect.y, &x1, &y1);
    g_assert_cmpfloat (x0, >=, 0);
    g_assert_cmpfloat (y0, >=, 0);
    g_assert_cmpfloat (x1, <=, VIEW_WIDTH);
    g_assert_cmpfloat (x1 - x0, >, VIEW_WIDTH * 0.9);
  }
  gtk_widget_activate_action (widget, "canvas.focus", "s", "right");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "stage-evaluation");
  gtk_widget_activate_action (widget, "canvas.focus", "s", "left");
  g_assert_cmpstr (cjm_selection_get_focused (selection), ==, "stage-reflection");

  /* Nothing is edited while presenting. */
  gtk_widget_activate_action (widget, "canvas.delete", NULL);
  g_assert_nonnull (cjm_map_lookup (fixture->map, "stage-reflection"));

  cjm_canvas_set_presenting (fixture->canvas, FALSE);
  g_assert_cmpfloat (cjm_layout_get_text_scale (layout), ==, 1.0);
}

/* The window */

static void
test_window (void)
{
  g_autoptr(CjmApplication) app = cjm_application_new ();
  g_autoptr(GError) error = NULL;
  CjmWindow *window;
  CjmDocument *document;
  CjmMapView *view;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = cjm_window_new (app);
  g_object_ref_sink (window);

  /* A map from a template: untitled, unchanged. */
  g_assert_true (cjm_window_new_map (window, "e-commerce"));
  document = cjm_window_get_document (window);
  g_assert_null (cjm_document_get_file (document));
  g_assert_false (cjm_document_get_modified (document));
  g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (cjm_document_get_map (document))), >, 10);
  g_assert_true (cjm_canvas_get_document (cjm_window_get_canvas (window)) == document);
  g_assert_true (cjm_window_is_blank (window));

  /* F9 shows the panels; F5 presents, Escape leaves. */
  view = cjm_window_get_map_view (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (cjm_map_view_get_show_panels (view));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panels", NULL);
  g_assert_true (cjm_map_view_get_show_panels (view));
  g_assert_nonnull (adw_view_stack_get_child_by_name (cjm_map_view_get_panels (view), "inspector"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_true (cjm_map_view_get_presenting (view));
  g_assert_true (cjm_canvas_get_presenting (cjm_window_get_canvas (window)));
  g_assert_false (cjm_map_view_get_show_panels (view));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-presentation", NULL);
  g_assert_false (cjm_map_view_get_presenting (view));
  g_assert_true (cjm_map_view_get_show_panels (view));

  /* The header bar's Add menu reaches the canvas. */
  {
    CjmMap *map = cjm_document_get_map (document);
    guint n_stages = g_list_model_get_n_items (cjm_map_get_stages (map));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.add-stage", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_stages (map)), ==, n_stages + 1);
    g_assert_true (cjm_document_get_modified (document));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

#define ADD(path, func) \
  g_test_add ("/Cjm/Canvas/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  if (g_getenv (COPY_HELPER_ENV) != NULL)
    return copy_helper_main ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("scroll-and-zoom", test_scroll_and_zoom);
  ADD ("keeps-place", test_keeps_place);
  ADD ("follows-style", test_follows_style);
  ADD ("click-select", test_click_select);
  ADD ("rubber-band", test_rubber_band);
  ADD ("drag-card", test_drag_card);
  ADD ("drag-header", test_drag_header);
  ADD ("resize-and-connect", test_resize_and_connect);
  ADD ("overlay-pan", test_overlay_pan);
  ADD ("keyboard-focus", test_keyboard_focus);
  ADD ("keyboard-edits", test_keyboard_edits);
  ADD ("keyboard-connections", test_keyboard_connections);
  ADD ("edit-in-place", test_edit_in_place);
  ADD ("clipboard", test_clipboard);
  ADD ("clipboard-fragment", test_clipboard_fragment);
  ADD ("clipboard-between-processes", test_clipboard_between_processes);
  ADD ("presenting", test_presenting);
  g_test_add_func ("/Cjm/Window/templates-panels-presentation", test_window);

  return g_test_run ();
}
