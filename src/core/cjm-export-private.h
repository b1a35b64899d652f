/* cjm-export-private.h: what the export's files share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "cjm-export.h"

G_BEGIN_DECLS

/* 96 map units (CSS pixels) to the inch, 72 points. */
#define CJM_EXPORT_PT_PER_UNIT (72.0 / 96.0)

/* Printed pages: the margin around the map, in points; the footer sits in
 * the bottom one. */
#define CJM_EXPORT_PAGE_MARGIN 30.0
#define CJM_EXPORT_FOOTER_SIZE  8.0

/* Slides: 16:9, in pixels at scale 1; PDF slides are half as many points,
 * the size of a presentation program's wide slide. */
#define CJM_EXPORT_SLIDE_WIDTH  1920.0
#define CJM_EXPORT_SLIDE_HEIGHT 1080.0
#define CJM_EXPORT_SLIDE_MARGIN   24.0

/* A slide or a PDF page: a layout of some of the map's steps, drawn at
 * @scale sheet units per map unit with its origin at @x, @y. */
typedef struct
{
  CjmLayout *layout;
  double     width;    /* of the sheet, in its units: pixels, or points for PDF */
  double     height;
  double     scale;
  double     x;
  double     y;
  char      *slug;     /* for the file name of a slide: its stage's name; may be NULL */
  char      *footer;   /* printed pages: the map's title, at the bottom left; may be NULL */
  char      *number;   /* printed pages: “Page 2 of 5”, at the bottom right; may be NULL */
} CjmExportSheet;

/* Writing cairo's output to a GOutputStream. */
typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} CjmExportWriter;

cairo_status_t  _cjm_export_write_cb        (void                    *closure,
                                             const unsigned char     *data,
                                             unsigned int             length);
gboolean        _cjm_export_writer_finish   (CjmExportWriter         *writer,
                                             cairo_status_t           status,
                                             GError                 **error);

void            _cjm_export_render_options  (const CjmExportOptions  *options,
                                             CjmRenderOptions        *render);
void            _cjm_export_paint_background (cairo_t                *cr,
                                             const CjmExportOptions  *options,
                                             double                   width,
                                             double                   height);
void            _cjm_export_draw_sheet      (cairo_t                 *cr,
                                             const CjmExportSheet    *sheet,
                                             const CjmExportOptions  *options,
                                             CjmTextSink             *sink);
double          _cjm_export_png_scale       (const CjmExportOptions  *options);
gboolean        _cjm_export_check_size      (double                   width,
                                             double                   height,
                                             GError                 **error);

/* Sheets (cjm-export-slides.c) */
GPtrArray      *_cjm_export_plan_sheets     (CjmMap                  *map,
                                             const CjmExportOptions  *options,
                                             GError                 **error);
void            _cjm_export_sheet_free      (CjmExportSheet          *sheet);

/* Writers, for one output each */
gboolean        _cjm_export_png             (CjmLayout               *layout,
                                             const CjmExportOptions  *options,
                                             GOutputStream           *stream,
                                             GCancellable            *cancellable,
                                             GError                 **error);
gboolean        _cjm_export_encode_png      (cairo_surface_t         *surface,
                                             gboolean                 opaque,
                                             double                   dpi,
                                             GOutputStream           *stream,
                                             GCancellable            *cancellable,
                                             GError                 **error);
gboolean        _cjm_export_png_sheet       (const CjmExportSheet    *sheet,
                                             const CjmExportOptions  *options,
                                             GOutputStream           *stream,
                                             GCancellable            *cancellable,
                                             GError                 **error);
gboolean        _cjm_export_svg             (CjmLayout               *layout,
                                             const CjmExportSheet    *sheet,
                                             const CjmExportOptions  *options,
                                             GOutputStream           *stream,
                                             GCancellable            *cancellable,
                                             GError                 **error);
gboolean        _cjm_export_pdf             (CjmMap                  *map,
                                             const CjmExportOptions  *options,
                                             GOutputStream           *stream,
                                             GCancellable            *cancellable,
                                             GError                 **error);
GBytes         *_cjm_export_csv             (CjmMap                  *map,
                                             const CjmExportOptions  *options,
                                             CjmExportTables          table,
                                             GError                 **error);

/* Scope */
gboolean        _cjm_export_resolve_scope   (CjmMap                  *map,
                                             const CjmExportOptions  *options,
                                             char                  ***stage_ids,
                                             char                  ***lane_ids,
                                             GError                 **error);
GHashTable     *_cjm_export_covered_cards   (CjmMap                  *map,
                                             const CjmExportOptions  *options,
                                             GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmExportSheet, _cjm_export_sheet_free)

G_END_DECLS
