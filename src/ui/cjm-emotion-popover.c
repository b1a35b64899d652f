/* cjm-emotion-popover.c: editing an emotion's label and quote
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-emotion-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-emotion-popover.h"

/* One popover for the emotion curve widget and the canvas's emotion
 * lanes: it opens on a point, edits its label and quote, and writes them
 * when it closes, as one undoable step. Its owner keeps it until it opens
 * another or goes away (cjm_emotion_popover_replace()): a popover that
 * removed itself while GTK still delivers its last events would crash. */

struct _CjmEmotionPopover
{
  GtkPopover   parent_instance;

  CjmHistory  *history;
  CjmEmotion  *emotion;

  GtkWidget   *heading;
  GtkWidget   *label_entry;
  GtkWidget   *quote_view;

  guint        committed : 1;
};

G_DEFINE_FINAL_TYPE (CjmEmotionPopover, cjm_emotion_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_EMOTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_quote (CjmEmotionPopover *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->quote_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
closed_cb (CjmEmotionPopover *self)
{
  cjm_emotion_popover_commit (self);
}

static void
activate_cb (CjmEmotionPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
cjm_emotion_popover_dispose (GObject *object)
{
  CjmEmotionPopover *self = (CjmEmotionPopover *)object;

  g_clear_object (&self->history);
  g_clear_object (&self->emotion);

  G_OBJECT_CLASS (cjm_emotion_popover_parent_class)->dispose (object);
}

static void
cjm_emotion_popover_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CjmEmotionPopover *self = CJM_EMOTION_POPOVER (object);

  switch (prop_id)
    {
    case PROP_EMOTION:
      g_value_set_object (value, self->emotion);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_emotion_popover_class_init (CjmEmotionPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cjm_emotion_popover_dispose;
  object_class->get_property = cjm_emotion_popover_get_property;

  properties[PROP_EMOTION] =
    g_param_spec_object ("emotion", NULL, NULL, CJM_TYPE_EMOTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_emotion_popover_init (CjmEmotionPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption;
  GtkWidget *scrolled;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->heading), 30);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_box_append (GTK_BOX (box), self->heading);

  caption = gtk_label_new_with_mnemonic (_("_Label"));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);
  self->label_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->label_entry), _("A word for the feeling"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), self->label_entry);
  g_signal_connect_object (self->label_entry, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->label_entry);

  caption = gtk_label_new_with_mnemonic (_("_Quote"));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 72);
  gtk_widget_set_size_request (scrolled, 260, -1);
  gtk_widget_add_css_class (scrolled, "card");
  self->quote_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->quote_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->quote_view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->quote_view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->quote_view), 4);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->quote_view), 4);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), self->quote_view);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->quote_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quote"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->quote_view);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  g_signal_connect (self, "closed", G_CALLBACK (closed_cb), NULL);
}

/**
 * cjm_emotion_popover_popup:
 * @parent: the widget the popover points into
 * @history: the history of the emotion's map
 * @emotion: the emotion to edit
 * @pointing_to: (nullable): where it points, in @parent's coordinates
 *
 * Opens a popover on @parent to edit @emotion's label and quote; they are
 * written when it closes. @parent must present it in its size_allocate
 * and remove it with cjm_emotion_popover_replace().
 *
 * Returns: (transfer none): the popover, owned by @parent
 */
CjmEmotionPopover *
cjm_emotion_popover_popup (GtkWidget          *parent,
                           CjmHistory         *history,
                           CjmEmotion         *emotion,
                           const GdkRectangle *pointing_to)
{
  CjmEmotionPopover *self;
  CjmMap *map;
  CjmPersona *persona;
  CjmStep *step;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (CJM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (CJM_IS_EMOTION (emotion), NULL);

  self = g_object_new (CJM_TYPE_EMOTION_POPOVER, NULL);
  self->history = g_object_ref (history);
  self->emotion = g_object_ref (emotion);

  map = cjm_history_get_map (history);
  persona = cjm_map_lookup_typed (map, cjm_emotion_get_persona_id (emotion), CJM_TYPE_PERSONA);
  step = cjm_map_lookup_typed (map, cjm_emotion_get_step_id (emotion), CJM_TYPE_STEP);
  /* Translators: a heading, e.g. "Camille at “Searches online”: Annoyed" */
  heading = g_strdup_printf (_("%s at “%s”: %s"),
                             persona != NULL ? cjm_persona_get_name (persona) : "",
                             step != NULL ? cjm_step_get_name (step) : "",
                             cjm_emotion_score_get_label (cjm_emotion_get_score (emotion)));
  gtk_label_set_text (GTK_LABEL (self->heading), heading);
  cjm_emotion_popover_set_texts (self, cjm_emotion_get_label (emotion),
                                 cjm_emotion_get_quote (emotion));

  gtk_widget_set_parent (GTK_WIDGET (self), parent);
  if (pointing_to != NULL)
    gtk_popover_set_pointing_to (GTK_POPOVER (self), pointing_to);
  gtk_popover_popup (GTK_POPOVER (self));
  gtk_widget_grab_focus (self->label_entry);

  return self;
}

/**
 * cjm_emotion_popover_get_emotion:
 * @self: a #CjmEmotionPopover
 *
 * Returns: (transfer none): the emotion edited
 */
CjmEmotion *
cjm_emotion_popover_get_emotion (CjmEmotionPopover *self)
{
  g_return_val_if_fail (CJM_IS_EMOTION_POPOVER (self), NULL);

  return self->emotion;
}

/**
 * cjm_emotion_popover_set_texts:
 * @self: a #CjmEmotionPopover
 * @label: (nullable): the label shown in its entry
 * @quote: (nullable): the quote shown in its text view
 *
 * Fills the fields, as if typed: nothing is written before the popover
 * closes or cjm_emotion_popover_commit() is called.
 */
void
cjm_emotion_popover_set_texts (CjmEmotionPopover *self,
                               const char        *label,
                               const char        *quote)
{
  g_return_if_fail (CJM_IS_EMOTION_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), label != NULL ? label : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->quote_view)),
                            quote != NULL ? quote : "", -1);
}

/**
 * cjm_emotion_popover_commit:
 * @self: a #CjmEmotionPopover
 *
 * Writes the label and quote typed, as one undoable step; nothing if they
 * did not change or the emotion is no longer in the map. Closing the
 * popover commits; a second commit does nothing.
 */
void
cjm_emotion_popover_commit (CjmEmotionPopover *self)
{
  g_autofree char *label = NULL;
  g_autofree char *quote = NULL;
  gboolean label_changed, quote_changed;
  CjmMap *map;

  g_return_if_fail (CJM_IS_EMOTION_POPOVER (self));

  if (self->committed || self->emotion == NULL)
    return;
  self->committed = TRUE;

  map = cjm_history_get_map (self->history);
  if (cjm_map_lookup (map, cjm_element_get_id (CJM_ELEMENT (self->emotion))) !=
      CJM_ELEMENT (self->emotion))
    return;

  label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry))));
  quote = g_strstrip (dup_quote (self));
  label_changed = g_strcmp0 (label, cjm_emotion_get_label (self->emotion) ?: "") != 0;
  quote_changed = g_strcmp0 (quote, cjm_emotion_get_quote (self->emotion) ?: "") != 0;

  if (!label_changed && !quote_changed)
    return;

  cjm_history_begin_group (self->history, _("Edit Emotion"));
  if (label_changed)
    cjm_edit_set_string (self->history, self->emotion, "label", *label ? label : NULL);
  if (quote_changed)
    cjm_edit_set_string (self->history, self->emotion, "quote", *quote ? quote : NULL);
  cjm_history_end_group (self->history);
  cjm_history_break_merge (self->history);
}

/**
 * cjm_emotion_describe:
 * @map: the map of @emotion
 * @emotion: an emotion
 *
 * What a tooltip or a screen reader says of an emotion: its persona, step,
 * score, label and quote, on lines.
 *
 * Returns: (transfer full): the text
 */
char *
cjm_emotion_describe (CjmMap     *map,
                      CjmEmotion *emotion)
{
  CjmPersona *persona;
  CjmStep *step;
  GString *text;
  int score;

  g_return_val_if_fail (CJM_IS_MAP (map), NULL);
  g_return_val_if_fail (CJM_IS_EMOTION (emotion), NULL);

  persona = cjm_map_lookup_typed (map, cjm_emotion_get_persona_id (emotion), CJM_TYPE_PERSONA);
  step = cjm_map_lookup_typed (map, cjm_emotion_get_step_id (emotion), CJM_TYPE_STEP);
  score = cjm_emotion_get_score (emotion);
  text = g_string_new (NULL);

  /* Translators: e.g. "Camille at “Searches online”: −2, Annoyed" */
  g_string_append_printf (text, _("%s at “%s”: %s%d, %s"),
                          persona != NULL ? cjm_persona_get_name (persona) : "",
                          step != NULL ? cjm_step_get_name (step) : "",
                          score > 0 ? "+" : score < 0 ? "−" : "", ABS (score),
                          cjm_emotion_score_get_label (score));
  if (cjm_emotion_get_label (emotion) != NULL)
    g_string_append_printf (text, "\n%s", cjm_emotion_get_label (emotion));
  if (cjm_emotion_get_quote (emotion) != NULL)
    g_string_append_printf (text, "\n“%s”", cjm_emotion_get_quote (emotion));

  return g_string_free (text, FALSE);
}

/**
 * cjm_emotion_popover_replace:
 * @popover: (inout) (nullable): where the owner keeps its popover
 * @replacement: (nullable) (transfer none): the new popover, or %NULL
 *
 * Removes the popover an owner had from it, once closed, and keeps the
 * new one instead.
 */
void
cjm_emotion_popover_replace (CjmEmotionPopover **popover,
                             CjmEmotionPopover  *replacement)
{
  g_return_if_fail (popover != NULL);

  if (*popover == replacement)
    return;

  if (*popover != NULL)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (*popover)))
        gtk_popover_popdown (GTK_POPOVER (*popover));
      gtk_widget_unparent (GTK_WIDGET (*popover));
    }

  *popover = replacement;
}
