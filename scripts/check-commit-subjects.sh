#!/usr/bin/env bash
# Commit subjects of 72 characters or fewer (a body says the rest), from the commit that set the
# rule onwards; older history stays as it was written.
set -euo pipefail
since=${COMMIT_RULE_SINCE:-$(git log --format=%H --diff-filter=A -1 -- scripts/check-commit-subjects.sh)}
[ -n "$since" ] || exit 0
too_long=$(git log --no-merges --format='%h %s' "$since^..HEAD" | awk '{ subject = substr($0, index($0, " ") + 1) } length(subject) > 72')
if [ -n "$too_long" ]; then
  echo "Commit subjects longer than 72 characters:" >&2
  echo "$too_long" >&2
  exit 1
fi
