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
 * which the map's height fits, never above 100 % nor below 8-point card
 * text; a map too tall for that is cut into rows of pages along its lanes,
 * the same rows for every stage. */

/* The largest text scale slides try; the smallest a card's title may get
 * on a slide, in pixels, before its lanes are spread over several; the
 * largest, so that short stages are not blown up. 20 pixels on a slide
 * 1080 high are letters 4 cm high on a screen 2 m high. */
#define SLIDE_MAX_TEXT_SCALE 3.0
#define SLIDE_MIN_TITLE_SIZE 20.0
#define SLIDE_MAX_TITLE_SIZE 40.0
#define CARD_TITLE_SIZE      14.0

/* The smallest a card's title may get on a printed page, in points,
 * before the map's lanes are cut into rows of pages: 8 points read at
 * arm's length (100 % is 10.5 points). */
#define PAGE_MIN_TITLE_SIZE   8.0

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
  cjm_layout_set_full_texts (layout, TRUE);

  return layout;
}

/* Slides */

/* How a slide is made readable. Each lane's height depends on its own
 * cards only, and the map's width on its steps only: one layout of all the
 * lanes, measured at each text scale and column scale, tells the size of
 * the layout of any group of them. The groups are then laid out once. */

static const double text_scales[] = { 1.0, 1.5, 2.0, 2.5, 3.0 };
static const double column_scales[] = { 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0 };

typedef struct
{
  double  text_scale;
  double  column_scale;
  double  width;
  double  fixed;          /* the height without the lanes': headers, bands, margins */
  double *lane_heights;   /* by lane, in the order of the layout's lanes */
} Measure;

static void
measure_clear (gpointer data)
{
  g_free (((Measure *)data)->lane_heights);
}

static GArray *
measure_lanes (CjmLayout *layout)
{
  GArray *measures = g_array_new (FALSE, TRUE, sizeof (Measure));

  g_array_set_clear_func (measures, measure_clear);

  for (guint t = 0; t < G_N_ELEMENTS (text_scales); t++)
    for (guint c = 0; c < G_N_ELEMENTS (column_scales); c++)
      {
        CjmLaneBox * const *lanes;
        Measure measure = { text_scales[t], column_scales[c], 0, 0, NULL };
        double height;
        guint n_lanes;

        cjm_layout_set_text_scale (layout, measure.text_scale);
        cjm_layout_set_column_scale (layout, measure.column_scale);
        cjm_layout_get_size (layout, &measure.width, &height);
        lanes = _cjm_layout_get_lanes (layout, &n_lanes);
        measure.lane_heights = g_new (double, MAX (n_lanes, 1));
        measure.fixed = height;
        for (guint i = 0; i < n_lanes; i++)
          {
            measure.lane_heights[i] = lanes[i]->row.height;
            measure.fixed -= lanes[i]->row.height;
          }
        g_array_append_val (measures, measure);
      }

  return measures;
}

/* The largest card titles a slide holding the lanes @in_group can show;
 * @best: the measure that gives them. */
static double
group_title_size (GArray         *measures,
                  const gboolean *in_group,
                  guint           n_lanes,
                  guint          *best)
{
  double room_width = CJM_EXPORT_SLIDE_WIDTH - 2 * CJM_EXPORT_SLIDE_MARGIN;
  double room_height = CJM_EXPORT_SLIDE_HEIGHT - 2 * CJM_EXPORT_SLIDE_MARGIN;
  double best_size = 0;

  *best = 0;
  for (guint m = 0; m < measures->len; m++)
    {
      const Measure *measure = &g_array_index (measures, Measure, m);
      double height = measure->fixed;
      double size;

      for (guint i = 0; i < n_lanes; i++)
        if (in_group[i])
          height += measure->lane_heights[i];
      size = CARD_TITLE_SIZE * measure->text_scale *
             MIN (room_width / measure->width, room_height / height);
      if (size > best_size + 0.01)
        {
          best_size = size;
          *best = m;
        }
    }

  return best_size;
}

/* Cuts the lanes other than emotion lanes, in order, into @n_groups runs
 * whose heights (at @measure) are as even as can be; @group_of gets the
 * group of each lane, emotion lanes G_MAXUINT: they are in every group. */
static void
partition_lanes (const Measure  *measure,
                 const gboolean *is_emotion,
                 guint           n_lanes,
                 guint           n_groups,
                 guint          *group_of)
{
  double total = 0, target, sum = 0;
  guint n_others = 0, group = 0, in_group = 0, seen = 0;

  for (guint i = 0; i < n_lanes; i++)
    if (!is_emotion[i])
      {
        total += measure->lane_heights[i];
        n_others++;
      }
  target = total / n_groups;

  for (guint i = 0; i < n_lanes; i++)
    {
      double height = measure->lane_heights[i];

      if (is_emotion[i])
        {
          group_of[i] = G_MAXUINT;
          continue;
        }

      /* A new group once this one has its share, keeping a lane for
       * each group left. */
      if (in_group > 0 && group < n_groups - 1 &&
          (sum + height / 2 > target * (group + 1) || n_others - seen <= n_groups - 1 - group))
        {
          group++;
          in_group = 0;
        }
      group_of[i] = group;
      sum += height;
      in_group++;
      seen++;
    }
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

/* The slides of some steps: one, or if its text would read too small, its
 * lanes spread over as few slides as keep it readable — each with the
 * emotion curves, which tie the story together — at the text and column
 * scales that make each slide's text the largest. */
static void
plan_slides (CjmMap                 *map,
             const char * const     *stage_ids,
             const char * const     *lane_ids,
             const Chunk            *chunk,
             const CjmExportOptions *options,
             GPtrArray              *sheets)
{
  /* Slides show the title, not the personas and the legend: those would
   * crowd every slide. */
  CjmLayoutBands bands = options->bands & CJM_LAYOUT_BAND_HEADER;
  g_autoptr(CjmLayout) all = chunk_layout (map, stage_ids, lane_ids, chunk, bands);
  g_autoptr(GArray) measures = measure_lanes (all);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree gboolean *is_emotion = NULL;
  g_autofree gboolean *in_group = NULL;
  g_autofree guint *group_of = NULL;
  g_autofree guint *best = NULL;
  g_autofree char *slug = NULL;
  CjmLaneBox * const *lanes;
  guint n_lanes, n_others = 0, n_groups;

  lanes = _cjm_layout_get_lanes (all, &n_lanes);
  is_emotion = g_new0 (gboolean, MAX (n_lanes, 1));
  in_group = g_new0 (gboolean, MAX (n_lanes, 1));
  group_of = g_new0 (guint, MAX (n_lanes, 1));
  for (guint i = 0; i < n_lanes; i++)
    {
      g_ptr_array_add (ids, (gpointer)cjm_element_get_id (CJM_ELEMENT (lanes[i]->lane)));
      is_emotion[i] = lanes[i]->is_emotion;
      n_others += !lanes[i]->is_emotion;
    }

  /* As few groups as keep every slide readable; as many as lanes at most. */
  for (n_groups = 1; ; n_groups++)
    {
      double smallest = G_MAXDOUBLE;

      g_clear_pointer (&best, g_free);
      best = g_new0 (guint, n_groups);
      partition_lanes (&g_array_index (measures, Measure, 0), is_emotion, n_lanes, n_groups,
                       group_of);
      for (guint g = 0; g < n_groups; g++)
        {
          for (guint i = 0; i < n_lanes; i++)
            in_group[i] = group_of[i] == g || group_of[i] == G_MAXUINT;
          smallest = MIN (smallest, group_title_size (measures, in_group, n_lanes, &best[g]));
        }

      if (smallest >= SLIDE_MIN_TITLE_SIZE || n_groups >= MAX (n_others, 1))
        break;
    }

  if (options->slides == CJM_EXPORT_SLIDES_BY_STAGE && chunk->stage != NULL)
    {
      slug = slugify (cjm_stage_get_name (chunk->stage));
      if (slug == NULL)
        slug = slugify (cjm_element_get_id (CJM_ELEMENT (chunk->stage)));
    }

  for (guint g = 0; g < n_groups; g++)
    {
      const Measure *measure = &g_array_index (measures, Measure, best[g]);
      g_autoptr(GPtrArray) group = g_ptr_array_new ();
      g_autoptr(CjmLayout) layout = NULL;
      CjmExportSheet *sheet;

      for (guint i = 0; i < n_lanes; i++)
        if (group_of[i] == g || group_of[i] == G_MAXUINT)
          g_ptr_array_add (group, g_ptr_array_index (ids, i));
      g_ptr_array_add (group, NULL);

      layout = chunk_layout (map, stage_ids, (const char * const *)group->pdata, chunk, bands);
      cjm_layout_set_text_scale (layout, measure->text_scale);
      cjm_layout_set_column_scale (layout, measure->column_scale);
      sheet = slide_new (layout);

      /* “evaluation-1”, “evaluation-2”: the parts of a stage. */
      if (n_groups > 1 && slug != NULL)
        sheet->slug = g_strdup_printf ("%s-%u", slug, g + 1);
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
      g_ptr_array_add (chunk->step_ids,
                       (gpointer)cjm_element_get_id (CJM_ELEMENT (columns[i].step)));
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

/* The lanes of a row of pages: lanes @first to @end − 1 of the full
 * layout, or all of them if @lane_ids is NULL. */
typedef struct
{
  GPtrArray *lane_ids;  /* of const char *, owned by the map; NULL-terminated */
  guint      first;
  guint      end;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  if (row->lane_ids != NULL)
    g_ptr_array_unref (row->lane_ids);
  g_free (row);
}

static Row *
row_new (CjmLaneBox * const *lanes,
         guint               first,
         guint               end)
{
  Row *row = g_new0 (Row, 1);

  row->first = first;
  row->end = end;
  row->lane_ids = g_ptr_array_new ();
  for (guint l = first; l < end; l++)
    g_ptr_array_add (row->lane_ids, (gpointer)cjm_element_get_id (CJM_ELEMENT (lanes[l]->lane)));
  g_ptr_array_add (row->lane_ids, NULL);

  return row;
}

/* What every page of some steps holds besides its lanes, and each lane's
 * height, in map units: measured on a layout of the steps with the header
 * band only. Every page of a row holds the same lanes, so that pages
 * pinned side by side line up: a lane's height in a row is its tallest
 * over the steps of every page. */
typedef struct
{
  double  top;           /* the margin, header band, stage and step headers */
  double  bottom;        /* below the last lane: the margin */
  double  persona_band;  /* what the persona band adds on the first page */
  double  legend_band;   /* what the legend adds on the last page */
  double *lane_heights;  /* by lane of the full layout */
  guint   n_lanes;
} PageMeasure;

static void
measure_pages (CjmMap                 *map,
               const char * const     *stage_ids,
               const char * const     *lane_ids,
               GPtrArray              *chunks,
               const CjmExportOptions *options,
               PageMeasure            *measure)
{
  CjmLayoutBands bands = options->bands & CJM_LAYOUT_BAND_HEADER;

  for (guint i = 0; i < chunks->len; i++)
    {
      Chunk *chunk = g_ptr_array_index (chunks, i);
      g_autoptr(CjmLayout) layout = chunk_layout (map, stage_ids, lane_ids, chunk, bands);
      CjmLaneBox * const *lanes;
      double width, height;
      guint n_lanes;

      cjm_layout_get_size (layout, &width, &height);
      lanes = _cjm_layout_get_lanes (layout, &n_lanes);
      g_assert (n_lanes == measure->n_lanes);
      measure->top = MAX (measure->top, layout->grid_top);
      measure->bottom = MAX (measure->bottom, height - layout->grid_bottom);
      for (guint l = 0; l < n_lanes; l++)
        measure->lane_heights[l] = MAX (measure->lane_heights[l], lanes[l]->row.height);

      /* The personas open the document; the legend closes it. */
      if (i == 0 && (options->bands & CJM_LAYOUT_BAND_PERSONAS))
        {
          g_autoptr(CjmLayout) first = chunk_layout (map, stage_ids, lane_ids, chunk,
                                                     bands | CJM_LAYOUT_BAND_PERSONAS);

          cjm_layout_update (first);
          measure->persona_band = MAX (0, first->grid_top - layout->grid_top);
        }
      if (i == chunks->len - 1 && (options->bands & CJM_LAYOUT_BAND_LEGEND))
        {
          g_autoptr(CjmLayout) last = chunk_layout (map, stage_ids, lane_ids, chunk,
                                                    bands | CJM_LAYOUT_BAND_LEGEND);
          double last_width, last_height;

          cjm_layout_get_size (last, &last_width, &last_height);
          measure->legend_band = MAX (0, last_height - height);
        }
    }
}

/* Cuts the lanes, in order, into rows of pages: as many lanes on a row as
 * fit in @room (map units) high, the first row under the personas. A lane
 * taller than a page has a row of its own. */
static GPtrArray *
rows_for_pages (CjmLaneBox * const *lanes,
                const PageMeasure  *measure,
                double              room)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
  guint first = 0;
  double used = 0;

  for (guint l = 0; l < measure->n_lanes; l++)
    {
      double budget = room - measure->top - measure->bottom -
                      (rows->len == 0 ? measure->persona_band : 0);

      if (l > first && used + measure->lane_heights[l] > budget)
        {
          g_ptr_array_add (rows, row_new (lanes, first, l));
          first = l;
          used = 0;
        }
      used += measure->lane_heights[l];
    }
  g_ptr_array_add (rows, row_new (lanes, first, measure->n_lanes));

  return rows;
}

/* The rows of the last stage's pages: the legend closes the last page,
 * under the last row. If they do not fit together, the last row is cut in
 * two, its last lanes and the legend on a page of their own; the rows
 * before stay those of every other stage. */
static GPtrArray *
rows_for_last_pages (CjmLaneBox * const *lanes,
                     GPtrArray          *rows,
                     const PageMeasure  *measure,
                     double              room)
{
  GPtrArray *last_rows = g_ptr_array_new_with_free_func (row_free);
  const Row *last = g_ptr_array_index (rows, rows->len - 1);
  double budget = room - measure->top - measure->bottom - measure->legend_band -
                  (rows->len == 1 ? measure->persona_band : 0);
  double used = 0;
  guint split = last->end;

  for (guint r = 0; r + 1 < rows->len; r++)
    {
      const Row *row = g_ptr_array_index (rows, r);

      g_ptr_array_add (last_rows, row_new (lanes, row->first, row->end));
    }

  /* As many of the last lanes as fit over the legend, one at least. */
  while (split > last->first &&
         (split == last->end || used + measure->lane_heights[split - 1] <= budget))
    used += measure->lane_heights[--split];

  if (split > last->first)
    g_ptr_array_add (last_rows, row_new (lanes, last->first, split));
  g_ptr_array_add (last_rows, row_new (lanes, split, last->end));

  return last_rows;
}

static GPtrArray *
plan_pages (CjmMap                 *map,
            const char * const     *stage_ids,
            const char * const     *lane_ids,
            CjmLayout              *full,
            const CjmExportOptions *options)
{
  g_autoptr(GPtrArray) chunks = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) last_rows = NULL;
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify)_cjm_export_sheet_free);
  CjmLaneBox * const *lanes;
  const CjmColumnBox *columns;
  const char *title = cjm_map_get_title (map);
  PageMeasure measure = { 0 };
  double width, height, room_width, room_height, full_width, full_height, scale, common;
  double fixed, column_width, min_scale = PAGE_MIN_TITLE_SIZE / CARD_TITLE_SIZE;
  guint n_columns, n_lanes, capacity, n_pages;

  page_size (options->page, &width, &height);
  room_width = width - 2 * CJM_EXPORT_PAGE_MARGIN;
  room_height = height - 2 * CJM_EXPORT_PAGE_MARGIN;

  /* The scale at which the whole map's height fits, never above 100 %;
   * but never below the one that keeps the cards' text readable: a taller
   * map is cut into rows of pages. The lane headers and one step fit
   * across. */
  cjm_layout_get_size (full, &full_width, &full_height);
  fixed = full->grid_left + MARGIN;
  column_width = full->column_width;
  scale = MIN (CJM_EXPORT_PT_PER_UNIT, room_height / full_height);
  scale = MAX (scale, MIN (min_scale, CJM_EXPORT_PT_PER_UNIT));
  scale = MIN (scale, room_width / (fixed + column_width));
  capacity = MAX (1, (guint)floor ((room_width / scale - fixed) / column_width));

  columns = _cjm_layout_get_columns (full, &n_columns);
  chunks = chunk_for_pages (columns, n_columns, capacity);
  for (guint i = 0; i < chunks->len; i++)
    g_ptr_array_add (((Chunk *)g_ptr_array_index (chunks, i))->step_ids, NULL);

  /* Rows of lanes, if the map is too tall for a page at that scale. */
  lanes = _cjm_layout_get_lanes (full, &n_lanes);
  if (full_height * scale > room_height + 0.5 && n_lanes > 1)
    {
      measure.n_lanes = n_lanes;
      measure.lane_heights = g_new0 (double, n_lanes);
      measure_pages (map, stage_ids, lane_ids, chunks, options, &measure);
      rows = rows_for_pages (lanes, &measure, room_height / scale);
      last_rows = rows_for_last_pages (lanes, rows, &measure, room_height / scale);
      g_free (measure.lane_heights);
    }
  if (last_rows == NULL || last_rows->len < 2)
    {
      g_clear_pointer (&rows, g_ptr_array_unref);
      g_clear_pointer (&last_rows, g_ptr_array_unref);
      rows = g_ptr_array_new_with_free_func (row_free);
      g_ptr_array_add (rows, g_new0 (Row, 1));
      last_rows = g_ptr_array_ref (rows);
    }

  /* Stage by stage, each the way down its rows of lanes: the journey in
   * order. */
  n_pages = (chunks->len - 1) * rows->len + last_rows->len;
  common = CJM_EXPORT_PT_PER_UNIT;
  for (guint i = 0; i < chunks->len; i++)
    for (guint r = 0; r < (i + 1 < chunks->len ? rows : last_rows)->len; r++)
      {
        Chunk *chunk = g_ptr_array_index (chunks, i);
        Row *row = g_ptr_array_index (i + 1 < chunks->len ? rows : last_rows, r);
        CjmExportSheet *sheet = g_new0 (CjmExportSheet, 1);
        CjmLayoutBands bands = options->bands & CJM_LAYOUT_BAND_HEADER;
        guint number = sheets->len + 1;
        double page_width, page_height;

        if (number == 1)
          bands |= options->bands & CJM_LAYOUT_BAND_PERSONAS;
        if (number == n_pages)
          bands |= options->bands & CJM_LAYOUT_BAND_LEGEND;

        sheet->layout = chunk_layout (map, stage_ids,
                                      row->lane_ids != NULL
                                      ? (const char * const *)row->lane_ids->pdata : lane_ids,
                                      chunk, bands);
        sheet->width = width;
        sheet->height = height;
        sheet->x = CJM_EXPORT_PAGE_MARGIN;
        sheet->y = CJM_EXPORT_PAGE_MARGIN;
        sheet->footer = g_strdup (title != NULL ? title : _("Untitled journey map"));
        /* Translators: the number of a printed page, at its bottom */
        sheet->number = g_strdup_printf (_("Page %u of %u"), number, n_pages);

        /* A page's title may wrap, its legend take more rows: every page at
         * the scale of the one that needs the smallest, down to the
         * readable one (pages planned at @scale fit at it, or larger if
         * their rows leave room); a page whose one lane is taller than a
         * page is shrunk on its own. */
        cjm_layout_get_size (sheet->layout, &page_width, &page_height);
        sheet->scale = MIN (CJM_EXPORT_PT_PER_UNIT,
                            MIN (room_width / page_width, room_height / page_height));
        if (sheet->scale >= min_scale)
          common = MIN (common, sheet->scale);
        g_ptr_array_add (sheets, sheet);
      }

  for (guint i = 0; i < sheets->len; i++)
    {
      CjmExportSheet *sheet = g_ptr_array_index (sheets, i);

      sheet->scale = MIN (sheet->scale, common);
    }

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
  cjm_layout_set_full_texts (full, TRUE);
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
