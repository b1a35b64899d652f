/* cjm-xml-common.c: what the .cjm reader and writer share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-xml"

#include "config.h"

#include "cjm-field.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-emotion.h"
#include "cjm-format.h"
#include "cjm-lane.h"
#include "cjm-map.h"
#include "cjm-persona.h"
#include "cjm-revision.h"
#include "cjm-stage.h"
#include "cjm-step.h"
#include "cjm-xml-private.h"

/* Element classes
 *
 * The field tables name properties; the reader and writer need their
 * GParamSpecs, thousands of times per file. Resolve them once.
 */

static CjmXmlClass xml_classes[9];

static void
xml_class_init (CjmXmlClass *xml_class,
                GType        type)
{
  CjmElementClass *klass = g_type_class_ref (type);

  g_assert (klass->n_fields <= CJM_XML_MAX_FIELDS);

  xml_class->type = type;
  xml_class->klass = klass;
  xml_class->xml_name = klass->xml_name;
  xml_class->n_fields = klass->n_fields;
  xml_class->fields = g_new0 (CjmXmlField, klass->n_fields);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      CjmXmlField *field = &xml_class->fields[i];
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                        klass->fields[i].property);

      /* Plain properties, which _cjm_xml_field_get_value() can read. */
      g_assert (pspec != NULL);
      g_assert (!G_IS_PARAM_SPEC_OVERRIDE (pspec));
      g_assert ((pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE);
      g_assert (!(pspec->flags & G_PARAM_CONSTRUCT_ONLY));

      field->xml_name = klass->fields[i].xml_name;
      field->storage = klass->fields[i].storage;
      field->pspec = pspec;
      field->owner_class = g_type_class_peek (pspec->owner_type);
    }

  /* Kept for the life of the process, like the class itself. */
}

/**
 * _cjm_xml_class_get:
 * @type: an element type
 *
 * Returns: (transfer none): how @type is stored in files
 */
const CjmXmlClass *
_cjm_xml_class_get (GType type)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xml_class_init (&xml_classes[0], CJM_TYPE_MAP);
      xml_class_init (&xml_classes[1], CJM_TYPE_REVISION);
      xml_class_init (&xml_classes[2], CJM_TYPE_PERSONA);
      xml_class_init (&xml_classes[3], CJM_TYPE_STAGE);
      xml_class_init (&xml_classes[4], CJM_TYPE_STEP);
      xml_class_init (&xml_classes[5], CJM_TYPE_LANE);
      xml_class_init (&xml_classes[6], CJM_TYPE_CARD);
      xml_class_init (&xml_classes[7], CJM_TYPE_EMOTION);
      xml_class_init (&xml_classes[8], CJM_TYPE_CONNECTION);
      g_once_init_leave (&initialized, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (xml_classes); i++)
    {
      if (xml_classes[i].type == type)
        return &xml_classes[i];
    }

  g_return_val_if_reached (NULL);
}

/**
 * _cjm_xml_class_find_field:
 * @xml_class: how an element class is stored
 * @xml_name: the attribute or element name in the file
 * @storage: whether @xml_name is an attribute or a child element
 *
 * Returns: the index in @xml_class->fields of the field stored under
 *   @xml_name, or -1
 */
int
_cjm_xml_class_find_field (const CjmXmlClass *xml_class,
                           const char        *xml_name,
                           CjmFieldStorage    storage)
{
  const CjmField *field = cjm_element_class_find_field (xml_class->klass, xml_name, storage);

  return field ? field - xml_class->klass->fields : -1;
}

/* The writer reads every field of every element: it calls the class's
 * accessor directly, as GObject itself does, without looking the property
 * up by name and checking it each time.
 */
void
_cjm_xml_field_get_value (const CjmXmlField *field,
                          gpointer           element,
                          GValue            *value)
{
  g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (field->pspec));
  field->owner_class->get_property (element, field->pspec->param_id, value, field->pspec);
}

/* Escaping
 *
 * Everything the model holds becomes well-formed XML: the five special
 * characters as entities, \r as a character reference (the parser would
 * turn \r\n into \n), tabs and newlines in attributes as references (the
 * parser would turn them into spaces), and what XML 1.0 cannot hold at all
 * (control characters, U+FFFE, U+FFFF, broken UTF-8) as U+FFFD.
 */

#define REPLACEMENT_CHARACTER "\xef\xbf\xbd"

void
_cjm_xml_append_escaped (GString    *out,
                         const char *text,
                         gssize      length,
                         gboolean    in_attribute)
{
  g_autofree char *valid = NULL;
  const char *p;
  const char *run;
  const char *end;

  if (length < 0)
    length = strlen (text);

  if (!g_utf8_validate_len (text, length, NULL))
    {
      text = valid = g_utf8_make_valid (text, length);
      length = strlen (valid);
    }

  run = p = text;
  end = text + length;

  while (p < end)
    {
      guchar c = *p;
      const char *replacement = NULL;
      gsize skip = 1;

      if (G_LIKELY (c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"' && c != 0xef))
        {
          p++;
          continue;
        }

      switch (c)
        {
        case '&':
          replacement = "&amp;";
          break;

        case '<':
          replacement = "&lt;";
          break;

        case '>':
          replacement = "&gt;";
          break;

        case '"':
          replacement = in_attribute ? "&quot;" : NULL;
          break;

        case '\r':
          replacement = "&#13;";
          break;

        case '\n':
          replacement = in_attribute ? "&#10;" : NULL;
          break;

        case '\t':
          replacement = in_attribute ? "&#9;" : NULL;
          break;

        case 0xef:
          /* Valid UTF-8: two continuation bytes follow. */
          if ((guchar)p[1] == 0xbf && ((guchar)p[2] == 0xbe || (guchar)p[2] == 0xbf))
            {
              replacement = REPLACEMENT_CHARACTER;
              skip = 3;
            }
          break;

        default:
          /* Control characters, NUL included */
          replacement = REPLACEMENT_CHARACTER;
          break;
        }

      if (replacement == NULL)
        {
          p++;
          continue;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, replacement);
      p += skip;
      run = p;
    }

  g_string_append_len (out, run, p - run);
}

/**
 * _cjm_xml_parse_version:
 * @text: (nullable): a format version as written in a file
 * @major: (out): the major version
 * @minor: (out): the minor version
 *
 * Returns: %TRUE if @text is two numbers separated by a dot, such as "1.0"
 */
gboolean
_cjm_xml_parse_version (const char *text,
                        guint      *major,
                        guint      *minor)
{
  g_autofree char *major_text = NULL;
  const char *dot;
  guint64 a, b;

  if (text == NULL)
    return FALSE;

  dot = strchr (text, '.');
  if (dot == NULL || dot == text || dot[1] == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p != dot && !g_ascii_isdigit (*p))
        return FALSE;
    }

  major_text = g_strndup (text, dot - text);

  if (!g_ascii_string_to_unsigned (major_text, 10, 0, 99999, &a, NULL) ||
      !g_ascii_string_to_unsigned (dot + 1, 10, 0, 99999, &b, NULL))
    return FALSE;

  *major = a;
  *minor = b;

  return TRUE;
}

/* The safe parser
 *
 * Files come from anywhere. With the options below libxml2 2.9 expands
 * nothing and loads nothing, but it would still read a DOCTYPE, declare
 * entities and print errors on stderr. A map never has a DOCTYPE: the SAX
 * hooks stop the parser as soon as one starts, before any declaration in
 * it is read. No tree is built: the caller makes what it needs from the
 * SAX events, which is much cheaper. Errors are collected, never printed.
 */

#define PARSE_OPTIONS (XML_PARSE_NONET |       /* never the network */ \
                       XML_PARSE_NOCDATA |     /* CDATA is just text */ \
                       XML_PARSE_IGNORE_ENC)   /* always UTF-8: see check_encoding() */

struct _CjmXmlParser
{
  xmlParserCtxt       *ctxt;

  const CjmXmlHandler *handler;
  gpointer             user_data;

  /* Elements open at the point of parsing. */
  int                  depth;

  /* The first error libxml2 reported. */
  int                  error_code;
  int                  error_line;
  char                *error_message;

  /* Why the document is refused as unsafe, if it is. */
  int                  unsafe_line;
  char                *unsafe_message;

  /* Why the handler stopped the parser, if it did. */
  GError              *failure;
};

static xmlExternalEntityLoader next_entity_loader;

static void internal_subset_cb (void          *ctx,
                                const xmlChar *name,
                                const xmlChar *external_id,
                                const xmlChar *system_id);

static void G_GNUC_PRINTF (3, 0)
record_unsafe (xmlParserCtxt *ctxt,
               gboolean       stop,
               const char    *format,
               va_list        args)
{
  CjmXmlParser *self = ctxt->_private;

  if (self->unsafe_message == NULL)
    {
      self->unsafe_message = g_strdup_vprintf (format, args);
      self->unsafe_line = xmlSAX2GetLineNumber (ctxt);
    }

  /* Only from SAX callbacks, as libxml2 expects: it frees the input. */
  if (stop)
    xmlStopParser (ctxt);
}

/* Refuses the document and stops the parser, from a SAX callback. */
static void G_GNUC_PRINTF (2, 3)
refuse_unsafe (xmlParserCtxt *ctxt,
               const char    *format,
               ...)
{
  va_list args;

  va_start (args, format);
  record_unsafe (ctxt, TRUE, format, args);
  va_end (args);
}

/* Refuses the document, leaving the parser to fail by itself. */
static void G_GNUC_PRINTF (2, 3)
note_unsafe (xmlParserCtxt *ctxt,
             const char    *format,
             ...)
{
  va_list args;

  va_start (args, format);
  record_unsafe (ctxt, FALSE, format, args);
  va_end (args);
}

static gboolean
is_our_context (xmlParserCtxt *ctxt)
{
  return ctxt != NULL && ctxt->sax != NULL && ctxt->sax->internalSubset == internal_subset_cb;
}

/* Installed once for the whole process: refuses every outside resource to
 * our parsers, and leaves other users of libxml2 as they were. */
static xmlParserInput *
entity_loader (const char    *url,
               const char    *id,
               xmlParserCtxt *ctxt)
{
  if (is_our_context (ctxt))
    {
      /* Not a SAX callback: the parser is in the middle of its input, so
       * only take note; returning nothing makes it fail by itself. */
      note_unsafe (ctxt, _("The file refers to an outside resource (%s)"),
                   url ? url : id ? id : "?");
      return NULL;
    }

  return next_entity_loader (url, id, ctxt);
}

static void
ensure_libxml_initialized (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      next_entity_loader = xmlGetExternalEntityLoader ();
      xmlSetExternalEntityLoader (entity_loader);
      g_once_init_leave (&initialized, 1);
    }
}

static void
internal_subset_cb (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  refuse_unsafe (ctx, _("The file has a document type declaration (DOCTYPE): journey maps never have one"));
}

static void
external_subset_cb (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  internal_subset_cb (ctx, name, external_id, system_id);
}

static void
entity_decl_cb (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  refuse_unsafe (ctx, _("The file declares an entity (%s): journey maps never do"), (const char *)name);
}

static void
unparsed_entity_decl_cb (void          *ctx,
                         const xmlChar *name,
                         const xmlChar *public_id,
                         const xmlChar *system_id,
                         const xmlChar *notation_name)
{
  entity_decl_cb (ctx, name, 0, public_id, system_id, NULL);
}

static void
reference_cb (void          *ctx,
              const xmlChar *name)
{
  refuse_unsafe (ctx, _("The file uses an entity (%s): journey maps never do"), (const char *)name);
}

static void
start_document_cb (void *ctx)
{
  /* No tree. */
}

static void
start_element_cb (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = ctx;
  CjmXmlParser *self = ctxt->_private;

  if (++self->depth > CJM_MAX_DEPTH)
    {
      refuse_unsafe (ctxt, _("Elements are nested more than %d levels deep"), CJM_MAX_DEPTH);
      return;
    }

  /* Without a DTD, there are no defaulted attributes. */
  if (self->handler->start_element != NULL)
    self->handler->start_element (self->user_data, localname, prefix, uri,
                                  n_namespaces, namespaces, n_attributes, attributes);
}

static void
end_element_cb (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxt *ctxt = ctx;
  CjmXmlParser *self = ctxt->_private;

  self->depth--;

  if (self->handler->end_element != NULL)
    self->handler->end_element (self->user_data, localname, prefix);
}

static void
characters_cb (void          *ctx,
               const xmlChar *text,
               int            length)
{
  xmlParserCtxt *ctxt = ctx;
  CjmXmlParser *self = ctxt->_private;

  if (self->handler->text != NULL)
    self->handler->text (self->user_data, (const char *)text, length);
}

static void
comment_cb (void          *ctx,
            const xmlChar *text)
{
  xmlParserCtxt *ctxt = ctx;
  CjmXmlParser *self = ctxt->_private;

  if (self->handler->comment != NULL)
    self->handler->comment (self->user_data, (const char *)text);
}

static void
processing_instruction_cb (void          *ctx,
                           const xmlChar *target,
                           const xmlChar *data)
{
  xmlParserCtxt *ctxt = ctx;
  CjmXmlParser *self = ctxt->_private;

  if (self->handler->instruction != NULL)
    self->handler->instruction (self->user_data, (const char *)target, (const char *)data);
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  xmlParserCtxt *ctxt = user_data;
  CjmXmlParser *self;

  if (!is_our_context (ctxt) || error == NULL || error->level < XML_ERR_ERROR)
    return;

  self = ctxt->_private;
  if (self->error_message != NULL)
    return;

  self->error_code = error->code;
  self->error_line = error->line;
  self->error_message = g_strchomp (g_strdup (error->message ? error->message : ""));
}

static void G_GNUC_PRINTF (2, 3)
silent_generic_error_cb (void       *user_data,
                         const char *format,
                         ...)
{
}

CjmXmlParser *
_cjm_xml_parser_new (void)
{
  CjmXmlParser *self;
  xmlSAXHandler *sax;

  ensure_libxml_initialized ();

  self = g_new0 (CjmXmlParser, 1);
  self->ctxt = xmlNewParserCtxt ();
  if (self->ctxt == NULL)
    g_error ("Cannot create an XML parser: out of memory");

  self->ctxt->_private = self;

  /* Everything a DTD could bring is refused; nothing builds a tree. */
  sax = self->ctxt->sax;
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->internalSubset = internal_subset_cb;
  sax->externalSubset = external_subset_cb;
  sax->entityDecl = entity_decl_cb;
  sax->unparsedEntityDecl = unparsed_entity_decl_cb;
  sax->reference = reference_cb;
  sax->getEntity = xmlSAX2GetEntity;
  sax->startDocument = start_document_cb;
  sax->startElementNs = start_element_cb;
  sax->endElementNs = end_element_cb;
  sax->characters = characters_cb;
  sax->ignorableWhitespace = characters_cb;
  sax->comment = comment_cb;
  sax->processingInstruction = processing_instruction_cb;
  sax->serror = structured_error_cb;

  return self;
}

void
_cjm_xml_parser_free (CjmXmlParser *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->ctxt, xmlFreeParserCtxt);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->unsafe_message, g_free);
  g_clear_error (&self->failure);
  g_free (self);
}

/**
 * _cjm_xml_parser_get_line:
 * @self: a #CjmXmlParser
 *
 * Returns: the line the parser is on, from a handler
 */
int
_cjm_xml_parser_get_line (CjmXmlParser *self)
{
  return xmlSAX2GetLineNumber (self->ctxt);
}

/**
 * _cjm_xml_parser_fail:
 * @self: a #CjmXmlParser
 * @error: (transfer full): why
 *
 * Stops parsing, from a handler: _cjm_xml_parser_parse() returns @error.
 */
void
_cjm_xml_parser_fail (CjmXmlParser *self,
                      GError       *error)
{
  if (self->failure == NULL)
    self->failure = error;
  else
    g_error_free (error);

  xmlStopParser (self->ctxt);
}

/* Journey maps are UTF-8. libxml2 would switch to UTF-16 or UTF-32 on a
 * byte-order mark or on zero bytes at the start: refuse those here, and
 * XML_PARSE_IGNORE_ENC makes it ignore what the XML declaration claims.
 */
static const char *
check_encoding (const guint8 *data,
                gsize         size)
{
  if (size >= 2 && ((data[0] == 0xfe && data[1] == 0xff) || (data[0] == 0xff && data[1] == 0xfe)))
    return "UTF-16";

  if (size >= 4 && data[0] == 0x4c && data[1] == 0x6f && data[2] == 0xa7 && data[3] == 0x94)
    return "EBCDIC";

  for (gsize i = 0; i < MIN (size, 4); i++)
    {
      if (data[i] == 0)
        return "UTF-16 / UTF-32";
    }

  return NULL;
}

static gboolean
is_blank (const char *data,
          gsize       size)
{
  for (gsize i = 0; i < size; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

static const char *
describe_libxml_error (int         code,
                       const char *data,
                       gsize       size)
{
  switch (code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      /* Also what libxml2 says when the file does not start with "<". */
      if (is_blank (data, size))
        return _("The file is empty");
      return _("The file is not XML");

    case XML_ERR_DOCUMENT_START:
    case XML_ERR_DOCUMENT_END:
      return _("The file is not XML, or has something after its end");

    case XML_ERR_INVALID_CHAR:
      return _("The file holds a character XML does not allow, or is not UTF-8 text");

    case XML_ERR_TAG_NOT_FINISHED:
      return _("The file ends in the middle of an element: it may have been cut short");

    default:
      return NULL;
    }
}

static const CjmXmlHandler no_handler = { NULL, };

/**
 * _cjm_xml_parser_parse:
 * @self: a #CjmXmlParser
 * @data: the bytes of a document
 * @size: how many
 * @display_name: the file name for messages
 * @handler: (nullable): what to do with what is read, or %NULL to only
 *   check that the document is well-formed and safe
 * @user_data: data for @handler
 * @error: where to report why the document cannot be read
 *
 * Parses @data, refusing anything unsafe. When it fails, the handler may
 * have been called for the start of the document. The parser can be used
 * again afterwards.
 *
 * Returns: %TRUE if the whole document was read
 */
gboolean
_cjm_xml_parser_parse (CjmXmlParser         *self,
                       const char           *data,
                       gsize                 size,
                       const char           *display_name,
                       const CjmXmlHandler  *handler,
                       gpointer              user_data,
                       GError              **error)
{
  xmlStructuredErrorFunc saved_structured;
  xmlGenericErrorFunc saved_generic;
  void *saved_structured_context;
  void *saved_generic_context;
  const char *encoding;
  xmlDoc *doc;

  g_assert (self != NULL);
  g_assert (data != NULL || size == 0);

  if (size == 0)
    {
      g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_MALFORMED,
                   "%s:%d: %s", display_name, 1, _("The file is empty"));
      return FALSE;
    }

  if (size > CJM_MAX_FILE_SIZE)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *max_text = g_format_size (CJM_MAX_FILE_SIZE);

      g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_TOO_LARGE,
                   _("%s: The file is too large (%s): journey maps are at most %s"),
                   display_name, size_text, max_text);
      return FALSE;
    }

  if (size >= 2 && (guchar)data[0] == 0x1f && (guchar)data[1] == 0x8b)
    {
      g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_MALFORMED,
                   "%s:%d: %s", display_name, 1,
                   _("The file is compressed (gzip): journey maps are plain XML"));
      return FALSE;
    }

  if ((encoding = check_encoding ((const guint8 *)data, size)) != NULL)
    {
      g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_MALFORMED,
                   _("%s:%d: The file is written in %s: journey maps are UTF-8 text"),
                   display_name, 1, encoding);
      return FALSE;
    }

  self->handler = handler ? handler : &no_handler;
  self->user_data = user_data;
  self->depth = 0;
  self->error_code = 0;
  self->error_line = 0;
  self->unsafe_line = 0;
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->unsafe_message, g_free);
  g_clear_error (&self->failure);

  /* Errors raised outside the parser context go to this thread's handlers:
   * route them here too while parsing, then put back what was there. */
  saved_structured = xmlStructuredError;
  saved_structured_context = xmlStructuredErrorContext;
  saved_generic = xmlGenericError;
  saved_generic_context = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (self->ctxt, structured_error_cb);
  xmlSetGenericErrorFunc (NULL, silent_generic_error_cb);

  /* No document comes back: start_document_cb() makes none. */
  doc = xmlCtxtReadMemory (self->ctxt, data, (int)size, NULL, NULL, PARSE_OPTIONS);
  g_clear_pointer (&doc, xmlFreeDoc);

  xmlSetStructuredErrorFunc (saved_structured_context, saved_structured);
  xmlSetGenericErrorFunc (saved_generic_context, saved_generic);

  self->handler = NULL;
  self->user_data = NULL;

  if (self->unsafe_message != NULL)
    {
      g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_UNSAFE,
                   _("%s:%d: %s; the file is refused"),
                   display_name, MAX (self->unsafe_line, 1), self->unsafe_message);
      return FALSE;
    }

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->failure));
      return FALSE;
    }

  if (!self->ctxt->wellFormed || !self->ctxt->nsWellFormed)
    {
      const char *description = describe_libxml_error (self->error_code, data, size);

      if (description != NULL)
        g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_MALFORMED,
                     "%s:%d: %s", display_name, MAX (self->error_line, 1), description);
      else
        g_set_error (error, CJM_FORMAT_ERROR, CJM_FORMAT_ERROR_MALFORMED,
                     _("%s:%d: The file is not well-formed XML: %s"),
                     display_name, MAX (self->error_line, 1),
                     self->error_message ? self->error_message : "?");
      return FALSE;
    }

  return TRUE;
}

/**
 * _cjm_xml_attribute_is_written:
 * @element: an element
 * @name: the name of an attribute kept in its extras, without a prefix
 * @value: its value
 *
 * Whether the writers already write an attribute @name for @element, so
 * that the one kept in its extras must be left out. A value this version
 * could not use for a field (one a newer version added, such as a new
 * channel) is kept under the field's name and written back as long as the
 * field stays at its default; a value it can use belongs in the field.
 *
 * Returns: %TRUE if the kept attribute must not be written
 */
gboolean
_cjm_xml_attribute_is_written (CjmElement *element,
                               const char *name,
                               const char *value)
{
  const CjmField *field;
  GParamSpec *pspec;
  g_auto(GValue) current = G_VALUE_INIT;

  if (strcmp (name, "id") == 0 || strcmp (name, "xmlns") == 0 ||
      (CJM_IS_MAP (element) && strcmp (name, "version") == 0))
    return TRUE;

  field = cjm_element_class_find_field (CJM_ELEMENT_GET_CLASS (element), name,
                                        CJM_FIELD_ATTRIBUTE);
  if (field == NULL)
    return FALSE;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (element), field->property);
  if (cjm_field_text_is_valid (pspec, value))
    return TRUE;

  g_value_init (&current, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (G_OBJECT (element), pspec->name, &current);

  return !g_param_value_defaults (pspec, &current);
}
