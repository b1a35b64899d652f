/* test-export.c: every map to every format; images, pages, slides, scope
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cjm-export-private.h"
#include "cjm-layout-private.h"
#include "export-support.h"
#include "font-support.h"

static const char * const all_tools[] = {
  "xmllint", "rsvg-convert", "inkscape", "pdfinfo", "pdftoppm", "pdftotext", NULL,
};

/* rsvg-convert, Inkscape and cairo draw the same shapes, but each
 * antialiases glyphs its own way: a pixel differs if a channel differs by
 * more than a quarter, and at most this share of pixels may. */
#define PIXEL_TOLERANCE 64
#define MAX_DIFFERENT   0.015

static CjmExportOptions *
options_for (CjmExportFormat format)
{
  CjmExportOptions *options = cjm_export_options_new (format);

  options->bands = CJM_LAYOUT_BAND_HEADER | CJM_LAYOUT_BAND_PERSONAS | CJM_LAYOUT_BAND_LEGEND;

  return options;
}

static void
export_or_fail (CjmMap                 *map,
                const CjmExportOptions *options,
                GFile                  *file)
{
  g_autoptr(GError) error = NULL;

  cjm_export_to_file (map, options, file, NULL, &error);
  g_assert_no_error (error);
}

static char *
run_or_fail (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = export_run_tool (argv, &error);

  g_assert_no_error (error);

  return out;
}

/* The texts of the SVG's <text> elements, each as one normalized string. */
static GHashTable *
svg_texts (const char *path)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_assert_nonnull (doc);
  g_ptr_array_add (stack, xmlDocGetRootElement (doc));
  while (stack->len > 0)
    {
      xmlNodePtr node = g_ptr_array_steal_index (stack, stack->len - 1);

      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE)
          {
            if (xmlStrcmp (child->name, (const xmlChar *)"text") == 0)
              {
                xmlChar *content = xmlNodeGetContent (child);

                g_hash_table_add (texts, export_normalize ((const char *)content));
                xmlFree (content);
              }
            else
              g_ptr_array_add (stack, child);
          }
    }
  xmlFreeDoc (doc);

  return texts;
}

/* Every sample and template, to every format */

static void
check_png (CjmMap     *map,
           const char *folder)
{
  g_autoptr(CjmExportOptions) options = options_for (CJM_EXPORT_FORMAT_PNG);
  g_autoptr(GFile) file = export_file_in (folder, "map.png");
  g_autoptr(CjmLayout) layout = cjm_export_create_layout (map, options, NULL);
  g_autofree char *path = g_file_get_path (file);
  cairo_surface_t *image;
  double width, height;

  export_or_fail (map, options, file);
  cjm_layout_get_size (layout, &width, &height);
  image = export_load_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int)ceil (width));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int)ceil (height));
  g_assert_cmpfloat_with_epsilon (export_png_dpi (path), 96, 0.5);
  cairo_surface_destroy (image);
}

static void
check_svg (CjmMap     *map,
           const char *folder)
{
  g_autoptr(CjmExportOptions) options = options_for (CJM_EXPORT_FORMAT_SVG);
  g_autoptr(GFile) file = export_file_in (folder, "map.svg");
  g_autoptr(CjmLayout) layout = cjm_export_create_layout (map, options, NULL);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *png = g_build_filename (folder, "map.png", NULL);
  g_autofree char *rsvg = g_build_filename (folder, "rsvg.png", NULL);
  g_autofree char *inkscape = g_build_filename (folder, "inkscape.png", NULL);
  g_autofree char *inkscape_output = g_strconcat ("--export-filename=", inkscape, NULL);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GHashTable) texts = NULL;
  GListModel *cards = cjm_map_get_cards (map);
  const char *renderings[] = { rsvg, inkscape };
  cairo_surface_t *ours;

  export_or_fail (map, options, file);

  /* Well-formed, and rendered by librsvg and by Inkscape like the app
   * renders the map. */
  out = run_or_fail ((const char *[]) { "xmllint", "--noout", path, NULL });
  g_clear_pointer (&out, g_free);
  out = run_or_fail ((const char *[]) { "rsvg-convert", "-o", rsvg, path, NULL });
  g_clear_pointer (&out, g_free);
  out = run_or_fail ((const char *[]) { "inkscape", "--export-type=png", inkscape_output,
                                        path, NULL });
  ours = export_load_png (png);
  for (guint i = 0; i < G_N_ELEMENTS (renderings); i++)
    {
      cairo_surface_t *theirs = export_load_png (renderings[i]);
      double different = export_compare_images (ours, theirs, PIXEL_TOLERANCE);

      if (g_test_verbose ())
        g_test_message ("%s: %.3f %% of the pixels differ", renderings[i], different * 100);
      g_assert_cmpfloat (different, <=, MAX_DIFFERENT);
      cairo_surface_destroy (theirs);
    }
  cairo_surface_destroy (ours);

  /* Text as text, in a named font: every card title shown whole is there. */
  text = export_read_text (file);
  g_assert_nonnull (strstr (text, "<text "));
  g_assert_nonnull (strstr (text, "font-family=\"Cantarell, sans-serif\""));
  g_assert_null (strstr (text, "<symbol"));
  texts = svg_texts (path);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);
      g_autofree char *title = export_normalize (cjm_card_get_title (card));
      CjmRect rect;

      if (*title == '\0' || !cjm_layout_get_card_rect (layout, card, &rect) ||
          cjm_layout_get_card_truncated (layout, card))
        continue;
      if (!g_hash_table_contains (texts, title))
        g_error ("%s: the title “%s” is not a <text>", path, title);
    }
}

/* The shortest card title: one line, which pdftotext gives whole. */
static char *
dup_short_title (CjmMap *map)
{
  GListModel *cards = cjm_map_get_cards (map);
  char *shortest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);
      const char *title = cjm_card_get_title (card);

      if (title != NULL && strlen (title) >= 4 &&
          (shortest == NULL || strlen (title) < strlen (shortest)))
        {
          g_free (shortest);
          shortest = g_strdup (title);
        }
    }

  return shortest;
}

static void
check_pdf (CjmMap     *map,
           const char *folder)
{
  g_autoptr(CjmExportOptions) options = options_for (CJM_EXPORT_FORMAT_PDF);
  g_autoptr(GFile) file = export_file_in (folder, "map.pdf");
  g_autoptr(GFile) a4 = export_file_in (folder, "a4.pdf");
  g_autoptr(CjmLayout) layout = cjm_export_create_layout (map, options, NULL);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *a4_path = g_file_get_path (a4);
  g_autofree char *render = g_build_filename (folder, "pdf", NULL);
  g_autofree char *render_png = g_build_filename (folder, "pdf.png", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *title = NULL;
  double width, height;

  export_or_fail (map, options, file);
  cjm_layout_get_size (layout, &width, &height);

  info = run_or_fail ((const char *[]) { "pdfinfo", path, NULL });
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  expected = g_strdup_printf ("Page size:       %g x %g pts", width * 0.75, height * 0.75);
  if (strstr (info, expected) == NULL)
    g_error ("%s: expected “%s” in\n%s", path, expected, info);

  out = run_or_fail ((const char *[]) { "pdftoppm", "-r", "12", "-png", "-singlefile", path,
                                        render, NULL });
  g_assert_true (g_file_test (render_png, G_FILE_TEST_IS_REGULAR));

  /* Text as text: the map's title and a card's are found in it. */
  text = run_or_fail ((const char *[]) { "pdftotext", path, "-", NULL });
  words = export_normalize (text);
  g_clear_pointer (&title, g_free);
  title = export_normalize (cjm_map_get_title (map));
  if (*title != '\0')
    g_assert_nonnull (strstr (words, title));
  g_clear_pointer (&title, g_free);
  title = dup_short_title (map);
  if (title != NULL && strstr (words, title) == NULL)
    g_error ("%s: no “%s” in the text of the PDF", path, title);

  /* A4 landscape pages. */
  options->page = CJM_EXPORT_PAGE_A4_LANDSCAPE;
  export_or_fail (map, options, a4);
  g_clear_pointer (&info, g_free);
  info = run_or_fail ((const char *[]) { "pdfinfo", a4_path, NULL });
  g_assert_nonnull (strstr (info, "Page size:       841.89 x 595.28 pts (A4)"));
}

static void
check_csv (CjmMap     *map,
           const char *folder)
{
  g_autoptr(CjmExportOptions) options = options_for (CJM_EXPORT_FORMAT_CSV);
  g_autoptr(GFile) file = export_file_in (folder, "map.csv");
  g_autoptr(GPtrArray) files = NULL;
  const CjmCardKind kinds[] = {
    CJM_CARD_KIND_TOUCHPOINT, CJM_CARD_KIND_PAIN_POINT, CJM_CARD_KIND_OPPORTUNITY,
  };
  const char * const names[] = { "map-touchpoints.csv", "map-pain-points.csv",
                                 "map-opportunities.csv" };

  export_or_fail (map, options, file);
  files = cjm_export_list_files (map, options, file, NULL);
  g_assert_cmpuint (files->len, ==, 3);

  for (guint t = 0; t < 3; t++)
    {
      g_autofree char *basename = g_file_get_basename (g_ptr_array_index (files, t));
      g_autofree char *text = export_read_text (g_ptr_array_index (files, t));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = export_parse_csv (text, &error);
      GListModel *cards = cjm_map_get_cards (map);
      GPtrArray *header;
      guint n = 0, title_column = 0;

      g_assert_cmpstr (basename, ==, names[t]);
      g_assert_no_error (error);
      header = g_ptr_array_index (rows, 0);
      g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "id");
      for (guint c = 0; c < header->len; c++)
        if (g_str_equal (g_ptr_array_index (header, c), "title"))
          title_column = c;
      g_assert_cmpuint (title_column, >, 0);

      for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
        {
          g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);

          if (cjm_card_get_kind (card) == kinds[t])
            n++;
        }
      g_assert_cmpuint (rows->len, ==, n + 1);

      for (guint r = 1; r < rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (rows, r);
          CjmCard *card = cjm_map_lookup_typed (map, g_ptr_array_index (row, 0), CJM_TYPE_CARD);
          const char *title;

          g_assert_cmpuint (row->len, ==, header->len);
          g_assert_nonnull (card);
          g_assert_cmpint (cjm_card_get_kind (card), ==, kinds[t]);
          title = cjm_card_get_title (card);
          if (title != NULL && strchr ("=+-@", title[0]) == NULL)
            g_assert_cmpstr (g_ptr_array_index (row, title_column), ==, title);
        }
    }
}

static void
check_lossless (CjmMap     *map,
                const char *folder)
{
  const CjmExportFormat formats[] = { CJM_EXPORT_FORMAT_JSON, CJM_EXPORT_FORMAT_CJM };
  g_autoptr(GBytes) original = cjm_map_to_bytes (map, CJM_FILE_FORMAT_CJM);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(CjmExportOptions) options = cjm_export_options_new (formats[i]);
      g_autoptr(GFile) file = export_file_in (folder, i == 0 ? "map.json" : "map.cjm");
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(CjmMap) again = NULL;
      g_autoptr(GBytes) bytes = NULL;

      export_or_fail (map, options, file);
      again = export_load_map (path);
      bytes = cjm_map_to_bytes (again, CJM_FILE_FORMAT_CJM);
      g_assert_true (g_bytes_equal (bytes, original));
    }
}

static void
test_every_map_every_format (void)
{
  g_autoptr(GPtrArray) paths = NULL;

  if (!export_have_tools (all_tools))
    return;

  paths = export_list_maps ();
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(CjmMap) map = export_load_map (path);
      g_autofree char *folder = export_make_tmp_dir ();

      g_test_message ("%s", path);
      check_png (map, folder);
      check_svg (map, folder);
      check_pdf (map, folder);
      check_csv (map, folder);
      check_lossless (map, folder);
      export_remove_dir (folder);
    }
}

/* PNG: scale, resolution, background */

static cairo_surface_t *
export_png_surface (CjmMap                 *map,
                    const CjmExportOptions *options,
                    const char             *folder,
                    char                  **path_out)
{
  g_autoptr(GFile) file = export_file_in (folder, "scaled.png");
  g_autofree char *path = g_file_get_path (file);

  export_or_fail (map, options, file);
  if (path_out != NULL)
    *path_out = g_strdup (path);

  return export_load_png (path);
}

static void
test_png_scale_and_background (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CJM_SOURCE_ROOT"), "data", "samples",
                                              "running-shoes.cjm", NULL);
  g_autoptr(CjmMap) map = export_load_map (sample);
  g_autoptr(CjmExportOptions) options = cjm_export_options_new (CJM_EXPORT_FORMAT_PNG);
  g_autoptr(CjmLayout) layout = cjm_export_create_layout (map, options, NULL);
  g_autofree char *folder = export_make_tmp_dir ();
  cairo_surface_t *image;
  double width, height;
  guchar *data;

  cjm_layout_get_size (layout, &width, &height);

  for (int scale = 1; scale <= 4; scale++)
    {
      g_autofree char *path = NULL;

      options->scale = scale;
      image = export_png_surface (map, options, folder, &path);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int)ceil (width * scale));
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int)ceil (height * scale));
      g_assert_cmpfloat_with_epsilon (export_png_dpi (path), 96 * scale, 0.5);
      cairo_surface_destroy (image);
    }

  /* A resolution: the map prints at its size on screen. */
  {
    g_autofree char *path = NULL;

    options->dpi = 300;
    image = export_png_surface (map, options, folder, &path);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int)ceil (width * 300 / 96));
    g_assert_cmpfloat_with_epsilon (export_png_dpi (path), 300, 0.5);
    cairo_surface_destroy (image);
    options->dpi = 0;
    options->scale = 1;
  }

  /* White: an opaque white corner; transparent: a corner of alpha 0. */
  image = export_png_surface (map, options, folder, NULL);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  g_assert_cmphex (*(guint32 *)(gpointer)data | (cairo_image_surface_get_format (image) ==
                                                 CAIRO_FORMAT_RGB24 ? 0xff000000 : 0),
                   ==, 0xffffffff);
  cairo_surface_destroy (image);

  options->transparent = TRUE;
  image = export_png_surface (map, options, folder, NULL);
  g_assert_cmpint (cairo_image_surface_get_format (image), ==, CAIRO_FORMAT_ARGB32);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  g_assert_cmphex (*(guint32 *)(gpointer)data >> 24, ==, 0);
  g_assert_cmphex (*(guint32 *)(gpointer)(data + (cairo_image_surface_get_height (image) - 1) *
                                          cairo_image_surface_get_stride (image)) >> 24, ==, 0);
  cairo_surface_destroy (image);

  /* The dark theme only when asked. */
  options->transparent = FALSE;
  options->theme = CJM_THEME_DARK;
  image = export_png_surface (map, options, folder, NULL);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  g_assert_cmpuint (data[0] + data[1] + data[2], <, 3 * 128);
  cairo_surface_destroy (image);

  export_remove_dir (folder);
}

static void
test_png_too_large (void)
{
  g_autoptr(CjmMap) map = cjm_map_new ("map");
  g_autoptr(CjmExportOptions) options = cjm_export_options_new (CJM_EXPORT_FORMAT_PNG);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  /* 40 steps at 4× are more than 32,767 pixels across. */
  export_add_stage (map, "stage", "Étape", 40);
  export_add_lane (map, "lane", CJM_LANE_KIND_CHANNEL, "Site web");
  options->scale = 4;
  g_assert_false (cjm_export_to_stream (map, options, stream, NULL, &error));
  g_assert_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_TOO_LARGE);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==, 0);
}

/* The PNG writer keeps every pixel the renderer drew, in every strip it
 * compresses apart; a transparent one un-premultiplies, within rounding. */
static void
test_png_encoder (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CJM_SOURCE_ROOT"), "data", "samples",
                                              "running-shoes.cjm", NULL);
  g_autoptr(CjmMap) map = export_load_map (sample);
  g_autofree char *folder = export_make_tmp_dir ();

  for (guint transparent = 0; transparent < 2; transparent++)
    {
      g_autoptr(CjmExportOptions) options = options_for (CJM_EXPORT_FORMAT_PNG);
      g_autoptr(CjmLayout) layout = NULL;
      g_autofree char *path = NULL;
      CjmExportSheet sheet = { 0 };
      cairo_surface_t *drawn, *written;
      cairo_t *cr;

      options->transparent = transparent;
      layout = cjm_export_create_layout (map, options, NULL);
      sheet.layout = layout;
      sheet.scale = 1;
      cjm_layout_get_size (layout, &sheet.width, &sheet.height);
      drawn = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (sheet.width),
                                          (int)ceil (sheet.height));
      cr = cairo_create (drawn);
      _cjm_export_draw_sheet (cr, &sheet, options, NULL);
      cairo_destroy (cr);

      written = export_png_surface (map, options, folder, &path);
      g_assert_cmpfloat (export_compare_images (drawn, written, transparent ? 1 : 0), ==, 0);
      cairo_surface_destroy (drawn);
      cairo_surface_destroy (written);
    }

  export_remove_dir (folder);
}

/* The same map gives the same bytes: nothing depends on a window or on time. */
static void
test_deterministic (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CJM_SOURCE_ROOT"), "data", "samples",
                                              "running-shoes.cjm", NULL);
  g_autoptr(CjmMap) map = export_load_map (sample);
  const CjmExportFormat formats[] = {
    CJM_EXPORT_FORMAT_PNG, CJM_EXPORT_FORMAT_SVG, CJM_EXPORT_FORMAT_CSV,
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(CjmExportOptions) options = options_for (formats[i]);
      g_autoptr(GBytes) first = NULL;
      g_autoptr(GBytes) second = NULL;

      options->tables = CJM_EXPORT_TABLE_PAIN_POINTS;
      for (guint run = 0; run < 2; run++)
        {
          g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
          g_autoptr(GError) error = NULL;

          cjm_export_to_stream (map, options, stream, NULL, &error);
          g_assert_no_error (error);
          g_output_stream_close (stream, NULL, NULL);
          if (run == 0)
            first = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
          else
            second = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
        }
      g_assert_cmpuint (g_bytes_get_size (first), >, 100);
      g_assert_true (g_bytes_equal (first, second));
    }
}

/* Slides */

static guint
count_steps (CjmMap *map)
{
  g_autoptr(GPtrArray) steps = cjm_map_dup_steps (map);

  return steps->len;
}

static CjmStage *
stage_at (GListModel *stages,
          guint       position)
{
  g_autoptr(CjmStage) stage = g_list_model_get_item (stages, position);

  return stage; /* the map keeps it */
}

static void
test_slides (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CJM_SOURCE_ROOT"), "data", "samples",
                                              "running-shoes.cjm", NULL);
  g_autoptr(CjmMap) map = export_load_map (sample);
  g_autoptr(CjmExportOptions) options = cjm_export_options_new (CJM_EXPORT_FORMAT_PNG);
  g_autofree char *folder = export_make_tmp_dir ();
  g_autoptr(GFile) file = export_file_in (folder, "deck.png");
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  GListModel *stages = cjm_map_get_stages (map);
  guint n_stages = g_list_model_get_n_items (stages);

  if (!export_have_tools (all_tools))
    return;

  /* One or more per stage, numbered in order, named after the stage, 16:9. */
  options->slides = CJM_EXPORT_SLIDES_BY_STAGE;
  options->bands = CJM_LAYOUT_BAND_HEADER;
  export_or_fail (map, options, file);
  files = cjm_export_list_files (map, options, file, NULL);
  sheets = _cjm_export_plan_sheets (map, options, NULL);
  g_assert_cmpuint (files->len, >=, n_stages);
  g_assert_cmpuint (files->len, ==, sheets->len);
  for (guint i = 0, s = 0; i < files->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, i));
      g_autofree char *path = g_file_get_path (g_ptr_array_index (files, i));
      g_autofree char *prefix = g_strdup_printf ("deck-%02u-", i + 1);
      CjmExportSheet *sheet = g_ptr_array_index (sheets, i);
      CjmStage *stage = CJM_STAGE (cjm_map_find_stage_of_step (map, cjm_element_get_id (
                                     CJM_ELEMENT (cjm_layout_get_step (sheet->layout, 0))), NULL));
      g_autofree char *slug = g_ascii_strdown (cjm_stage_get_name (stage), -1);
      cairo_surface_t *image;

      g_assert_true (g_str_has_prefix (name, prefix));
      g_assert_nonnull (strstr (name, slug));
      g_assert_true (g_str_has_suffix (name, ".png"));
      image = export_load_png (path);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
      cairo_surface_destroy (image);

      /* The stages in order, each on consecutive slides. */
      while (s < n_stages && stage_at (stages, s) != stage)
        s++;
      g_assert_cmpuint (s, <, n_stages);
    }

  /* Readable at projector size: a card's title at least 20 pixels high on
   * a slide 1080 high; each slide with the emotion curves, and the slides
   * of a stage together with every lane. */
  {
    g_autoptr(GHashTable) lanes_seen = g_hash_table_new (g_str_hash, g_str_equal);
    GListModel *lanes = cjm_map_get_lanes (map);

    for (guint i = 0; i < sheets->len; i++)
      {
        CjmExportSheet *sheet = g_ptr_array_index (sheets, i);
        double size = 14 * cjm_layout_get_text_scale (sheet->layout) * sheet->scale;
        guint n_lanes = cjm_layout_get_n_lanes (sheet->layout);
        gboolean emotion = FALSE;
        double width, height;

        g_test_message ("slide %u: text x%.2f, columns x%.2f, scale %.2f: titles %.1f px, "
                        "%u lanes", i + 1, cjm_layout_get_text_scale (sheet->layout),
                        cjm_layout_get_column_scale (sheet->layout), sheet->scale, size, n_lanes);
        g_assert_cmpfloat (size, >=, 20);
        for (guint l = 0; l < n_lanes; l++)
          {
            CjmLane *lane = cjm_layout_get_lane (sheet->layout, l);

            emotion |= cjm_lane_get_kind (lane) == CJM_LANE_KIND_EMOTION;
            g_hash_table_add (lanes_seen, (gpointer)cjm_element_get_id (CJM_ELEMENT (lane)));
          }
        g_assert_true (emotion);
        cjm_layout_get_size (sheet->layout, &width, &height);
        g_assert_cmpfloat (sheet->x, >=, 0);
        g_assert_cmpfloat (sheet->y, >=, 0);
        g_assert_cmpfloat (sheet->x + width * sheet->scale, <=, 1920 + 0.5);
        g_assert_cmpfloat (sheet->y + height * sheet->scale, <=, 1080 + 0.5);
      }
    g_assert_cmpuint (g_hash_table_size (lanes_seen), ==, g_list_model_get_n_items (lanes));
  }

  /* At scale 2, for a 4K projector. */
  {
    g_autofree char *path = g_file_get_path (g_ptr_array_index (files, 0));
    cairo_surface_t *image;

    options->scale = 2;
    export_or_fail (map, options, file);
    image = export_load_png (path);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 3840);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2160);
    cairo_surface_destroy (image);
    options->scale = 1;
  }

  /* Every two steps. */
  g_clear_pointer (&files, g_ptr_array_unref);
  options->slides = CJM_EXPORT_SLIDES_BY_STEPS;
  options->slide_steps = 2;
  files = cjm_export_list_files (map, options, file, NULL);
  g_assert_cmpuint (files->len, >=, (count_steps (map) + 1) / 2);
  {
    g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, 0));

    g_assert_cmpstr (name, ==, "deck-01.png");
  }
  g_clear_pointer (&sheets, g_ptr_array_unref);
  sheets = _cjm_export_plan_sheets (map, options, NULL);
  for (guint i = 0; i < sheets->len; i++)
    {
      CjmExportSheet *sheet = g_ptr_array_index (sheets, i);

      g_assert_cmpuint (cjm_layout_get_n_columns (sheet->layout), <=, 2);
    }

  /* As SVG: one file per slide, 1920 × 1080. */
  {
    g_autoptr(GFile) svg = export_file_in (folder, "deck.svg");
    g_autoptr(GPtrArray) svgs = NULL;
    g_autofree char *text = NULL;

    options->format = CJM_EXPORT_FORMAT_SVG;
    options->slides = CJM_EXPORT_SLIDES_BY_STAGE;
    g_clear_pointer (&sheets, g_ptr_array_unref);
    sheets = _cjm_export_plan_sheets (map, options, NULL);
    export_or_fail (map, options, svg);
    svgs = cjm_export_list_files (map, options, svg, NULL);
    g_assert_cmpuint (svgs->len, ==, sheets->len);
    text = export_read_text (g_ptr_array_index (svgs, 0));
    g_assert_nonnull (strstr (text, "viewBox=\"0 0 1920 1080\""));
    g_assert_nonnull (strstr (text, "<text "));
  }

  /* As PDF: one file, one 16:9 page each. */
  {
    g_autoptr(GFile) pdf = export_file_in (folder, "deck.pdf");
    g_autoptr(GPtrArray) pdfs = NULL;
    g_autofree char *path = g_file_get_path (pdf);
    g_autofree char *info = NULL;
    g_autofree char *pages = g_strdup_printf ("Pages:           %u\n", sheets->len);

    options->format = CJM_EXPORT_FORMAT_PDF;
    export_or_fail (map, options, pdf);
    pdfs = cjm_export_list_files (map, options, pdf, NULL);
    g_assert_cmpuint (pdfs->len, ==, 1);
    info = run_or_fail ((const char *[]) { "pdfinfo", path, NULL });
    g_assert_nonnull (strstr (info, pages));
    g_assert_nonnull (strstr (info, "Page size:       960 x 540 pts"));
  }

  export_remove_dir (folder);
}

/* PDF pages */

static void
test_pdf_pages (void)
{
  g_autoptr(CjmMap) map = cjm_map_new ("map");
  g_autoptr(CjmExportOptions) options = cjm_export_options_new (CJM_EXPORT_FORMAT_PDF);
  g_autofree char *folder = export_make_tmp_dir ();
  g_autoptr(GFile) file = export_file_in (folder, "print.pdf");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GPtrArray) steps = NULL;
  guint previous_pages = G_MAXUINT;

  if (!export_have_tools (all_tools))
    return;

  /* Wide: six stages of five steps. */
  cjm_map_set_title (map, "Parcours d’achat en ligne");
  for (guint s = 0; s < 6; s++)
    {
      g_autofree char *id = g_strdup_printf ("stage%u", s);
      g_autofree char *name = g_strdup_printf ("Phase %u", s + 1);

      export_add_stage (map, id, name, 5);
    }
  export_add_lane (map, "web", CJM_LANE_KIND_CHANNEL, "Site web");
  export_add_lane (map, "pains", CJM_LANE_KIND_PAIN_POINTS, "Points de friction");
  export_add_card (map, "card", CJM_CARD_KIND_TOUCHPOINT, "web", "stage3-step2", "Paiement");
  steps = cjm_map_dup_steps (map);
  options->bands = CJM_LAYOUT_BAND_HEADER | CJM_LAYOUT_BAND_PERSONAS | CJM_LAYOUT_BAND_LEGEND;

  for (CjmExportPage page = CJM_EXPORT_PAGE_A4_LANDSCAPE; page <= CJM_EXPORT_PAGE_A3_LANDSCAPE;
       page++)
    {
      g_autoptr(GPtrArray) sheets = NULL;
      g_autofree char *info = NULL;
      g_autofree char *text = NULL;
      g_autofree char *pages = NULL;
      g_autofree char *last = NULL;
      guint n_columns = 0;

      options->page = page;
      sheets = _cjm_export_plan_sheets (map, options, NULL);
      g_assert_cmpuint (sheets->len, >, 1);
      g_assert_cmpuint (sheets->len, <=, previous_pages);
      previous_pages = sheets->len;

      /* Every step once, in order, at one scale, no more than 100 %, inside
       * the margins; on A3, five steps fit: every stage whole. */
      for (guint i = 0; i < sheets->len; i++)
        {
          CjmExportSheet *sheet = g_ptr_array_index (sheets, i);
          double width, height;

          for (guint c = 0; c < cjm_layout_get_n_columns (sheet->layout); c++, n_columns++)
            g_assert_true (cjm_layout_get_step (sheet->layout, c) ==
                           g_ptr_array_index (steps, n_columns));
          cjm_layout_get_size (sheet->layout, &width, &height);
          g_assert_cmpfloat (sheet->scale, <=, 0.75);
          g_assert_cmpfloat (sheet->scale, ==,
                             ((CjmExportSheet *)g_ptr_array_index (sheets, 0))->scale);
          g_assert_cmpfloat (sheet->x + width * sheet->scale, <=, sheet->width - 29);
          g_assert_cmpfloat (sheet->y + height * sheet->scale, <=, sheet->height - 29);
          if (page == CJM_EXPORT_PAGE_A3_LANDSCAPE)
            g_assert_cmpuint (cjm_layout_get_n_columns (sheet->layout) % 5, ==, 0);
        }
      g_assert_cmpuint (n_columns, ==, 30);

      export_or_fail (map, options, file);
      info = run_or_fail ((const char *[]) { "pdfinfo", path, NULL });
      pages = g_strdup_printf ("Pages:           %u\n", sheets->len);
      g_assert_nonnull (strstr (info, pages));
      g_assert_nonnull (strstr (info, page == CJM_EXPORT_PAGE_A4_LANDSCAPE
                                      ? "841.89 x 595.28 pts (A4)" : "1190.55 x 841.89 pts (A3)"));
      text = run_or_fail ((const char *[]) { "pdftotext", path, "-", NULL });
      last = g_strdup_printf ("Page %u of %u", sheets->len, sheets->len);
      g_assert_nonnull (strstr (text, "Page 1 of"));
      g_assert_nonnull (strstr (text, last));
      g_assert_nonnull (strstr (text, "Paiement"));
    }

  export_remove_dir (folder);
}

/* A tall map on printed pages: cut into rows of pages along lanes, each
 * page with the stage, step and lane headers, at a readable scale. */
static void
test_pdf_tall_map (void)
{
  g_autoptr(CjmMap) map = cjm_map_new ("map");
  g_autoptr(CjmExportOptions) options = cjm_export_options_new (CJM_EXPORT_FORMAT_PDF);
  g_autofree char *folder = export_make_tmp_dir ();
  g_autoptr(GFile) file = export_file_in (folder, "tall.pdf");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *prefix = g_build_filename (folder, "page", NULL);
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) first_row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lanes_seen = g_ptr_array_new ();
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *ppm = NULL;
  g_autoptr(GDir) dir = NULL;
  const double min_scale = 8.0 / 14.0;
  const guint n_lanes = 14;
  guint n_chunks = 0, n_rows = 0, n_images = 0;
  CjmStep *chunk_step = NULL;

  if (!export_have_tools (all_tools))
    return;

  /* Two stages of three steps; fourteen lanes of two cards a step. */
  cjm_map_set_title (map, "Parcours très long");
  export_add_stage (map, "decouverte", "Découverte", 3);
  export_add_stage (map, "achat", "Achat", 3);
  steps = cjm_map_dup_steps (map);
  for (guint l = 0; l < n_lanes; l++)
    {
      g_autofree char *lane = g_strdup_printf ("lane%02u", l);
      g_autofree char *name = g_strdup_printf ("Couloir n° %u", l + 1);

      export_add_lane (map, lane, l % 3 == 2 ? CJM_LANE_KIND_PAIN_POINTS : CJM_LANE_KIND_TEXT,
                       name);
      for (guint i = 0; i < steps->len; i++)
        for (guint k = 0; k < 2; k++)
          {
            g_autofree char *id = g_strdup_printf ("card-%u-%u-%u", l, i, k);
            g_autofree char *title = g_strdup_printf ("Carte %u de l’étape %u, couloir %u",
                                                      k + 1, i + 1, l + 1);

            export_add_card (map, id, l % 3 == 2 ? CJM_CARD_KIND_PAIN_POINT : CJM_CARD_KIND_NOTE,
                             lane, cjm_element_get_id (g_ptr_array_index (steps, i)), title);
          }
    }
  options->bands = CJM_LAYOUT_BAND_HEADER | CJM_LAYOUT_BAND_PERSONAS | CJM_LAYOUT_BAND_LEGEND;
  options->page = CJM_EXPORT_PAGE_A4_LANDSCAPE;

  sheets = _cjm_export_plan_sheets (map, options, NULL);
  g_assert_nonnull (sheets);

  for (guint i = 0; i < sheets->len; i++)
    {
      CjmExportSheet *sheet = g_ptr_array_index (sheets, i);
      CjmStep *first_step = cjm_layout_get_step (sheet->layout, 0);
      const CjmStageBox *stages;
      double width, height;
      guint n_stages;
      CjmRect rect;

      /* Readable, one scale for all, inside the margins. */
      cjm_layout_get_size (sheet->layout, &width, &height);
      g_assert_cmpfloat (sheet->scale, >=, min_scale - 1e-9);
      g_assert_cmpfloat (sheet->scale, <=, 0.75);
      g_assert_cmpfloat (sheet->scale, ==,
                         ((CjmExportSheet *)g_ptr_array_index (sheets, 0))->scale);
      g_assert_cmpfloat (sheet->x + width * sheet->scale, <=, sheet->width - 29);
      g_assert_cmpfloat (sheet->y + height * sheet->scale, <=, sheet->height - 29);

      /* Every page has its stage, step and lane headers. */
      g_assert_cmpuint (cjm_layout_get_n_columns (sheet->layout), >, 0);
      g_assert_cmpuint (cjm_layout_get_n_lanes (sheet->layout), >, 0);
      stages = _cjm_layout_get_stages (sheet->layout, &n_stages);
      g_assert_cmpuint (n_stages, >, 0);
      g_assert_cmpfloat (stages[0].rect.height, >, 0);
      g_assert_true (cjm_layout_get_step_rect (sheet->layout, 0, &rect));
      g_assert_true (cjm_layout_get_lane_header_rect (sheet->layout, 0, &rect));

      /* Stage by stage, each down its rows of lanes: every lane once. */
      if (first_step != chunk_step)
        {
          g_assert_cmpuint (lanes_seen->len, ==, chunk_step != NULL ? n_lanes : 0);
          g_ptr_array_set_size (lanes_seen, 0);
          chunk_step = first_step;
          n_chunks++;
          n_rows = 0;
        }
      for (guint l = 0; l < cjm_layout_get_n_lanes (sheet->layout); l++)
        {
          g_autofree char *expected = g_strdup_printf ("lane%02u", lanes_seen->len);

          g_assert_cmpstr (cjm_element_get_id (CJM_ELEMENT (cjm_layout_get_lane (sheet->layout,
                                                                                 l))),
                           ==, expected);
          g_ptr_array_add (lanes_seen, NULL);
        }

      /* The rows are the same for every stage: pages pinned side by side
       * line up. */
      if (n_chunks == 1)
        g_ptr_array_add (first_row, g_strdup (cjm_element_get_id (
          CJM_ELEMENT (cjm_layout_get_lane (sheet->layout, 0)))));
      else
        g_assert_cmpstr (g_ptr_array_index (first_row, n_rows), ==,
                         cjm_element_get_id (CJM_ELEMENT (cjm_layout_get_lane (sheet->layout,
                                                                               0))));
      n_rows++;
    }
  g_assert_cmpuint (lanes_seen->len, ==, n_lanes);
  g_assert_cmpuint (n_rows, ==, first_row->len);
  g_assert_cmpuint (first_row->len, >, 1);
  g_assert_cmpuint (sheets->len, ==, n_chunks * first_row->len);

  /* The PDF has those pages, A4 landscape, every lane's name in it. */
  export_or_fail (map, options, file);
  info = run_or_fail ((const char *[]) { "pdfinfo", path, NULL });
  pages = g_strdup_printf ("Pages:           %u\n", sheets->len);
  g_assert_nonnull (strstr (info, pages));
  g_assert_nonnull (strstr (info, "841.89 x 595.28 pts (A4)"));
  text = run_or_fail ((const char *[]) { "pdftotext", path, "-", NULL });
  g_assert_nonnull (strstr (text, "Couloir n° 1\n"));
  g_assert_nonnull (strstr (text, "Couloir n° 14"));
  g_assert_nonnull (strstr (text, "Carte 2 de l’étape 6, couloir 14"));
  ppm = run_or_fail ((const char *[]) { "pdftoppm", "-r", "20", "-png", path, prefix, NULL });
  dir = g_dir_open (folder, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; )
    n_images += g_str_has_prefix (name, "page");
  g_assert_cmpuint (n_images, ==, sheets->len);

  /* The same steps with two lanes: one row, fewer pages. */
  {
    g_autoptr(GPtrArray) short_sheets = NULL;
    const char * const two[] = { "lane00", "lane01", NULL };

    options->scope = CJM_EXPORT_SCOPE_STAGES_AND_LANES;
    options->lane_ids = g_strdupv ((char **)two);
    short_sheets = _cjm_export_plan_sheets (map, options, NULL);
    g_assert_cmpuint (short_sheets->len, ==, n_chunks);
    g_assert_cmpuint (short_sheets->len, <, sheets->len);
  }

  export_remove_dir (folder);
}

/* What is exported */

static void
test_scope (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CJM_SOURCE_ROOT"), "data", "samples",
                                              "running-shoes.cjm", NULL);
  g_autoptr(CjmMap) map = export_load_map (sample);
  g_autoptr(CjmExportOptions) options = cjm_export_options_new (CJM_EXPORT_FORMAT_PNG);
  GListModel *stages = cjm_map_get_stages (map);
  GListModel *lanes = cjm_map_get_lanes (map);
  g_autoptr(CjmStage) stage = g_list_model_get_item (stages, 1);
  g_autoptr(CjmLane) lane = g_list_model_get_item (lanes, 2);
  const char *stage_id = cjm_element_get_id (CJM_ELEMENT (stage));
  const char *lane_id = cjm_element_get_id (CJM_ELEMENT (lane));
  g_autoptr(CjmLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  CjmCard *pain = NULL;

  /* Chosen stages and lanes. */
  options->scope = CJM_EXPORT_SCOPE_STAGES_AND_LANES;
  options->stage_ids = g_strdupv ((char *[]) { (char *)stage_id, NULL });
  options->lane_ids = g_strdupv ((char *[]) { (char *)lane_id, NULL });
  layout = cjm_export_create_layout (map, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cjm_layout_get_n_columns (layout),
                    ==, g_list_model_get_n_items (cjm_stage_get_steps (stage)));
  g_assert_cmpuint (cjm_layout_get_n_lanes (layout), ==, 1);
  g_assert_true (cjm_layout_get_lane (layout, 0) == lane);
  g_clear_object (&layout);

  /* Only lanes: every stage. */
  g_clear_pointer (&options->stage_ids, g_strfreev);
  layout = cjm_export_create_layout (map, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cjm_layout_get_n_columns (layout), ==, count_steps (map));
  g_clear_object (&layout);

  /* Ids that name nothing, or nothing chosen. */
  g_strfreev (options->lane_ids);
  options->lane_ids = g_strdupv ((char *[]) { (char *)"lane-nowhere", NULL });
  g_assert_null (cjm_export_create_layout (map, options, &error));
  g_assert_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_strfreev (options->lane_ids);
  options->lane_ids = g_new0 (char *, 1);
  g_assert_null (cjm_export_create_layout (map, options, &error));
  g_assert_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_EMPTY);
  g_clear_error (&error);
  g_clear_pointer (&options->lane_ids, g_strfreev);

  /* A selected card: its lane, the stages of its steps. */
  for (guint i = 0; i < g_list_model_get_n_items (cjm_map_get_cards (map)) && pain == NULL; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cjm_map_get_cards (map), i);

      if (cjm_card_get_kind (card) == CJM_CARD_KIND_PAIN_POINT && cjm_card_get_span (card) <= 1)
        pain = card;
    }
  g_assert_nonnull (pain);
  options->scope = CJM_EXPORT_SCOPE_SELECTION;
  options->element_ids = g_strdupv ((char *[]) { (char *)cjm_element_get_id (CJM_ELEMENT (pain)),
                                                 NULL });
  layout = cjm_export_create_layout (map, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cjm_layout_get_n_lanes (layout), ==, 1);
  g_assert_cmpstr (cjm_element_get_id (CJM_ELEMENT (cjm_layout_get_lane (layout, 0))), ==,
                   cjm_card_get_lane_id (pain));
  g_assert_true (cjm_map_find_stage_of_step (map, cjm_card_get_step_id (pain), NULL) ==
                 cjm_map_find_stage_of_step (map, cjm_element_get_id (
                   CJM_ELEMENT (cjm_layout_get_step (layout, 0))), NULL));
  g_clear_object (&layout);

  /* …and in a table, that card alone; no touchpoint. */
  options->format = CJM_EXPORT_FORMAT_CSV;
  {
    g_autoptr(GBytes) pains = cjm_export_csv_table (map, options, CJM_EXPORT_TABLE_PAIN_POINTS,
                                                    &error);
    g_autoptr(GBytes) touchpoints = cjm_export_csv_table (map, options,
                                                          CJM_EXPORT_TABLE_TOUCHPOINTS, &error);
    g_autofree char *text = g_strndup (g_bytes_get_data (pains, NULL), g_bytes_get_size (pains));
    g_autofree char *other = g_strndup (g_bytes_get_data (touchpoints, NULL),
                                        g_bytes_get_size (touchpoints));
    g_autoptr(GPtrArray) rows = export_parse_csv (text, &error);
    g_autoptr(GPtrArray) other_rows = export_parse_csv (other, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpuint (other_rows->len, ==, 1);
  }

  /* A selected stage: every lane. */
  g_strfreev (options->element_ids);
  options->element_ids = g_strdupv ((char *[]) { (char *)stage_id, NULL });
  options->format = CJM_EXPORT_FORMAT_PNG;
  layout = cjm_export_create_layout (map, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cjm_layout_get_n_lanes (layout), ==, g_list_model_get_n_items (lanes));
  g_assert_cmpuint (cjm_layout_get_n_columns (layout),
                    ==, g_list_model_get_n_items (cjm_stage_get_steps (stage)));
  g_clear_object (&layout);

  /* Nothing selected. */
  g_clear_pointer (&options->element_ids, g_strfreev);
  g_assert_null (cjm_export_create_layout (map, options, &error));
  g_assert_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_EMPTY);
}

static void
test_file_names (void)
{
  g_autoptr(CjmMap) map = cjm_map_new ("map");
  g_autoptr(CjmExportOptions) options = cjm_export_options_new (CJM_EXPORT_FORMAT_CSV);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/out/Carte.CSV");
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  CjmExportFormat format;

  g_assert_true (cjm_export_format_for_name ("a/Carte.PNG", &format));
  g_assert_cmpint (format, ==, CJM_EXPORT_FORMAT_PNG);
  g_assert_true (cjm_export_format_for_name ("carte.pdf", &format));
  g_assert_cmpint (format, ==, CJM_EXPORT_FORMAT_PDF);
  g_assert_false (cjm_export_format_for_name (".png", &format));
  g_assert_false (cjm_export_format_for_name ("carte.txt", &format));

  files = cjm_export_list_files (map, options, file, NULL);
  g_assert_cmpuint (files->len, ==, 3);
  {
    g_autofree char *path = g_file_get_path (g_ptr_array_index (files, 1));

    g_assert_cmpstr (path, ==, "/tmp/out/Carte-pain-points.csv");
  }
  g_clear_pointer (&files, g_ptr_array_unref);

  /* One table: the file itself. */
  options->tables = CJM_EXPORT_TABLE_OPPORTUNITIES;
  files = cjm_export_list_files (map, options, file, NULL);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_true (g_file_equal (g_ptr_array_index (files, 0), file));

  /* Several files cannot go to one stream. */
  options->tables = CJM_EXPORT_TABLE_ALL;
  g_assert_false (cjm_export_to_stream (map, options, stream, NULL, &error));
  g_assert_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_SEVERAL_FILES);
}

/* The layout's step filter, which slides and pages use */

static void
test_step_filter (void)
{
  g_autoptr(CjmMap) map = cjm_map_new ("map");
  g_autoptr(CjmLayout) layout = NULL;
  const char * const steps[] = { "a-step2", "b-step0", NULL };
  const char * const only_b[] = { "b", NULL };
  CjmRect card_rect, first, second;

  export_add_stage (map, "a", "A", 3);
  export_add_stage (map, "b", "B", 2);
  export_add_lane (map, "web", CJM_LANE_KIND_CHANNEL, "Site web");
  /* Starts in a step not shown, spans into two that are. */
  cjm_card_set_span (export_add_card (map, "wide", CJM_CARD_KIND_TOUCHPOINT, "web", "a-step1",
                                      "Large"), 3);

  layout = cjm_layout_new (map);
  cjm_layout_set_step_ids (layout, steps);
  g_assert_cmpstrv (cjm_layout_get_step_ids (layout), steps);
  g_assert_cmpuint (cjm_layout_get_n_columns (layout), ==, 2);
  g_assert_cmpstr (cjm_element_get_id (CJM_ELEMENT (cjm_layout_get_step (layout, 0))), ==,
                   "a-step2");
  g_assert_true (cjm_layout_get_stage_rect (layout, cjm_map_lookup_typed (map, "a", CJM_TYPE_STAGE),
                                            &first));
  g_assert_true (cjm_layout_get_stage_rect (layout, cjm_map_lookup_typed (map, "b", CJM_TYPE_STAGE),
                                            &second));
  g_assert_cmpfloat (first.x + first.width, <, second.x);
  g_assert_true (cjm_layout_get_card_rect (layout,
                                           cjm_map_lookup_typed (map, "wide", CJM_TYPE_CARD),
                                           &card_rect));
  g_assert_cmpfloat (card_rect.width, >, first.width);

  /* With a stage filter too: both must allow a step. */
  cjm_layout_set_stage_ids (layout, only_b);
  g_assert_cmpuint (cjm_layout_get_n_columns (layout), ==, 1);

  cjm_layout_set_stage_ids (layout, NULL);
  cjm_layout_set_step_ids (layout, NULL);
  g_assert_null (cjm_layout_get_step_ids (layout));
  g_assert_cmpuint (cjm_layout_get_n_columns (layout), ==, 5);
}

/* Under LeakSanitizer: fontconfig 2.14 leaks a little while it parses its
 * configuration files, once per process (as in test-layout.c). */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cjm/Export/every-map-every-format", test_every_map_every_format);
  g_test_add_func ("/Cjm/Export/png-scale-and-background", test_png_scale_and_background);
  g_test_add_func ("/Cjm/Export/png-too-large", test_png_too_large);
  g_test_add_func ("/Cjm/Export/png-encoder", test_png_encoder);
  g_test_add_func ("/Cjm/Export/deterministic", test_deterministic);
  g_test_add_func ("/Cjm/Export/slides", test_slides);
  g_test_add_func ("/Cjm/Export/pdf-pages", test_pdf_pages);
  g_test_add_func ("/Cjm/Export/pdf-tall-map", test_pdf_tall_map);
  g_test_add_func ("/Cjm/Export/scope", test_scope);
  g_test_add_func ("/Cjm/Export/file-names", test_file_names);
  g_test_add_func ("/Cjm/Layout/step-filter", test_step_filter);

  status = g_test_run ();

  font_support_release ();
  xmlCleanupParser ();

  return status;
}
