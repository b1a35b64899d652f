/* test-history.c: the undo history and the commands it records
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cjm-core.h"

/* A command that writes what it does to a log: "+a" applied, "-a" reverted. */

#define TEST_TYPE_COMMAND (test_command_get_type ())

G_DECLARE_FINAL_TYPE (TestCommand, test_command, TEST, COMMAND, CjmCommand)

struct _TestCommand
{
  CjmCommand parent_instance;

  GString *log;
  char *name;
  /* Commands with the same key merge, like typing in one field. */
  char *merge_key;
  /* A history to push another command to while applied or reverted, as a
   * widget echoing a change would. */
  CjmHistory *echo_to;
};

G_DEFINE_FINAL_TYPE (TestCommand, test_command, CJM_TYPE_COMMAND)

static CjmCommand *test_command_new (GString    *log,
                                     const char *name,
                                     const char *label,
                                     const char *merge_key);

static void
echo (TestCommand *self)
{
  if (self->echo_to != NULL)
    {
      g_autoptr(CjmCommand) echoed = test_command_new (self->log, "echo", "Echo", NULL);
      g_autoptr(CjmCommand) grouped = test_command_new (self->log, "grouped", "Grouped", NULL);

      cjm_history_push (self->echo_to, echoed);
      cjm_history_begin_group (self->echo_to, "Echo group");
      cjm_history_push (self->echo_to, grouped);
      cjm_history_end_group (self->echo_to);
    }
}

static void
test_command_apply (CjmCommand *command)
{
  TestCommand *self = TEST_COMMAND (command);

  g_string_append_printf (self->log, "+%s", self->name);
  echo (self);
}

static void
test_command_revert (CjmCommand *command)
{
  TestCommand *self = TEST_COMMAND (command);

  g_string_append_printf (self->log, "-%s", self->name);
  echo (self);
}

static gboolean
test_command_merge (CjmCommand *command,
                    CjmCommand *next_command)
{
  TestCommand *self = TEST_COMMAND (command);
  TestCommand *next;
  char *name;

  if (!TEST_IS_COMMAND (next_command))
    return FALSE;

  next = TEST_COMMAND (next_command);
  if (self->merge_key == NULL || g_strcmp0 (self->merge_key, next->merge_key) != 0)
    return FALSE;

  name = g_strconcat (self->name, next->name, NULL);
  g_free (self->name);
  self->name = name;

  return TRUE;
}

static void
test_command_finalize (GObject *object)
{
  TestCommand *self = TEST_COMMAND (object);

  g_free (self->name);
  g_free (self->merge_key);

  G_OBJECT_CLASS (test_command_parent_class)->finalize (object);
}

static void
test_command_class_init (TestCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmCommandClass *command_class = CJM_COMMAND_CLASS (klass);

  object_class->finalize = test_command_finalize;
  command_class->apply = test_command_apply;
  command_class->revert = test_command_revert;
  command_class->merge = test_command_merge;
}

static void
test_command_init (TestCommand *self)
{
}

static CjmCommand *
test_command_new (GString    *log,
                  const char *name,
                  const char *label,
                  const char *merge_key)
{
  TestCommand *self = g_object_new (TEST_TYPE_COMMAND, "label", label, NULL);

  self->log = log;
  self->name = g_strdup (name);
  self->merge_key = g_strdup (merge_key);

  return CJM_COMMAND (self);
}

/* A history on an empty map, and the log its test commands write. */
typedef struct
{
  CjmMap *map;
  CjmHistory *history;
  GString *log;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->map = cjm_map_new ("map-test");
  f->history = cjm_history_new (f->map);
  f->log = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->history);
  g_assert_finalize_object (f->map);
  g_string_free (f->log, TRUE);
}

static void
push (Fixture    *f,
      const char *name,
      const char *merge_key)
{
  g_autofree char *label = g_ascii_strup (name, -1);
  g_autoptr(CjmCommand) command = test_command_new (f->log, name, label, merge_key);

  cjm_history_push (f->history, command);
}

static void
assert_log (Fixture    *f,
            const char *expected)
{
  g_assert_cmpstr (f->log->str, ==, expected);
  g_string_truncate (f->log, 0);
}

static guint
count_undo_steps (CjmHistory *history)
{
  guint n = 0;

  while (cjm_history_undo (history))
    n++;

  return n;
}

static void
test_undo_redo_order (Fixture       *f,
                      gconstpointer  data)
{
  g_assert_false (cjm_history_get_can_undo (f->history));
  g_assert_false (cjm_history_get_can_redo (f->history));
  g_assert_false (cjm_history_undo (f->history));
  g_assert_false (cjm_history_redo (f->history));
  g_assert_true (cjm_history_get_map (f->history) == f->map);

  push (f, "a", NULL);
  push (f, "b", NULL);
  push (f, "c", NULL);
  assert_log (f, "+a+b+c");
  g_assert_true (cjm_history_get_can_undo (f->history));
  g_assert_false (cjm_history_get_can_redo (f->history));

  g_assert_true (cjm_history_undo (f->history));
  g_assert_true (cjm_history_undo (f->history));
  assert_log (f, "-c-b");
  g_assert_true (cjm_history_get_can_redo (f->history));

  g_assert_true (cjm_history_redo (f->history));
  assert_log (f, "+b");
  g_assert_true (cjm_history_redo (f->history));
  g_assert_false (cjm_history_redo (f->history));
  assert_log (f, "+c");

  g_assert_cmpuint (count_undo_steps (f->history), ==, 3);
  assert_log (f, "-c-b-a");
  g_assert_false (cjm_history_get_can_undo (f->history));
  g_assert_true (cjm_history_get_can_redo (f->history));

  g_assert_true (cjm_history_redo (f->history));
  assert_log (f, "+a");
}

static void
test_new_command_clears_redo (Fixture       *f,
                              gconstpointer  data)
{
  push (f, "a", NULL);
  push (f, "b", NULL);
  cjm_history_undo (f->history);
  g_assert_true (cjm_history_get_can_redo (f->history));
  assert_log (f, "+a+b-b");

  push (f, "c", NULL);
  g_assert_false (cjm_history_get_can_redo (f->history));
  g_assert_false (cjm_history_redo (f->history));
  g_assert_cmpuint (count_undo_steps (f->history), ==, 2);
  assert_log (f, "+c-c-a");
}

static void
test_group (Fixture       *f,
            gconstpointer  data)
{
  cjm_history_begin_group (f->history, "Group");
  push (f, "a", NULL);
  push (f, "b", NULL);
  push (f, "c", NULL);
  /* Applied as they come, recorded at the end. */
  assert_log (f, "+a+b+c");
  g_assert_false (cjm_history_get_can_undo (f->history));
  cjm_history_end_group (f->history);

  g_assert_true (cjm_history_get_can_undo (f->history));
  g_assert_cmpstr (cjm_history_get_undo_label (f->history), ==, "Group");

  /* One step, taken back last first. */
  g_assert_cmpuint (count_undo_steps (f->history), ==, 1);
  assert_log (f, "-c-b-a");
  g_assert_cmpstr (cjm_history_get_redo_label (f->history), ==, "Group");
  g_assert_true (cjm_history_redo (f->history));
  assert_log (f, "+a+b+c");
}

static void
test_group_nested (Fixture       *f,
                   gconstpointer  data)
{
  cjm_history_begin_group (f->history, "Outer");
  push (f, "a", NULL);
  cjm_history_begin_group (f->history, "Inner");
  push (f, "b", NULL);
  cjm_history_end_group (f->history);
  /* Only the outermost group records. */
  g_assert_false (cjm_history_get_can_undo (f->history));
  push (f, "c", NULL);
  cjm_history_end_group (f->history);

  g_assert_cmpstr (cjm_history_get_undo_label (f->history), ==, "Outer");
  g_assert_cmpuint (count_undo_steps (f->history), ==, 1);
  assert_log (f, "+a+b+c-c-b-a");
}

static void
test_group_empty (Fixture       *f,
                  gconstpointer  data)
{
  push (f, "a", NULL);
  cjm_history_undo (f->history);
  assert_log (f, "+a-a");

  /* Nothing recorded: what could be redone still can. */
  cjm_history_begin_group (f->history, "Nothing");
  cjm_history_begin_group (f->history, "Nothing inside");
  cjm_history_end_group (f->history);
  cjm_history_end_group (f->history);

  g_assert_false (cjm_history_get_can_undo (f->history));
  g_assert_true (cjm_history_get_can_redo (f->history));
  g_assert_cmpstr (cjm_history_get_redo_label (f->history), ==, "A");
  g_assert_false (cjm_history_get_modified (f->history));

  /* A group that records clears it like any new step. */
  cjm_history_begin_group (f->history, "Something");
  push (f, "b", NULL);
  cjm_history_end_group (f->history);
  g_assert_false (cjm_history_get_can_redo (f->history));
  assert_log (f, "+b");
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  /* Same key: one step. */
  push (f, "a", "title");
  push (f, "b", "title");
  push (f, "c", "title");
  g_assert_cmpuint (count_undo_steps (f->history), ==, 1);
  assert_log (f, "+a+b+c-abc");

  /* An undo or redo in between: a new step, into which the next merge. */
  cjm_history_redo (f->history);
  push (f, "d", "title");
  push (f, "e", "title");

  /* break_merge() in between, or another key: a new step. */
  cjm_history_break_merge (f->history);
  push (f, "f", "title");
  push (f, "g", "other");
  push (f, "h", "title");
  g_assert_cmpuint (count_undo_steps (f->history), ==, 5);
  assert_log (f, "+abc+d+e+f+g+h-h-g-f-de-abc");
}

static void
test_merge_not_across_groups (Fixture       *f,
                              gconstpointer  data)
{
  push (f, "a", "title");
  cjm_history_begin_group (f->history, "Group");
  push (f, "b", "title");
  push (f, "c", "title");
  cjm_history_end_group (f->history);
  push (f, "d", "title");

  /* Nothing merged into or out of the group. */
  g_assert_cmpuint (count_undo_steps (f->history), ==, 3);
  assert_log (f, "+a+b+c+d-d-c-b-a");
}

static void
test_coalesce_text_edits (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CjmPersona) persona = cjm_persona_new ("persona-1");
  g_auto(GValue) text = G_VALUE_INIT;
  g_auto(GValue) number = G_VALUE_INIT;
  const char *typed[] = { "B", "Bu", "Buy", "Buyi", "Buying" };

  g_value_init (&text, G_TYPE_STRING);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(CjmCommand) command = NULL;

      g_value_set_string (&text, typed[i]);
      command = cjm_property_command_new ("Edit Title", f->map, "title", &text);
      cjm_history_push (f->history, command);
    }

  g_assert_cmpstr (cjm_map_get_title (f->map), ==, "Buying");
  g_assert_true (cjm_history_undo (f->history));
  g_assert_null (cjm_map_get_title (f->map));
  g_assert_false (cjm_history_get_can_undo (f->history));
  g_assert_true (cjm_history_redo (f->history));
  g_assert_cmpstr (cjm_map_get_title (f->map), ==, "Buying");

  /* Another text of the same object, or the same text of another object:
   * other steps. */
  {
    g_autoptr(CjmCommand) offer = NULL;
    g_autoptr(CjmCommand) title = NULL;
    g_autoptr(CjmCommand) name = NULL;

    g_value_set_string (&text, "Shoes");
    offer = cjm_property_command_new ("Edit Offer", f->map, "offer", &text);
    cjm_history_push (f->history, offer);
    g_value_set_string (&text, "Buying shoes");
    title = cjm_property_command_new ("Edit Title", f->map, "title", &text);
    cjm_history_push (f->history, title);
    g_value_set_string (&text, "Buying shoes");
    name = cjm_property_command_new ("Rename Persona", persona, "name", &text);
    cjm_history_push (f->history, name);
  }

  /* Choices and numbers do not merge, even in a row. */
  {
    g_autoptr(CjmCommand) b2b = NULL;
    g_autoptr(CjmCommand) b2c = NULL;

    g_value_init (&number, CJM_TYPE_TARGET);
    g_value_set_enum (&number, CJM_TARGET_B2B);
    b2b = cjm_property_command_new ("Change Target", f->map, "target", &number);
    cjm_history_push (f->history, b2b);
    g_value_set_enum (&number, CJM_TARGET_B2C);
    b2c = cjm_property_command_new ("Change Target", f->map, "target", &number);
    cjm_history_push (f->history, b2c);
  }

  g_assert_cmpuint (count_undo_steps (f->history), ==, 6);
  g_assert_null (cjm_map_get_title (f->map));
  g_assert_null (cjm_map_get_offer (f->map));
  g_assert_null (cjm_persona_get_name (persona));
  g_assert_cmpint (cjm_map_get_target (f->map), ==, CJM_TARGET_UNSPECIFIED);
}

static void
test_modified (Fixture       *f,
               gconstpointer  data)
{
  g_assert_false (cjm_history_get_modified (f->history));

  push (f, "a", NULL);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_undo (f->history);
  g_assert_false (cjm_history_get_modified (f->history));
  cjm_history_redo (f->history);
  g_assert_true (cjm_history_get_modified (f->history));

  cjm_history_set_saved (f->history);
  g_assert_false (cjm_history_get_modified (f->history));
  cjm_history_undo (f->history);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_redo (f->history);
  g_assert_false (cjm_history_get_modified (f->history));

  push (f, "b", NULL);
  push (f, "c", NULL);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_undo (f->history);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_undo (f->history);
  g_assert_false (cjm_history_get_modified (f->history));

  /* Saved with steps to redo: the saved state is ahead. */
  cjm_history_undo (f->history);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_redo (f->history);
  cjm_history_redo (f->history);
  cjm_history_set_saved (f->history);
  cjm_history_undo (f->history);
  cjm_history_undo (f->history);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_redo (f->history);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_redo (f->history);
  g_assert_false (cjm_history_get_modified (f->history));
}

static void
test_saved_point_lost (Fixture       *f,
                       gconstpointer  data)
{
  push (f, "a", NULL);
  push (f, "b", NULL);
  cjm_history_set_saved (f->history);

  /* The saved state was in the redo stack a new step cleared: no state
   * the history can reach is the saved one any more. */
  cjm_history_undo (f->history);
  push (f, "c", NULL);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_undo (f->history);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_undo (f->history);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_redo (f->history);
  cjm_history_redo (f->history);
  g_assert_true (cjm_history_get_modified (f->history));

  /* Until the next save. */
  cjm_history_set_saved (f->history);
  g_assert_false (cjm_history_get_modified (f->history));
  cjm_history_undo (f->history);
  cjm_history_redo (f->history);
  g_assert_false (cjm_history_get_modified (f->history));
}

static void
test_typing_after_save (Fixture       *f,
                        gconstpointer  data)
{
  push (f, "a", "title");
  cjm_history_set_saved (f->history);

  /* Typing on after a save does not merge into the step before it, so
   * that undo comes back to the saved state. */
  push (f, "b", "title");
  push (f, "c", "title");
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_undo (f->history);
  g_assert_false (cjm_history_get_modified (f->history));
  assert_log (f, "+a+b+c-bc");
}

static void
test_clear (Fixture       *f,
            gconstpointer  data)
{
  push (f, "a", NULL);
  push (f, "b", NULL);
  cjm_history_undo (f->history);
  cjm_history_clear (f->history);

  g_assert_false (cjm_history_get_can_undo (f->history));
  g_assert_false (cjm_history_get_can_redo (f->history));
  g_assert_null (cjm_history_get_undo_label (f->history));
  g_assert_null (cjm_history_get_redo_label (f->history));
  /* The map still differs from what was saved. */
  g_assert_true (cjm_history_get_modified (f->history));

  cjm_history_set_saved (f->history);
  cjm_history_clear (f->history);
  g_assert_false (cjm_history_get_modified (f->history));
}

static void
test_labels (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *undo_label = NULL;

  g_assert_null (cjm_history_get_undo_label (f->history));
  g_assert_null (cjm_history_get_redo_label (f->history));

  push (f, "a", NULL);
  push (f, "b", NULL);
  g_assert_cmpstr (cjm_history_get_undo_label (f->history), ==, "B");
  g_assert_null (cjm_history_get_redo_label (f->history));

  cjm_history_undo (f->history);
  g_assert_cmpstr (cjm_history_get_undo_label (f->history), ==, "A");
  g_assert_cmpstr (cjm_history_get_redo_label (f->history), ==, "B");

  cjm_history_undo (f->history);
  g_assert_null (cjm_history_get_undo_label (f->history));
  g_assert_cmpstr (cjm_history_get_redo_label (f->history), ==, "A");

  g_object_get (f->history, "redo-label", &undo_label, NULL);
  g_assert_cmpstr (undo_label, ==, "A");
}

typedef struct
{
  guint can_undo;
  guint can_redo;
  guint undo_label;
  guint redo_label;
  guint modified;
} Notified;

static void
notify_cb (CjmHistory *history,
           GParamSpec *pspec,
           Notified   *notified)
{
  if (g_str_equal (pspec->name, "can-undo"))
    notified->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    notified->can_redo++;
  else if (g_str_equal (pspec->name, "undo-label"))
    notified->undo_label++;
  else if (g_str_equal (pspec->name, "redo-label"))
    notified->redo_label++;
  else if (g_str_equal (pspec->name, "modified"))
    notified->modified++;
  else
    g_assert_not_reached ();
}

#define assert_notified(n, cu, cr, ul, rl, m) \
  G_STMT_START { \
    g_assert_cmpuint ((n)->can_undo, ==, cu); \
    g_assert_cmpuint ((n)->can_redo, ==, cr); \
    g_assert_cmpuint ((n)->undo_label, ==, ul); \
    g_assert_cmpuint ((n)->redo_label, ==, rl); \
    g_assert_cmpuint ((n)->modified, ==, m); \
    memset ((n), 0, sizeof *(n)); \
  } G_STMT_END

static void
test_notify (Fixture       *f,
             gconstpointer  data)
{
  Notified n = { 0 };

  g_signal_connect (f->history, "notify", G_CALLBACK (notify_cb), &n);

  push (f, "a", NULL);
  assert_notified (&n, 1, 0, 1, 0, 1);

  /* Same label, still undoable, still modified: nothing to tell. */
  {
    g_autoptr(CjmCommand) again = test_command_new (f->log, "again", "A", NULL);

    cjm_history_push (f->history, again);
    assert_notified (&n, 0, 0, 0, 0, 0);
  }

  push (f, "b", NULL);
  assert_notified (&n, 0, 0, 1, 0, 0);

  cjm_history_undo (f->history);
  assert_notified (&n, 0, 1, 1, 1, 0);

  cjm_history_undo (f->history);
  assert_notified (&n, 0, 0, 0, 1, 0);

  cjm_history_undo (f->history);
  assert_notified (&n, 1, 0, 1, 0, 1);

  /* Nothing to undo: nothing changes. */
  cjm_history_undo (f->history);
  cjm_history_set_saved (f->history);
  cjm_history_break_merge (f->history);
  assert_notified (&n, 0, 0, 0, 0, 0);

  /* Merging keeps the same step. */
  push (f, "c", "title");
  assert_notified (&n, 1, 1, 1, 1, 1);
  push (f, "d", "title");
  assert_notified (&n, 0, 0, 0, 0, 0);

  cjm_history_set_saved (f->history);
  assert_notified (&n, 0, 0, 0, 0, 1);

  /* An empty group changes nothing. */
  cjm_history_begin_group (f->history, "Empty");
  cjm_history_end_group (f->history);
  assert_notified (&n, 0, 0, 0, 0, 0);
}

static void
test_nothing_recorded_while_applying (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(CjmCommand) command = test_command_new (f->log, "a", "A", NULL);

  /* The command pushes an echo, and a group of one, each time it is
   * applied or reverted: they are neither applied nor recorded. */
  TEST_COMMAND (command)->echo_to = f->history;

  cjm_history_push (f->history, command);
  assert_log (f, "+a");
  g_assert_true (cjm_history_undo (f->history));
  assert_log (f, "-a");
  g_assert_false (cjm_history_get_can_undo (f->history));
  g_assert_true (cjm_history_redo (f->history));
  assert_log (f, "+a");
  g_assert_cmpstr (cjm_history_get_undo_label (f->history), ==, "A");
  g_assert_false (cjm_history_get_can_redo (f->history));
  g_assert_cmpuint (count_undo_steps (f->history), ==, 1);

  TEST_COMMAND (command)->echo_to = NULL;
}

static void
test_bounded (Fixture       *f,
              gconstpointer  data)
{
  /* A thousand steps are kept; older ones are dropped. */
  for (guint i = 0; i < 1005; i++)
    push (f, "x", NULL);

  g_assert_cmpuint (count_undo_steps (f->history), ==, 1000);

  /* The saved state was dropped with the oldest steps: undoing all that
   * is left does not come back to it. */
  g_assert_true (cjm_history_get_modified (f->history));

  /* A saved state just at the oldest step kept is still reachable. */
  cjm_history_clear (f->history);
  cjm_history_set_saved (f->history);
  for (guint i = 0; i < 1000; i++)
    push (f, "x", NULL);
  g_assert_cmpuint (count_undo_steps (f->history), ==, 1000);
  g_assert_false (cjm_history_get_modified (f->history));
}

static void
test_property_command (void)
{
  g_autoptr(CjmCard) card = cjm_card_new ("card-1");
  g_autoptr(CjmCommand) command = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  const char *personas[] = { "persona-a", "persona-b", NULL };
  const char *before[] = { "persona-z", NULL };

  cjm_card_set_persona_ids (card, before);
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, personas);
  command = cjm_property_command_new ("Change Personas", card, "persona-ids", &value);

  g_assert_cmpstr (cjm_command_get_label (command), ==, "Change Personas");
  g_assert_true (cjm_property_command_get_object (CJM_PROPERTY_COMMAND (command)) == G_OBJECT (card));
  g_assert_cmpstr (cjm_property_command_get_property_name (CJM_PROPERTY_COMMAND (command)),
                   ==, "persona-ids");

  /* The value is a copy: changing the caller's does not change it. */
  g_value_set_boxed (&value, NULL);

  cjm_command_apply (command);
  g_assert_cmpstrv (cjm_card_get_persona_ids (card), personas);
  cjm_command_revert (command);
  g_assert_cmpstrv (cjm_card_get_persona_ids (card), before);
  cjm_command_apply (command);
  g_assert_cmpstrv (cjm_card_get_persona_ids (card), personas);

  /* Not text: does not merge. */
  g_assert_false (cjm_command_merge (command, command));
}

static void
test_property_command_merge (void)
{
  g_autoptr(CjmStep) step = cjm_step_new (NULL);
  g_autoptr(CjmStep) other = cjm_step_new (NULL);
  g_autoptr(CjmCommand) first = NULL;
  g_autoptr(CjmCommand) second = NULL;
  g_autoptr(CjmCommand) elsewhere = NULL;
  g_autoptr(CjmCommand) description = NULL;
  g_autoptr(CjmGroupCommand) group = cjm_group_command_new ("Group");
  g_auto(GValue) value = G_VALUE_INIT;

  cjm_step_set_name (step, "Before");
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "S");
  first = cjm_property_command_new ("Rename Step", step, "name", &value);
  g_value_set_string (&value, "Se");
  second = cjm_property_command_new ("Rename Step", step, "name", &value);
  elsewhere = cjm_property_command_new ("Rename Step", other, "name", &value);
  description = cjm_property_command_new ("Edit Description", step, "description", &value);

  cjm_command_apply (first);
  cjm_command_apply (second);
  g_assert_false (cjm_command_merge (first, elsewhere));
  g_assert_false (cjm_command_merge (first, description));
  g_assert_false (cjm_command_merge (first, CJM_COMMAND (group)));
  g_assert_true (cjm_command_merge (first, second));

  /* One revert takes both back; one apply makes both again. */
  cjm_command_revert (first);
  g_assert_cmpstr (cjm_step_get_name (step), ==, "Before");
  cjm_command_apply (first);
  g_assert_cmpstr (cjm_step_get_name (step), ==, "Se");
  g_assert_cmpstr (g_value_get_string (cjm_property_command_get_value (CJM_PROPERTY_COMMAND (first))),
                   ==, "Se");
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

static char *
dup_ids (GListModel *model)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", cjm_element_get_id (element));
    }

  return g_string_free (ids, FALSE);
}

#define assert_ids(model, expected) \
  G_STMT_START { \
    g_autofree char *ids__ = dup_ids (G_LIST_MODEL (model)); \
    g_assert_cmpstr (ids__, ==, expected); \
  } G_STMT_END

static void
test_list_command (void)
{
  g_autoptr(GListStore) store = g_list_store_new (CJM_TYPE_STEP);
  g_autoptr(CjmStep) a = cjm_step_new ("a");
  g_autoptr(CjmStep) b = cjm_step_new ("b");
  g_autoptr(CjmStep) c = cjm_step_new ("c");
  g_autoptr(CjmStep) d = cjm_step_new ("d");
  g_autoptr(CjmStep) x = cjm_step_new ("x");
  g_autoptr(CjmCommand) insert = NULL;
  g_autoptr(CjmCommand) append = NULL;
  g_autoptr(CjmCommand) remove = NULL;
  g_autoptr(CjmCommand) move = NULL;
  g_autoptr(CjmCommand) move_back = NULL;
  g_autoptr(CjmStep) removed = NULL;
  ItemsChanged changed = { 0 };

  g_list_store_append (store, a);
  g_list_store_append (store, b);
  g_list_store_append (store, c);
  g_list_store_append (store, d);
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &changed);

  insert = cjm_list_command_new_insert ("Add Step", store, 1, x);
  g_assert_true (cjm_list_command_get_store (CJM_LIST_COMMAND (insert)) == store);
  g_assert_true (cjm_list_command_get_item (CJM_LIST_COMMAND (insert)) == x);
  cjm_command_apply (insert);
  assert_ids (store, "a x b c d");
  cjm_command_revert (insert);
  assert_ids (store, "a b c d");

  append = cjm_list_command_new_insert ("Add Step", store, G_MAXUINT, x);
  cjm_command_apply (append);
  assert_ids (store, "a b c d x");
  cjm_command_revert (append);

  /* Removal keeps the object and puts the same one back. */
  remove = cjm_list_command_new_remove ("Delete Step", store, c);
  cjm_command_apply (remove);
  assert_ids (store, "a b d");
  cjm_command_revert (remove);
  assert_ids (store, "a b c d");
  removed = g_list_model_get_item (G_LIST_MODEL (store), 2);
  g_assert_true (removed == c);

  /* A move is one change of the items between both places. */
  changed.count = 0;
  move = cjm_list_command_new_move ("Move Step", store, a, 2);
  cjm_command_apply (move);
  assert_ids (store, "b c a d");
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 3);
  g_assert_cmpuint (changed.added, ==, 3);
  cjm_command_revert (move);
  assert_ids (store, "a b c d");
  g_assert_cmpuint (changed.count, ==, 2);

  move_back = cjm_list_command_new_move ("Move Step", store, d, 1);
  cjm_command_apply (move_back);
  assert_ids (store, "a d b c");
  cjm_command_revert (move_back);
  assert_ids (store, "a b c d");

  /* Past the end: last. */
  g_clear_object (&move);
  move = cjm_list_command_new_move ("Move Step", store, b, 99);
  cjm_command_apply (move);
  assert_ids (store, "a c d b");
  cjm_command_revert (move);
  assert_ids (store, "a b c d");
}

static void
test_group_command (void)
{
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(CjmGroupCommand) group = cjm_group_command_new ("Several");
  const char *names[] = { "a", "b", "c" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CjmCommand) command = test_command_new (log, names[i], names[i], NULL);

      cjm_group_command_add (group, command);
    }

  g_assert_cmpuint (cjm_group_command_get_n_commands (group), ==, 3);
  g_assert_cmpstr (cjm_command_get_label (cjm_group_command_get_command (group, 1)), ==, "b");
  g_assert_cmpstr (cjm_command_get_label (CJM_COMMAND (group)), ==, "Several");

  cjm_command_apply (CJM_COMMAND (group));
  cjm_command_revert (CJM_COMMAND (group));
  g_assert_cmpstr (log->str, ==, "+a+b+c-c-b-a");
}

static void
test_saved_position (Fixture       *f,
                     gconstpointer  data)
{
  guint64 position;

  /* A save starts: the state it writes is named... */
  push (f, "a", "title");
  position = cjm_history_get_position (f->history);

  /* ...the user goes on typing while the file is written: the next edit
   * is a step of its own, not merged into the one being saved... */
  push (f, "b", "title");

  /* ...and once written, the map is still modified: "b" was not saved. */
  cjm_history_set_saved_position (f->history, position);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_undo (f->history);
  g_assert_false (cjm_history_get_modified (f->history));
  cjm_history_redo (f->history);
  g_assert_true (cjm_history_get_modified (f->history));
  assert_log (f, "+a+b-b+b");
  g_assert_cmpuint (count_undo_steps (f->history), ==, 2);
  assert_log (f, "-b-a");
  cjm_history_redo (f->history);
  cjm_history_redo (f->history);
  assert_log (f, "+a+b");

  /* Nothing happened during the save: not modified. */
  position = cjm_history_get_position (f->history);
  cjm_history_set_saved_position (f->history, position);
  g_assert_false (cjm_history_get_modified (f->history));

  /* The initial state, and a state in the redo stack, can be named. */
  cjm_history_clear (f->history);
  position = cjm_history_get_position (f->history);
  push (f, "c", NULL);
  push (f, "d", NULL);
  cjm_history_set_saved_position (f->history, position);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_undo (f->history);
  cjm_history_undo (f->history);
  g_assert_false (cjm_history_get_modified (f->history));
  cjm_history_redo (f->history);
  position = cjm_history_get_position (f->history);
  cjm_history_undo (f->history);
  cjm_history_set_saved_position (f->history, position);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_redo (f->history);
  g_assert_false (cjm_history_get_modified (f->history));
}

static void
test_saved_position_lost (Fixture       *f,
                          gconstpointer  data)
{
  guint64 position;

  push (f, "a", NULL);
  position = cjm_history_get_position (f->history);

  /* Undone, then forked by a new edit while the file was written: the
   * state saved can no longer be reached. */
  cjm_history_undo (f->history);
  push (f, "b", NULL);
  cjm_history_set_saved_position (f->history, position);
  g_assert_true (cjm_history_get_modified (f->history));
  cjm_history_undo (f->history);
  g_assert_true (cjm_history_get_modified (f->history));

  /* Cleared (reloaded) while written: the same. */
  cjm_history_redo (f->history);
  position = cjm_history_get_position (f->history);
  cjm_history_clear (f->history);
  cjm_history_set_saved_position (f->history, position);
  g_assert_true (cjm_history_get_modified (f->history));

  /* Until a save that reaches its end with nothing in between. */
  cjm_history_set_saved_position (f->history, cjm_history_get_position (f->history));
  g_assert_false (cjm_history_get_modified (f->history));

  /* A map restored from a recovery file was never saved. */
  cjm_history_forget_saved (f->history);
  g_assert_true (cjm_history_get_modified (f->history));
  push (f, "c", NULL);
  cjm_history_undo (f->history);
  g_assert_true (cjm_history_get_modified (f->history));
}

static void
test_saved_position_bounded (Fixture       *f,
                             gconstpointer  data)
{
  guint64 position = cjm_history_get_position (f->history);

  /* The state saved dropped off the bottom of the history. */
  for (guint i = 0; i < 1001; i++)
    push (f, "x", NULL);
  cjm_history_set_saved_position (f->history, position);
  g_assert_true (cjm_history_get_modified (f->history));
  g_assert_cmpuint (count_undo_steps (f->history), ==, 1000);
  g_assert_true (cjm_history_get_modified (f->history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cjm/History/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("undo-redo-order", test_undo_redo_order);
  ADD ("new-command-clears-redo", test_new_command_clears_redo);
  ADD ("group", test_group);
  ADD ("group-nested", test_group_nested);
  ADD ("group-empty", test_group_empty);
  ADD ("merge", test_merge);
  ADD ("merge-not-across-groups", test_merge_not_across_groups);
  ADD ("coalesce-text-edits", test_coalesce_text_edits);
  ADD ("modified", test_modified);
  ADD ("saved-point-lost", test_saved_point_lost);
  ADD ("typing-after-save", test_typing_after_save);
  ADD ("clear", test_clear);
  ADD ("labels", test_labels);
  ADD ("notify", test_notify);
  ADD ("nothing-recorded-while-applying", test_nothing_recorded_while_applying);
  ADD ("bounded", test_bounded);
  ADD ("saved-position", test_saved_position);
  ADD ("saved-position-lost", test_saved_position_lost);
  ADD ("saved-position-bounded", test_saved_position_bounded);

#undef ADD

  g_test_add_func ("/Cjm/Commands/property", test_property_command);
  g_test_add_func ("/Cjm/Commands/property-merge", test_property_command_merge);
  g_test_add_func ("/Cjm/Commands/list", test_list_command);
  g_test_add_func ("/Cjm/Commands/group", test_group_command);

  return g_test_run ();
}
