/* cjm-element-editor.c: preference rows that edit an element's fields
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-element-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-element-editor.h"
#include "cjm-field-rows.h"

/* The inspector, the persona panel and the pain point panel all edit an
 * element with this widget: groups of rows, one per field, in the order
 * and with the words practitioners use. The table below says which
 * fields each kind of element shows; the rows do the rest. */

#define MAX_FIELDS 8

typedef struct
{
  GType        (*get_type) (void);
  /* For cards, the card kinds (1 << CjmCardKind) the group applies to; for
   * lanes, the lane kinds (1 << CjmLaneKind); 0: every one. */
  guint          kinds;
  const char    *title;
  const char    *description;
  CjmFieldSpec   fields[MAX_FIELDS];
} GroupSpec;

#define CARD(kind) (1u << CJM_CARD_KIND_##kind)
#define LANE(kind) (1u << CJM_LANE_KIND_##kind)

static const GroupSpec groups[] = {
  { cjm_map_get_type, 0, N_("Journey Map"), NULL, {
      { "title", N_("Title"), CJM_FIELD_TEXT },
      { "description", N_("Description"), CJM_FIELD_LONG_TEXT },
    } },
  { cjm_map_get_type, 0, N_("Scope"), N_("Where the journey starts and ends, and for whom"), {
      { "scope-start", N_("Starts With"), CJM_FIELD_TEXT },
      { "scope-end", N_("Ends With"), CJM_FIELD_TEXT },
      { "target", N_("Target"), CJM_FIELD_CHOICE },
      { "segment", N_("Customer Segment"), CJM_FIELD_TEXT },
      { "offer", N_("Offer"), CJM_FIELD_TEXT },
    } },
  { cjm_map_get_type, 0, N_("Authors and Review"),
    N_("A journey map is a living document: review it as customers and the offer change"), {
      { "authors", N_("Authors"), CJM_FIELD_TEXT },
      { "created", N_("Created"), CJM_FIELD_DATE },
      { "reviewed", N_("Last Reviewed"), CJM_FIELD_DATE },
    } },

  { cjm_persona_get_type, 0, N_("Identity"), NULL, {
      { "name", N_("Name"), CJM_FIELD_TEXT },
      { "picture-data", N_("Picture"), CJM_FIELD_PICTURE },
      { "color", N_("Color"), CJM_FIELD_COLOR },
      { "quote", N_("Quote"), CJM_FIELD_LONG_TEXT },
    } },
  { cjm_persona_get_type, 0, N_("General Information"), NULL, {
      { "profession", N_("Profession"), CJM_FIELD_TEXT },
      { "location", N_("Location"), CJM_FIELD_TEXT },
      { "family", N_("Family"), CJM_FIELD_TEXT },
    } },
  { cjm_persona_get_type, 0, N_("Demographics"), NULL, {
      { "gender", N_("Gender"), CJM_FIELD_TEXT },
      { "age-range", N_("Age Range"), CJM_FIELD_TEXT },
      { "income", N_("Income"), CJM_FIELD_TEXT },
      { "environment", N_("Urban or Rural"), CJM_FIELD_CHOICE },
    } },
  { cjm_persona_get_type, 0, N_("Personality and Behaviour"), NULL, {
      { "personality", N_("Personality"), CJM_FIELD_LONG_TEXT },
      { "behaviour", N_("Behaviour"), CJM_FIELD_LONG_TEXT },
      { "information-sources", N_("Where They Get Information"), CJM_FIELD_LONG_TEXT },
    } },
  { cjm_persona_get_type, 0, N_("Goals"), NULL, {
      { "short-term-goals", N_("Short-Term Goals"), CJM_FIELD_LONG_TEXT },
      { "long-term-goals", N_("Long-Term Goals"), CJM_FIELD_LONG_TEXT },
    } },
  { cjm_persona_get_type, 0, N_("Problems and Solutions"), NULL, {
      { "frustrations", N_("Problems and Frustrations"), CJM_FIELD_LONG_TEXT },
      { "desired-solutions", N_("Solutions They Want"), CJM_FIELD_LONG_TEXT },
    } },

  { cjm_stage_get_type, 0, N_("Stage"), NULL, {
      { "name", N_("Name"), CJM_FIELD_TEXT },
      { "color", N_("Color"), CJM_FIELD_COLOR },
      { "goal", N_("Customer Goals"), CJM_FIELD_LONG_TEXT },
      { "description", N_("Description"), CJM_FIELD_LONG_TEXT },
    } },

  { cjm_step_get_type, 0, N_("Step"), NULL, {
      { "name", N_("Name"), CJM_FIELD_TEXT },
      { "description", N_("Description"), CJM_FIELD_LONG_TEXT },
    } },

  { cjm_lane_get_type, 0, N_("Lane"), NULL, {
      { "name", N_("Name"), CJM_FIELD_TEXT },
      { "kind", N_("Kind"), CJM_FIELD_CHOICE },
    } },
  { cjm_lane_get_type, LANE (CHANNEL), NULL, NULL, {
      { "channel", N_("Channel"), CJM_FIELD_CHOICE },
    } },
  { cjm_lane_get_type, LANE (TEXT), NULL, NULL, {
      { "text-kind", N_("What It Holds"), CJM_FIELD_CHOICE },
    } },

  { cjm_card_get_type, 0, N_("Card"), NULL, {
      { "title", N_("Title"), CJM_FIELD_TEXT },
      { "description", N_("Description"), CJM_FIELD_LONG_TEXT },
    } },
  { cjm_card_get_type, CARD (TOUCHPOINT), N_("Touchpoint"), NULL, {
      { "presence", N_("Online or Offline"), CJM_FIELD_CHOICE },
      { "direction", N_("Inbound or Outbound"), CJM_FIELD_CHOICE },
      { "department", N_("Owner Department"), CJM_FIELD_CHOICE },
    } },
  { cjm_card_get_type, CARD (TOUCHPOINT) | CARD (METRIC), N_("Key Performance Indicator"), NULL, {
      { "kpi-name", N_("KPI"), CJM_FIELD_TEXT },
      { "kpi-target", N_("Target"), CJM_FIELD_TEXT },
      { "kpi-actual", N_("Actual Value"), CJM_FIELD_TEXT },
      { "kpi-unit", N_("Unit"), CJM_FIELD_TEXT },
    } },
  { cjm_card_get_type, CARD (PAIN_POINT), N_("Pain Point"), NULL, {
      { "category", N_("Category"), CJM_FIELD_CHOICE },
      { "severity", N_("Severity"), CJM_FIELD_LEVEL },
      { "touchpoint-ids", N_("Touchpoints"), CJM_FIELD_LINKS },
    } },
  { cjm_card_get_type, CARD (PAIN_POINT), N_("Evidence"), N_("What shows that customers meet this problem"), {
      { "evidence-kind", N_("Source"), CJM_FIELD_CHOICE },
      { "evidence", N_("Note or Reference"), CJM_FIELD_LONG_TEXT },
    } },
  { cjm_card_get_type, CARD (OPPORTUNITY), N_("Opportunity"), NULL, {
      { "impact", N_("Impact"), CJM_FIELD_LEVEL },
      { "effort", N_("Effort"), CJM_FIELD_LEVEL },
      { "owner", N_("Owner"), CJM_FIELD_TEXT },
      { "status", N_("Status"), CJM_FIELD_CHOICE },
      { "pain-point-ids", N_("Pain Points"), CJM_FIELD_LINKS },
    } },
  { cjm_card_get_type, CARD (BACKSTAGE), N_("Backstage"), NULL, {
      { "department", N_("Department"), CJM_FIELD_CHOICE },
      { "owner", N_("Owner"), CJM_FIELD_TEXT },
    } },
  { cjm_card_get_type, 0, N_("Place in the Journey"), NULL, {
      { "step-id", N_("Step"), CJM_FIELD_STEP },
      { "lane-id", N_("Lane"), CJM_FIELD_LANE },
      { "persona-ids", N_("Personas"), CJM_FIELD_PERSONAS },
    } },

  { cjm_connection_get_type, 0, N_("Connection"), NULL, {
      { "from-id", N_("From"), CJM_FIELD_REFERENCE },
      { "to-id", N_("To"), CJM_FIELD_REFERENCE },
      { "label", N_("Label"), CJM_FIELD_TEXT },
    } },

  { cjm_emotion_get_type, 0, N_("Emotion"), NULL, {
      { "persona-id", N_("Persona"), CJM_FIELD_REFERENCE },
      { "step-id", N_("Step"), CJM_FIELD_REFERENCE },
      { "score", N_("How They Feel"), CJM_FIELD_SCORE },
      { "label", N_("Label"), CJM_FIELD_TEXT },
      { "quote", N_("Quote"), CJM_FIELD_LONG_TEXT },
    } },

  { cjm_revision_get_type, 0, N_("Revision"), NULL, {
      { "date", N_("Date"), CJM_FIELD_DATE },
      { "author", N_("Author"), CJM_FIELD_TEXT },
      { "note", N_("Note"), CJM_FIELD_LONG_TEXT },
    } },
};

struct _CjmElementEditor
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  CjmDocument *document;
  CjmElement  *element;
  GPtrArray   *rows;        /* CjmFieldRow */

  /* The map's revision log */
  GtkWidget   *revisions_group;
  GPtrArray   *revision_rows;
  GtkWidget   *revision_entry;
};

G_DEFINE_FINAL_TYPE (CjmElementEditor, cjm_element_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ELEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (CjmElementEditor *self);

static CjmHistory *
get_history (CjmElementEditor *self)
{
  return cjm_document_get_history (self->document);
}

static guint
element_kind_bit (CjmElement *element)
{
  if (CJM_IS_CARD (element))
    return 1u << cjm_card_get_kind (CJM_CARD (element));
  if (CJM_IS_LANE (element))
    return 1u << cjm_lane_get_kind (CJM_LANE (element));
  return 0;
}

static void
report_cb (gpointer    user_data,
           const char *message)
{
  GtkWidget *widget = user_data;

  /* The window shows it as a toast. */
  gtk_widget_activate_action (widget, "win.show-message", "s", message);
}

/* The revision log: the notes left at each review */

static void
add_revision_cb (CjmElementEditor *self)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->revision_entry));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *note_copy = g_strstrip (g_strdup (note));

  if (note_copy[0] == '\0')
    return;

  cjm_edit_add_revision (get_history (self), date, g_get_real_name (), note_copy);
  gtk_editable_set_text (GTK_EDITABLE (self->revision_entry), "");
}

static void
sync_revisions (CjmElementEditor *self)
{
  GListModel *revisions = cjm_map_get_revisions (CJM_MAP (self->element));
  guint n = g_list_model_get_n_items (revisions);

  for (guint i = 0; i < self->revision_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->revisions_group),
                                  g_ptr_array_index (self->revision_rows, i));
  g_ptr_array_set_size (self->revision_rows, 0);

  /* The latest first: it is what readers look for. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(CjmRevision) revision = g_list_model_get_item (revisions, i - 1);
      GtkWidget *row = adw_action_row_new ();
      const char *author = cjm_revision_get_author (revision);
      g_autofree char *subtitle = NULL;

      if (author != NULL && author[0] != '\0')
        /* Translators: a revision's date and its author, e.g. "2026-11-24 — Camille" */
        subtitle = g_strdup_printf (_("%s — %s"), cjm_revision_get_date (revision), author);
      else
        subtitle = g_strdup (cjm_revision_get_date (revision));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cjm_revision_get_note (revision));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->revisions_group), row);
      g_ptr_array_add (self->revision_rows, row);
    }
}

static void
build_revisions (CjmElementEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Revision Log"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What changed at each review, and who reviewed it"));

  self->revision_entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->revision_entry), _("Add a Revision Note"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->revision_entry), TRUE);
  g_signal_connect_object (self->revision_entry, "apply", G_CALLBACK (add_revision_cb),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->revision_entry);

  self->revisions_group = group;
  gtk_box_append (GTK_BOX (self->box), group);
  sync_revisions (self);
}

/* Following the model */

static void
element_notify_cb (CjmElementEditor *self,
                   GParamSpec       *pspec)
{
  /* A lane of another kind shows other fields. */
  if (CJM_IS_LANE (self->element) && g_str_equal (pspec->name, "kind"))
    {
      rebuild (self);
      return;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      CjmFieldRow *row = g_ptr_array_index (self->rows, i);
      const char *property = cjm_field_row_get_property (row);

      if (g_str_equal (property, pspec->name) ||
          (g_str_equal (property, "picture-data") && g_str_equal (pspec->name, "name")))
        cjm_field_row_sync (row);
    }
}

static void
map_changed_cb (CjmElementEditor *self)
{
  CjmMap *map = cjm_document_get_map (self->document);

  if (self->element == NULL)
    return;

  /* The element was deleted, or the map reloaded without it. */
  if (!CJM_IS_MAP (self->element) &&
      cjm_map_lookup (map, cjm_element_get_id (self->element)) != self->element)
    {
      cjm_element_editor_set_element (self, self->document, NULL);
      return;
    }

  /* Lists of other elements: steps, lanes, personas, linked cards. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      CjmFieldRow *row = g_ptr_array_index (self->rows, i);
      const char *property = cjm_field_row_get_property (row);

      if (g_str_has_suffix (property, "-id") || g_str_has_suffix (property, "-ids") ||
          (CJM_IS_LANE (self->element) && g_str_equal (property, "kind")))
        cjm_field_row_sync (row);
    }

  if (self->revisions_group != NULL &&
      g_list_model_get_n_items (cjm_map_get_revisions (map)) != self->revision_rows->len)
    sync_revisions (self);
}

static void
read_only_cb (CjmElementEditor *self)
{
  gtk_widget_set_sensitive (self->box, !cjm_document_get_read_only (self->document));
}

static void
clear (CjmElementEditor *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->revision_rows, 0);
  self->revisions_group = NULL;
  self->revision_entry = NULL;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
}

static void
rebuild (CjmElementEditor *self)
{
  CjmFieldContext context = { 0 };
  guint kind_bit;

  clear (self);

  if (self->element == NULL)
    return;

  context.history = get_history (self);
  context.element = self->element;
  context.report = report_cb;
  context.user_data = self;
  kind_bit = element_kind_bit (self->element);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      const GroupSpec *spec = &groups[g];
      GtkWidget *group;

      if (G_OBJECT_TYPE (self->element) != spec->get_type () ||
          (spec->kinds != 0 && !(spec->kinds & kind_bit)))
        continue;

      /* A group without a title continues the one before it. */
      group = gtk_widget_get_last_child (self->box);
      if (spec->title != NULL || group == NULL)
        {
          group = adw_preferences_group_new ();
          if (spec->title != NULL)
            adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(spec->title));
          if (spec->description != NULL)
            adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(spec->description));
          gtk_box_append (GTK_BOX (self->box), group);
        }

      for (guint f = 0; f < MAX_FIELDS && spec->fields[f].property != NULL; f++)
        {
          CjmFieldRow *row = cjm_field_row_new (&context, &spec->fields[f]);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), cjm_field_row_get_widget (row));
          g_ptr_array_add (self->rows, row);
        }
    }

  if (CJM_IS_MAP (self->element))
    build_revisions (self);
}

static void
cjm_element_editor_dispose (GObject *object)
{
  CjmElementEditor *self = (CjmElementEditor *)object;

  if (self->box != NULL)
    clear (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->element);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cjm_element_editor_parent_class)->dispose (object);
}

static void
cjm_element_editor_finalize (GObject *object)
{
  CjmElementEditor *self = (CjmElementEditor *)object;

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->revision_rows);

  G_OBJECT_CLASS (cjm_element_editor_parent_class)->finalize (object);
}

static void
cjm_element_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CjmElementEditor *self = CJM_ELEMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ELEMENT:
      g_value_set_object (value, self->element);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_element_editor_class_init (CjmElementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_element_editor_dispose;
  object_class->finalize = cjm_element_editor_finalize;
  object_class->get_property = cjm_element_editor_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CJM_TYPE_DOCUMENT,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ELEMENT] =
    g_param_spec_object ("element", NULL, NULL,
                         CJM_TYPE_ELEMENT,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cjm-element-editor");
}

static void
cjm_element_editor_init (CjmElementEditor *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)cjm_field_row_free);
  self->revision_rows = g_ptr_array_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
cjm_element_editor_new (void)
{
  return g_object_new (CJM_TYPE_ELEMENT_EDITOR, NULL);
}

CjmDocument *
cjm_element_editor_get_document (CjmElementEditor *self)
{
  g_return_val_if_fail (CJM_IS_ELEMENT_EDITOR (self), NULL);

  return self->document;
}

/**
 * cjm_element_editor_get_element:
 * @self: a #CjmElementEditor
 *
 * Returns: (transfer none) (nullable): the element edited
 */
CjmElement *
cjm_element_editor_get_element (CjmElementEditor *self)
{
  g_return_val_if_fail (CJM_IS_ELEMENT_EDITOR (self), NULL);

  return self->element;
}

/**
 * cjm_element_editor_set_element:
 * @self: a #CjmElementEditor
 * @document: (nullable): the document the element belongs to
 * @element: (nullable): the map, or an element of it, to edit
 *
 * Shows @element's fields, grouped by what they describe. Every change
 * the user makes is an undoable edit of @document's history.
 */
void
cjm_element_editor_set_element (CjmElementEditor *self,
                                CjmDocument      *document,
                                CjmElement       *element)
{
  g_return_if_fail (CJM_IS_ELEMENT_EDITOR (self));
  g_return_if_fail (document == NULL || CJM_IS_DOCUMENT (document));
  g_return_if_fail (element == NULL || CJM_IS_ELEMENT (element));
  g_return_if_fail (element == NULL || document != NULL);

  if (self->document == document && self->element == element)
    return;

  if (self->element != NULL)
    g_signal_handlers_disconnect_by_data (self->element, self);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (cjm_document_get_map (self->document), self);
    }

  g_set_object (&self->document, document);
  g_set_object (&self->element, element);

  if (self->document != NULL)
    {
      g_signal_connect_object (cjm_document_get_map (self->document), "changed",
                               G_CALLBACK (map_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->document, "notify::read-only",
                               G_CALLBACK (read_only_cb), self, G_CONNECT_SWAPPED);
      read_only_cb (self);
    }
  if (self->element != NULL)
    g_signal_connect_object (self->element, "notify",
                             G_CALLBACK (element_notify_cb), self, G_CONNECT_SWAPPED);

  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT]);
}
