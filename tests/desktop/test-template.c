/* test-template.c: the templates, and the texts translators see of them
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "cjm-core.h"
#include "cjm-template.h"

static void
test_list (void)
{
  g_autoptr(GListModel) templates = cjm_template_list_all ();
  static const char *ids[] = {
    "blank", "running-shoes", "e-commerce", "b2b-saas-onboarding", "after-sales-support",
  };

  g_assert_true (g_list_model_get_item_type (templates) == CJM_TYPE_TEMPLATE);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, G_N_ELEMENTS (ids));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(CjmTemplate) template = g_list_model_get_item (templates, i);
      g_autoptr(CjmTemplate) found = cjm_template_lookup (ids[i]);
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;
      g_autofree char *path = NULL;

      g_assert_cmpstr (cjm_template_get_id (template), ==, ids[i]);
      g_assert_nonnull (found);
      g_assert_cmpstr (cjm_template_get_id (found), ==, ids[i]);
      g_assert_cmpstr (cjm_template_get_title (template), !=, "");
      g_assert_cmpstr (cjm_template_get_description (template), !=, "");

      g_object_get (template, "id", &id, "title", &title, "resource-path", &path, NULL);
      g_assert_cmpstr (id, ==, ids[i]);
      g_assert_cmpstr (title, ==, cjm_template_get_title (template));
      g_assert_true (g_str_has_prefix (path, "/org/example/JourneyMapper/templates/"));
      g_assert_true (g_str_has_suffix (path, ".cjm"));
    }

  g_assert_null (cjm_template_lookup ("no-such-template"));
}

static void
test_instantiate (void)
{
  g_autoptr(GListModel) templates = cjm_template_list_all ();

  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(CjmTemplate) template = g_list_model_get_item (templates, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CjmMap) map = cjm_template_instantiate (template, &error);

      g_assert_no_error (error);
      g_assert_true (CJM_IS_MAP (map));
      g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_stages (map)), >=, 3);
      g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_lanes (map)), >=, 5);

      /* In the C locale there is nothing to translate. */
      g_assert_cmpuint (cjm_map_translate_texts (map, GETTEXT_PACKAGE), ==, 0);

      if (!g_str_equal (cjm_template_get_id (template), "blank"))
        {
          g_assert_nonnull (cjm_map_get_title (map));
          g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_personas (map)), >=, 1);
          g_assert_cmpuint (g_list_model_get_n_items (cjm_map_get_cards (map)), >=, 10);
        }
    }
}

/* Every text field of the format is extracted for translators by the ITS
 * rules: a text field added to a field table without its line in
 * data/its/cjm.its would stay in English in every translated template. */
static void
test_its_rules_cover_text_fields (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CJM_SOURCE_ROOT"), "data", "its", "cjm.its", NULL);
  g_autofree char *its = NULL;
  g_autoptr(GError) error = NULL;
  GType types[] = {
    CJM_TYPE_MAP, CJM_TYPE_REVISION, CJM_TYPE_PERSONA, CJM_TYPE_STAGE, CJM_TYPE_STEP,
    CJM_TYPE_LANE, CJM_TYPE_CARD, CJM_TYPE_EMOTION, CJM_TYPE_CONNECTION,
  };

  g_file_get_contents (path, &its, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      CjmElementClass *klass = g_type_class_ref (types[i]);

      for (guint j = 0; j < klass->n_fields; j++)
        {
          const CjmField *field = &klass->fields[j];
          g_autofree char *selector = NULL;

          if (field->storage != CJM_FIELD_ELEMENT || g_str_equal (field->xml_name, "picture-data"))
            continue;

          selector = g_strdup_printf ("//cjm:%s ", field->xml_name);
          if (strstr (its, selector) == NULL)
            {
              g_free (selector);
              selector = g_strdup_printf ("//cjm:%s\"", field->xml_name);
            }
          if (strstr (its, selector) == NULL)
            g_error ("data/its/cjm.its does not extract <%s> of <%s>",
                     field->xml_name, klass->xml_name);
        }

      g_type_class_unref (klass);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cjm/Template/list", test_list);
  g_test_add_func ("/Cjm/Template/instantiate", test_instantiate);
  g_test_add_func ("/Cjm/Template/its-rules", test_its_rules_cover_text_fields);

  return g_test_run ();
}
