/* test-lock.c: lock files saying who edits a map
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cjm-core.h"

typedef struct
{
  char  *dir;
  GFile *file;
  GFile *lock_file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cjm-lock-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "map.cjm", NULL);
  f->lock_file = cjm_lock_get_lock_file (f->file);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_file_delete (f->lock_file, NULL, NULL);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_clear_object (&f->file);
  g_clear_object (&f->lock_file);
}

static void
write_lock (Fixture    *f,
            const char *host,
            gint64      pid,
            guint64     pid_start,
            const char *refreshed)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  text = g_strdup_printf ("[Lock]\nUser=marc\nRealName=Marc Durand\nHost=%s\nPid=%" G_GINT64_FORMAT "\n"
                          "PidStart=%" G_GUINT64_FORMAT "\nSince=2026-11-24T08:00:00Z\n"
                          "Refreshed=%s\nToken=theirs\n",
                          host, pid, pid_start, refreshed);
  g_file_replace_contents (f->lock_file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

static void
test_info (void)
{
  g_autoptr(CjmLockInfo) mine = cjm_lock_info_new_for_self ();
  g_autoptr(GBytes) bytes = cjm_lock_info_to_bytes (mine);
  g_autoptr(CjmLockInfo) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (mine->pid, ==, getpid ());
  g_assert_cmpstr (mine->host, ==, g_get_host_name ());
  g_assert_true (cjm_lock_info_is_process_alive (mine));
  g_assert_false (cjm_lock_info_is_stale (mine, 60));

  parsed = cjm_lock_info_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parsed->user, ==, mine->user);
  g_assert_cmpstr (parsed->token, ==, mine->token);
  g_assert_cmpint (parsed->pid, ==, mine->pid);
  g_assert_cmpuint (parsed->pid_start, ==, mine->pid_start);
  g_assert_true (g_date_time_equal (parsed->since, mine->since));

  message = cjm_lock_info_dup_message (parsed);
  expected = g_strdup_printf ("Being edited by %s on %s since ", cjm_lock_info_get_name (mine), mine->host);
  g_assert_true (g_str_has_prefix (message, expected));

  /* Not a lock. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_static ("hello", 5);
  g_assert_null (cjm_lock_info_parse (bytes, NULL));
}

static void
test_exclusive (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CjmLock) first = cjm_lock_new (f->file);
  g_autoptr(CjmLock) second = cjm_lock_new (f->file);
  g_autoptr(CjmLockInfo) owner = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cjm_lock_acquire (first, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cjm_lock_get_held (first));
  g_assert_true (g_file_query_exists (f->lock_file, NULL));

  owner = cjm_lock_query_owner (f->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (owner->pid, ==, getpid ());

  /* Another holder, even in this process, is refused and told who. */
  g_assert_false (cjm_lock_acquire (second, NULL, &error));
  g_assert_error (error, CJM_LOCK_ERROR, CJM_LOCK_ERROR_LOCKED);
  g_assert_true (g_str_has_prefix (error->message, "Being edited by "));
  g_assert_false (cjm_lock_get_held (second));
  g_assert_nonnull (cjm_lock_get_owner (second));
  g_assert_cmpstr (cjm_lock_get_owner (second)->token, ==, owner->token);
  g_clear_error (&error);

  /* Taking it again is fine. */
  g_assert_true (cjm_lock_acquire (first, NULL, &error));

  /* Releasing someone else's lock leaves it. */
  cjm_lock_release (second);
  g_assert_true (g_file_query_exists (f->lock_file, NULL));
  cjm_lock_release (first);
  g_assert_false (g_file_query_exists (f->lock_file, NULL));
  g_assert_false (cjm_lock_get_held (first));
}

static gint64
dead_pid (void)
{
  pid_t pid = fork ();

  if (pid == 0)
    _exit (0);

  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);

  return pid;
}

static void
test_stale_dead_process (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CjmLock) lock = cjm_lock_new (f->file);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = now_iso8601 ();

  /* A crash on this computer: the process is gone. */
  write_lock (f, g_get_host_name (), dead_pid (), 0, now);
  g_assert_true (cjm_lock_acquire (lock, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cjm_lock_get_held (lock));
  cjm_lock_release (lock);
}

static void
test_stale_reused_pid (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CjmLock) lock = cjm_lock_new (f->file);
  g_autoptr(CjmLockInfo) mine = cjm_lock_info_new_for_self ();
  g_autoptr(GError) error = NULL;
  g_autofree char *now = now_iso8601 ();

  /* The pid runs, but it is another process than the one that locked. */
  /* Linux has /proc: the start time of a process is known. */
  g_assert_cmpuint (mine->pid_start, !=, 0);

  write_lock (f, g_get_host_name (), getpid (), mine->pid_start + 1, now);
  g_assert_true (cjm_lock_acquire (lock, NULL, &error));
  g_assert_true (cjm_lock_get_held (lock));
  cjm_lock_release (lock);

  /* The same process: not stale. */
  write_lock (f, g_get_host_name (), getpid (), mine->pid_start, now);
  g_assert_false (cjm_lock_acquire (lock, NULL, &error));
  g_assert_error (error, CJM_LOCK_ERROR, CJM_LOCK_ERROR_LOCKED);
}

static void
test_stale_age (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CjmLock) lock = cjm_lock_new (f->file);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = now_iso8601 ();

  /* Another computer, refreshed just now: locked. */
  write_lock (f, "laptop-marc", 1234, 0, now);
  g_assert_false (cjm_lock_acquire (lock, NULL, &error));
  g_assert_error (error, CJM_LOCK_ERROR, CJM_LOCK_ERROR_LOCKED);
  g_assert_true (g_str_has_prefix (error->message, "Being edited by Marc Durand on laptop-marc since "));
  g_clear_error (&error);

  /* Not refreshed for a day: stale. */
  write_lock (f, "laptop-marc", 1234, 0, "2026-11-23T08:00:00Z");
  g_assert_true (cjm_lock_acquire (lock, NULL, &error));
  g_assert_true (cjm_lock_get_held (lock));
  cjm_lock_release (lock);

  /* Or for longer than asked. */
  cjm_lock_set_stale_age (lock, 0);
  write_lock (f, "laptop-marc", 1234, 0, now);
  g_usleep (1100 * 1000);
  g_assert_true (cjm_lock_acquire (lock, NULL, &error));
  cjm_lock_release (lock);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (cjm_lock_refresh_finish (CJM_LOCK (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
refresh (CjmLock *lock)
{
  gboolean done = FALSE;

  cjm_lock_refresh_async (lock, NULL, refresh_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CjmLock) lock = cjm_lock_new (f->file);
  g_autoptr(CjmLockInfo) before = NULL;
  g_autoptr(CjmLockInfo) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = now_iso8601 ();

  g_assert_true (cjm_lock_acquire (lock, NULL, &error));
  before = cjm_lock_query_owner (f->file, NULL, NULL);
  g_usleep (1100 * 1000);
  refresh (lock);
  after = cjm_lock_query_owner (f->file, NULL, NULL);
  g_assert_cmpstr (after->token, ==, before->token);
  g_assert_true (g_date_time_compare (after->refreshed, before->refreshed) > 0);
  g_assert_true (g_date_time_equal (after->since, before->since));
  g_assert_true (cjm_lock_get_held (lock));

  /* Someone took it (found it stale): lost, and who has it is known. */
  write_lock (f, "laptop-marc", 1234, 0, now);
  refresh (lock);
  g_assert_false (cjm_lock_get_held (lock));
  g_assert_cmpstr (cjm_lock_get_owner (lock)->host, ==, "laptop-marc");

  /* They closed the map: taken back. */
  g_assert_true (g_file_delete (f->lock_file, NULL, NULL));
  refresh (lock);
  g_assert_true (cjm_lock_get_held (lock));
  g_assert_null (cjm_lock_get_owner (lock));

  cjm_lock_release (lock);
  g_assert_false (g_file_query_exists (f->lock_file, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cjm/Lock/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("exclusive", test_exclusive);
  ADD ("stale-dead-process", test_stale_dead_process);
  ADD ("stale-reused-pid", test_stale_reused_pid);
  ADD ("stale-age", test_stale_age);
  ADD ("refresh", test_refresh);

#undef ADD

  g_test_add_func ("/Cjm/Lock/info", test_info);

  return g_test_run ();
}
