/* cjm-map-check-private.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-element.h"

G_BEGIN_DECLS

char *_cjm_element_describe (CjmElement *element) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
