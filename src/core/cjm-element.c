/* cjm-element.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-element"

#include "config.h"

#include <string.h>

#include "cjm-element-private.h"

/* The longest id we accept: long enough for any generated id and for
 * hand-written ones, short enough to keep files and lookups small.
 */
#define MAX_ID_LENGTH 64

typedef struct
{
  char      *id;
  CjmExtras *extras;
} CjmElementPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CjmElement, cjm_element, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cjm_element_constructed (GObject *object)
{
  CjmElement *self = (CjmElement *)object;
  CjmElementPrivate *priv = cjm_element_get_instance_private (self);

  G_OBJECT_CLASS (cjm_element_parent_class)->constructed (object);

  if (priv->id == NULL)
    priv->id = cjm_element_dup_new_id (G_OBJECT_TYPE (self));
}

static void
cjm_element_finalize (GObject *object)
{
  CjmElement *self = (CjmElement *)object;
  CjmElementPrivate *priv = cjm_element_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->extras, cjm_extras_free);

  G_OBJECT_CLASS (cjm_element_parent_class)->finalize (object);
}

static void
cjm_element_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CjmElement *self = CJM_ELEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, cjm_element_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_element_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CjmElement *self = CJM_ELEMENT (object);
  CjmElementPrivate *priv = cjm_element_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (priv->id == NULL);
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_element_class_init (CjmElementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cjm_element_constructed;
  object_class->finalize = cjm_element_finalize;
  object_class->get_property = cjm_element_get_property;
  object_class->set_property = cjm_element_set_property;

  /**
   * CjmElement:id:
   *
   * The element's stable identifier: kept across saving and loading, and
   * used by every link to the element. Made unique when not given.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_element_init (CjmElement *self)
{
}

CjmExtras *
_cjm_element_get_extras (CjmElement *self)
{
  CjmElementPrivate *priv = cjm_element_get_instance_private (self);

  return priv->extras;
}

CjmExtras *
_cjm_element_ensure_extras (CjmElement *self)
{
  CjmElementPrivate *priv = cjm_element_get_instance_private (self);

  if (priv->extras == NULL)
    priv->extras = cjm_extras_new ();

  return priv->extras;
}

void
_cjm_element_take_extras (CjmElement *self,
                          CjmExtras  *extras)
{
  CjmElementPrivate *priv = cjm_element_get_instance_private (self);

  g_clear_pointer (&priv->extras, cjm_extras_free);
  priv->extras = extras;
}

const char *
cjm_element_get_id (CjmElement *self)
{
  CjmElementPrivate *priv = cjm_element_get_instance_private (self);

  g_return_val_if_fail (CJM_IS_ELEMENT (self), NULL);

  return priv->id;
}

const char *
cjm_element_get_xml_name (CjmElement *self)
{
  g_return_val_if_fail (CJM_IS_ELEMENT (self), NULL);

  return CJM_ELEMENT_GET_CLASS (self)->xml_name;
}

/**
 * cjm_element_get_fields:
 * @self: a #CjmElement
 * @n_fields: (out): where to store the number of fields
 *
 * Returns: (transfer none) (array length=n_fields): the properties the file
 *   formats store for this kind of element, in the order they are written
 */
const CjmField *
cjm_element_get_fields (CjmElement *self,
                        guint      *n_fields)
{
  CjmElementClass *klass;

  g_return_val_if_fail (CJM_IS_ELEMENT (self), NULL);
  g_return_val_if_fail (n_fields != NULL, NULL);

  klass = CJM_ELEMENT_GET_CLASS (self);
  *n_fields = klass->n_fields;

  return klass->fields;
}

/**
 * cjm_element_class_find_field:
 * @klass: a #CjmElementClass
 * @xml_name: the attribute or element name in the file
 * @storage: whether @xml_name is an attribute or a child element
 *
 * Returns: (nullable): the field stored under @xml_name, or %NULL
 */
const CjmField *
cjm_element_class_find_field (CjmElementClass *klass,
                              const char      *xml_name,
                              CjmFieldStorage  storage)
{
  g_return_val_if_fail (CJM_IS_ELEMENT_CLASS (klass), NULL);
  g_return_val_if_fail (xml_name != NULL, NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (klass->fields[i].storage == storage &&
          strcmp (klass->fields[i].xml_name, xml_name) == 0)
        return &klass->fields[i];
    }

  return NULL;
}

/**
 * cjm_element_copy:
 * @self: a #CjmElement
 * @new_id: (nullable): the id of the copy, or %NULL for a new unique one
 *
 * Copies every stored field of @self, and what it keeps from newer
 * versions of the format, into a new element of the same type. Children
 * (the steps of a stage) are not copied.
 *
 * Returns: (transfer full): the copy
 */
CjmElement *
cjm_element_copy (CjmElement *self,
                  const char *new_id)
{
  CjmElementPrivate *priv = cjm_element_get_instance_private (self);
  CjmElementClass *klass;
  CjmElement *copy;

  g_return_val_if_fail (CJM_IS_ELEMENT (self), NULL);

  klass = CJM_ELEMENT_GET_CLASS (self);
  copy = g_object_new (G_OBJECT_TYPE (self), "id", new_id, NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (self), klass->fields[i].property, &value);
      g_object_set_property (G_OBJECT (copy), klass->fields[i].property, &value);
    }

  if (priv->extras != NULL)
    _cjm_element_take_extras (copy, cjm_extras_copy (priv->extras));

  return copy;
}

/**
 * cjm_element_equal:
 * @self: a #CjmElement
 * @other: another #CjmElement
 *
 * Returns: %TRUE if both have the same type, id, stored fields and kept
 *   content from newer versions. Children are not compared.
 */
gboolean
cjm_element_equal (CjmElement *self,
                   CjmElement *other)
{
  CjmElementClass *klass;

  g_return_val_if_fail (CJM_IS_ELEMENT (self), FALSE);
  g_return_val_if_fail (CJM_IS_ELEMENT (other), FALSE);

  if (G_OBJECT_TYPE (self) != G_OBJECT_TYPE (other))
    return FALSE;

  if (g_strcmp0 (cjm_element_get_id (self), cjm_element_get_id (other)) != 0)
    return FALSE;

  klass = CJM_ELEMENT_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                        klass->fields[i].property);
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (self), pspec->name, &a);
      g_object_get_property (G_OBJECT (other), pspec->name, &b);

      if (G_VALUE_HOLDS (&a, G_TYPE_STRV))
        {
          /* Boxed values compare by address: compare the lists themselves. */
          const char * const *sa = g_value_get_boxed (&a);
          const char * const *sb = g_value_get_boxed (&b);

          if ((sa == NULL) != (sb == NULL) || (sa != NULL && !g_strv_equal (sa, sb)))
            return FALSE;
        }
      else if (g_param_values_cmp (pspec, &a, &b) != 0)
        {
          return FALSE;
        }
    }

  return cjm_extras_equal (_cjm_element_get_extras (self),
                           _cjm_element_get_extras (other));
}

/**
 * cjm_element_dup_new_id:
 * @element_type: a #CjmElement type
 *
 * Makes a new random id for an element of @element_type, such as
 * "card-8c1f0a93b2d4". Random rather than counted, so that two people
 * editing copies of one map apart never make the same id, and merging
 * their work keeps every element.
 *
 * Returns: (transfer full): a new id
 */
char *
cjm_element_dup_new_id (GType element_type)
{
  g_autoptr(GTypeClass) klass = NULL;
  const char *prefix;

  g_return_val_if_fail (g_type_is_a (element_type, CJM_TYPE_ELEMENT), NULL);

  klass = g_type_class_ref (element_type);
  prefix = CJM_ELEMENT_CLASS (klass)->id_prefix;

  return g_strdup_printf ("%s-%04x%08x",
                          prefix ? prefix : "element",
                          g_random_int () & 0xffff,
                          g_random_int ());
}

/**
 * cjm_element_id_is_valid:
 * @id: (nullable): an id
 *
 * Ids are XML names without colons, at most 64 bytes, so that lists of
 * them can be written separated by spaces.
 *
 * Returns: %TRUE if @id can be used as an element id
 */
gboolean
cjm_element_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL || id[0] == '\0')
    return FALSE;

  len = strlen (id);
  if (len > MAX_ID_LENGTH)
    return FALSE;

  if (!g_ascii_isalpha (id[0]) && id[0] != '_')
    return FALSE;

  for (gsize i = 1; i < len; i++)
    {
      if (!g_ascii_isalnum (id[i]) && id[i] != '_' && id[i] != '-' && id[i] != '.')
        return FALSE;
    }

  return TRUE;
}
