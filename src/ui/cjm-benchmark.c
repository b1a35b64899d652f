/* cjm-benchmark.c: measuring the canvas's frames
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-benchmark"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "cjm-benchmark.h"
#include "cjm-canvas-private.h"

/* `journey-mapper --benchmark-frames N [FILE]` opens FILE (or a generated
 * map of 1,000 touchpoints), then drives N frames through the frame clock:
 * a third panning, a third zooming in and out around the centre, a third
 * dragging a card across the map and dropping it. Each frame is timed from
 * the start of its update phase to the end of its paint, the X server
 * included (the display is synced): what a user would wait for. The
 * percentiles, and the time from the start of the process to the first
 * drawn frame of the map, go to standard output; then the app quits.
 * The first frames after the map is drawn warm caches up (glyphs, the X
 * server's shared memory): they are driven, not counted.
 *
 * CJM_BENCHMARK_VERBOSE=1 prints each frame's time too.
 * CJM_BENCHMARK_SELECT_ALL=1 selects every card first: panning and zooming
 * then show the highlights of a selection, as when a user scrolls to see
 * where what they selected goes. */

#define WARM_UP_FRAMES 10

typedef enum
{
  PHASE_PAN,
  PHASE_ZOOM,
  PHASE_DRAG,
  N_PHASES
} Phase;

static const char * const phase_names[N_PHASES] = { "pan", "zoom", "drag" };

typedef struct
{
  CjmWindow *window;
  CjmCanvas *canvas;
  GdkFrameClock *clock;
  guint n_frames;
  guint frame;
  guint warm_up;
  gint64 started_at;
  gint64 drawn_at;
  gint64 frame_started_at;
  GArray *times[N_PHASES];    /* of double, ms */
  double pan_dx;
  double pan_dy;
  double zoom_step;
  double drag_x0;
  double drag_y0;
  double drag_x1;
  double drag_y1;
  gulong after_paint_id;
  guint tick_id;
  guint dragging : 1;
} Benchmark;

/* A map shaped like a big real one: six stages, 25 steps, five channel
 * lanes holding eight touchpoints a cell, an emotion curve, arrows. */
GBytes *
cjm_benchmark_generate_map (guint n_touchpoints)
{
  static const char * const channels[] = { "website", "mobile-app", "store", "call-centre", "email" };
  GString *xml = g_string_new (NULL);
  guint n_steps = MAX (6, n_touchpoints / 40);
  guint n_lanes = G_N_ELEMENTS (channels);

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<journey-map xmlns=\"https://example.org/ns/journey-mapper\" version=\"1.0\" id=\"map-benchmark\">\n"
                        "  <title>Generated benchmark map</title>\n"
                        "  <persona id=\"persona-1\" color=\"#3584e4\"><name>Camille</name></persona>\n");

  for (guint s = 0; s < 6; s++)
    {
      g_string_append_printf (xml, "  <stage id=\"stage-%u\"><name>Stage %u</name>\n", s, s + 1);
      for (guint i = s * n_steps / 6; i < (s + 1) * n_steps / 6; i++)
        g_string_append_printf (xml, "    <step id=\"step-%u\"><name>Step %u: compares the offers</name></step>\n",
                                i, i + 1);
      g_string_append (xml, "  </stage>\n");
    }

  for (guint l = 0; l < n_lanes; l++)
    g_string_append_printf (xml, "  <lane id=\"lane-%u\" channel=\"%s\"><name>Channel %u</name></lane>\n",
                            l, channels[l], l + 1);
  g_string_append (xml, "  <lane id=\"lane-emotions\" kind=\"emotion\"><name>Emotions</name></lane>\n");

  for (guint i = 0; i < n_touchpoints; i++)
    g_string_append_printf (xml,
                            "  <card id=\"card-%u\" lane=\"lane-%u\" step=\"step-%u\" presence=\"%s\" "
                            "direction=\"inbound\" department=\"digital\" personas=\"persona-1\">"
                            "<title>Touchpoint %u: compares prices and reads reviews</title>"
                            "<kpi-name>Conversion rate</kpi-name></card>\n",
                            i, i % n_lanes, (i / n_lanes) % n_steps, i % 2 ? "online" : "offline", i + 1);

  for (guint i = 0; i < n_steps; i++)
    g_string_append_printf (xml, "  <emotion id=\"emotion-%u\" persona=\"persona-1\" step=\"step-%u\" score=\"%d\"/>\n",
                            i, i, (int)(i * 7 % 7) - 3);

  for (guint i = 0; i + n_lanes < n_touchpoints && i < 50 * n_lanes; i += n_lanes)
    g_string_append_printf (xml, "  <connection id=\"connection-%u\" from=\"card-%u\" to=\"card-%u\"/>\n",
                            i, i, i + n_lanes * 8);

  g_string_append (xml, "</journey-map>\n");

  return g_string_free_to_bytes (xml);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index;

  if (sorted->len == 0)
    return 0;

  index = (guint)ceil (p / 100.0 * sorted->len) - 1;

  return g_array_index (sorted, double, MIN (index, sorted->len - 1));
}

static void
print_line (const char *name,
            GArray     *times)
{
  g_array_sort (times, compare_doubles);
  printf ("%-8s %6u %8.2f %8.2f %8.2f %8.2f\n", name, times->len,
          percentile (times, 50), percentile (times, 90), percentile (times, 99),
          times->len > 0 ? g_array_index (times, double, times->len - 1) : 0.0);
}

static void
finish (Benchmark *bench)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (bench->window)));
  GListModel *cards = cjm_map_get_cards (cjm_document_get_map (cjm_canvas_get_document (bench->canvas)));
  const char *renderer = g_getenv ("GSK_RENDERER");

  g_signal_handler_disconnect (bench->clock, bench->after_paint_id);

  printf ("Journey Mapper canvas benchmark: %u cards, view %d×%d, renderer %s\n",
          g_list_model_get_n_items (cards),
          gtk_widget_get_width (GTK_WIDGET (bench->canvas)),
          gtk_widget_get_height (GTK_WIDGET (bench->canvas)),
          renderer != NULL ? renderer : "default");
  printf ("open to drawn window: %.0f ms (from the start of the process)\n",
          (bench->drawn_at - bench->started_at) / 1000.0);
  printf ("%-8s %6s %8s %8s %8s %8s   (ms per frame, update to painted and synced, after %d warm-up frames)\n",
          "frames", "n", "p50", "p90", "p99", "max", WARM_UP_FRAMES);
  for (guint i = 0; i < N_PHASES; i++)
    {
      g_array_append_vals (all, bench->times[i]->data, bench->times[i]->len);
      print_line (phase_names[i], bench->times[i]);
    }
  print_line ("all", all);
  fflush (stdout);

  for (guint i = 0; i < N_PHASES; i++)
    g_array_unref (bench->times[i]);
  g_object_unref (bench->window);
  g_free (bench);

  g_application_quit (app);
}

static Phase
phase_of (Benchmark *bench,
          guint      frame)
{
  return MIN (frame * N_PHASES / MAX (bench->n_frames, 1), N_PHASES - 1);
}

/* What each frame changes. */
static void
step (Benchmark *bench)
{
  CjmCanvas *canvas = bench->canvas;
  GtkAdjustment *h = canvas->hadjustment, *v = canvas->vadjustment;
  guint first_of_phase;
  double t;

  if (bench->frame == 0 && g_getenv ("CJM_BENCHMARK_SELECT_ALL") != NULL)
    gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.select-all", NULL);

  switch (phase_of (bench, bench->frame))
    {
    case PHASE_PAN:
      if (gtk_adjustment_get_value (h) + bench->pan_dx < 0 ||
          gtk_adjustment_get_value (h) + bench->pan_dx > gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h))
        bench->pan_dx = -bench->pan_dx;
      if (gtk_adjustment_get_value (v) + bench->pan_dy < 0 ||
          gtk_adjustment_get_value (v) + bench->pan_dy > gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v))
        bench->pan_dy = -bench->pan_dy;
      gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + bench->pan_dx);
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + bench->pan_dy);
      break;

    case PHASE_ZOOM:
      if (cjm_canvas_get_zoom (canvas) * bench->zoom_step > 1.6 ||
          cjm_canvas_get_zoom (canvas) * bench->zoom_step < 0.3)
        bench->zoom_step = 1 / bench->zoom_step;
      cjm_canvas_set_zoom (canvas, cjm_canvas_get_zoom (canvas) * bench->zoom_step);
      break;

    case PHASE_DRAG:
      first_of_phase = (bench->n_frames * PHASE_DRAG + N_PHASES - 1) / N_PHASES;
      t = (double)(bench->frame - first_of_phase + 1) / MAX (1, bench->n_frames - first_of_phase);
      if (!bench->dragging)
        {
          CjmRect rect = { 0 };
          GListModel *cards = cjm_map_get_cards (canvas->map);
          g_autoptr(CjmCard) card = NULL;
          int width = gtk_widget_get_width (GTK_WIDGET (canvas));
          int height = gtk_widget_get_height (GTK_WIDGET (canvas));

          /* Back to 100 %, at the top left, and grab the first card. */
          cjm_canvas_set_zoom (canvas, 1.0);
          gtk_adjustment_set_value (h, 0);
          gtk_adjustment_set_value (v, 0);
          card = g_list_model_get_item (cards, 0);
          cjm_layout_get_card_rect (canvas->layout, card, &rect);
          cjm_canvas_map_to_widget (canvas, rect.x + 20, rect.y + rect.height / 2,
                                    &bench->drag_x0, &bench->drag_y0);
          bench->drag_x1 = width * 0.8;
          bench->drag_y1 = height * 0.8;
          _cjm_canvas_press (canvas, bench->drag_x0, bench->drag_y0, 0);
          bench->dragging = TRUE;
        }
      else if (bench->frame + 1 < bench->n_frames)
        _cjm_canvas_motion (canvas,
                            bench->drag_x0 + t * (bench->drag_x1 - bench->drag_x0),
                            bench->drag_y0 + t * (bench->drag_y1 - bench->drag_y0));
      else
        _cjm_canvas_release (canvas, bench->drag_x1, bench->drag_y1);
      break;

    case N_PHASES:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (canvas));
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Benchmark *bench = user_data;

  bench->frame_started_at = g_get_monotonic_time ();
  step (bench);

  return G_SOURCE_CONTINUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Benchmark     *bench)
{
  gint64 now;

  /* The X server draws what the frame sent it: wait for it. */
  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (bench->canvas)));
  now = g_get_monotonic_time ();

  if (bench->drawn_at == 0)
    {
      if (cjm_canvas_get_layout (bench->canvas) == NULL || gtk_widget_get_width (GTK_WIDGET (bench->canvas)) <= 0)
        return;

      bench->drawn_at = now;
      bench->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (bench->canvas), tick_cb, bench, NULL);
      return;
    }

  if (bench->frame_started_at == 0)
    return;

  if (bench->warm_up > 0)
    {
      bench->warm_up--;
      bench->frame_started_at = 0;
      return;
    }

  {
    double ms = (now - bench->frame_started_at) / 1000.0;

    if (g_getenv ("CJM_BENCHMARK_VERBOSE") != NULL)
      printf ("frame %u %s %.2f ms\n", bench->frame, phase_names[phase_of (bench, bench->frame)], ms);

    g_array_append_val (bench->times[phase_of (bench, bench->frame)], ms);
  }
  bench->frame_started_at = 0;

  if (++bench->frame >= bench->n_frames)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (bench->canvas), bench->tick_id);
      finish (bench);
    }
}

static void
mapped_cb (Benchmark *bench)
{
  if (bench->clock != NULL)
    return;

  bench->clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  bench->after_paint_id = g_signal_connect (bench->clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
}

/**
 * cjm_benchmark_run:
 * @window: a window, showing or about to show the map to measure
 * @n_frames: how many frames to measure
 * @started_at: when the process started, in monotonic time
 *
 * Measures the frames, prints the figures and quits the application.
 */
void
cjm_benchmark_run (CjmWindow *window,
                   guint      n_frames,
                   gint64     started_at)
{
  Benchmark *bench = g_new0 (Benchmark, 1);

  g_return_if_fail (CJM_IS_WINDOW (window));

  bench->window = g_object_ref (window);
  bench->canvas = cjm_window_get_canvas (window);
  bench->n_frames = MAX (n_frames, N_PHASES);
  bench->warm_up = WARM_UP_FRAMES;
  bench->started_at = started_at;
  bench->pan_dx = 23;
  bench->pan_dy = 11;
  bench->zoom_step = 1.03;
  for (guint i = 0; i < N_PHASES; i++)
    bench->times[i] = g_array_new (FALSE, FALSE, sizeof (double));

  g_signal_connect_swapped (window, "map", G_CALLBACK (mapped_cb), bench);
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    mapped_cb (bench);
}
