/* cjm-drop.h: what a drag on the canvas does where it is dropped
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-core.h"

G_BEGIN_DECLS

/* The canvas's gestures, palette drops and keyboard moves, from a point of
 * the map (as the layout hit-tests it) to the undoable edit they make.
 * Nothing here knows GTK: the tests call these without a display, with the
 * same arguments the canvas passes. Points are in map units.
 *
 * Each drag resolves its drop on every motion (to draw the highlight), and
 * applies the last one resolved when the button is released. */

typedef enum
{
  CJM_DROP_NONE,       /* nowhere it could go; @message says why, if anything */
  CJM_DROP_MOVE,       /* cards into a cell (@lane, @column) at @index */
  CJM_DROP_LINK,       /* a pain point onto a touchpoint, an opportunity onto a pain point */
  CJM_DROP_CONNECT,    /* an arrow from a card to @target */
  CJM_DROP_RESIZE,     /* a card to @span steps */
  CJM_DROP_STAGE,      /* a stage to @position among the stages */
  CJM_DROP_STEP,       /* a step to @position among the steps of @stage */
  CJM_DROP_LANE,       /* a lane to @position among the lanes */
  CJM_DROP_CREATE,     /* a new card from the palette, into a cell */
} CjmDropKind;

typedef struct
{
  CjmDropKind  kind;
  /* The cell under the point and where a card goes among its cards; -1
   * when there is none. The canvas highlights it. */
  int          lane;
  int          column;
  int          index;
  CjmCard     *target;    /* LINK, CONNECT: the card dropped on (owned by the map) */
  CjmStage    *stage;     /* STEP: the stage it goes to (owned by the map) */
  guint        position;  /* STAGE, STEP, LANE: the place it takes, counted without it */
  int          span;      /* RESIZE */
  /* STAGE, STEP, LANE: the line between headers where it would go. */
  CjmRect      marker;
  /* NONE: why it cannot go there, in words for the user; NULL if there is
   * nothing to say (the pointer is outside the map). Static or translated. */
  const char  *message;
} CjmDrop;

/* What the palette holds: a kind of card, or a channel (a touchpoint on
 * that channel's lane). As text: "card:pain-point", "channel:website". */
typedef struct
{
  CjmCardKind kind;
  CjmChannel  channel;    /* UNSPECIFIED for a plain card kind */
} CjmPaletteItem;

void         cjm_drop_init                  (CjmDrop              *drop);
gboolean     cjm_palette_item_parse         (const char           *text,
                                             CjmPaletteItem       *item);
char        *cjm_palette_item_to_string     (const CjmPaletteItem *item) G_GNUC_WARN_UNUSED_RESULT;
int          cjm_lane_kind_get_card_kind    (CjmLaneKind           kind);
int          cjm_list_model_index_of        (GListModel           *model,
                                             gpointer              item);

/* Resolving: where would it go? */
void         cjm_drop_resolve_cards         (CjmLayout            *layout,
                                             GPtrArray            *cards,
                                             CjmCard              *grabbed,
                                             double                x,
                                             double                y,
                                             CjmDrop              *drop);
void         cjm_drop_resolve_connect       (CjmLayout            *layout,
                                             CjmCard              *from,
                                             double                x,
                                             double                y,
                                             CjmDrop              *drop);
void         cjm_drop_resolve_resize        (CjmLayout            *layout,
                                             CjmCard              *card,
                                             double                x,
                                             CjmDrop              *drop);
void         cjm_drop_resolve_header        (CjmLayout            *layout,
                                             CjmElement           *header,
                                             double                x,
                                             double                y,
                                             CjmDrop              *drop);
void         cjm_drop_resolve_palette       (CjmLayout            *layout,
                                             const CjmPaletteItem *item,
                                             double                x,
                                             double                y,
                                             CjmDrop              *drop);

/* Applying: one undoable step each, or nothing and an error. */
gboolean     cjm_drop_apply                 (CjmHistory           *history,
                                             CjmLayout            *layout,
                                             const CjmDrop        *drop,
                                             GPtrArray            *cards,
                                             CjmElement           *dragged,
                                             GError              **error);
CjmCard     *cjm_drop_create                (CjmHistory           *history,
                                             CjmLayout            *layout,
                                             const CjmPaletteItem *item,
                                             int                   lane,
                                             int                   column,
                                             int                   index,
                                             GError              **error);

/* The keyboard's moves: one cell, one place or one header at a time. */
gboolean     cjm_drop_nudge                 (CjmHistory           *history,
                                             CjmLayout            *layout,
                                             CjmElement           *element,
                                             int                   dx,
                                             int                   dy,
                                             GError              **error);

G_END_DECLS
