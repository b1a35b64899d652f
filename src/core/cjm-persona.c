/* cjm-persona.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-persona"

#include "config.h"

#include "cjm-element-private.h"
#include "cjm-enum-types.h"
#include "cjm-persona.h"

struct _CjmPersona
{
  CjmElement parent_instance;

  char *color;
  CjmEnvironment environment;
  char *picture;
  char *picture_type;
  char *name;
  char *quote;
  char *profession;
  char *location;
  char *family;
  char *gender;
  char *age_range;
  char *income;
  char *personality;
  char *behaviour;
  char *information_sources;
  char *short_term_goals;
  char *long_term_goals;
  char *frustrations;
  char *desired_solutions;
  char *picture_data;
};

G_DEFINE_FINAL_TYPE (CjmPersona, cjm_persona, CJM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_COLOR,
  PROP_ENVIRONMENT,
  PROP_PICTURE,
  PROP_PICTURE_TYPE,
  PROP_NAME,
  PROP_QUOTE,
  PROP_PROFESSION,
  PROP_LOCATION,
  PROP_FAMILY,
  PROP_GENDER,
  PROP_AGE_RANGE,
  PROP_INCOME,
  PROP_PERSONALITY,
  PROP_BEHAVIOUR,
  PROP_INFORMATION_SOURCES,
  PROP_SHORT_TERM_GOALS,
  PROP_LONG_TERM_GOALS,
  PROP_FRUSTRATIONS,
  PROP_DESIRED_SOLUTIONS,
  PROP_PICTURE_DATA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How each property is stored in the .cjm format, in the order it is written. */
static const CjmField persona_fields[] = {
  { "color", "color", CJM_FIELD_ATTRIBUTE },
  { "environment", "environment", CJM_FIELD_ATTRIBUTE },
  { "picture", "picture", CJM_FIELD_ATTRIBUTE },
  { "picture-type", "picture-type", CJM_FIELD_ATTRIBUTE },
  { "name", "name", CJM_FIELD_ELEMENT },
  { "quote", "quote", CJM_FIELD_ELEMENT },
  { "profession", "profession", CJM_FIELD_ELEMENT },
  { "location", "location", CJM_FIELD_ELEMENT },
  { "family", "family", CJM_FIELD_ELEMENT },
  { "gender", "gender", CJM_FIELD_ELEMENT },
  { "age-range", "age-range", CJM_FIELD_ELEMENT },
  { "income", "income", CJM_FIELD_ELEMENT },
  { "personality", "personality", CJM_FIELD_ELEMENT },
  { "behaviour", "behaviour", CJM_FIELD_ELEMENT },
  { "information-sources", "information-sources", CJM_FIELD_ELEMENT },
  { "short-term-goals", "short-term-goals", CJM_FIELD_ELEMENT },
  { "long-term-goals", "long-term-goals", CJM_FIELD_ELEMENT },
  { "frustrations", "frustrations", CJM_FIELD_ELEMENT },
  { "desired-solutions", "desired-solutions", CJM_FIELD_ELEMENT },
  { "picture-data", "picture-data", CJM_FIELD_ELEMENT },
};

static void
cjm_persona_finalize (GObject *object)
{
  CjmPersona *self = (CjmPersona *)object;

  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->picture, g_free);
  g_clear_pointer (&self->picture_type, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->profession, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->family, g_free);
  g_clear_pointer (&self->gender, g_free);
  g_clear_pointer (&self->age_range, g_free);
  g_clear_pointer (&self->income, g_free);
  g_clear_pointer (&self->personality, g_free);
  g_clear_pointer (&self->behaviour, g_free);
  g_clear_pointer (&self->information_sources, g_free);
  g_clear_pointer (&self->short_term_goals, g_free);
  g_clear_pointer (&self->long_term_goals, g_free);
  g_clear_pointer (&self->frustrations, g_free);
  g_clear_pointer (&self->desired_solutions, g_free);
  g_clear_pointer (&self->picture_data, g_free);

  G_OBJECT_CLASS (cjm_persona_parent_class)->finalize (object);
}

static void
cjm_persona_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CjmPersona *self = CJM_PERSONA (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_ENVIRONMENT:
      g_value_set_enum (value, self->environment);
      break;

    case PROP_PICTURE:
      g_value_set_string (value, self->picture);
      break;

    case PROP_PICTURE_TYPE:
      g_value_set_string (value, self->picture_type);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;

    case PROP_PROFESSION:
      g_value_set_string (value, self->profession);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_FAMILY:
      g_value_set_string (value, self->family);
      break;

    case PROP_GENDER:
      g_value_set_string (value, self->gender);
      break;

    case PROP_AGE_RANGE:
      g_value_set_string (value, self->age_range);
      break;

    case PROP_INCOME:
      g_value_set_string (value, self->income);
      break;

    case PROP_PERSONALITY:
      g_value_set_string (value, self->personality);
      break;

    case PROP_BEHAVIOUR:
      g_value_set_string (value, self->behaviour);
      break;

    case PROP_INFORMATION_SOURCES:
      g_value_set_string (value, self->information_sources);
      break;

    case PROP_SHORT_TERM_GOALS:
      g_value_set_string (value, self->short_term_goals);
      break;

    case PROP_LONG_TERM_GOALS:
      g_value_set_string (value, self->long_term_goals);
      break;

    case PROP_FRUSTRATIONS:
      g_value_set_string (value, self->frustrations);
      break;

    case PROP_DESIRED_SOLUTIONS:
      g_value_set_string (value, self->desired_solutions);
      break;

    case PROP_PICTURE_DATA:
      g_value_set_string (value, self->picture_data);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_persona_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CjmPersona *self = CJM_PERSONA (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      cjm_persona_set_color (self, g_value_get_string (value));
      break;

    case PROP_ENVIRONMENT:
      cjm_persona_set_environment (self, g_value_get_enum (value));
      break;

    case PROP_PICTURE:
      cjm_persona_set_picture (self, g_value_get_string (value));
      break;

    case PROP_PICTURE_TYPE:
      cjm_persona_set_picture_type (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      cjm_persona_set_name (self, g_value_get_string (value));
      break;

    case PROP_QUOTE:
      cjm_persona_set_quote (self, g_value_get_string (value));
      break;

    case PROP_PROFESSION:
      cjm_persona_set_profession (self, g_value_get_string (value));
      break;

    case PROP_LOCATION:
      cjm_persona_set_location (self, g_value_get_string (value));
      break;

    case PROP_FAMILY:
      cjm_persona_set_family (self, g_value_get_string (value));
      break;

    case PROP_GENDER:
      cjm_persona_set_gender (self, g_value_get_string (value));
      break;

    case PROP_AGE_RANGE:
      cjm_persona_set_age_range (self, g_value_get_string (value));
      break;

    case PROP_INCOME:
      cjm_persona_set_income (self, g_value_get_string (value));
      break;

    case PROP_PERSONALITY:
      cjm_persona_set_personality (self, g_value_get_string (value));
      break;

    case PROP_BEHAVIOUR:
      cjm_persona_set_behaviour (self, g_value_get_string (value));
      break;

    case PROP_INFORMATION_SOURCES:
      cjm_persona_set_information_sources (self, g_value_get_string (value));
      break;

    case PROP_SHORT_TERM_GOALS:
      cjm_persona_set_short_term_goals (self, g_value_get_string (value));
      break;

    case PROP_LONG_TERM_GOALS:
      cjm_persona_set_long_term_goals (self, g_value_get_string (value));
      break;

    case PROP_FRUSTRATIONS:
      cjm_persona_set_frustrations (self, g_value_get_string (value));
      break;

    case PROP_DESIRED_SOLUTIONS:
      cjm_persona_set_desired_solutions (self, g_value_get_string (value));
      break;

    case PROP_PICTURE_DATA:
      cjm_persona_set_picture_data (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_persona_class_init (CjmPersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmElementClass *element_class = CJM_ELEMENT_CLASS (klass);

  object_class->finalize = cjm_persona_finalize;
  object_class->get_property = cjm_persona_get_property;
  object_class->set_property = cjm_persona_set_property;

  element_class->xml_name = "persona";
  element_class->id_prefix = "persona";
  element_class->fields = persona_fields;
  element_class->n_fields = G_N_ELEMENTS (persona_fields);

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ENVIRONMENT] =
    g_param_spec_enum ("environment", NULL, NULL,
                       CJM_TYPE_ENVIRONMENT,
                       0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_PICTURE] =
    g_param_spec_string ("picture", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PICTURE_TYPE] =
    g_param_spec_string ("picture-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PROFESSION] =
    g_param_spec_string ("profession", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FAMILY] =
    g_param_spec_string ("family", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_GENDER] =
    g_param_spec_string ("gender", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_AGE_RANGE] =
    g_param_spec_string ("age-range", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_INCOME] =
    g_param_spec_string ("income", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PERSONALITY] =
    g_param_spec_string ("personality", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_BEHAVIOUR] =
    g_param_spec_string ("behaviour", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_INFORMATION_SOURCES] =
    g_param_spec_string ("information-sources", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SHORT_TERM_GOALS] =
    g_param_spec_string ("short-term-goals", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_LONG_TERM_GOALS] =
    g_param_spec_string ("long-term-goals", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FRUSTRATIONS] =
    g_param_spec_string ("frustrations", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DESIRED_SOLUTIONS] =
    g_param_spec_string ("desired-solutions", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PICTURE_DATA] =
    g_param_spec_string ("picture-data", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_persona_init (CjmPersona *self)
{
}

/**
 * cjm_persona_new:
 * @id: (nullable): a stable identifier, or %NULL to make a new unique one
 *
 * Creates a new #CjmPersona: a hypothetical model customer.
 *
 * Returns: (transfer full): a new #CjmPersona
 */
CjmPersona *
cjm_persona_new (const char *id)
{
  return g_object_new (CJM_TYPE_PERSONA,
                       "id", id,
                       NULL);
}

const char *
cjm_persona_get_color (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->color;
}

CjmEnvironment
cjm_persona_get_environment (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), 0);

  return self->environment;
}

const char *
cjm_persona_get_picture (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->picture;
}

const char *
cjm_persona_get_picture_type (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->picture_type;
}

const char *
cjm_persona_get_name (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->name;
}

const char *
cjm_persona_get_quote (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->quote;
}

const char *
cjm_persona_get_profession (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->profession;
}

const char *
cjm_persona_get_location (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->location;
}

const char *
cjm_persona_get_family (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->family;
}

const char *
cjm_persona_get_gender (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->gender;
}

const char *
cjm_persona_get_age_range (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->age_range;
}

const char *
cjm_persona_get_income (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->income;
}

const char *
cjm_persona_get_personality (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->personality;
}

const char *
cjm_persona_get_behaviour (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->behaviour;
}

const char *
cjm_persona_get_information_sources (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->information_sources;
}

const char *
cjm_persona_get_short_term_goals (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->short_term_goals;
}

const char *
cjm_persona_get_long_term_goals (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->long_term_goals;
}

const char *
cjm_persona_get_frustrations (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->frustrations;
}

const char *
cjm_persona_get_desired_solutions (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->desired_solutions;
}

const char *
cjm_persona_get_picture_data (CjmPersona *self)
{
  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  return self->picture_data;
}

/**
 * cjm_persona_dup_picture_bytes:
 * @self: a #CjmPersona
 *
 * The embedded picture, decoded from its base64 text.
 *
 * Returns: (transfer full) (nullable): its bytes, or %NULL if the persona
 *   has no embedded picture
 */
GBytes *
cjm_persona_dup_picture_bytes (CjmPersona *self)
{
  guchar *bytes;
  gsize length = 0;

  g_return_val_if_fail (CJM_IS_PERSONA (self), NULL);

  if (self->picture_data == NULL || self->picture_data[0] == '\0')
    return NULL;

  bytes = g_base64_decode (self->picture_data, &length);

  return g_bytes_new_take (bytes, length);
}

void
cjm_persona_set_color (CjmPersona *self,
                       const char *color)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (color != NULL && color[0] == '\0')
    color = NULL;

  if (g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = g_strdup (color);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

void
cjm_persona_set_environment (CjmPersona *self,
                             CjmEnvironment environment)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  if (self->environment == environment)
    return;

  self->environment = environment;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENVIRONMENT]);
}

void
cjm_persona_set_picture (CjmPersona *self,
                         const char *picture)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (picture != NULL && picture[0] == '\0')
    picture = NULL;

  if (g_strcmp0 (self->picture, picture) == 0)
    return;

  g_free (self->picture);
  self->picture = g_strdup (picture);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICTURE]);
}

void
cjm_persona_set_picture_type (CjmPersona *self,
                              const char *picture_type)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (picture_type != NULL && picture_type[0] == '\0')
    picture_type = NULL;

  if (g_strcmp0 (self->picture_type, picture_type) == 0)
    return;

  g_free (self->picture_type);
  self->picture_type = g_strdup (picture_type);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICTURE_TYPE]);
}

void
cjm_persona_set_name (CjmPersona *self,
                      const char *name)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (name != NULL && name[0] == '\0')
    name = NULL;

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
cjm_persona_set_quote (CjmPersona *self,
                       const char *quote)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (quote != NULL && quote[0] == '\0')
    quote = NULL;

  if (g_strcmp0 (self->quote, quote) == 0)
    return;

  g_free (self->quote);
  self->quote = g_strdup (quote);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
}

void
cjm_persona_set_profession (CjmPersona *self,
                            const char *profession)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (profession != NULL && profession[0] == '\0')
    profession = NULL;

  if (g_strcmp0 (self->profession, profession) == 0)
    return;

  g_free (self->profession);
  self->profession = g_strdup (profession);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFESSION]);
}

void
cjm_persona_set_location (CjmPersona *self,
                          const char *location)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (location != NULL && location[0] == '\0')
    location = NULL;

  if (g_strcmp0 (self->location, location) == 0)
    return;

  g_free (self->location);
  self->location = g_strdup (location);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

void
cjm_persona_set_family (CjmPersona *self,
                        const char *family)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (family != NULL && family[0] == '\0')
    family = NULL;

  if (g_strcmp0 (self->family, family) == 0)
    return;

  g_free (self->family);
  self->family = g_strdup (family);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
}

void
cjm_persona_set_gender (CjmPersona *self,
                        const char *gender)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (gender != NULL && gender[0] == '\0')
    gender = NULL;

  if (g_strcmp0 (self->gender, gender) == 0)
    return;

  g_free (self->gender);
  self->gender = g_strdup (gender);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENDER]);
}

void
cjm_persona_set_age_range (CjmPersona *self,
                           const char *age_range)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (age_range != NULL && age_range[0] == '\0')
    age_range = NULL;

  if (g_strcmp0 (self->age_range, age_range) == 0)
    return;

  g_free (self->age_range);
  self->age_range = g_strdup (age_range);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGE_RANGE]);
}

void
cjm_persona_set_income (CjmPersona *self,
                        const char *income)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (income != NULL && income[0] == '\0')
    income = NULL;

  if (g_strcmp0 (self->income, income) == 0)
    return;

  g_free (self->income);
  self->income = g_strdup (income);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCOME]);
}

void
cjm_persona_set_personality (CjmPersona *self,
                             const char *personality)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (personality != NULL && personality[0] == '\0')
    personality = NULL;

  if (g_strcmp0 (self->personality, personality) == 0)
    return;

  g_free (self->personality);
  self->personality = g_strdup (personality);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONALITY]);
}

void
cjm_persona_set_behaviour (CjmPersona *self,
                           const char *behaviour)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (behaviour != NULL && behaviour[0] == '\0')
    behaviour = NULL;

  if (g_strcmp0 (self->behaviour, behaviour) == 0)
    return;

  g_free (self->behaviour);
  self->behaviour = g_strdup (behaviour);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BEHAVIOUR]);
}

void
cjm_persona_set_information_sources (CjmPersona *self,
                                     const char *information_sources)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (information_sources != NULL && information_sources[0] == '\0')
    information_sources = NULL;

  if (g_strcmp0 (self->information_sources, information_sources) == 0)
    return;

  g_free (self->information_sources);
  self->information_sources = g_strdup (information_sources);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INFORMATION_SOURCES]);
}

void
cjm_persona_set_short_term_goals (CjmPersona *self,
                                  const char *short_term_goals)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (short_term_goals != NULL && short_term_goals[0] == '\0')
    short_term_goals = NULL;

  if (g_strcmp0 (self->short_term_goals, short_term_goals) == 0)
    return;

  g_free (self->short_term_goals);
  self->short_term_goals = g_strdup (short_term_goals);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORT_TERM_GOALS]);
}

void
cjm_persona_set_long_term_goals (CjmPersona *self,
                                 const char *long_term_goals)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (long_term_goals != NULL && long_term_goals[0] == '\0')
    long_term_goals = NULL;

  if (g_strcmp0 (self->long_term_goals, long_term_goals) == 0)
    return;

  g_free (self->long_term_goals);
  self->long_term_goals = g_strdup (long_term_goals);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LONG_TERM_GOALS]);
}

void
cjm_persona_set_frustrations (CjmPersona *self,
                              const char *frustrations)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (frustrations != NULL && frustrations[0] == '\0')
    frustrations = NULL;

  if (g_strcmp0 (self->frustrations, frustrations) == 0)
    return;

  g_free (self->frustrations);
  self->frustrations = g_strdup (frustrations);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRUSTRATIONS]);
}

void
cjm_persona_set_desired_solutions (CjmPersona *self,
                                   const char *desired_solutions)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (desired_solutions != NULL && desired_solutions[0] == '\0')
    desired_solutions = NULL;

  if (g_strcmp0 (self->desired_solutions, desired_solutions) == 0)
    return;

  g_free (self->desired_solutions);
  self->desired_solutions = g_strdup (desired_solutions);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESIRED_SOLUTIONS]);
}

void
cjm_persona_set_picture_data (CjmPersona *self,
                              const char *picture_data)
{
  g_return_if_fail (CJM_IS_PERSONA (self));

  /* An empty text is no text: both are written the same way. */
  if (picture_data != NULL && picture_data[0] == '\0')
    picture_data = NULL;

  if (g_strcmp0 (self->picture_data, picture_data) == 0)
    return;

  g_free (self->picture_data);
  self->picture_data = g_strdup (picture_data);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICTURE_DATA]);
}
