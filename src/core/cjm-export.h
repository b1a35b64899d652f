/* cjm-export.h: exporting a map as images, slides and tables
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cjm-layout.h"
#include "cjm-render.h"
#include "cjm-types.h"

G_BEGIN_DECLS

/* Every export draws with the map's layout and renderer, as the canvas
 * does, but never from the window: the same map and options give the same
 * output whatever is zoomed, scrolled or hidden. doc/export.md describes
 * each format and the choices below. */

#define CJM_TYPE_EXPORT_OPTIONS (cjm_export_options_get_type ())
#define CJM_EXPORT_ERROR        (cjm_export_error_quark ())

/* In the order of the org.example.JourneyMapper.ExportFormat enum of the
 * settings, which stores the last choice. */
typedef enum
{
  CJM_EXPORT_FORMAT_PNG,
  CJM_EXPORT_FORMAT_SVG,
  CJM_EXPORT_FORMAT_PDF,
  CJM_EXPORT_FORMAT_CSV,
  CJM_EXPORT_FORMAT_JSON,
  CJM_EXPORT_FORMAT_CJM,
} CjmExportFormat;

typedef enum
{
  CJM_EXPORT_SCOPE_MAP,               /* everything */
  CJM_EXPORT_SCOPE_SELECTION,         /* what the elements of element_ids cover */
  CJM_EXPORT_SCOPE_STAGES_AND_LANES,  /* the stages of stage_ids, the lanes of lane_ids */
} CjmExportScope;

typedef enum
{
  CJM_EXPORT_PAGE_WHOLE_MAP,          /* PDF: one page the size of the map */
  CJM_EXPORT_PAGE_A4_LANDSCAPE,       /* PDF: the map cut by stages (and tall maps by
                                       * lanes) over A4 pages */
  CJM_EXPORT_PAGE_A3_LANDSCAPE,
} CjmExportPage;

typedef enum
{
  CJM_EXPORT_SLIDES_NONE,
  CJM_EXPORT_SLIDES_BY_STAGE,         /* one 16:9 slide per stage */
  CJM_EXPORT_SLIDES_BY_STEPS,         /* one slide per slide_steps steps */
} CjmExportSlides;

typedef enum /*< flags >*/
{
  CJM_EXPORT_TABLE_TOUCHPOINTS   = 1 << 0,
  CJM_EXPORT_TABLE_PAIN_POINTS   = 1 << 1,
  CJM_EXPORT_TABLE_OPPORTUNITIES = 1 << 2,
  CJM_EXPORT_TABLE_ALL           = 0x7,
} CjmExportTables;

typedef enum
{
  CJM_EXPORT_ERROR_TOO_LARGE,         /* the image would exceed what PNG or cairo allow */
  CJM_EXPORT_ERROR_UNKNOWN_ID,        /* a stage, lane or element id names nothing */
  CJM_EXPORT_ERROR_EMPTY,             /* the scope holds nothing to export */
  CJM_EXPORT_ERROR_SEVERAL_FILES,     /* a stream was given where the export writes several files */
} CjmExportError;

/* Plain fields: set them after cjm_export_options_new(); the string
 * arrays are owned, and freed by cjm_export_options_free(). */
typedef struct
{
  CjmExportFormat   format;

  /* What: the whole map, what a selection covers, or chosen stages and
   * lanes (NULL: all of them). Not for JSON and .cjm, which hold it all. */
  CjmExportScope    scope;
  char            **element_ids;
  char            **stage_ids;
  char            **lane_ids;

  /* Images (PNG, SVG, PDF): the bands around the map, the theme (light
   * unless asked), a transparent background instead of the theme's. */
  CjmLayoutBands    bands;
  CjmTheme          theme;
  gboolean          transparent;

  /* PNG: image pixels per map unit (1 to 4), or, if dpi > 0, the
   * resolution at which the map prints at its size on screen at 100 %
   * (scale = dpi / 96); the PNG records it. */
  double            scale;
  double            dpi;

  /* PDF: one page, or A4/A3 landscape pages. */
  CjmExportPage     page;

  /* Slides, in any image format: 16:9, one per stage or per slide_steps
   * steps; PNG and SVG write one file per slide, PDF one page each. */
  CjmExportSlides   slides;
  guint             slide_steps;

  /* CSV: the tables to write, and whether they start with a byte order
   * mark (for Microsoft Excel). */
  CjmExportTables   tables;
  gboolean          csv_bom;
} CjmExportOptions;

GType              cjm_export_options_get_type     (void) G_GNUC_CONST;
GQuark             cjm_export_error_quark          (void);

CjmExportOptions  *cjm_export_options_new          (CjmExportFormat          format)
                                                    G_GNUC_WARN_UNUSED_RESULT;
CjmExportOptions  *cjm_export_options_copy         (const CjmExportOptions  *options)
                                                    G_GNUC_WARN_UNUSED_RESULT;
void               cjm_export_options_free         (CjmExportOptions        *options);

gboolean           cjm_export_format_for_name      (const char              *name,
                                                    CjmExportFormat         *format);
const char        *cjm_export_format_get_extension (CjmExportFormat          format);
const char        *cjm_export_format_get_mime_type (CjmExportFormat          format);
gboolean           cjm_export_format_is_image      (CjmExportFormat          format);

CjmLayout         *cjm_export_create_layout        (CjmMap                  *map,
                                                    const CjmExportOptions  *options,
                                                    GError                 **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;
GPtrArray         *cjm_export_list_files           (CjmMap                  *map,
                                                    const CjmExportOptions  *options,
                                                    GFile                   *file,
                                                    GError                 **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;
gboolean           cjm_export_to_file              (CjmMap                  *map,
                                                    const CjmExportOptions  *options,
                                                    GFile                   *file,
                                                    GCancellable            *cancellable,
                                                    GError                 **error);
gboolean           cjm_export_to_stream            (CjmMap                  *map,
                                                    const CjmExportOptions  *options,
                                                    GOutputStream           *stream,
                                                    GCancellable            *cancellable,
                                                    GError                 **error);
cairo_surface_t   *cjm_export_render_preview       (CjmMap                  *map,
                                                    const CjmExportOptions  *options,
                                                    int                      max_width,
                                                    int                      max_height,
                                                    guint                   *n_pages,
                                                    GError                 **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;
GBytes            *cjm_export_csv_table            (CjmMap                  *map,
                                                    const CjmExportOptions  *options,
                                                    CjmExportTables          table,
                                                    GError                 **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmExportOptions, cjm_export_options_free)

G_END_DECLS
