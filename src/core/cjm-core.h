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
#include "cjm-curve.h"
#include "cjm-document.h"
#include "cjm-edit.h"
#include "cjm-element.h"
#include "cjm-emotion.h"
#include "cjm-enum-types.h"
#include "cjm-enums.h"
#include "cjm-export.h"
#include "cjm-file.h"
#include "cjm-file-monitor.h"
#include "cjm-format.h"
#include "cjm-group-command.h"
#include "cjm-history.h"
#include "cjm-json.h"
#include "cjm-labels.h"
#include "cjm-lane.h"
#include "cjm-layout.h"
#include "cjm-list-command.h"
#include "cjm-lock.h"
#include "cjm-map.h"
#include "cjm-map-sync.h"
#include "cjm-merge.h"
#include "cjm-persona.h"
#include "cjm-problem.h"
#include "cjm-property-command.h"
#include "cjm-recovery.h"
#include "cjm-render.h"
#include "cjm-revision.h"
#include "cjm-save.h"
#include "cjm-selection.h"
#include "cjm-stage.h"
#include "cjm-step.h"
#include "cjm-types.h"
#include "cjm-xml.h"
