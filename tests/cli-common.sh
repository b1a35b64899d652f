# cli-common.sh: what the command-line tests share, sourced by them.
#
# Copyright 2026 The Journey Mapper authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Gives the sourcing script the program, the sample map, a work directory
# it runs in, `run` to start the program with no display, and `check` for
# TAP results; the script ends with `finish`.

set -u

: "${CJM_BUILD_ROOT:?set by meson}"
: "${CJM_SOURCE_ROOT:?set by meson}"

program="$CJM_BUILD_ROOT/src/journey-mapper"
sample="$CJM_SOURCE_ROOT/data/samples/running-shoes.cjm"
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
cd "$workdir" || exit 1

failures=0
count=0

# run ARGS…: runs the program with no display; sets $status, $out, $err.
run () {
  env -u DISPLAY -u WAYLAND_DISPLAY "$program" "$@" >stdout.txt 2>stderr.txt
  status=$?
  out=$(cat stdout.txt)
  err=$(cat stderr.txt)
}

# check DESCRIPTION COMMAND…: one TAP result, with what the program said
# when it fails.
check () {
  local description=$1
  shift
  count=$((count + 1))
  if "$@"; then
    echo "ok $count - $description"
  else
    echo "not ok $count - $description"
    echo "# status: $status"
    echo "# stdout: ${out//$'\n'/$'\n'# }"
    echo "# stderr: ${err//$'\n'/$'\n'# }"
    failures=$((failures + 1))
  fi
}

# The plan, and the exit status.
finish () {
  echo "1..$count"
  test "$failures" -eq 0
}
