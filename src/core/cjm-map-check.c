/* cjm-map-check.c: finding and repairing broken links after loading
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-map-check"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cjm-card.h"
#include "cjm-field.h"
#include "cjm-connection.h"
#include "cjm-edit.h"
#include "cjm-emotion.h"
#include "cjm-labels.h"
#include "cjm-lane.h"
#include "cjm-field.h"
#include "cjm-map-check.h"
#include "cjm-map-check-private.h"
#include "cjm-map-private.h"
#include "cjm-persona.h"
#include "cjm-problem.h"
#include "cjm-revision.h"
#include "cjm-stage-private.h"
#include "cjm-step.h"

/* How much of a title messages quote. */
#define MAX_TITLE_CHARS 40

#define N_LANE_KINDS (CJM_LANE_KIND_BACKSTAGE + 1)

typedef struct
{
  CjmMap      *map;
  GPtrArray   *problems;
  CjmLineFunc  line_func;
  gpointer     user_data;

  /* id → CjmElement (borrowed): the first element with each id. */
  GHashTable  *ids;
  /* Invalid id → the new id of the first element that had it. */
  GHashTable  *renamed;
  /* Copy → the element it replaced, whose line the caller knows. */
  GHashTable  *originals;
  /* Elements replaced or removed: alive until the end, as their ids are
   * keys of the table above, and their addresses keys of the caller's. */
  GPtrArray   *gone;

  /* Every step, left to right, and step → its position. */
  GPtrArray   *steps;
  GHashTable  *step_positions;
  CjmLane     *first_lane[N_LANE_KINDS];
} Check;

static void
check_clear (Check *check)
{
  g_clear_pointer (&check->ids, g_hash_table_unref);
  g_clear_pointer (&check->renamed, g_hash_table_unref);
  g_clear_pointer (&check->originals, g_hash_table_unref);
  g_clear_pointer (&check->gone, g_ptr_array_unref);
  g_clear_pointer (&check->steps, g_ptr_array_unref);
  g_clear_pointer (&check->step_positions, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, check_clear)

static const char *
element_kind_name (CjmElement *element)
{
  if (CJM_IS_CARD (element))
    {
      switch (cjm_card_get_kind (CJM_CARD (element)))
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
          return C_("element", "Card");
        }
    }

  if (CJM_IS_MAP (element))
    return C_("element", "Map");
  if (CJM_IS_REVISION (element))
    return C_("element", "Revision note");
  if (CJM_IS_PERSONA (element))
    return C_("element", "Persona");
  if (CJM_IS_STAGE (element))
    return C_("element", "Stage");
  if (CJM_IS_STEP (element))
    return C_("element", "Step");
  if (CJM_IS_LANE (element))
    return C_("element", "Lane");
  if (CJM_IS_EMOTION (element))
    return C_("element", "Emotion");
  if (CJM_IS_CONNECTION (element))
    return C_("element", "Connection");

  return C_("element", "Element");
}

static const char *
element_title (CjmElement *element)
{
  if (CJM_IS_CARD (element))
    return cjm_card_get_title (CJM_CARD (element));
  if (CJM_IS_MAP (element))
    return cjm_map_get_title (CJM_MAP (element));
  if (CJM_IS_REVISION (element))
    return cjm_revision_get_note (CJM_REVISION (element));
  if (CJM_IS_PERSONA (element))
    return cjm_persona_get_name (CJM_PERSONA (element));
  if (CJM_IS_STAGE (element))
    return cjm_stage_get_name (CJM_STAGE (element));
  if (CJM_IS_STEP (element))
    return cjm_step_get_name (CJM_STEP (element));
  if (CJM_IS_LANE (element))
    return cjm_lane_get_name (CJM_LANE (element));
  if (CJM_IS_EMOTION (element))
    return cjm_emotion_get_label (CJM_EMOTION (element));
  if (CJM_IS_CONNECTION (element))
    return cjm_connection_get_label (CJM_CONNECTION (element));

  return NULL;
}

/**
 * _cjm_element_describe:
 * @element: a #CjmElement
 *
 * Names an element for a message: its kind, the start of its title or
 * name, and its id, e.g. "Pain point “Long queue at the till” (card-12)".
 *
 * Returns: (transfer full): the description
 */
char *
_cjm_element_describe (CjmElement *element)
{
  const char *title = element_title (element);
  g_autofree char *short_title = NULL;

  if (title == NULL || title[0] == '\0')
    /* Translators: a kind of element, then its id: Persona (persona-1) */
    return g_strdup_printf (_("%s (%s)"), element_kind_name (element), cjm_element_get_id (element));

  short_title = g_strndup (title, strcspn (title, "\r\n"));
  if (g_utf8_validate (short_title, -1, NULL) && g_utf8_strlen (short_title, -1) > MAX_TITLE_CHARS)
    {
      /* The ellipsis takes the place of the last character. */
      char *end = g_utf8_offset_to_pointer (short_title, MAX_TITLE_CHARS - 1);
      char *shortened;

      *end = '\0';
      shortened = g_strconcat (short_title, "…", NULL);
      g_free (short_title);
      short_title = shortened;
    }

  /* Translators: a kind of element, its title, its id: Persona “Camille” (persona-1) */
  return g_strdup_printf (_("%s “%s” (%s)"), element_kind_name (element), short_title,
                          cjm_element_get_id (element));
}

static int
get_line (Check    *check,
          gpointer  element)
{
  gpointer original = g_hash_table_lookup (check->originals, element);

  if (check->line_func == NULL)
    return 0;

  return check->line_func (original ? original : element, check->user_data);
}

static void G_GNUC_PRINTF (3, 4)
report (Check      *check,
        gpointer    element,
        const char *format,
        ...)
{
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  va_list args;

  if (check->problems == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  description = _cjm_element_describe (element);
  /* Translators: an element of the map (e.g. Card “Reads reviews” (card-1)), then what was done */
  cjm_problems_add (check->problems, CJM_PROBLEM_WARNING, get_line (check, element),
                    _("%s: %s"), description, message);
}

static gpointer
lookup (Check      *check,
        const char *id,
        GType       type)
{
  gpointer element = id ? g_hash_table_lookup (check->ids, id) : NULL;

  if (element != NULL && G_TYPE_CHECK_INSTANCE_TYPE (element, type))
    return element;

  return NULL;
}

static const char *
element_name (gpointer element)
{
  const char *title = element_title (element);

  return title && title[0] ? title : cjm_element_get_id (element);
}

/* Ids
 *
 * An element whose id is not valid, or already taken by an element before
 * it, gets a new one. Links to an invalid id are moved to the new id of
 * the first element that had it; links to a duplicate stay with the first.
 * Ids are set when elements are made: a copy with the new id takes the
 * place of the element.
 */

static CjmElement *
replace_with_copy (Check      *check,
                   GListStore *store,
                   guint       position,
                   CjmElement *element)
{
  g_autoptr(CjmElement) copy = cjm_element_copy (element, NULL);
  gpointer original = g_hash_table_lookup (check->originals, element);

  if (CJM_IS_STAGE (element))
    {
      GListStore *from = _cjm_stage_get_step_store (CJM_STAGE (element));
      GListStore *to = _cjm_stage_get_step_store (CJM_STAGE (copy));
      g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (from));

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (steps, g_list_model_get_item (G_LIST_MODEL (from), i));
      g_list_store_remove_all (from);
      g_list_store_splice (to, 0, 0, steps->pdata, steps->len);
    }

  g_ptr_array_add (check->gone, g_object_ref (element));
  g_hash_table_insert (check->originals, copy, original ? original : element);
  g_list_store_splice (store, position, 1, (gpointer *)&copy, 1);

  return copy;
}

static void check_ids_in_store (Check      *check,
                                GListStore *store);

static void
check_id (Check      *check,
          GListStore *store,
          guint       position,
          CjmElement *element)
{
  const char *id = cjm_element_get_id (element);

  if (!cjm_element_id_is_valid (id))
    {
      CjmElement *copy = replace_with_copy (check, store, position, element);
      const char *new_id = cjm_element_get_id (copy);

      report (check, element, _("“%s” is not a valid id; it was given the id “%s” and links to it follow"),
              id, new_id);
      if (!g_hash_table_contains (check->renamed, id))
        g_hash_table_insert (check->renamed, g_strdup (id), g_strdup (new_id));
      element = copy;
    }
  else if (g_hash_table_contains (check->ids, id))
    {
      CjmElement *copy = replace_with_copy (check, store, position, element);

      report (check, element, _("its id is already used by an element before it; it was given the id “%s”"),
              cjm_element_get_id (copy));
      element = copy;
    }

  g_hash_table_insert (check->ids, (gpointer)cjm_element_get_id (element), element);

  if (CJM_IS_STAGE (element))
    check_ids_in_store (check, _cjm_stage_get_step_store (CJM_STAGE (element)));
}

static void
check_ids_in_store (Check      *check,
                    GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (G_LIST_MODEL (store), i);

      check_id (check, store, i, element);
    }
}

static char *
renamed_id (Check      *check,
            const char *id)
{
  const char *new_id = id ? g_hash_table_lookup (check->renamed, id) : NULL;

  return g_strdup (new_id ? new_id : id);
}

static gboolean
rename_in_list (Check *check,
                GStrv *list)
{
  gboolean changed = FALSE;

  for (guint i = 0; *list != NULL && (*list)[i] != NULL; i++)
    {
      const char *new_id = g_hash_table_lookup (check->renamed, (*list)[i]);

      if (new_id != NULL)
        {
          g_free ((*list)[i]);
          (*list)[i] = g_strdup (new_id);
          changed = TRUE;
        }
    }

  return changed;
}

static void
follow_renamed_ids (Check *check)
{
  GListModel *cards = cjm_map_get_cards (check->map);
  GListModel *emotions = cjm_map_get_emotions (check->map);
  GListModel *connections = cjm_map_get_connections (check->map);

  if (g_hash_table_size (check->renamed) == 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);
      g_autofree char *lane_id = renamed_id (check, cjm_card_get_lane_id (card));
      g_autofree char *step_id = renamed_id (check, cjm_card_get_step_id (card));
      g_auto(GStrv) personas = g_strdupv ((GStrv)cjm_card_get_persona_ids (card));
      g_auto(GStrv) pain_points = g_strdupv ((GStrv)cjm_card_get_pain_point_ids (card));
      g_auto(GStrv) touchpoints = g_strdupv ((GStrv)cjm_card_get_touchpoint_ids (card));

      cjm_card_set_lane_id (card, lane_id);
      cjm_card_set_step_id (card, step_id);
      if (rename_in_list (check, &personas))
        cjm_card_set_persona_ids (card, (const char * const *)personas);
      if (rename_in_list (check, &pain_points))
        cjm_card_set_pain_point_ids (card, (const char * const *)pain_points);
      if (rename_in_list (check, &touchpoints))
        cjm_card_set_touchpoint_ids (card, (const char * const *)touchpoints);
    }

  for (guint i = 0; i < g_list_model_get_n_items (emotions); i++)
    {
      g_autoptr(CjmEmotion) emotion = g_list_model_get_item (emotions, i);
      g_autofree char *persona_id = renamed_id (check, cjm_emotion_get_persona_id (emotion));
      g_autofree char *step_id = renamed_id (check, cjm_emotion_get_step_id (emotion));

      cjm_emotion_set_persona_id (emotion, persona_id);
      cjm_emotion_set_step_id (emotion, step_id);
    }

  for (guint i = 0; i < g_list_model_get_n_items (connections); i++)
    {
      g_autoptr(CjmConnection) connection = g_list_model_get_item (connections, i);
      g_autofree char *from_id = renamed_id (check, cjm_connection_get_from_id (connection));
      g_autofree char *to_id = renamed_id (check, cjm_connection_get_to_id (connection));

      cjm_connection_set_from_id (connection, from_id);
      cjm_connection_set_to_id (connection, to_id);
    }
}

/* Stages, steps and lanes */

static void
add_element (Check      *check,
             GListStore *store,
             gpointer    element)
{
  g_hash_table_insert (check->ids, (gpointer)cjm_element_get_id (element), element);
  g_list_store_append (store, element);
}

static void
check_stages (Check *check)
{
  GListModel *stages = cjm_map_get_stages (check->map);
  guint n = g_list_model_get_n_items (stages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmStage) stage = g_list_model_get_item (stages, i);
      GListStore *steps = _cjm_stage_get_step_store (stage);

      if (g_list_model_get_n_items (G_LIST_MODEL (steps)) == 0)
        {
          g_autoptr(CjmStep) step = cjm_step_new (NULL);

          add_element (check, steps, step);
          report (check, stage, _("it has no steps; an empty step was added to it"));
        }
    }
}

static void
index_steps_and_lanes (Check *check)
{
  GListModel *lanes = cjm_map_get_lanes (check->map);
  guint n_lanes = g_list_model_get_n_items (lanes);

  g_clear_pointer (&check->steps, g_ptr_array_unref);
  g_clear_pointer (&check->step_positions, g_hash_table_unref);

  check->steps = cjm_map_dup_steps (check->map);
  check->step_positions = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < check->steps->len; i++)
    g_hash_table_insert (check->step_positions, g_ptr_array_index (check->steps, i), GUINT_TO_POINTER (i));

  memset (check->first_lane, 0, sizeof check->first_lane);
  for (guint i = n_lanes; i > 0; i--)
    {
      g_autoptr(CjmLane) lane = g_list_model_get_item (lanes, i - 1);
      CjmLaneKind kind = cjm_lane_get_kind (lane);

      if ((guint)kind < N_LANE_KINDS)
        check->first_lane[kind] = lane;
    }
}

/* Cards */

static void
check_card_lane (Check   *check,
                 CjmCard *card)
{
  const char *lane_id = cjm_card_get_lane_id (card);
  CjmLane *lane = lookup (check, lane_id, CJM_TYPE_LANE);
  CjmLaneKind kind = cjm_card_kind_get_lane_kind (cjm_card_get_kind (card));
  CjmLane *target;
  gboolean added = FALSE;

  if (lane != NULL && cjm_lane_get_kind (lane) == kind)
    return;

  target = check->first_lane[kind];
  if (target == NULL)
    {
      g_autoptr(CjmLane) new_lane = cjm_lane_new (NULL);

      cjm_lane_set_kind (new_lane, kind);
      cjm_lane_set_name (new_lane, cjm_lane_kind_get_label (kind));
      add_element (check, _cjm_map_get_store (check->map, CJM_TYPE_LANE), new_lane);
      check->first_lane[kind] = target = new_lane;
      added = TRUE;
    }

  if (lane_id == NULL)
    report (check, card,
            added ? _("it is in no lane; it was moved to a new lane “%s”")
                  : _("it is in no lane; it was moved to the lane “%s”"),
            element_name (target));
  else if (lane == NULL)
    report (check, card,
            added ? _("its lane “%s” does not exist; it was moved to a new lane “%s”")
                  : _("its lane “%s” does not exist; it was moved to the lane “%s”"),
            lane_id, element_name (target));
  else
    report (check, card,
            added ? _("its lane “%s” is not for this kind of card; it was moved to a new lane “%s”")
                  : _("its lane “%s” is not for this kind of card; it was moved to the lane “%s”"),
            element_name (lane), element_name (target));

  cjm_card_set_lane_id (card, cjm_element_get_id (CJM_ELEMENT (target)));
}

static void
ensure_a_step (Check *check)
{
  g_autoptr(CjmStage) stage = NULL;
  g_autoptr(CjmStep) step = NULL;

  if (check->steps->len > 0)
    return;

  stage = cjm_stage_new (NULL);
  step = cjm_step_new (NULL);
  add_element (check, _cjm_stage_get_step_store (stage), step);
  add_element (check, _cjm_map_get_store (check->map, CJM_TYPE_STAGE), stage);
  report (check, check->map, _("cards need a step and it has none; a stage with an empty step was added"));

  g_ptr_array_add (check->steps, g_object_ref (step));
  g_hash_table_insert (check->step_positions, step, GUINT_TO_POINTER (0));
}

static void
check_card_step (Check   *check,
                 CjmCard *card)
{
  const char *step_id = cjm_card_get_step_id (card);
  CjmStep *step = lookup (check, step_id, CJM_TYPE_STEP);
  guint position;
  int span;

  if (step == NULL)
    {
      ensure_a_step (check);
      step = g_ptr_array_index (check->steps, 0);

      if (step_id == NULL)
        report (check, card, _("it is at no step; it was moved to the first step, “%s”"),
                element_name (step));
      else
        report (check, card, _("its step “%s” does not exist; it was moved to the first step, “%s”"),
                step_id, element_name (step));

      cjm_card_set_step_id (card, cjm_element_get_id (CJM_ELEMENT (step)));
    }

  position = GPOINTER_TO_UINT (g_hash_table_lookup (check->step_positions, step));
  span = cjm_card_get_span (card);

  if (position + span > check->steps->len)
    {
      int fit = check->steps->len - position;

      report (check, card,
              ngettext ("it spans %d steps, past the last step; it now spans %d step",
                        "it spans %d steps, past the last step; it now spans %d steps",
                        fit),
              span, fit);
      cjm_card_set_span (card, fit);
    }
}

/* Removes the ids in @ids that do not name a @type (a card of @card_kind
 * if @card_kind is not -1), and returns them joined, or %NULL. */
static char *
filter_links (Check               *check,
              const char * const  *ids,
              GType                type,
              int                  card_kind,
              GStrv               *kept_out)
{
  g_autoptr(GStrvBuilder) kept = NULL;
  g_autoptr(GString) removed = NULL;

  *kept_out = NULL;
  if (ids == NULL)
    return NULL;

  kept = g_strv_builder_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gpointer element = lookup (check, ids[i], type);

      if (element != NULL && (card_kind < 0 || (int)cjm_card_get_kind (element) == card_kind))
        {
          g_strv_builder_add (kept, ids[i]);
          continue;
        }

      if (removed == NULL)
        removed = g_string_new (NULL);
      else
        g_string_append (removed, ", ");
      g_string_append (removed, ids[i]);
    }

  if (removed == NULL)
    return NULL;

  *kept_out = g_strv_builder_end (kept);
  return g_string_free (g_steal_pointer (&removed), FALSE);
}

static void
check_card_links (Check   *check,
                  CjmCard *card)
{
  g_autofree char *removed = NULL;
  g_auto(GStrv) kept = NULL;

  removed = filter_links (check, cjm_card_get_persona_ids (card), CJM_TYPE_PERSONA, -1, &kept);
  if (removed != NULL)
    {
      report (check, card, _("it names personas that do not exist (%s); they were removed from it"), removed);
      cjm_card_set_persona_ids (card, (const char * const *)kept);
      g_clear_pointer (&removed, g_free);
      g_clear_pointer (&kept, g_strfreev);
    }

  removed = filter_links (check, cjm_card_get_pain_point_ids (card), CJM_TYPE_CARD,
                          CJM_CARD_KIND_PAIN_POINT, &kept);
  if (removed != NULL)
    {
      report (check, card, _("it names pain points that do not exist (%s); they were removed from it"), removed);
      cjm_card_set_pain_point_ids (card, (const char * const *)kept);
      g_clear_pointer (&removed, g_free);
      g_clear_pointer (&kept, g_strfreev);
    }

  removed = filter_links (check, cjm_card_get_touchpoint_ids (card), CJM_TYPE_CARD,
                          CJM_CARD_KIND_TOUCHPOINT, &kept);
  if (removed != NULL)
    {
      report (check, card, _("it names touchpoints that do not exist (%s); they were removed from it"), removed);
      cjm_card_set_touchpoint_ids (card, (const char * const *)kept);
    }
}

static void
check_cards (Check *check)
{
  GListModel *cards = cjm_map_get_cards (check->map);
  guint n = g_list_model_get_n_items (cards);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (cards, i);

      check_card_lane (check, card);
      check_card_step (check, card);
      check_card_links (check, card);
    }
}

/* Emotions and connections: removed when broken. */

static void
keep_only (Check      *check,
           GListStore *store,
           GPtrArray  *kept)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (kept->len == n)
    return;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (check->gone, g_list_model_get_item (G_LIST_MODEL (store), i));

  g_list_store_splice (store, 0, n, kept->pdata, kept->len);
}

static void
check_emotions (Check *check)
{
  GListStore *store = _cjm_map_get_store (check->map, CJM_TYPE_EMOTION);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) kept = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmEmotion) emotion = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *persona_id = cjm_emotion_get_persona_id (emotion);
      const char *step_id = cjm_emotion_get_step_id (emotion);
      char *key;

      if (lookup (check, persona_id, CJM_TYPE_PERSONA) == NULL)
        {
          report (check, emotion, _("its persona “%s” does not exist; it was removed"),
                  persona_id ? persona_id : "");
          continue;
        }

      if (lookup (check, step_id, CJM_TYPE_STEP) == NULL)
        {
          report (check, emotion, _("its step “%s” does not exist; it was removed"),
                  step_id ? step_id : "");
          continue;
        }

      key = g_strconcat (persona_id, " ", step_id, NULL);
      if (!g_hash_table_add (seen, key))
        {
          report (check, emotion, _("an emotion before it has the same persona and step; it was removed"));
          continue;
        }

      g_ptr_array_add (kept, g_steal_pointer (&emotion));
    }

  keep_only (check, store, kept);
}

static void
check_connections (Check *check)
{
  GListStore *store = _cjm_map_get_store (check->map, CJM_TYPE_CONNECTION);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) kept = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmConnection) connection = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *from_id = cjm_connection_get_from_id (connection);
      const char *to_id = cjm_connection_get_to_id (connection);

      if (lookup (check, from_id, CJM_TYPE_CARD) == NULL)
        report (check, connection, _("the card it starts from, “%s”, does not exist; it was removed"),
                from_id ? from_id : "");
      else if (lookup (check, to_id, CJM_TYPE_CARD) == NULL)
        report (check, connection, _("the card it leads to, “%s”, does not exist; it was removed"),
                to_id ? to_id : "");
      else
        g_ptr_array_add (kept, g_steal_pointer (&connection));
    }

  keep_only (check, store, kept);
}

/* Colours are #rrggbb, as GdkRGBA and the SVG export read them. */
static gboolean
is_colour (const char *text)
{
  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

/* A MIME type such as image/png: two tokens around a slash. */
static gboolean
is_mime_type_token (const char *start,
                    const char *end)
{
  if (start == end || !g_ascii_isalnum (*start))
    return FALSE;

  for (const char *c = start; c < end; c++)
    {
      if (!g_ascii_isalnum (*c) && strchr ("!#$&-^_.+", *c) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_mime_type (const char *text)
{
  const char *slash = strchr (text, '/');

  return slash != NULL &&
         is_mime_type_token (text, slash) &&
         is_mime_type_token (slash + 1, text + strlen (text));
}

/* Base64 as XML Schema reads it: the alphabet, padding, white space, and
 * a length that decodes (a multiple of 4 once the spaces are gone). */
static gboolean
is_base64 (const char *text)
{
  gsize n = 0;
  gsize padding = 0;

  for (const char *c = text; *c != '\0'; c++)
    {
      if (g_ascii_isspace (*c))
        continue;
      if (*c == '=')
        padding++;
      else if (padding > 0 || (!g_ascii_isalnum (*c) && *c != '+' && *c != '/'))
        return FALSE;
      n++;
    }

  return n % 4 == 0 && padding <= 2;
}

/* The fields whose text has a form: a file edited by hand or written by
 * another tool may hold "red" for a colour, and saving it as it is would
 * write a file the schema refuses. */
static const struct {
  const char *property;
  gboolean  (*is_valid) (const char *text);
  const char *expected;
} formatted_fields[] = {
  { "color", is_colour, "#rrggbb" },
  { "created", cjm_date_text_is_valid, "YYYY-MM-DD" },
  { "reviewed", cjm_date_text_is_valid, "YYYY-MM-DD" },
  { "date", cjm_date_text_is_valid, "YYYY-MM-DD" },
  { "picture-type", is_mime_type, "type/subtype" },
  { "picture-data", is_base64, "base64" },
};

static void
check_formats_of (Check      *check,
                  CjmElement *element)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (element);

  for (guint i = 0; i < G_N_ELEMENTS (formatted_fields); i++)
    {
      g_autofree char *text = NULL;

      if (g_object_class_find_property (klass, formatted_fields[i].property) == NULL)
        continue;

      g_object_get (element, formatted_fields[i].property, &text, NULL);
      if (text == NULL || formatted_fields[i].is_valid (text))
        continue;

      /* Translators: the name of a field in the file, its value, the form it should have */
      report (check, element, _("the value of “%s”, “%s”, is not of the form %s; it was removed"),
              formatted_fields[i].property, text, formatted_fields[i].expected);
      g_object_set (element, formatted_fields[i].property, NULL, NULL);
    }
}

static void
check_formats_in (Check      *check,
                  GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (model, i);

      check_formats_of (check, element);
    }
}

static void
check_formats (Check *check)
{
  CjmMap *map = check->map;

  check_formats_of (check, CJM_ELEMENT (map));
  check_formats_in (check, cjm_map_get_revisions (map));
  check_formats_in (check, cjm_map_get_personas (map));
  check_formats_in (check, cjm_map_get_stages (map));
}

/**
 * cjm_map_check_and_repair:
 * @map: a map just read from a file
 * @problems: (nullable) (element-type CjmProblem): where to report what was
 *   repaired
 * @line_func: (nullable) (scope call): gives the line each element was read
 *   from
 * @user_data: data for @line_func
 *
 * Repairs what a file can hold but a map cannot: ids that are not valid or
 * used twice, cards in lanes or at steps that do not exist (or in a lane of
 * another kind), spans past the last step, links to elements that do not
 * exist, emotions without their persona or step or given twice, connections
 * without both ends, stages without steps. Each repair is reported as a
 * warning at the line of the element; none is fatal. Checking a repaired
 * map again finds nothing.
 */
void
cjm_map_check_and_repair (CjmMap      *map,
                          GPtrArray   *problems,
                          CjmLineFunc  line_func,
                          gpointer     user_data)
{
  g_auto(Check) check = { 0, };

  g_return_if_fail (CJM_IS_MAP (map));

  check.map = map;
  check.problems = problems;
  check.line_func = line_func;
  check.user_data = user_data;
  check.ids = g_hash_table_new (g_str_hash, g_str_equal);
  check.renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  check.originals = g_hash_table_new (NULL, NULL);
  check.gone = g_ptr_array_new_with_free_func (g_object_unref);

  /* The map's id is made when it is; the readers see that it is valid. */
  g_hash_table_insert (check.ids, (gpointer)cjm_element_get_id (CJM_ELEMENT (map)), map);

  /* In the order of the file, so that the first of two is kept. */
  check_ids_in_store (&check, _cjm_map_get_store (map, CJM_TYPE_REVISION));
  check_ids_in_store (&check, _cjm_map_get_store (map, CJM_TYPE_PERSONA));
  check_ids_in_store (&check, _cjm_map_get_store (map, CJM_TYPE_STAGE));
  check_ids_in_store (&check, _cjm_map_get_store (map, CJM_TYPE_LANE));
  check_ids_in_store (&check, _cjm_map_get_store (map, CJM_TYPE_CARD));
  check_ids_in_store (&check, _cjm_map_get_store (map, CJM_TYPE_EMOTION));
  check_ids_in_store (&check, _cjm_map_get_store (map, CJM_TYPE_CONNECTION));
  follow_renamed_ids (&check);

  check_formats (&check);
  check_stages (&check);
  index_steps_and_lanes (&check);
  check_cards (&check);
  check_emotions (&check);
  check_connections (&check);
}
