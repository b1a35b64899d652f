/* cjm-emotion.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-emotion"

#include "config.h"

#include "cjm-element-private.h"
#include "cjm-enum-types.h"
#include "cjm-emotion.h"

struct _CjmEmotion
{
  CjmElement parent_instance;

  char *persona_id;
  char *step_id;
  int score;
  char *label;
  char *quote;
};

G_DEFINE_FINAL_TYPE (CjmEmotion, cjm_emotion, CJM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_PERSONA_ID,
  PROP_STEP_ID,
  PROP_SCORE,
  PROP_LABEL,
  PROP_QUOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How each property is stored in the .cjm format, in the order it is written. */
static const CjmField emotion_fields[] = {
  { "persona-id", "persona", CJM_FIELD_ATTRIBUTE },
  { "step-id", "step", CJM_FIELD_ATTRIBUTE },
  { "score", "score", CJM_FIELD_ATTRIBUTE },
  { "label", "label", CJM_FIELD_ELEMENT },
  { "quote", "quote", CJM_FIELD_ELEMENT },
};

static void
cjm_emotion_finalize (GObject *object)
{
  CjmEmotion *self = (CjmEmotion *)object;

  g_clear_pointer (&self->persona_id, g_free);
  g_clear_pointer (&self->step_id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->quote, g_free);

  G_OBJECT_CLASS (cjm_emotion_parent_class)->finalize (object);
}

static void
cjm_emotion_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CjmEmotion *self = CJM_EMOTION (object);

  switch (prop_id)
    {
    case PROP_PERSONA_ID:
      g_value_set_string (value, self->persona_id);
      break;

    case PROP_STEP_ID:
      g_value_set_string (value, self->step_id);
      break;

    case PROP_SCORE:
      g_value_set_int (value, self->score);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_emotion_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CjmEmotion *self = CJM_EMOTION (object);

  switch (prop_id)
    {
    case PROP_PERSONA_ID:
      cjm_emotion_set_persona_id (self, g_value_get_string (value));
      break;

    case PROP_STEP_ID:
      cjm_emotion_set_step_id (self, g_value_get_string (value));
      break;

    case PROP_SCORE:
      cjm_emotion_set_score (self, g_value_get_int (value));
      break;

    case PROP_LABEL:
      cjm_emotion_set_label (self, g_value_get_string (value));
      break;

    case PROP_QUOTE:
      cjm_emotion_set_quote (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_emotion_class_init (CjmEmotionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmElementClass *element_class = CJM_ELEMENT_CLASS (klass);

  object_class->finalize = cjm_emotion_finalize;
  object_class->get_property = cjm_emotion_get_property;
  object_class->set_property = cjm_emotion_set_property;

  element_class->xml_name = "emotion";
  element_class->id_prefix = "emotion";
  element_class->fields = emotion_fields;
  element_class->n_fields = G_N_ELEMENTS (emotion_fields);

  properties[PROP_PERSONA_ID] =
    g_param_spec_string ("persona-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STEP_ID] =
    g_param_spec_string ("step-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SCORE] =
    g_param_spec_int ("score", NULL, NULL,
                      -3, 3, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_emotion_init (CjmEmotion *self)
{
}

/**
 * cjm_emotion_new:
 * @id: (nullable): a stable identifier, or %NULL to make a new unique one
 *
 * Creates a new #CjmEmotion: how a persona feels at a step.
 *
 * Returns: (transfer full): a new #CjmEmotion
 */
CjmEmotion *
cjm_emotion_new (const char *id)
{
  return g_object_new (CJM_TYPE_EMOTION,
                       "id", id,
                       NULL);
}

const char *
cjm_emotion_get_persona_id (CjmEmotion *self)
{
  g_return_val_if_fail (CJM_IS_EMOTION (self), NULL);

  return self->persona_id;
}

const char *
cjm_emotion_get_step_id (CjmEmotion *self)
{
  g_return_val_if_fail (CJM_IS_EMOTION (self), NULL);

  return self->step_id;
}

int
cjm_emotion_get_score (CjmEmotion *self)
{
  g_return_val_if_fail (CJM_IS_EMOTION (self), 0);

  return self->score;
}

const char *
cjm_emotion_get_label (CjmEmotion *self)
{
  g_return_val_if_fail (CJM_IS_EMOTION (self), NULL);

  return self->label;
}

const char *
cjm_emotion_get_quote (CjmEmotion *self)
{
  g_return_val_if_fail (CJM_IS_EMOTION (self), NULL);

  return self->quote;
}

void
cjm_emotion_set_persona_id (CjmEmotion *self,
                            const char *persona_id)
{
  g_return_if_fail (CJM_IS_EMOTION (self));

  /* An empty text is no text: both are written the same way. */
  if (persona_id != NULL && persona_id[0] == '\0')
    persona_id = NULL;

  if (g_strcmp0 (self->persona_id, persona_id) == 0)
    return;

  g_free (self->persona_id);
  self->persona_id = g_strdup (persona_id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_ID]);
}

void
cjm_emotion_set_step_id (CjmEmotion *self,
                         const char *step_id)
{
  g_return_if_fail (CJM_IS_EMOTION (self));

  /* An empty text is no text: both are written the same way. */
  if (step_id != NULL && step_id[0] == '\0')
    step_id = NULL;

  if (g_strcmp0 (self->step_id, step_id) == 0)
    return;

  g_free (self->step_id);
  self->step_id = g_strdup (step_id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_ID]);
}

void
cjm_emotion_set_score (CjmEmotion *self,
                       int         score)
{
  g_return_if_fail (CJM_IS_EMOTION (self));
  g_return_if_fail (score >= -3 && score <= 3);

  if (self->score == score)
    return;

  self->score = score;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

void
cjm_emotion_set_label (CjmEmotion *self,
                       const char *label)
{
  g_return_if_fail (CJM_IS_EMOTION (self));

  /* An empty text is no text: both are written the same way. */
  if (label != NULL && label[0] == '\0')
    label = NULL;

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

void
cjm_emotion_set_quote (CjmEmotion *self,
                       const char *quote)
{
  g_return_if_fail (CJM_IS_EMOTION (self));

  /* An empty text is no text: both are written the same way. */
  if (quote != NULL && quote[0] == '\0')
    quote = NULL;

  if (g_strcmp0 (self->quote, quote) == 0)
    return;

  g_free (self->quote);
  self->quote = g_strdup (quote);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
}
