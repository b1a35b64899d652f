/* cjm-export-svg.c: SVG export, with its texts as text
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-export"

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cjm-export-private.h"
#include "cjm-map.h"
#include "cjm-render-private.h"

/* cairo's SVG surface draws text as glyph outlines: neither selectable nor
 * searchable. So the renderer draws the shapes into cairo's SVG surface,
 * and hands each text to a sink instead of drawing it: the sink writes a
 * <text> element — one <tspan> per line as pango broke the lines, at the
 * position of its baseline, in the font pango chose, in the colour and
 * with the halo the renderer would have used. The texts are written after
 * the shapes, in the order drawn: the layout never lets a shape drawn
 * after a text cover it (connection labels are placed off the cards).
 * The result reads the same in rsvg, Inkscape and browsers, which lay the
 * lines out with the same fonts. */

typedef struct
{
  CjmTextSink  parent;
  GString     *texts;
} SvgSink;

/* Escapes @length bytes of @text for XML, leaving out the control
 * characters XML 1.0 does not allow (a JSON map may hold them). */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\n':
        case '\r':
        case '\t':
          g_string_append_c (out, ' ');
          break;
        default:
          if ((guchar)*p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Hundredths of a unit are finer than any screen or printer. */
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", round (value * 100) / 100 + 0.0);
  /* No trailing zeros: "12.50" → "12.5", "12.00" → "12". */
  if (strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  g_string_append (out, buffer);
}

static void
append_color (GString       *out,
              const char    *attribute,
              const char    *opacity_attribute,
              const CjmRgba *color)
{
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", attribute,
                          (guint)round (CLAMP (color->red, 0, 1) * 255),
                          (guint)round (CLAMP (color->green, 0, 1) * 255),
                          (guint)round (CLAMP (color->blue, 0, 1) * 255));
  if (color->alpha < 1)
    {
      g_string_append_printf (out, " %s=\"", opacity_attribute);
      append_number (out, color->alpha);
      g_string_append_c (out, '"');
    }
}

/* "Cantarell,sans-serif" → "Cantarell, sans-serif", quoting names with spaces. */
static void
append_families (GString    *out,
                 const char *families)
{
  g_auto(GStrv) names = g_strsplit (families != NULL ? families : "sans-serif", ",", -1);
  gboolean first = TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);

      if (*name == '\0')
        continue;
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      if (strchr (name, ' ') != NULL)
        {
          g_string_append_c (out, '\'');
          append_escaped (out, name, -1);
          g_string_append_c (out, '\'');
        }
      else
        append_escaped (out, name, -1);
    }
}

static char *
dup_run_family (PangoItem *item)
{
  PangoFontDescription *description;
  char *family;

  if (item->analysis.font == NULL)
    return NULL;

  description = pango_font_describe (item->analysis.font);
  family = g_strdup (pango_font_description_get_family (description));
  pango_font_description_free (description);

  return family;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const PangoLayoutRun *run_a = *(const PangoLayoutRun * const *)a;
  const PangoLayoutRun *run_b = *(const PangoLayoutRun * const *)b;

  return run_a->item->offset - run_b->item->offset;
}

/* Appends the text of @line: its runs in logical order, an ellipsis where
 * pango put one, a <tspan> naming the font of each run in a font other
 * than the text's own (emoji, scripts Cantarell lacks) — only where the
 * line reads left to right, so that the order of the runs is the order
 * shown. Returns FALSE if the line shows nothing. */
static gboolean
append_line (GString         *out,
             PangoLayout     *layout,
             PangoLayoutLine *line,
             const char      *main_family)
{
  const char *text = pango_layout_get_text (layout);
  g_autoptr(GPtrArray) runs = g_ptr_array_new ();
  g_autoptr(GString) content = g_string_new (NULL);
  gboolean left_to_right = TRUE;
  gsize end_of_text = 0;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoLayoutRun *run = l->data;

      g_ptr_array_add (runs, run);
      if (run->item->analysis.level % 2 == 1)
        left_to_right = FALSE;
    }
  g_ptr_array_sort (runs, compare_runs);

  for (guint i = 0; i < runs->len; i++)
    {
      PangoLayoutRun *run = g_ptr_array_index (runs, i);
      PangoItem *item = run->item;
      g_autofree char *family = left_to_right ? dup_run_family (item) : NULL;
      gboolean other_font = family != NULL && g_ascii_strcasecmp (family, main_family) != 0;
      const char *run_text = text + item->offset;
      gsize length = item->length;

      if (item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        {
          run_text = "…";
          length = strlen (run_text);
        }
      /* Spaces and line breaks at the end of the line are not shown. */
      if (i == runs->len - 1)
        while (length > 0 && g_ascii_isspace (run_text[length - 1]))
          length--;
      if (length == 0)
        continue;

      if (other_font)
        {
          g_string_append (content, "<tspan font-family=\"");
          append_families (content, family);
          g_string_append (content, "\">");
        }
      append_escaped (content, run_text, length);
      if (other_font)
        g_string_append (content, "</tspan>");
      end_of_text = content->len;
    }

  if (end_of_text == 0)
    return FALSE;

  g_string_append_len (out, content->str, end_of_text);
  return TRUE;
}

static void
svg_text_cb (CjmTextSink      *sink,
             cairo_t          *cr,
             const CjmTextBox *box,
             const CjmRgba    *color,
             const CjmRgba    *halo,
             double            halo_width)
{
  GString *out = ((SvgSink *)sink)->texts;
  PangoLayout *layout = box->layout;
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  const char *families = pango_font_description_get_family (font);
  g_auto(GStrv) family_list = g_strsplit (families != NULL ? families : "sans-serif", ",", 2);
  PangoLayoutIter *iter;
  cairo_matrix_t matrix;
  double scale, size;
  gsize start = out->len;
  gboolean any = FALSE;
  int weight;

  /* Uniform scales and translations only: what exports do. */
  cairo_get_matrix (cr, &matrix);
  scale = sqrt (fabs (matrix.xx * matrix.yy - matrix.xy * matrix.yx));
  size = (double)pango_font_description_get_size (font) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    size *= 96.0 / 72.0;
  weight = pango_font_description_get_weight (font);

  g_string_append (out, "<text xml:space=\"preserve\" font-family=\"");
  append_families (out, families);
  g_string_append (out, "\" font-size=\"");
  append_number (out, size * scale);
  g_string_append_c (out, '"');
  if (weight != PANGO_WEIGHT_NORMAL)
    g_string_append_printf (out, " font-weight=\"%d\"", weight);
  if (pango_font_description_get_style (font) == PANGO_STYLE_ITALIC)
    g_string_append (out, " font-style=\"italic\"");
  else if (pango_font_description_get_style (font) == PANGO_STYLE_OBLIQUE)
    g_string_append (out, " font-style=\"oblique\"");
  append_color (out, "fill", "fill-opacity", color);
  if (halo != NULL)
    {
      append_color (out, "stroke", "stroke-opacity", halo);
      g_string_append (out, " stroke-width=\"");
      append_number (out, halo_width * scale);
      g_string_append (out, "\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
    }
  g_string_append (out, ">");

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      gsize line_start = out->len;
      double x, y;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      x = box->rect.x + (double)logical.x / PANGO_SCALE;
      y = box->rect.y + (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      cairo_user_to_device (cr, &x, &y);

      /* A space between the lines: copied, the words stay apart. */
      if (any)
        g_string_append_c (out, ' ');
      g_string_append (out, "<tspan x=\"");
      append_number (out, x);
      g_string_append (out, "\" y=\"");
      append_number (out, y);
      g_string_append (out, "\">");
      if (append_line (out, layout, line, g_strstrip (family_list[0])))
        {
          g_string_append (out, "</tspan>");
          any = TRUE;
        }
      else
        g_string_truncate (out, line_start);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (any)
    g_string_append (out, "</text>\n");
  else
    g_string_truncate (out, start);
}

/* cairo names surfaces by a counter of the process: numbered again in the
 * order they appear, the same map gives the same document every time. */
static gboolean
renumber_cb (const GMatchInfo *match,
             GString          *result,
             gpointer          user_data)
{
  GHashTable *numbers = user_data;
  g_autofree char *prefix = g_match_info_fetch (match, 1);
  g_autofree char *number = g_match_info_fetch (match, 2);
  guint renumbered = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, number));

  if (renumbered == 0)
    {
      renumbered = g_hash_table_size (numbers) + 1;
      g_hash_table_insert (numbers, g_steal_pointer (&number), GUINT_TO_POINTER (renumbered));
    }
  g_string_append_printf (result, "%ssurface%u", prefix, renumbered);

  return FALSE;
}

static char *
renumber_surfaces (const char *document)
{
  g_autoptr(GRegex) regex = g_regex_new ("(id=\"|#)surface([0-9]+)", G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return g_regex_replace_eval (regex, document, -1, 0, 0, renumber_cb, numbers, NULL);
}

/* Puts the texts at the end of cairo's document, and a title at its start. */
static GBytes *
merge_document (GString    *document,
                GString    *texts,
                const char *title)
{
  const char *end = g_strrstr (document->str, "</svg>");
  const char *root = strstr (document->str, "<svg");
  g_autoptr(GString) group = g_string_new ("<g id=\"texts\">\n");
  g_autoptr(GString) head = g_string_new ("\n");
  gsize end_offset, root_end;
  char *renumbered;

  if (end == NULL || root == NULL || strchr (root, '>') == NULL || strchr (root, '>') > end)
    return NULL;

  end_offset = end - document->str;
  root_end = strchr (root, '>') - document->str + 1;

  g_string_append (group, texts->str);
  g_string_append (group, "</g>\n");
  g_string_insert (document, end_offset, group->str);

  if (title != NULL)
    {
      g_string_append (head, "<title>");
      append_escaped (head, title, -1);
      g_string_append (head, "</title>\n");
    }
  g_string_insert (document, root_end, head->str);

  renumbered = renumber_surfaces (document->str);

  return g_bytes_new_take (renumbered, strlen (renumbered));
}

static cairo_status_t
append_to_string_cb (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_string_append_len (closure, (const char *)data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * _cjm_export_svg:
 * @layout: (nullable): the layout of the whole map, or %NULL for @sheet
 * @sheet: (nullable): a slide
 *
 * Writes an SVG of the map or of a slide. Its units are map units (CSS
 * pixels): it shows at its size on screen at 100 %.
 */
gboolean
_cjm_export_svg (CjmLayout               *layout,
                 const CjmExportSheet    *sheet,
                 const CjmExportOptions  *options,
                 GOutputStream           *stream,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  g_autoptr(GString) document = g_string_new (NULL);
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  SvgSink sink = { { svg_text_cb }, texts };
  CjmExportSheet whole = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  CjmExportWriter writer = { stream, cancellable, NULL };
  cairo_t *cr;

  if (sheet == NULL)
    {
      whole.layout = layout;
      whole.scale = 1;
      cjm_layout_get_size (layout, &whole.width, &whole.height);
      sheet = &whole;
    }

  surface = cairo_svg_surface_create_for_stream (append_to_string_cb, document,
                                                 sheet->width, sheet->height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);

  cr = cairo_create (surface);
  _cjm_export_draw_sheet (cr, sheet, options, &sink.parent);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      CjmMap *map = cjm_layout_get_map (sheet->layout);

      bytes = merge_document (document, texts, cjm_map_get_title (map));
      if (bytes == NULL)
        status = CAIRO_STATUS_WRITE_ERROR;
      else if (!g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL),
                                           g_bytes_get_size (bytes), NULL, cancellable,
                                           &writer.error))
        status = CAIRO_STATUS_WRITE_ERROR;
    }

  return _cjm_export_writer_finish (&writer, status, error);
}
