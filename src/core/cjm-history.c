/* cjm-history.c: the undo history of one map
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-history"

#include "config.h"

#include "cjm-group-command.h"
#include "cjm-history.h"
#include "cjm-map.h"

/* How many steps can be undone. Each step keeps alive what it removed (a
 * deleted stage holds its steps, a deleted lane its cards) and the old
 * values it replaced, embedded persona pictures included, so an endless
 * history of a long session would only ever grow. A thousand steps is far
 * more than anyone undoes, and keeps the memory bounded.
 */
#define MAX_UNDO_STEPS 1000

struct _CjmHistory
{
  GObject parent_instance;

  CjmMap *map;

  /* Of CjmCommand, the most recent at the head. */
  GQueue undo;
  GQueue redo;

  /* The group being recorded between begin_group() and end_group(). */
  CjmGroupCommand *group;
  guint group_depth;

  /* How many steps of undo (or, below zero, of redo) lead back to the
   * state last saved. */
  int saved_distance;

  /* Positions (see cjm_history_get_position()): each step recorded gets
   * the next serial, kept on the command; the state before the oldest
   * step kept has its own. */
  guint64 last_serial;
  guint64 bottom_serial;

  /* What the properties said when last notified, to notify real changes only. */
  char *undo_label;
  char *redo_label;
  guint can_undo : 1;
  guint can_redo : 1;
  guint modified : 1;

  /* The saved state can no longer be reached: it was in the redo stack
   * when a new edit cleared it, or dropped off the bottom of the undo
   * stack. The map stays modified until the next save. */
  guint saved_lost : 1;
  /* A command is being applied or reverted: whatever is pushed meanwhile
   * is the echo of that change, not an edit of the user. */
  guint applying : 1;
  /* The next command may merge into the last one: nothing (a group, an
   * undo, a redo, a save, break_merge()) came in between. */
  guint can_merge : 1;
};

G_DEFINE_FINAL_TYPE (CjmHistory, cjm_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAP,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
label_of_head (GQueue *queue)
{
  CjmCommand *command = g_queue_peek_head (queue);

  return command != NULL ? cjm_command_get_label (command) : NULL;
}

static gboolean
update_label (char       **cached,
              const char  *label)
{
  if (g_strcmp0 (*cached, label) == 0)
    return FALSE;

  g_free (*cached);
  *cached = g_strdup (label);

  return TRUE;
}

/* Notifies the properties whose value changed since last time. */
static void
update_state (CjmHistory *self)
{
  gboolean can_undo = !g_queue_is_empty (&self->undo);
  gboolean can_redo = !g_queue_is_empty (&self->redo);
  gboolean modified = self->saved_lost || self->saved_distance != 0;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }

  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }

  if (update_label (&self->undo_label, label_of_head (&self->undo)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);

  if (update_label (&self->redo_label, label_of_head (&self->redo)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);

  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static GQuark serial_quark;

static guint64
get_serial (CjmCommand *command)
{
  guint64 *serial = g_object_get_qdata (G_OBJECT (command), serial_quark);

  g_assert (serial != NULL);

  return *serial;
}

static void
set_serial (CjmCommand *command,
            guint64     serial)
{
  guint64 *copy = g_new (guint64, 1);

  *copy = serial;
  g_object_set_qdata_full (G_OBJECT (command), serial_quark, copy, g_free);
}

static void
clear_queue (GQueue *queue)
{
  CjmCommand *command;

  while ((command = g_queue_pop_head (queue)))
    g_object_unref (command);
}

/* Records @command, already applied, as the newest step; or merges it
 * into the newest step when @may_merge and nothing came in between. */
static void
record (CjmHistory *self,
        CjmCommand *command,
        gboolean    may_merge)
{
  CjmCommand *last = g_queue_peek_head (&self->undo);

  g_assert (CJM_IS_COMMAND (command));

  if (may_merge && self->can_merge && last != NULL && cjm_command_merge (last, command))
    {
      /* The redo stack is empty: it is cleared by every new step, and
       * undo and redo forbid merging. The saved state is not at the
       * newest step either: saving forbids merging too. */
      g_assert (g_queue_is_empty (&self->redo));
      g_assert (self->saved_lost || self->saved_distance != 0);
      return;
    }

  /* A new edit forks the history: what could be redone is lost, and the
   * saved state with it if it was there. */
  if (self->saved_distance < 0)
    self->saved_lost = TRUE;
  clear_queue (&self->redo);

  set_serial (command, ++self->last_serial);
  g_queue_push_head (&self->undo, g_object_ref (command));
  self->saved_distance++;

  while (g_queue_get_length (&self->undo) > MAX_UNDO_STEPS)
    {
      CjmCommand *oldest = g_queue_pop_tail (&self->undo);

      /* The state before the next oldest step is the one after this. */
      self->bottom_serial = get_serial (oldest);
      g_object_unref (oldest);
    }

  /* The saved state is before the oldest step still kept. */
  if (self->saved_distance > (int)g_queue_get_length (&self->undo))
    self->saved_lost = TRUE;

  self->can_merge = may_merge;
}

static void
cjm_history_dispose (GObject *object)
{
  CjmHistory *self = (CjmHistory *)object;

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_object (&self->group);

  G_OBJECT_CLASS (cjm_history_parent_class)->dispose (object);
}

static void
cjm_history_finalize (GObject *object)
{
  CjmHistory *self = (CjmHistory *)object;

  g_clear_object (&self->map);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);

  G_OBJECT_CLASS (cjm_history_parent_class)->finalize (object);
}

static void
cjm_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CjmHistory *self = CJM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cjm_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, cjm_history_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, cjm_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, cjm_history_get_redo_label (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, cjm_history_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_history_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CjmHistory *self = CJM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_assert (self->map == NULL);
      self->map = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_history_class_init (CjmHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cjm_history_dispose;
  object_class->finalize = cjm_history_finalize;
  object_class->get_property = cjm_history_get_property;
  object_class->set_property = cjm_history_set_property;

  /**
   * CjmHistory:map:
   *
   * The map whose changes the history records.
   */
  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL,
                         CJM_TYPE_MAP,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * CjmHistory:undo-label:
   *
   * What undo would take back, e.g. "Move Touchpoint", or %NULL.
   */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * CjmHistory:redo-label:
   *
   * What redo would make again, or %NULL.
   */
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * CjmHistory:modified:
   *
   * Whether the map differs from the state last saved (or loaded).
   * Undoing or redoing back to that state clears it.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  serial_quark = g_quark_from_static_string ("cjm-history-serial");
}

static void
cjm_history_init (CjmHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);

  self->last_serial = 1;
  self->bottom_serial = 1;
}

/**
 * cjm_history_new:
 * @map: the map whose changes to record
 *
 * Makes an empty history, with @map in its saved state: not modified.
 *
 * Returns: (transfer full): a new #CjmHistory
 */
CjmHistory *
cjm_history_new (CjmMap *map)
{
  g_return_val_if_fail (CJM_IS_MAP (map), NULL);

  return g_object_new (CJM_TYPE_HISTORY,
                       "map", map,
                       NULL);
}

/**
 * cjm_history_get_map:
 * @self: a #CjmHistory
 *
 * Returns: (transfer none): the map whose changes the history records
 */
CjmMap *
cjm_history_get_map (CjmHistory *self)
{
  g_return_val_if_fail (CJM_IS_HISTORY (self), NULL);

  return self->map;
}

gboolean
cjm_history_get_can_undo (CjmHistory *self)
{
  g_return_val_if_fail (CJM_IS_HISTORY (self), FALSE);

  return self->can_undo;
}

gboolean
cjm_history_get_can_redo (CjmHistory *self)
{
  g_return_val_if_fail (CJM_IS_HISTORY (self), FALSE);

  return self->can_redo;
}

/**
 * cjm_history_get_undo_label:
 * @self: a #CjmHistory
 *
 * Returns: (nullable): the label of the step undo would take back, valid
 *   until the history changes
 */
const char *
cjm_history_get_undo_label (CjmHistory *self)
{
  g_return_val_if_fail (CJM_IS_HISTORY (self), NULL);

  return self->undo_label;
}

/**
 * cjm_history_get_redo_label:
 * @self: a #CjmHistory
 *
 * Returns: (nullable): the label of the step redo would make again,
 *   valid until the history changes
 */
const char *
cjm_history_get_redo_label (CjmHistory *self)
{
  g_return_val_if_fail (CJM_IS_HISTORY (self), NULL);

  return self->redo_label;
}

gboolean
cjm_history_get_modified (CjmHistory *self)
{
  g_return_val_if_fail (CJM_IS_HISTORY (self), FALSE);

  return self->modified;
}

/**
 * cjm_history_push:
 * @self: a #CjmHistory
 * @command: a #CjmCommand, not applied yet
 *
 * Applies @command to the map and records it as the newest step, which
 * clears what could be redone. Between cjm_history_begin_group() and
 * cjm_history_end_group(), the command joins the group instead. A command
 * setting the same text as the newest step merges into it (typing is one
 * step) unless cjm_history_break_merge() was called in between.
 *
 * A command pushed while another is being applied, undone or redone is
 * the echo of that change (say, a text entry updating itself), not an
 * edit of the user: it is neither applied nor recorded.
 */
void
cjm_history_push (CjmHistory *self,
                  CjmCommand *command)
{
  g_return_if_fail (CJM_IS_HISTORY (self));
  g_return_if_fail (CJM_IS_COMMAND (command));

  if (self->applying)
    {
      g_debug ("Ignoring “%s”, pushed while another command was applied",
               cjm_command_get_label (command));
      return;
    }

  self->applying = TRUE;
  cjm_command_apply (command);
  self->applying = FALSE;

  if (self->group != NULL)
    {
      cjm_group_command_add (self->group, command);
      return;
    }

  record (self, command, TRUE);
  update_state (self);
}

/**
 * cjm_history_undo:
 * @self: a #CjmHistory
 *
 * Takes back the newest step.
 *
 * Returns: %TRUE if there was a step to undo
 */
gboolean
cjm_history_undo (CjmHistory *self)
{
  g_autoptr(CjmCommand) command = NULL;

  g_return_val_if_fail (CJM_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);
  g_return_val_if_fail (!self->applying, FALSE);

  command = g_queue_pop_head (&self->undo);
  if (command == NULL)
    return FALSE;

  self->applying = TRUE;
  cjm_command_revert (command);
  self->applying = FALSE;

  g_queue_push_head (&self->redo, g_object_ref (command));
  self->saved_distance--;
  self->can_merge = FALSE;

  update_state (self);

  return TRUE;
}

/**
 * cjm_history_redo:
 * @self: a #CjmHistory
 *
 * Makes again the step last undone.
 *
 * Returns: %TRUE if there was a step to redo
 */
gboolean
cjm_history_redo (CjmHistory *self)
{
  g_autoptr(CjmCommand) command = NULL;

  g_return_val_if_fail (CJM_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);
  g_return_val_if_fail (!self->applying, FALSE);

  command = g_queue_pop_head (&self->redo);
  if (command == NULL)
    return FALSE;

  self->applying = TRUE;
  cjm_command_apply (command);
  self->applying = FALSE;

  g_queue_push_head (&self->undo, g_object_ref (command));
  self->saved_distance++;
  self->can_merge = FALSE;

  update_state (self);

  return TRUE;
}

/**
 * cjm_history_begin_group:
 * @self: a #CjmHistory
 * @label: what the whole change is, for the user
 *
 * Starts a group: the commands pushed until the matching
 * cjm_history_end_group() are applied as they come and make one step,
 * undone and redone at once. Groups nest; only the outermost makes a step,
 * with its own label. A group in which nothing was pushed records nothing.
 */
void
cjm_history_begin_group (CjmHistory *self,
                         const char *label)
{
  g_return_if_fail (CJM_IS_HISTORY (self));

  /* While a command is applied, undone or redone, a group may begin (the
   * echo of the change as an edit made of several): what it gets pushed
   * is ignored, so it ends empty and records nothing. */
  if (self->group_depth++ == 0)
    self->group = cjm_group_command_new (label);
}

/**
 * cjm_history_end_group:
 * @self: a #CjmHistory
 *
 * Ends the group started by the matching cjm_history_begin_group().
 */
void
cjm_history_end_group (CjmHistory *self)
{
  g_autoptr(CjmGroupCommand) group = NULL;

  g_return_if_fail (CJM_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);

  if (cjm_group_command_get_n_commands (group) > 0)
    {
      record (self, CJM_COMMAND (group), FALSE);
      update_state (self);
    }
}

/**
 * cjm_history_break_merge:
 * @self: a #CjmHistory
 *
 * Makes the next command a step of its own even if it could merge with
 * the newest one: call it when the user leaves a text field, so that
 * coming back to it and typing again is another step.
 */
void
cjm_history_break_merge (CjmHistory *self)
{
  g_return_if_fail (CJM_IS_HISTORY (self));

  self->can_merge = FALSE;
}

/**
 * cjm_history_set_saved:
 * @self: a #CjmHistory
 *
 * Marks the current state of the map as saved: #CjmHistory:modified
 * becomes %FALSE, and becomes %FALSE again whenever undo or redo come
 * back to this state.
 */
void
cjm_history_set_saved (CjmHistory *self)
{
  g_return_if_fail (CJM_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);

  self->saved_distance = 0;
  self->saved_lost = FALSE;
  /* Typing on after saving must not merge into the step before the save,
   * or undo could not come back to the saved state. */
  self->can_merge = FALSE;

  update_state (self);
}

/**
 * cjm_history_clear:
 * @self: a #CjmHistory
 *
 * Forgets every step, for when the map is replaced (reloaded from its
 * file). The map stays modified if it was.
 */
void
cjm_history_clear (CjmHistory *self)
{
  g_return_if_fail (CJM_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);
  g_return_if_fail (!self->applying);

  clear_queue (&self->undo);
  clear_queue (&self->redo);

  if (self->saved_distance != 0)
    self->saved_lost = TRUE;
  self->saved_distance = 0;
  self->can_merge = FALSE;
  /* No position taken before is reachable any more. */
  self->bottom_serial = ++self->last_serial;

  update_state (self);
}

/**
 * cjm_history_get_position:
 * @self: a #CjmHistory
 *
 * Names the current state of the map, so that it can be marked as saved
 * later with cjm_history_set_saved_position(), whatever happens in
 * between. A save takes the position when it starts writing: edits made
 * while the file is written are not in it, and must stay unsaved.
 *
 * The next edit becomes a step of its own rather than merge into the
 * newest step (as after cjm_history_break_merge()), so that the position
 * keeps naming the state it was taken at.
 *
 * Returns: an opaque token for the current state
 */
guint64
cjm_history_get_position (CjmHistory *self)
{
  CjmCommand *head;

  g_return_val_if_fail (CJM_IS_HISTORY (self), 0);
  g_return_val_if_fail (self->group == NULL, 0);

  self->can_merge = FALSE;

  head = g_queue_peek_head (&self->undo);

  return head != NULL ? get_serial (head) : self->bottom_serial;
}

/**
 * cjm_history_set_saved_position:
 * @self: a #CjmHistory
 * @position: a token from cjm_history_get_position()
 *
 * Marks the state named by @position as saved: #CjmHistory:modified is
 * %FALSE whenever undo and redo come back to it. If the history has moved
 * on since, the map stays modified; if that state can no longer be
 * reached (a new edit after undoing past it, or the history was cleared),
 * the map stays modified until the next save.
 */
void
cjm_history_set_saved_position (CjmHistory *self,
                                guint64     position)
{
  int distance = 0;
  gboolean found = FALSE;

  g_return_if_fail (CJM_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);

  /* Undoing @distance steps comes back to it... */
  for (GList *iter = self->undo.head; iter != NULL; iter = iter->next, distance++)
    {
      if (get_serial (iter->data) == position)
        {
          found = TRUE;
          break;
        }
    }

  if (!found && position == self->bottom_serial)
    {
      distance = g_queue_get_length (&self->undo);
      found = TRUE;
    }

  /* ...or redoing -@distance steps. */
  if (!found)
    {
      distance = 0;
      for (GList *iter = self->redo.head; iter != NULL; iter = iter->next)
        {
          distance--;
          if (get_serial (iter->data) == position)
            {
              found = TRUE;
              break;
            }
        }
    }

  if (found)
    {
      self->saved_distance = distance;
      self->saved_lost = FALSE;
    }
  else
    {
      self->saved_distance = 0;
      self->saved_lost = TRUE;
    }

  /* Typing on must not merge into the step the saved state is after. */
  self->can_merge = FALSE;

  update_state (self);
}

/**
 * cjm_history_forget_saved:
 * @self: a #CjmHistory
 *
 * Makes the map modified until the next save, whatever undo and redo do:
 * for a map whose changes were never saved to its file, such as one
 * restored from a recovery file.
 */
void
cjm_history_forget_saved (CjmHistory *self)
{
  g_return_if_fail (CJM_IS_HISTORY (self));

  self->saved_distance = 0;
  self->saved_lost = TRUE;

  update_state (self);
}
