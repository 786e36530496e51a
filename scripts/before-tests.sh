#!/bin/sh
# What `npm test` does before the tests: the typecheck, the lint, the test databases' templates and the tests compiled
# to JavaScript (scripts/build-tests.ts). They do not depend on one another and tsc and eslint use one core each, so
# they run side by side; any failure fails the run.
# OCOP_SKIP_CHECKS=1 leaves out the typecheck and the lint (CI's second engine: they do not depend on it).
pids=""
if [ "${OCOP_SKIP_CHECKS:-}" = 1 ]; then
  echo "typecheck and lint skipped (OCOP_SKIP_CHECKS=1)"
else
  npm run --silent typecheck & pids="$pids $!"
  npm run --silent lint & pids="$pids $!"
fi
npx tsx test/prepare.ts & pids="$pids $!"
npx tsx scripts/build-tests.ts & pids="$pids $!"
status=0
for pid in $pids; do wait "$pid" || status=1; done
exit $status
