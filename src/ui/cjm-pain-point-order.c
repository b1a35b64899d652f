/* cjm-pain-point-order.c: which cards the pain-point panel's lists show,
 * and in which order
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-pain-point-order"

#include "config.h"

#include "cjm-impact-effort.h"
#include "cjm-pain-point-order-private.h"

/* The filter (search, category or status) and the orders of the lists of
 * pain points and of opportunities, from the positions of the panel's
 * drop-downs: plain values in, no widget read. The opportunities' order
 * puts the impact/effort matrix's quadrants first. */

static guint
step_rank (GHashTable *step_ranks,
           CjmCard    *card)
{
  const char *step_id = cjm_card_get_step_id (card);
  guint rank = step_id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (step_ranks, step_id)) : 0;

  return rank != 0 ? rank : G_MAXUINT;
}

static gboolean
matches_search (CjmCard    *card,
                const char *text)
{
  const char *title = cjm_card_get_title (card);
  const char *description = cjm_card_get_description (card);

  if (text == NULL || text[0] == '\0')
    return TRUE;

  return (title != NULL && g_str_match_string (text, title, TRUE)) ||
         (description != NULL && g_str_match_string (text, description, TRUE));
}

#define COMPARE(a, b) G_STMT_START { if ((a) != (b)) return (a) < (b) ? -1 : 1; } G_STMT_END

/* Not rated (0) after every rating */
static int
rating_or_last (int rating,
                int last)
{
  return rating > 0 ? rating : last;
}

static int
compare_titles (CjmCard *a,
                CjmCard *b)
{
  return g_utf8_collate (cjm_card_get_title (a) ? cjm_card_get_title (a) : "",
                         cjm_card_get_title (b) ? cjm_card_get_title (b) : "");
}

/* Internal API, for the panel */

GHashTable *
_cjm_pain_point_order_new_step_ranks (CjmMap *map)
{
  GHashTable *step_ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) steps = NULL;

  g_return_val_if_fail (map == NULL || CJM_IS_MAP (map), step_ranks);

  if (map == NULL)
    return step_ranks;

  steps = cjm_map_dup_steps (map);
  for (guint i = 0; i < steps->len; i++)
    g_hash_table_insert (step_ranks,
                         g_strdup (cjm_element_get_id (g_ptr_array_index (steps, i))),
                         GUINT_TO_POINTER (i + 1));

  return step_ranks;
}

gboolean
_cjm_pain_point_order_matches (CjmCard    *card,
                               guint       filter,
                               const char *text)
{
  CjmCardKind kind;

  g_return_val_if_fail (CJM_IS_CARD (card), FALSE);

  kind = cjm_card_get_kind (card);

  /* Position 0 is "all"; then the enumeration's values, from the first
   * after "unspecified" for categories, from the first for statuses. */
  if (filter != 0 && filter != G_MAXUINT)
    {
      if (kind == CJM_CARD_KIND_PAIN_POINT &&
          cjm_card_get_category (card) != (CjmPainCategory)filter)
        return FALSE;
      if (kind == CJM_CARD_KIND_OPPORTUNITY &&
          cjm_card_get_status (card) != (CjmOpportunityStatus)(filter - 1))
        return FALSE;
    }

  return matches_search (card, text);
}

int
_cjm_pain_point_order_compare_pain_points (CjmCard     *a,
                                           CjmCard     *b,
                                           CjmPainSort  sort,
                                           GHashTable  *step_ranks)
{
  int severity_a, severity_b;
  guint rank_a, rank_b;

  g_return_val_if_fail (CJM_IS_CARD (a), 0);
  g_return_val_if_fail (CJM_IS_CARD (b), 0);
  g_return_val_if_fail (step_ranks != NULL, 0);

  severity_a = -cjm_card_get_severity (a);
  severity_b = -cjm_card_get_severity (b);
  rank_a = step_rank (step_ranks, a);
  rank_b = step_rank (step_ranks, b);

  switch (sort)
    {
    case CJM_PAIN_SORT_STAGE:
      COMPARE (rank_a, rank_b);
      COMPARE (severity_a, severity_b);
      break;

    case CJM_PAIN_SORT_CATEGORY:
      {
        int category_a = rating_or_last (cjm_card_get_category (a), G_MAXINT);
        int category_b = rating_or_last (cjm_card_get_category (b), G_MAXINT);

        COMPARE (category_a, category_b);
        COMPARE (severity_a, severity_b);
        COMPARE (rank_a, rank_b);
      }
      break;

    case CJM_PAIN_SORT_SEVERITY:
    default:
      COMPARE (severity_a, severity_b);
      COMPARE (rank_a, rank_b);
      break;
    }

  return compare_titles (a, b);
}

int
_cjm_pain_point_order_compare_opportunities (CjmCard            *a,
                                             CjmCard            *b,
                                             CjmOpportunitySort  sort,
                                             GHashTable         *step_ranks)
{
  int impact_a, impact_b, effort_a, effort_b, quadrant_a, quadrant_b;
  guint rank_a, rank_b;

  g_return_val_if_fail (CJM_IS_CARD (a), 0);
  g_return_val_if_fail (CJM_IS_CARD (b), 0);
  g_return_val_if_fail (step_ranks != NULL, 0);

  rank_a = step_rank (step_ranks, a);
  rank_b = step_rank (step_ranks, b);
  impact_a = -cjm_card_get_impact (a);
  impact_b = -cjm_card_get_impact (b);
  effort_a = rating_or_last (cjm_card_get_effort (a), G_MAXINT);
  effort_b = rating_or_last (cjm_card_get_effort (b), G_MAXINT);
  quadrant_a = cjm_quadrant_for_rating (cjm_card_get_impact (a), cjm_card_get_effort (a));
  quadrant_b = cjm_quadrant_for_rating (cjm_card_get_impact (b), cjm_card_get_effort (b));

  switch (sort)
    {
    case CJM_OPPORTUNITY_SORT_IMPACT:
      COMPARE (impact_a, impact_b);
      COMPARE (effort_a, effort_b);
      break;

    case CJM_OPPORTUNITY_SORT_EFFORT:
      COMPARE (effort_a, effort_b);
      COMPARE (impact_a, impact_b);
      break;

    case CJM_OPPORTUNITY_SORT_STAGE:
      COMPARE (rank_a, rank_b);
      COMPARE (quadrant_a, quadrant_b);
      break;

    case CJM_OPPORTUNITY_SORT_STATUS:
      COMPARE ((int)cjm_card_get_status (a), (int)cjm_card_get_status (b));
      COMPARE (quadrant_a, quadrant_b);
      COMPARE (impact_a, impact_b);
      break;

    case CJM_OPPORTUNITY_SORT_PRIORITY:
    default:
      COMPARE (quadrant_a, quadrant_b);
      COMPARE (impact_a, impact_b);
      COMPARE (effort_a, effort_b);
      break;
    }

  COMPARE (rank_a, rank_b);

  return compare_titles (a, b);
}

#undef COMPARE
