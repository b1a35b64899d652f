/* cjm-export-png.c: writing an image surface as PNG, fast
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <zlib.h>

#include "cjm-export-private.h"

/* cairo_surface_write_to_png_stream() spends four fifths of a large
 * export in libpng's filter heuristics and zlib: a map at 2× is tens of
 * megapixels, mostly flat colour. This writer filters every row with
 * “Up”, which suits such images, and compresses strips of rows on every
 * core at once, as pigz does: each strip a raw deflate stream ended on a
 * byte boundary (Z_SYNC_FLUSH), the strips' Adler-32 checksums combined.
 * The result is one ordinary zlib stream, as small as libpng's. It also
 * writes the resolution (pHYs), which cairo does not.
 *
 * Opaque images are written as RGB, others as RGBA, un-premultiplied. */

#define MIN_STRIP_ROWS 64
#define MAX_STRIPS     16
#define IDAT_SIZE      (1 << 18)

typedef struct
{
  cairo_surface_t *surface;
  gboolean         opaque;
  int              first_row;
  int              n_rows;
  gboolean         last;
  GByteArray      *output;
  uLong            adler;
  gsize            length;     /* of the filtered data */
  gboolean         failed;
} Strip;

static void
convert_row (const guint32 *pixels,
             int            width,
             gboolean       opaque,
             guchar        *out)
{
  for (int x = 0; x < width; x++)
    {
      guint32 pixel = pixels[x];
      guint alpha = pixel >> 24;
      guint red = (pixel >> 16) & 0xff, green = (pixel >> 8) & 0xff, blue = pixel & 0xff;

      if (opaque)
        {
          out[0] = red;
          out[1] = green;
          out[2] = blue;
          out += 3;
          continue;
        }

      if (alpha != 0 && alpha != 0xff)
        {
          red = (red * 0xff + alpha / 2) / alpha;
          green = (green * 0xff + alpha / 2) / alpha;
          blue = (blue * 0xff + alpha / 2) / alpha;
        }
      out[0] = red;
      out[1] = green;
      out[2] = blue;
      out[3] = alpha;
      out += 4;
    }
}

static gpointer
compress_strip (gpointer data)
{
  Strip *strip = data;
  const guchar *pixels = cairo_image_surface_get_data (strip->surface);
  int stride = cairo_image_surface_get_stride (strip->surface);
  int width = cairo_image_surface_get_width (strip->surface);
  gsize row_size = 1 + (gsize)width * (strip->opaque ? 3 : 4);
  g_autofree guchar *row = g_malloc (row_size);
  g_autofree guchar *previous = g_malloc0 (row_size);
  g_autofree guchar *filtered = g_malloc (row_size);
  guchar buffer[65536];
  z_stream z = { 0 };

  /* Raw deflate: the zlib header and checksum are written around the strips. */
  if (deflateInit2 (&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    {
      strip->failed = TRUE;
      return NULL;
    }

  strip->adler = adler32 (0, NULL, 0);
  if (strip->first_row > 0)
    convert_row ((const guint32 *)(gconstpointer)(pixels + (gsize)(strip->first_row - 1) * stride),
                 width, strip->opaque, previous + 1);

  for (int y = strip->first_row; y < strip->first_row + strip->n_rows; y++)
    {
      gboolean end = y == strip->first_row + strip->n_rows - 1;
      int flush = end ? (strip->last ? Z_FINISH : Z_SYNC_FLUSH) : Z_NO_FLUSH;
      guchar *swap;
      int status;

      convert_row ((const guint32 *)(gconstpointer)(pixels + (gsize)y * stride), width,
                   strip->opaque, row + 1);
      /* “Up”: each byte minus the one above it. */
      filtered[0] = 2;
      for (gsize i = 1; i < row_size; i++)
        filtered[i] = row[i] - previous[i];
      strip->adler = adler32 (strip->adler, filtered, row_size);
      strip->length += row_size;

      z.next_in = filtered;
      z.avail_in = row_size;
      do
        {
          z.next_out = buffer;
          z.avail_out = sizeof buffer;
          status = deflate (&z, flush);
          if (status == Z_STREAM_ERROR)
            {
              strip->failed = TRUE;
              deflateEnd (&z);
              return NULL;
            }
          g_byte_array_append (strip->output, buffer, sizeof buffer - z.avail_out);
        }
      while (z.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));

      swap = previous;
      previous = row;
      row = swap;
    }

  deflateEnd (&z);

  return NULL;
}

static gboolean
write_chunk (GOutputStream  *stream,
             const char     *type,
             const guchar   *data,
             gsize           length,
             GCancellable   *cancellable,
             GError        **error)
{
  guchar head[8], tail[4];
  uLong crc;

  head[0] = length >> 24;
  head[1] = length >> 16;
  head[2] = length >> 8;
  head[3] = length;
  memcpy (head + 4, type, 4);
  crc = crc32 (0, head + 4, 4);
  if (length > 0)
    crc = crc32 (crc, data, length);
  tail[0] = crc >> 24;
  tail[1] = crc >> 16;
  tail[2] = crc >> 8;
  tail[3] = crc;

  return g_output_stream_write_all (stream, head, sizeof head, NULL, cancellable, error) &&
         (length == 0 ||
          g_output_stream_write_all (stream, data, length, NULL, cancellable, error)) &&
         g_output_stream_write_all (stream, tail, sizeof tail, NULL, cancellable, error);
}

static void
put_be32 (guchar  *out,
          guint32  value)
{
  out[0] = value >> 24;
  out[1] = value >> 16;
  out[2] = value >> 8;
  out[3] = value;
}

/* Writes the zlib stream as IDAT chunks of at most IDAT_SIZE bytes. */
typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GByteArray    *pending;
} IdatWriter;

static gboolean
idat_append (IdatWriter    *writer,
             const guchar  *data,
             gsize          length,
             gboolean       last,
             GError       **error)
{
  g_byte_array_append (writer->pending, data, length);

  while (writer->pending->len >= IDAT_SIZE || (last && writer->pending->len > 0))
    {
      gsize size = MIN (writer->pending->len, IDAT_SIZE);

      if (!write_chunk (writer->stream, "IDAT", writer->pending->data, size, writer->cancellable,
                        error))
        return FALSE;
      g_byte_array_remove_range (writer->pending, 0, size);
    }

  return TRUE;
}

/**
 * _cjm_export_encode_png:
 * @surface: an ARGB32 image surface, drawn
 * @opaque: whether every pixel is opaque: then no alpha channel is written
 * @dpi: the resolution to record
 *
 * Returns: %TRUE if the PNG was written
 */
gboolean
_cjm_export_encode_png (cairo_surface_t  *surface,
                        gboolean          opaque,
                        double            dpi,
                        GOutputStream    *stream,
                        GCancellable     *cancellable,
                        GError          **error)
{
  static const guchar signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n_strips = CLAMP (g_get_num_processors (), 1, MAX_STRIPS);
  g_autofree Strip *strips = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GByteArray) pending = g_byte_array_new ();
  IdatWriter idat = { stream, cancellable, pending };
  guchar header[13], physical[9], zlib_head[2] = { 0x78, 0x9c }, checksum[4];
  guint32 pixels_per_metre = (guint32)(dpi / 0.0254 + 0.5);
  uLong adler;
  gboolean ok = TRUE;

  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, FALSE);

  cairo_surface_flush (surface);
  n_strips = MAX (1, MIN (n_strips, (guint)(height / MIN_STRIP_ROWS)));
  strips = g_new0 (Strip, n_strips);

  for (guint i = 0; i < n_strips; i++)
    {
      Strip *strip = &strips[i];

      strip->surface = surface;
      strip->opaque = opaque;
      strip->first_row = (int)((gint64)height * i / n_strips);
      strip->n_rows = (int)((gint64)height * (i + 1) / n_strips) - strip->first_row;
      strip->last = i == n_strips - 1;
      strip->output = g_byte_array_sized_new ((guint)MIN ((gsize)strip->n_rows * width / 4 + 1024,
                                                          G_MAXUINT / 2));
      if (i > 0)
        g_ptr_array_add (threads, g_thread_new ("cjm-png", compress_strip, strip));
    }
  compress_strip (&strips[0]);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  put_be32 (header, width);
  put_be32 (header + 4, height);
  header[8] = 8;                  /* bits per channel */
  header[9] = opaque ? 2 : 6;     /* RGB, or RGBA */
  header[10] = 0;                 /* deflate */
  header[11] = 0;                 /* adaptive filtering, one filter per row */
  header[12] = 0;                 /* not interlaced */
  put_be32 (physical, pixels_per_metre);
  put_be32 (physical + 4, pixels_per_metre);
  physical[8] = 1;                /* the unit is the metre */

  adler = strips[0].adler;
  for (guint i = 1; i < n_strips; i++)
    adler = adler32_combine (adler, strips[i].adler, (z_off_t)strips[i].length);
  put_be32 (checksum, adler);

  for (guint i = 0; i < n_strips; i++)
    if (strips[i].failed)
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("Could not compress the image"));
        ok = FALSE;
        break;
      }

  if (ok)
    ok = g_output_stream_write_all (stream, signature, sizeof signature, NULL, cancellable,
                                    error) &&
         write_chunk (stream, "IHDR", header, sizeof header, cancellable, error) &&
         write_chunk (stream, "pHYs", physical, sizeof physical, cancellable, error) &&
         idat_append (&idat, zlib_head, sizeof zlib_head, FALSE, error);

  for (guint i = 0; i < n_strips && ok; i++)
    ok = idat_append (&idat, strips[i].output->data, strips[i].output->len, FALSE, error);

  if (ok)
    ok = idat_append (&idat, checksum, sizeof checksum, TRUE, error) &&
         write_chunk (stream, "IEND", NULL, 0, cancellable, error);

  for (guint i = 0; i < n_strips; i++)
    g_byte_array_unref (strips[i].output);

  return ok;
}
