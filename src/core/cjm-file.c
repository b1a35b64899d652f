/* cjm-file.c: loading and saving maps in either format
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-file"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cjm-file.h"
#include "cjm-format.h"
#include "cjm-json.h"
#include "cjm-map.h"
#include "cjm-xml.h"

#define READ_CHUNK_SIZE (64 * 1024)

/**
 * cjm_file_format_for_name:
 * @name: (nullable): a file name or path
 *
 * Returns: the format that the extension of @name stands for: .cjm or
 *   .json, in any case
 */
CjmFileFormat
cjm_file_format_for_name (const char *name)
{
  const char *dot;

  if (name == NULL || (dot = strrchr (name, '.')) == NULL)
    return CJM_FILE_FORMAT_UNKNOWN;

  if (g_ascii_strcasecmp (dot, ".cjm") == 0)
    return CJM_FILE_FORMAT_CJM;

  if (g_ascii_strcasecmp (dot, ".json") == 0)
    return CJM_FILE_FORMAT_JSON;

  return CJM_FILE_FORMAT_UNKNOWN;
}

/* How messages name a file: as a path relative to the current directory
 * when it is in it, as typed on a command line; else its full path or URI. */
static char *
dup_display_name (GFile *file)
{
  g_autofree char *cwd_path = g_get_current_dir ();
  g_autoptr(GFile) cwd = g_file_new_for_path (cwd_path);
  g_autofree char *relative = g_file_get_relative_path (cwd, file);

  if (relative != NULL)
    return g_filename_display_name (relative);

  return g_file_get_parse_name (file);
}

static void
set_too_large_error (GError  **error,
                     GFile    *file,
                     guint64   size,
                     gsize     max_size)
{
  g_autofree char *display_name = dup_display_name (file);
  g_autofree char *max_text = g_format_size (max_size);

  if (size > 0)
    {
      g_autofree char *size_text = g_format_size (size);

      g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_TOO_LARGE,
                   _("%s: The file is too large (%s): journey maps are at most %s"),
                   display_name, size_text, max_text);
    }
  else
    {
      g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_TOO_LARGE,
                   _("%s: The file is too large: journey maps are at most %s"),
                   display_name, max_text);
    }
}

/**
 * cjm_file_read_bytes:
 * @file: a file
 * @max_size: the most bytes to accept, or 0 for %CJM_MAX_FILE_SIZE
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report a failure
 *
 * Reads the bytes of @file as they are (a compressed file stays
 * compressed). A file larger than @max_size is refused without being read.
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL with @error set
 */
GBytes *
cjm_file_read_bytes (GFile         *file,
                     gsize          max_size,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  gsize expected = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (max_size == 0)
    max_size = CJM_MAX_FILE_SIZE;

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;

  /* Refuse a large file before reading any of it. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset size = g_file_info_get_size (info);

      if (size > 0 && (guint64)size > max_size)
        {
          set_too_large_error (error, file, size, max_size);
          return NULL;
        }

      expected = MAX (size, 0);
    }

  /* The size may be unknown (a pipe) or change while reading: read at
   * most one byte more than allowed, to know. */
  buffer = g_byte_array_sized_new (expected + 1);

  for (;;)
    {
      gsize chunk = MIN (READ_CHUNK_SIZE, max_size + 1 - buffer->len);
      gsize old_len = buffer->len;
      gssize n_read;

      g_byte_array_set_size (buffer, old_len + chunk);
      n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old_len, chunk,
                                    cancellable, error);
      if (n_read < 0)
        return NULL;

      g_byte_array_set_size (buffer, old_len + n_read);

      if (n_read == 0)
        break;

      if (buffer->len > max_size)
        {
          set_too_large_error (error, file, 0, max_size);
          return NULL;
        }
    }

  if (!g_input_stream_close (G_INPUT_STREAM (stream), cancellable, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * cjm_map_read_bytes:
 * @bytes: the content of a .cjm or JSON file
 * @display_name: the name of the file for messages
 * @problems: (nullable) (element-type CjmProblem): where to add what was
 *   found wrong and repaired
 * @error: where to report why the map cannot be read
 *
 * Reads a map in either format, whatever the name of the file: content
 * starting with "{" (after a byte-order mark and white space) is JSON,
 * anything else is taken for XML.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
CjmMap *
cjm_map_read_bytes (GBytes      *bytes,
                    const char  *display_name,
                    GPtrArray   *problems,
                    GError     **error)
{
  const guchar *data;
  gsize size;
  gsize i = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);

  /* Both readers refuse what is too large. */
  if (size >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    i = 3;

  while (i < size && g_ascii_isspace (data[i]))
    i++;

  if (i < size && data[i] == '{')
    return cjm_json_read (bytes, display_name, problems, error);

  return cjm_xml_read (bytes, display_name, problems, error);
}

/**
 * cjm_map_load:
 * @file: a .cjm or JSON file
 * @problems: (nullable) (element-type CjmProblem): where to add what was
 *   found wrong and repaired
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report why the map cannot be loaded
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
CjmMap *
cjm_map_load (GFile         *file,
              GPtrArray     *problems,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = cjm_file_read_bytes (file, CJM_MAX_FILE_SIZE, cancellable, error)))
    return NULL;

  display_name = dup_display_name (file);

  return cjm_map_read_bytes (bytes, display_name, problems, error);
}

/**
 * cjm_map_to_bytes:
 * @map: a #CjmMap
 * @format: %CJM_FILE_FORMAT_CJM or %CJM_FILE_FORMAT_JSON
 *
 * Returns: (transfer full): the content of a file of @format holding @map
 */
GBytes *
cjm_map_to_bytes (CjmMap        *map,
                  CjmFileFormat  format)
{
  g_return_val_if_fail (CJM_IS_MAP (map), NULL);

  switch (format)
    {
    case CJM_FILE_FORMAT_CJM:
      return cjm_xml_write (map);

    case CJM_FILE_FORMAT_JSON:
      return cjm_json_write (map);

    case CJM_FILE_FORMAT_UNKNOWN:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * cjm_map_save:
 * @map: a #CjmMap
 * @file: where to save it
 * @format: the format, or %CJM_FILE_FORMAT_UNKNOWN for the one the name
 *   of @file stands for
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report a failure
 *
 * Returns: %TRUE if @map was saved
 */
gboolean
cjm_map_save (CjmMap         *map,
              GFile          *file,
              CjmFileFormat   format,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CJM_IS_MAP (map), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == CJM_FILE_FORMAT_UNKNOWN)
    {
      g_autofree char *basename = g_file_get_basename (file);

      format = cjm_file_format_for_name (basename);
    }

  if (format == CJM_FILE_FORMAT_UNKNOWN)
    {
      g_autofree char *display_name = dup_display_name (file);

      g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_UNKNOWN_FORMAT,
                   _("%s: Cannot tell the format from the name: use .cjm or .json"),
                   display_name);
      return FALSE;
    }

  bytes = cjm_map_to_bytes (map, format);

  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  cancellable, error);
}
