/* cjm-revision.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-revision"

#include "config.h"

#include "cjm-element-private.h"
#include "cjm-enum-types.h"
#include "cjm-revision.h"

struct _CjmRevision
{
  CjmElement parent_instance;

  char *date;
  char *author;
  char *note;
};

G_DEFINE_FINAL_TYPE (CjmRevision, cjm_revision, CJM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_AUTHOR,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How each property is stored in the .cjm format, in the order it is written. */
static const CjmField revision_fields[] = {
  { "date", "date", CJM_FIELD_ATTRIBUTE },
  { "author", "author", CJM_FIELD_ATTRIBUTE },
  { "note", "note", CJM_FIELD_ELEMENT },
};

static void
cjm_revision_finalize (GObject *object)
{
  CjmRevision *self = (CjmRevision *)object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (cjm_revision_parent_class)->finalize (object);
}

static void
cjm_revision_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CjmRevision *self = CJM_REVISION (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_revision_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CjmRevision *self = CJM_REVISION (object);

  switch (prop_id)
    {
    case PROP_DATE:
      cjm_revision_set_date (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      cjm_revision_set_author (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      cjm_revision_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_revision_class_init (CjmRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmElementClass *element_class = CJM_ELEMENT_CLASS (klass);

  object_class->finalize = cjm_revision_finalize;
  object_class->get_property = cjm_revision_get_property;
  object_class->set_property = cjm_revision_set_property;

  element_class->xml_name = "revision";
  element_class->id_prefix = "rev";
  element_class->fields = revision_fields;
  element_class->n_fields = G_N_ELEMENTS (revision_fields);

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_revision_init (CjmRevision *self)
{
}

/**
 * cjm_revision_new:
 * @id: (nullable): a stable identifier, or %NULL to make a new unique one
 *
 * Creates a new #CjmRevision: a dated note in the map revision log.
 *
 * Returns: (transfer full): a new #CjmRevision
 */
CjmRevision *
cjm_revision_new (const char *id)
{
  return g_object_new (CJM_TYPE_REVISION,
                       "id", id,
                       NULL);
}

const char *
cjm_revision_get_date (CjmRevision *self)
{
  g_return_val_if_fail (CJM_IS_REVISION (self), NULL);

  return self->date;
}

const char *
cjm_revision_get_author (CjmRevision *self)
{
  g_return_val_if_fail (CJM_IS_REVISION (self), NULL);

  return self->author;
}

const char *
cjm_revision_get_note (CjmRevision *self)
{
  g_return_val_if_fail (CJM_IS_REVISION (self), NULL);

  return self->note;
}

void
cjm_revision_set_date (CjmRevision *self,
                       const char *date)
{
  g_return_if_fail (CJM_IS_REVISION (self));

  /* An empty text is no text: both are written the same way. */
  if (date != NULL && date[0] == '\0')
    date = NULL;

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
cjm_revision_set_author (CjmRevision *self,
                         const char *author)
{
  g_return_if_fail (CJM_IS_REVISION (self));

  /* An empty text is no text: both are written the same way. */
  if (author != NULL && author[0] == '\0')
    author = NULL;

  if (g_strcmp0 (self->author, author) == 0)
    return;

  g_free (self->author);
  self->author = g_strdup (author);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

void
cjm_revision_set_note (CjmRevision *self,
                       const char *note)
{
  g_return_if_fail (CJM_IS_REVISION (self));

  /* An empty text is no text: both are written the same way. */
  if (note != NULL && note[0] == '\0')
    note = NULL;

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
