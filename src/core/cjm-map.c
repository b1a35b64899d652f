/* cjm-map.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-map"

#include "config.h"

#include "cjm-element-private.h"
#include "cjm-enum-types.h"
#include "cjm-card.h"
#include "cjm-connection.h"
#include "cjm-emotion.h"
#include "cjm-lane.h"
#include "cjm-map-private.h"
#include "cjm-persona.h"
#include "cjm-revision.h"
#include "cjm-stage-private.h"
#include "cjm-step.h"

struct _CjmMap
{
  CjmElement parent_instance;

  /* The collections, in the order the file writes them. */
  GListStore *revisions;
  GListStore *personas;
  GListStore *stages;
  GListStore *lanes;
  GListStore *cards;
  GListStore *emotions;
  GListStore *connections;

  /* id → CjmElement (borrowed), rebuilt on demand after any change to the
   * collections: cheaper than keeping it exact through every edit. */
  GHashTable *index;

  char *title;
  char *description;
  char *scope_start;
  char *scope_end;
  CjmTarget target;
  char *segment;
  char *offer;
  char *authors;
  char *created;
  char *reviewed;
};

G_DEFINE_FINAL_TYPE (CjmMap, cjm_map, CJM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_SCOPE_START,
  PROP_SCOPE_END,
  PROP_TARGET,
  PROP_SEGMENT,
  PROP_OFFER,
  PROP_AUTHORS,
  PROP_CREATED,
  PROP_REVIEWED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void watch_store (CjmMap     *self,
                         GListStore *store);

static void
emit_changed (CjmMap *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
element_notify_cb (CjmMap     *self,
                   GParamSpec *pspec,
                   CjmElement *element)
{
  emit_changed (self);
}

static void
watch_items (CjmMap     *self,
             GListModel *model,
             guint       position,
             guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      /* An element removed and added again (undo, moves) is watched once. */
      if (g_object_get_data (item, "cjm-map") == (gpointer)self)
        continue;

      g_object_set_data (item, "cjm-map", self);
      g_signal_connect_object (item, "notify",
                               G_CALLBACK (element_notify_cb),
                               self, G_CONNECT_SWAPPED);

      if (CJM_IS_STAGE (item))
        watch_store (self, _cjm_stage_get_step_store (CJM_STAGE (item)));
    }
}

static void
store_items_changed_cb (CjmMap     *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *model)
{
  watch_items (self, model, position, added);

  g_clear_pointer (&self->index, g_hash_table_unref);
  emit_changed (self);
}

static void
watch_store (CjmMap     *self,
             GListStore *store)
{
  g_signal_connect_object (store, "items-changed",
                           G_CALLBACK (store_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  watch_items (self, G_LIST_MODEL (store), 0,
               g_list_model_get_n_items (G_LIST_MODEL (store)));
}

static void
index_add (GHashTable *index,
           gpointer    element)
{
  /* The first element with an id wins; the loader reports duplicates. */
  const char *id = cjm_element_get_id (element);

  if (!g_hash_table_contains (index, id))
    g_hash_table_insert (index, (gpointer)id, element);
}

static void
index_add_store (GHashTable *index,
                 GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      index_add (index, item);
      if (CJM_IS_STAGE (item))
        index_add_store (index, cjm_stage_get_steps (CJM_STAGE (item)));
    }
}

static GHashTable *
ensure_index (CjmMap *self)
{
  if (self->index == NULL)
    {
      self->index = g_hash_table_new (g_str_hash, g_str_equal);
      index_add (self->index, self);
      index_add_store (self->index, G_LIST_MODEL (self->revisions));
      index_add_store (self->index, G_LIST_MODEL (self->personas));
      index_add_store (self->index, G_LIST_MODEL (self->stages));
      index_add_store (self->index, G_LIST_MODEL (self->lanes));
      index_add_store (self->index, G_LIST_MODEL (self->cards));
      index_add_store (self->index, G_LIST_MODEL (self->emotions));
      index_add_store (self->index, G_LIST_MODEL (self->connections));
    }

  return self->index;
}

/* How each property is stored in the .cjm format, in the order it is written. */
static const CjmField map_fields[] = {
  { "title", "title", CJM_FIELD_ELEMENT },
  { "description", "description", CJM_FIELD_ELEMENT },
  { "scope-start", "scope-start", CJM_FIELD_ELEMENT },
  { "scope-end", "scope-end", CJM_FIELD_ELEMENT },
  { "target", "target", CJM_FIELD_ATTRIBUTE },
  { "segment", "segment", CJM_FIELD_ELEMENT },
  { "offer", "offer", CJM_FIELD_ELEMENT },
  { "authors", "authors", CJM_FIELD_ELEMENT },
  { "created", "created", CJM_FIELD_ATTRIBUTE },
  { "reviewed", "reviewed", CJM_FIELD_ATTRIBUTE },
};

static void
cjm_map_finalize (GObject *object)
{
  CjmMap *self = (CjmMap *)object;

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_object (&self->revisions);
  g_clear_object (&self->personas);
  g_clear_object (&self->stages);
  g_clear_object (&self->lanes);
  g_clear_object (&self->cards);
  g_clear_object (&self->emotions);
  g_clear_object (&self->connections);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->scope_start, g_free);
  g_clear_pointer (&self->scope_end, g_free);
  g_clear_pointer (&self->segment, g_free);
  g_clear_pointer (&self->offer, g_free);
  g_clear_pointer (&self->authors, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->reviewed, g_free);

  G_OBJECT_CLASS (cjm_map_parent_class)->finalize (object);
}

static void
cjm_map_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CjmMap *self = CJM_MAP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_SCOPE_START:
      g_value_set_string (value, self->scope_start);
      break;

    case PROP_SCOPE_END:
      g_value_set_string (value, self->scope_end);
      break;

    case PROP_TARGET:
      g_value_set_enum (value, self->target);
      break;

    case PROP_SEGMENT:
      g_value_set_string (value, self->segment);
      break;

    case PROP_OFFER:
      g_value_set_string (value, self->offer);
      break;

    case PROP_AUTHORS:
      g_value_set_string (value, self->authors);
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_REVIEWED:
      g_value_set_string (value, self->reviewed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_map_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CjmMap *self = CJM_MAP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      cjm_map_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      cjm_map_set_description (self, g_value_get_string (value));
      break;

    case PROP_SCOPE_START:
      cjm_map_set_scope_start (self, g_value_get_string (value));
      break;

    case PROP_SCOPE_END:
      cjm_map_set_scope_end (self, g_value_get_string (value));
      break;

    case PROP_TARGET:
      cjm_map_set_target (self, g_value_get_enum (value));
      break;

    case PROP_SEGMENT:
      cjm_map_set_segment (self, g_value_get_string (value));
      break;

    case PROP_OFFER:
      cjm_map_set_offer (self, g_value_get_string (value));
      break;

    case PROP_AUTHORS:
      cjm_map_set_authors (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      cjm_map_set_created (self, g_value_get_string (value));
      break;

    case PROP_REVIEWED:
      cjm_map_set_reviewed (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_map_class_init (CjmMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CjmElementClass *element_class = CJM_ELEMENT_CLASS (klass);

  object_class->finalize = cjm_map_finalize;
  object_class->get_property = cjm_map_get_property;
  object_class->set_property = cjm_map_set_property;

  element_class->xml_name = "journey-map";
  element_class->id_prefix = "map";
  element_class->fields = map_fields;
  element_class->n_fields = G_N_ELEMENTS (map_fields);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SCOPE_START] =
    g_param_spec_string ("scope-start", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SCOPE_END] =
    g_param_spec_string ("scope-end", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET] =
    g_param_spec_enum ("target", NULL, NULL,
                       CJM_TYPE_TARGET,
                       0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_SEGMENT] =
    g_param_spec_string ("segment", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OFFER] =
    g_param_spec_string ("offer", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTHORS] =
    g_param_spec_string ("authors", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REVIEWED] =
    g_param_spec_string ("reviewed", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CjmMap::changed:
   *
   * Emitted after any change to the map: one of its properties, an element
   * added, removed or moved, or a property of any element it holds.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
cjm_map_init (CjmMap *self)
{
  self->revisions = g_list_store_new (CJM_TYPE_REVISION);
  self->personas = g_list_store_new (CJM_TYPE_PERSONA);
  self->stages = g_list_store_new (CJM_TYPE_STAGE);
  self->lanes = g_list_store_new (CJM_TYPE_LANE);
  self->cards = g_list_store_new (CJM_TYPE_CARD);
  self->emotions = g_list_store_new (CJM_TYPE_EMOTION);
  self->connections = g_list_store_new (CJM_TYPE_CONNECTION);

  watch_store (self, self->revisions);
  watch_store (self, self->personas);
  watch_store (self, self->stages);
  watch_store (self, self->lanes);
  watch_store (self, self->cards);
  watch_store (self, self->emotions);
  watch_store (self, self->connections);

  g_signal_connect_swapped (self, "notify", G_CALLBACK (element_notify_cb), self);
}

/**
 * cjm_map_new:
 * @id: (nullable): a stable identifier, or %NULL to make a new unique one
 *
 * Creates a new #CjmMap: a customer journey map.
 *
 * Returns: (transfer full): a new #CjmMap
 */
CjmMap *
cjm_map_new (const char *id)
{
  return g_object_new (CJM_TYPE_MAP,
                       "id", id,
                       NULL);
}

const char *
cjm_map_get_title (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return self->title;
}

const char *
cjm_map_get_description (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return self->description;
}

const char *
cjm_map_get_scope_start (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return self->scope_start;
}

const char *
cjm_map_get_scope_end (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return self->scope_end;
}

CjmTarget
cjm_map_get_target (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), 0);

  return self->target;
}

const char *
cjm_map_get_segment (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return self->segment;
}

const char *
cjm_map_get_offer (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return self->offer;
}

const char *
cjm_map_get_authors (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return self->authors;
}

const char *
cjm_map_get_created (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return self->created;
}

const char *
cjm_map_get_reviewed (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return self->reviewed;
}

void
cjm_map_set_title (CjmMap *self,
                   const char *title)
{
  g_return_if_fail (CJM_IS_MAP (self));

  /* An empty text is no text: both are written the same way. */
  if (title != NULL && title[0] == '\0')
    title = NULL;

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
cjm_map_set_description (CjmMap *self,
                         const char *description)
{
  g_return_if_fail (CJM_IS_MAP (self));

  /* An empty text is no text: both are written the same way. */
  if (description != NULL && description[0] == '\0')
    description = NULL;

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

void
cjm_map_set_scope_start (CjmMap *self,
                         const char *scope_start)
{
  g_return_if_fail (CJM_IS_MAP (self));

  /* An empty text is no text: both are written the same way. */
  if (scope_start != NULL && scope_start[0] == '\0')
    scope_start = NULL;

  if (g_strcmp0 (self->scope_start, scope_start) == 0)
    return;

  g_free (self->scope_start);
  self->scope_start = g_strdup (scope_start);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE_START]);
}

void
cjm_map_set_scope_end (CjmMap *self,
                       const char *scope_end)
{
  g_return_if_fail (CJM_IS_MAP (self));

  /* An empty text is no text: both are written the same way. */
  if (scope_end != NULL && scope_end[0] == '\0')
    scope_end = NULL;

  if (g_strcmp0 (self->scope_end, scope_end) == 0)
    return;

  g_free (self->scope_end);
  self->scope_end = g_strdup (scope_end);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE_END]);
}

void
cjm_map_set_target (CjmMap *self,
                    CjmTarget target)
{
  g_return_if_fail (CJM_IS_MAP (self));

  if (self->target == target)
    return;

  self->target = target;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

void
cjm_map_set_segment (CjmMap *self,
                     const char *segment)
{
  g_return_if_fail (CJM_IS_MAP (self));

  /* An empty text is no text: both are written the same way. */
  if (segment != NULL && segment[0] == '\0')
    segment = NULL;

  if (g_strcmp0 (self->segment, segment) == 0)
    return;

  g_free (self->segment);
  self->segment = g_strdup (segment);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

void
cjm_map_set_offer (CjmMap *self,
                   const char *offer)
{
  g_return_if_fail (CJM_IS_MAP (self));

  /* An empty text is no text: both are written the same way. */
  if (offer != NULL && offer[0] == '\0')
    offer = NULL;

  if (g_strcmp0 (self->offer, offer) == 0)
    return;

  g_free (self->offer);
  self->offer = g_strdup (offer);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFER]);
}

void
cjm_map_set_authors (CjmMap *self,
                     const char *authors)
{
  g_return_if_fail (CJM_IS_MAP (self));

  /* An empty text is no text: both are written the same way. */
  if (authors != NULL && authors[0] == '\0')
    authors = NULL;

  if (g_strcmp0 (self->authors, authors) == 0)
    return;

  g_free (self->authors);
  self->authors = g_strdup (authors);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORS]);
}

void
cjm_map_set_created (CjmMap *self,
                     const char *created)
{
  g_return_if_fail (CJM_IS_MAP (self));

  /* An empty text is no text: both are written the same way. */
  if (created != NULL && created[0] == '\0')
    created = NULL;

  if (g_strcmp0 (self->created, created) == 0)
    return;

  g_free (self->created);
  self->created = g_strdup (created);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

void
cjm_map_set_reviewed (CjmMap *self,
                      const char *reviewed)
{
  g_return_if_fail (CJM_IS_MAP (self));

  /* An empty text is no text: both are written the same way. */
  if (reviewed != NULL && reviewed[0] == '\0')
    reviewed = NULL;

  if (g_strcmp0 (self->reviewed, reviewed) == 0)
    return;

  g_free (self->reviewed);
  self->reviewed = g_strdup (reviewed);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWED]);
}

GListModel *
cjm_map_get_revisions (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return G_LIST_MODEL (self->revisions);
}

GListModel *
cjm_map_get_personas (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return G_LIST_MODEL (self->personas);
}

GListModel *
cjm_map_get_stages (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return G_LIST_MODEL (self->stages);
}

GListModel *
cjm_map_get_lanes (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return G_LIST_MODEL (self->lanes);
}

/**
 * cjm_map_get_cards:
 * @self: a #CjmMap
 *
 * All the cards of the map. Cards in the same cell are ordered as they
 * are in this list.
 *
 * Returns: (transfer none): the #CjmCard list
 */
GListModel *
cjm_map_get_cards (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return G_LIST_MODEL (self->cards);
}

GListModel *
cjm_map_get_emotions (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return G_LIST_MODEL (self->emotions);
}

GListModel *
cjm_map_get_connections (CjmMap *self)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  return G_LIST_MODEL (self->connections);
}

/**
 * cjm_map_lookup:
 * @self: a #CjmMap
 * @id: an element id
 *
 * Finds any element of the map, the map itself and the steps of its
 * stages included, by its id.
 *
 * Returns: (transfer none) (nullable): the element, or %NULL
 */
CjmElement *
cjm_map_lookup (CjmMap     *self,
                const char *id)
{
  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (ensure_index (self), id);
}

/**
 * cjm_map_lookup_typed:
 * @self: a #CjmMap
 * @id: (nullable): an element id
 * @type: the type the element must have
 *
 * Returns: (transfer none) (nullable): the element with @id if it is a
 *   @type, or %NULL
 */
gpointer
cjm_map_lookup_typed (CjmMap     *self,
                      const char *id,
                      GType       type)
{
  CjmElement *element = cjm_map_lookup (self, id);

  if (element != NULL && g_type_is_a (G_OBJECT_TYPE (element), type))
    return element;

  return NULL;
}

/**
 * cjm_map_dup_steps:
 * @self: a #CjmMap
 *
 * Returns: (transfer container) (element-type CjmStep): every step of the
 *   map, stage after stage: the columns of the map, left to right
 */
GPtrArray *
cjm_map_dup_steps (CjmMap *self)
{
  GPtrArray *steps;
  guint n_stages;

  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  steps = g_ptr_array_new_with_free_func (g_object_unref);
  n_stages = g_list_model_get_n_items (G_LIST_MODEL (self->stages));

  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(CjmStage) stage = g_list_model_get_item (G_LIST_MODEL (self->stages), i);
      GListModel *stage_steps = cjm_stage_get_steps (stage);
      guint n_steps = g_list_model_get_n_items (stage_steps);

      for (guint j = 0; j < n_steps; j++)
        g_ptr_array_add (steps, g_list_model_get_item (stage_steps, j));
    }

  return steps;
}

/**
 * cjm_map_find_stage_of_step:
 * @self: a #CjmMap
 * @step_id: a step id
 * @position: (out) (optional): where to store the step's position in its stage
 *
 * Returns: (transfer none) (nullable): the stage holding the step, or %NULL
 */
CjmStage *
cjm_map_find_stage_of_step (CjmMap     *self,
                            const char *step_id,
                            guint      *position)
{
  guint n_stages;

  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  if (step_id == NULL)
    return NULL;

  n_stages = g_list_model_get_n_items (G_LIST_MODEL (self->stages));

  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(CjmStage) stage = g_list_model_get_item (G_LIST_MODEL (self->stages), i);
      GListModel *stage_steps = cjm_stage_get_steps (stage);
      guint n_steps = g_list_model_get_n_items (stage_steps);

      for (guint j = 0; j < n_steps; j++)
        {
          g_autoptr(CjmElement) step = g_list_model_get_item (stage_steps, j);

          if (g_strcmp0 (cjm_element_get_id (step), step_id) == 0)
            {
              if (position != NULL)
                *position = j;
              return stage;
            }
        }
    }

  return NULL;
}

/**
 * cjm_map_find_emotion:
 * @self: a #CjmMap
 * @persona_id: a persona id
 * @step_id: a step id
 *
 * Returns: (transfer none) (nullable): how the persona feels at the step,
 *   or %NULL if no score was given
 */
CjmEmotion *
cjm_map_find_emotion (CjmMap     *self,
                      const char *persona_id,
                      const char *step_id)
{
  guint n;

  g_return_val_if_fail (CJM_IS_MAP (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->emotions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmEmotion) emotion = g_list_model_get_item (G_LIST_MODEL (self->emotions), i);

      if (g_strcmp0 (cjm_emotion_get_persona_id (emotion), persona_id) == 0 &&
          g_strcmp0 (cjm_emotion_get_step_id (emotion), step_id) == 0)
        return emotion;
    }

  return NULL;
}

/**
 * cjm_map_lane_holds_cards:
 * @self: a #CjmMap
 * @lane: a lane of the map
 *
 * A lane's kind says what its cards are: it changes only while the lane
 * holds none.
 *
 * Returns: whether a card of the map is in @lane
 */
gboolean
cjm_map_lane_holds_cards (CjmMap  *self,
                          CjmLane *lane)
{
  const char *id;
  guint n;

  g_return_val_if_fail (CJM_IS_MAP (self), FALSE);
  g_return_val_if_fail (CJM_IS_LANE (lane), FALSE);

  id = cjm_element_get_id (CJM_ELEMENT (lane));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->cards));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);

      if (g_strcmp0 (cjm_card_get_lane_id (card), id) == 0)
        return TRUE;
    }

  return FALSE;
}

GListStore *
_cjm_map_get_store (CjmMap *self,
                    GType   element_type)
{
  g_assert (CJM_IS_MAP (self));

  if (element_type == CJM_TYPE_REVISION)
    return self->revisions;
  if (element_type == CJM_TYPE_PERSONA)
    return self->personas;
  if (element_type == CJM_TYPE_STAGE)
    return self->stages;
  if (element_type == CJM_TYPE_LANE)
    return self->lanes;
  if (element_type == CJM_TYPE_CARD)
    return self->cards;
  if (element_type == CJM_TYPE_EMOTION)
    return self->emotions;
  if (element_type == CJM_TYPE_CONNECTION)
    return self->connections;

  return NULL;
}
