/* cjm-element-private.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-element.h"
#include "cjm-extras.h"

G_BEGIN_DECLS

CjmExtras *_cjm_element_get_extras    (CjmElement *self);
CjmExtras *_cjm_element_ensure_extras (CjmElement *self);
void       _cjm_element_take_extras   (CjmElement *self,
                                       CjmExtras  *extras);

G_END_DECLS
