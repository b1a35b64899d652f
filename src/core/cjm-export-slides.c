/* cjm-export-slides.c: cutting a map into slides and printed pages
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cjm-export-private.h"
#include "cjm-lane.h"
#include "cjm-layout-private.h"
#include "cjm-map.h"
#include "cjm-stage.h"

/* A slide or a page shows some steps of the map, with the lane headers on
 * its left: a layout of the map with a step filter, which the renderer
 * draws as it draws the canvas. Slides are cut by stage or by a number of
 * steps, and given the text scale that makes their text the largest once
 * fitted to 16:9; if that is still too small to read on a projector, the
 * lanes are spread over several slides, each with the emotion curves.
 * Printed pages hold whole stages where they fit (a stage
 * too wide for a page is cut by steps), all at one scale: the largest at
 * which the tallest page fits, never above 100 %. */

/* The largest text scale slides try; the smallest a card's title may get
 * on a slide, in pixels, before its lanes are spread over several; the
 * largest, so that short stages are not blown up. 20 pixels on a slide
 * 1080 high are letters 4 cm high on a screen 2 m high. */
#define SLIDE_MAX_TEXT_SCALE 3.0
#define SLIDE_MIN_TITLE_SIZE 20.0
#define SLIDE_MAX_TITLE_SIZE 40.0
#define CARD_TITLE_SIZE      14.0

typedef struct
{
  GPtrArray *step_ids;  /* of const char *, owned by the map; NULL-terminated once planned */
  CjmStage  *stage;     /* the stage of its first step */
} Chunk;

static void
chunk_free (gpointer data)
{
  Chunk *chunk = data;

  g_ptr_array_unref (chunk->step_ids);
  g_free (chunk);
}

static Chunk *
chunk_new (CjmStage *stage)
{
  Chunk *chunk = g_new0 (Chunk, 1);

  chunk->step_ids = g_ptr_array_new ();
  chunk->stage = stage;

  return chunk;
}

void
_cjm_export_sheet_free (CjmExportSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_clear_object (&sheet->layout);
  g_free (sheet->slug);
  g_free (sheet->footer);
  g_free (sheet->number);
  g_free (sheet);
}

/* For file names: lower case ASCII letters and digits, words joined by “-”. */
static char *
slugify (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *slug;

  if (text == NULL)
    return NULL;

  ascii = g_str_to_ascii (text, "C");
  slug = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0' && slug->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len == 0)
    {
      g_string_free (slug, TRUE);
      return NULL;
    }

  return g_string_free (slug, FALSE);
}

static CjmLayout *
chunk_layout (CjmMap              *map,
              const char * const  *stage_ids,
              const char * const  *lane_ids,
              const Chunk         *chunk,
              CjmLayoutBands       bands)
{
  CjmLayout *layout = cjm_layout_new (map);

  cjm_layout_set_stage_ids (layout, stage_ids);
  cjm_layout_set_lane_ids (layout, lane_ids);
  cjm_layout_set_step_ids (layout, (const char * const *)chunk->step_ids->pdata);
  cjm_layout_set_bands (layout, bands);

  return layout;
}

/* Slides */

/* Sets the text and column scales at which the layout's card titles read
 * largest once fitted to a slide; returns their size there, in pixels. */
static double
choose_scales (CjmLayout *layout)
{
  static const double column_scales[] = { 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0 };
  double room_width = CJM_EXPORT_SLIDE_WIDTH - 2 * CJM_EXPORT_SLIDE_MARGIN;
  double room_height = CJM_EXPORT_SLIDE_HEIGHT - 2 * CJM_EXPORT_SLIDE_MARGIN;
  double best_text = 1, best_column = 1, best_size = 0;

  /* Larger text widens the columns, but only half as fast, and wraps into
   * more lines; wider columns need fewer. While the slide's height limits
   * the map, wider columns make it shorter; once its width does, no wider. */
  for (double text_scale = 1; text_scale <= SLIDE_MAX_TEXT_SCALE + 1e-9; text_scale += 0.25)
    {
      cjm_layout_set_text_scale (layout, text_scale);

      for (guint i = 0; i < G_N_ELEMENTS (column_scales); i++)
        {
          double width, height, size;

          cjm_layout_set_column_scale (layout, column_scales[i]);
          cjm_layout_get_size (layout, &width, &height);
          size = CARD_TITLE_SIZE * text_scale * MIN (room_width / width, room_height / height);
          if (size > best_size + 0.01)
            {
              best_size = size;
              best_text = text_scale;
              best_column = column_scales[i];
            }
          if (room_width / width <= room_height / height)
            break;
        }
    }

  cjm_layout_set_text_scale (layout, best_text);
  cjm_layout_set_column_scale (layout, best_column);

  return best_size;
}

static CjmExportSheet *
slide_new (CjmLayout *layout)
{
  CjmExportSheet *sheet = g_new0 (CjmExportSheet, 1);
  double room_width = CJM_EXPORT_SLIDE_WIDTH - 2 * CJM_EXPORT_SLIDE_MARGIN;
  double room_height = CJM_EXPORT_SLIDE_HEIGHT - 2 * CJM_EXPORT_SLIDE_MARGIN;
  double width, height, fit;

  cjm_layout_get_size (layout, &width, &height);
  fit = MIN (MIN (room_width / width, room_height / height),
             SLIDE_MAX_TITLE_SIZE / (CARD_TITLE_SIZE * cjm_layout_get_text_scale (layout)));

  sheet->layout = g_object_ref (layout);
  sheet->width = CJM_EXPORT_SLIDE_WIDTH;
  sheet->height = CJM_EXPORT_SLIDE_HEIGHT;
  sheet->scale = fit;
  sheet->x = round ((CJM_EXPORT_SLIDE_WIDTH - width * fit) / 2);
  sheet->y = round ((CJM_EXPORT_SLIDE_HEIGHT - height * fit) / 2);

  return sheet;
}

/* The lanes of the export in the order of the map, emotion lanes apart. */
static void
split_lanes (CjmMap              *map,
             const char * const  *lane_ids,
             GPtrArray           *emotion,
             GPtrArray           *others)
{
  GListModel *lanes = cjm_map_get_lanes (map);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(CjmLane) lane = g_list_model_get_item (lanes, i);
      const char *id = cjm_element_get_id (CJM_ELEMENT (lane));

      if (lane_ids != NULL && !g_strv_contains (lane_ids, id))
        continue;
      g_ptr_array_add (cjm_lane_get_kind (lane) == CJM_LANE_KIND_EMOTION ? emotion : others,
                       (gpointer)id);
    }
}

/* Group @index of @n_groups, as even as can be, with the emotion lanes. */
static char **
lane_group (GPtrArray *emotion,
            GPtrArray *others,
            guint      index,
            guint      n_groups)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint start = index * others->len / n_groups;
  guint end = (index + 1) * others->len / n_groups;

  for (guint i = start; i < end; i++)
    g_strv_builder_add (builder, g_ptr_array_index (others, i));
  for (guint i = 0; i < emotion->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (emotion, i));

  return g_strv_builder_end (builder);
}

/* The slides of some steps: one, or if its text would read too small, its
 * lanes spread over as few slides as keep it readable — each with the
 * emotion curves, which tie the story together. */
static void
plan_slides (CjmMap                 *map,
             const char * const     *stage_ids,
             const char * const     *lane_ids,
             const Chunk            *chunk,
             const CjmExportOptions *options,
             GPtrArray              *sheets)
{
  g_autoptr(GPtrArray) emotion = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *slug = NULL;
  guint n_groups;

  split_lanes (map, lane_ids, emotion, others);

  for (n_groups = 1; ; n_groups++)
    {
      gboolean readable = TRUE;

      g_ptr_array_set_size (layouts, 0);
      for (guint i = 0; i < n_groups; i++)
        {
          g_auto(GStrv) group = lane_group (emotion, others, i, n_groups);
          /* Slides show the title, not the personas and the legend: those
           * would crowd every slide. */
          CjmLayout *layout = chunk_layout (map, stage_ids, (const char * const *)group, chunk,
                                            options->bands & CJM_LAYOUT_BAND_HEADER);

          g_ptr_array_add (layouts, layout);
          if (choose_scales (layout) < SLIDE_MIN_TITLE_SIZE)
            readable = FALSE;
        }

      if (readable || n_groups >= MAX (others->len, 1))
        break;
    }

  if (options->slides == CJM_EXPORT_SLIDES_BY_STAGE && chunk->stage != NULL)
    {
      slug = slugify (cjm_stage_get_name (chunk->stage));
      if (slug == NULL)
        slug = slugify (cjm_element_get_id (CJM_ELEMENT (chunk->stage)));
    }

  for (guint i = 0; i < layouts->len; i++)
    {
      CjmExportSheet *sheet = slide_new (g_ptr_array_index (layouts, i));

      /* “evaluation-1”, “evaluation-2”: the parts of a stage. */
      if (layouts->len > 1 && slug != NULL)
        sheet->slug = g_strdup_printf ("%s-%u", slug, i + 1);
      else
        sheet->slug = g_strdup (slug);
      g_ptr_array_add (sheets, sheet);
    }
}

static GPtrArray *
chunk_for_slides (const CjmColumnBox     *columns,
                  guint                   n_columns,
                  const CjmExportOptions *options)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func (chunk_free);
  guint per_slide = MAX (options->slide_steps, 1);
  Chunk *chunk = NULL;

  for (guint i = 0; i < n_columns; i++)
    {
      gboolean start;

      if (options->slides == CJM_EXPORT_SLIDES_BY_STEPS)
        start = chunk == NULL || chunk->step_ids->len >= per_slide;
      else
        start = chunk == NULL || columns[i].stage != chunk->stage;

      if (start)
        {
          chunk = chunk_new (columns[i].stage);
          g_ptr_array_add (chunks, chunk);
        }
      g_ptr_array_add (chunk->step_ids, (gpointer)cjm_element_get_id (CJM_ELEMENT (columns[i].step)));
    }

  return chunks;
}

/* Printed pages */

static void
page_size (CjmExportPage  page,
           double        *width,
           double        *height)
{
  /* Landscape, in points. */
  switch (page)
    {
    case CJM_EXPORT_PAGE_A3_LANDSCAPE:
      *width = 1190.55;
      *height = 841.89;
      break;

    case CJM_EXPORT_PAGE_A4_LANDSCAPE:
    case CJM_EXPORT_PAGE_WHOLE_MAP:
    default:
      *width = 841.89;
      *height = 595.28;
      break;
    }
}

/* Whole stages while they fit; a stage that fits on no page is cut, and
 * runs on from where the page before left room. */
static GPtrArray *
chunk_for_pages (const CjmColumnBox *columns,
                 guint               n_columns,
                 guint               capacity)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func (chunk_free);
  Chunk *chunk = NULL;
  guint i = 0;

  while (i < n_columns)
    {
      CjmStage *stage = columns[i].stage;
      guint end = i;

      while (end < n_columns && columns[end].stage == stage)
        end++;

      /* The stage fits on a page, but not in what is left of this one. */
      if (chunk != NULL && end - i <= capacity && chunk->step_ids->len + (end - i) > capacity)
        chunk = NULL;

      for (; i < end; i++)
        {
          if (chunk == NULL || chunk->step_ids->len >= capacity)
            {
              chunk = chunk_new (stage);
              g_ptr_array_add (chunks, chunk);
            }
          g_ptr_array_add (chunk->step_ids,
                           (gpointer)cjm_element_get_id (CJM_ELEMENT (columns[i].step)));
        }
    }

  return chunks;
}

static GPtrArray *
plan_pages (CjmMap                 *map,
            const char * const     *stage_ids,
            const char * const     *lane_ids,
            CjmLayout              *full,
            const CjmExportOptions *options)
{
  g_autoptr(GPtrArray) chunks = NULL;
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify)_cjm_export_sheet_free);
  const CjmColumnBox *columns;
  const char *title = cjm_map_get_title (map);
  double width, height, room_width, room_height, full_width, full_height, scale;
  double fixed, column_width;
  guint n_columns, capacity;

  page_size (options->page, &width, &height);
  room_width = width - 2 * CJM_EXPORT_PAGE_MARGIN;
  room_height = height - 2 * CJM_EXPORT_PAGE_MARGIN;

  /* The tallest a page gets is about the map's height with every band:
   * the scale at which that fits, never above 100 %, and at which the lane
   * headers and one step fit across. */
  cjm_layout_get_size (full, &full_width, &full_height);
  fixed = full->grid_left + MARGIN;
  column_width = full->column_width;
  scale = MIN (CJM_EXPORT_PT_PER_UNIT, room_height / full_height);
  scale = MIN (scale, room_width / (fixed + column_width));
  capacity = MAX (1, (guint)floor ((room_width / scale - fixed) / column_width));

  columns = _cjm_layout_get_columns (full, &n_columns);
  chunks = chunk_for_pages (columns, n_columns, capacity);

  for (guint i = 0; i < chunks->len; i++)
    {
      Chunk *chunk = g_ptr_array_index (chunks, i);
      CjmExportSheet *sheet = g_new0 (CjmExportSheet, 1);
      CjmLayoutBands bands = options->bands & CJM_LAYOUT_BAND_HEADER;
      double page_width, page_height;

      /* The personas open the document; the legend closes it. */
      if (i == 0)
        bands |= options->bands & CJM_LAYOUT_BAND_PERSONAS;
      if (i == chunks->len - 1)
        bands |= options->bands & CJM_LAYOUT_BAND_LEGEND;

      g_ptr_array_add (chunk->step_ids, NULL);
      sheet->layout = chunk_layout (map, stage_ids, lane_ids, chunk, bands);
      sheet->width = width;
      sheet->height = height;
      sheet->x = CJM_EXPORT_PAGE_MARGIN;
      sheet->y = CJM_EXPORT_PAGE_MARGIN;
      sheet->footer = g_strdup (title != NULL ? title : _("Untitled journey map"));
      /* Translators: the number of a printed page, at its bottom */
      sheet->number = g_strdup_printf (_("Page %u of %u"), i + 1, chunks->len);

      /* A page's title may wrap, its legend take more rows: every page at
       * the scale of the one that needs the smallest. */
      cjm_layout_get_size (sheet->layout, &page_width, &page_height);
      scale = MIN (scale, MIN (room_width / page_width, room_height / page_height));
      g_ptr_array_add (sheets, sheet);
    }

  for (guint i = 0; i < sheets->len; i++)
    ((CjmExportSheet *)g_ptr_array_index (sheets, i))->scale = scale;

  return sheets;
}

/**
 * _cjm_export_plan_sheets:
 * @map: a map
 * @options: slides, or PDF pages
 * @error: where to report a wrong scope
 *
 * Returns: (transfer full) (element-type CjmExportSheet): the slides or
 *   pages, in order, at least one
 */
GPtrArray *
_cjm_export_plan_sheets (CjmMap                  *map,
                         const CjmExportOptions  *options,
                         GError                 **error)
{
  g_autoptr(CjmLayout) full = NULL;
  g_autoptr(GPtrArray) chunks = NULL;
  g_auto(GStrv) stage_ids = NULL;
  g_auto(GStrv) lane_ids = NULL;
  const CjmColumnBox *columns;
  GPtrArray *sheets;
  guint n_columns;

  if (!_cjm_export_resolve_scope (map, options, &stage_ids, &lane_ids, error))
    return NULL;

  full = cjm_layout_new (map);
  cjm_layout_set_stage_ids (full, (const char * const *)stage_ids);
  cjm_layout_set_lane_ids (full, (const char * const *)lane_ids);
  cjm_layout_set_bands (full, options->bands);
  cjm_layout_update (full);

  columns = _cjm_layout_get_columns (full, &n_columns);
  if (n_columns == 0)
    {
      g_set_error_literal (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_EMPTY,
                           options->slides != CJM_EXPORT_SLIDES_NONE
                           ? _("There is no step to make slides of")
                           : _("There is no step to print"));
      return NULL;
    }

  if (options->slides == CJM_EXPORT_SLIDES_NONE)
    sheets = plan_pages (map, (const char * const *)stage_ids, (const char * const *)lane_ids,
                         full, options);
  else
    {
      chunks = chunk_for_slides (columns, n_columns, options);
      sheets = g_ptr_array_new_with_free_func ((GDestroyNotify)_cjm_export_sheet_free);
      for (guint i = 0; i < chunks->len; i++)
        {
          Chunk *chunk = g_ptr_array_index (chunks, i);

          g_ptr_array_add (chunk->step_ids, NULL);
          plan_slides (map, (const char * const *)stage_ids, (const char * const *)lane_ids,
                       chunk, options, sheets);
        }
    }

  return sheets;
}
