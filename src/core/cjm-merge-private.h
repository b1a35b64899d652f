/* cjm-merge-private.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-merge.h"

G_BEGIN_DECLS

#define CJM_MERGE_N_SIDES 3
#define CJM_MERGE_STAGE_FIELD "stage"

struct _CjmMergeConflict
{
  CjmMergeConflictKind  kind;
  char                 *element_id;
  CjmElement           *elements[CJM_MERGE_N_SIDES];
  CjmMap               *maps[CJM_MERGE_N_SIDES];
  /* The property, CJM_MERGE_STAGE_FIELD for the stage of a step, NULL for a deletion. */
  char                 *field;
  const char           *xml_name;
  GParamSpec           *pspec;
  GValue                values[CJM_MERGE_N_SIDES];
  CjmMergePick          pick;
};

G_END_DECLS
