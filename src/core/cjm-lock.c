/* cjm-lock.c: lock files saying who is editing a map
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-lock"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "cjm-file.h"
#include "cjm-lock.h"

/* While a map is open for editing, a small file beside it says who edits
 * it: ".~lock.NAME#", as LibreOffice does, so that people who share a
 * folder know the name. It is created exclusively (creating fails if it
 * exists, on local disks and through GVfs and Samba alike), so two people
 * opening the map at once cannot both take it.
 *
 * It is a key file:
 *
 *   [Lock]
 *   User=claire
 *   RealName=Claire Dupont
 *   Host=laptop-claire
 *   BootId=0d6a...
 *   Pid=4242
 *   PidStart=123456
 *   Since=2026-11-24T08:26:28Z
 *   Refreshed=2026-11-24T09:01:28Z
 *   Token=5e1c0a...
 *
 * The editing app rewrites it every CJM_LOCK_REFRESH_INTERVAL seconds. A
 * lock is stale, and is removed by whoever finds it, when its process is
 * gone (same host: the same boot and no such process, or another process
 * under that pid), or when it was not refreshed for CJM_LOCK_STALE_AGE
 * seconds (a crash on another machine, a drive pulled out). Nothing is
 * ever lost when a stale lock is taken wrongly (a laptop asleep for an
 * hour): saving still checks that nobody else saved meanwhile.
 */

#define LOCK_GROUP "Lock"
#define MAX_LOCK_FILE_SIZE (16 * 1024)
/* A lock file that cannot be read may be being written: it is stale only
 * once this old (seconds). */
#define UNREADABLE_STALE_AGE 30

G_DEFINE_QUARK (cjm-lock-error-quark, cjm_lock_error)
G_DEFINE_BOXED_TYPE (CjmLockInfo, cjm_lock_info, cjm_lock_info_copy, cjm_lock_info_free)

static char *
read_boot_id (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return NULL;

  return g_strdup (g_strstrip (contents));
}

/* When process @pid started, in clock ticks after boot, or 0. */
static guint64
read_process_start (gint64 pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/stat", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;

  /* The name, in parentheses, may hold spaces: start after it. Field 22,
   * the start time, is the 20th after it. */
  after_name = strrchr (contents, ')');
  if (after_name == NULL)
    return 0;

  fields = g_strsplit (after_name + 1, " ", 0);
  if (g_strv_length (fields) < 21)
    return 0;

  return g_ascii_strtoull (fields[20], NULL, 10);
}

/**
 * cjm_lock_info_new_for_self:
 *
 * Returns: (transfer full): a lock for this process, since now
 */
CjmLockInfo *
cjm_lock_info_new_for_self (void)
{
  CjmLockInfo *self = g_new0 (CjmLockInfo, 1);
  const char *real_name = g_get_real_name ();

  self->user = g_strdup (g_get_user_name ());
  if (real_name != NULL && real_name[0] != '\0' && strcmp (real_name, "Unknown") != 0)
    self->real_name = g_strdup (real_name);
  self->host = g_strdup (g_get_host_name ());
  self->boot_id = read_boot_id ();
  self->pid = getpid ();
  self->pid_start = read_process_start (self->pid);
  self->since = g_date_time_new_now_utc ();
  self->refreshed = g_date_time_ref (self->since);
  self->token = g_strdup_printf ("%08x%08x", g_random_int (), g_random_int ());

  return self;
}

CjmLockInfo *
cjm_lock_info_copy (const CjmLockInfo *self)
{
  CjmLockInfo *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (CjmLockInfo, 1);
  copy->user = g_strdup (self->user);
  copy->real_name = g_strdup (self->real_name);
  copy->host = g_strdup (self->host);
  copy->boot_id = g_strdup (self->boot_id);
  copy->pid = self->pid;
  copy->pid_start = self->pid_start;
  copy->since = self->since ? g_date_time_ref (self->since) : NULL;
  copy->refreshed = self->refreshed ? g_date_time_ref (self->refreshed) : NULL;
  copy->token = g_strdup (self->token);

  return copy;
}

void
cjm_lock_info_free (CjmLockInfo *self)
{
  if (self == NULL)
    return;

  g_free (self->user);
  g_free (self->real_name);
  g_free (self->host);
  g_free (self->boot_id);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->refreshed, g_date_time_unref);
  g_free (self->token);
  g_free (self);
}

static GDateTime *
get_date (GKeyFile   *key_file,
          const char *key)
{
  g_autofree char *text = g_key_file_get_string (key_file, LOCK_GROUP, key, NULL);

  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/**
 * cjm_lock_info_parse:
 * @bytes: the content of a lock file
 * @error: where to report a file that is not a lock
 *
 * Returns: (transfer full) (nullable): who holds the lock
 */
CjmLockInfo *
cjm_lock_info_parse (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(CjmLockInfo) self = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!g_key_file_load_from_data (key_file, data ? data : "", size, G_KEY_FILE_NONE, error))
    return NULL;

  self = g_new0 (CjmLockInfo, 1);
  self->user = g_key_file_get_string (key_file, LOCK_GROUP, "User", NULL);
  self->real_name = g_key_file_get_string (key_file, LOCK_GROUP, "RealName", NULL);
  self->host = g_key_file_get_string (key_file, LOCK_GROUP, "Host", NULL);
  self->boot_id = g_key_file_get_string (key_file, LOCK_GROUP, "BootId", NULL);
  self->pid = g_key_file_get_int64 (key_file, LOCK_GROUP, "Pid", NULL);
  self->pid_start = g_key_file_get_uint64 (key_file, LOCK_GROUP, "PidStart", NULL);
  self->since = get_date (key_file, "Since");
  self->refreshed = get_date (key_file, "Refreshed");
  self->token = g_key_file_get_string (key_file, LOCK_GROUP, "Token", NULL);

  if (self->user == NULL || self->host == NULL || self->token == NULL || self->since == NULL)
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                           "Not a lock file");
      return NULL;
    }

  if (self->refreshed == NULL)
    self->refreshed = g_date_time_ref (self->since);

  return g_steal_pointer (&self);
}

/**
 * cjm_lock_info_to_bytes:
 * @self: a #CjmLockInfo
 *
 * Returns: (transfer full): the content of its lock file
 */
GBytes *
cjm_lock_info_to_bytes (const CjmLockInfo *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *since = NULL;
  g_autofree char *refreshed = NULL;
  char *data;
  gsize size;

  g_return_val_if_fail (self != NULL, NULL);

  since = g_date_time_format_iso8601 (self->since);
  refreshed = g_date_time_format_iso8601 (self->refreshed ? self->refreshed : self->since);

  g_key_file_set_string (key_file, LOCK_GROUP, "User", self->user);
  if (self->real_name != NULL)
    g_key_file_set_string (key_file, LOCK_GROUP, "RealName", self->real_name);
  g_key_file_set_string (key_file, LOCK_GROUP, "Host", self->host);
  if (self->boot_id != NULL)
    g_key_file_set_string (key_file, LOCK_GROUP, "BootId", self->boot_id);
  g_key_file_set_int64 (key_file, LOCK_GROUP, "Pid", self->pid);
  g_key_file_set_uint64 (key_file, LOCK_GROUP, "PidStart", self->pid_start);
  g_key_file_set_string (key_file, LOCK_GROUP, "Since", since);
  g_key_file_set_string (key_file, LOCK_GROUP, "Refreshed", refreshed);
  g_key_file_set_string (key_file, LOCK_GROUP, "Token", self->token);

  data = g_key_file_to_data (key_file, &size, NULL);

  return g_bytes_new_take (data, size);
}

/**
 * cjm_lock_info_get_name:
 * @self: a #CjmLockInfo
 *
 * Returns: the name of who holds the lock: their real name, else their
 *   user name
 */
const char *
cjm_lock_info_get_name (const CjmLockInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->real_name != NULL ? self->real_name : self->user;
}

/**
 * cjm_lock_info_dup_message:
 * @self: a #CjmLockInfo
 *
 * Returns: (transfer full): "Being edited by NAME on HOST since TIME"
 */
char *
cjm_lock_info_dup_message (const CjmLockInfo *self)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  local = g_date_time_to_local (self->since);
  now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: a time today, see the strftime manual */
    time = g_date_time_format (local, _("%H:%M"));
  else
    /* Translators: a date and time, see the strftime manual */
    time = g_date_time_format (local, _("%x %H:%M"));

  /* Translators: who, on which computer, since when: "Being edited by
   * Claire Dupont on laptop-claire since 09:12" */
  return g_strdup_printf (_("Being edited by %s on %s since %s"),
                          cjm_lock_info_get_name (self), self->host, time);
}

/**
 * cjm_lock_info_is_process_alive:
 * @self: a #CjmLockInfo
 *
 * Returns: %FALSE if the process that took the lock is known to be gone:
 *   it ran on this host, and the host was restarted since, or no process
 *   with its pid (and start time) runs; %TRUE otherwise
 */
gboolean
cjm_lock_info_is_process_alive (const CjmLockInfo *self)
{
  g_autofree char *boot_id = NULL;
  guint64 start;

  g_return_val_if_fail (self != NULL, TRUE);

  /* Another machine's processes cannot be seen from here. */
  if (g_strcmp0 (self->host, g_get_host_name ()) != 0)
    return TRUE;

  boot_id = read_boot_id ();
  if (self->boot_id != NULL && boot_id != NULL && strcmp (self->boot_id, boot_id) != 0)
    return FALSE;

  if (self->pid <= 0 || self->pid > G_MAXINT)
    return FALSE;

  if (kill ((pid_t)self->pid, 0) != 0 && errno == ESRCH)
    return FALSE;

  /* A pid used again by another process since. */
  start = read_process_start (self->pid);
  if (self->pid_start != 0 && start != 0 && start != self->pid_start)
    return FALSE;

  return TRUE;
}

/**
 * cjm_lock_info_is_stale:
 * @self: a #CjmLockInfo
 * @stale_age: after how many seconds without refresh a lock is stale
 *
 * Returns: %TRUE if the lock can be taken from its holder: their process
 *   is gone, or the lock was not refreshed for @stale_age seconds
 */
gboolean
cjm_lock_info_is_stale (const CjmLockInfo *self,
                        guint              stale_age)
{
  g_autoptr(GDateTime) now = NULL;
  GDateTime *last;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!cjm_lock_info_is_process_alive (self))
    return TRUE;

  now = g_date_time_new_now_utc ();
  last = self->refreshed ? self->refreshed : self->since;

  return g_date_time_difference (now, last) > (GTimeSpan)stale_age * G_TIME_SPAN_SECOND;
}

/**
 * cjm_lock_get_lock_file:
 * @file: a map file
 *
 * Returns: (transfer full): its lock file, ".~lock.NAME#" beside it
 */
GFile *
cjm_lock_get_lock_file (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parent = g_file_get_parent (file);
  basename = g_file_get_basename (file);
  name = g_strdup_printf (".~lock.%s#", basename);

  return g_file_get_child (parent, name);
}

static GBytes *
read_lock_file (GFile         *lock_file,
                GCancellable  *cancellable,
                GError       **error)
{
  return cjm_file_read_bytes (lock_file, MAX_LOCK_FILE_SIZE, cancellable, error);
}

/**
 * cjm_lock_query_owner:
 * @file: a map file
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report a failure
 *
 * Returns: (transfer full) (nullable): who holds the lock of @file, or
 *   %NULL (with no error) if nobody does
 */
CjmLockInfo *
cjm_lock_query_owner (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFile) lock_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  lock_file = cjm_lock_get_lock_file (file);
  bytes = read_lock_file (lock_file, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return cjm_lock_info_parse (bytes, error);
}

/* Whether an unreadable lock file is old enough to be given up on. */
static gboolean
lock_file_is_old (GFile        *lock_file,
                  GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint64 mtime;

  info = g_file_query_info (lock_file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL)
    return FALSE;

  mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);

  return g_date_time_to_unix (now) - (gint64)mtime > UNREADABLE_STALE_AGE;
}

static gboolean
write_new_lock (GFile         *lock_file,
                GBytes        *bytes,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  /* Fails if the file exists: two people cannot both take the lock. */
  stream = g_file_create (lock_file, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, size, NULL, cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      g_file_delete (lock_file, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

typedef enum
{
  ACQUIRED,        /* the lock is ours */
  LOCKED,          /* someone else holds it: *owner says who */
  NOT_LOCKABLE,    /* no lock can be made there (read-only folder...) */
  FAILED,          /* an error, cancellation included */
} AcquireResult;

/* Takes the lock for @mine, removing a stale one. Needs nothing of a
 * CjmLock: runs in any thread. */
static AcquireResult
try_acquire (GFile         *lock_file,
             CjmLockInfo   *mine,
             guint          stale_age,
             CjmLockInfo  **owner,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GBytes) bytes = cjm_lock_info_to_bytes (mine);

  *owner = NULL;

  for (guint attempt = 0; attempt < 4; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) found = NULL;
      g_autoptr(CjmLockInfo) holder = NULL;
      gboolean stale;

      if (write_new_lock (lock_file, bytes, cancellable, &local_error))
        return ACQUIRED;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FAILED;
        }

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_debug ("No lock file can be made: %s", local_error->message);
          return NOT_LOCKABLE;
        }

      g_clear_error (&local_error);
      found = read_lock_file (lock_file, cancellable, &local_error);
      if (found == NULL)
        {
          /* Removed meanwhile: try again. */
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FAILED;
        }

      holder = cjm_lock_info_parse (found, NULL);
      if (holder != NULL && g_strcmp0 (holder->token, mine->token) == 0)
        return ACQUIRED;

      if (holder != NULL)
        stale = cjm_lock_info_is_stale (holder, stale_age);
      else
        stale = lock_file_is_old (lock_file, cancellable);

      if (!stale)
        {
          if (holder == NULL)
            {
              /* Being written this very moment, or garbage: someone. */
              holder = g_new0 (CjmLockInfo, 1);
              holder->user = g_strdup (_("someone else"));
              holder->host = g_strdup (_("another computer"));
              holder->since = g_date_time_new_now_utc ();
              holder->token = g_strdup ("");
            }

          *owner = g_steal_pointer (&holder);
          return LOCKED;
        }

      g_debug ("Removing a stale lock file");
      if (!g_file_delete (lock_file, cancellable, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_debug ("A stale lock file cannot be removed: %s", local_error->message);
          return NOT_LOCKABLE;
        }
    }

  return NOT_LOCKABLE;
}

struct _CjmLock
{
  GObject       parent_instance;

  GFile        *file;
  GFile        *lock_file;
  CjmLockInfo  *mine;
  CjmLockInfo  *owner;
  GCancellable *cancellable;

  guint         stale_age;
  guint         refresh_id;

  /* Held by a refresh writing the lock file in a worker thread, and by
   * release: a refresh under way when the map is closed cannot write the
   * lock file again after it is removed. */
  GMutex        mutex;
  gboolean      released;

  guint         held : 1;
  guint         refreshing : 1;
};

G_DEFINE_FINAL_TYPE (CjmLock, cjm_lock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_HELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cjm_lock_dispose (GObject *object)
{
  CjmLock *self = (CjmLock *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  G_OBJECT_CLASS (cjm_lock_parent_class)->dispose (object);
}

static void
cjm_lock_finalize (GObject *object)
{
  CjmLock *self = (CjmLock *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->lock_file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->mine, cjm_lock_info_free);
  g_clear_pointer (&self->owner, cjm_lock_info_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (cjm_lock_parent_class)->finalize (object);
}

static void
cjm_lock_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CjmLock *self = CJM_LOCK (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_HELD:
      g_value_set_boolean (value, self->held);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_lock_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CjmLock *self = CJM_LOCK (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      self->lock_file = cjm_lock_get_lock_file (self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_lock_class_init (CjmLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cjm_lock_dispose;
  object_class->finalize = cjm_lock_finalize;
  object_class->get_property = cjm_lock_get_property;
  object_class->set_property = cjm_lock_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * CjmLock:held:
   *
   * Whether the lock file is ours. It can be lost (someone took a lock
   * they found stale) and taken again (the other closed the map).
   */
  properties[PROP_HELD] =
    g_param_spec_boolean ("held", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_lock_init (CjmLock *self)
{
  g_mutex_init (&self->mutex);
  self->mine = cjm_lock_info_new_for_self ();
  self->cancellable = g_cancellable_new ();
  self->stale_age = CJM_LOCK_STALE_AGE;
}

/**
 * cjm_lock_new:
 * @file: the map file to lock
 *
 * Returns: (transfer full): a lock, not taken yet
 */
CjmLock *
cjm_lock_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (CJM_TYPE_LOCK, "file", file, NULL);
}

/**
 * cjm_lock_get_file:
 * @self: a #CjmLock
 *
 * Returns: (transfer none): the map file locked
 */
GFile *
cjm_lock_get_file (CjmLock *self)
{
  g_return_val_if_fail (CJM_IS_LOCK (self), NULL);

  return self->file;
}

gboolean
cjm_lock_get_held (CjmLock *self)
{
  g_return_val_if_fail (CJM_IS_LOCK (self), FALSE);

  return self->held;
}

/**
 * cjm_lock_get_owner:
 * @self: a #CjmLock
 *
 * Returns: (nullable): who else holds the lock, as found last, or %NULL
 */
const CjmLockInfo *
cjm_lock_get_owner (CjmLock *self)
{
  g_return_val_if_fail (CJM_IS_LOCK (self), NULL);

  return self->owner;
}

/**
 * cjm_lock_set_stale_age:
 * @self: a #CjmLock
 * @seconds: after how long without refresh another's lock is stale
 */
void
cjm_lock_set_stale_age (CjmLock *self,
                        guint    seconds)
{
  g_return_if_fail (CJM_IS_LOCK (self));

  self->stale_age = seconds;
}

static void
set_held (CjmLock  *self,
          gboolean  held)
{
  held = !!held;

  if (self->held == held)
    return;

  self->held = held;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD]);
}

/**
 * cjm_lock_acquire:
 * @self: a #CjmLock
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report that someone else holds the lock
 *
 * Takes the lock, removing a stale one. Where no lock file can be made
 * (a read-only folder), there is nothing to take: that succeeds, and
 * #CjmLock:held stays %FALSE.
 *
 * Blocks: call it in a thread (before the lock is shared with the main
 * thread) or where a network drive cannot hang.
 *
 * Returns: %TRUE unless someone else holds the lock (%CJM_LOCK_ERROR_LOCKED,
 *   the message saying who, cjm_lock_get_owner() too) or it failed
 */
gboolean
cjm_lock_acquire (CjmLock       *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(CjmLockInfo) owner = NULL;

  g_return_val_if_fail (CJM_IS_LOCK (self), FALSE);

  switch (try_acquire (self->lock_file, self->mine, self->stale_age, &owner, cancellable, error))
    {
    case ACQUIRED:
      g_clear_pointer (&self->owner, cjm_lock_info_free);
      set_held (self, TRUE);
      return TRUE;

    case LOCKED:
      {
        g_autofree char *message = cjm_lock_info_dup_message (owner);

        g_clear_pointer (&self->owner, cjm_lock_info_free);
        self->owner = g_steal_pointer (&owner);
        set_held (self, FALSE);
        g_set_error (error, CJM_LOCK_ERROR, CJM_LOCK_ERROR_LOCKED, "%s", message);
        return FALSE;
      }

    case NOT_LOCKABLE:
      set_held (self, FALSE);
      return TRUE;

    case FAILED:
    default:
      return FALSE;
    }
}

typedef struct
{
  GFile       *lock_file;
  CjmLockInfo *mine;
  guint        stale_age;
  gboolean     held;
  /* Results */
  gboolean     now_held;
  CjmLockInfo *owner;
} RefreshData;

static void
refresh_data_free (gpointer data)
{
  RefreshData *refresh = data;

  g_clear_object (&refresh->lock_file);
  g_clear_pointer (&refresh->mine, cjm_lock_info_free);
  g_clear_pointer (&refresh->owner, cjm_lock_info_free);
  g_free (refresh);
}

/* Rewrites our lock file with the time now, atomically where the file
 * system allows. */
static gboolean
rewrite_lock (GFile         *lock_file,
              CjmLockInfo   *mine,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) bytes = cjm_lock_info_to_bytes (mine);
  g_autoptr(GFile) parent = g_file_get_parent (lock_file);
  g_autofree char *basename = g_file_get_basename (lock_file);
  g_autofree char *temp_name = g_strdup_printf ("%s.%s", basename, mine->token);
  g_autoptr(GFile) temp = g_file_get_child (parent, temp_name);
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  g_file_delete (temp, NULL, NULL);
  if (write_new_lock (temp, bytes, cancellable, NULL) &&
      g_file_move (temp, lock_file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                   cancellable, NULL, NULL, NULL))
    return TRUE;

  g_file_delete (temp, NULL, NULL);

  return g_file_replace_contents (lock_file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}

static void refresh_locked (GTask        *task,
                            RefreshData  *refresh,
                            GCancellable *cancellable);

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CjmLock *self = source_object;

  g_mutex_lock (&self->mutex);

  if (self->released)
    {
      g_mutex_unlock (&self->mutex);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Released");
      return;
    }

  refresh_locked (task, task_data, cancellable);
  g_mutex_unlock (&self->mutex);
}

static void
refresh_locked (GTask        *task,
                RefreshData  *refresh,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) found = NULL;
  g_autoptr(CjmLockInfo) holder = NULL;

  g_clear_pointer (&refresh->mine->refreshed, g_date_time_unref);
  refresh->mine->refreshed = g_date_time_new_now_utc ();

  if (refresh->held)
    {
      found = read_lock_file (refresh->lock_file, cancellable, &error);
      holder = found ? cjm_lock_info_parse (found, NULL) : NULL;

      if (holder != NULL && g_strcmp0 (holder->token, refresh->mine->token) == 0)
        {
          if (!rewrite_lock (refresh->lock_file, refresh->mine, cancellable, &error))
            g_debug ("The lock file could not be refreshed: %s", error->message);
          refresh->now_held = TRUE;
          g_task_return_boolean (task, TRUE);
          return;
        }

      if (found == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          /* The drive is unreachable: keep believing it is ours. */
          refresh->now_held = TRUE;
          g_task_return_boolean (task, TRUE);
          return;
        }
    }

  /* Not ours (any more): take it if it is free or stale. */
  g_clear_error (&error);
  switch (try_acquire (refresh->lock_file, refresh->mine, refresh->stale_age,
                       &refresh->owner, cancellable, &error))
    {
    case ACQUIRED:
      refresh->now_held = TRUE;
      break;

    case LOCKED:
    case NOT_LOCKABLE:
      refresh->now_held = FALSE;
      break;

    case FAILED:
    default:
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * cjm_lock_refresh_async:
 * @self: a #CjmLock
 * @cancellable: (nullable): a #GCancellable
 * @callback: (nullable): called when done
 * @user_data: data for @callback
 *
 * Rewrites the lock file with the time now, so that others do not take it
 * for stale; if it is not ours (someone took it, or we opened the map
 * while another held it), takes it if it is free or stale.
 */
void
cjm_lock_refresh_async (CjmLock             *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RefreshData *refresh;

  g_return_if_fail (CJM_IS_LOCK (self));

  refresh = g_new0 (RefreshData, 1);
  refresh->lock_file = g_object_ref (self->lock_file);
  refresh->mine = cjm_lock_info_copy (self->mine);
  refresh->stale_age = self->stale_age;
  refresh->held = self->held;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cjm_lock_refresh_async);
  g_task_set_task_data (task, refresh, refresh_data_free);
  g_task_run_in_thread (task, refresh_thread);
}

/**
 * cjm_lock_refresh_finish:
 * @self: a #CjmLock
 * @result: the result given to the callback
 * @error: where to report a failure
 *
 * Updates #CjmLock:held.
 *
 * Returns: %TRUE if the lock could be looked at
 */
gboolean
cjm_lock_refresh_finish (CjmLock       *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  RefreshData *refresh;

  g_return_val_if_fail (CJM_IS_LOCK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->refreshing = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  refresh = g_task_get_task_data (G_TASK (result));

  /* Released meanwhile: the lock must stay released. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return TRUE;

  g_clear_pointer (&self->owner, cjm_lock_info_free);
  self->owner = g_steal_pointer (&refresh->owner);
  set_held (self, refresh->now_held);

  return TRUE;
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!cjm_lock_refresh_finish (CJM_LOCK (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Refreshing the lock failed: %s", error->message);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  CjmLock *self = user_data;

  if (!self->refreshing)
    {
      self->refreshing = TRUE;
      cjm_lock_refresh_async (self, self->cancellable, refresh_cb, NULL);
    }

  return G_SOURCE_CONTINUE;
}

/**
 * cjm_lock_start_refreshing:
 * @self: a #CjmLock
 * @interval: seconds between refreshes, 0 for %CJM_LOCK_REFRESH_INTERVAL
 *
 * Refreshes the lock (see cjm_lock_refresh_async()) every @interval
 * seconds from now on, until released.
 */
void
cjm_lock_start_refreshing (CjmLock *self,
                           guint    interval)
{
  g_return_if_fail (CJM_IS_LOCK (self));

  if (interval == 0)
    interval = CJM_LOCK_REFRESH_INTERVAL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add_seconds (interval, refresh_timeout_cb, self);
}

/**
 * cjm_lock_release:
 * @self: a #CjmLock
 *
 * Removes the lock file if it is still ours, and stops refreshing it.
 * Blocks for as long as deleting a file takes.
 */
void
cjm_lock_release (CjmLock *self)
{
  g_autoptr(GBytes) found = NULL;
  g_autoptr(CjmLockInfo) holder = NULL;

  g_return_if_fail (CJM_IS_LOCK (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);

  /* Waits for a refresh under way, which then writes no more. */
  g_mutex_lock (&self->mutex);
  self->released = TRUE;

  /* Ours if it has our token, whatever we believed: a refresh may just
   * have taken it, and not told the main thread yet. */
  found = read_lock_file (self->lock_file, NULL, NULL);
  holder = found ? cjm_lock_info_parse (found, NULL) : NULL;

  if (holder != NULL && g_strcmp0 (holder->token, self->mine->token) == 0)
    g_file_delete (self->lock_file, NULL, NULL);

  g_mutex_unlock (&self->mutex);

  set_held (self, FALSE);
}
