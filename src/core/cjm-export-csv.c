/* cjm-export-csv.c: touchpoints, pain points and opportunities as CSV
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cjm-card.h"
#include "cjm-export-private.h"
#include "cjm-labels.h"
#include "cjm-lane.h"
#include "cjm-map.h"
#include "cjm-persona.h"
#include "cjm-stage.h"
#include "cjm-step.h"

/* One table per kind of card, one row per card, for spreadsheets
 * (RFC 4180): UTF-8, comma-separated, CRLF line ends, a field quoted when
 * it holds a comma, a quote or a line break, its quotes doubled. The
 * header row names the columns by the stable English names of the
 * fields in the .cjm format, for scripts; the cells hold what the map
 * shows, in words of the user's language: “Online”, “Planned”. Numbers
 * not rated (0) and values not given are empty cells. Rows go in the
 * order of the map: by step, then by lane, then as the cards are listed.
 *
 * A text that a spreadsheet would take for a formula (it starts with =,
 * +, -, @, a tab or a carriage return) gets an apostrophe in front: a
 * map shared by someone else must not run code when its table is opened. */

typedef enum
{
  COLUMN_ID,
  COLUMN_STAGE,
  COLUMN_STEP,
  COLUMN_SPAN,
  COLUMN_LANE,
  COLUMN_CHANNEL,
  COLUMN_TITLE,
  COLUMN_DESCRIPTION,
  COLUMN_PRESENCE,
  COLUMN_DIRECTION,
  COLUMN_CATEGORY,
  COLUMN_SEVERITY,
  COLUMN_EVIDENCE_KIND,
  COLUMN_EVIDENCE,
  COLUMN_STATUS,
  COLUMN_IMPACT,
  COLUMN_EFFORT,
  COLUMN_DEPARTMENT,
  COLUMN_OWNER,
  COLUMN_PERSONAS,
  COLUMN_TOUCHPOINTS,
  COLUMN_PAIN_POINTS,
  COLUMN_KPI_NAME,
  COLUMN_KPI_TARGET,
  COLUMN_KPI_ACTUAL,
  COLUMN_KPI_UNIT,
  COLUMN_END = -1,
} Column;

static const char * const column_names[] = {
  [COLUMN_ID] = "id",
  [COLUMN_STAGE] = "stage",
  [COLUMN_STEP] = "step",
  [COLUMN_SPAN] = "span",
  [COLUMN_LANE] = "lane",
  [COLUMN_CHANNEL] = "channel",
  [COLUMN_TITLE] = "title",
  [COLUMN_DESCRIPTION] = "description",
  [COLUMN_PRESENCE] = "presence",
  [COLUMN_DIRECTION] = "direction",
  [COLUMN_CATEGORY] = "category",
  [COLUMN_SEVERITY] = "severity",
  [COLUMN_EVIDENCE_KIND] = "evidence-kind",
  [COLUMN_EVIDENCE] = "evidence",
  [COLUMN_STATUS] = "status",
  [COLUMN_IMPACT] = "impact",
  [COLUMN_EFFORT] = "effort",
  [COLUMN_DEPARTMENT] = "department",
  [COLUMN_OWNER] = "owner",
  [COLUMN_PERSONAS] = "personas",
  [COLUMN_TOUCHPOINTS] = "touchpoints",
  [COLUMN_PAIN_POINTS] = "pain-points",
  [COLUMN_KPI_NAME] = "kpi-name",
  [COLUMN_KPI_TARGET] = "kpi-target",
  [COLUMN_KPI_ACTUAL] = "kpi-actual",
  [COLUMN_KPI_UNIT] = "kpi-unit",
};

/* The fields each kind of card uses (doc/cjm-format.md), where it is. */
static const Column touchpoint_columns[] = {
  COLUMN_ID, COLUMN_STAGE, COLUMN_STEP, COLUMN_SPAN, COLUMN_LANE, COLUMN_CHANNEL,
  COLUMN_TITLE, COLUMN_DESCRIPTION, COLUMN_PRESENCE, COLUMN_DIRECTION, COLUMN_DEPARTMENT,
  COLUMN_OWNER, COLUMN_PERSONAS, COLUMN_KPI_NAME, COLUMN_KPI_TARGET, COLUMN_KPI_ACTUAL,
  COLUMN_KPI_UNIT, COLUMN_END,
};

static const Column pain_point_columns[] = {
  COLUMN_ID, COLUMN_STAGE, COLUMN_STEP, COLUMN_SPAN, COLUMN_LANE, COLUMN_TITLE,
  COLUMN_DESCRIPTION, COLUMN_CATEGORY, COLUMN_SEVERITY, COLUMN_EVIDENCE_KIND, COLUMN_EVIDENCE,
  COLUMN_OWNER, COLUMN_PERSONAS, COLUMN_TOUCHPOINTS, COLUMN_END,
};

static const Column opportunity_columns[] = {
  COLUMN_ID, COLUMN_STAGE, COLUMN_STEP, COLUMN_SPAN, COLUMN_LANE, COLUMN_TITLE,
  COLUMN_DESCRIPTION, COLUMN_STATUS, COLUMN_IMPACT, COLUMN_EFFORT, COLUMN_OWNER,
  COLUMN_PERSONAS, COLUMN_PAIN_POINTS, COLUMN_END,
};

typedef struct
{
  CjmMap     *map;
  GHashTable *step_positions;  /* step id → position + 1 */
  GHashTable *lane_positions;  /* lane id → position + 1 */
  GHashTable *card_positions;  /* CjmCard → position + 1 */
} Table;

static gboolean
looks_like_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    is_text)
{
  gboolean formula;

  if (value == NULL)
    return;

  formula = is_text && looks_like_formula (value);
  if (!formula && strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
dup_rating (int value)
{
  return value > 0 ? g_strdup_printf ("%d", value) : NULL;
}

/* The names of the elements of @ids, of @type, joined by “; ”. */
static char *
dup_names (CjmMap             *map,
           const char * const *ids,
           GType               type)
{
  GString *names;

  if (ids == NULL || ids[0] == NULL)
    return NULL;

  names = g_string_new (NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      CjmElement *element = cjm_map_lookup_typed (map, ids[i], type);
      const char *name = NULL;

      if (element == NULL)
        continue;
      if (CJM_IS_PERSONA (element))
        name = cjm_persona_get_name (CJM_PERSONA (element));
      else if (CJM_IS_CARD (element))
        name = cjm_card_get_title (CJM_CARD (element));
      if (names->len > 0)
        g_string_append (names, "; ");
      g_string_append (names, name != NULL ? name : ids[i]);
    }

  return g_string_free (names, FALSE);
}

static char *
dup_lane_name (CjmLane *lane)
{
  if (lane == NULL)
    return NULL;

  return g_strdup (cjm_lane_get_name (lane) != NULL ? cjm_lane_get_name (lane)
                                                    : cjm_labels_get_lane_kind (lane));
}

static char *
dup_channel (CjmLane *lane)
{
  if (lane == NULL || cjm_lane_get_kind (lane) != CJM_LANE_KIND_CHANNEL)
    return NULL;

  /* A custom channel is named by its lane. */
  if (cjm_lane_get_channel (lane) == CJM_CHANNEL_CUSTOM)
    return g_strdup (cjm_lane_get_name (lane));

  return g_strdup (cjm_channel_get_label (cjm_lane_get_channel (lane)));
}

static void
append_cell (GString *out,
             Table   *table,
             CjmCard *card,
             Column   column)
{
  CjmMap *map = table->map;
  CjmLane *lane = cjm_map_lookup_typed (map, cjm_card_get_lane_id (card), CJM_TYPE_LANE);
  CjmStep *step = cjm_map_lookup_typed (map, cjm_card_get_step_id (card), CJM_TYPE_STEP);
  g_autofree char *owned = NULL;
  const char *value = NULL;
  gboolean is_text = TRUE;

  switch (column)
    {
    case COLUMN_ID:
      value = cjm_element_get_id (CJM_ELEMENT (card));
      break;
    case COLUMN_STAGE:
      {
        CjmStage *stage = cjm_map_find_stage_of_step (map, cjm_card_get_step_id (card), NULL);

        value = stage != NULL ? cjm_stage_get_name (stage) : NULL;
      }
      break;
    case COLUMN_STEP:
      value = step != NULL ? cjm_step_get_name (step) : NULL;
      break;
    case COLUMN_SPAN:
      value = owned = g_strdup_printf ("%d", MAX (cjm_card_get_span (card), 1));
      is_text = FALSE;
      break;
    case COLUMN_LANE:
      value = owned = dup_lane_name (lane);
      break;
    case COLUMN_CHANNEL:
      value = owned = dup_channel (lane);
      break;
    case COLUMN_TITLE:
      value = cjm_card_get_title (card);
      break;
    case COLUMN_DESCRIPTION:
      value = cjm_card_get_description (card);
      break;
    case COLUMN_PRESENCE:
      value = cjm_presence_get_label (cjm_card_get_presence (card));
      break;
    case COLUMN_DIRECTION:
      value = cjm_direction_get_label (cjm_card_get_direction (card));
      break;
    case COLUMN_CATEGORY:
      value = cjm_pain_category_get_label (cjm_card_get_category (card));
      break;
    case COLUMN_SEVERITY:
      value = owned = dup_rating (cjm_card_get_severity (card));
      is_text = FALSE;
      break;
    case COLUMN_EVIDENCE_KIND:
      value = cjm_evidence_kind_get_label (cjm_card_get_evidence_kind (card));
      break;
    case COLUMN_EVIDENCE:
      value = cjm_card_get_evidence (card);
      break;
    case COLUMN_STATUS:
      value = cjm_opportunity_status_get_label (cjm_card_get_status (card));
      break;
    case COLUMN_IMPACT:
      value = owned = dup_rating (cjm_card_get_impact (card));
      is_text = FALSE;
      break;
    case COLUMN_EFFORT:
      value = owned = dup_rating (cjm_card_get_effort (card));
      is_text = FALSE;
      break;
    case COLUMN_DEPARTMENT:
      value = cjm_department_get_label (cjm_card_get_department (card));
      break;
    case COLUMN_OWNER:
      value = cjm_card_get_owner (card);
      break;
    case COLUMN_PERSONAS:
      value = owned = dup_names (map, cjm_card_get_persona_ids (card), CJM_TYPE_PERSONA);
      break;
    case COLUMN_TOUCHPOINTS:
      value = owned = dup_names (map, cjm_card_get_touchpoint_ids (card), CJM_TYPE_CARD);
      break;
    case COLUMN_PAIN_POINTS:
      value = owned = dup_names (map, cjm_card_get_pain_point_ids (card), CJM_TYPE_CARD);
      break;
    case COLUMN_KPI_NAME:
      value = cjm_card_get_kpi_name (card);
      break;
    case COLUMN_KPI_TARGET:
      value = cjm_card_get_kpi_target (card);
      break;
    case COLUMN_KPI_ACTUAL:
      value = cjm_card_get_kpi_actual (card);
      break;
    case COLUMN_KPI_UNIT:
      value = cjm_card_get_kpi_unit (card);
      break;
    case COLUMN_END:
    default:
      g_assert_not_reached ();
    }

  append_field (out, value, is_text);
}

static guint
position_in (GHashTable    *positions,
             gconstpointer  key)
{
  guint position = key != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (positions, key)) : 0;

  /* Unknown: after everything. */
  return position > 0 ? position : G_MAXUINT;
}

static int
compare_cards (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Table *table = user_data;
  CjmCard *card_a = *(CjmCard * const *)a;
  CjmCard *card_b = *(CjmCard * const *)b;
  guint key_a[3] = {
    position_in (table->step_positions, cjm_card_get_step_id (card_a)),
    position_in (table->lane_positions, cjm_card_get_lane_id (card_a)),
    position_in (table->card_positions, card_a),
  };
  guint key_b[3] = {
    position_in (table->step_positions, cjm_card_get_step_id (card_b)),
    position_in (table->lane_positions, cjm_card_get_lane_id (card_b)),
    position_in (table->card_positions, card_b),
  };

  for (guint i = 0; i < 3; i++)
    if (key_a[i] != key_b[i])
      return key_a[i] < key_b[i] ? -1 : 1;

  return 0;
}

static void
index_elements (GHashTable *positions,
                GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (model, i);

      g_hash_table_insert (positions, (gpointer)cjm_element_get_id (element),
                           GUINT_TO_POINTER (i + 1));
    }
}

GBytes *
_cjm_export_csv (CjmMap                  *map,
                 const CjmExportOptions  *options,
                 CjmExportTables          which,
                 GError                 **error)
{
  g_autoptr(GHashTable) covered = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) steps = cjm_map_dup_steps (map);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  GListModel *model = cjm_map_get_cards (map);
  const Column *columns;
  CjmCardKind kind;
  Table table;

  switch (which)
    {
    case CJM_EXPORT_TABLE_TOUCHPOINTS:
      kind = CJM_CARD_KIND_TOUCHPOINT;
      columns = touchpoint_columns;
      break;
    case CJM_EXPORT_TABLE_PAIN_POINTS:
      kind = CJM_CARD_KIND_PAIN_POINT;
      columns = pain_point_columns;
      break;
    case CJM_EXPORT_TABLE_OPPORTUNITIES:
      kind = CJM_CARD_KIND_OPPORTUNITY;
      columns = opportunity_columns;
      break;
    case CJM_EXPORT_TABLE_ALL:
    default:
      g_return_val_if_reached (NULL);
    }

  covered = _cjm_export_covered_cards (map, options, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  table.map = map;
  table.step_positions = g_hash_table_new (g_str_hash, g_str_equal);
  table.lane_positions = g_hash_table_new (g_str_hash, g_str_equal);
  table.card_positions = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < steps->len; i++)
    g_hash_table_insert (table.step_positions,
                         (gpointer)cjm_element_get_id (g_ptr_array_index (steps, i)),
                         GUINT_TO_POINTER (i + 1));
  index_elements (table.lane_positions, cjm_map_get_lanes (map));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      CjmCard *card = g_list_model_get_item (model, i);

      g_hash_table_insert (table.card_positions, card, GUINT_TO_POINTER (i + 1));
      if (cjm_card_get_kind (card) == kind &&
          (covered == NULL || g_hash_table_contains (covered, card)))
        g_ptr_array_add (cards, card);
      else
        g_object_unref (card);
    }
  g_ptr_array_sort_with_data (cards, compare_cards, &table);

  if (options->csv_bom)
    g_string_append (out, "\xef\xbb\xbf");

  for (guint c = 0; columns[c] != COLUMN_END; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      g_string_append (out, column_names[columns[c]]);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < cards->len; i++)
    {
      for (guint c = 0; columns[c] != COLUMN_END; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_cell (out, &table, g_ptr_array_index (cards, i), columns[c]);
        }
      g_string_append (out, "\r\n");
    }

  g_hash_table_unref (table.step_positions);
  g_hash_table_unref (table.lane_positions);
  g_hash_table_unref (table.card_positions);

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
