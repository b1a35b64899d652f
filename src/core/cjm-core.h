/* cjm-core.h: everything the core library offers, for the UI, the command
 * line and the tests.
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-card.h"
#include "cjm-command.h"
#include "cjm-connection.h"
#include "cjm-edit.h"
#include "cjm-element.h"
#include "cjm-emotion.h"
#include "cjm-enum-types.h"
#include "cjm-enums.h"
#include "cjm-file.h"
#include "cjm-format.h"
#include "cjm-history.h"
#include "cjm-json.h"
#include "cjm-lane.h"
#include "cjm-map.h"
#include "cjm-persona.h"
#include "cjm-problem.h"
#include "cjm-revision.h"
#include "cjm-stage.h"
#include "cjm-step.h"
#include "cjm-types.h"
#include "cjm-xml.h"
