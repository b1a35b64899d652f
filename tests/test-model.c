/* test-model.c: the map model
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cjm-core.h"
#include "cjm-element-private.h"
#include "cjm-field.h"
#include "cjm-map-private.h"
#include "cjm-stage-private.h"

static void
count_cb (gpointer  instance,
          gpointer  pspec_or_nothing,
          guint    *count)
{
  (*count)++;
}

static void
count_changed_cb (CjmMap *map,
                  guint  *count)
{
  (*count)++;
}

static void
test_setters_notify_on_change (void)
{
  g_autoptr(CjmPersona) persona = cjm_persona_new (NULL);
  guint notified = 0;

  g_signal_connect (persona, "notify::quote", G_CALLBACK (count_cb), &notified);

  cjm_persona_set_quote (persona, "I want shoes that last.");
  g_assert_cmpstr (cjm_persona_get_quote (persona), ==, "I want shoes that last.");
  g_assert_cmpuint (notified, ==, 1);

  cjm_persona_set_quote (persona, "I want shoes that last.");
  g_assert_cmpuint (notified, ==, 1);

  /* An empty text is stored as no text. */
  cjm_persona_set_quote (persona, "");
  g_assert_null (cjm_persona_get_quote (persona));
  g_assert_cmpuint (notified, ==, 2);
  cjm_persona_set_quote (persona, NULL);
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_card_defaults_and_lists (void)
{
  g_autoptr(CjmCard) card = cjm_card_new ("card-1");
  const char *personas[] = { "persona-a", "persona-b", NULL };
  const char *empty[] = { NULL };
  guint notified = 0;

  g_assert_cmpstr (cjm_element_get_id (CJM_ELEMENT (card)), ==, "card-1");
  g_assert_cmpint (cjm_card_get_kind (card), ==, CJM_CARD_KIND_TOUCHPOINT);
  g_assert_cmpint (cjm_card_get_span (card), ==, 1);
  g_assert_cmpint (cjm_card_get_severity (card), ==, 0);
  g_assert_null (cjm_card_get_persona_ids (card));

  g_signal_connect (card, "notify::persona-ids", G_CALLBACK (count_cb), &notified);
  cjm_card_set_persona_ids (card, personas);
  g_assert_cmpstrv (cjm_card_get_persona_ids (card), personas);
  cjm_card_set_persona_ids (card, personas);
  g_assert_cmpuint (notified, ==, 1);
  cjm_card_set_persona_ids (card, empty);
  g_assert_null (cjm_card_get_persona_ids (card));
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_new_ids_are_unique_and_valid (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(CjmStep) step = cjm_step_new (NULL);
      const char *id = cjm_element_get_id (CJM_ELEMENT (step));

      g_assert_true (g_str_has_prefix (id, "step-"));
      g_assert_true (cjm_element_id_is_valid (id));
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, g_strdup (id));
    }

  g_assert_false (cjm_element_id_is_valid (NULL));
  g_assert_false (cjm_element_id_is_valid (""));
  g_assert_false (cjm_element_id_is_valid ("has space"));
  g_assert_false (cjm_element_id_is_valid ("1starts-with-digit"));
  g_assert_false (cjm_element_id_is_valid ("a:b"));
  g_assert_true (cjm_element_id_is_valid ("_x.y-z9"));
}

static void
test_map_collections_and_lookup (void)
{
  g_autoptr(CjmMap) map = cjm_map_new ("map-1");
  g_autoptr(CjmStage) reflection = cjm_stage_new ("stage-reflection");
  g_autoptr(CjmStage) purchase = cjm_stage_new ("stage-purchase");
  g_autoptr(CjmStep) decide = cjm_step_new ("step-decide");
  g_autoptr(CjmStep) search = cjm_step_new ("step-search");
  g_autoptr(CjmStep) buy = cjm_step_new ("step-buy");
  g_autoptr(CjmPersona) persona = cjm_persona_new ("persona-camille");
  g_autoptr(CjmEmotion) emotion = cjm_emotion_new (NULL);
  g_autoptr(GPtrArray) steps = NULL;
  CjmStage *found;
  guint position = 99;
  guint changed = 0;

  g_signal_connect (map, "changed", G_CALLBACK (count_changed_cb), &changed);

  g_list_store_append (_cjm_stage_get_step_store (reflection), decide);
  g_list_store_append (_cjm_stage_get_step_store (reflection), search);
  g_list_store_append (_cjm_stage_get_step_store (purchase), buy);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_STAGE), reflection);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_STAGE), purchase);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_PERSONA), persona);
  g_assert_cmpuint (changed, ==, 3);

  g_assert_true (cjm_map_lookup (map, "map-1") == CJM_ELEMENT (map));
  g_assert_true (cjm_map_lookup (map, "step-search") == CJM_ELEMENT (search));
  g_assert_true (cjm_map_lookup (map, "persona-camille") == CJM_ELEMENT (persona));
  g_assert_null (cjm_map_lookup (map, "nothing"));
  g_assert_null (cjm_map_lookup_typed (map, "step-search", CJM_TYPE_STAGE));
  g_assert_true (cjm_map_lookup_typed (map, "step-search", CJM_TYPE_STEP) == search);

  steps = cjm_map_dup_steps (map);
  g_assert_cmpuint (steps->len, ==, 3);
  g_assert_true (g_ptr_array_index (steps, 0) == decide);
  g_assert_true (g_ptr_array_index (steps, 2) == buy);

  found = cjm_map_find_stage_of_step (map, "step-search", &position);
  g_assert_true (found == reflection);
  g_assert_cmpuint (position, ==, 1);

  /* A change to an element, or to a stage's steps, changes the map. */
  changed = 0;
  cjm_step_set_name (search, "Searches online");
  g_assert_cmpuint (changed, ==, 1);
  g_list_store_remove (_cjm_stage_get_step_store (reflection), 0);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_null (cjm_map_lookup (map, "step-decide"));
  cjm_map_set_title (map, "Buying running shoes");
  g_assert_cmpuint (changed, ==, 3);

  cjm_emotion_set_persona_id (emotion, "persona-camille");
  cjm_emotion_set_step_id (emotion, "step-buy");
  cjm_emotion_set_score (emotion, -2);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_EMOTION), emotion);
  g_assert_true (cjm_map_find_emotion (map, "persona-camille", "step-buy") == emotion);
  g_assert_null (cjm_map_find_emotion (map, "persona-camille", "step-search"));

  /* An element removed then added again is watched once, not twice. */
  g_list_store_remove (_cjm_map_get_store (map, CJM_TYPE_PERSONA), 0);
  g_list_store_append (_cjm_map_get_store (map, CJM_TYPE_PERSONA), persona);
  changed = 0;
  cjm_persona_set_name (persona, "Camille");
  g_assert_cmpuint (changed, ==, 1);
}

static void
test_copy_and_equal (void)
{
  g_autoptr(CjmCard) card = cjm_card_new ("card-a");
  g_autoptr(CjmElement) copy = NULL;
  g_autoptr(CjmElement) same_id = NULL;
  const char *pain_points[] = { "card-p", NULL };

  cjm_card_set_kind (card, CJM_CARD_KIND_OPPORTUNITY);
  cjm_card_set_title (card, "Size guide with real feet");
  cjm_card_set_impact (card, 4);
  cjm_card_set_pain_point_ids (card, pain_points);
  cjm_extras_add_attribute (_cjm_element_ensure_extras (CJM_ELEMENT (card)),
                            NULL, "glow", "yes");

  copy = cjm_element_copy (CJM_ELEMENT (card), NULL);
  g_assert_cmpstr (cjm_element_get_id (copy), !=, "card-a");
  g_assert_false (cjm_element_equal (CJM_ELEMENT (card), copy));
  g_assert_cmpstr (cjm_card_get_title (CJM_CARD (copy)), ==, "Size guide with real feet");
  g_assert_cmpint (cjm_card_get_impact (CJM_CARD (copy)), ==, 4);
  g_assert_cmpstrv (cjm_card_get_pain_point_ids (CJM_CARD (copy)), pain_points);

  same_id = cjm_element_copy (CJM_ELEMENT (card), "card-a");
  g_assert_true (cjm_element_equal (CJM_ELEMENT (card), same_id));
  cjm_card_set_effort (CJM_CARD (same_id), 2);
  g_assert_false (cjm_element_equal (CJM_ELEMENT (card), same_id));
  cjm_card_set_effort (CJM_CARD (same_id), 0);
  g_assert_true (cjm_element_equal (CJM_ELEMENT (card), same_id));

  /* What a newer version wrote is part of the element. */
  cjm_extras_add_node (_cjm_element_ensure_extras (same_id), "<future/>");
  g_assert_false (cjm_element_equal (CJM_ELEMENT (card), same_id));
}

static void
test_field_values (void)
{
  GParamSpec *score = g_object_class_find_property (g_type_class_ref (CJM_TYPE_EMOTION), "score");
  GParamSpec *channel = g_object_class_find_property (g_type_class_ref (CJM_TYPE_LANE), "channel");
  GParamSpec *personas = g_object_class_find_property (g_type_class_ref (CJM_TYPE_CARD), "persona-ids");
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (cjm_field_value_from_string (score, "-3", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_value_get_int (&value), ==, -3);
  text = cjm_field_value_to_string (score, &value);
  g_assert_cmpstr (text, ==, "-3");
  g_value_unset (&value);
  g_clear_pointer (&text, g_free);

  g_assert_false (cjm_field_value_from_string (score, "4", &value, &error));
  g_assert_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_INVALID);
  g_assert_false (G_IS_VALUE (&value));
  g_clear_error (&error);
  g_assert_false (cjm_field_value_from_string (score, "1.5", &value, &error));
  g_clear_error (&error);

  g_assert_true (cjm_field_value_from_string (channel, "call-centre", &value, &error));
  g_assert_cmpint (g_value_get_enum (&value), ==, CJM_CHANNEL_CALL_CENTRE);
  g_value_unset (&value);
  g_assert_false (cjm_field_value_from_string (channel, "carrier-pigeon", &value, &error));
  g_assert_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "call-centre"));
  g_clear_error (&error);

  g_assert_true (cjm_field_value_from_string (personas, "  a  b\tc ", &value, &error));
  text = cjm_field_value_to_string (personas, &value);
  g_assert_cmpstr (text, ==, "a b c");
  g_value_unset (&value);
  g_clear_pointer (&text, g_free);

  /* Defaults are left out of files. */
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 0);
  g_assert_null (cjm_field_value_to_string (score, &value));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cjm/Model/setters-notify-on-change", test_setters_notify_on_change);
  g_test_add_func ("/Cjm/Model/card-defaults-and-lists", test_card_defaults_and_lists);
  g_test_add_func ("/Cjm/Model/new-ids", test_new_ids_are_unique_and_valid);
  g_test_add_func ("/Cjm/Model/map-collections-and-lookup", test_map_collections_and_lookup);
  g_test_add_func ("/Cjm/Model/copy-and-equal", test_copy_and_equal);
  g_test_add_func ("/Cjm/Model/field-values", test_field_values);

  return g_test_run ();
}
