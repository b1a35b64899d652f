/* cjm-export-image.c: PNG and PDF exports
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cjm-export-private.h"
#include "cjm-map.h"
#include "cjm-render-private.h"

/* Drawing */

void
_cjm_export_paint_background (cairo_t                *cr,
                              const CjmExportOptions *options,
                              double                  width,
                              double                  height)
{
  if (options->transparent)
    return;

  _cjm_set_source (cr, &_cjm_palette_for_theme (options->theme)->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

/* A printed page's footer: the map's title on the left, the page number
 * on the right, small, in the margin: page furniture, not part of the map. */
static void
draw_footer (cairo_t                *cr,
             const CjmExportSheet   *sheet,
             const CjmExportOptions *options)
{
  const CjmPalette *palette = _cjm_palette_for_theme (options->theme);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell,sans-serif");
  double right = sheet->width - CJM_EXPORT_PAGE_MARGIN;
  double y = sheet->height - CJM_EXPORT_PAGE_MARGIN / 2 - CJM_EXPORT_FOOTER_SIZE;
  int width, height;

  pango_font_description_set_absolute_size (font, CJM_EXPORT_FOOTER_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  cairo_save (cr);
  _cjm_set_source (cr, &palette->dim);

  if (sheet->number != NULL)
    {
      pango_layout_set_text (layout, sheet->number, -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      right -= width;
      cairo_move_to (cr, right, y);
      pango_cairo_show_layout (cr, layout);
      right -= 24;
    }

  if (sheet->footer != NULL && right > CJM_EXPORT_PAGE_MARGIN)
    {
      pango_layout_set_text (layout, sheet->footer, -1);
      pango_layout_set_width (layout, (int)((right - CJM_EXPORT_PAGE_MARGIN) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, CJM_EXPORT_PAGE_MARGIN, y);
      pango_cairo_show_layout (cr, layout);
    }

  cairo_restore (cr);
}

/* Draws @sheet with its top left corner at the origin of @cr: the
 * background, then the map through the renderer, as the canvas draws it. */
void
_cjm_export_draw_sheet (cairo_t                *cr,
                        const CjmExportSheet   *sheet,
                        const CjmExportOptions *options,
                        CjmTextSink            *sink)
{
  CjmRenderOptions render;

  _cjm_export_render_options (options, &render);
  /* The background is painted under the whole sheet, margins included. */
  render.transparent = TRUE;
  render.text_sink = sink;

  cairo_save (cr);
  _cjm_export_paint_background (cr, options, sheet->width, sheet->height);
  cairo_translate (cr, sheet->x, sheet->y);
  cairo_scale (cr, sheet->scale, sheet->scale);
  cjm_render_map (cr, sheet->layout, &render);
  cairo_restore (cr);

  if (sheet->footer != NULL || sheet->number != NULL)
    draw_footer (cr, sheet, options);
}

/* PNG */

/* Draws @sheet at @scale image pixels per sheet unit into a PNG. */
static gboolean
write_png (const CjmExportSheet    *sheet,
           const CjmExportOptions  *options,
           double                   scale,
           GOutputStream           *stream,
           GCancellable            *cancellable,
           GError                 **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width = ceil (sheet->width * scale - 1e-6);
  double height = ceil (sheet->height * scale - 1e-6);
  gboolean ok;

  if (!_cjm_export_check_size (width, height, error))
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)width, (int)height);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      _cjm_export_draw_sheet (cr, sheet, options, NULL);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      CjmExportWriter writer = { stream, cancellable, NULL };

      cairo_surface_destroy (surface);
      return _cjm_export_writer_finish (&writer, status, error);
    }

  /* Map units are CSS pixels: 96 to the inch at scale 1. */
  ok = _cjm_export_encode_png (surface, !options->transparent,
                               96.0 * _cjm_export_png_scale (options), stream, cancellable, error);
  cairo_surface_destroy (surface);

  return ok;
}

gboolean
_cjm_export_png (CjmLayout               *layout,
                 const CjmExportOptions  *options,
                 GOutputStream           *stream,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  CjmExportSheet sheet = { 0 };

  sheet.layout = layout;
  sheet.scale = 1;
  cjm_layout_get_size (layout, &sheet.width, &sheet.height);

  return write_png (&sheet, options, _cjm_export_png_scale (options), stream, cancellable, error);
}

gboolean
_cjm_export_png_sheet (const CjmExportSheet    *sheet,
                       const CjmExportOptions  *options,
                       GOutputStream           *stream,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  return write_png (sheet, options, _cjm_export_png_scale (options), stream, cancellable, error);
}

/* PDF */

/* Beyond 200 inches a side, PDF readers refuse a page. */
#define PDF_MAX_PAGE 14400.0

gboolean
_cjm_export_pdf (CjmMap                  *map,
                 const CjmExportOptions  *options,
                 GOutputStream           *stream,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  CjmExportWriter writer = { stream, cancellable, NULL };
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(CjmLayout) layout = NULL;
  g_autofree char *creator = NULL;
  CjmExportSheet whole = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  double page_scale = 1;
  const char *title;

  if (options->slides != CJM_EXPORT_SLIDES_NONE || options->page != CJM_EXPORT_PAGE_WHOLE_MAP)
    {
      sheets = _cjm_export_plan_sheets (map, options, error);
      if (sheets == NULL)
        return FALSE;
      /* Slides are planned in pixels: a PDF slide has half as many points. */
      if (options->slides != CJM_EXPORT_SLIDES_NONE)
        page_scale = 0.5;
    }
  else
    {
      double width, height;

      layout = cjm_export_create_layout (map, options, error);
      if (layout == NULL)
        return FALSE;

      cjm_layout_get_size (layout, &width, &height);
      whole.layout = layout;
      whole.scale = MIN (CJM_EXPORT_PT_PER_UNIT, PDF_MAX_PAGE / MAX (width, height));
      whole.width = width * whole.scale;
      whole.height = height * whole.scale;
      /* On the stack: the array frees nothing. */
      sheets = g_ptr_array_new ();
      g_ptr_array_add (sheets, &whole);
    }

  {
    const CjmExportSheet *first = g_ptr_array_index (sheets, 0);

    surface = cairo_pdf_surface_create_for_stream (_cjm_export_write_cb, &writer,
                                                   first->width * page_scale,
                                                   first->height * page_scale);
  }

  title = cjm_map_get_title (map);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  creator = g_strdup_printf ("Journey Mapper %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);

  for (guint i = 0; i < sheets->len && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS; i++)
    {
      const CjmExportSheet *sheet = g_ptr_array_index (sheets, i);
      cairo_t *cr;

      if (g_cancellable_set_error_if_cancelled (cancellable, &writer.error))
        break;

      cairo_pdf_surface_set_size (surface, sheet->width * page_scale, sheet->height * page_scale);
      cr = cairo_create (surface);
      cairo_scale (cr, page_scale, page_scale);
      _cjm_export_draw_sheet (cr, sheet, options, NULL);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return _cjm_export_writer_finish (&writer, status, error);
}
