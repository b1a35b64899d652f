/* cjm-pain-point-panel-private.h: the panel's parts, for the tests
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-impact-effort.h"
#include "cjm-pain-point-order-private.h"
#include "cjm-pain-point-panel.h"

G_BEGIN_DECLS

/* The positions of the sort drop-downs, CjmPainSort and
 * CjmOpportunitySort, are in cjm-pain-point-order-private.h. */

/* Each takes CJM_CARD_KIND_PAIN_POINT or CJM_CARD_KIND_OPPORTUNITY. The
 * filter drop-down's position 0 is "all", then the categories (or the
 * statuses) in the order of their enumeration. */
GtkSingleSelection *_cjm_pain_point_panel_get_list_model  (CjmPainPointPanel *self,
                                                           CjmCardKind        kind);
GtkEditable        *_cjm_pain_point_panel_get_search      (CjmPainPointPanel *self,
                                                           CjmCardKind        kind);
GtkDropDown        *_cjm_pain_point_panel_get_filter      (CjmPainPointPanel *self,
                                                           CjmCardKind        kind);
GtkDropDown        *_cjm_pain_point_panel_get_sort        (CjmPainPointPanel *self,
                                                           CjmCardKind        kind);
/* "list", "matrix", "empty" or "no-results" */
const char         *_cjm_pain_point_panel_get_content     (CjmPainPointPanel *self,
                                                           CjmCardKind        kind);
CjmCardKind         _cjm_pain_point_panel_get_shown_kind  (CjmPainPointPanel *self);
void                _cjm_pain_point_panel_show_kind       (CjmPainPointPanel *self,
                                                           CjmCardKind        kind);
void                _cjm_pain_point_panel_show_matrix     (CjmPainPointPanel *self,
                                                           gboolean           matrix);
CjmImpactEffort    *_cjm_pain_point_panel_get_matrix      (CjmPainPointPanel *self);
GtkWidget          *_cjm_pain_point_panel_get_editor      (CjmPainPointPanel *self);

G_END_DECLS
