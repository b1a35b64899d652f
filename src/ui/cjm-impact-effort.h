/* cjm-impact-effort.h: opportunities on an impact/effort matrix
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-core.h"

G_BEGIN_DECLS

/* The four quadrants of the matrix, in the order to act on them. */
typedef enum
{
  CJM_QUADRANT_QUICK_WINS,  /* high impact, low effort */
  CJM_QUADRANT_BIG_BETS,    /* high impact, high effort */
  CJM_QUADRANT_FILL_INS,    /* low impact, low effort */
  CJM_QUADRANT_MONEY_PITS,  /* low impact, high effort */
  CJM_QUADRANT_NONE,        /* impact or effort not rated */
} CjmQuadrant;

#define CJM_TYPE_IMPACT_EFFORT (cjm_impact_effort_get_type ())

G_DECLARE_FINAL_TYPE (CjmImpactEffort, cjm_impact_effort, CJM, IMPACT_EFFORT, GtkWidget)

GtkWidget   *cjm_impact_effort_new             (void);
GListModel  *cjm_impact_effort_get_model       (CjmImpactEffort *self);
const char  *cjm_impact_effort_get_selected_id (CjmImpactEffort *self);
void         cjm_impact_effort_set_model       (CjmImpactEffort *self,
                                                GListModel      *model);
void         cjm_impact_effort_set_selected_id (CjmImpactEffort *self,
                                                const char      *id);

CjmQuadrant  cjm_quadrant_for_rating           (int              impact,
                                                int              effort);
const char  *cjm_quadrant_get_label            (CjmQuadrant      quadrant);

G_END_DECLS
