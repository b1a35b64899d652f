/* cjm-pain-point-order-private.h: which cards the pain-point panel's lists
 * show, and in which order
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-core.h"

G_BEGIN_DECLS

/* The positions of the sort drop-downs. */
typedef enum
{
  CJM_PAIN_SORT_SEVERITY,
  CJM_PAIN_SORT_STAGE,
  CJM_PAIN_SORT_CATEGORY,
} CjmPainSort;

typedef enum
{
  CJM_OPPORTUNITY_SORT_PRIORITY,
  CJM_OPPORTUNITY_SORT_IMPACT,
  CJM_OPPORTUNITY_SORT_EFFORT,
  CJM_OPPORTUNITY_SORT_STAGE,
  CJM_OPPORTUNITY_SORT_STATUS,
} CjmOpportunitySort;

/* The map's steps: step id → its column, from 1. Empty without a map. */
G_GNUC_WARN_UNUSED_RESULT
GHashTable *_cjm_pain_point_order_new_step_ranks          (CjmMap             *map);
/* Whether @card passes the filter drop-down's position @filter (0, or
 * G_MAXUINT, is "all"; then the categories from the first after
 * "unspecified", or the statuses from the first) and the search @text
 * (in its title or description; %NULL or "" is anything). */
gboolean    _cjm_pain_point_order_matches                 (CjmCard            *card,
                                                           guint               filter,
                                                           const char         *text);
/* Sort functions: negative if @a comes first, ties broken by step, then
 * title. A step missing from @step_ranks comes last. */
int         _cjm_pain_point_order_compare_pain_points     (CjmCard            *a,
                                                           CjmCard            *b,
                                                           CjmPainSort         sort,
                                                           GHashTable         *step_ranks);
int         _cjm_pain_point_order_compare_opportunities   (CjmCard            *a,
                                                           CjmCard            *b,
                                                           CjmOpportunitySort  sort,
                                                           GHashTable         *step_ranks);

G_END_DECLS
