/* cjm-map.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cjm-element.h"
#include "cjm-types.h"
#include "cjm-enums.h"

G_BEGIN_DECLS

#define CJM_TYPE_MAP (cjm_map_get_type ())

G_DECLARE_FINAL_TYPE (CjmMap, cjm_map, CJM, MAP, CjmElement)

CjmMap     *cjm_map_new             (const char *id) G_GNUC_WARN_UNUSED_RESULT;
const char *cjm_map_get_title       (CjmMap *self);
const char *cjm_map_get_description (CjmMap *self);
const char *cjm_map_get_scope_start (CjmMap *self);
const char *cjm_map_get_scope_end   (CjmMap *self);
CjmTarget   cjm_map_get_target      (CjmMap *self);
const char *cjm_map_get_segment     (CjmMap *self);
const char *cjm_map_get_offer       (CjmMap *self);
const char *cjm_map_get_authors     (CjmMap *self);
const char *cjm_map_get_created     (CjmMap *self);
const char *cjm_map_get_reviewed    (CjmMap *self);
void        cjm_map_set_title       (CjmMap     *self,
                                     const char *title);
void        cjm_map_set_description (CjmMap     *self,
                                     const char *description);
void        cjm_map_set_scope_start (CjmMap     *self,
                                     const char *scope_start);
void        cjm_map_set_scope_end   (CjmMap     *self,
                                     const char *scope_end);
void        cjm_map_set_target      (CjmMap     *self,
                                     CjmTarget   target);
void        cjm_map_set_segment     (CjmMap     *self,
                                     const char *segment);
void        cjm_map_set_offer       (CjmMap     *self,
                                     const char *offer);
void        cjm_map_set_authors     (CjmMap     *self,
                                     const char *authors);
void        cjm_map_set_created     (CjmMap     *self,
                                     const char *created);
void        cjm_map_set_reviewed    (CjmMap     *self,
                                     const char *reviewed);
GListModel *cjm_map_get_revisions      (CjmMap     *self);
GListModel *cjm_map_get_personas       (CjmMap     *self);
GListModel *cjm_map_get_stages         (CjmMap     *self);
GListModel *cjm_map_get_lanes          (CjmMap     *self);
GListModel *cjm_map_get_cards          (CjmMap     *self);
GListModel *cjm_map_get_emotions       (CjmMap     *self);
GListModel *cjm_map_get_connections    (CjmMap     *self);
CjmElement *cjm_map_lookup             (CjmMap     *self,
                                        const char *id);
gpointer    cjm_map_lookup_typed       (CjmMap     *self,
                                        const char *id,
                                        GType       type);
GPtrArray  *cjm_map_dup_steps          (CjmMap     *self) G_GNUC_WARN_UNUSED_RESULT;
CjmStage   *cjm_map_find_stage_of_step (CjmMap     *self,
                                        const char *step_id,
                                        guint      *position);
CjmEmotion *cjm_map_find_emotion       (CjmMap     *self,
                                        const char *persona_id,
                                        const char *step_id);
gboolean    cjm_map_lane_holds_cards   (CjmMap     *self,
                                        CjmLane    *lane);

G_END_DECLS
