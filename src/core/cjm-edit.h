/* cjm-edit.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cjm-element.h"
#include "cjm-enums.h"
#include "cjm-types.h"

G_BEGIN_DECLS

/* Every change the user makes to a map, as undoable commands recorded in the
 * map's history. The UI and the tests edit maps only through these. Each
 * returns the new element (owned by the map) or %FALSE with an error that
 * says, in words for the user, why the edit cannot be made. A refused
 * edit changes nothing; an edit that changes nothing records nothing.
 *
 * Each is one step to undo, whatever it cascades to. Several edits the
 * user makes at once (moving a selection of cards) go between
 * cjm_history_begin_group() and cjm_history_end_group() to be one step.
 */

#define CJM_EDIT_ERROR (cjm_edit_error_quark ())

typedef enum
{
  CJM_EDIT_ERROR_NOT_ALLOWED,  /* e.g. a touchpoint dropped on an emotion lane */
  CJM_EDIT_ERROR_NOT_FOUND,    /* an id that names nothing in the map */
} CjmEditError;

GQuark         cjm_edit_error_quark           (void);

CjmLaneKind    cjm_card_kind_get_lane_kind    (CjmCardKind   kind);

CjmPersona    *cjm_edit_add_persona           (CjmHistory    *history,
                                               int            position,
                                               const char    *name);
CjmStage      *cjm_edit_add_stage             (CjmHistory    *history,
                                               int            position,
                                               const char    *name);
CjmStep       *cjm_edit_add_step              (CjmHistory    *history,
                                               CjmStage      *stage,
                                               int            position,
                                               const char    *name);
CjmLane       *cjm_edit_add_lane              (CjmHistory    *history,
                                               int            position,
                                               CjmLaneKind    kind,
                                               const char    *name);
CjmCard       *cjm_edit_add_card              (CjmHistory    *history,
                                               CjmCardKind    kind,
                                               const char    *lane_id,
                                               const char    *step_id,
                                               int            position,
                                               const char    *title,
                                               GError       **error);
CjmConnection *cjm_edit_connect               (CjmHistory    *history,
                                               const char    *from_id,
                                               const char    *to_id,
                                               const char    *label,
                                               GError       **error);
CjmRevision   *cjm_edit_add_revision          (CjmHistory    *history,
                                               const char    *date,
                                               const char    *author,
                                               const char    *note);
void           cjm_edit_set_value             (CjmHistory    *history,
                                               gpointer       object,
                                               const char    *property,
                                               const GValue  *value);
void           cjm_edit_set_string            (CjmHistory    *history,
                                               gpointer       object,
                                               const char    *property,
                                               const char    *text);
void           cjm_edit_set_int               (CjmHistory    *history,
                                               gpointer       object,
                                               const char    *property,
                                               int            number);
CjmEmotion    *cjm_edit_set_emotion           (CjmHistory    *history,
                                               const char    *persona_id,
                                               const char    *step_id,
                                               int            score,
                                               GError       **error);
void           cjm_edit_clear_emotion         (CjmHistory    *history,
                                               const char    *persona_id,
                                               const char    *step_id);
gboolean       cjm_edit_delete                (CjmHistory    *history,
                                               GPtrArray     *elements,
                                               GError       **error);
gboolean       cjm_edit_move_card             (CjmHistory    *history,
                                               CjmCard       *card,
                                               const char    *lane_id,
                                               const char    *step_id,
                                               int            position,
                                               GError       **error);
gboolean       cjm_edit_resize_card           (CjmHistory    *history,
                                               CjmCard       *card,
                                               int            span,
                                               GError       **error);
CjmCard       *cjm_edit_duplicate_card        (CjmHistory    *history,
                                               CjmCard       *card);
gboolean       cjm_edit_move_persona          (CjmHistory    *history,
                                               CjmPersona    *persona,
                                               guint          position);
gboolean       cjm_edit_move_stage            (CjmHistory    *history,
                                               CjmStage      *stage,
                                               guint          position);
gboolean       cjm_edit_move_step             (CjmHistory    *history,
                                               CjmStep       *step,
                                               CjmStage      *stage,
                                               guint          position,
                                               GError       **error);
gboolean       cjm_edit_move_lane             (CjmHistory    *history,
                                               CjmLane       *lane,
                                               guint          position);
gboolean       cjm_edit_link_pain_point       (CjmHistory    *history,
                                               CjmCard       *pain_point,
                                               CjmCard       *touchpoint,
                                               GError       **error);
gboolean       cjm_edit_link_opportunity      (CjmHistory    *history,
                                               CjmCard       *opportunity,
                                               CjmCard       *pain_point,
                                               GError       **error);
void           cjm_edit_unlink_cards          (CjmHistory    *history,
                                               CjmCard       *card,
                                               CjmCard       *linked);
gboolean       cjm_edit_delete_full           (CjmHistory    *history,
                                               GPtrArray     *elements,
                                               GPtrArray    **removed,
                                               GError       **error);
CjmStage      *cjm_edit_duplicate_stage       (CjmHistory    *history,
                                               CjmStage      *stage);
CjmPersona    *cjm_edit_duplicate_persona     (CjmHistory    *history,
                                               CjmPersona    *persona);
GPtrArray     *cjm_edit_paste_cards           (CjmHistory    *history,
                                               GPtrArray     *cards,
                                               GPtrArray     *connections,
                                               const char    *lane_id,
                                               const char    *step_id,
                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
