/* cjm-extras.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-extras"

#include "config.h"

#include "cjm-extras.h"

static void
extra_namespace_free (gpointer data)
{
  CjmExtraNamespace *ns = data;

  g_free (ns->prefix);
  g_free (ns->uri);
  g_free (ns);
}

static void
extra_attribute_free (gpointer data)
{
  CjmExtraAttribute *attr = data;

  g_free (attr->ns_uri);
  g_free (attr->name);
  g_free (attr->value);
  g_free (attr);
}

CjmExtras *
cjm_extras_new (void)
{
  CjmExtras *self = g_new0 (CjmExtras, 1);

  self->namespaces = g_ptr_array_new_with_free_func (extra_namespace_free);
  self->attributes = g_ptr_array_new_with_free_func (extra_attribute_free);
  self->nodes = g_ptr_array_new_with_free_func (g_free);

  return self;
}

void
cjm_extras_free (CjmExtras *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->namespaces, g_ptr_array_unref);
  g_clear_pointer (&self->attributes, g_ptr_array_unref);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_free (self);
}

CjmExtras *
cjm_extras_copy (const CjmExtras *self)
{
  CjmExtras *copy;

  if (self == NULL)
    return NULL;

  copy = cjm_extras_new ();

  for (guint i = 0; i < self->namespaces->len; i++)
    {
      const CjmExtraNamespace *ns = g_ptr_array_index (self->namespaces, i);
      cjm_extras_add_namespace (copy, ns->prefix, ns->uri);
    }

  for (guint i = 0; i < self->attributes->len; i++)
    {
      const CjmExtraAttribute *attr = g_ptr_array_index (self->attributes, i);
      cjm_extras_add_attribute (copy, attr->ns_uri, attr->name, attr->value);
    }

  for (guint i = 0; i < self->nodes->len; i++)
    cjm_extras_add_node (copy, g_ptr_array_index (self->nodes, i));

  return copy;
}

gboolean
cjm_extras_is_empty (const CjmExtras *self)
{
  return self == NULL ||
         (self->namespaces->len == 0 &&
          self->attributes->len == 0 &&
          self->nodes->len == 0);
}

gboolean
cjm_extras_equal (const CjmExtras *a,
                  const CjmExtras *b)
{
  if (cjm_extras_is_empty (a) || cjm_extras_is_empty (b))
    return cjm_extras_is_empty (a) && cjm_extras_is_empty (b);

  if (a->namespaces->len != b->namespaces->len ||
      a->attributes->len != b->attributes->len ||
      a->nodes->len != b->nodes->len)
    return FALSE;

  for (guint i = 0; i < a->namespaces->len; i++)
    {
      const CjmExtraNamespace *na = g_ptr_array_index (a->namespaces, i);
      const CjmExtraNamespace *nb = g_ptr_array_index (b->namespaces, i);

      if (g_strcmp0 (na->prefix, nb->prefix) != 0 || g_strcmp0 (na->uri, nb->uri) != 0)
        return FALSE;
    }

  for (guint i = 0; i < a->attributes->len; i++)
    {
      const CjmExtraAttribute *aa = g_ptr_array_index (a->attributes, i);
      const CjmExtraAttribute *ab = g_ptr_array_index (b->attributes, i);

      if (g_strcmp0 (aa->ns_uri, ab->ns_uri) != 0 ||
          g_strcmp0 (aa->name, ab->name) != 0 ||
          g_strcmp0 (aa->value, ab->value) != 0)
        return FALSE;
    }

  for (guint i = 0; i < a->nodes->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (a->nodes, i), g_ptr_array_index (b->nodes, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

void
cjm_extras_add_namespace (CjmExtras  *self,
                          const char *prefix,
                          const char *uri)
{
  CjmExtraNamespace *ns;

  g_return_if_fail (self != NULL);
  g_return_if_fail (uri != NULL);

  ns = g_new0 (CjmExtraNamespace, 1);
  ns->prefix = g_strdup (prefix);
  ns->uri = g_strdup (uri);
  g_ptr_array_add (self->namespaces, ns);
}

void
cjm_extras_add_attribute (CjmExtras  *self,
                          const char *ns_uri,
                          const char *name,
                          const char *value)
{
  CjmExtraAttribute *attr;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  attr = g_new0 (CjmExtraAttribute, 1);
  attr->ns_uri = g_strdup (ns_uri);
  attr->name = g_strdup (name);
  attr->value = g_strdup (value ? value : "");
  g_ptr_array_add (self->attributes, attr);
}

void
cjm_extras_add_node (CjmExtras  *self,
                     const char *xml)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (xml != NULL);

  g_ptr_array_add (self->nodes, g_strdup (xml));
}
