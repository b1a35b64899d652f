/* test-document.c: a document and its file, shared with others
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cjm-core.h"
#include "test-util.h"

static const char map_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey-map xmlns=\"https://example.org/ns/journey-mapper\" version=\"1.0\" id=\"map-1\">\n"
  "  <title>Original</title>\n"
  "  <stage id=\"stage-1\"><step id=\"step-1\"/></stage>\n"
  "  <lane id=\"lane-1\" kind=\"text\"/>\n"
  "  <card id=\"card-1\" kind=\"note\" lane=\"lane-1\" step=\"step-1\"><title>One</title></card>\n"
  "  <card id=\"card-2\" kind=\"note\" lane=\"lane-1\" step=\"step-1\"><title>Two</title></card>\n"
  "</journey-map>\n";

typedef struct
{
  char  *dir;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cjm-document-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "map.cjm", NULL);
  g_file_replace_contents (f->file, map_xml, strlen (map_xml), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }

  g_rmdir (f->dir);
  g_free (f->dir);
  g_clear_object (&f->file);
}

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

static CjmDocument *
load (GFile        *file,
      CjmOpenFlags  flags,
      GError      **error)
{
  Wait wait = { NULL, };
  g_autoptr(GAsyncResult) result = NULL;

  cjm_document_load_full_async (file, flags, NULL, wait_cb, &wait);
  result = wait_for (&wait);

  return cjm_document_load_finish (result, NULL, error);
}

static gboolean
save (CjmDocument   *document,
      GFile         *file,
      CjmSaveFlags   flags,
      GError       **error)
{
  Wait wait = { NULL, };
  g_autoptr(GAsyncResult) result = NULL;

  cjm_document_save_full_async (document, file, flags, NULL, wait_cb, &wait);
  result = wait_for (&wait);

  return cjm_document_save_finish (document, result, error);
}

static char *
read_file (GFile *file)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));

  return g_steal_pointer (&contents);
}

/* Writes @file as another app would: a new file renamed over it. */
static void
write_theirs (GFile      *file,
              const char *from,
              const char *to)
{
  g_autofree char *contents = read_file (file);
  g_autofree char *changed = NULL;
  g_auto(GStrv) parts = g_strsplit (contents, from, 2);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv (to, parts);
  g_file_replace_contents (file, changed, strlen (changed), NULL, FALSE,
                           G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
set_card_title (CjmDocument *document,
                const char  *id,
                const char  *title)
{
  CjmMap *map = cjm_document_get_map (document);

  cjm_history_break_merge (cjm_document_get_history (document));
  cjm_edit_set_string (cjm_document_get_history (document),
                       cjm_map_lookup (map, id), "title", title);
}

static const char *
card_title (CjmDocument *document,
            const char  *id)
{
  return cjm_card_get_title (cjm_map_lookup_typed (cjm_document_get_map (document), id, CJM_TYPE_CARD));
}

static void
test_edit_during_save (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  CjmHistory *history;
  g_autofree char *contents = NULL;
  Wait wait = { NULL, };

  document = load (f->file, CJM_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  history = cjm_document_get_history (document);

  set_card_title (document, "card-1", "Saved");
  cjm_document_save_async (document, NULL, NULL, wait_cb, &wait);
  g_assert_true (cjm_document_get_busy (document));

  /* Typed while the file is written: not in it. */
  cjm_edit_set_string (history, cjm_map_lookup (cjm_document_get_map (document), "card-1"),
                       "title", "Saved, then more");
  result = wait_for (&wait);
  g_assert_true (cjm_document_save_finish (document, result, &error));
  g_assert_no_error (error);

  contents = read_file (f->file);
  g_assert_nonnull (strstr (contents, "<title>Saved</title>"));
  g_assert_true (cjm_document_get_modified (document));

  /* Undoing the edit made meanwhile comes back to what was saved. */
  g_assert_true (cjm_history_undo (history));
  g_assert_cmpstr (card_title (document, "card-1"), ==, "Saved");
  g_assert_false (cjm_document_get_modified (document));
}

static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  document = load (f->file, CJM_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  set_card_title (document, "card-1", "Mine");
  write_theirs (f->file, "<title>Two</title>", "<title>2ne</title>");

  g_assert_false (save (document, NULL, CJM_SAVE_FLAGS_NONE, &error));
  g_assert_error (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_true (cjm_document_get_modified (document));
  g_assert_true (cjm_document_get_changed_on_disk (document));
  contents = read_file (f->file);
  g_assert_nonnull (strstr (contents, "<title>2ne</title>"));

  g_assert_true (save (document, NULL, CJM_SAVE_FLAGS_OVERWRITE, &error));
  g_assert_false (cjm_document_get_modified (document));
  g_assert_false (cjm_document_get_changed_on_disk (document));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
count_changed_cb (gpointer  instance,
                  gboolean  deleted,
                  guint    *count)
{
  (*count)++;
}

static void
wait_for_count (guint *count,
                guint  expected)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (*count < expected && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);

  g_assert_cmpuint (*count, ==, expected);
}

static void
test_reload_by_itself (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CjmHistory *history;
  guint reloaded = 0;
  guint changed = 0;

  document = load (f->file, CJM_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  history = cjm_document_get_history (document);
  g_signal_connect (document, "reloaded", G_CALLBACK (count_cb), &reloaded);
  g_signal_connect (document, "changed-on-disk", G_CALLBACK (count_changed_cb), &changed);

  /* Nothing unsaved: their version is taken... */
  write_theirs (f->file, "<title>One</title>", "<title>Theirs</title>");
  wait_for_count (&reloaded, 1);
  g_assert_cmpstr (card_title (document, "card-1"), ==, "Theirs");
  g_assert_false (cjm_document_get_modified (document));

  /* ...as a step undo takes back. */
  g_assert_cmpstr (cjm_history_get_undo_label (history), ==, "Reload");
  g_assert_true (cjm_history_undo (history));
  g_assert_cmpstr (card_title (document, "card-1"), ==, "One");
  g_assert_true (cjm_document_get_modified (document));
  g_assert_true (cjm_history_redo (history));
  g_assert_false (cjm_document_get_modified (document));

  /* With unsaved changes: told, not reloaded. */
  set_card_title (document, "card-2", "Mine");
  write_theirs (f->file, "<title>Theirs</title>", "<title>Theirs again</title>");
  wait_for_count (&changed, 1);
  g_assert_cmpuint (reloaded, ==, 1);
  g_assert_true (cjm_document_get_changed_on_disk (document));
  g_assert_cmpstr (card_title (document, "card-2"), ==, "Mine");

  /* Reloading when asked discards mine, undoably too. */
  {
    Wait wait = { NULL, };
    g_autoptr(GAsyncResult) result = NULL;

    cjm_document_reload_async (document, NULL, wait_cb, &wait);
    result = wait_for (&wait);
    g_assert_true (cjm_document_reload_finish (document, result, &error));
  }
  g_assert_cmpstr (card_title (document, "card-1"), ==, "Theirs again");
  g_assert_cmpstr (card_title (document, "card-2"), ==, "Two");
  g_assert_false (cjm_document_get_changed_on_disk (document));
  g_assert_true (cjm_history_undo (history));
  g_assert_cmpstr (card_title (document, "card-2"), ==, "Mine");
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(CjmMerge) merge = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  CjmHistory *history;
  Wait wait = { NULL, };

  document = load (f->file, CJM_OPEN_FLAGS_NONE, &error);
  history = cjm_document_get_history (document);
  set_card_title (document, "card-1", "Mine");
  write_theirs (f->file, "<title>Two</title>", "<title>Theirs</title>");

  cjm_document_merge_async (document, NULL, wait_cb, &wait);
  result = wait_for (&wait);
  merge = cjm_document_merge_finish (document, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cjm_merge_get_n_conflicts (merge), ==, 0);

  g_assert_true (cjm_document_apply_merge (document, merge, NULL));
  g_assert_cmpstr (card_title (document, "card-1"), ==, "Mine");
  g_assert_cmpstr (card_title (document, "card-2"), ==, "Theirs");
  g_assert_cmpstr (cjm_history_get_undo_label (history), ==, "Merge Changes");
  g_assert_true (cjm_document_get_modified (document));

  /* The file's version is the base now: saving is no conflict. */
  g_assert_true (save (document, NULL, CJM_SAVE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  contents = read_file (f->file);
  g_assert_nonnull (strstr (contents, "<title>Mine</title>"));
  g_assert_nonnull (strstr (contents, "<title>Theirs</title>"));

  /* Undo takes the merge back whole. */
  g_assert_true (cjm_history_undo (history));
  g_assert_cmpstr (card_title (document, "card-2"), ==, "Two");
  g_assert_cmpstr (card_title (document, "card-1"), ==, "Mine");
}

static void
test_locks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CjmDocument) first = NULL;
  g_autoptr(CjmDocument) second = NULL;
  g_autoptr(CjmDocument) viewer = NULL;
  g_autoptr(GFile) lock_file = cjm_lock_get_lock_file (f->file);
  g_autoptr(GFile) copy = g_file_new_build_filename (f->dir, "copy.cjm", NULL);
  g_autoptr(GFile) copy_lock = cjm_lock_get_lock_file (copy);
  g_autoptr(GError) error = NULL;

  first = load (f->file, CJM_OPEN_FLAGS_NONE, &error);
  g_assert_true (cjm_document_get_lock_held (first));
  g_assert_true (g_file_query_exists (lock_file, NULL));

  second = load (f->file, CJM_OPEN_FLAGS_NONE, &error);
  g_assert_null (second);
  g_assert_error (error, CJM_LOCK_ERROR, CJM_LOCK_ERROR_LOCKED);
  g_assert_true (g_str_has_prefix (error->message, "Being edited by "));
  g_clear_error (&error);

  second = load (f->file, CJM_OPEN_FLAGS_IGNORE_LOCK, &error);
  g_assert_no_error (error);
  g_assert_false (cjm_document_get_lock_held (second));
  g_assert_nonnull (cjm_document_get_lock_owner (second));
  g_assert_false (cjm_document_get_read_only (second));

  /* Read-only: no lock, no saving over the file; a copy elsewhere is fine. */
  viewer = load (f->file, CJM_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_true (cjm_document_get_read_only (viewer));
  g_assert_false (cjm_document_get_lock_held (viewer));
  set_card_title (viewer, "card-1", "Viewer");
  g_assert_false (save (viewer, NULL, CJM_SAVE_FLAGS_NONE, &error));
  g_assert_error (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (cjm_document_get_modified (viewer));
  g_assert_true (save (viewer, copy, CJM_SAVE_FLAGS_NONE, &error));
  g_assert_false (cjm_document_get_read_only (viewer));
  g_assert_true (cjm_document_get_lock_held (viewer));
  g_assert_true (g_file_equal (cjm_document_get_file (viewer), copy));
  g_assert_true (g_file_query_exists (copy_lock, NULL));

  /* Saving over a map someone edits, as another file: refused unless told. */
  g_assert_false (save (second, copy, CJM_SAVE_FLAGS_NONE, &error));
  g_assert_error (error, CJM_LOCK_ERROR, CJM_LOCK_ERROR_LOCKED);
  g_clear_error (&error);

  /* Closing removes the lock; the other can take it. */
  cjm_document_close (first);
  g_assert_false (g_file_query_exists (lock_file, NULL));
  cjm_document_close (viewer);
  g_assert_false (g_file_query_exists (copy_lock, NULL));
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_autofree char *state = g_dir_make_tmp ("cjm-state-XXXXXX", NULL);

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cjm/Document/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("edit-during-save", test_edit_during_save);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("reload-by-itself", test_reload_by_itself);
  ADD ("merge", test_merge);
  ADD ("locks", test_locks);

#undef ADD

  status = g_test_run ();
  test_util_remove_tree (state);

  return status;
}
