/* cjm-xml-private.h: what the .cjm reader and writer share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <libxml/xmlstring.h>

#include "cjm-element.h"

G_BEGIN_DECLS

/* The most fields any element class has: a bit each in a guint64. */
#define CJM_XML_MAX_FIELDS 64

/* One stored property of an element class, resolved once. */
typedef struct
{
  const char      *xml_name;
  CjmFieldStorage  storage;
  GParamSpec      *pspec;
  /* The class whose get_property() serves pspec. */
  GObjectClass    *owner_class;
} CjmXmlField;

/* How the formats store one element class; built once, never freed. */
typedef struct
{
  GType            type;
  CjmElementClass *klass;
  const char      *xml_name;
  /* In the order of klass->fields. */
  CjmXmlField     *fields;
  guint            n_fields;
} CjmXmlClass;

const CjmXmlClass *_cjm_xml_class_get        (GType              type);
int                _cjm_xml_class_find_field (const CjmXmlClass *xml_class,
                                              const char        *xml_name,
                                              CjmFieldStorage    storage);
void               _cjm_xml_field_get_value  (const CjmXmlField *field,
                                              gpointer           element,
                                              GValue            *value);
void               _cjm_xml_append_escaped   (GString           *out,
                                              const char        *text,
                                              gssize             length,
                                              gboolean           in_attribute);
gboolean           _cjm_xml_parse_version    (const char        *text,
                                              guint             *major,
                                              guint             *minor);

/* A streaming libxml2 parser set up to read untrusted files safely: no
 * DTD, no entities, no network, bounded depth, no tree, and no output on
 * stderr. What it reads goes to a CjmXmlHandler, as SAX2 gives it. */
typedef struct _CjmXmlParser CjmXmlParser;

typedef struct
{
  void (*start_element) (gpointer        user_data,
                         const xmlChar  *localname,
                         const xmlChar  *prefix,
                         const xmlChar  *uri,
                         int             n_namespaces,
                         const xmlChar **namespaces,
                         int             n_attributes,
                         const xmlChar **attributes);
  void (*end_element)   (gpointer        user_data,
                         const xmlChar  *localname,
                         const xmlChar  *prefix);
  void (*text)          (gpointer        user_data,
                         const char     *text,
                         gsize           length);
  void (*comment)       (gpointer        user_data,
                         const char     *text);
  void (*instruction)   (gpointer        user_data,
                         const char     *target,
                         const char     *data);
} CjmXmlHandler;

CjmXmlParser *_cjm_xml_parser_new      (void);
void          _cjm_xml_parser_free     (CjmXmlParser        *self);
gboolean      _cjm_xml_parser_parse    (CjmXmlParser        *self,
                                        const char          *data,
                                        gsize                size,
                                        const char          *display_name,
                                        const CjmXmlHandler *handler,
                                        gpointer             user_data,
                                        GError             **error);
int           _cjm_xml_parser_get_line (CjmXmlParser        *self);
void          _cjm_xml_parser_fail     (CjmXmlParser        *self,
                                        GError              *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmXmlParser, _cjm_xml_parser_free)

gboolean _cjm_xml_attribute_is_written (CjmElement *element,
                                        const char *name,
                                        const char *value);

G_END_DECLS
