/* export-support.c: what the export tests share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cjm-map-private.h"
#include "cjm-stage-private.h"
#include "export-support.h"

/* Tools */

gboolean
export_have_tools (const char * const *tools)
{
  for (guint i = 0; tools[i] != NULL; i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s is not installed "
                                                      "(build-aux/install-deps --test)", tools[i]);

          /* CI installs them: a missing tool is a failure, not a pass unseen. */
          g_test_fail_printf ("%s", message);
          return FALSE;
        }
    }

  return TRUE;
}

/* Runs a program; returns what it printed, or NULL if it failed. */
char *
export_run_tool (const char * const  *argv,
                 GError             **error)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  /* The tests' fatal warnings are for our code: Inkscape warns as it starts. */
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "G_DEBUG");
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, error))
    return NULL;

  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: %s: ", argv[0], err != NULL ? err : "");
      return NULL;
    }

  return g_steal_pointer (&out);
}

/* Files */

char *
export_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("cjm-export-XXXXXX", &error);

  g_assert_no_error (error);

  return path;
}

void
export_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

GFile *
export_file_in (const char *folder,
                const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  return g_file_new_for_path (path);
}

char *
export_read_text (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Maps */

CjmMap *
export_load_map (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(GError) error = NULL;
  CjmMap *map = cjm_map_load (file, problems, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);

  return map;
}

/* Every sample and template, as paths. */
GPtrArray *
export_list_maps (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *root = g_getenv ("CJM_SOURCE_ROOT");
  const char * const folders[] = { "samples", "templates" };

  g_assert_nonnull (root);

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (root, "data", folders[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".cjm"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
      for (guint j = 0; j < names->len; j++)
        g_ptr_array_add (paths, g_build_filename (folder, g_ptr_array_index (names, j), NULL));
    }

  g_assert_cmpuint (paths->len, >=, 2);

  return paths;
}

/* Images */

cairo_surface_t *
export_load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  return surface;
}

static guint32
get_be32 (const guchar *data)
{
  return (guint32)data[0] << 24 | (guint32)data[1] << 16 | (guint32)data[2] << 8 | data[3];
}

/* The resolution a PNG's pHYs chunk gives, in dots per inch; 0 if none. */
double
export_png_dpi (const char *path)
{
  g_autofree guchar *data = NULL;
  gsize length, offset = 8;

  g_assert_true (g_file_get_contents (path, (char **)&data, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);

  while (offset + 12 <= length)
    {
      guint32 size = get_be32 (data + offset);

      if (memcmp (data + offset + 4, "pHYs", 4) == 0 && size == 9 && data[offset + 16] == 1)
        return get_be32 (data + offset + 8) * 0.0254;
      if (memcmp (data + offset + 4, "IDAT", 4) == 0)
        break;
      offset += 12 + size;
    }

  return 0;
}

static void
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y,
           guint            rgba[4])
{
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(guint32 *)(gpointer)(data + y * stride + x * 4);

  rgba[0] = (pixel >> 16) & 0xff;
  rgba[1] = (pixel >> 8) & 0xff;
  rgba[2] = pixel & 0xff;
  rgba[3] = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24 ? 0xff : pixel >> 24;
}

/* The share of pixels that differ by more than @tolerance in a channel. */
double
export_compare_images (cairo_surface_t *a,
                       cairo_surface_t *b,
                       int              tolerance)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  guint64 different = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  cairo_surface_flush (a);
  cairo_surface_flush (b);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint pa[4], pb[4];

        get_pixel (a, x, y, pa);
        get_pixel (b, x, y, pb);
        for (int c = 0; c < 4; c++)
          if (ABS ((int)pa[c] - (int)pb[c]) > tolerance)
            {
              different++;
              break;
            }
      }

  return (double)different / ((double)width * height);
}

/* CSV, read strictly by RFC 4180: CRLF line ends, quotes doubled inside
 * quoted fields, nothing after a closing quote but a comma or a line end.
 * Returns the rows, each a GPtrArray of strings. */
GPtrArray *
export_parse_csv (const char  *text,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      g_autoptr(GString) field = g_string_new (NULL);

      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (*p == '\0')
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unclosed quote");
                  return NULL;
                }
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
        }
      else
        {
          while (*p != '\0' && *p != ',' && *p != '\r')
            {
              if (*p == '"' || *p == '\n')
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "a quote or a line break in an unquoted field, row %u",
                               rows->len + 1);
                  return NULL;
                }
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));

      if (*p == ',')
        {
          p++;
          if (*p == '\0')
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "a comma at the end");
              return NULL;
            }
        }
      else if (p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          g_ptr_array_add (rows, g_steal_pointer (&row));
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "row %u does not end with CRLF", rows->len + 1);
          return NULL;
        }
    }

  if (row->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the last row has no CRLF");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Runs of white space as one space, none at either end. */
char *
export_normalize (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\r\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);
  kept = g_strv_builder_end (builder);

  return g_strjoinv (" ", kept);
}

/* Building maps */

CjmPersona *
export_add_persona (CjmMap     *map,
                    const char *id,
                    const char *name)
{
  g_autoptr(CjmPersona) persona = cjm_persona_new (id);

  cjm_persona_set_name (persona, name);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_PERSONA), persona);

  return persona;
}

CjmStage *
export_add_stage (CjmMap     *map,
                  const char *id,
                  const char *name,
                  guint       n_steps)
{
  g_autoptr(CjmStage) stage = cjm_stage_new (id);

  cjm_stage_set_name (stage, name);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *step_id = g_strdup_printf ("%s-step%u", id, i);
      g_autofree char *step_name = g_strdup_printf ("%s, étape %u", name, i + 1);
      g_autoptr(CjmStep) step = cjm_step_new (step_id);

      cjm_step_set_name (step, step_name);
      g_list_store_append (_cjm_stage_get_step_store (stage), step);
    }
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_STAGE), stage);

  return stage;
}

CjmLane *
export_add_lane (CjmMap      *map,
                 const char  *id,
                 CjmLaneKind  kind,
                 const char  *name)
{
  g_autoptr(CjmLane) lane = cjm_lane_new (id);

  cjm_lane_set_kind (lane, kind);
  cjm_lane_set_name (lane, name);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_LANE), lane);

  return lane;
}

CjmCard *
export_add_card (CjmMap      *map,
                 const char  *id,
                 CjmCardKind  kind,
                 const char  *lane_id,
                 const char  *step_id,
                 const char  *title)
{
  g_autoptr(CjmCard) card = cjm_card_new (id);

  cjm_card_set_kind (card, kind);
  cjm_card_set_lane_id (card, lane_id);
  cjm_card_set_step_id (card, step_id);
  cjm_card_set_title (card, title);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_CARD), card);

  return card;
}

CjmEmotion *
export_add_emotion (CjmMap     *map,
                    const char *persona_id,
                    const char *step_id,
                    int         score,
                    const char *label)
{
  g_autoptr(CjmEmotion) emotion = cjm_emotion_new (NULL);

  cjm_emotion_set_persona_id (emotion, persona_id);
  cjm_emotion_set_step_id (emotion, step_id);
  cjm_emotion_set_score (emotion, score);
  cjm_emotion_set_label (emotion, label);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_EMOTION), emotion);

  return emotion;
}
