/* cjm-persona.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cjm-element.h"
#include "cjm-enums.h"

G_BEGIN_DECLS

#define CJM_TYPE_PERSONA (cjm_persona_get_type ())

G_DECLARE_FINAL_TYPE (CjmPersona, cjm_persona, CJM, PERSONA, CjmElement)

CjmPersona     *cjm_persona_new                     (const char *id) G_GNUC_WARN_UNUSED_RESULT;
const char     *cjm_persona_get_color               (CjmPersona *self);
CjmEnvironment  cjm_persona_get_environment         (CjmPersona *self);
const char     *cjm_persona_get_picture             (CjmPersona *self);
const char     *cjm_persona_get_picture_type        (CjmPersona *self);
const char     *cjm_persona_get_name                (CjmPersona *self);
const char     *cjm_persona_get_quote               (CjmPersona *self);
const char     *cjm_persona_get_profession          (CjmPersona *self);
const char     *cjm_persona_get_location            (CjmPersona *self);
const char     *cjm_persona_get_family              (CjmPersona *self);
const char     *cjm_persona_get_gender              (CjmPersona *self);
const char     *cjm_persona_get_age_range           (CjmPersona *self);
const char     *cjm_persona_get_income              (CjmPersona *self);
const char     *cjm_persona_get_personality         (CjmPersona *self);
const char     *cjm_persona_get_behaviour           (CjmPersona *self);
const char     *cjm_persona_get_information_sources (CjmPersona *self);
const char     *cjm_persona_get_short_term_goals    (CjmPersona *self);
const char     *cjm_persona_get_long_term_goals     (CjmPersona *self);
const char     *cjm_persona_get_frustrations        (CjmPersona *self);
const char     *cjm_persona_get_desired_solutions   (CjmPersona *self);
const char     *cjm_persona_get_picture_data        (CjmPersona *self);
GBytes         *cjm_persona_dup_picture_bytes       (CjmPersona *self) G_GNUC_WARN_UNUSED_RESULT;
void            cjm_persona_set_color               (CjmPersona     *self,
                                                     const char     *color);
void            cjm_persona_set_environment         (CjmPersona     *self,
                                                     CjmEnvironment  environment);
void            cjm_persona_set_picture             (CjmPersona     *self,
                                                     const char     *picture);
void            cjm_persona_set_picture_type        (CjmPersona     *self,
                                                     const char     *picture_type);
void            cjm_persona_set_name                (CjmPersona     *self,
                                                     const char     *name);
void            cjm_persona_set_quote               (CjmPersona     *self,
                                                     const char     *quote);
void            cjm_persona_set_profession          (CjmPersona     *self,
                                                     const char     *profession);
void            cjm_persona_set_location            (CjmPersona     *self,
                                                     const char     *location);
void            cjm_persona_set_family              (CjmPersona     *self,
                                                     const char     *family);
void            cjm_persona_set_gender              (CjmPersona     *self,
                                                     const char     *gender);
void            cjm_persona_set_age_range           (CjmPersona     *self,
                                                     const char     *age_range);
void            cjm_persona_set_income              (CjmPersona     *self,
                                                     const char     *income);
void            cjm_persona_set_personality         (CjmPersona     *self,
                                                     const char     *personality);
void            cjm_persona_set_behaviour           (CjmPersona     *self,
                                                     const char     *behaviour);
void            cjm_persona_set_information_sources (CjmPersona     *self,
                                                     const char     *information_sources);
void            cjm_persona_set_short_term_goals    (CjmPersona     *self,
                                                     const char     *short_term_goals);
void            cjm_persona_set_long_term_goals     (CjmPersona     *self,
                                                     const char     *long_term_goals);
void            cjm_persona_set_frustrations        (CjmPersona     *self,
                                                     const char     *frustrations);
void            cjm_persona_set_desired_solutions   (CjmPersona     *self,
                                                     const char     *desired_solutions);
void            cjm_persona_set_picture_data        (CjmPersona     *self,
                                                     const char     *picture_data);

G_END_DECLS
