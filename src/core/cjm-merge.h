/* cjm-merge.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cjm-element.h"
#include "cjm-types.h"

G_BEGIN_DECLS

#define CJM_TYPE_MERGE (cjm_merge_get_type ())

G_DECLARE_FINAL_TYPE (CjmMerge, cjm_merge, CJM, MERGE, GObject)

typedef enum
{
  CJM_MERGE_SIDE_BASE,    /* the version both started from */
  CJM_MERGE_SIDE_MINE,    /* the map being edited here */
  CJM_MERGE_SIDE_THEIRS,  /* the version someone else saved */
} CjmMergeSide;

typedef enum
{
  CJM_MERGE_PICK_MINE,
  CJM_MERGE_PICK_THEIRS,
} CjmMergePick;

typedef enum
{
  /* Both changed the same field of one element to different values. */
  CJM_MERGE_CONFLICT_FIELD,
  /* One deleted an element the other changed. */
  CJM_MERGE_CONFLICT_DELETED,
} CjmMergeConflictKind;

typedef struct _CjmMergeConflict CjmMergeConflict;

CjmMerge             *cjm_merge_new                         (CjmMap           *base,
                                                             CjmMap           *mine,
                                                             CjmMap           *theirs) G_GNUC_WARN_UNUSED_RESULT;
guint                 cjm_merge_get_n_conflicts             (CjmMerge         *self);
CjmMergeConflict     *cjm_merge_get_conflict                (CjmMerge         *self,
                                                             guint             position);
void                  cjm_merge_pick_all                    (CjmMerge         *self,
                                                             CjmMergePick      pick);
CjmMap               *cjm_merge_build_result                (CjmMerge         *self,
                                                             GPtrArray        *problems) G_GNUC_WARN_UNUSED_RESULT;

CjmMergeConflictKind  cjm_merge_conflict_get_kind           (CjmMergeConflict *self);
const char           *cjm_merge_conflict_get_element_id     (CjmMergeConflict *self);
CjmElement           *cjm_merge_conflict_get_element        (CjmMergeConflict *self,
                                                             CjmMergeSide      side);
char                 *cjm_merge_conflict_dup_description    (CjmMergeConflict *self) G_GNUC_WARN_UNUSED_RESULT;
const char           *cjm_merge_conflict_get_field          (CjmMergeConflict *self);
const char           *cjm_merge_conflict_get_field_label    (CjmMergeConflict *self);
const GValue         *cjm_merge_conflict_get_value          (CjmMergeConflict *self,
                                                             CjmMergeSide      side);
char                 *cjm_merge_conflict_dup_value_text     (CjmMergeConflict *self,
                                                             CjmMergeSide      side) G_GNUC_WARN_UNUSED_RESULT;
CjmMergePick          cjm_merge_conflict_get_pick           (CjmMergeConflict *self);
void                  cjm_merge_conflict_set_pick           (CjmMergeConflict *self,
                                                             CjmMergePick      pick);

G_END_DECLS
