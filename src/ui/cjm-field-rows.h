/* cjm-field-rows.h: one libadwaita row per field of an element
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-core.h"

G_BEGIN_DECLS

/* How a field is edited. */
typedef enum
{
  CJM_FIELD_TEXT,        /* one line: an entry row */
  CJM_FIELD_LONG_TEXT,   /* paragraphs: a text view under its label */
  CJM_FIELD_CHOICE,      /* an enumeration: a combo row of its words */
  CJM_FIELD_LEVEL,       /* 0 (not set) to 5: severity, impact, effort */
  CJM_FIELD_SCORE,       /* an emotion, −3 to +3 */
  CJM_FIELD_COLOR,       /* #rrggbb */
  CJM_FIELD_DATE,        /* YYYY-MM-DD, with a calendar */
  CJM_FIELD_PICTURE,     /* a persona's picture, embedded */
  CJM_FIELD_PERSONAS,    /* a card's personas: a list to tick */
  CJM_FIELD_LINKS,       /* the cards a pain point or opportunity answers */
  CJM_FIELD_STEP,        /* the step a card starts at */
  CJM_FIELD_LANE,        /* the lane a card is in */
  CJM_FIELD_REFERENCE,   /* another element, named, not edited here */
} CjmFieldKind;

typedef struct
{
  const char   *property;
  const char   *label;      /* translatable, marked with N_() */
  CjmFieldKind  kind;
} CjmFieldSpec;

/* A row bound to one field of one element: it shows the field's value,
 * follows the model, and turns what the user does into undoable edits. */
typedef struct _CjmFieldRow CjmFieldRow;

typedef struct
{
  CjmHistory *history;
  CjmElement *element;
  /* Where a row reports what the user should know (a picture too large). */
  void      (*report) (gpointer    user_data,
                       const char *message);
  gpointer    user_data;
} CjmFieldContext;

CjmFieldRow *cjm_field_row_new      (const CjmFieldContext *context,
                                     const CjmFieldSpec    *spec);
void         cjm_field_row_free     (CjmFieldRow           *row);
GtkWidget   *cjm_field_row_get_widget (CjmFieldRow         *row);
const char  *cjm_field_row_get_property (CjmFieldRow       *row);
void         cjm_field_row_sync     (CjmFieldRow           *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmFieldRow, cjm_field_row_free)

G_END_DECLS
