/* cjm-labels.c: the words for the values of the model's enumerations
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-labels"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cjm-card.h"
#include "cjm-enum-types.h"
#include "cjm-labels.h"
#include "cjm-lane.h"
#include "cjm-map.h"
#include "cjm-stage.h"
#include "cjm-step.h"

/* Each switch lists every value, so that a value added to cjm-enums.h
 * without a label here is a compiler warning (-Wswitch-enum). */

const char *
cjm_lane_kind_get_label (CjmLaneKind kind)
{
  switch (kind)
    {
    case CJM_LANE_KIND_CHANNEL:
      return C_("lane kind", "Channel");
    case CJM_LANE_KIND_TEXT:
      return C_("lane kind", "Text");
    case CJM_LANE_KIND_EMOTION:
      return C_("lane kind", "Emotion curve");
    case CJM_LANE_KIND_PAIN_POINTS:
      return C_("lane kind", "Pain points");
    case CJM_LANE_KIND_OPPORTUNITIES:
      return C_("lane kind", "Opportunities");
    case CJM_LANE_KIND_METRICS:
      return C_("lane kind", "KPIs");
    case CJM_LANE_KIND_BACKSTAGE:
      return C_("lane kind", "Backstage");
    default:
      return NULL;
    }
}

const char *
cjm_channel_get_label (CjmChannel channel)
{
  switch (channel)
    {
    case CJM_CHANNEL_WEBSITE:
      return C_("channel", "Website");
    case CJM_CHANNEL_MOBILE_APP:
      return C_("channel", "Mobile app");
    case CJM_CHANNEL_SOCIAL_NETWORK:
      return C_("channel", "Social networks");
    case CJM_CHANNEL_STORE:
      return C_("channel", "Store");
    case CJM_CHANNEL_CALL_CENTRE:
      return C_("channel", "Call centre");
    case CJM_CHANNEL_EMAIL:
      return C_("channel", "E-mail/newsletter");
    case CJM_CHANNEL_LIVE_CHAT:
      return C_("channel", "Live chat");
    case CJM_CHANNEL_EVENT:
      return C_("channel", "Event");
    case CJM_CHANNEL_DEMO:
      return C_("channel", "Demo");
    case CJM_CHANNEL_SALES_CALL:
      return C_("channel", "Sales call");
    case CJM_CHANNEL_CUSTOM:
      return C_("channel", "Other channel");
    case CJM_CHANNEL_UNSPECIFIED:
    default:
      return NULL;
    }
}

const char *
cjm_text_kind_get_label (CjmTextKind text_kind)
{
  switch (text_kind)
    {
    case CJM_TEXT_KIND_ACTIONS:
      return C_("text lane", "Actions");
    case CJM_TEXT_KIND_THOUGHTS:
      return C_("text lane", "Thoughts");
    case CJM_TEXT_KIND_QUOTES:
      return C_("text lane", "Quotes");
    case CJM_TEXT_KIND_CUSTOM:
    default:
      return NULL;
    }
}

const char *
cjm_card_kind_get_label (CjmCardKind kind)
{
  switch (kind)
    {
    case CJM_CARD_KIND_TOUCHPOINT:
      return C_("card kind", "Touchpoint");
    case CJM_CARD_KIND_NOTE:
      return C_("card kind", "Note");
    case CJM_CARD_KIND_PAIN_POINT:
      return C_("card kind", "Pain point");
    case CJM_CARD_KIND_OPPORTUNITY:
      return C_("card kind", "Opportunity");
    case CJM_CARD_KIND_METRIC:
      return C_("card kind", "KPI");
    case CJM_CARD_KIND_BACKSTAGE:
      return C_("card kind", "Backstage");
    default:
      return NULL;
    }
}

const char *
cjm_presence_get_label (CjmPresence presence)
{
  switch (presence)
    {
    case CJM_PRESENCE_ONLINE:
      return C_("presence", "Online");
    case CJM_PRESENCE_OFFLINE:
      return C_("presence", "Offline");
    case CJM_PRESENCE_UNSPECIFIED:
    default:
      return NULL;
    }
}

const char *
cjm_direction_get_label (CjmDirection direction)
{
  switch (direction)
    {
    case CJM_DIRECTION_INBOUND:
      return C_("direction", "Inbound");
    case CJM_DIRECTION_OUTBOUND:
      return C_("direction", "Outbound");
    case CJM_DIRECTION_UNSPECIFIED:
    default:
      return NULL;
    }
}

const char *
cjm_department_get_label (CjmDepartment department)
{
  switch (department)
    {
    case CJM_DEPARTMENT_SALES:
      return C_("department", "Sales");
    case CJM_DEPARTMENT_AFTER_SALES:
      return C_("department", "After-sales");
    case CJM_DEPARTMENT_MARKETING:
      return C_("department", "Marketing");
    case CJM_DEPARTMENT_DIGITAL:
      return C_("department", "Digital");
    case CJM_DEPARTMENT_CALL_CENTRE:
      return C_("department", "Call centre");
    case CJM_DEPARTMENT_AGENCIES:
      return C_("department", "Agencies");
    case CJM_DEPARTMENT_OTHER:
      return C_("department", "Other");
    case CJM_DEPARTMENT_UNSPECIFIED:
    default:
      return NULL;
    }
}

const char *
cjm_pain_category_get_label (CjmPainCategory category)
{
  switch (category)
    {
    case CJM_PAIN_CATEGORY_FINANCIAL:
      return C_("pain point category", "Financial");
    case CJM_PAIN_CATEGORY_PRODUCTIVITY:
      return C_("pain point category", "Productivity");
    case CJM_PAIN_CATEGORY_PROCESS:
      return C_("pain point category", "Process");
    case CJM_PAIN_CATEGORY_SUPPORT:
      return C_("pain point category", "Support");
    case CJM_PAIN_CATEGORY_UNSPECIFIED:
    default:
      return NULL;
    }
}

const char *
cjm_evidence_kind_get_label (CjmEvidenceKind evidence_kind)
{
  switch (evidence_kind)
    {
    case CJM_EVIDENCE_KIND_ANALYTICS:
      return C_("evidence", "Analytics");
    case CJM_EVIDENCE_KIND_CRM:
      return C_("evidence", "CRM");
    case CJM_EVIDENCE_KIND_SALES_DATA:
      return C_("evidence", "Sales data");
    case CJM_EVIDENCE_KIND_SURVEY:
      return C_("evidence", "Survey");
    case CJM_EVIDENCE_KIND_INTERVIEW:
      return C_("evidence", "Interview");
    case CJM_EVIDENCE_KIND_SOCIAL_LISTENING:
      return C_("evidence", "Social listening");
    case CJM_EVIDENCE_KIND_CUSTOMER_FEEDBACK:
      return C_("evidence", "Customer feedback");
    case CJM_EVIDENCE_KIND_UNSPECIFIED:
    default:
      return NULL;
    }
}

const char *
cjm_opportunity_status_get_label (CjmOpportunityStatus status)
{
  switch (status)
    {
    case CJM_OPPORTUNITY_STATUS_IDEA:
      return C_("opportunity status", "Idea");
    case CJM_OPPORTUNITY_STATUS_PLANNED:
      return C_("opportunity status", "Planned");
    case CJM_OPPORTUNITY_STATUS_IN_PROGRESS:
      return C_("opportunity status", "In progress");
    case CJM_OPPORTUNITY_STATUS_DONE:
      return C_("opportunity status", "Done");
    default:
      return NULL;
    }
}

/**
 * cjm_emotion_score_get_label:
 * @score: an emotion score, from -3 to 3
 *
 * Returns: (nullable): the name of the emotion level, e.g. "Satisfied" for 1
 */
const char *
cjm_emotion_score_get_label (int score)
{
  switch (score)
    {
    case -3:
      return C_("emotion", "Frustrated");
    case -2:
      return C_("emotion", "Disappointed");
    case -1:
      return C_("emotion", "Annoyed");
    case 0:
      return C_("emotion", "Neutral");
    case 1:
      return C_("emotion", "Satisfied");
    case 2:
      return C_("emotion", "Happy");
    case 3:
      return C_("emotion", "Delighted");
    default:
      return NULL;
    }
}

const char *
cjm_target_get_label (CjmTarget target)
{
  switch (target)
    {
    case CJM_TARGET_B2C:
      return _("Consumers (B2C)");
    case CJM_TARGET_B2B:
      return _("Businesses (B2B)");
    case CJM_TARGET_B2B2C:
      return _("Businesses and Their Customers (B2B2C)");
    case CJM_TARGET_UNSPECIFIED:
    default:
      return NULL;
    }
}

const char *
cjm_environment_get_label (CjmEnvironment environment)
{
  switch (environment)
    {
    case CJM_ENVIRONMENT_URBAN:
      return _("Urban");
    case CJM_ENVIRONMENT_SUBURBAN:
      return _("Suburban");
    case CJM_ENVIRONMENT_RURAL:
      return _("Rural");
    case CJM_ENVIRONMENT_UNSPECIFIED:
    default:
      return NULL;
    }
}

/**
 * cjm_enum_get_label:
 * @enum_type: the type of one of the model's enumerations
 * @value: a value of it
 *
 * The label of @value, for code that handles any field: the inspector's
 * rows, a merge conflict.
 *
 * Returns: (nullable): the label, or %NULL for the unspecified value and
 *   for a type that is not one of the model's enumerations
 */
const char *
cjm_enum_get_label (GType enum_type,
                    int   value)
{
  if (enum_type == CJM_TYPE_TARGET)
    return cjm_target_get_label (value);
  if (enum_type == CJM_TYPE_ENVIRONMENT)
    return cjm_environment_get_label (value);
  if (enum_type == CJM_TYPE_LANE_KIND)
    return cjm_lane_kind_get_label (value);
  if (enum_type == CJM_TYPE_CHANNEL)
    return cjm_channel_get_label (value);
  if (enum_type == CJM_TYPE_TEXT_KIND)
    return cjm_text_kind_get_label (value);
  if (enum_type == CJM_TYPE_CARD_KIND)
    return cjm_card_kind_get_label (value);
  if (enum_type == CJM_TYPE_PRESENCE)
    return cjm_presence_get_label (value);
  if (enum_type == CJM_TYPE_DIRECTION)
    return cjm_direction_get_label (value);
  if (enum_type == CJM_TYPE_DEPARTMENT)
    return cjm_department_get_label (value);
  if (enum_type == CJM_TYPE_PAIN_CATEGORY)
    return cjm_pain_category_get_label (value);
  if (enum_type == CJM_TYPE_EVIDENCE_KIND)
    return cjm_evidence_kind_get_label (value);
  if (enum_type == CJM_TYPE_OPPORTUNITY_STATUS)
    return cjm_opportunity_status_get_label (value);

  return NULL;
}

/**
 * cjm_labels_dup_step_place:
 * @map: a map
 * @step_id: (nullable): the id of one of its steps
 *
 * Where a step is in the journey, as the panels list it: its stage and
 * its name, e.g. "Purchase · Checkout", or its name alone when its stage
 * has none.
 *
 * Returns: (transfer full) (nullable): the words, or %NULL if @step_id
 *   names no step of @map
 */
char *
cjm_labels_dup_step_place (CjmMap     *map,
                           const char *step_id)
{
  CjmStep *step;
  CjmStage *stage;
  const char *step_name;
  const char *stage_name;

  g_return_val_if_fail (CJM_IS_MAP (map), NULL);

  step = step_id != NULL ? cjm_map_lookup_typed (map, step_id, CJM_TYPE_STEP) : NULL;
  if (step == NULL)
    return NULL;

  step_name = cjm_step_get_name (step);
  if (step_name == NULL || step_name[0] == '\0')
    step_name = _("Untitled");
  stage = cjm_map_find_stage_of_step (map, step_id, NULL);
  stage_name = stage != NULL ? cjm_stage_get_name (stage) : NULL;
  if (stage_name == NULL || stage_name[0] == '\0')
    return g_strdup (step_name);

  /* Translators: a step of the journey after its stage, e.g. "Purchase · Checkout" */
  return g_strdup_printf (_("%s · %s"), stage_name, step_name);
}

/**
 * cjm_labels_get_lane_kind:
 * @lane: a lane
 *
 * What the lane is, in words: its channel ("Website"), its kind of text
 * ("Thoughts") or its kind ("Pain points").
 *
 * Returns: the words
 */
const char *
cjm_labels_get_lane_kind (CjmLane *lane)
{
  const char *words = NULL;

  g_return_val_if_fail (CJM_IS_LANE (lane), NULL);

  if (cjm_lane_get_kind (lane) == CJM_LANE_KIND_CHANNEL)
    words = cjm_channel_get_label (cjm_lane_get_channel (lane));
  else if (cjm_lane_get_kind (lane) == CJM_LANE_KIND_TEXT)
    words = cjm_text_kind_get_label (cjm_lane_get_text_kind (lane));

  return words != NULL ? words : cjm_lane_kind_get_label (cjm_lane_get_kind (lane));
}

static void
append_part (GString    *meta,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (meta->len > 0)
    g_string_append (meta, " · ");
  g_string_append (meta, part);
}

/**
 * cjm_labels_dup_card_meta:
 * @card: a card
 * @lane: (nullable): the lane it is in
 *
 * The card's meta line, as the map shows it under the card's title: what
 * its kind says beyond the title, e.g. "Process · Severity 4/5" for a pain
 * point or "Planned · Impact 4 · Effort 2" for an opportunity. With the
 * title, it also describes the card to assistive technologies.
 *
 * Returns: (transfer full) (nullable): the meta line, or %NULL if there is
 *   nothing to say
 */
char *
cjm_labels_dup_card_meta (CjmCard *card,
                          CjmLane *lane)
{
  g_autoptr(GString) meta = NULL;
  char number[64];

  g_return_val_if_fail (CJM_IS_CARD (card), NULL);
  g_return_val_if_fail (lane == NULL || CJM_IS_LANE (lane), NULL);

  meta = g_string_new (NULL);

  switch (cjm_card_get_kind (card))
    {
    case CJM_CARD_KIND_TOUCHPOINT:
      if (lane != NULL && cjm_lane_get_kind (lane) == CJM_LANE_KIND_CHANNEL)
        {
          const char *channel = cjm_channel_get_label (cjm_lane_get_channel (lane));

          /* A lane named after its channel already says it. */
          if (g_strcmp0 (channel, cjm_lane_get_name (lane)) != 0)
            append_part (meta, channel);
        }
      append_part (meta, cjm_presence_get_label (cjm_card_get_presence (card)));
      append_part (meta, cjm_direction_get_label (cjm_card_get_direction (card)));
      append_part (meta, cjm_department_get_label (cjm_card_get_department (card)));
      break;

    case CJM_CARD_KIND_PAIN_POINT:
      append_part (meta, cjm_pain_category_get_label (cjm_card_get_category (card)));
      if (cjm_card_get_severity (card) > 0)
        {
          /* Translators: how severe a pain point is, out of 5 */
          g_snprintf (number, sizeof number, C_("pain point", "Severity %d/5"),
                      cjm_card_get_severity (card));
          append_part (meta, number);
        }
      break;

    case CJM_CARD_KIND_OPPORTUNITY:
      append_part (meta, cjm_opportunity_status_get_label (cjm_card_get_status (card)));
      if (cjm_card_get_impact (card) > 0)
        {
          g_snprintf (number, sizeof number, C_("opportunity", "Impact %d"),
                      cjm_card_get_impact (card));
          append_part (meta, number);
        }
      if (cjm_card_get_effort (card) > 0)
        {
          g_snprintf (number, sizeof number, C_("opportunity", "Effort %d"),
                      cjm_card_get_effort (card));
          append_part (meta, number);
        }
      break;

    case CJM_CARD_KIND_METRIC:
      {
        const char *actual = cjm_card_get_kpi_actual (card);
        const char *target = cjm_card_get_kpi_target (card);
        const char *unit = cjm_card_get_kpi_unit (card);
        g_autofree char *value = NULL;

        append_part (meta, cjm_card_get_kpi_name (card));
        if (actual != NULL && target != NULL)
          /* Translators: a KPI's actual value and its target, e.g. "18 / 25" */
          value = g_strdup_printf (C_("kpi", "%s / %s"), actual, target);
        else if (target != NULL)
          value = g_strdup_printf (C_("kpi", "Target %s"), target);
        else if (actual != NULL)
          value = g_strdup (actual);
        if (value != NULL && unit != NULL)
          {
            g_autofree char *with_unit = g_strdup_printf ("%s %s", value, unit);

            append_part (meta, with_unit);
          }
        else
          append_part (meta, value);
      }
      break;

    case CJM_CARD_KIND_BACKSTAGE:
      append_part (meta, cjm_card_get_owner (card));
      if (cjm_card_get_owner (card) == NULL)
        append_part (meta, cjm_department_get_label (cjm_card_get_department (card)));
      break;

    case CJM_CARD_KIND_NOTE:
    default:
      break;
    }

  append_part (meta, cjm_evidence_kind_get_label (cjm_card_get_evidence_kind (card)));

  return meta->len > 0 ? g_string_free (g_steal_pointer (&meta), FALSE) : NULL;
}
