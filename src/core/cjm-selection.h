/* cjm-selection.h: the elements the user has selected, and the focused one
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cjm-types.h"

G_BEGIN_DECLS

#define CJM_TYPE_SELECTION (cjm_selection_get_type ())

G_DECLARE_FINAL_TYPE (CjmSelection, cjm_selection, CJM, SELECTION, GObject)

CjmSelection        *cjm_selection_new          (void) G_GNUC_WARN_UNUSED_RESULT;
guint                cjm_selection_get_n_ids    (CjmSelection       *self);
const char          *cjm_selection_get_id       (CjmSelection       *self,
                                                 guint               position);
gboolean             cjm_selection_contains     (CjmSelection       *self,
                                                 const char         *id);
GHashTable          *cjm_selection_get_set      (CjmSelection       *self);
char               **cjm_selection_dup_ids      (CjmSelection       *self) G_GNUC_WARN_UNUSED_RESULT;
const char          *cjm_selection_get_focused  (CjmSelection       *self);
void                 cjm_selection_select       (CjmSelection       *self,
                                                 const char         *id);
void                 cjm_selection_add          (CjmSelection       *self,
                                                 const char         *id);
void                 cjm_selection_remove       (CjmSelection       *self,
                                                 const char         *id);
void                 cjm_selection_toggle       (CjmSelection       *self,
                                                 const char         *id);
void                 cjm_selection_set_ids      (CjmSelection       *self,
                                                 const char * const *ids);
void                 cjm_selection_clear        (CjmSelection       *self);
void                 cjm_selection_set_focused  (CjmSelection       *self,
                                                 const char         *id);
void                 cjm_selection_prune        (CjmSelection       *self,
                                                 CjmMap             *map);

G_END_DECLS
