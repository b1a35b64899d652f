/* test-file.c: loading and saving maps in files
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cjm-core.h"
#include "cjm-map-private.h"
#include "cjm-stage-private.h"

typedef struct
{
  char  *dir;
  char  *old_cwd;
  GFile *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-file-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->folder = g_file_new_for_path (fixture->dir);
  fixture->old_cwd = g_get_current_dir ();
  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_assert_cmpint (g_chdir (fixture->old_cwd), ==, 0);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }

  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_clear_object (&fixture->folder);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->old_cwd, g_free);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  GFile *file = g_file_get_child (fixture->folder, name);
  g_autoptr(GError) error = NULL;

  if (length < 0)
    length = strlen (contents);

  g_file_replace_contents (file, contents, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  return file;
}

static CjmMap *
small_map (void)
{
  CjmMap *map = cjm_map_new ("map-1");
  g_autoptr(CjmStage) stage = cjm_stage_new ("stage-1");
  g_autoptr(CjmStep) step = cjm_step_new ("step-1");
  g_autoptr(CjmLane) lane = cjm_lane_new ("lane-1");
  g_autoptr(CjmCard) card = cjm_card_new ("card-1");

  cjm_map_set_title (map, "Acheter des chaussures — été");
  g_list_store_append (_cjm_stage_get_step_store (stage), step);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_STAGE), stage);
  cjm_lane_set_name (lane, "Site web");
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_LANE), lane);
  cjm_card_set_lane_id (card, "lane-1");
  cjm_card_set_step_id (card, "step-1");
  cjm_card_set_title (card, "Lit les avis\r\nen ligne");
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_CARD), card);

  return map;
}

static void
test_format_for_name (void)
{
  g_assert_cmpint (cjm_file_format_for_name ("map.cjm"), ==, CJM_FILE_FORMAT_CJM);
  g_assert_cmpint (cjm_file_format_for_name ("/some/where/MAP.CJM"), ==, CJM_FILE_FORMAT_CJM);
  g_assert_cmpint (cjm_file_format_for_name ("map.json"), ==, CJM_FILE_FORMAT_JSON);
  g_assert_cmpint (cjm_file_format_for_name ("map.Json"), ==, CJM_FILE_FORMAT_JSON);
  g_assert_cmpint (cjm_file_format_for_name ("map.cjm.bak"), ==, CJM_FILE_FORMAT_UNKNOWN);
  g_assert_cmpint (cjm_file_format_for_name ("map.xml"), ==, CJM_FILE_FORMAT_UNKNOWN);
  g_assert_cmpint (cjm_file_format_for_name ("cjm"), ==, CJM_FILE_FORMAT_UNKNOWN);
  g_assert_cmpint (cjm_file_format_for_name (""), ==, CJM_FILE_FORMAT_UNKNOWN);
  g_assert_cmpint (cjm_file_format_for_name (NULL), ==, CJM_FILE_FORMAT_UNKNOWN);
}

static void
test_read_bytes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) missing = g_file_get_child (fixture->folder, "missing.cjm");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = g_malloc (200 * 1024);

  /* Larger than one read, to read in several. */
  for (gsize i = 0; i < 200 * 1024; i++)
    contents[i] = 'a' + i % 26;
  file = write_file (fixture, "big.cjm", contents, 200 * 1024);

  bytes = cjm_file_read_bytes (file, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, 200 * 1024);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = cjm_file_read_bytes (file, 200 * 1024, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 200 * 1024);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* One byte too many: refused, and the message names the file. */
  bytes = cjm_file_read_bytes (file, 200 * 1024 - 1, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "big.cjm: "));
  g_clear_error (&error);

  bytes = cjm_file_read_bytes (missing, 0, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_save_and_load (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CjmMap) map = small_map ();
  g_autoptr(GFile) cjm = g_file_get_child (fixture->folder, "map.CJM");
  g_autoptr(GFile) json = g_file_get_child (fixture->folder, "map.json");
  g_autoptr(GFile) unknown = g_file_get_child (fixture->folder, "map.txt");
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmMap) loaded = NULL;
  g_autoptr(CjmMap) loaded_json = NULL;
  g_autoptr(GBytes) expected = cjm_map_to_bytes (map, CJM_FILE_FORMAT_CJM);
  g_autofree char *contents = NULL;
  gsize length;

  /* The format from the name */
  g_assert_true (cjm_map_save (map, cjm, CJM_FILE_FORMAT_UNKNOWN, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (cjm, NULL, &contents, &length, NULL, &error));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  loaded = cjm_map_load (cjm, problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (cjm_element_equal (CJM_ELEMENT (map), CJM_ELEMENT (loaded)));
  g_assert_cmpstr (cjm_card_get_title (cjm_map_lookup_typed (loaded, "card-1", CJM_TYPE_CARD)), ==, "Lit les avis\r\nen ligne");

  /* JSON is told from the content, not the name. */
  g_assert_true (cjm_map_save (map, json, CJM_FILE_FORMAT_UNKNOWN, NULL, &error));
  g_assert_no_error (error);
  loaded_json = cjm_map_load (json, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cjm_map_get_title (loaded_json), ==, "Acheter des chaussures — été");

  g_assert_false (cjm_map_save (map, unknown, CJM_FILE_FORMAT_UNKNOWN, NULL, &error));
  g_assert_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_UNKNOWN_FORMAT);
  g_assert_false (g_file_query_exists (unknown, NULL));
  g_clear_error (&error);

  /* An explicit format wins over the name. */
  g_assert_true (cjm_map_save (map, unknown, CJM_FILE_FORMAT_CJM, NULL, &error));
  g_assert_no_error (error);
}

static void
test_sniffing (void)
{
  g_autoptr(CjmMap) map = small_map ();
  g_autoptr(GBytes) json = cjm_map_to_bytes (map, CJM_FILE_FORMAT_JSON);
  g_autoptr(GByteArray) padded = g_byte_array_new ();
  g_autoptr(GBytes) padded_bytes = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmMap) from_json = NULL;
  g_autoptr(CjmMap) from_text = NULL;

  /* A byte-order mark and white space before the "{" */
  g_byte_array_append (padded, (const guint8 *)"\xef\xbb\xbf \n\t", 6);
  g_byte_array_append (padded, g_bytes_get_data (json, NULL), g_bytes_get_size (json));
  padded_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&padded));

  from_json = cjm_map_read_bytes (padded_bytes, "map.cjm", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cjm_map_get_title (from_json), ==, "Acheter des chaussures — été");

  /* Anything else is XML, whatever the name. */
  from_text = cjm_map_read_bytes (text, "map.json", NULL, &error);
  g_assert_null (from_text);
  g_assert_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "map.json:1: "));
}

/* Messages name the file as it was given: relative to the current folder
 * when it is in it. */
static void
test_display_names (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) broken = write_file (fixture, "broken.cjm",
                                        "<?xml version=\"1.0\"?>\n<journey-map>\n", -1);
  g_autoptr(GFile) relative = g_file_new_for_commandline_arg ("broken.cjm");
  g_autoptr(GFile) elsewhere = g_file_new_for_path ("/nonexistent-folder/x.cjm");
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmMap) map = NULL;

  map = cjm_map_load (relative, NULL, NULL, &error);
  g_assert_null (map);
  g_test_message ("%s", error->message);
  g_assert_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_NOT_A_MAP);
  g_assert_true (g_str_has_prefix (error->message, "broken.cjm:2: "));
  g_clear_error (&error);

  map = cjm_map_load (elsewhere, NULL, NULL, &error);
  g_assert_null (map);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cjm/File/format-for-name", test_format_for_name);
  g_test_add ("/Cjm/File/read-bytes", Fixture, NULL, fixture_set_up, test_read_bytes, fixture_tear_down);
  g_test_add ("/Cjm/File/save-and-load", Fixture, NULL, fixture_set_up, test_save_and_load, fixture_tear_down);
  g_test_add_func ("/Cjm/File/sniffing", test_sniffing);
  g_test_add ("/Cjm/File/display-names", Fixture, NULL, fixture_set_up, test_display_names, fixture_tear_down);

  return g_test_run ();
}
