/* cjm-element.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CJM_TYPE_ELEMENT (cjm_element_get_type ())

G_DECLARE_DERIVABLE_TYPE (CjmElement, cjm_element, CJM, ELEMENT, GObject)

typedef enum
{
  CJM_FIELD_ATTRIBUTE,
  CJM_FIELD_ELEMENT,
} CjmFieldStorage;

/* How one property of an element is stored in the .cjm and JSON formats. */
typedef struct
{
  const char      *property;
  const char      *xml_name;
  CjmFieldStorage  storage;
} CjmField;

struct _CjmElementClass
{
  GObjectClass parent_class;

  /* The name of the element in .cjm files. */
  const char     *xml_name;
  /* What new ids start with, e.g. "persona" in "persona-3fa85f64". */
  const char     *id_prefix;
  /* The properties the formats store, in the order they are written. */
  const CjmField *fields;
  guint           n_fields;
};

const char     *cjm_element_get_id         (CjmElement *self);
const char     *cjm_element_get_xml_name   (CjmElement *self);
const CjmField *cjm_element_get_fields     (CjmElement *self,
                                            guint      *n_fields);
CjmElement     *cjm_element_copy           (CjmElement *self,
                                            const char *new_id) G_GNUC_WARN_UNUSED_RESULT;
gboolean        cjm_element_equal          (CjmElement *self,
                                            CjmElement *other);
char           *cjm_element_dup_new_id     (GType       element_type) G_GNUC_WARN_UNUSED_RESULT;
gboolean        cjm_element_id_is_valid    (const char *id);
const CjmField *cjm_element_class_find_field (CjmElementClass *klass,
                                              const char      *xml_name,
                                              CjmFieldStorage  storage);

G_END_DECLS
