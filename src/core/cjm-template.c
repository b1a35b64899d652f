/* cjm-template.c: the maps a new map can start from
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cjm-file.h"
#include "cjm-map.h"
#include "cjm-stage.h"
#include "cjm-template.h"
#include "cjm-templates-resources.h"

/* The templates are the .cjm files of data/templates/ and the sample map,
 * compiled into the core library as a GResource (data/meson.build). Their
 * texts are in English in the files, and in po/ for translators: xgettext
 * extracts them through the ITS rules of data/its/cjm.its, and
 * cjm_map_translate_texts() looks them up when a map is made from a
 * template. */

#define TEMPLATES_PATH "/org/example/JourneyMapper/templates/"

typedef struct
{
  const char *id;
  const char *title;
  const char *description;
} TemplateInfo;

/* In the order the new map dialog offers them. */
static const TemplateInfo template_infos[] = {
  { "blank",
    NC_("template", "Blank Map"),
    N_("Three stages and the usual lanes, ready for a workshop") },
  { "running-shoes",
    NC_("template", "Running Shoes"),
    N_("The sample map: two personas buy their first running shoes online and in store") },
  { "e-commerce",
    NC_("template", "Online Purchase"),
    N_("Buying a washing machine in a web shop, from the breakdown to the first wash") },
  { "b2b-saas-onboarding",
    NC_("template", "B2B Software Onboarding"),
    N_("A team goes from a free trial to renewing its subscription") },
  { "after-sales-support",
    NC_("template", "After-Sales Support"),
    N_("Getting a broken coffee machine repaired, until the customer buys again") },
};

struct _CjmTemplate
{
  GObject             parent_instance;

  const TemplateInfo *info;
  char               *resource_path;
};

G_DEFINE_FINAL_TYPE (CjmTemplate, cjm_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_RESOURCE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      cjm_templates_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static CjmTemplate *
template_new (const TemplateInfo *info)
{
  CjmTemplate *self = g_object_new (CJM_TYPE_TEMPLATE, NULL);

  self->info = info;
  self->resource_path = g_strconcat (TEMPLATES_PATH, info->id, ".cjm", NULL);

  return self;
}

static void
cjm_template_finalize (GObject *object)
{
  CjmTemplate *self = (CjmTemplate *)object;

  g_clear_pointer (&self->resource_path, g_free);

  G_OBJECT_CLASS (cjm_template_parent_class)->finalize (object);
}

static void
cjm_template_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CjmTemplate *self = CJM_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, cjm_template_get_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, cjm_template_get_title (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, cjm_template_get_description (self));
      break;

    case PROP_RESOURCE_PATH:
      g_value_set_string (value, cjm_template_get_resource_path (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_template_class_init (CjmTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cjm_template_finalize;
  object_class->get_property = cjm_template_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESOURCE_PATH] =
    g_param_spec_string ("resource-path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_template_init (CjmTemplate *self)
{
}

/**
 * cjm_template_list_all:
 *
 * Returns: (transfer full): a list of every #CjmTemplate, in the order to
 *   offer them, the blank map first
 */
GListModel *
cjm_template_list_all (void)
{
  GListStore *store = g_list_store_new (CJM_TYPE_TEMPLATE);

  for (guint i = 0; i < G_N_ELEMENTS (template_infos); i++)
    {
      g_autoptr(CjmTemplate) template = template_new (&template_infos[i]);

      g_list_store_append (store, template);
    }

  return G_LIST_MODEL (store);
}

/**
 * cjm_template_lookup:
 * @id: a template id, e.g. "e-commerce" (as kept in the recent-templates
 *   setting)
 *
 * Returns: (transfer full) (nullable): the template, or %NULL if there is
 *   none with that id
 */
CjmTemplate *
cjm_template_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (template_infos); i++)
    {
      if (g_str_equal (template_infos[i].id, id))
        return template_new (&template_infos[i]);
    }

  return NULL;
}

const char *
cjm_template_get_id (CjmTemplate *self)
{
  g_return_val_if_fail (CJM_IS_TEMPLATE (self), NULL);

  return self->info->id;
}

/**
 * cjm_template_get_title:
 * @self: a #CjmTemplate
 *
 * Returns: the template's name, translated
 */
const char *
cjm_template_get_title (CjmTemplate *self)
{
  g_return_val_if_fail (CJM_IS_TEMPLATE (self), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "template", self->info->title);
}

/**
 * cjm_template_get_description:
 * @self: a #CjmTemplate
 *
 * Returns: one sentence on what the template holds, translated
 */
const char *
cjm_template_get_description (CjmTemplate *self)
{
  g_return_val_if_fail (CJM_IS_TEMPLATE (self), NULL);

  return g_dgettext (GETTEXT_PACKAGE, self->info->description);
}

/**
 * cjm_template_get_resource_path:
 * @self: a #CjmTemplate
 *
 * Returns: where the template's .cjm file is in the GResource, e.g.
 *   "/org/example/JourneyMapper/templates/blank.cjm"
 */
const char *
cjm_template_get_resource_path (CjmTemplate *self)
{
  g_return_val_if_fail (CJM_IS_TEMPLATE (self), NULL);

  return self->resource_path;
}

/**
 * cjm_template_instantiate:
 * @self: a #CjmTemplate
 * @error: where to report a failure (a template that does not load is a
 *   bug: the tests load them all)
 *
 * Reads the template into a new map and translates its texts into the
 * user's language. The map has no file: it becomes a new document.
 *
 * Returns: (transfer full) (nullable): the new map, or %NULL with @error set
 */
CjmMap *
cjm_template_instantiate (CjmTemplate  *self,
                          GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  CjmMap *map;

  g_return_val_if_fail (CJM_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_resources ();

  bytes = g_resources_lookup_data (self->resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  map = cjm_map_read_bytes (bytes, self->info->id, NULL, error);
  if (map == NULL)
    return NULL;

  cjm_map_translate_texts (map, GETTEXT_PACKAGE);

  return map;
}

/* The fields data/its/cjm.its marks for translation: every text element but
 * the picture, and two attributes. */
static gboolean
is_translatable_field (const CjmField *field)
{
  if (field->storage == CJM_FIELD_ELEMENT)
    return !g_str_equal (field->xml_name, "picture-data");

  return g_str_equal (field->xml_name, "kpi-unit") ||
         g_str_equal (field->xml_name, "author");
}

static guint
translate_element (CjmElement *element,
                   const char *domain)
{
  const CjmField *fields;
  guint n_fields;
  guint n_translated = 0;

  fields = cjm_element_get_fields (element, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec;
      g_autofree char *text = NULL;
      const char *translated;

      if (!is_translatable_field (&fields[i]))
        continue;

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (element), fields[i].property);
      if (pspec == NULL || pspec->value_type != G_TYPE_STRING)
        continue;

      g_object_get (element, fields[i].property, &text, NULL);
      if (text == NULL || text[0] == '\0')
        continue;

      translated = g_dgettext (domain, text);
      if (translated != text && g_strcmp0 (translated, text) != 0)
        {
          g_object_set (element, fields[i].property, translated, NULL);
          n_translated++;
        }
    }

  return n_translated;
}

static guint
translate_list (GListModel *list,
                const char *domain)
{
  guint n_items = g_list_model_get_n_items (list);
  guint n_translated = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CjmElement) element = g_list_model_get_item (list, i);

      n_translated += translate_element (element, domain);

      if (CJM_IS_STAGE (element))
        n_translated += translate_list (cjm_stage_get_steps (CJM_STAGE (element)), domain);
    }

  return n_translated;
}

/**
 * cjm_map_translate_texts:
 * @map: a map, read from a template
 * @domain: the gettext domain holding the translations, normally
 *   %GETTEXT_PACKAGE
 *
 * Replaces each text of @map (titles, names, descriptions, persona fields,
 * labels, quotes, KPI names and units, revision notes and authors…) by its
 * translation in @domain, where there is one. The map is changed directly,
 * without undo: call this before the map becomes a document.
 *
 * Returns: how many texts were translated
 */
guint
cjm_map_translate_texts (CjmMap     *map,
                         const char *domain)
{
  guint n_translated;

  g_return_val_if_fail (CJM_IS_MAP (map), 0);
  g_return_val_if_fail (domain != NULL, 0);

  n_translated = translate_element (CJM_ELEMENT (map), domain);
  n_translated += translate_list (cjm_map_get_revisions (map), domain);
  n_translated += translate_list (cjm_map_get_personas (map), domain);
  n_translated += translate_list (cjm_map_get_stages (map), domain);
  n_translated += translate_list (cjm_map_get_lanes (map), domain);
  n_translated += translate_list (cjm_map_get_cards (map), domain);
  n_translated += translate_list (cjm_map_get_emotions (map), domain);
  n_translated += translate_list (cjm_map_get_connections (map), domain);

  return n_translated;
}
