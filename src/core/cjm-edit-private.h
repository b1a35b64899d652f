/* cjm-edit-private.h: what the files of the edits share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cjm-command.h"
#include "cjm-edit.h"

G_BEGIN_DECLS

typedef enum
{
  CARD_ADD,
  CARD_MOVE,
  CARD_RESIZE,
  CARD_DUPLICATE,
  CARD_DELETE,
  CARD_DELETE_SEVERAL,
  CARD_PASTE,
  N_CARD_ACTIONS
} CardAction;

/* The steps of a map, left to right, and where each is. */
typedef struct
{
  GPtrArray  *steps;    /* of CjmStep */
  GHashTable *indexes;  /* step id → index + 1 */
} CjmColumns;

const char *_cjm_edit_card_label         (CjmCardKind          kind,
                                          CardAction           action);
void        _cjm_edit_push               (CjmHistory          *history,
                                          CjmCommand          *command);
void        _cjm_edit_push_insert        (CjmHistory          *history,
                                          const char          *label,
                                          GListStore          *store,
                                          guint                position,
                                          gpointer             item);
void        _cjm_edit_push_remove        (CjmHistory          *history,
                                          const char          *label,
                                          GListStore          *store,
                                          gpointer             item);
void        _cjm_edit_push_set_int       (CjmHistory          *history,
                                          const char          *label,
                                          gpointer             object,
                                          const char          *property,
                                          int                  number);
void        _cjm_edit_push_set_string    (CjmHistory          *history,
                                          const char          *label,
                                          gpointer             object,
                                          const char          *property,
                                          const char          *text);
void        _cjm_edit_push_set_strv      (CjmHistory          *history,
                                          const char          *label,
                                          gpointer             object,
                                          const char          *property,
                                          const char * const  *strv);
void        _cjm_edit_push_unlink        (CjmHistory          *history,
                                          const char          *label,
                                          CjmCard             *card,
                                          const char          *property,
                                          GHashTable          *ids);
gboolean    _cjm_edit_has_element        (CjmMap              *map,
                                          gpointer             element);
void        _cjm_edit_columns_init       (CjmColumns          *columns,
                                          CjmMap              *map);
void        _cjm_edit_columns_clear      (CjmColumns          *columns);
gboolean    _cjm_edit_columns_find       (CjmColumns          *columns,
                                          const char          *step_id,
                                          guint               *index);
int         _cjm_edit_columns_max_span   (CjmColumns          *columns,
                                          guint                index);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CjmColumns, _cjm_edit_columns_clear)

G_END_DECLS
