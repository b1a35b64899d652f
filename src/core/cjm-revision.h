/* cjm-revision.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-element.h"
#include "cjm-enums.h"

G_BEGIN_DECLS

#define CJM_TYPE_REVISION (cjm_revision_get_type ())

G_DECLARE_FINAL_TYPE (CjmRevision, cjm_revision, CJM, REVISION, CjmElement)

CjmRevision *cjm_revision_new        (const char *id) G_GNUC_WARN_UNUSED_RESULT;
const char  *cjm_revision_get_date   (CjmRevision *self);
const char  *cjm_revision_get_author (CjmRevision *self);
const char  *cjm_revision_get_note   (CjmRevision *self);
void         cjm_revision_set_date   (CjmRevision *self,
                                      const char  *date);
void         cjm_revision_set_author (CjmRevision *self,
                                      const char  *author);
void         cjm_revision_set_note   (CjmRevision *self,
                                      const char  *note);

G_END_DECLS
