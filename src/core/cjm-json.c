/* cjm-json.c: the JSON form of a map, and its writer
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-element-private.h"
#include "cjm-emotion.h"
#include "cjm-field.h"
#include "cjm-json.h"
#include "cjm-json-private.h"
#include "cjm-lane.h"
#include "cjm-map-private.h"
#include "cjm-persona.h"
#include "cjm-revision.h"
#include "cjm-stage-private.h"
#include "cjm-step.h"
#include "cjm-xml-private.h"

/* The map's collections, in the order both formats write them. */
static const CjmJsonChildren map_children[] = {
  { "revisions", cjm_revision_get_type },
  { "personas", cjm_persona_get_type },
  { "stages", cjm_stage_get_type },
  { "lanes", cjm_lane_get_type },
  { "cards", cjm_card_get_type },
  { "emotions", cjm_emotion_get_type },
  { "connections", cjm_connection_get_type },
};

static const CjmJsonChildren stage_children[] = {
  { "steps", cjm_step_get_type },
};

/**
 * _cjm_json_get_children:
 * @element: a #CjmElement
 * @n_children: (out): where to store the number of collections
 *
 * Returns: (array length=n_children) (nullable): the collections of child
 *   elements that @element holds, in the order they are written
 */
const CjmJsonChildren *
_cjm_json_get_children (CjmElement *element,
                        guint      *n_children)
{
  g_assert (CJM_IS_ELEMENT (element));
  g_assert (n_children != NULL);

  if (CJM_IS_MAP (element))
    {
      *n_children = G_N_ELEMENTS (map_children);
      return map_children;
    }

  if (CJM_IS_STAGE (element))
    {
      *n_children = G_N_ELEMENTS (stage_children);
      return stage_children;
    }

  *n_children = 0;
  return NULL;
}

GListStore *
_cjm_json_get_child_store (CjmElement *element,
                           GType       child_type)
{
  if (CJM_IS_MAP (element))
    return _cjm_map_get_store (CJM_MAP (element), child_type);

  if (CJM_IS_STAGE (element) && child_type == CJM_TYPE_STEP)
    return _cjm_stage_get_step_store (CJM_STAGE (element));

  g_return_val_if_reached (NULL);
}

/**
 * _cjm_json_key_is_name:
 * @key: a JSON key
 *
 * Whether @key can be kept from a newer version: it must be usable as the
 * local part of an XML attribute name. The format only uses such names.
 *
 * Returns: %TRUE if @key matches `[A-Za-z_][A-Za-z0-9_.-]*`
 */
gboolean
_cjm_json_key_is_name (const char *key)
{
  if (key == NULL || !(g_ascii_isalpha (key[0]) || key[0] == '_'))
    return FALSE;

  for (const char *p = key + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
        return FALSE;
    }

  return TRUE;
}

/**
 * _cjm_json_key_is_reserved:
 * @element: a #CjmElement
 * @key: a JSON key
 *
 * Returns: %TRUE if @key means something for @element in this version:
 *   "id", "extras", a field or a collection of children
 */
gboolean
_cjm_json_key_is_reserved (CjmElement *element,
                           const char *key)
{
  const CjmJsonChildren *children;
  const CjmField *fields;
  guint n_fields;
  guint n_children;

  if (strcmp (key, "id") == 0 || strcmp (key, "extras") == 0)
    return TRUE;

  fields = cjm_element_get_fields (element, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (strcmp (fields[i].xml_name, key) == 0)
        return TRUE;
    }

  children = _cjm_json_get_children (element, &n_children);
  for (guint i = 0; i < n_children; i++)
    {
      if (strcmp (children[i].key, key) == 0)
        return TRUE;
    }

  return FALSE;
}

static int
count_lines (const char *data,
             gsize       end)
{
  int line = 1;

  for (gsize i = 0; i < end; i++)
    {
      if (data[i] == '\n')
        line++;
    }

  return line;
}

/* Skips a string whose opening quote is at data[start - 1]; returns the
 * index just after its closing quote. */
static gsize
skip_string (const char *data,
             gsize       length,
             gsize       start,
             int        *line)
{
  gsize i = start;

  while (i < length)
    {
      if (data[i] == '"')
        return i + 1;

      if (data[i] == '\\' && i + 1 < length)
        i++;

      if (data[i] == '\n')
        (*line)++;

      i++;
    }

  return length;
}

/* Whether data[0 .. length) is a number as JSON writes them, and if so
 * whether it has a fraction or an exponent. */
static gboolean
is_json_number (const char *data,
                gsize       length,
                gboolean   *is_integer)
{
  gsize i = 0;

  *is_integer = TRUE;

  if (i < length && data[i] == '-')
    i++;

  if (i < length && data[i] == '0')
    i++;
  else if (i < length && data[i] >= '1' && data[i] <= '9')
    while (i < length && g_ascii_isdigit (data[i]))
      i++;
  else
    return FALSE;

  if (i < length && data[i] == '.')
    {
      *is_integer = FALSE;
      if (++i >= length || !g_ascii_isdigit (data[i]))
        return FALSE;
      while (i < length && g_ascii_isdigit (data[i]))
        i++;
    }

  if (i < length && (data[i] == 'e' || data[i] == 'E'))
    {
      *is_integer = FALSE;
      if (++i < length && (data[i] == '+' || data[i] == '-'))
        i++;
      if (i >= length || !g_ascii_isdigit (data[i]))
        return FALSE;
      while (i < length && g_ascii_isdigit (data[i]))
        i++;
    }

  return i == length;
}

/* json-glib 1.6 silently wraps integers that do not fit in 64 bits and
 * turns huge floating point numbers into infinities: refuse them first. */
static gboolean
number_fits (const char *data,
             gsize       length)
{
  g_autofree char *text = NULL;
  gboolean is_integer;
  double number;

  if (!is_json_number (data, length, &is_integer))
    return TRUE;  /* not ours to judge: the parser reports it */

  /* 18 digits always fit. */
  if (is_integer && length <= 18)
    return TRUE;

  text = g_strndup (data, length);
  if (is_integer)
    return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, NULL, NULL);

  number = g_ascii_strtod (text, NULL);

  return isfinite (number);
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Adds a value that starts at @line to @values, inside the innermost
 * object or list of @open. */
static void
add_value (GArray *values,
           guint  *open,
           guint   depth,
           int     line,
           char    kind)
{
  CjmJsonValue value = { line, 0, kind };

  if (values == NULL)
    return;

  if (depth > 0 && g_array_index (values, CjmJsonValue, open[depth - 1]).kind == '[')
    g_array_index (values, CjmJsonValue, open[depth - 1]).n_children++;

  g_array_append_val (values, value);
}

/**
 * _cjm_json_scan:
 * @data: JSON text
 * @length: the length of @data
 * @max_depth: how deep objects and arrays may nest
 * @values: (nullable) (element-type CjmJsonValue): where to add the values
 *   of @data, in the order they start, or %NULL
 * @line: (out): the line of the problem found
 * @code: (out): the #CjmFormatError of the problem found
 * @message: (out) (transfer full): what is wrong
 *
 * Looks through JSON text before json-glib parses it, for what json-glib
 * 1.6 does not refuse itself: invalid UTF-8, nesting deep enough to
 * exhaust the stack of its recursive parser, numbers it would silently
 * change, comments (which would hide brackets from this scan) and text
 * after the end of the data.
 *
 * On the way, it notes the line of each value: json-glib only gives lines
 * through a signal per member, which costs more than parsing itself.
 *
 * Returns: %TRUE if @data can be given to a #JsonParser
 */
gboolean
_cjm_json_scan (const char      *data,
                gsize            length,
                guint            max_depth,
                GArray          *values,
                int             *line,
                CjmFormatError  *code,
                char           **message)
{
  g_autofree guint *open = g_new0 (guint, max_depth + 1);
  const char *invalid = NULL;
  gboolean ended = FALSE;
  guint depth = 0;
  gsize i = 0;

  g_assert (data != NULL || length == 0);

  *line = 1;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      *line = count_lines (data, invalid - data);
      *code = CJM_FORMAT_ERROR_MALFORMED;
      *message = g_strdup (_("The text is not valid UTF-8"));
      return FALSE;
    }

  while (i < length)
    {
      char c = data[i];

      if (c == '\n')
        {
          (*line)++;
          i++;
          continue;
        }

      if (c == ' ' || c == '\t' || c == '\r')
        {
          i++;
          continue;
        }

      if (ended)
        {
          *code = CJM_FORMAT_ERROR_MALFORMED;
          *message = g_strdup (_("Unexpected text after the end of the JSON data"));
          return FALSE;
        }

      if (c == '"')
        {
          int start_line = *line;
          gsize after;

          i = skip_string (data, length, i + 1, line);

          /* A key, or a value? */
          for (after = i; after < length && g_ascii_isspace (data[after]); after++)
            ;

          if (after < length && data[after] == ':')
            {
              if (values != NULL && depth > 0)
                g_array_index (values, CjmJsonValue, open[depth - 1]).n_children++;
            }
          else
            {
              add_value (values, open, depth, start_line, '"');
            }
        }
      else if (c == '{' || c == '[')
        {
          if (depth + 1 > max_depth)
            {
              *code = CJM_FORMAT_ERROR_UNSAFE;
              *message = g_strdup_printf (_("Objects and lists are nested more than %u levels "
                                            "deep"), max_depth);
              return FALSE;
            }

          add_value (values, open, depth, *line, c);
          open[depth++] = values != NULL ? values->len - 1 : 0;
          i++;
        }
      else if (c == '}' || c == ']')
        {
          if (depth > 0)
            depth--;
          ended = depth == 0;
          i++;
        }
      else if (c == ',' || c == ':')
        {
          i++;
        }
      else if (g_ascii_isalpha (c))
        {
          /* true, false, null; anything else the parser refuses. */
          add_value (values, open, depth, *line, 'a');
          while (i < length && is_word_char (data[i]))
            i++;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i;

          while (i < length && (g_ascii_isdigit (data[i]) || data[i] == '-' || data[i] == '+' ||
                                data[i] == '.' || data[i] == 'e' || data[i] == 'E'))
            i++;

          if (!number_fits (data + start, i - start))
            {
              g_autofree char *number = g_strndup (data + start, MIN (i - start, 40));

              *code = CJM_FORMAT_ERROR_MALFORMED;
              *message = g_strdup_printf (_("The number %s%s is too large"),
                                          number, i - start > 40 ? "…" : "");
              return FALSE;
            }

          add_value (values, open, depth, *line, '0');
        }
      else
        {
          char character[8] = { 0 };

          g_unichar_to_utf8 (g_utf8_get_char (data + i), character);
          *code = CJM_FORMAT_ERROR_MALFORMED;
          *message = g_strdup_printf (_("Unexpected character “%s”"), character);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * _cjm_json_parse_value:
 * @text: JSON text
 * @max_depth: how deep objects and arrays may nest
 *
 * Returns: (transfer full) (nullable): the value of @text, or %NULL if
 *   @text is not safe, complete JSON
 */
JsonNode *
_cjm_json_parse_value (const char *text,
                       guint       max_depth)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *message = NULL;
  CjmFormatError code;
  gsize length;
  int line;

  g_assert (text != NULL);

  length = strlen (text);
  if (!_cjm_json_scan (text, length, max_depth, NULL, &line, &code, &message))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, length, NULL))
    return NULL;

  return json_parser_steal_root (parser);
}

/* Writing JSON by hand: json-glib's generator prints numbers with 17
 * digits ("0.1" becomes "0.10000000000000001") and indents differently;
 * this writer gives the same bytes for the same map, in the layout that
 * doc/cjm-format.md shows. */

typedef struct
{
  GString  *out;
  guint     depth;
  gboolean  pretty;
  gboolean  first;  /* nothing written yet in the current object or list */
} Emitter;

static void
emit_newline (Emitter *self)
{
  static const char spaces[] = "                                ";

  if (!self->pretty)
    return;

  g_string_append_c (self->out, '\n');
  for (guint n = self->depth * 2; n > 0; )
    {
      guint chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (self->out, spaces, chunk);
      n -= chunk;
    }
}

/* Before each member of an object and each element of a list. */
static void
emit_item (Emitter *self)
{
  if (!self->first)
    g_string_append_c (self->out, ',');

  self->first = FALSE;
  emit_newline (self);
}

static void
emit_open (Emitter *self,
           char     bracket)
{
  g_string_append_c (self->out, bracket);
  self->depth++;
  self->first = TRUE;
}

static void
emit_close (Emitter *self,
            char     bracket)
{
  g_assert (self->depth > 0);

  self->depth--;
  if (!self->first)
    emit_newline (self);

  g_string_append_c (self->out, bracket);
  self->first = FALSE;
}

static void
emit_string (Emitter    *self,
             const char *text)
{
  g_autofree char *valid = NULL;
  const char *run;
  const char *p;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (self->out, '"');

  for (run = p = text; *p != '\0'; p++)
    {
      guchar c = *p;
      char escape[8];
      gsize skip = 1;

      switch (c)
        {
        case '"':
          strcpy (escape, "\\\"");
          break;

        case '\\':
          strcpy (escape, "\\\\");
          break;

        case '\n':
          strcpy (escape, "\\n");
          break;

        case '\r':
          strcpy (escape, "\\r");
          break;

        case '\t':
          strcpy (escape, "\\t");
          break;

        case '\b':
          strcpy (escape, "\\b");
          break;

        case '\f':
          strcpy (escape, "\\f");
          break;

        default:
          if (c < 0x20)
            {
              g_snprintf (escape, sizeof escape, "\\u%04x", c);
            }
          else if (c == 0xef && (guchar)p[1] == 0xbf &&
                   ((guchar)p[2] == 0xbe || (guchar)p[2] == 0xbf))
            {
              /* U+FFFE and U+FFFF: not characters, and not allowed in
               * XML, where a value kept from a newer version may go. */
              strcpy (escape, (guchar)p[2] == 0xbe ? "\\ufffe" : "\\uffff");
              skip = 3;
            }
          else
            {
              continue;
            }
        }

      g_string_append_len (self->out, run, p - run);
      g_string_append (self->out, escape);
      p += skip - 1;
      run = p + 1;
    }

  g_string_append_len (self->out, run, p - run);
  g_string_append_c (self->out, '"');
}

static void
emit_key (Emitter    *self,
          const char *key)
{
  emit_item (self);
  emit_string (self, key);
  g_string_append (self->out, self->pretty ? ": " : ":");
}

static void
emit_int (Emitter *self,
          gint64   number)
{
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, number);
}

/* The shortest text that reads back as the same number, always with a
 * fraction or an exponent so that it reads back as a floating point one. */
static void
emit_double (Emitter *self,
             double   number)
{
  static const char * const formats[] = {
    "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g", "%.7g", "%.8g", "%.9g",
    "%.10g", "%.11g", "%.12g", "%.13g", "%.14g", "%.15g", "%.16g", "%.17g",
  };
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (number))
    {
      g_string_append (self->out, "null");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (text, sizeof text, formats[i], number);
      if (g_ascii_strtod (text, NULL) == number)
        break;
    }

  g_string_append (self->out, text);
  if (strpbrk (text, ".e") == NULL)
    g_string_append (self->out, ".0");
}

static void
emit_node (Emitter  *self,
           JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        emit_open (self, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            emit_key (self, name);
            emit_node (self, member);
          }
        emit_close (self, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        emit_open (self, '[');
        for (guint i = 0; i < n; i++)
          {
            emit_item (self);
            emit_node (self, json_array_get_element (array, i));
          }
        emit_close (self, ']');
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          emit_int (self, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          emit_double (self, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (self->out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_STRING)
          emit_string (self, json_node_get_string (node));
        else
          g_string_append (self->out, "null");
      }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (self->out, "null");
      break;
    }
}

/**
 * _cjm_json_to_compact_text:
 * @node: a JSON value
 *
 * Returns: (transfer full): @node as JSON text without any white space,
 *   the same text for the same value
 */
char *
_cjm_json_to_compact_text (JsonNode *node)
{
  Emitter emitter = { g_string_new (NULL), 0, FALSE, TRUE };

  emit_node (&emitter, node);

  return g_string_free (emitter.out, FALSE);
}

static void
write_fields (Emitter    *emitter,
              CjmElement *element)
{
  GObjectClass *object_class = G_OBJECT_GET_CLASS (element);
  const CjmField *fields;
  guint n_fields;

  fields = cjm_element_get_fields (element, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (object_class, fields[i].property);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *text = NULL;

      g_assert (pspec != NULL);

      g_object_get_property (G_OBJECT (element), pspec->name, &value);

      /* The .cjm writer's rule: a default value is left out. */
      text = cjm_field_value_to_string (pspec, &value);
      if (text == NULL)
        continue;

      emit_key (emitter, fields[i].xml_name);

      if (G_VALUE_HOLDS_INT (&value))
        {
          emit_int (emitter, g_value_get_int (&value));
        }
      else if (G_VALUE_HOLDS (&value, G_TYPE_STRV))
        {
          const char * const *ids = g_value_get_boxed (&value);

          emit_open (emitter, '[');
          for (guint j = 0; ids[j] != NULL; j++)
            {
              emit_item (emitter);
              emit_string (emitter, ids[j]);
            }
          emit_close (emitter, ']');
        }
      else
        {
          emit_string (emitter, text);
        }
    }
}

static gboolean
is_json_namespace (const CjmExtraNamespace *ns)
{
  return g_strcmp0 (ns->prefix, CJM_JSON_PREFIX) == 0 &&
         g_strcmp0 (ns->uri, CJM_JSON_NAMESPACE) == 0;
}

static const char *
attribute_key (const CjmExtraAttribute *attr)
{
  if (g_strcmp0 (attr->ns_uri, CJM_JSON_NAMESPACE) != 0 ||
      !g_str_has_prefix (attr->name, CJM_JSON_PREFIX ":"))
    return NULL;

  return attr->name + strlen (CJM_JSON_PREFIX ":");
}

static const char *
attribute_local_name (const CjmExtraAttribute *attr)
{
  const char *colon = strchr (attr->name, ':');

  return colon ? colon + 1 : attr->name;
}

/* What of the extras the .cjm writer writes back: the JSON holds the same,
 * so that a map is the same after a trip through either format. Only the
 * rules that do not depend on the elements around are applied here; the
 * JSON reader applies them all. */
typedef struct
{
  GPtrArray *namespaces;  /* of CjmExtraNamespace, borrowed */
  GPtrArray *attributes;  /* of CjmExtraAttribute, borrowed */
} Written;

static void
written_clear (Written *written)
{
  g_clear_pointer (&written->namespaces, g_ptr_array_unref);
  g_clear_pointer (&written->attributes, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Written, written_clear)

/**
 * _cjm_json_namespace_is_valid:
 * @uri: (nullable): the URI of a namespace declaration
 *
 * What libxml2 accepts for a prefix, as the .cjm writer checks it: a URI,
 * neither of the two reserved namespaces.
 *
 * Returns: %TRUE if a prefix can be declared for @uri
 */
gboolean
_cjm_json_namespace_is_valid (const char *uri)
{
  xmlURI *parsed;

  if (uri == NULL || uri[0] == '\0' ||
      strcmp (uri, (const char *)XML_XML_NAMESPACE) == 0 ||
      strcmp (uri, "http://www.w3.org/2000/xmlns/") == 0)
    return FALSE;

  if ((parsed = xmlParseURI (uri)) == NULL)
    return FALSE;

  xmlFreeURI (parsed);
  return TRUE;
}

static void
find_written (CjmElement *element,
              CjmExtras  *extras,
              Written    *written)
{
  written->namespaces = g_ptr_array_new ();
  written->attributes = g_ptr_array_new ();

  for (guint i = 0; i < extras->namespaces->len; i++)
    {
      CjmExtraNamespace *ns = g_ptr_array_index (extras->namespaces, i);
      gboolean repeated = FALSE;

      /* The elements of the model are always in our default namespace. */
      if (ns->prefix == NULL || !_cjm_json_namespace_is_valid (ns->uri) ||
          xmlValidateNCName ((const xmlChar *)ns->prefix, 0) != 0 ||
          strcmp (ns->prefix, "xml") == 0 || strcmp (ns->prefix, "xmlns") == 0)
        continue;

      for (guint j = 0; j < written->namespaces->len; j++)
        {
          const CjmExtraNamespace *other = g_ptr_array_index (written->namespaces, j);

          repeated |= strcmp (other->prefix, ns->prefix) == 0;
        }

      if (!repeated)
        g_ptr_array_add (written->namespaces, ns);
    }

  for (guint i = 0; i < extras->attributes->len; i++)
    {
      CjmExtraAttribute *attr = g_ptr_array_index (extras->attributes, i);

      if (xmlValidateQName ((const xmlChar *)attr->name, 0) != 0 ||
          g_str_has_prefix (attr->name, "xmlns:") ||
          (strchr (attr->name, ':') == NULL &&
           _cjm_xml_attribute_is_written (element, attr->name, attr->value)))
        continue;

      g_ptr_array_add (written->attributes, attr);
    }
}

/* Finds the attributes kept from unknown JSON keys that can be written back
 * as keys: the longest run of them at the end of the attributes, when the
 * JSON reader would rebuild exactly these extras from the keys. Their
 * values go to @values. */
static guint
find_key_attributes (CjmElement *element,
                     Written    *written,
                     guint       depth,
                     GPtrArray  *values)
{
  guint n_attributes = written->attributes->len;
  guint n_namespaces = written->namespaces->len;
  guint first;

  /* The reader declares the prefix last, and only when no other
   * declaration of the element uses it. */
  if (n_namespaces == 0 ||
      !is_json_namespace (g_ptr_array_index (written->namespaces, n_namespaces - 1)))
    return 0;

  for (first = n_attributes; first > 0; first--)
    {
      const CjmExtraAttribute *attr = g_ptr_array_index (written->attributes, first - 1);
      const char *key = attribute_key (attr);
      g_autoptr(JsonNode) value = NULL;
      g_autofree char *compact = NULL;
      gboolean repeated = FALSE;

      if (key == NULL || !_cjm_json_key_is_name (key) || _cjm_json_key_is_reserved (element, key))
        break;

      for (guint i = first; i < n_attributes; i++)
        repeated |= strcmp (key, attribute_key (g_ptr_array_index (written->attributes, i))) == 0;
      if (repeated)
        break;

      value = _cjm_json_parse_value (attr->value, CJM_MAX_DEPTH - depth);
      if (value == NULL)
        break;

      compact = _cjm_json_to_compact_text (value);
      if (strcmp (compact, attr->value) != 0)
        break;

      g_ptr_array_insert (values, 0, g_steal_pointer (&value));
    }

  /* The reader drops a key clashing with an attribute it keeps as is. */
  for (guint i = 0; i < first; i++)
    {
      const CjmExtraAttribute *attr = g_ptr_array_index (written->attributes, i);

      for (guint j = first; j < n_attributes; j++)
        {
          const CjmExtraAttribute *key_attr = g_ptr_array_index (written->attributes, j);

          if (strcmp (attr->name, key_attr->name) == 0 ||
              (g_strcmp0 (attr->ns_uri, CJM_JSON_NAMESPACE) == 0 &&
               strcmp (attribute_local_name (attr), attribute_key (key_attr)) == 0))
            {
              g_ptr_array_set_size (values, 0);
              return 0;
            }
        }
    }

  return n_attributes - first;
}

static void
write_extras (Emitter    *emitter,
              CjmElement *element)
{
  CjmExtras *extras = _cjm_element_get_extras (element);
  g_auto(Written) written = { NULL, NULL };
  g_autoptr(GPtrArray) values = NULL;
  guint n_keys;
  guint n_namespaces;
  guint n_attributes;

  if (cjm_extras_is_empty (extras))
    return;

  find_written (element, extras, &written);

  values = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  n_keys = find_key_attributes (element, &written, emitter->depth, values);
  n_namespaces = written.namespaces->len - (n_keys > 0 ? 1 : 0);
  n_attributes = written.attributes->len - n_keys;

  for (guint i = 0; i < n_keys; i++)
    {
      emit_key (emitter, attribute_key (g_ptr_array_index (written.attributes, n_attributes + i)));
      emit_node (emitter, g_ptr_array_index (values, i));
    }

  if (n_namespaces == 0 && n_attributes == 0 && extras->nodes->len == 0)
    return;

  emit_key (emitter, "extras");
  emit_open (emitter, '{');

  if (n_namespaces > 0)
    {
      emit_key (emitter, "namespaces");
      emit_open (emitter, '[');
      for (guint i = 0; i < n_namespaces; i++)
        {
          const CjmExtraNamespace *ns = g_ptr_array_index (written.namespaces, i);

          emit_item (emitter);
          emit_open (emitter, '{');
          emit_key (emitter, "prefix");
          emit_string (emitter, ns->prefix);
          emit_key (emitter, "uri");
          emit_string (emitter, ns->uri);
          emit_close (emitter, '}');
        }
      emit_close (emitter, ']');
    }

  if (n_attributes > 0)
    {
      emit_key (emitter, "attributes");
      emit_open (emitter, '[');
      for (guint i = 0; i < n_attributes; i++)
        {
          const CjmExtraAttribute *attr = g_ptr_array_index (written.attributes, i);

          emit_item (emitter);
          emit_open (emitter, '{');
          emit_key (emitter, "namespace");
          if (attr->ns_uri != NULL)
            emit_string (emitter, attr->ns_uri);
          else
            g_string_append (emitter->out, "null");
          emit_key (emitter, "name");
          emit_string (emitter, attr->name);
          emit_key (emitter, "value");
          emit_string (emitter, attr->value);
          emit_close (emitter, '}');
        }
      emit_close (emitter, ']');
    }

  if (extras->nodes->len > 0)
    {
      emit_key (emitter, "nodes");
      emit_open (emitter, '[');
      for (guint i = 0; i < extras->nodes->len; i++)
        {
          emit_item (emitter);
          emit_string (emitter, g_ptr_array_index (extras->nodes, i));
        }
      emit_close (emitter, ']');
    }

  emit_close (emitter, '}');
}

static void
write_element (Emitter    *emitter,
               CjmElement *element)
{
  const CjmJsonChildren *children;
  guint n_children;

  emit_open (emitter, '{');
  emit_key (emitter, "id");
  emit_string (emitter, cjm_element_get_id (element));

  write_fields (emitter, element);

  children = _cjm_json_get_children (element, &n_children);
  for (guint i = 0; i < n_children; i++)
    {
      GListStore *store = _cjm_json_get_child_store (element, children[i].get_type ());
      GListModel *model = G_LIST_MODEL (store);
      guint n_items = g_list_model_get_n_items (model);

      if (n_items == 0)
        continue;

      emit_key (emitter, children[i].key);
      emit_open (emitter, '[');
      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(CjmElement) child = g_list_model_get_item (model, j);

          emit_item (emitter);
          write_element (emitter, child);
        }
      emit_close (emitter, ']');
    }

  write_extras (emitter, element);

  emit_close (emitter, '}');
}

/* A map read from a newer version keeps that version, as an attribute of
 * its extras (see "Versions" in doc/cjm-format.md): the .cjm writer's rule. */
static const char *
find_version (CjmMap *map)
{
  CjmExtras *extras = _cjm_element_get_extras (CJM_ELEMENT (map));
  const char *version = CJM_FORMAT_VERSION;

  for (guint i = 0; extras != NULL && i < extras->attributes->len; i++)
    {
      const CjmExtraAttribute *attr = g_ptr_array_index (extras->attributes, i);
      guint major, minor;

      if (attr->ns_uri == NULL && strcmp (attr->name, "version") == 0 &&
          _cjm_xml_parse_version (attr->value, &major, &minor) &&
          (major > CJM_FORMAT_MAJOR || (major == CJM_FORMAT_MAJOR && minor > CJM_FORMAT_MINOR)))
        version = attr->value;
    }

  return version;
}

/**
 * cjm_json_write:
 * @map: a #CjmMap
 *
 * Writes @map as JSON: the same content as the .cjm format, losslessly,
 * so that reading the JSON gives back the same map. The text is UTF-8,
 * indented by two spaces, with keys in a fixed order, so that the same map
 * always gives the same bytes. See doc/cjm-format.md.
 *
 * Returns: (transfer full): the JSON text, ending with a newline
 */
GBytes *
cjm_json_write (CjmMap *map)
{
  Emitter emitter = { NULL, 0, TRUE, TRUE };

  g_return_val_if_fail (CJM_IS_MAP (map), NULL);

  emitter.out = g_string_sized_new (4096);

  emit_open (&emitter, '{');
  emit_key (&emitter, "format");
  emit_string (&emitter, CJM_JSON_FORMAT_NAME);
  emit_key (&emitter, "version");
  emit_string (&emitter, find_version (map));
  emit_key (&emitter, "map");
  write_element (&emitter, CJM_ELEMENT (map));
  emit_close (&emitter, '}');
  g_string_append_c (emitter.out, '\n');

  return g_string_free_to_bytes (emitter.out);
}
