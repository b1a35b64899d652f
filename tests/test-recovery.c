/* test-recovery.c: unsaved work survives a crash
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cjm-core.h"
#include "test-util.h"

static const char map_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey-map xmlns=\"https://example.org/ns/journey-mapper\" version=\"1.0\" id=\"map-1\">\n"
  "  <title>On disk</title>\n"
  "</journey-map>\n";

static char *map_path;

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return wait->result;
}

static GFile *
info_file_of (CjmDocument *document)
{
  g_autoptr(GFile) dir = cjm_recovery_get_dir ();
  g_autofree char *name = g_strconcat (cjm_document_get_recovery_id (document), ".info", NULL);

  return g_file_get_child (dir, name);
}

static void
wait_for_file (GFile    *file,
               gboolean  exists)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (g_file_query_exists (file, NULL) != exists && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);

  g_assert_true (g_file_query_exists (file, NULL) == exists);
}

static CjmDocument *
load (GFile *file)
{
  Wait wait = { NULL, };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CjmDocument *document;

  cjm_document_load_async (file, NULL, wait_cb, &wait);
  result = wait_for (&wait);
  document = cjm_document_load_finish (result, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static void
reset_files (void)
{
  g_autoptr(GFile) dir = cjm_recovery_get_dir ();
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autoptr(GDir) entries = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (entries && (name = g_dir_read_name (entries)))
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      g_unlink (path);
    }

  g_file_set_contents (map_path, map_xml, -1, NULL);
}

static void
test_autosave_and_discard (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (map_path);
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GFile) info = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  Wait wait = { NULL, };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  reset_files ();
  document = load (file);
  cjm_document_set_autosave_interval (document, 1);
  info = info_file_of (document);

  /* Nothing unsaved: nothing written. */
  g_usleep (10000);
  g_main_context_iteration (NULL, FALSE);
  g_assert_false (g_file_query_exists (info, NULL));

  /* An edit: written a second later. */
  cjm_edit_set_string (cjm_document_get_history (document), cjm_document_get_map (document),
                       "title", "Edited");
  wait_for_file (info, TRUE);

  /* Ours, while we run: not offered for recovery. */
  entries = cjm_recovery_list (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);

  /* Saved: removed. */
  cjm_document_save_async (document, NULL, NULL, wait_cb, &wait);
  result = wait_for (&wait);
  g_assert_true (cjm_document_save_finish (document, result, &error));
  g_assert_false (g_file_query_exists (info, NULL));

  /* Edited again, then closed without saving: removed too. */
  cjm_edit_set_string (cjm_document_get_history (document), cjm_document_get_map (document),
                       "title", "Edited again");
  cjm_document_autosave_now (document);
  wait_for_file (info, TRUE);
  cjm_document_close (document);
  g_assert_false (g_file_query_exists (info, NULL));
}

/* In a child process: edits, waits for the recovery file, and dies
 * without closing anything, as in a crash. */
static void G_GNUC_NORETURN
crash_with_edits (gboolean untitled)
{
  g_autoptr(GFile) file = g_file_new_for_path (map_path);
  g_autoptr(CjmDocument) document = untitled ? cjm_document_new (NULL, NULL) : load (file);
  g_autoptr(GFile) info = NULL;

  cjm_document_set_autosave_interval (document, 1);
  info = info_file_of (document);
  cjm_edit_set_string (cjm_document_get_history (document), cjm_document_get_map (document),
                       "title", untitled ? "Untitled work" : "Unsaved work");
  wait_for_file (info, TRUE);

  _exit (0);
}

static CjmDocument *
restore (CjmRecoveryEntry *entry)
{
  Wait wait = { NULL, };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CjmDocument *document;

  cjm_document_restore_async (entry, CJM_OPEN_FLAGS_NONE, NULL, wait_cb, &wait);
  result = wait_for (&wait);
  document = cjm_document_load_finish (result, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static void
test_crash (void)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (map_path);
  CjmRecoveryEntry *entry;

  if (g_test_subprocess ())
    {
      crash_with_edits (FALSE);
      return;
    }

  reset_files ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* The next start finds the work... */
  entries = cjm_recovery_list (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  uri = g_file_get_uri (file);
  g_assert_cmpstr (entry->uri, ==, uri);
  g_assert_cmpstr (entry->title, ==, "Unsaved work");
  g_assert_cmpstr (entry->display_name, ==, "map.cjm");
  g_assert_nonnull (entry->base_file);

  /* ...restores it, unsaved, in its file... */
  document = restore (entry);
  g_assert_cmpstr (cjm_map_get_title (cjm_document_get_map (document)), ==, "Unsaved work");
  g_assert_true (cjm_document_get_modified (document));
  g_assert_true (g_file_equal (cjm_document_get_file (document), file));
  g_assert_true (cjm_document_get_lock_held (document));

  /* ...claimed: no other process offers it now. */
  after = cjm_recovery_list (NULL, &error);
  g_assert_cmpuint (after->len, ==, 0);

  cjm_document_close (document);
}

static void
test_crash_changed_since (void)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(CjmMerge) merge = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL, };

  if (g_test_subprocess ())
    {
      crash_with_edits (FALSE);
      return;
    }

  reset_files ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* Someone saved the file since the work started. */
  g_file_set_contents (map_path,
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<journey-map xmlns=\"https://example.org/ns/journey-mapper\" version=\"1.0\" id=\"map-1\">\n"
                       "  <title>On disk</title>\n"
                       "  <description>Theirs</description>\n"
                       "</journey-map>\n", -1, NULL);

  entries = cjm_recovery_list (NULL, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  document = restore (g_ptr_array_index (entries, 0));

  /* Saving is refused (their change is not lost)... */
  cjm_document_save_async (document, NULL, NULL, wait_cb, &wait);
  result = wait_for (&wait);
  g_assert_false (cjm_document_save_finish (document, result, &error));
  g_assert_error (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_clear_object (&result);

  /* ...and the recovered work merges into it, from the version it started from. */
  wait.result = NULL;
  cjm_document_merge_async (document, NULL, wait_cb, &wait);
  result = wait_for (&wait);
  merge = cjm_document_merge_finish (document, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cjm_merge_get_n_conflicts (merge), ==, 0);
  cjm_document_apply_merge (document, merge, NULL);
  g_assert_cmpstr (cjm_map_get_title (cjm_document_get_map (document)), ==, "Unsaved work");
  g_assert_cmpstr (cjm_map_get_description (cjm_document_get_map (document)), ==, "Theirs");

  cjm_document_close (document);
}

static void
test_crash_untitled (void)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CjmRecoveryEntry *entry;

  if (g_test_subprocess ())
    {
      crash_with_edits (TRUE);
      return;
    }

  reset_files ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  entries = cjm_recovery_list (NULL, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_null (entry->uri);
  g_assert_cmpstr (entry->display_name, ==, "Untitled Map");
  g_assert_null (entry->base_file);

  document = restore (entry);
  g_assert_null (cjm_document_get_file (document));
  g_assert_cmpstr (cjm_map_get_title (cjm_document_get_map (document)), ==, "Untitled work");
  g_assert_true (cjm_document_get_modified (document));

  /* Discarded when not wanted. */
  g_assert_true (cjm_recovery_entry_discard (entry, &error));
  g_assert_false (g_file_query_exists (entry->map_file, NULL));
  g_clear_object (&document);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_autofree char *dir = NULL;
  g_autofree char *state = NULL;

  /* The child processes that crash share the parent's folders. */
  dir = g_strdup (g_getenv ("CJM_TEST_RECOVERY_DIR"));
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("cjm-recovery-XXXXXX", NULL);
      g_setenv ("CJM_TEST_RECOVERY_DIR", dir, TRUE);
    }
  state = g_build_filename (dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  map_path = g_build_filename (dir, "map.cjm", NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cjm/Recovery/autosave-and-discard", test_autosave_and_discard);
  g_test_add_func ("/Cjm/Recovery/crash", test_crash);
  g_test_add_func ("/Cjm/Recovery/crash-changed-since", test_crash_changed_since);
  g_test_add_func ("/Cjm/Recovery/crash-untitled", test_crash_untitled);

  status = g_test_run ();

  if (!g_test_subprocess ())
    test_util_remove_tree (dir);

  return status;
}
