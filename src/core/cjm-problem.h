/* cjm-problem.h
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CJM_TYPE_PROBLEM (cjm_problem_get_type ())

typedef enum
{
  /* Worth knowing, nothing wrong: e.g. the file comes from a newer version. */
  CJM_PROBLEM_NOTE,
  /* Something was wrong and has been repaired: e.g. a link to a missing persona. */
  CJM_PROBLEM_WARNING,
  /* The file cannot be used. */
  CJM_PROBLEM_ERROR,
} CjmProblemSeverity;

/* One thing found while reading a file, at a line of it (0 when unknown). */
typedef struct
{
  CjmProblemSeverity  severity;
  int                 line;
  char               *message;
} CjmProblem;

GType       cjm_problem_get_type (void) G_GNUC_CONST;
CjmProblem *cjm_problem_new      (CjmProblemSeverity  severity,
                                  int                 line,
                                  const char         *format,
                                  ...) G_GNUC_PRINTF (3, 4);
CjmProblem *cjm_problem_copy     (const CjmProblem   *self);
void        cjm_problem_free     (CjmProblem         *self);
char       *cjm_problem_format   (const CjmProblem   *self,
                                  const char         *file_name) G_GNUC_WARN_UNUSED_RESULT;
void        cjm_problems_add     (GPtrArray          *problems,
                                  CjmProblemSeverity  severity,
                                  int                 line,
                                  const char         *format,
                                  ...) G_GNUC_PRINTF (4, 5);
GPtrArray  *cjm_problems_new     (void) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmProblem, cjm_problem_free)

G_END_DECLS
