/* test-save.c: saving files safely, and knowing when someone else did
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cjm-core.h"

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

  f->dir = g_dir_make_tmp ("cjm-save-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "map.cjm", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, "standard::name",
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFileInfo *info;

  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autofree char *path = g_build_filename (f->dir, g_file_info_get_name (info), NULL);

      g_unlink (path);
      g_object_unref (info);
    }

  g_rmdir (f->dir);
  g_free (f->dir);
  g_clear_object (&f->file);
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
write_file (GFile      *file,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
read_file (GFile *file)
{
  g_autofree char *contents = NULL;

  if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL))
    return NULL;

  return g_steal_pointer (&contents);
}

/* The names in the folder, sorted, joined by spaces. */
static char *
list_dir (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = bytes_of ("first");
  g_autoptr(CjmFileState) state = NULL;
  g_autoptr(CjmFileState) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;

  state = cjm_save_bytes (f->file, bytes, NULL, CJM_SAVE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (state->exists);
  g_assert_cmpint (state->size, ==, 5);
  g_assert_nonnull (state->etag);
  {
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "first", -1);

    g_assert_cmpstr (state->hash, ==, hash);
  }

  contents = read_file (f->file);
  g_assert_cmpstr (contents, ==, "first");

  /* What was written is what is read. */
  read = cjm_file_state_query (f->file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cjm_file_state_same_content (read, state));
  g_assert_true (cjm_file_state_same_metadata (read, state));

  /* No temporary file, no backup. */
  names = list_dir (f);
  g_assert_cmpstr (names, ==, "map.cjm");
}

static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) first = bytes_of ("first");
  g_autoptr(GBytes) second = bytes_of ("second version");
  g_autoptr(CjmFileState) state = NULL;
  g_autoptr(CjmFileState) state2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  g_autofree char *path = g_file_get_path (f->file);
  struct stat st;

  state = cjm_save_bytes (f->file, first, NULL, CJM_SAVE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);

  /* A map shared with a group stays writable by the group. */
  g_assert_cmpint (g_chmod (path, 0664), ==, 0);

  state2 = cjm_save_bytes (f->file, second, state, CJM_SAVE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cjm_file_state_same_content (state, state2));

  contents = read_file (f->file);
  g_assert_cmpstr (contents, ==, "second version");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0664);

  names = list_dir (f);
  g_assert_cmpstr (names, ==, "map.cjm");
}

static void
test_changed_same_second (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) mine = bytes_of ("mine, longer");
  g_autoptr(CjmFileState) state = NULL;
  g_autoptr(CjmFileState) after = NULL;
  g_autoptr(CjmFileState) nothing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;

  write_file (f->file, "abcdef");
  state = cjm_file_state_query (f->file, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Someone rewrites it with the same size, and the same time to the
   * microsecond (as whole-second etags make it look): only the hash tells. */
  write_file (f->file, "ABCDEF");
  g_assert_true (g_file_set_attribute_uint64 (f->file, G_FILE_ATTRIBUTE_TIME_MODIFIED, state->mtime,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
  g_assert_true (g_file_set_attribute_uint32 (f->file, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                              state->mtime_usec, G_FILE_QUERY_INFO_NONE, NULL, NULL));
  after = cjm_file_state_query (f->file, NULL, NULL, &error);
  g_assert_cmpint (after->size, ==, state->size);
  g_assert_cmpuint (after->mtime, ==, state->mtime);
  g_assert_false (cjm_file_state_same_content (after, state));

  nothing = cjm_save_bytes (f->file, mine, state, CJM_SAVE_FLAGS_NONE, NULL, &error);
  g_assert_null (nothing);
  g_assert_error (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "“map.cjm” was changed on the drive"));
  g_clear_error (&error);

  /* Theirs is intact, nothing left beside it. */
  contents = read_file (f->file);
  g_assert_cmpstr (contents, ==, "ABCDEF");
  names = list_dir (f);
  g_assert_cmpstr (names, ==, "map.cjm");

  /* Told to overwrite: done. */
  g_clear_pointer (&after, cjm_file_state_free);
  after = cjm_save_bytes (f->file, mine, state, CJM_SAVE_FLAGS_OVERWRITE, NULL, &error);
  g_assert_no_error (error);
  g_free (contents);
  contents = read_file (f->file);
  g_assert_cmpstr (contents, ==, "mine, longer");
}

static void
test_touched_not_changed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) mine = bytes_of ("mine");
  g_autoptr(CjmFileState) state = NULL;
  g_autoptr(CjmFileState) saved = NULL;
  g_autoptr(GError) error = NULL;

  write_file (f->file, "abcdef");
  state = cjm_file_state_query (f->file, NULL, NULL, &error);

  /* Written again with the same bytes (a sync tool): the time changed, the
   * map did not. Not a conflict. */
  g_usleep (10000);
  write_file (f->file, "abcdef");
  saved = cjm_save_bytes (f->file, mine, state, CJM_SAVE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
}

static void
test_deleted (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) mine = bytes_of ("mine");
  g_autoptr(CjmFileState) state = NULL;
  g_autoptr(CjmFileState) saved = NULL;
  g_autoptr(GError) error = NULL;

  write_file (f->file, "abcdef");
  state = cjm_file_state_query (f->file, NULL, NULL, &error);
  g_assert_true (g_file_delete (f->file, NULL, NULL));

  saved = cjm_save_bytes (f->file, mine, state, CJM_SAVE_FLAGS_NONE, NULL, &error);
  g_assert_error (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_DELETED_ON_DISK);
  g_assert_false (g_file_query_exists (f->file, NULL));
  g_clear_error (&error);

  saved = cjm_save_bytes (f->file, mine, state, CJM_SAVE_FLAGS_OVERWRITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (f->file, NULL));
}

static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GFile) real = g_file_new_build_filename (f->dir, "real.cjm", NULL);
  g_autoptr(GBytes) mine = bytes_of ("through the link");
  g_autoptr(CjmFileState) saved = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  write_file (real, "real");
  g_assert_true (g_file_make_symbolic_link (f->file, "real.cjm", NULL, &error));

  saved = cjm_save_bytes (f->file, mine, NULL, CJM_SAVE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);

  /* The file the link points to is saved; the link stays a link. */
  contents = read_file (real);
  g_assert_cmpstr (contents, ==, "through the link");
  info = g_file_query_info (f->file, G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  g_assert_true (g_file_info_get_is_symlink (info));
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_build_filename (f->dir, "gone", "map.cjm", NULL);
  g_autoptr(GBytes) mine = bytes_of ("mine");
  g_autoptr(CjmFileState) saved = NULL;
  g_autoptr(GError) error = NULL;

  /* A folder that is gone, as a drive that went away. */
  saved = cjm_save_bytes (file, mine, NULL, CJM_SAVE_FLAGS_NONE, NULL, &error);
  g_assert_null (saved);
  g_assert_error (error, CJM_SAVE_ERROR, CJM_SAVE_ERROR_NOT_REACHABLE);
  g_assert_nonnull (strstr (error->message, "cannot be reached"));
  g_assert_nonnull (strstr (error->message, "The file on the drive was not changed."));
}

static void
test_backup_name (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/maps/journey.cjm");
  g_autoptr(GFile) backup = cjm_save_get_backup_file (file);
  g_autoptr(GFile) lock = cjm_lock_get_lock_file (file);

  g_assert_cmpstr (g_file_peek_path (backup), ==, "/maps/.journey.cjm.bak");
  g_assert_cmpstr (g_file_peek_path (lock), ==, "/maps/.~lock.journey.cjm#");
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  CjmFileState **state = user_data;
  g_autoptr(GError) error = NULL;

  *state = cjm_save_bytes_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GBytes) mine = bytes_of ("async");
  CjmFileState *state = NULL;
  g_autofree char *contents = NULL;

  cjm_save_bytes_async (f->file, mine, NULL, CJM_SAVE_FLAGS_NONE, NULL, save_cb, &state);
  while (state == NULL)
    g_main_context_iteration (NULL, TRUE);

  contents = read_file (f->file);
  g_assert_cmpstr (contents, ==, "async");
  cjm_file_state_free (state);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cjm/Save/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("new-file", test_new_file);
  ADD ("replace", test_replace);
  ADD ("changed-same-second", test_changed_same_second);
  ADD ("touched-not-changed", test_touched_not_changed);
  ADD ("deleted", test_deleted);
  ADD ("symlink", test_symlink);
  ADD ("missing-folder", test_missing_folder);
  ADD ("async", test_async);

#undef ADD

  g_test_add_func ("/Cjm/Save/backup-name", test_backup_name);

  return g_test_run ();
}
