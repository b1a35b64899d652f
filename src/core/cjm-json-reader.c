/* cjm-json-reader.c: reading a map from JSON
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-json-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "cjm-element-private.h"
#include "cjm-field.h"
#include "cjm-json.h"
#include "cjm-json-private.h"
#include "cjm-map.h"
#include "cjm-map-check.h"
#include "cjm-map-check-private.h"
#include "cjm-problem.h"
#include "cjm-xml.h"
#include "cjm-xml-private.h"

/* A namespace declaration in force where an element is written as XML. */
typedef struct
{
  const char *prefix;
  const char *uri;
} Declaration;

typedef struct
{
  /* What was found, sorted by line at the end. */
  GPtrArray    *problems;
  gboolean      newer;

  /* JsonNode → the line where it starts (or, when the lines are taken
   * from the parser's signals, where the parser finished reading it). */
  GHashTable   *node_lines;
  /* JsonObject (a reference, so that no address is reused while parsing)
   * → how many members it had after the last one the parser read into
   * it: a key given twice does not add one. */
  GHashTable   *member_counts;
  /* CjmElement → the line of its first key, for the map check. */
  GHashTable   *element_lines;

  /* The namespace declarations of the elements being read, outermost
   * first, as the .cjm writer will make them: kept XML nodes must be
   * well-formed with them. */
  GArray       *scope;
  GPtrArray    *strings;  /* that the scope points to */

  /* The problems of the elements being read, told when each is made, so
   * that they can name it. */
  GPtrArray    *deferred;
  CjmXmlParser *xml_parser;
  guint         xml_level;
  guint         xml_depth;
} Reader;

/* An unknown key of an element, kept for later. */
typedef struct
{
  const char *key;
  JsonNode   *value;
} UnknownKey;

static int
node_line (Reader   *self,
           JsonNode *node)
{
  /* An object is where its first key is: for an element, its "id". */
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      if (json_object_iter_next_ordered (&iter, &name, &member))
        return node_line (self, member);
    }

  return GPOINTER_TO_INT (g_hash_table_lookup (self->node_lines, node));
}

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *member_name,
                  Reader     *self)
{
  JsonNode *member = json_object_get_member (object, member_name);
  int line = json_parser_get_current_line (parser);
  guint size = json_object_get_size (object);
  guint size_before;

  g_hash_table_insert (self->node_lines, json_node_ref (member), GINT_TO_POINTER (line));

  size_before = GPOINTER_TO_UINT (g_hash_table_lookup (self->member_counts, object));
  g_hash_table_insert (self->member_counts, json_object_ref (object), GUINT_TO_POINTER (size));

  if (size == size_before)
    cjm_problems_add (self->problems, CJM_PROBLEM_WARNING, line,
                      _("The key “%s” is given twice; the last value is used"),
                      member_name);
}

static void
array_element_cb (JsonParser *parser,
                  JsonArray  *array,
                  int         index_,
                  Reader     *self)
{
  JsonNode *element = json_array_get_element (array, index_);

  g_hash_table_insert (self->node_lines, json_node_ref (element),
                       GINT_TO_POINTER (json_parser_get_current_line (parser)));
}

/* Gives each node of the tree the line the scan found for it: both list
 * the values in the order they start. Returns %FALSE when they do not
 * match, as when a key is given twice (json-glib keeps one value). */
static gboolean
assign_lines (Reader             *self,
              JsonNode           *node,
              const CjmJsonValue *values,
              guint               n_values,
              guint              *next)
{
  const CjmJsonValue *value;

  if (*next >= n_values)
    return FALSE;

  value = &values[(*next)++];
  g_hash_table_insert (self->node_lines, node, GINT_TO_POINTER (value->line));

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        if (value->kind != '{' || value->n_children != json_object_get_size (object))
          return FALSE;

        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!assign_lines (self, member, values, n_values, next))
              return FALSE;
          }
      }
      return TRUE;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (value->kind != '[' || value->n_children != n)
          return FALSE;

        for (guint i = 0; i < n; i++)
          {
            if (!assign_lines (self, json_array_get_element (array, i), values, n_values, next))
              return FALSE;
          }
      }
      return TRUE;

    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) == G_TYPE_STRING ? value->kind == '"'
             : json_node_get_value_type (node) == G_TYPE_BOOLEAN ? value->kind == 'a'
             : value->kind == '0';

    case JSON_NODE_NULL:
      return value->kind == 'a';

    default:
      return FALSE;
    }
}

static int
element_line_cb (gpointer element,
                 gpointer user_data)
{
  Reader *self = user_data;

  return GPOINTER_TO_INT (g_hash_table_lookup (self->element_lines, element));
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' ||
         (c >= 0x20 && c <= 0xd7ff) ||
         (c >= 0xe000 && c <= 0xfffd) ||
         (c >= 0x10000 && c <= 0x10ffff);
}

static gboolean
text_is_xml_safe (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!is_xml_char (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* A map is saved as XML, which cannot hold every character a JSON string
 * can (control characters, U+FFFE): the .cjm writer would write U+FFFD
 * for them, so the map holds U+FFFD from the start. */
static char *
make_xml_safe (const char *text)
{
  GString *safe = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (safe, is_xml_char (c) ? c : 0xfffd);
    }

  return g_string_free (safe, FALSE);
}

static gboolean
id_is_word (const char *id)
{
  return id[0] != '\0' && strpbrk (id, " \t\r\n") == NULL && text_is_xml_safe (id);
}

/* A problem of the element being read, told once it is made: see
 * read_element(). */
static void G_GNUC_PRINTF (4, 5)
defer (Reader             *self,
       CjmProblemSeverity  severity,
       int                 line,
       const char         *format,
       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->deferred, cjm_problem_new (severity, line, "%s", message));
}

/* Turns the JSON value of a field into the text the .cjm format stores,
 * so that cjm_field_value_from_string() checks it as for a .cjm file. */
static char *
field_text (Reader     *self,
            GParamSpec *pspec,
            const char *key,
            JsonNode   *node)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  int line = node_line (self, node);

  if (type == G_TYPE_INT)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        {
          defer (self, CJM_PROBLEM_WARNING, line,
                 _("“%s” should be a whole number; the default is used"), key);
          return NULL;
        }

      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    }

  if (type == G_TYPE_STRV)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          defer (self, CJM_PROBLEM_WARNING, line,
                 _("“%s” should be a list of ids; the default is used"), key);
          return NULL;
        }

      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          /* The .cjm format separates ids by spaces. */
          if (!is_string (item) || !id_is_word (json_node_get_string (item)))
            {
              defer (self, CJM_PROBLEM_WARNING, node_line (self, item),
                     _("“%s” should be a list of ids; the default is used"), key);
              return NULL;
            }

          g_ptr_array_add (ids, (gpointer)json_node_get_string (item));
        }

      g_ptr_array_add (ids, NULL);
      return g_strjoinv (" ", (char **)ids->pdata);
    }

  /* Texts and enumerations (by their nick). */
  if (!is_string (node))
    {
      defer (self, CJM_PROBLEM_WARNING, line,
             _("“%s” should be a text; the default is used"), key);
      return NULL;
    }

  if (!text_is_xml_safe (json_node_get_string (node)))
    {
      defer (self, CJM_PROBLEM_WARNING, line,
             _("“%s” holds characters a map cannot store; they were replaced"), key);
      return make_xml_safe (json_node_get_string (node));
    }

  return g_strdup (json_node_get_string (node));
}

/* Reads the value of a field into @value, an unset GValue. */
static gboolean
read_field (Reader            *self,
            const CjmXmlField *field,
            JsonNode          *node,
            GValue            *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* null is what a JSON writer may write for "not set". */
  if (JSON_NODE_HOLDS_NULL (node))
    return FALSE;

  /* The common case, as the .cjm reader does it: the object keeps its
   * own copy of the text. */
  if (G_PARAM_SPEC_VALUE_TYPE (field->pspec) == G_TYPE_STRING && is_string (node) &&
      text_is_xml_safe (json_node_get_string (node)))
    {
      g_value_init (value, G_TYPE_STRING);
      g_value_set_static_string (value, json_node_get_string (node));
      return TRUE;
    }

  text = field_text (self, field->pspec, field->xml_name, node);
  if (text == NULL)
    return FALSE;

  if (!cjm_field_value_from_string (field->pspec, text, value, &error))
    {
      defer (self, CJM_PROBLEM_WARNING, node_line (self, node),
             _("the value of “%s” is not valid (%s); the default is used"),
             field->xml_name, error->message);
      return FALSE;
    }

  return TRUE;
}

/* The fields of the element classes, as the .cjm reader and writer have
 * them: attributes and text elements have distinct names. */
static const CjmXmlField *
find_field (const CjmXmlClass *xml_class,
            const char        *key)
{
  for (guint i = 0; i < xml_class->n_fields; i++)
    {
      if (strcmp (xml_class->fields[i].xml_name, key) == 0)
        return &xml_class->fields[i];
    }

  return NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && is_string (node) ? json_node_get_string (node) : NULL;
}

static gboolean
member_is_null_or_missing (JsonObject *object,
                           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static const char *
lookup_prefix (Reader     *self,
               const char *prefix,
               guint       from)
{
  for (guint i = self->scope->len; i > from; i--)
    {
      const Declaration *declaration = &g_array_index (self->scope, Declaration, i - 1);

      if (strcmp (declaration->prefix, prefix) == 0)
        return declaration->uri;
    }

  return NULL;
}

static void
declare (Reader     *self,
         const char *prefix,
         const char *uri)
{
  Declaration declaration = { prefix, uri };

  g_array_append_val (self->scope, declaration);
}

/* Only what the .cjm writer writes back is kept, so that a map read from
 * JSON is the same after a trip through a .cjm file. */
static gboolean
read_extra_namespace (Reader     *self,
                      CjmExtras  *extras,
                      JsonObject *object,
                      guint       scope_start)
{
  const char *prefix = member_string (object, "prefix");
  const char *uri = member_string (object, "uri");

  /* The elements of the model are always in our default namespace. */
  if (prefix == NULL || xmlValidateNCName ((const xmlChar *)prefix, 0) != 0 ||
      strcmp (prefix, "xml") == 0 || strcmp (prefix, "xmlns") == 0 ||
      lookup_prefix (self, prefix, scope_start) != NULL)
    return FALSE;

  if (!_cjm_json_namespace_is_valid (uri) || !text_is_xml_safe (uri))
    return FALSE;

  cjm_extras_add_namespace (extras, prefix, uri);
  declare (self, prefix, uri);

  return TRUE;
}

static gboolean
read_extra_attribute (Reader     *self,
                      CjmElement *element,
                      CjmExtras  *extras,
                      JsonObject *object)
{
  const char *ns_uri = member_string (object, "namespace");
  const char *name = member_string (object, "name");
  const char *value = member_string (object, "value");
  const char *colon;

  if (ns_uri == NULL && !member_is_null_or_missing (object, "namespace"))
    return FALSE;

  if (name == NULL || value == NULL || !text_is_xml_safe (value) ||
      xmlValidateQName ((const xmlChar *)name, 0) != 0)
    return FALSE;

  colon = strchr (name, ':');
  if (colon == NULL)
    {
      /* Without a prefix: no namespace, and not a name the format uses. */
      if (ns_uri != NULL || _cjm_xml_attribute_is_written (element, name, value))
        return FALSE;
    }
  else
    {
      g_autofree char *prefix = g_strndup (name, colon - name);
      const char *bound;

      if (ns_uri == NULL || !text_is_xml_safe (ns_uri) || strcmp (prefix, "xmlns") == 0)
        return FALSE;

      /* The namespace must be the one the prefix stands for when written:
       * the XML one for "xml", else the declaration in force, else a
       * declaration the .cjm writer adds. */
      if (strcmp (prefix, "xml") == 0)
        bound = (const char *)XML_XML_NAMESPACE;
      else
        bound = lookup_prefix (self, prefix, 0);

      if (bound != NULL ? strcmp (bound, ns_uri) != 0 : !_cjm_json_namespace_is_valid (ns_uri))
        return FALSE;
    }

  for (guint i = 0; i < extras->attributes->len; i++)
    {
      const CjmExtraAttribute *attr = g_ptr_array_index (extras->attributes, i);
      const char *other_colon = strchr (attr->name, ':');

      if (g_strcmp0 (attr->ns_uri, ns_uri) == 0 &&
          strcmp (other_colon ? other_colon + 1 : attr->name, colon ? colon + 1 : name) == 0)
        return FALSE;
    }

  /* A prefix nothing declares: the .cjm writer would declare it on the
   * element, and the .cjm reader keep that declaration. Do it now, so
   * that the map is the same after a trip through a .cjm file. */
  if (colon != NULL && !g_str_has_prefix (name, "xml:"))
    {
      char *prefix = g_strndup (name, colon - name);

      g_ptr_array_add (self->strings, prefix);
      if (lookup_prefix (self, prefix, 0) == NULL)
        {
          cjm_extras_add_namespace (extras, prefix, ns_uri);
          declare (self, prefix, ns_uri);
        }
    }

  cjm_extras_add_attribute (extras, ns_uri, name, value);

  return TRUE;
}

/* The declarations in force, as attributes of an element standing for the
 * one being read. */
static void
append_declarations (Reader  *self,
                     GString *out)
{
  for (guint i = self->scope->len; i > 0; i--)
    {
      const Declaration *declaration = &g_array_index (self->scope, Declaration, i - 1);

      if (lookup_prefix (self, declaration->prefix, i) != NULL)
        continue;

      g_string_append_printf (out, " xmlns:%s=\"", declaration->prefix);
      _cjm_xml_append_escaped (out, declaration->uri, -1, TRUE);
      g_string_append_c (out, '"');
    }
}

static void
node_start_cb (gpointer        user_data,
               const xmlChar  *localname,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               int             n_namespaces,
               const xmlChar **namespaces,
               int             n_attributes,
               const xmlChar **attributes)
{
  Reader *self = user_data;

  /* The wrapper stands in for the element the node is kept in. */
  if (++self->xml_depth + self->xml_level - 1 > CJM_MAX_DEPTH)
    _cjm_xml_parser_fail (self->xml_parser,
                          g_error_new_literal (CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_UNSAFE, ""));
}

static void
node_end_cb (gpointer       user_data,
             const xmlChar *localname,
             const xmlChar *prefix)
{
  Reader *self = user_data;

  self->xml_depth--;
}

/* Whether @xml is content the .cjm writer writes back, in place, inside an
 * element at @level (the map's is 1): well-formed with the namespaces
 * declared around it, safe, and not nested too deep to be read again. */
static gboolean
xml_node_is_safe (Reader     *self,
                  const char *xml,
                  guint       level)
{
  static const CjmXmlHandler handler = { node_start_cb, node_end_cb, NULL, NULL, NULL };
  g_autoptr(GString) wrapped = NULL;
  gboolean only_space = TRUE;

  for (const char *p = xml; *p != '\0' && only_space; p++)
    only_space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';

  if (only_space || !text_is_xml_safe (xml))
    return FALSE;

  wrapped = g_string_new ("<_ xmlns=\"" CJM_FORMAT_NAMESPACE "\"");
  append_declarations (self, wrapped);
  g_string_append_c (wrapped, '>');
  g_string_append (wrapped, xml);
  g_string_append (wrapped, "</_>");

  if (self->xml_parser == NULL)
    self->xml_parser = _cjm_xml_parser_new ();

  self->xml_level = level;
  self->xml_depth = 0;

  return _cjm_xml_parser_parse (self->xml_parser, wrapped->str, wrapped->len, "",
                                &handler, self, NULL);
}

/* Keeps @xml as the .cjm reader would keep it, read back from a .cjm
 * file: one node each (an element, a comment, a processing instruction,
 * or text), written its way. Reading a small document holding it with
 * the .cjm reader itself does exactly that. */
static gboolean
keep_node (Reader     *self,
           CjmExtras  *extras,
           const char *xml)
{
  g_autoptr(GString) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CjmMap) map = NULL;
  CjmExtras *read;

  document = g_string_new ("<journey-map xmlns=\"" CJM_FORMAT_NAMESPACE "\" version=\""
                           CJM_FORMAT_VERSION "\" id=\"map\"");
  append_declarations (self, document);
  g_string_append_c (document, '>');
  g_string_append (document, xml);
  g_string_append (document, "</journey-map>");

  bytes = g_string_free_to_bytes (g_steal_pointer (&document));
  map = cjm_xml_read (bytes, "", NULL, NULL);
  read = map != NULL ? _cjm_element_get_extras (CJM_ELEMENT (map)) : NULL;
  if (read == NULL || read->nodes->len == 0)
    return FALSE;

  for (guint i = 0; i < read->nodes->len; i++)
    cjm_extras_add_node (extras, g_ptr_array_index (read->nodes, i));

  return TRUE;
}

/* Two texts in a row are one text in a .cjm file, where the writer puts
 * each node on a line of its own, indented: join them the same way. */
static void
join_texts (CjmExtras *extras,
            guint      xml_level)
{
  for (guint i = 1; i < extras->nodes->len; )
    {
      char *previous = g_ptr_array_index (extras->nodes, i - 1);
      const char *node = g_ptr_array_index (extras->nodes, i);

      if (previous[0] == '<' || node[0] == '<')
        {
          i++;
          continue;
        }

      extras->nodes->pdata[i - 1] = g_strdup_printf ("%s\n%*s%s", previous,
                                                     (int)(2 * xml_level), "", node);
      g_free (previous);
      g_ptr_array_remove_index (extras->nodes, i);
    }
}

typedef enum
{
  EXTRAS_NAMESPACES,
  EXTRAS_ATTRIBUTES,
  EXTRAS_NODES,
} ExtrasPart;

static void
read_extras (Reader     *self,
             CjmElement *element,
             CjmExtras  *extras,
             JsonNode   *node,
             guint       xml_level)
{
  static const char * const parts[] = { "namespaces", "attributes", "nodes", NULL };
  guint scope_start = self->scope->len;
  JsonObjectIter iter;
  JsonObject *object;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      defer (self, CJM_PROBLEM_WARNING, node_line (self, node),
             _("“extras” should be an object; it is left out"));
      return;
    }

  object = json_node_get_object (node);

  for (ExtrasPart part = EXTRAS_NAMESPACES; part <= EXTRAS_NODES; part++)
    {
      JsonNode *list = json_object_get_member (object, parts[part]);
      JsonArray *array;

      if (list == NULL || JSON_NODE_HOLDS_NULL (list))
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (list))
        {
          defer (self, CJM_PROBLEM_WARNING, node_line (self, list),
                 _("“%s” should be a list; it is left out"), parts[part]);
          continue;
        }

      array = json_node_get_array (list);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          gboolean kept;

          if (part == EXTRAS_NODES)
            kept = is_string (item) &&
                   xml_node_is_safe (self, json_node_get_string (item), xml_level) &&
                   keep_node (self, extras, json_node_get_string (item));
          else if (!JSON_NODE_HOLDS_OBJECT (item))
            kept = FALSE;
          else if (part == EXTRAS_NAMESPACES)
            kept = read_extra_namespace (self, extras, json_node_get_object (item), scope_start);
          else
            kept = read_extra_attribute (self, element, extras, json_node_get_object (item));

          if (!kept)
            defer (self, CJM_PROBLEM_WARNING, node_line (self, item),
                   _("an item of “%s” in “extras” cannot be kept; it is left out"), parts[part]);
        }
    }

  join_texts (extras, xml_level);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (!g_strv_contains (parts, name))
        defer (self, self->newer ? CJM_PROBLEM_NOTE : CJM_PROBLEM_WARNING,
               node_line (self, member),
               _("the key “%s” in “extras” is not known; it is left out"), name);
    }
}

/* Keys this version does not know become attributes in a namespace of
 * their own, after what "extras" holds: see cjm-json-private.h. The .cjm
 * writer declares the prefix on the element. */
static void
keep_unknown_keys (Reader     *self,
                   CjmExtras  *extras,
                   GArray     *unknown)
{
  gboolean declared = FALSE;

  if (unknown->len == 0)
    return;

  for (guint i = 0; i < extras->namespaces->len; i++)
    {
      const CjmExtraNamespace *ns = g_ptr_array_index (extras->namespaces, i);

      if (g_strcmp0 (ns->prefix, CJM_JSON_PREFIX) != 0)
        continue;

      if (strcmp (ns->uri, CJM_JSON_NAMESPACE) != 0)
        {
          UnknownKey *first = &g_array_index (unknown, UnknownKey, 0);

          defer (self, CJM_PROBLEM_WARNING, node_line (self, first->value),
                 _("keys this version does not know cannot be kept: “extras” gives "
                   "their prefix “%s” another meaning; they are left out"),
                 CJM_JSON_PREFIX);
          return;
        }

      declared = TRUE;
    }

  for (guint i = 0; i < unknown->len; i++)
    {
      UnknownKey *key = &g_array_index (unknown, UnknownKey, i);
      g_autofree char *name = g_strconcat (CJM_JSON_PREFIX ":", key->key, NULL);
      g_autofree char *value = NULL;
      gboolean clash = FALSE;

      for (guint j = 0; j < extras->attributes->len; j++)
        {
          const CjmExtraAttribute *attr = g_ptr_array_index (extras->attributes, j);
          const char *colon = strchr (attr->name, ':');

          clash |= strcmp (attr->name, name) == 0 ||
                   (g_strcmp0 (attr->ns_uri, CJM_JSON_NAMESPACE) == 0 &&
                    strcmp (colon ? colon + 1 : attr->name, key->key) == 0);
        }

      if (clash)
        {
          defer (self, CJM_PROBLEM_WARNING, node_line (self, key->value),
                 _("the key “%s” is also in “extras”; it is left out"), key->key);
          continue;
        }

      if (!declared)
        {
          cjm_extras_add_namespace (extras, CJM_JSON_PREFIX, CJM_JSON_NAMESPACE);
          declared = TRUE;
        }

      value = _cjm_json_to_compact_text (key->value);
      cjm_extras_add_attribute (extras, CJM_JSON_NAMESPACE, name, value);
    }
}

static CjmElement *read_element (Reader   *self,
                                 GType     type,
                                 JsonNode *node,
                                 guint     depth);

static void
read_children (Reader                *self,
               CjmElement            *element,
               const CjmJsonChildren *children,
               JsonNode              *node,
               guint                  depth)
{
  g_autoptr(GPtrArray) items = NULL;
  GListStore *store;
  JsonArray *array;

  if (JSON_NODE_HOLDS_NULL (node))
    return;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      defer (self, CJM_PROBLEM_WARNING, node_line (self, node),
             _("“%s” should be a list of objects; it is left out"), children->key);
      return;
    }

  array = json_node_get_array (node);
  items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          defer (self, CJM_PROBLEM_WARNING, node_line (self, item),
                 _("an item of “%s” is not an object; it is left out"), children->key);
          continue;
        }

      /* The list is one level deeper than its element, its items two. */
      g_ptr_array_add (items, read_element (self, children->get_type (), item, depth + 2));
    }

  /* All at once: one change for whoever watches the map. */
  store = _cjm_json_get_child_store (element, children->get_type ());
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       items->pdata, items->len);
}

static const CjmJsonChildren *
find_children (CjmElement *element,
               const char *key)
{
  const CjmJsonChildren *children;
  guint n_children;

  children = _cjm_json_get_children (element, &n_children);
  for (guint i = 0; i < n_children; i++)
    {
      if (strcmp (children[i].key, key) == 0)
        return &children[i];
    }

  return NULL;
}

/* @depth: how deep the element's object is in the JSON (the map is at 2);
 * its XML element is half as deep. */
static CjmElement *
read_element (Reader   *self,
              GType     type,
              JsonNode *node,
              guint     depth)
{
  const CjmXmlClass *xml_class = _cjm_xml_class_get (type);
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GArray) unknown = NULL;
  g_autoptr(CjmExtras) extras = NULL;
  g_autoptr(CjmElement) element = NULL;
  g_autofree char *description = NULL;
  guint scope_start = self->scope->len;
  guint deferred_start = self->deferred->len;
  JsonNode *extras_node;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  const char *names[CJM_XML_MAX_FIELDS + 1];
  GValue values[CJM_XML_MAX_FIELDS + 1];
  guint n_values = 0;
  const char *invalid_id = NULL;
  const char *id;
  int line = node_line (self, node);

  /* An id that is not valid is the map check's: it gives a new one, and
   * the links to the old one follow. Nothing links to the map: it gets a
   * new one here, as the .cjm reader does. */
  id = member_string (object, "id");
  if (type == CJM_TYPE_MAP && id != NULL && !cjm_element_id_is_valid (id))
    {
      invalid_id = id;
      id = NULL;
    }

  if (id != NULL)
    {
      names[n_values] = "id";
      values[n_values] = (GValue) G_VALUE_INIT;
      g_value_init (&values[n_values], G_TYPE_STRING);
      g_value_set_static_string (&values[n_values], id);
      n_values++;
    }
  else if (invalid_id == NULL)
    {
      defer (self, CJM_PROBLEM_WARNING, line, _("it has no id; it was given a new one"));
    }

  /* The fields first: all set at once when the element is made, as the
   * .cjm reader does, which is faster than setting them one by one. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      const CjmXmlField *field = find_field (xml_class, name);

      if (field == NULL)
        continue;

      values[n_values] = (GValue) G_VALUE_INIT;
      if (read_field (self, field, member, &values[n_values]))
        names[n_values++] = field->pspec->name;
    }

  element = CJM_ELEMENT (g_object_new_with_properties (type, n_values, names, values));
  g_hash_table_insert (self->element_lines, element, GINT_TO_POINTER (line));

  for (guint i = 0; i < n_values; i++)
    g_value_unset (&values[i]);

  if (invalid_id != NULL)
    defer (self, CJM_PROBLEM_WARNING, line, _("“%s” is not a valid id; it was given the id “%s”"),
           invalid_id, cjm_element_get_id (element));

  /* First what "extras" declares: the children are in its scope. */
  extras_node = json_object_get_member (object, "extras");
  if (extras_node != NULL && !JSON_NODE_HOLDS_NULL (extras_node))
    {
      extras = cjm_extras_new ();
      read_extras (self, element, extras, extras_node, depth / 2);
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      const CjmJsonChildren *children;

      if (strcmp (name, "id") == 0 || strcmp (name, "extras") == 0 ||
          find_field (xml_class, name) != NULL)
        continue;

      if ((children = find_children (element, name)) != NULL)
        {
          read_children (self, element, children, member, depth);
        }
      else if (_cjm_json_key_is_name (name))
        {
          if (unknown == NULL)
            unknown = g_array_new (FALSE, FALSE, sizeof (UnknownKey));
          g_array_append_val (unknown, ((UnknownKey) { name, member }));
        }
      else
        {
          defer (self, self->newer ? CJM_PROBLEM_NOTE : CJM_PROBLEM_WARNING,
                 node_line (self, member),
                 _("the key “%s” is not known and cannot be kept; it is left out"), name);
        }
    }

  if (unknown != NULL)
    {
      if (extras == NULL)
        extras = cjm_extras_new ();
      keep_unknown_keys (self, extras, unknown);
    }

  if (!cjm_extras_is_empty (extras))
    _cjm_element_take_extras (element, g_steal_pointer (&extras));

  g_array_set_size (self->scope, scope_start);

  /* The children have told theirs: what is left is this element's. */
  for (guint i = deferred_start; i < self->deferred->len; i++)
    {
      const CjmProblem *problem = g_ptr_array_index (self->deferred, i);

      if (description == NULL)
        description = _cjm_element_describe (element);

      /* Translators: an element of the map (e.g. Card “Reads reviews” (card-1)),
       * then what is wrong */
      cjm_problems_add (self->problems, problem->severity, problem->line, _("%s: %s"),
                        description, problem->message);
    }
  g_ptr_array_set_size (self->deferred, deferred_start);

  return g_steal_pointer (&element);
}

static void G_GNUC_PRINTF (5, 6)
set_error (GError     **error,
           int          code,
           const char  *display_name,
           int          line,
           const char  *format,
           ...)
{
  g_autoptr(CjmProblem) problem = NULL;
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  problem = cjm_problem_new (CJM_PROBLEM_ERROR, line, "%s", message);
  text = cjm_problem_format (problem, display_name);
  g_set_error_literal (error, CJM_FORMAT_ERROR, code, text);
}

/* json-glib 1.6 gives the place of a syntax error only in its message:
 * "<data>:LINE:COLUMN: Parse error: …". */
static void
set_parse_error (GError     **error,
                 const char  *display_name,
                 const char  *message)
{
  const char *rest = message;
  guint64 line = 0;

  if (g_str_has_prefix (message, "<data>:"))
    {
      char *end = NULL;

      line = g_ascii_strtoull (message + strlen ("<data>:"), &end, 10);
      if (end != NULL && *end == ':')
        {
          /* Skip ":COLUMN: ". */
          (void)g_ascii_strtoull (end + 1, &end, 10);
          if (end != NULL && g_str_has_prefix (end, ": "))
            rest = end + 2;
        }
    }

  set_error (error, CJM_FORMAT_ERROR_MALFORMED, display_name, (int)MIN (line, G_MAXINT),
             _("The file is not well-formed JSON: %s"), rest);
}

/* Checks the format version as the .cjm reader does: a missing one is
 * assumed, one that is not MAJOR.MINOR refuses the file. Sets @newer to
 * the version when it is newer than this one's. */
static gboolean
check_version (Reader      *self,
               JsonObject  *root,
               const char  *display_name,
               char       **newer,
               GError     **error)
{
  JsonNode *node = json_object_get_member (root, "version");
  const char *version;
  guint major, minor;

  *newer = NULL;

  if (node == NULL)
    {
      cjm_problems_add (self->problems, CJM_PROBLEM_WARNING, 1,
                        _("The file does not say which version of the format it uses; "
                          "version %s is assumed"),
                        CJM_FORMAT_VERSION);
      return TRUE;
    }

  version = is_string (node) ? json_node_get_string (node) : NULL;
  if (!_cjm_xml_parse_version (version, &major, &minor))
    {
      set_error (error, CJM_FORMAT_ERROR_INVALID, display_name, node_line (self, node),
                 _("The format version is not valid: it should be a text such as “%s”"),
                 CJM_FORMAT_VERSION);
      return FALSE;
    }

  if (major > CJM_FORMAT_MAJOR || (major == CJM_FORMAT_MAJOR && minor > CJM_FORMAT_MINOR))
    {
      cjm_problems_add (self->problems, CJM_PROBLEM_NOTE, node_line (self, node),
                        _("This map was written by a newer version of Journey Mapper "
                          "(format %s); parts this version does not understand are kept "
                          "and saved back unchanged"),
                        version);
      self->newer = TRUE;
      *newer = g_strdup (version);
    }

  return TRUE;
}

static int
compare_problem_lines (gconstpointer a,
                       gconstpointer b)
{
  const CjmProblem *pa = *(const CjmProblem * const *)a;
  const CjmProblem *pb = *(const CjmProblem * const *)b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

static CjmMap *
read_map (Reader      *self,
          JsonParser  *parser,
          const char  *display_name,
          GError     **error)
{
  g_autoptr(CjmElement) map = NULL;
  g_autofree char *newer_version = NULL;
  JsonObject *root_object;
  JsonObjectIter iter;
  JsonNode *root;
  JsonNode *map_node;
  JsonNode *member;
  const char *name;

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      set_error (error, CJM_FORMAT_ERROR_MALFORMED, display_name, 1, _("The file is empty"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (member_string (json_node_get_object (root), "format"), CJM_JSON_FORMAT_NAME) != 0)
    {
      member = JSON_NODE_HOLDS_OBJECT (root)
               ? json_object_get_member (json_node_get_object (root), "format") : NULL;
      set_error (error, CJM_FORMAT_ERROR_NOT_A_MAP, display_name,
                 member ? node_line (self, member) : 1,
                 _("This is not a journey map: a JSON map is an object whose “format” is “%s”"),
                 CJM_JSON_FORMAT_NAME);
      return NULL;
    }

  root_object = json_node_get_object (root);
  map_node = json_object_get_member (root_object, "map");
  if (map_node == NULL || !JSON_NODE_HOLDS_OBJECT (map_node))
    {
      set_error (error, CJM_FORMAT_ERROR_NOT_A_MAP, display_name,
                 map_node ? node_line (self, map_node) : 1,
                 _("This is not a journey map: its “map” should be an object"));
      return NULL;
    }

  if (!check_version (self, root_object, display_name, &newer_version, error))
    return NULL;

  json_object_iter_init_ordered (&iter, root_object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (strcmp (name, "format") != 0 && strcmp (name, "version") != 0 &&
          strcmp (name, "map") != 0)
        cjm_problems_add (self->problems, self->newer ? CJM_PROBLEM_NOTE : CJM_PROBLEM_WARNING,
                          node_line (self, member),
                          _("The key “%s” is not known and cannot be kept; it is left out"), name);
    }

  map = read_element (self, CJM_TYPE_MAP, map_node, 2);

  /* Saved back with the same version, as the .cjm reader does: see
   * "Versions" in doc/cjm-format.md. */
  if (newer_version != NULL)
    cjm_extras_add_attribute (_cjm_element_ensure_extras (map), NULL, "version", newer_version);

  cjm_map_check_and_repair (CJM_MAP (map), self->problems, element_line_cb, self);

  return CJM_MAP (g_steal_pointer (&map));
}

/**
 * cjm_json_read:
 * @bytes: the JSON text of a map
 * @display_name: the file name to put in messages
 * @problems: (nullable) (element-type CjmProblem): where to add what was
 *   found wrong and repaired, or what is worth knowing
 * @error: where to report a file that cannot be read
 *
 * Reads a map written by cjm_json_write(), or by hand or another program.
 * The JSON may come from anywhere: what would harm is refused, a value of
 * the wrong type is reported in @problems and left out, and the links are
 * checked and repaired as for a .cjm file. Keys from a newer version are
 * kept, so that saving writes them back.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 *   as "DISPLAY_NAME:LINE: message" in the %CJM_FORMAT_ERROR domain
 */
CjmMap *
cjm_json_read (GBytes      *bytes,
               const char  *display_name,
               GPtrArray   *problems,
               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) node_lines = NULL;
  g_autoptr(GHashTable) member_counts = NULL;
  g_autoptr(GHashTable) element_lines = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GArray) scope = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  g_autoptr(GPtrArray) deferred = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(CjmXmlParser) xml_parser = NULL;
  g_autoptr(GArray) values = NULL;
  g_autofree char *message = NULL;
  JsonNode *root;
  guint next = 0;
  Reader reader = { NULL };
  CjmFormatError code;
  CjmMap *map;
  const char *data;
  gsize length;
  int line;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "JSON";

  data = g_bytes_get_data (bytes, &length);

  if (length > CJM_MAX_FILE_SIZE)
    {
      g_autofree char *size_text = g_format_size (length);
      g_autofree char *max_text = g_format_size (CJM_MAX_FILE_SIZE);

      set_error (error, CJM_FORMAT_ERROR_TOO_LARGE, display_name, 0,
                 _("The file is too large (%s): journey maps are at most %s"),
                 size_text, max_text);
      return NULL;
    }

  /* A byte order mark is no use in UTF-8, but some editors write one. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length == 0)
    {
      set_error (error, CJM_FORMAT_ERROR_MALFORMED, display_name, 1, _("The file is empty"));
      return NULL;
    }

  values = g_array_sized_new (FALSE, FALSE, sizeof (CjmJsonValue), length / 16);
  if (!_cjm_json_scan (data, length, CJM_MAX_DEPTH, values, &line, &code, &message))
    {
      set_error (error, code, display_name, line, "%s", message);
      return NULL;
    }

  found = cjm_problems_new ();
  element_lines = g_hash_table_new (NULL, NULL);
  scope = g_array_new (FALSE, FALSE, sizeof (Declaration));
  strings = g_ptr_array_new_with_free_func (g_free);
  reader.problems = found;
  reader.element_lines = element_lines;
  reader.scope = scope;
  reader.strings = strings;
  reader.deferred = deferred = cjm_problems_new ();

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      set_parse_error (error, display_name, parse_error->message);
      return NULL;
    }

  reader.node_lines = node_lines = g_hash_table_new (NULL, NULL);
  root = json_parser_get_root (parser);
  if (root != NULL && !assign_lines (&reader, root, (const CjmJsonValue *)(gpointer)values->data,
                                     values->len, &next))
    {
      /* Parse again, asking the parser for the lines: slower, but it
       * tells which keys are given twice. */
      g_clear_pointer (&node_lines, g_hash_table_unref);
      g_clear_object (&parser);

      reader.node_lines = node_lines =
        g_hash_table_new_full (NULL, NULL, (GDestroyNotify)json_node_unref, NULL);
      reader.member_counts = member_counts =
        g_hash_table_new_full (NULL, NULL, (GDestroyNotify)json_object_unref, NULL);

      parser = json_parser_new ();
      g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), &reader);
      g_signal_connect (parser, "array-element", G_CALLBACK (array_element_cb), &reader);

      if (!json_parser_load_from_data (parser, data, length, &parse_error))
        {
          set_parse_error (error, display_name, parse_error->message);
          return NULL;
        }

      g_clear_pointer (&member_counts, g_hash_table_unref);
      reader.member_counts = NULL;
    }

  g_clear_pointer (&values, g_array_unref);

  map = read_map (&reader, parser, display_name, error);
  xml_parser = g_steal_pointer (&reader.xml_parser);

  /* In the order of the lines, as for a .cjm file; a stable sort keeps
   * the problems of one line in the order they were found. */
  g_ptr_array_sort (found, compare_problem_lines);
  if (problems != NULL)
    g_ptr_array_extend_and_steal (problems, g_steal_pointer (&found));

  return map;
}
