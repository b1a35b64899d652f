/* cjm-problem.c
 *
 * Copyright 2026 The Journey Mapper authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-problem"

#include "config.h"

#include "cjm-problem.h"

G_DEFINE_BOXED_TYPE (CjmProblem, cjm_problem, cjm_problem_copy, cjm_problem_free)

static CjmProblem * G_GNUC_PRINTF (3, 0)
problem_new_valist (CjmProblemSeverity  severity,
                    int                 line,
                    const char         *format,
                    va_list             args)
{
  CjmProblem *self = g_new0 (CjmProblem, 1);

  self->severity = severity;
  self->line = MAX (line, 0);
  self->message = g_strdup_vprintf (format, args);

  return self;
}

CjmProblem *
cjm_problem_new (CjmProblemSeverity  severity,
                 int                 line,
                 const char         *format,
                 ...)
{
  CjmProblem *self;
  va_list args;

  g_return_val_if_fail (format != NULL, NULL);

  va_start (args, format);
  self = problem_new_valist (severity, line, format, args);
  va_end (args);

  return self;
}

CjmProblem *
cjm_problem_copy (const CjmProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cjm_problem_new (self->severity, self->line, "%s", self->message);
}

void
cjm_problem_free (CjmProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->message);
  g_free (self);
}

/**
 * cjm_problem_format:
 * @self: a #CjmProblem
 * @file_name: the name of the file, as the user knows it
 *
 * Formats the problem the way compilers do, so that editors and terminals
 * can jump to it: "FILE:LINE: message", or "FILE: message" without a line.
 *
 * Returns: (transfer full): the text
 */
char *
cjm_problem_format (const CjmProblem *self,
                    const char       *file_name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  if (self->line > 0)
    return g_strdup_printf ("%s:%d: %s", file_name, self->line, self->message);

  return g_strdup_printf ("%s: %s", file_name, self->message);
}

/**
 * cjm_problems_new:
 *
 * Returns: (transfer full) (element-type CjmProblem): an empty list of problems
 */
GPtrArray *
cjm_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)cjm_problem_free);
}

/**
 * cjm_problems_add:
 * @problems: (nullable) (element-type CjmProblem): where to add, or %NULL to drop it
 * @severity: how bad it is
 * @line: the line in the file, or 0
 * @format: a printf() format for the message
 * @...: the arguments for @format
 *
 * Adds a problem to a list that the caller may not want.
 */
void
cjm_problems_add (GPtrArray          *problems,
                  CjmProblemSeverity  severity,
                  int                 line,
                  const char         *format,
                  ...)
{
  va_list args;

  if (problems == NULL)
    return;

  va_start (args, format);
  g_ptr_array_add (problems, problem_new_valist (severity, line, format, args));
  va_end (args);
}
