/* cjm-xml-writer.c: writing .cjm files
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-xml-writer"

#include "config.h"

#include <string.h>

#include <libxml/tree.h>
#include <libxml/uri.h>

#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-element-private.h"
#include "cjm-emotion.h"
#include "cjm-field.h"
#include "cjm-format.h"
#include "cjm-lane.h"
#include "cjm-map-private.h"
#include "cjm-persona.h"
#include "cjm-revision.h"
#include "cjm-stage-private.h"
#include "cjm-xml.h"
#include "cjm-xml-private.h"

/* The map's collections, in the order the file holds them. */
static GType (* const map_collections[]) (void) = {
  cjm_revision_get_type,
  cjm_persona_get_type,
  cjm_stage_get_type,
  cjm_lane_get_type,
  cjm_card_get_type,
  cjm_emotion_get_type,
  cjm_connection_get_type,
};

typedef struct
{
  const char *prefix;
  const char *uri;
} Declaration;

typedef struct
{
  GString      *out;
  /* The namespace prefixes declared by the elements being written,
   * outermost first. */
  GArray       *scope;
  /* Checks what is kept from newer versions before it goes in the file. */
  CjmXmlParser *parser;
  GString      *chunk;
  /* Strings the scope points to that nothing else holds. */
  GPtrArray    *strings;
} Writer;

static void
writer_clear (Writer *writer)
{
  g_clear_pointer (&writer->scope, g_array_unref);
  g_clear_pointer (&writer->parser, _cjm_xml_parser_free);
  g_clear_pointer (&writer->strings, g_ptr_array_unref);
  if (writer->chunk != NULL)
    g_string_free (g_steal_pointer (&writer->chunk), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

static void write_element (Writer     *writer,
                           CjmElement *element,
                           guint       depth);

static inline void
write_indent (Writer *writer,
              guint   depth)
{
  static const char spaces[] = "                ";

  g_assert (depth * 2 < sizeof spaces);
  g_string_append_len (writer->out, spaces, depth * 2);
}

static void
write_attribute (Writer     *writer,
                 const char *name,
                 const char *value)
{
  g_string_append_c (writer->out, ' ');
  g_string_append (writer->out, name);
  g_string_append (writer->out, "=\"");
  _cjm_xml_append_escaped (writer->out, value, -1, TRUE);
  g_string_append_c (writer->out, '"');
}

/* The text a file stores for a field, or %NULL for its default. */
static const char *
field_text (const CjmXmlField  *field,
            gpointer            element,
            GValue             *value,
            char              **allocated)
{
  _cjm_xml_field_get_value (field, element, value);

  /* Most fields are texts without a default: no conversion needed. */
  if (G_VALUE_HOLDS_STRING (value) && G_PARAM_SPEC_STRING (field->pspec)->default_value == NULL)
    {
      const char *text = g_value_get_string (value);

      return text && text[0] ? text : NULL;
    }

  return *allocated = cjm_field_value_to_string (field->pspec, value);
}

/* What libxml2 accepts for a prefix: a URI, not one of the two reserved
 * namespaces. The reader only keeps such; JSON files may hold others.
 * libxml2 checks the URI with each "&" still written "&#38;". */
static gboolean
is_valid_namespace (const char *uri)
{
  g_autofree char *as_checked = NULL;
  xmlURI *parsed;

  if (uri == NULL || uri[0] == '\0' ||
      strcmp (uri, (const char *)XML_XML_NAMESPACE) == 0 ||
      strcmp (uri, "http://www.w3.org/2000/xmlns/") == 0)
    return FALSE;

  if (strchr (uri, '&') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (uri, "&", -1);

      uri = as_checked = g_strjoinv ("&#38;", parts);
    }

  if ((parsed = xmlParseURI (uri)) == NULL)
    return FALSE;

  xmlFreeURI (parsed);
  return TRUE;
}

static const char *
lookup_prefix (Writer     *writer,
               const char *prefix,
               guint       from)
{
  for (guint i = writer->scope->len; i > from; i--)
    {
      const Declaration *declaration = &g_array_index (writer->scope, Declaration, i - 1);

      if (strcmp (declaration->prefix, prefix) == 0)
        return declaration->uri;
    }

  return NULL;
}

static void
declare (Writer     *writer,
         const char *prefix,
         const char *uri)
{
  Declaration declaration = { prefix, uri };
  g_autofree char *name = g_strconcat ("xmlns:", prefix, NULL);

  write_attribute (writer, name, uri);
  g_array_append_val (writer->scope, declaration);
}

/* What this version does not understand is kept as it was read; it may
 * also have been made by hand or come from a JSON file. Only what can be
 * written back as well-formed XML is written. */

static void
write_extra_namespaces (Writer          *writer,
                        const CjmExtras *extras,
                        guint            scope_start)
{
  for (guint i = 0; i < extras->namespaces->len; i++)
    {
      const CjmExtraNamespace *ns = g_ptr_array_index (extras->namespaces, i);

      /* Known elements are always in our default namespace. */
      if (ns->prefix == NULL || !is_valid_namespace (ns->uri) ||
          xmlValidateNCName ((const xmlChar *)ns->prefix, 0) != 0 ||
          strcmp (ns->prefix, "xml") == 0 || strcmp (ns->prefix, "xmlns") == 0 ||
          lookup_prefix (writer, ns->prefix, scope_start) != NULL)
        continue;

      declare (writer, ns->prefix, ns->uri);
    }
}

static void
write_extra_attributes (Writer            *writer,
                        const CjmXmlClass *xml_class,
                        CjmElement        *element,
                        const CjmExtras   *extras,
                        guint              scope_start)
{
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < extras->attributes->len; i++)
    {
      const CjmExtraAttribute *attr = g_ptr_array_index (extras->attributes, i);
      const char *colon = strchr (attr->name, ':');
      char *expanded;

      if (xmlValidateQName ((const xmlChar *)attr->name, 0) != 0)
        continue;

      if (colon == NULL)
        {
          if (_cjm_xml_attribute_is_written (element, attr->name, attr->value))
            continue;
          expanded = g_strdup (attr->name);
        }
      else
        {
          g_autofree char *prefix = g_strndup (attr->name, colon - attr->name);
          const char *uri;

          if (strcmp (prefix, "xmlns") == 0)
            continue;

          if (strcmp (prefix, "xml") == 0)
            uri = (const char *)XML_XML_NAMESPACE;
          else if ((uri = lookup_prefix (writer, prefix, 0)) == NULL)
            {
              /* A prefix nothing declares: declare it, if we know for what. */
              if (!is_valid_namespace (attr->ns_uri))
                continue;
              declare (writer, prefix, attr->ns_uri);
              g_ptr_array_add (writer->strings, g_steal_pointer (&prefix));
              uri = attr->ns_uri;
            }

          /* Two prefixes may stand for one namespace. */
          expanded = g_strconcat ("{", uri, "}", colon + 1, NULL);
        }

      if (!g_hash_table_add (written, expanded))
        continue;

      write_attribute (writer, attr->name, attr->value);
    }
}

static gboolean
is_well_formed (Writer     *writer,
                const char *node)
{
  if (writer->parser == NULL)
    {
      writer->parser = _cjm_xml_parser_new ();
      writer->chunk = g_string_new (NULL);
    }

  /* Parsed in place of the element: with the namespaces it sees. */
  g_string_assign (writer->chunk, "<_ xmlns=\"" CJM_FORMAT_NAMESPACE "\"");
  for (guint i = writer->scope->len; i > 0; i--)
    {
      const Declaration *declaration = &g_array_index (writer->scope, Declaration, i - 1);

      if (lookup_prefix (writer, declaration->prefix, i) != NULL)
        continue;

      g_string_append_printf (writer->chunk, " xmlns:%s=\"", declaration->prefix);
      _cjm_xml_append_escaped (writer->chunk, declaration->uri, -1, TRUE);
      g_string_append_c (writer->chunk, '"');
    }
  g_string_append_c (writer->chunk, '>');
  g_string_append (writer->chunk, node);
  g_string_append (writer->chunk, "</_>");

  if (!_cjm_xml_parser_parse (writer->parser, writer->chunk->str, writer->chunk->len, "",
                              NULL, NULL, NULL))
    {
      g_debug ("Not writing unknown content that is not well-formed XML: %s", node);
      return FALSE;
    }

  return TRUE;
}

static void
write_open (Writer   *writer,
            gboolean *open)
{
  if (!*open)
    {
      g_string_append (writer->out, ">\n");
      *open = TRUE;
    }
}

static void
write_element (Writer     *writer,
               CjmElement *element,
               guint       depth)
{
  const CjmXmlClass *xml_class = _cjm_xml_class_get (G_OBJECT_TYPE (element));
  const CjmExtras *extras = _cjm_element_get_extras (element);
  guint scope_start = writer->scope->len;
  gboolean open = FALSE;

  write_indent (writer, depth);
  g_string_append_c (writer->out, '<');
  g_string_append (writer->out, xml_class->xml_name);

  if (CJM_IS_MAP (element))
    {
      const char *version = CJM_FORMAT_VERSION;

      /* A map from a newer version is saved with that version: see
       * "Versions" in doc/cjm-format.md. */
      for (guint i = 0; extras != NULL && i < extras->attributes->len; i++)
        {
          const CjmExtraAttribute *attr = g_ptr_array_index (extras->attributes, i);
          guint major, minor;

          if (attr->ns_uri == NULL && strcmp (attr->name, "version") == 0 &&
              _cjm_xml_parse_version (attr->value, &major, &minor) &&
              (major > CJM_FORMAT_MAJOR || (major == CJM_FORMAT_MAJOR && minor > CJM_FORMAT_MINOR)))
            version = attr->value;
        }

      write_attribute (writer, "xmlns", CJM_FORMAT_NAMESPACE);
      write_attribute (writer, "version", version);
    }

  write_attribute (writer, "id", cjm_element_get_id (element));

  for (guint i = 0; i < xml_class->n_fields; i++)
    {
      const CjmXmlField *field = &xml_class->fields[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *allocated = NULL;
      const char *text;

      if (field->storage != CJM_FIELD_ATTRIBUTE)
        continue;

      if ((text = field_text (field, element, &value, &allocated)) != NULL)
        write_attribute (writer, field->xml_name, text);
    }

  if (extras != NULL)
    {
      write_extra_namespaces (writer, extras, scope_start);
      write_extra_attributes (writer, xml_class, element, extras, scope_start);
    }

  for (guint i = 0; i < xml_class->n_fields; i++)
    {
      const CjmXmlField *field = &xml_class->fields[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *allocated = NULL;
      const char *text;

      if (field->storage != CJM_FIELD_ELEMENT)
        continue;

      if ((text = field_text (field, element, &value, &allocated)) == NULL)
        continue;

      /* Inline, so that no white space is added to the text. */
      write_open (writer, &open);
      write_indent (writer, depth + 1);
      g_string_append_c (writer->out, '<');
      g_string_append (writer->out, field->xml_name);
      g_string_append_c (writer->out, '>');
      _cjm_xml_append_escaped (writer->out, text, -1, FALSE);
      g_string_append (writer->out, "</");
      g_string_append (writer->out, field->xml_name);
      g_string_append (writer->out, ">\n");
    }

  if (CJM_IS_MAP (element) || CJM_IS_STAGE (element))
    {
      guint n_lists = CJM_IS_MAP (element) ? G_N_ELEMENTS (map_collections) : 1;

      for (guint l = 0; l < n_lists; l++)
        {
          GListModel *list;
          guint n;

          if (CJM_IS_MAP (element))
            list = G_LIST_MODEL (_cjm_map_get_store (CJM_MAP (element), map_collections[l] ()));
          else
            list = cjm_stage_get_steps (CJM_STAGE (element));

          n = g_list_model_get_n_items (list);
          if (n > 0)
            write_open (writer, &open);

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(CjmElement) child = g_list_model_get_item (list, i);

              write_element (writer, child, depth + 1);
            }
        }
    }

  for (guint i = 0; extras != NULL && i < extras->nodes->len; i++)
    {
      const char *node = g_ptr_array_index (extras->nodes, i);

      if (!is_well_formed (writer, node))
        continue;

      write_open (writer, &open);
      write_indent (writer, depth + 1);
      g_string_append (writer->out, node);
      g_string_append_c (writer->out, '\n');
    }

  if (open)
    {
      write_indent (writer, depth);
      g_string_append (writer->out, "</");
      g_string_append (writer->out, xml_class->xml_name);
      g_string_append (writer->out, ">\n");
    }
  else
    {
      g_string_append (writer->out, "/>\n");
    }

  g_array_set_size (writer->scope, scope_start);
}

/**
 * cjm_xml_write:
 * @map: a #CjmMap
 *
 * Writes @map as a .cjm file: UTF-8 XML, two-space indentation, the order
 * of doc/cjm-format.md, default values left out, and what was kept from a
 * newer version written back after the known content of each element. The
 * same map always gives the same bytes.
 *
 * Returns: (transfer full): the content of the file
 */
GBytes *
cjm_xml_write (CjmMap *map)
{
  g_auto(Writer) writer = { NULL, };

  g_return_val_if_fail (CJM_IS_MAP (map), NULL);

  /* Roughly what a card takes, to grow the buffer a few times only. */
  writer.out = g_string_sized_new (4096 + 256 * g_list_model_get_n_items (cjm_map_get_cards (map)));
  writer.scope = g_array_new (FALSE, FALSE, sizeof (Declaration));
  writer.strings = g_ptr_array_new_with_free_func (g_free);

  g_string_append (writer.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  write_element (&writer, CJM_ELEMENT (map), 0);

  return g_string_free_to_bytes (g_steal_pointer (&writer.out));
}
