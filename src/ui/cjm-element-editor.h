/* cjm-element-editor.h: preference rows that edit an element's fields
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-core.h"
#include "cjm-document.h"

G_BEGIN_DECLS

#define CJM_TYPE_ELEMENT_EDITOR (cjm_element_editor_get_type ())

G_DECLARE_FINAL_TYPE (CjmElementEditor, cjm_element_editor, CJM, ELEMENT_EDITOR, GtkWidget)

GtkWidget   *cjm_element_editor_new          (void);
CjmDocument *cjm_element_editor_get_document (CjmElementEditor *self);
CjmElement  *cjm_element_editor_get_element  (CjmElementEditor *self);
void         cjm_element_editor_set_element  (CjmElementEditor *self,
                                              CjmDocument      *document,
                                              CjmElement       *element);

G_END_DECLS
