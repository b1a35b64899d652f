/* cjm-xml-reader.c: reading .cjm files
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-xml-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-element-private.h"
#include "cjm-emotion.h"
#include "cjm-field.h"
#include "cjm-format.h"
#include "cjm-lane.h"
#include "cjm-map-check.h"
#include "cjm-map-check-private.h"
#include "cjm-map-private.h"
#include "cjm-persona.h"
#include "cjm-problem.h"
#include "cjm-revision.h"
#include "cjm-stage-private.h"
#include "cjm-step.h"
#include "cjm-xml.h"
#include "cjm-xml-private.h"

/* The file is read as it is parsed, without a tree: a tree of a large map
 * costs more to build and free than the map itself.
 */

/* The elements an element holds as XML children, besides its fields. */
typedef struct
{
  const char   *xml_name;
  GType       (*get_type) (void);
} ChildKind;

static const ChildKind map_children[] = {
  { "revision", cjm_revision_get_type },
  { "persona", cjm_persona_get_type },
  { "stage", cjm_stage_get_type },
  { "lane", cjm_lane_get_type },
  { "card", cjm_card_get_type },
  { "emotion", cjm_emotion_get_type },
  { "connection", cjm_connection_get_type },
};

static const ChildKind stage_children[] = {
  { "step", cjm_step_get_type },
};

#define MAX_CHILD_KINDS G_N_ELEMENTS (map_children)

/* The map, a stage, a step. */
#define MAX_OPEN_ELEMENTS 3

/* An element of the model being read. It is made when it ends, with all
 * its values: GObject sets properties at construction much faster than
 * afterwards, when each change is notified.
 */
typedef struct
{
  GType              type;
  const CjmXmlClass *xml_class;
  const ChildKind   *kinds;
  guint              n_kinds;
  /* Which of the parent's kinds this element is. */
  guint              kind_in_parent;
  int                line;
  gboolean           has_id;
  /* In a file from a newer version, values this version cannot use are
   * kept; in any other, they are mistakes, repaired. */
  gboolean           keep_invalid_values;
  /* The id, then the text of each field given, NUL-terminated, and where
   * each field's text starts in it (-1 when not given), and its line. */
  GString           *texts;
  gssize             offsets[CJM_XML_MAX_FIELDS];
  int                lines[CJM_XML_MAX_FIELDS];
  CjmExtras         *extras;
  GPtrArray         *children[MAX_CHILD_KINDS];
  /* CjmProblem: about the element, reported once its name is known. */
  GPtrArray         *deferred;
} OpenElement;

/* A default namespace declaration in an open element. */
typedef struct
{
  guint  depth;
  char  *uri;
} DefaultNamespace;

typedef struct
{
  CjmXmlParser      *parser;
  const char        *display_name;
  GPtrArray         *problems;
  /* CjmElement → the line it starts on, for the repairs. */
  GHashTable        *lines;

  CjmMap            *map;
  char              *newer_version;

  OpenElement        open[MAX_OPEN_ELEMENTS];
  guint              n_open;
  /* The texts of the open elements, kept from one element to the next. */
  GString           *texts[MAX_OPEN_ELEMENTS];
  /* Elements open, of any kind. */
  guint              depth;
  GArray            *defaults;

  /* In a text field of the innermost open element. */
  const CjmXmlField *field;
  int                field_line;
  guint              field_depth;
  gboolean           field_repeated;
  gboolean           field_markup;

  /* In content this version does not know, written out as it is read. */
  guint              unknown_depth;
  gboolean           unknown_tag_open;
  GString           *unknown;

  /* The text of a field, or between the elements of the open element. */
  GString           *text;
  GString           *scratch;
  GString           *uri;
} Reader;

static void
open_element_clear (OpenElement *open)
{
  g_clear_pointer (&open->extras, cjm_extras_free);
  for (guint k = 0; k < MAX_CHILD_KINDS; k++)
    g_clear_pointer (&open->children[k], g_ptr_array_unref);
  g_clear_pointer (&open->deferred, g_ptr_array_unref);
}

static void
default_namespace_clear (gpointer data)
{
  DefaultNamespace *ns = data;

  g_free (ns->uri);
}

static void
reader_clear (Reader *reader)
{
  for (guint i = 0; i < reader->n_open; i++)
    open_element_clear (&reader->open[i]);
  reader->n_open = 0;

  for (guint i = 0; i < MAX_OPEN_ELEMENTS; i++)
    {
      if (reader->texts[i] != NULL)
        g_string_free (g_steal_pointer (&reader->texts[i]), TRUE);
    }

  g_clear_pointer (&reader->parser, _cjm_xml_parser_free);
  g_clear_pointer (&reader->lines, g_hash_table_unref);
  g_clear_object (&reader->map);
  g_clear_pointer (&reader->newer_version, g_free);
  g_clear_pointer (&reader->defaults, g_array_unref);
  if (reader->unknown != NULL)
    g_string_free (g_steal_pointer (&reader->unknown), TRUE);
  if (reader->text != NULL)
    g_string_free (g_steal_pointer (&reader->text), TRUE);
  if (reader->scratch != NULL)
    g_string_free (g_steal_pointer (&reader->scratch), TRUE);
  if (reader->uri != NULL)
    g_string_free (g_steal_pointer (&reader->uri), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static int
line_of_element_cb (gpointer element,
                    gpointer user_data)
{
  Reader *reader = user_data;

  return GPOINTER_TO_INT (g_hash_table_lookup (reader->lines, element));
}

static inline gboolean
is_ours (const xmlChar *uri)
{
  return uri != NULL && strcmp ((const char *)uri, CJM_FORMAT_NAMESPACE) == 0;
}

static inline gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline int
current_line (Reader *reader)
{
  return _cjm_xml_parser_get_line (reader->parser);
}

/* Appends an attribute value as SAX2 gives it: without entities to replace
 * (XML_PARSE_NOENT), libxml2 leaves each "&" written "&#38;", for a tree
 * builder to decode. No other reference is left: there are no entities
 * but the predefined ones. Namespace names are attribute values too. */
static void
append_decoded (GString    *out,
                const char *value,
                const char *end)
{
  const char *amp;

  while ((amp = memchr (value, '&', end - value)) != NULL)
    {
      g_string_append_len (out, value, amp - value);
      g_string_append_c (out, '&');
      value = amp + (end - amp >= 5 && memcmp (amp, "&#38;", 5) == 0 ? 5 : 1);
    }

  g_string_append_len (out, value, end - value);
}

static void
append_attribute_value (GString        *out,
                        const xmlChar **attribute)
{
  append_decoded (out, (const char *)attribute[3], (const char *)attribute[4]);
}

/* A namespace name as written, valid until the next call. */
static const char *
namespace_name (Reader        *reader,
                const xmlChar *uri)
{
  const char *text = (const char *)uri;

  if (text == NULL || strchr (text, '&') == NULL)
    return text;

  g_string_truncate (reader->uri, 0);
  append_decoded (reader->uri, text, text + strlen (text));

  return reader->uri->str;
}

/* A NUL-terminated copy of an attribute value, valid until the next call. */
static const char *
attribute_value (Reader         *reader,
                 const xmlChar **attribute)
{
  g_string_truncate (reader->scratch, 0);
  append_attribute_value (reader->scratch, attribute);

  return reader->scratch->str;
}

static const xmlChar **
find_attribute (const xmlChar **attributes,
                int             n_attributes,
                const char     *name)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = &attributes[i * 5];

      if (attribute[2] == NULL && strcmp ((const char *)attribute[0], name) == 0)
        return attribute;
    }

  return NULL;
}

static void
append_qname (GString       *out,
              const xmlChar *prefix,
              const xmlChar *localname)
{
  if (prefix != NULL)
    {
      g_string_append (out, (const char *)prefix);
      g_string_append_c (out, ':');
    }
  g_string_append (out, (const char *)localname);
}

static OpenElement *
innermost (Reader *reader)
{
  g_assert (reader->n_open > 0);

  return &reader->open[reader->n_open - 1];
}

static CjmExtras *
innermost_extras (Reader *reader)
{
  OpenElement *open = innermost (reader);

  if (open->extras == NULL)
    open->extras = cjm_extras_new ();

  return open->extras;
}

static void
keep_text (OpenElement *open,
           int          index,
           const char  *text,
           gsize        length,
           int          line)
{
  open->offsets[index] = open->texts->len;
  open->lines[index] = line;
  g_string_append_len (open->texts, text, length);
  g_string_append_c (open->texts, '\0');
}

static void
keep_attribute (OpenElement    *open,
                int             index,
                const xmlChar **attribute,
                int             line)
{
  open->offsets[index] = open->texts->len;
  open->lines[index] = line;
  append_attribute_value (open->texts, attribute);
  g_string_append_c (open->texts, '\0');
}

/* Notes something about an open element, to report once it is read. */
static void G_GNUC_PRINTF (4, 0)
defer_problem (OpenElement        *open,
               CjmProblemSeverity  severity,
               int                 line,
               const char         *format,
               va_list             args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (open->deferred == NULL)
    open->deferred = g_ptr_array_new_with_free_func ((GDestroyNotify)cjm_problem_free);

  g_ptr_array_add (open->deferred, cjm_problem_new (severity, line, "%s", message));
}

static void G_GNUC_PRINTF (3, 4)
defer_warning (OpenElement *open,
               int          line,
               const char  *format,
               ...)
{
  va_list args;

  va_start (args, format);
  defer_problem (open, CJM_PROBLEM_WARNING, line, format, args);
  va_end (args);
}

static void G_GNUC_PRINTF (3, 4)
defer_note (OpenElement *open,
            int          line,
            const char  *format,
            ...)
{
  va_list args;

  va_start (args, format);
  defer_problem (open, CJM_PROBLEM_NOTE, line, format, args);
  va_end (args);
}

/* The value of a field, from its text: %FALSE if it is not valid. */
static gboolean
field_value (OpenElement       *open,
             const CjmXmlField *field,
             const char        *text,
             int                line,
             GValue            *value)
{
  g_autoptr(GError) error = NULL;

  if (G_PARAM_SPEC_VALUE_TYPE (field->pspec) == G_TYPE_STRING)
    {
      /* The object keeps its own copy. */
      g_value_init (value, G_TYPE_STRING);
      g_value_set_static_string (value, text);
      return TRUE;
    }

  if (!cjm_field_value_from_string (field->pspec, text, value, &error))
    {
      /* In a file from a newer version, a value this version cannot use is
       * probably one that version added (a new channel, say): it is kept as
       * it was read, and written back while the field stays at its default,
       * so that saving loses nothing. */
      if (open->keep_invalid_values && field->storage == CJM_FIELD_ATTRIBUTE)
        {
          if (open->extras == NULL)
            open->extras = cjm_extras_new ();
          cjm_extras_add_attribute (open->extras, NULL, field->xml_name, text);
          /* Nothing is wrong with the file, nor lost: a note. */
          defer_note (open, line,
                      _("this version does not know the value of “%s” (%s); the default is "
                        "used, and the value is kept for saving"),
                      field->xml_name, error->message);
        }
      else
        {
          defer_warning (open, line, _("the value of “%s” is not valid (%s); the default is used"),
                         field->xml_name, error->message);
        }
      return FALSE;
    }

  return TRUE;
}

/* Text between the elements of a known element is only indentation; if
 * there is more, it is kept, without the indentation around it. */
static void
flush_text (Reader *reader)
{
  const char *start = reader->text->str;
  const char *end = start + reader->text->len;

  if (reader->text->len == 0)
    return;

  while (start < end && is_xml_space (*start))
    start++;
  while (end > start && is_xml_space (end[-1]))
    end--;

  if (start < end)
    {
      g_string_truncate (reader->scratch, 0);
      _cjm_xml_append_escaped (reader->scratch, start, end - start, FALSE);
      cjm_extras_add_node (innermost_extras (reader), reader->scratch->str);
    }

  g_string_truncate (reader->text, 0);
}

/* Known elements */

static void
open_element (Reader         *reader,
              GType           type,
              guint           kind_in_parent,
              int             n_namespaces,
              const xmlChar **namespaces,
              int             n_attributes,
              const xmlChar **attributes)
{
  OpenElement *open = &reader->open[reader->n_open];
  const xmlChar **id_attribute = find_attribute (attributes, n_attributes, "id");

  g_assert (reader->n_open < MAX_OPEN_ELEMENTS);

  memset (open, 0, sizeof *open);
  open->type = type;
  open->line = current_line (reader);
  open->keep_invalid_values = reader->newer_version != NULL;
  open->kind_in_parent = kind_in_parent;
  open->xml_class = _cjm_xml_class_get (type);
  open->texts = reader->texts[reader->n_open];
  g_string_truncate (open->texts, 0);
  for (guint i = 0; i < open->xml_class->n_fields; i++)
    open->offsets[i] = -1;

  reader->n_open++;

  if (type == CJM_TYPE_MAP)
    {
      open->kinds = map_children;
      open->n_kinds = G_N_ELEMENTS (map_children);
    }
  else if (type == CJM_TYPE_STAGE)
    {
      open->kinds = stage_children;
      open->n_kinds = G_N_ELEMENTS (stage_children);
    }

  /* The id first in the texts: offset 0. */
  if (id_attribute != NULL)
    {
      open->has_id = TRUE;
      append_attribute_value (open->texts, id_attribute);
      g_string_append_c (open->texts, '\0');
    }

  for (int i = 0; i < n_namespaces; i++)
    {
      /* Known elements are written in our default namespace. */
      if (namespaces[i * 2] != NULL)
        cjm_extras_add_namespace (innermost_extras (reader),
                                  (const char *)namespaces[i * 2],
                                  namespace_name (reader, namespaces[i * 2 + 1]));
    }

  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = &attributes[i * 5];
      const char *name = (const char *)attribute[0];
      g_autoptr(GString) qname = NULL;

      if (attribute[2] == NULL)
        {
          int index;

          /* The version is read by root_start(). */
          if (attribute == id_attribute || (type == CJM_TYPE_MAP && strcmp (name, "version") == 0))
            continue;

          index = _cjm_xml_class_find_field (open->xml_class, name, CJM_FIELD_ATTRIBUTE);
          if (index >= 0)
            {
              keep_attribute (open, index, attribute, open->line);
              continue;
            }
        }

      qname = g_string_new (NULL);
      append_qname (qname, attribute[1], attribute[0]);
      cjm_extras_add_attribute (innermost_extras (reader), namespace_name (reader, attribute[2]),
                                qname->str, attribute_value (reader, attribute));
    }
}

static CjmElement *
make_element (OpenElement *open)
{
  const char *names[CJM_XML_MAX_FIELDS + 1];
  GValue values[CJM_XML_MAX_FIELDS + 1];
  const char *id = open->has_id ? open->texts->str : NULL;
  g_autofree char *invalid_id = NULL;
  CjmElement *element;
  guint n = 0;

  /* An invalid id is kept for now: the repairs give the element a valid
   * one and update the links to it. Nothing links to the map. */
  if (open->type == CJM_TYPE_MAP && id != NULL && !cjm_element_id_is_valid (id))
    {
      invalid_id = g_strdup (id);
      id = NULL;
    }

  memset (values, 0, sizeof values);

  if (id != NULL)
    {
      names[n] = "id";
      g_value_init (&values[n], G_TYPE_STRING);
      g_value_set_static_string (&values[n], id);
      n++;
    }

  for (guint i = 0; i < open->xml_class->n_fields; i++)
    {
      const CjmXmlField *field = &open->xml_class->fields[i];

      if (open->offsets[i] < 0)
        continue;

      if (field_value (open, field, open->texts->str + open->offsets[i], open->lines[i], &values[n]))
        names[n++] = field->pspec->name;
    }

  element = CJM_ELEMENT (g_object_new_with_properties (open->type, n, names, values));

  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  if (invalid_id != NULL)
    defer_warning (open, open->line, _("“%s” is not a valid id; it was given the id “%s”"),
                   invalid_id, cjm_element_get_id (element));
  else if (!open->has_id)
    defer_warning (open, open->line, _("it has no id; it was given a new one"));

  if (open->extras != NULL)
    _cjm_element_take_extras (element, g_steal_pointer (&open->extras));

  return element;
}

static void
close_element (Reader *reader)
{
  OpenElement *open = innermost (reader);
  g_autofree char *description = NULL;
  CjmElement *element;

  flush_text (reader);

  element = make_element (open);
  g_hash_table_insert (reader->lines, element, GINT_TO_POINTER (open->line));

  /* One change per collection rather than one per element. */
  for (guint k = 0; k < open->n_kinds; k++)
    {
      GPtrArray *children = open->children[k];
      GListStore *store;

      if (children == NULL)
        continue;

      if (CJM_IS_MAP (element))
        store = _cjm_map_get_store (CJM_MAP (element), open->kinds[k].get_type ());
      else
        store = _cjm_stage_get_step_store (CJM_STAGE (element));

      g_list_store_splice (store, 0, 0, children->pdata, children->len);
    }

  for (guint i = 0; open->deferred != NULL && i < open->deferred->len; i++)
    {
      const CjmProblem *problem = g_ptr_array_index (open->deferred, i);

      if (description == NULL)
        description = _cjm_element_describe (element);

      /* Translators: an element of the map (e.g. Card “Reads reviews” (card-1)), then what is wrong */
      cjm_problems_add (reader->problems, problem->severity, problem->line, _("%s: %s"),
                        description, problem->message);
    }

  open_element_clear (open);
  reader->n_open--;

  if (reader->n_open == 0)
    {
      reader->map = CJM_MAP (element);
    }
  else
    {
      OpenElement *parent = innermost (reader);
      guint k = open->kind_in_parent;

      if (parent->children[k] == NULL)
        parent->children[k] = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (parent->children[k], element);
    }
}

/* Text fields */

static void
start_field (Reader      *reader,
             OpenElement *open,
             int          index,
             int          n_attributes)
{
  reader->field = &open->xml_class->fields[index];
  reader->field_line = current_line (reader);
  reader->field_depth = 0;
  reader->field_repeated = open->offsets[index] >= 0;
  reader->field_markup = FALSE;

  if (n_attributes > 0 && !reader->field_repeated)
    defer_warning (open, reader->field_line, _("the attributes of “%s” are not kept"),
                   reader->field->xml_name);

  g_string_truncate (reader->text, 0);
}

static void
end_field (Reader *reader)
{
  OpenElement *open = innermost (reader);
  const CjmXmlField *field = g_steal_pointer (&reader->field);

  if (reader->field_repeated)
    {
      defer_warning (open, reader->field_line,
                     _("“%s” is given more than once; only the first is kept"), field->xml_name);
    }
  else
    {
      if (reader->field_markup)
        defer_warning (open, reader->field_line,
                       _("“%s” holds markup or comments; only its text is kept"), field->xml_name);

      keep_text (open, field - open->xml_class->fields, reader->text->str, reader->text->len,
                 reader->field_line);
    }

  g_string_truncate (reader->text, 0);
}

/* Unknown content, written out the way the writer writes it back. */

static void
close_unknown_start_tag (Reader *reader)
{
  if (reader->unknown_tag_open)
    {
      g_string_append_c (reader->unknown, '>');
      reader->unknown_tag_open = FALSE;
    }
}

static void
write_unknown_start (Reader         *reader,
                     const xmlChar  *localname,
                     const xmlChar  *prefix,
                     int             n_namespaces,
                     const xmlChar **namespaces,
                     int             n_attributes,
                     const xmlChar **attributes,
                     const char     *outer_default)
{
  GString *out = reader->unknown;
  gboolean declares_default = FALSE;

  close_unknown_start_tag (reader);

  g_string_append_c (out, '<');
  append_qname (out, prefix, localname);

  for (int i = 0; i < n_namespaces; i++)
    {
      g_string_append (out, " xmlns");
      if (namespaces[i * 2] != NULL)
        {
          g_string_append_c (out, ':');
          g_string_append (out, (const char *)namespaces[i * 2]);
        }
      else
        {
          declares_default = TRUE;
        }
      g_string_append (out, "=\"");
      _cjm_xml_append_escaped (out, namespace_name (reader, namespaces[i * 2 + 1]), -1, TRUE);
      g_string_append_c (out, '"');
    }

  /* Written back, the outermost unknown element sits in a known one,
   * whose default namespace is ours: when it relied on another default
   * namespace (or none), declare it on the element itself. */
  if (reader->unknown_depth == 0 && !declares_default &&
      g_strcmp0 (outer_default, CJM_FORMAT_NAMESPACE) != 0)
    {
      g_string_append (out, " xmlns=\"");
      _cjm_xml_append_escaped (out, outer_default ? outer_default : "", -1, TRUE);
      g_string_append_c (out, '"');
    }

  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = &attributes[i * 5];

      g_string_append_c (out, ' ');
      append_qname (out, attribute[1], attribute[0]);
      g_string_append (out, "=\"");
      _cjm_xml_append_escaped (out, attribute_value (reader, attribute), -1, TRUE);
      g_string_append_c (out, '"');
    }

  reader->unknown_tag_open = TRUE;
}

static void
write_unknown_end (Reader        *reader,
                   const xmlChar *localname,
                   const xmlChar *prefix)
{
  if (reader->unknown_tag_open)
    {
      g_string_append (reader->unknown, "/>");
      reader->unknown_tag_open = FALSE;
      return;
    }

  g_string_append (reader->unknown, "</");
  append_qname (reader->unknown, prefix, localname);
  g_string_append_c (reader->unknown, '>');
}

/* Handlers */

static gboolean
root_start (Reader         *reader,
            const xmlChar  *localname,
            const xmlChar  *uri,
            int             n_attributes,
            const xmlChar **attributes)
{
  const xmlChar **version_attribute;
  const char *version;
  int line = current_line (reader);
  guint major, minor;

  if (!is_ours (uri) || strcmp ((const char *)localname, CJM_FORMAT_ROOT) != 0)
    {
      GError *error;

      if (uri != NULL)
        error = g_error_new (CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_NOT_A_MAP,
                             _("%s:%d: This is not a journey map: its root element is “%s” in the "
                               "namespace %s, where a journey map has “%s” in the namespace %s"),
                             reader->display_name, line, (const char *)localname,
                             namespace_name (reader, uri), CJM_FORMAT_ROOT, CJM_FORMAT_NAMESPACE);
      else
        error = g_error_new (CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_NOT_A_MAP,
                             _("%s:%d: This is not a journey map: its root element is “%s” without a "
                               "namespace, where a journey map has “%s” in the namespace %s"),
                             reader->display_name, line, (const char *)localname,
                             CJM_FORMAT_ROOT, CJM_FORMAT_NAMESPACE);

      _cjm_xml_parser_fail (reader->parser, error);
      return FALSE;
    }

  version_attribute = find_attribute (attributes, n_attributes, "version");
  if (version_attribute == NULL)
    {
      cjm_problems_add (reader->problems, CJM_PROBLEM_WARNING, line,
                        _("The file does not say which version of the format it uses; version %s is assumed"),
                        CJM_FORMAT_VERSION);
      return TRUE;
    }

  version = attribute_value (reader, version_attribute);
  if (!_cjm_xml_parse_version (version, &major, &minor))
    {
      _cjm_xml_parser_fail (reader->parser,
                            g_error_new (CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_INVALID,
                                         _("%s:%d: The format version “%s” is not valid: it should look like “%s”"),
                                         reader->display_name, line, version, CJM_FORMAT_VERSION));
      return FALSE;
    }

  if (major > CJM_FORMAT_MAJOR || (major == CJM_FORMAT_MAJOR && minor > CJM_FORMAT_MINOR))
    {
      cjm_problems_add (reader->problems, CJM_PROBLEM_NOTE, line,
                        _("This map was written by a newer version of Journey Mapper (format %s); "
                          "parts this version does not understand are kept and saved back unchanged"),
                        version);
      reader->newer_version = g_strdup (version);
    }

  return TRUE;
}

static void
start_element_cb (gpointer        user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  const xmlChar **attributes)
{
  Reader *reader = user_data;
  const char *outer_default = NULL;
  OpenElement *open;

  reader->depth++;

  if (reader->defaults->len > 0)
    outer_default = g_array_index (reader->defaults, DefaultNamespace, reader->defaults->len - 1).uri;

  for (int i = 0; i < n_namespaces; i++)
    {
      if (namespaces[i * 2] == NULL)
        {
          DefaultNamespace ns = { reader->depth, g_strdup (namespace_name (reader, namespaces[i * 2 + 1])) };

          g_array_append_val (reader->defaults, ns);
        }
    }

  if (reader->unknown_depth > 0)
    {
      write_unknown_start (reader, localname, prefix, n_namespaces, namespaces,
                           n_attributes, attributes, outer_default);
      reader->unknown_depth++;
      return;
    }

  if (reader->field != NULL)
    {
      reader->field_depth++;
      reader->field_markup = TRUE;
      return;
    }

  if (reader->n_open == 0)
    {
      if (root_start (reader, localname, uri, n_attributes, attributes))
        open_element (reader, CJM_TYPE_MAP, 0, n_namespaces, namespaces, n_attributes, attributes);
      return;
    }

  flush_text (reader);
  open = innermost (reader);

  if (is_ours (uri))
    {
      int index = _cjm_xml_class_find_field (open->xml_class, (const char *)localname, CJM_FIELD_ELEMENT);

      if (index >= 0)
        {
          start_field (reader, open, index, n_attributes);
          return;
        }

      for (guint k = 0; k < open->n_kinds; k++)
        {
          if (strcmp (open->kinds[k].xml_name, (const char *)localname) == 0)
            {
              open_element (reader, open->kinds[k].get_type (), k,
                            n_namespaces, namespaces, n_attributes, attributes);
              return;
            }
        }
    }

  g_string_truncate (reader->unknown, 0);
  write_unknown_start (reader, localname, prefix, n_namespaces, namespaces,
                       n_attributes, attributes, outer_default);
  reader->unknown_depth = 1;
}

static void
end_element_cb (gpointer       user_data,
                const xmlChar *localname,
                const xmlChar *prefix)
{
  Reader *reader = user_data;

  if (reader->unknown_depth > 0)
    {
      write_unknown_end (reader, localname, prefix);
      if (--reader->unknown_depth == 0)
        cjm_extras_add_node (innermost_extras (reader), reader->unknown->str);
    }
  else if (reader->field != NULL)
    {
      if (reader->field_depth > 0)
        reader->field_depth--;
      else
        end_field (reader);
    }
  else if (reader->n_open > 0)
    {
      close_element (reader);
    }

  if (reader->defaults->len > 0 &&
      g_array_index (reader->defaults, DefaultNamespace, reader->defaults->len - 1).depth == reader->depth)
    g_array_set_size (reader->defaults, reader->defaults->len - 1);

  reader->depth--;
}

static void
text_cb (gpointer    user_data,
         const char *text,
         gsize       length)
{
  Reader *reader = user_data;

  if (reader->unknown_depth > 0)
    {
      close_unknown_start_tag (reader);
      _cjm_xml_append_escaped (reader->unknown, text, length, FALSE);
    }
  else if (reader->field != NULL || reader->n_open > 0)
    {
      /* Mostly indentation between elements: not worth keeping. */
      if (reader->field == NULL && reader->text->len == 0)
        {
          while (length > 0 && is_xml_space (*text))
            {
              text++;
              length--;
            }
        }

      g_string_append_len (reader->text, text, length);
    }
}

static void
append_other (Reader     *reader,
              const char *start,
              const char *middle,
              const char *text,
              const char *end)
{
  GString *out = reader->unknown_depth > 0 ? reader->unknown : reader->scratch;

  if (reader->unknown_depth > 0)
    close_unknown_start_tag (reader);
  else
    g_string_truncate (out, 0);

  g_string_append (out, start);
  if (text != NULL)
    {
      g_string_append (out, middle);
      g_string_append (out, text);
    }
  g_string_append (out, end);

  if (reader->unknown_depth == 0)
    cjm_extras_add_node (innermost_extras (reader), out->str);
}

static void
comment_cb (gpointer    user_data,
            const char *text)
{
  Reader *reader = user_data;

  if (reader->field != NULL)
    {
      reader->field_markup = TRUE;
      return;
    }

  /* Before and after the map, there is nothing to keep it in. */
  if (reader->unknown_depth == 0 && reader->n_open == 0)
    return;

  if (reader->unknown_depth == 0)
    flush_text (reader);

  append_other (reader, "<!--", "", text, "-->");
}

static void
instruction_cb (gpointer    user_data,
                const char *target,
                const char *data)
{
  Reader *reader = user_data;
  g_autofree char *start = NULL;

  if (reader->field != NULL)
    {
      reader->field_markup = TRUE;
      return;
    }

  if (reader->unknown_depth == 0 && reader->n_open == 0)
    return;

  if (reader->unknown_depth == 0)
    flush_text (reader);

  start = g_strconcat ("<?", target, NULL);
  append_other (reader, start, " ", data, "?>");
}

static const CjmXmlHandler handler = {
  start_element_cb,
  end_element_cb,
  text_cb,
  comment_cb,
  instruction_cb,
};

static int
compare_problem_lines (gconstpointer a,
                       gconstpointer b)
{
  const CjmProblem *pa = *(const CjmProblem * const *)a;
  const CjmProblem *pb = *(const CjmProblem * const *)b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

/* Problems in the order of the lines they are on; g_ptr_array_sort() is a
 * stable sort, so problems on one line stay in the order they were found. */
static void
sort_problems (GPtrArray *problems)
{
  g_ptr_array_sort (problems, compare_problem_lines);
}

/**
 * cjm_xml_read:
 * @bytes: the content of a .cjm file
 * @display_name: the name of the file for messages, e.g. "maps/shoes.cjm"
 * @problems: (nullable) (element-type CjmProblem): where to add what was
 *   found wrong and repaired, or %NULL
 * @error: where to report why the file cannot be read
 *
 * Reads a journey map from a .cjm file, which may come from anywhere:
 * anything that could harm the computer is refused, what is broken but can
 * be repaired is repaired and reported in @problems, and what this version
 * does not understand is kept to be saved back.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
CjmMap *
cjm_xml_read (GBytes      *bytes,
              const char  *display_name,
              GPtrArray   *problems,
              GError     **error)
{
  g_auto(Reader) reader = { NULL, };
  g_autoptr(GPtrArray) found = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);

  /* Problems go to the caller only if the file can be read. */
  found = cjm_problems_new ();

  reader.parser = _cjm_xml_parser_new ();
  reader.display_name = display_name;
  reader.problems = found;
  reader.lines = g_hash_table_new (NULL, NULL);
  reader.defaults = g_array_new (FALSE, FALSE, sizeof (DefaultNamespace));
  g_array_set_clear_func (reader.defaults, default_namespace_clear);
  reader.unknown = g_string_new (NULL);
  reader.text = g_string_new (NULL);
  reader.scratch = g_string_new (NULL);
  reader.uri = g_string_new (NULL);
  for (guint i = 0; i < MAX_OPEN_ELEMENTS; i++)
    reader.texts[i] = g_string_new (NULL);

  if (!_cjm_xml_parser_parse (reader.parser, data, size, display_name, &handler, &reader, error))
    return NULL;

  g_assert (reader.map != NULL);

  /* Saved back with the same version, so that older versions still warn:
   * see "Versions" in doc/cjm-format.md. */
  if (reader.newer_version != NULL)
    cjm_extras_add_attribute (_cjm_element_ensure_extras (CJM_ELEMENT (reader.map)),
                              NULL, "version", reader.newer_version);

  cjm_map_check_and_repair (reader.map, found, line_of_element_cb, &reader);
  sort_problems (found);

  if (problems != NULL)
    g_ptr_array_extend_and_steal (problems, g_steal_pointer (&found));

  return g_steal_pointer (&reader.map);
}
