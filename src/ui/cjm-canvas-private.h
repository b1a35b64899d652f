/* cjm-canvas-private.h: what the canvas's files share
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-canvas.h"
#include "cjm-emotion-popover.h"
#include "cjm-drop.h"
#include "cjm-navigation.h"

G_BEGIN_DECLS

/* The canvas is spread over files sharing this struct:
 *   cjm-canvas.c           the widget: document, scrolling, zoom, sizing
 *   cjm-canvas-render.c    drawing the map, from images kept between frames
 *   cjm-canvas-overlay.c   drawing selection, focus, hover, drops and drags
 *   cjm-canvas-input.c     the pointer: clicks, drags, scrolling, drops
 *   cjm-canvas-keyboard.c  actions and keys for the focus, the selection
 *                          and moves; what a screen reader hears
 *   cjm-canvas-edit.c      editing in place, the clipboard, adding, and
 *                          the context menus */

/* Tiles of the parts of the map that lie under the cards, in pixels. */
#define CJM_CANVAS_TILE_SIZE 256

typedef enum
{
  DRAG_NONE,
  DRAG_PENDING,       /* the button is down; not far enough to be a drag yet */
  DRAG_CARDS,
  DRAG_RESIZE,
  DRAG_CONNECT,
  DRAG_HEADER,
  DRAG_RUBBER_BAND,
  DRAG_PAN,
  DRAG_PALETTE,       /* something from the palette, over the canvas */
  DRAG_EMOTION,       /* an emotion point, up or down to another score */
} CjmDragMode;

typedef struct
{
  CjmDragMode     mode;
  CjmDragMode     pending;     /* what a PENDING drag becomes once it moves */
  double          start_x;     /* where it began, in widget coordinates */
  double          start_y;
  double          x;           /* where the pointer is now */
  double          y;
  double          start_value_x;
  double          start_value_y;
  CjmElement     *element;     /* the card or header it began on */
  GPtrArray      *cards;       /* CARDS: the cards dragged */
  CjmRect         grab_rect;   /* the element's rectangle when it began */
  GdkModifierType state;
  CjmDrop         drop;
  CjmPaletteItem  item;        /* PALETTE */
  char          **band_base;   /* RUBBER_BAND: the selection it adds to (Shift/Ctrl) */
  int             emotion_score; /* EMOTION: the score it would get */
} CjmDrag;

typedef struct
{
  cairo_surface_t *surface;    /* an image at the zoom and scale it was made for */
  CjmRect          rect;       /* what it was drawn for, in map units */
  double           zoom;
  int              x;          /* where it goes, in pixels of the map at @zoom */
  int              y;
  int              width;      /* its size in those pixels */
  int              height;
  guint64          last_used;  /* the frame */
} CjmCachedImage;

/* The tiles made at one zoom. */
typedef struct
{
  double         zoom;
  GHashTable    *tiles;        /* tile key → CjmCachedImage */
  gboolean       with_cards;   /* at low zoom, the cards are in the tiles */
} CjmTileSet;

struct _CjmCanvas
{
  GtkWidget       parent_instance;

  CjmDocument    *document;
  CjmMap         *map;
  CjmHistory     *history;
  CjmLayout      *layout;
  CjmSelection   *selection;
  GSignalGroup   *layout_signals;
  GSignalGroup   *cards_signals;
  GSignalGroup   *lanes_signals;
  GSignalGroup   *personas_signals;

  /* Scrolling and zoom */
  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  double          zoom;
  double          text_scale;
  guint           hscroll_policy : 1;
  guint           vscroll_policy : 1;

  /* Drawing: nodes kept between frames (cjm-canvas-render.c) */
  GHashTable     *card_images;   /* CjmCard → CjmCachedImage */
  GHashTable     *label_images;  /* CjmConnection → CjmCachedImage */
  CjmTileSet     *tiles;         /* at the zoom shown */
  CjmTileSet     *overview;      /* the whole map at a low zoom, cards and all */
  CjmCachedImage *zoom_image;    /* the view when a zoom began, shown scaled */
  CjmTheme        theme;
  int             scale_factor;
  guint64         frame;
  gint64          deadline;       /* when this frame stops making images */
  guint64         serial;         /* changes with what the base node shows */
  GskRenderNode  *base;           /* the map, composited from the images */
  char           *base_key;
  GskRenderNode  *overlay;        /* selection, focus, hover */
  char           *overlay_key;
  GskRenderNode  *drop_overlay;   /* the drop target */
  char           *drop_overlay_key;
  guint           tick_id;        /* a frame to make what this one had no time for */
  guint           settle_id;      /* a frame once the zoom stops changing */
  guint           prefetch_id;    /* images made ahead, between frames */
  gint64          zoom_changed_at;

  /* The pointer */
  char           *hovered_id;
  CjmDrag         drag;
  GtkGesture     *drag_gesture;
  guint           autoscroll_id;
  double          pointer_x;
  double          pointer_y;
  double          pinch_zoom;
  guint           space_held : 1;

  /* The keyboard */
  GtkWidget      *editor;         /* a GtkEntry over what is edited in place */
  char           *editing_id;
  char           *editing_property;
  GtkWidget      *context_menu;
  CjmEmotionPopover *emotion_popover;  /* the last one opened: a child */
  int             context_lane;   /* the cell the context menu was opened on */
  int             context_column;
  guint           forget_context_id; /* after the context menu's action */
  char           *connection_card_id; /* the card whose connections C goes through */
  char           *connect_from_id;    /* Ctrl+K: the card a connection is made from */
  guint           presenting : 1;
  guint           focus_visible : 1;  /* keys were used since the last press */
};

/* cjm-canvas.c */
void           _cjm_canvas_get_origin          (CjmCanvas      *self,
                                                int            *x,
                                                int            *y);
void           _cjm_canvas_get_visible_rect    (CjmCanvas      *self,
                                                CjmRect        *rect);
void           _cjm_canvas_show_message        (CjmCanvas      *self,
                                                const char     *message);
void           _cjm_canvas_show_error          (CjmCanvas      *self,
                                                GError         *error);
void           _cjm_canvas_scroll_by           (CjmCanvas      *self,
                                                double          dx,
                                                double          dy);
void           _cjm_canvas_update_actions      (CjmCanvas      *self);
void           _cjm_canvas_write_test_geometry (CjmCanvas      *self);

/* cjm-canvas-render.c */
void           _cjm_canvas_render_init         (CjmCanvas      *self);
void           _cjm_canvas_render_clear        (CjmCanvas      *self);
void           _cjm_canvas_render_dispose      (CjmCanvas      *self);
void           _cjm_canvas_render_card_changed (CjmCanvas      *self,
                                                CjmCard        *card);
void           _cjm_canvas_render_map_changed  (CjmCanvas      *self);
void           _cjm_canvas_render_invalidate_overlay (CjmCanvas *self);
void           _cjm_canvas_render_zoom_begin   (CjmCanvas      *self);
gboolean       _cjm_canvas_render_is_zooming   (CjmCanvas      *self);
void           _cjm_canvas_snapshot            (GtkWidget      *widget,
                                                GtkSnapshot    *snapshot);
void           _cjm_canvas_init_render_options (CjmCanvas        *self,
                                                CjmRenderOptions *options);
void           _cjm_canvas_pixel_bounds        (double          zoom,
                                                const CjmRect  *rect,
                                                int             pad,
                                                int            *x,
                                                int            *y,
                                                int            *width,
                                                int            *height);
gboolean       _cjm_canvas_paint_card          (CjmCanvas       *self,
                                                cairo_t         *cr,
                                                CjmCard         *card,
                                                int              dx,
                                                int              dy,
                                                double           alpha,
                                                graphene_rect_t *bounds);

/* cjm-canvas-overlay.c */
void           _cjm_canvas_snapshot_overlay    (CjmCanvas      *self,
                                                GtkSnapshot    *snapshot,
                                                const CjmRect  *visible,
                                                int             origin_x,
                                                int             origin_y);
void           _cjm_canvas_snapshot_drag       (CjmCanvas      *self,
                                                GtkSnapshot    *snapshot,
                                                int             origin_x,
                                                int             origin_y);

/* cjm-canvas-input.c */
void           _cjm_canvas_input_init          (CjmCanvas      *self);
void           _cjm_canvas_drag_cancel         (CjmCanvas      *self);
void           _cjm_canvas_press               (CjmCanvas      *self,
                                                double          x,
                                                double          y,
                                                GdkModifierType state);
void           _cjm_canvas_motion              (CjmCanvas      *self,
                                                double          x,
                                                double          y);
void           _cjm_canvas_release             (CjmCanvas      *self,
                                                double          x,
                                                double          y);
void           _cjm_canvas_snapshot_emotion_drag (CjmCanvas    *self,
                                                GtkSnapshot    *snapshot,
                                                int             origin_x,
                                                int             origin_y);

/* cjm-canvas-keyboard.c */
CjmElement    *_cjm_canvas_get_focused_element (CjmCanvas      *self);
GPtrArray     *_cjm_canvas_dup_selected_cards  (CjmCanvas      *self) G_GNUC_WARN_UNUSED_RESULT;
void           _cjm_canvas_select_cards        (CjmCanvas      *self,
                                                GPtrArray      *cards);
void           _cjm_canvas_keyboard_class_init (GtkWidgetClass *widget_class);
void           _cjm_canvas_keyboard_init       (CjmCanvas      *self);
void           _cjm_canvas_keyboard_dispose    (CjmCanvas      *self);
void           _cjm_canvas_update_accessible   (CjmCanvas      *self);
void           _cjm_canvas_focus_element       (CjmCanvas      *self,
                                                const char     *id,
                                                gboolean        scroll);
void           _cjm_canvas_popup_menu          (CjmCanvas      *self,
                                                double          x,
                                                double          y);
gboolean       _cjm_canvas_get_focus_shown     (CjmCanvas      *self);
void           _cjm_canvas_set_focus_visible   (CjmCanvas      *self,
                                                gboolean        visible);

/* cjm-canvas-edit.c */
void           _cjm_canvas_edit_class_init     (GtkWidgetClass *widget_class);
void           _cjm_canvas_edit_dispose        (CjmCanvas      *self);
void           _cjm_canvas_stop_editing        (CjmCanvas      *self,
                                                gboolean        commit);
void           _cjm_canvas_allocate_editor     (CjmCanvas      *self);

G_END_DECLS
