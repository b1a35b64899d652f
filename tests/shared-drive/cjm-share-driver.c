/* cjm-share-driver.c: a headless Journey Mapper for the shared-file tests
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens, edits and saves one map through CjmDocument, exactly as the
 * window does, without a display; the test scripts run several at once on
 * one file (on a local folder, a Samba share through GVfs, its FUSE path)
 * and tell each what to do on its standard input, one command a line:
 *
 *   open LOCATION [read-only|anyway]   open a map (a path or a URI)
 *   new                                an untitled map
 *   title TEXT                         set the map's title
 *   card-title ID TEXT                 set a card's title
 *   add-card LANE STEP TITLE           add a card; answers its id
 *   delete ID                          delete an element
 *   move-card ID LANE STEP POSITION    move a card
 *   undo | redo
 *   save [overwrite]                   save over the map's file
 *   save-as LOCATION [overwrite]       save elsewhere (the map's file then)
 *   reload                             reload from the file
 *   merge [mine|theirs]                merge the file's version in, conflicts picked
 *   wait-change SECONDS [EVENT]        until the document tells of a change
 *                                      (changed, deleted, reloaded, lock-taken...)
 *   forget-events                      forget the events told so far
 *   wait-autosave SECONDS              until the recovery file is written
 *   list-recovery                      the unsaved work of crashed processes
 *   restore-first                      reopen the newest of them
 *   get-title | get-card ID | status | state | dump
 *   disk-state                         what the file holds now, as the
 *                                      check before a save reads it
 *   close | quit
 *
 * Each command answers one line "ok ..." or "error KIND: message", maybe
 * after lines of details; what happens meanwhile is told as "event ...".
 * Options: --poll-ms N, --autosave S, --lock-refresh S, --lock-stale S.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>

#include "cjm-core.h"

typedef struct
{
  GMainLoop        *loop;
  GDataInputStream *input;
  CjmDocument      *document;
  GCancellable     *cancellable;

  guint             poll_ms;
  guint             autosave;
  guint             lock_refresh;
  guint             lock_stale;

  /* Waiting for an event of the document (any if "" ). */
  guint             wait_id;
  guint             autosave_poll_id;
  char             *waiting_for;
  /* The events since the last wait, each followed by a space. */
  GString          *events;
} Driver;

static void read_next (Driver *driver);

static void G_GNUC_PRINTF (1, 2)
reply (const char *format,
       ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static const char *
error_kind (const GError *error)
{
  if (error->domain == CJM_SAVE_ERROR)
    {
      switch ((CjmSaveError)error->code)
        {
        case CJM_SAVE_ERROR_CHANGED_ON_DISK: return "changed-on-disk";
        case CJM_SAVE_ERROR_DELETED_ON_DISK: return "deleted-on-disk";
        case CJM_SAVE_ERROR_READ_ONLY: return "read-only";
        case CJM_SAVE_ERROR_NO_SPACE: return "no-space";
        case CJM_SAVE_ERROR_PERMISSION_DENIED: return "permission-denied";
        case CJM_SAVE_ERROR_NOT_REACHABLE: return "not-reachable";
        case CJM_SAVE_ERROR_NOT_VERIFIED: return "not-verified";
        case CJM_SAVE_ERROR_FAILED: return "failed";
        default: return "save-error";
        }
    }

  if (g_error_matches (error, CJM_LOCK_ERROR, CJM_LOCK_ERROR_LOCKED))
    return "locked";

  if (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_NOT_FOUND)
    return "not-found";

  return "error";
}

static void
reply_error (const char   *what,
             const GError *error)
{
  reply ("error %s: %s: %s", error_kind (error), what, error->message);
}

static void
done (Driver *driver)
{
  read_next (driver);
}

static gboolean
events_match (Driver *driver)
{
  return driver->events->len > 0 &&
         (driver->waiting_for[0] == '\0' || strstr (driver->events->str, driver->waiting_for) != NULL);
}

static void
reply_events (Driver *driver)
{
  reply ("ok %.*s", (int)driver->events->len - 1, driver->events->str);
  g_string_truncate (driver->events, 0);
  g_clear_pointer (&driver->waiting_for, g_free);
}

static void
document_event_cb (Driver     *driver,
                   const char *event)
{
  reply ("event %s", event);
  g_string_append_printf (driver->events, "%s ", event);

  if (driver->waiting_for != NULL && events_match (driver))
    {
      g_clear_handle_id (&driver->wait_id, g_source_remove);
      reply_events (driver);
      done (driver);
    }
}

static void
changed_on_disk_cb (CjmDocument *document,
                    gboolean     deleted,
                    Driver      *driver)
{
  document_event_cb (driver, deleted ? "deleted" : "changed");
}

static void
reloaded_cb (CjmDocument *document,
             Driver      *driver)
{
  document_event_cb (driver, "reloaded");
}

static void
notify_lock_held_cb (CjmDocument *document,
                     GParamSpec  *pspec,
                     Driver      *driver)
{
  document_event_cb (driver, cjm_document_get_lock_held (document) ? "lock-taken" : "lock-lost");
}

static void
set_document (Driver      *driver,
              CjmDocument *document)
{
  if (driver->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (driver->document, driver);
      cjm_document_close (driver->document);
      g_clear_object (&driver->document);
    }

  if (document == NULL)
    return;

  driver->document = g_object_ref (document);
  cjm_document_set_autosave_interval (document, driver->autosave);
  cjm_document_set_lock_timing (document, driver->lock_refresh, driver->lock_stale);
  if (driver->poll_ms != 0)
    cjm_document_set_poll_interval (document, driver->poll_ms);

  g_signal_connect (document, "changed-on-disk", G_CALLBACK (changed_on_disk_cb), driver);
  g_signal_connect (document, "reloaded", G_CALLBACK (reloaded_cb), driver);
  g_signal_connect (document, "notify::lock-held", G_CALLBACK (notify_lock_held_cb), driver);
}

static char *
describe_state (const CjmFileState *state)
{
  if (state == NULL)
    return g_strdup ("unknown");

  return g_strdup_printf ("etag=%s size=%" G_GOFFSET_FORMAT " mtime=%" G_GUINT64_FORMAT ".%06u hash=%.12s",
                          state->etag ? state->etag : "-", state->size, state->mtime,
                          state->mtime_usec, state->hash ? state->hash : "-");
}

static void
reply_opened (Driver     *driver,
              const char *what)
{
  CjmDocument *document = driver->document;
  const CjmLockInfo *owner = cjm_document_get_lock_owner (document);
  g_autofree char *state = describe_state (cjm_document_get_disk_state (document));

  reply ("ok %s lock=%s read-only=%d polling=%d owner=%s %s", what,
         cjm_document_get_lock_held (document) ? "held" : "not-held",
         cjm_document_get_read_only (document),
         cjm_document_get_polling (document),
         owner ? cjm_lock_info_get_name (owner) : "-",
         state);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Driver *driver = user_data;
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  document = cjm_document_load_finish (result, &problems, &error);
  if (document == NULL)
    {
      reply_error ("open", error);
      done (driver);
      return;
    }

  set_document (driver, document);
  for (guint i = 0; i < problems->len; i++)
    reply ("problem %s", ((CjmProblem *)g_ptr_array_index (problems, i))->message);
  reply_opened (driver, "opened");
  done (driver);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Driver *driver = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  if (!cjm_document_save_finish (CJM_DOCUMENT (object), result, &error))
    {
      reply_error ("save", error);
      done (driver);
      return;
    }

  state = describe_state (cjm_document_get_disk_state (driver->document));
  reply ("ok saved modified=%d lock=%s %s", cjm_document_get_modified (driver->document),
         cjm_document_get_lock_held (driver->document) ? "held" : "not-held", state);
  done (driver);
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Driver *driver = user_data;
  g_autoptr(GError) error = NULL;

  if (!cjm_document_reload_finish (CJM_DOCUMENT (object), result, &error))
    reply_error ("reload", error);
  else
    reply ("ok reloaded title=%s", cjm_map_get_title (cjm_document_get_map (driver->document)));
  done (driver);
}

typedef struct
{
  Driver       *driver;
  CjmMergePick  pick;
} MergeData;

static void
merge_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autofree MergeData *data = user_data;
  Driver *driver = data->driver;
  g_autoptr(CjmMerge) merge = NULL;
  g_autoptr(GPtrArray) problems = cjm_problems_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  merge = cjm_document_merge_finish (CJM_DOCUMENT (object), result, &error);
  if (merge == NULL)
    {
      reply_error ("merge", error);
      done (driver);
      return;
    }

  n = cjm_merge_get_n_conflicts (merge);
  for (guint i = 0; i < n; i++)
    {
      CjmMergeConflict *conflict = cjm_merge_get_conflict (merge, i);
      g_autofree char *base = cjm_merge_conflict_dup_value_text (conflict, CJM_MERGE_SIDE_BASE);
      g_autofree char *mine = cjm_merge_conflict_dup_value_text (conflict, CJM_MERGE_SIDE_MINE);
      g_autofree char *theirs = cjm_merge_conflict_dup_value_text (conflict, CJM_MERGE_SIDE_THEIRS);

      reply ("conflict %s %s base=%s mine=%s theirs=%s",
             cjm_merge_conflict_get_element_id (conflict),
             cjm_merge_conflict_get_field (conflict) ? cjm_merge_conflict_get_field (conflict) : "(deleted)",
             base, mine, theirs);
      cjm_merge_conflict_set_pick (conflict, data->pick);
    }

  cjm_document_apply_merge (driver->document, merge, problems);
  for (guint i = 0; i < problems->len; i++)
    reply ("problem %s", ((CjmProblem *)g_ptr_array_index (problems, i))->message);

  reply ("ok merged conflicts=%u modified=%d", n, cjm_document_get_modified (driver->document));
  done (driver);
}

static gboolean
wait_timeout_cb (gpointer user_data)
{
  Driver *driver = user_data;

  driver->wait_id = 0;
  reply ("error timeout: nothing happened (events: %s)", driver->events->str);
  g_clear_pointer (&driver->waiting_for, g_free);
  done (driver);

  return G_SOURCE_REMOVE;
}

static gboolean
autosave_poll_cb (gpointer user_data)
{
  Driver *driver = user_data;
  g_autoptr(GFile) dir = cjm_recovery_get_dir ();
  g_autofree char *name = g_strconcat (cjm_document_get_recovery_id (driver->document), ".info", NULL);
  g_autoptr(GFile) info = g_file_get_child (dir, name);

  if (!g_file_query_exists (info, NULL))
    return G_SOURCE_CONTINUE;

  driver->autosave_poll_id = 0;
  g_clear_handle_id (&driver->wait_id, g_source_remove);
  reply ("ok autosaved %s", cjm_document_get_recovery_id (driver->document));
  done (driver);

  return G_SOURCE_REMOVE;
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  Driver *driver = user_data;

  driver->wait_id = 0;
  g_clear_handle_id (&driver->autosave_poll_id, g_source_remove);
  reply ("error timeout: no recovery file");
  done (driver);

  return G_SOURCE_REMOVE;
}

static CjmCardKind
card_kind_for_lane (CjmLaneKind kind)
{
  for (CjmCardKind card_kind = CJM_CARD_KIND_TOUCHPOINT; card_kind <= CJM_CARD_KIND_BACKSTAGE; card_kind++)
    if (cjm_card_kind_get_lane_kind (card_kind) == kind)
      return card_kind;

  return CJM_CARD_KIND_NOTE;
}

static CjmElement *
lookup (Driver     *driver,
        const char *id)
{
  return cjm_map_lookup (cjm_document_get_map (driver->document), id);
}

static gboolean
need_document (Driver *driver)
{
  if (driver->document != NULL)
    return TRUE;

  reply ("error usage: no map open");

  return FALSE;
}

static void
print_recovery (GPtrArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      CjmRecoveryEntry *entry = g_ptr_array_index (entries, i);

      reply ("recovery %s uri=%s title=%s", entry->id, entry->uri ? entry->uri : "untitled",
             entry->title ? entry->title : "");
    }
}

/* Runs one command; returns FALSE if it answers later. */
static gboolean
run_command (Driver  *driver,
             char   **argv)
{
  const char *command = argv[0];
  guint argc = g_strv_length (argv);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (command, "open") && argc >= 2)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);
      CjmOpenFlags flags = CJM_OPEN_FLAGS_NONE;

      if (argc >= 3 && g_str_equal (argv[2], "read-only"))
        flags |= CJM_OPEN_FLAGS_READ_ONLY;
      if (argc >= 3 && g_str_equal (argv[2], "anyway"))
        flags |= CJM_OPEN_FLAGS_IGNORE_LOCK;

      cjm_document_load_full_async (file, flags, driver->cancellable, load_cb, driver);
      return FALSE;
    }

  if (g_str_equal (command, "new"))
    {
      g_autoptr(CjmDocument) document = cjm_document_new (NULL, NULL);

      set_document (driver, document);
      reply ("ok new");
      return TRUE;
    }

  if (g_str_equal (command, "list-recovery"))
    {
      g_autoptr(GPtrArray) entries = cjm_recovery_list (NULL, &error);

      if (entries == NULL)
        {
          reply_error ("list-recovery", error);
          return TRUE;
        }

      print_recovery (entries);
      reply ("ok %u", entries->len);
      return TRUE;
    }

  if (g_str_equal (command, "restore-first"))
    {
      g_autoptr(GPtrArray) entries = cjm_recovery_list (NULL, &error);

      if (entries == NULL || entries->len == 0)
        {
          reply ("error not-found: nothing to restore");
          return TRUE;
        }

      cjm_document_restore_async (g_ptr_array_index (entries, 0), CJM_OPEN_FLAGS_NONE,
                                  driver->cancellable, load_cb, driver);
      return FALSE;
    }

  if (g_str_equal (command, "quit"))
    {
      set_document (driver, NULL);
      reply ("ok bye");
      g_main_loop_quit (driver->loop);
      return FALSE;
    }

  if (!need_document (driver))
    return TRUE;

  if (g_str_equal (command, "title") && argc >= 2)
    {
      g_autofree char *text = g_strjoinv (" ", argv + 1);

      cjm_edit_set_string (cjm_document_get_history (driver->document),
                           cjm_document_get_map (driver->document), "title", text);
      reply ("ok title");
    }
  else if (g_str_equal (command, "card-title") && argc >= 3)
    {
      CjmElement *card = lookup (driver, argv[1]);
      g_autofree char *text = g_strjoinv (" ", argv + 2);

      if (!CJM_IS_CARD (card))
        {
          reply ("error not-found: no card %s", argv[1]);
          return TRUE;
        }

      cjm_history_break_merge (cjm_document_get_history (driver->document));
      cjm_edit_set_string (cjm_document_get_history (driver->document), card, "title", text);
      reply ("ok card-title");
    }
  else if (g_str_equal (command, "add-card") && argc >= 4)
    {
      CjmLane *lane = cjm_map_lookup_typed (cjm_document_get_map (driver->document), argv[1],
                                            CJM_TYPE_LANE);
      g_autofree char *text = g_strjoinv (" ", argv + 3);
      CjmCard *card;

      if (lane == NULL)
        {
          reply ("error not-found: no lane %s", argv[1]);
          return TRUE;
        }

      card = cjm_edit_add_card (cjm_document_get_history (driver->document),
                                card_kind_for_lane (cjm_lane_get_kind (lane)),
                                argv[1], argv[2], -1, text, &error);
      if (card == NULL)
        reply_error ("add-card", error);
      else
        reply ("ok %s", cjm_element_get_id (CJM_ELEMENT (card)));
    }
  else if (g_str_equal (command, "move-card") && argc >= 5)
    {
      CjmElement *card = lookup (driver, argv[1]);

      if (!CJM_IS_CARD (card))
        reply ("error not-found: no card %s", argv[1]);
      else if (!cjm_edit_move_card (cjm_document_get_history (driver->document), CJM_CARD (card),
                                    argv[2], argv[3], atoi (argv[4]), &error))
        reply_error ("move-card", error);
      else
        reply ("ok moved");
    }
  else if (g_str_equal (command, "delete") && argc >= 2)
    {
      CjmElement *element = lookup (driver, argv[1]);
      g_autoptr(GPtrArray) elements = g_ptr_array_new ();

      if (element == NULL)
        {
          reply ("error not-found: no element %s", argv[1]);
          return TRUE;
        }

      g_ptr_array_add (elements, element);
      if (!cjm_edit_delete (cjm_document_get_history (driver->document), elements, &error))
        reply_error ("delete", error);
      else
        reply ("ok deleted");
    }
  else if (g_str_equal (command, "undo"))
    {
      reply (cjm_history_undo (cjm_document_get_history (driver->document)) ? "ok undone" : "error nothing: to undo");
    }
  else if (g_str_equal (command, "redo"))
    {
      reply (cjm_history_redo (cjm_document_get_history (driver->document)) ? "ok redone" : "error nothing: to redo");
    }
  else if (g_str_equal (command, "save"))
    {
      CjmSaveFlags flags = argc >= 2 && g_str_equal (argv[1], "overwrite") ? CJM_SAVE_FLAGS_OVERWRITE : 0;

      if (cjm_document_get_file (driver->document) == NULL)
        {
          reply ("error usage: untitled: use save-as");
          return TRUE;
        }

      cjm_document_save_full_async (driver->document, NULL, flags, driver->cancellable,
                                    save_cb, driver);
      return FALSE;
    }
  else if (g_str_equal (command, "save-as") && argc >= 2)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);
      CjmSaveFlags flags = argc >= 3 && g_str_equal (argv[2], "overwrite") ? CJM_SAVE_FLAGS_OVERWRITE : 0;

      cjm_document_save_full_async (driver->document, file, flags, driver->cancellable,
                                    save_cb, driver);
      return FALSE;
    }
  else if (g_str_equal (command, "reload"))
    {
      cjm_document_reload_async (driver->document, driver->cancellable, reload_cb, driver);
      return FALSE;
    }
  else if (g_str_equal (command, "merge"))
    {
      MergeData *data = g_new0 (MergeData, 1);

      data->driver = driver;
      data->pick = argc >= 2 && g_str_equal (argv[1], "theirs") ? CJM_MERGE_PICK_THEIRS
                                                                  : CJM_MERGE_PICK_MINE;
      cjm_document_merge_async (driver->document, driver->cancellable, merge_cb, data);
      return FALSE;
    }
  else if (g_str_equal (command, "wait-change") && argc >= 2)
    {
      /* What happened since the last wait counts too. */
      driver->waiting_for = g_strdup (argc >= 3 ? argv[2] : "");
      if (events_match (driver))
        {
          reply_events (driver);
          return TRUE;
        }
      driver->wait_id = g_timeout_add_seconds (atoi (argv[1]), wait_timeout_cb, driver);
      return FALSE;
    }
  else if (g_str_equal (command, "forget-events"))
    {
      g_string_truncate (driver->events, 0);
      reply ("ok forgotten");
    }
  else if (g_str_equal (command, "wait-autosave") && argc >= 2)
    {
      driver->autosave_poll_id = g_timeout_add (100, autosave_poll_cb, driver);
      driver->wait_id = g_timeout_add_seconds (atoi (argv[1]), autosave_timeout_cb, driver);
      return FALSE;
    }
  else if (g_str_equal (command, "get-title"))
    {
      reply ("ok %s", cjm_map_get_title (cjm_document_get_map (driver->document)) ?: "");
    }
  else if (g_str_equal (command, "get-card") && argc >= 2)
    {
      CjmElement *card = lookup (driver, argv[1]);

      if (!CJM_IS_CARD (card))
        reply ("error not-found: no card %s", argv[1]);
      else
        reply ("ok %s|%s|%s", cjm_card_get_title (CJM_CARD (card)) ?: "",
               cjm_card_get_lane_id (CJM_CARD (card)), cjm_card_get_step_id (CJM_CARD (card)));
    }
  else if (g_str_equal (command, "status"))
    {
      const CjmLockInfo *owner = cjm_document_get_lock_owner (driver->document);

      reply ("ok modified=%d read-only=%d lock=%s changed-on-disk=%d deleted-on-disk=%d polling=%d owner=%s",
             cjm_document_get_modified (driver->document),
             cjm_document_get_read_only (driver->document),
             cjm_document_get_lock_held (driver->document) ? "held" : "not-held",
             cjm_document_get_changed_on_disk (driver->document),
             cjm_document_get_deleted_on_disk (driver->document),
             cjm_document_get_polling (driver->document),
             owner ? cjm_lock_info_get_name (owner) : "-");
    }
  else if (g_str_equal (command, "state"))
    {
      g_autofree char *state = describe_state (cjm_document_get_disk_state (driver->document));

      reply ("ok %s", state);
    }
  else if (g_str_equal (command, "disk-state"))
    {
      GFile *file = cjm_document_get_file (driver->document);
      g_autoptr(CjmFileState) current = NULL;
      g_autofree char *state = NULL;

      if (file != NULL)
        current = cjm_file_state_query (file, NULL, NULL, &error);
      if (file == NULL)
        reply ("error usage: the map has no file");
      else if (current == NULL)
        reply_error ("disk-state", error);
      else
        {
          state = describe_state (current);
          reply ("ok %s", state);
        }
    }
  else if (g_str_equal (command, "dump"))
    {
      g_autoptr(GBytes) bytes = cjm_map_to_bytes (cjm_document_get_map (driver->document),
                                                  CJM_FILE_FORMAT_CJM);
      g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          reply ("| %s", lines[i]);
      reply ("ok dump");
    }
  else if (g_str_equal (command, "close"))
    {
      set_document (driver, NULL);
      reply ("ok closed");
    }
  else
    {
      reply ("error usage: unknown command or missing arguments: %s", command);
    }

  return TRUE;
}

static void
line_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Driver *driver = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) argv = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL, &error);
  if (line == NULL)
    {
      /* The test is over (or gave up): close as the app would. */
      set_document (driver, NULL);
      g_main_loop_quit (driver->loop);
      return;
    }

  g_strstrip (line);
  if (line[0] == '\0' || line[0] == '#')
    {
      read_next (driver);
      return;
    }

  argv = g_strsplit_set (line, " ", -1);
  if (run_command (driver, argv))
    read_next (driver);
}

static void
read_next (Driver *driver)
{
  g_data_input_stream_read_line_async (driver->input, G_PRIORITY_DEFAULT, NULL, line_cb, driver);
}

int
main (int   argc,
      char *argv[])
{
  Driver driver = { 0, };
  g_autoptr(GInputStream) stdin_stream = NULL;
  int poll_ms = 0, autosave = 0, lock_refresh = 0, lock_stale = 0;
  GOptionEntry entries[] = {
    { "poll-ms", 0, 0, G_OPTION_ARG_INT, &poll_ms, "How often to look at a file on a network drive", "MS" },
    { "autosave", 0, 0, G_OPTION_ARG_INT, &autosave, "Autosave interval", "SECONDS" },
    { "lock-refresh", 0, 0, G_OPTION_ARG_INT, &lock_refresh, "Lock refresh interval", "SECONDS" },
    { "lock-stale", 0, 0, G_OPTION_ARG_INT, &lock_stale, "Stale lock age", "SECONDS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- drive a map headlessly");
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  driver.poll_ms = MAX (poll_ms, 0);
  driver.autosave = MAX (autosave, 0);
  driver.lock_refresh = MAX (lock_refresh, 0);
  driver.lock_stale = MAX (lock_stale, 0);
  driver.loop = g_main_loop_new (NULL, FALSE);
  driver.cancellable = g_cancellable_new ();
  driver.events = g_string_new (NULL);

  stdin_stream = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  driver.input = g_data_input_stream_new (stdin_stream);

  reply ("ok ready pid=%d", getpid ());
  read_next (&driver);
  g_main_loop_run (driver.loop);

  g_cancellable_cancel (driver.cancellable);
  set_document (&driver, NULL);
  g_clear_object (&driver.input);
  g_clear_object (&driver.cancellable);
  g_clear_pointer (&driver.loop, g_main_loop_unref);
  g_free (driver.waiting_for);
  g_string_free (driver.events, TRUE);

  return 0;
}
