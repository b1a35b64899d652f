/* cjm-command.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CJM_TYPE_COMMAND (cjm_command_get_type ())

G_DECLARE_DERIVABLE_TYPE (CjmCommand, cjm_command, CJM, COMMAND, GObject)

/* One undoable change to a map. */
struct _CjmCommandClass
{
  GObjectClass parent_class;

  /* Makes the change (the first time, and again on redo). */
  void     (*apply)  (CjmCommand *self);
  /* Takes the change back (undo). */
  void     (*revert) (CjmCommand *self);
  /* Absorbs @next, already applied, into @self when both are one edit to
   * the user (typing in one text field); returns %TRUE if it did. */
  gboolean (*merge)  (CjmCommand *self,
                      CjmCommand *next);
};

const char *cjm_command_get_label (CjmCommand *self);
void        cjm_command_apply     (CjmCommand *self);
void        cjm_command_revert    (CjmCommand *self);
gboolean    cjm_command_merge     (CjmCommand *self,
                                   CjmCommand *next);

G_END_DECLS
