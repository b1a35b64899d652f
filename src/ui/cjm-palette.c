/* cjm-palette.c: the kinds of card and the channels, to drag onto the map
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-palette"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-palette.h"

/* A compact list beside the map. Dragged onto a cell, an item makes a card
 * there (the canvas's drop target does it); activated with the keyboard or
 * a click, it asks for one where the focus is (#CjmPalette::item-activated). */

struct _CjmPalette
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
};

G_DEFINE_FINAL_TYPE (CjmPalette, cjm_palette, GTK_TYPE_WIDGET)

static gpointer
palette_item_copy (gpointer item)
{
  return g_memdup2 (item, sizeof (CjmPaletteItem));
}

G_DEFINE_BOXED_TYPE (CjmPaletteItem, cjm_palette_item, palette_item_copy, g_free)

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CjmCardKind  kind;
  CjmChannel   channel;
  const char  *icon;
} Entry;

static const Entry card_entries[] = {
  { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_UNSPECIFIED, "cjm-card-touchpoint-symbolic" },
  { CJM_CARD_KIND_NOTE, CJM_CHANNEL_UNSPECIFIED, "cjm-card-note-symbolic" },
  { CJM_CARD_KIND_PAIN_POINT, CJM_CHANNEL_UNSPECIFIED, "cjm-lane-pain-points-symbolic" },
  { CJM_CARD_KIND_OPPORTUNITY, CJM_CHANNEL_UNSPECIFIED, "cjm-lane-opportunities-symbolic" },
  { CJM_CARD_KIND_METRIC, CJM_CHANNEL_UNSPECIFIED, "cjm-lane-metrics-symbolic" },
  { CJM_CARD_KIND_BACKSTAGE, CJM_CHANNEL_UNSPECIFIED, "cjm-lane-backstage-symbolic" },
};

static const Entry channel_entries[] = {
  { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_WEBSITE, "cjm-channel-website-symbolic" },
  { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_MOBILE_APP, "cjm-channel-mobile-app-symbolic" },
  { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_SOCIAL_NETWORK, "cjm-channel-social-network-symbolic" },
  { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_STORE, "cjm-channel-store-symbolic" },
  { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_CALL_CENTRE, "cjm-channel-call-centre-symbolic" },
  { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_EMAIL, "cjm-channel-email-symbolic" },
  { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_LIVE_CHAT, "cjm-channel-live-chat-symbolic" },
  { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_EVENT, "cjm-channel-event-symbolic" },
  { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_DEMO, "cjm-channel-demo-symbolic" },
  { CJM_CARD_KIND_TOUCHPOINT, CJM_CHANNEL_SALES_CALL, "cjm-channel-sales-call-symbolic" },
};

static const Entry *
entry_of_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cjm-palette-entry");
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  const Entry *entry = entry_of_row (row);
  CjmPaletteItem item = { entry->kind, entry->channel };
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, (int)x, (int)y);

  return gdk_content_provider_new_typed (CJM_TYPE_PALETTE_ITEM, &item);
}

static void
row_activated_cb (CjmPalette    *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  const Entry *entry = entry_of_row (GTK_WIDGET (row));
  CjmPaletteItem item = { entry->kind, entry->channel };
  g_autofree char *text = cjm_palette_item_to_string (&item);

  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, text);
}

static GtkWidget *
make_list (CjmPalette  *self,
           const char  *heading,
           const Entry *entries,
           guint        n_entries)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < n_entries; i++)
    {
      const Entry *entry = &entries[i];
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *row_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *name;
      GtkDragSource *source;
      const char *words = entry->channel != CJM_CHANNEL_UNSPECIFIED
                          ? cjm_channel_get_label (entry->channel)
                          : cjm_card_kind_get_label (entry->kind);

      gtk_widget_set_margin_start (row_box, 8);
      gtk_widget_set_margin_end (row_box, 8);
      gtk_widget_set_margin_top (row_box, 6);
      gtk_widget_set_margin_bottom (row_box, 6);
      gtk_box_append (GTK_BOX (row_box), gtk_image_new_from_icon_name (entry->icon));
      name = gtk_label_new (words);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (row_box), name);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), row_box);

      g_object_set_data (G_OBJECT (row), "cjm-palette-entry", (gpointer)entry);
      gtk_widget_set_tooltip_text (row, _("Drag onto the map, or press Enter to add one where the focus is"));

      source = gtk_drag_source_new ();
      gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_box_append (GTK_BOX (box), list);

  return box;
}

static void
cjm_palette_dispose (GObject *object)
{
  CjmPalette *self = (CjmPalette *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (cjm_palette_parent_class)->dispose (object);
}

static void
cjm_palette_class_init (CjmPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_palette_dispose;

  /**
   * CjmPalette::item-activated:
   * @self: the palette
   * @item: the item, as cjm_palette_item_to_string() gives it
   *
   * The user asked for a card of this kind where the focus is.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cjm-palette");
}

static void
cjm_palette_init (CjmPalette *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  gtk_box_append (GTK_BOX (box), make_list (self, _("Cards"), card_entries, G_N_ELEMENTS (card_entries)));
  gtk_box_append (GTK_BOX (box), make_list (self, _("Channels"), channel_entries, G_N_ELEMENTS (channel_entries)));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);

  self->box = scrolled;
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
  gtk_widget_set_size_request (GTK_WIDGET (self), 190, -1);
}

GtkWidget *
cjm_palette_new (void)
{
  return g_object_new (CJM_TYPE_PALETTE, NULL);
}
