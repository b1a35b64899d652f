/* cjm-types.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CjmCard       CjmCard;
typedef struct _CjmCommand    CjmCommand;
typedef struct _CjmConnection CjmConnection;
typedef struct _CjmEmotion    CjmEmotion;
typedef struct _CjmHistory    CjmHistory;
typedef struct _CjmLane       CjmLane;
typedef struct _CjmMap        CjmMap;
typedef struct _CjmPersona    CjmPersona;
typedef struct _CjmRevision   CjmRevision;
typedef struct _CjmStage      CjmStage;
typedef struct _CjmStep       CjmStep;

G_END_DECLS
