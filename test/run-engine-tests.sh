#!/usr/bin/env bash
# Run the tests that need a real Docker Engine (see docs REAL-ENGINE.md):
#   phase 1: test/engine/*.test.ts(x) and test/e2e/*.test.ts(x) against one
#            private engine (harness.sh up);
#   phase 2: test/engine/swarm/*.test.ts(x), if any, against a Swarm
#            (harness.sh up ${DOCKDECK_SWARM_SHAPE:-3 1}: 3 nodes, 1 manager).
# DOCKDECK_ENGINE_PHASE=single|swarm|all (default all) picks the phases.
# The engine always goes down on exit, and the tests' exit code is kept.
# Under CI=true an engine that cannot start fails the run; outside CI without
# root the run is skipped with one line saying so (exit 0).
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
HARNESS=$ROOT/test/engine/harness.sh
PHASE=${DOCKDECK_ENGINE_PHASE:-all}
case $PHASE in single | swarm | all) ;; *)
	echo "run-engine-tests: DOCKDECK_ENGINE_PHASE must be single, swarm or all (got '$PHASE')" >&2
	exit 2
	;;
esac
# Its own state folder, so a demo engine (/tmp/dockdeck-engine) survives a test run.
export DOCKDECK_ENGINE_DIR=${DOCKDECK_ENGINE_DIR:-/tmp/dockdeck-engine-test}
export DOCKDECK_TEST_RUN_ID=${DOCKDECK_TEST_RUN_ID:-$$-$(date +%s)}

# Node 22 from the node@22 devDependency when run outside `npm run`.
NODE=node
[[ -x $ROOT/node_modules/.bin/node ]] && NODE=$ROOT/node_modules/.bin/node

shopt -s nullglob
single_files=(test/engine/*.test.ts test/engine/*.test.tsx test/e2e/*.test.ts test/e2e/*.test.tsx)
# Tests that stop and start the engine itself run alone, after the others.
restart_files=(test/engine/restart/*.test.ts)
swarm_files=(test/engine/swarm/*.test.ts test/engine/swarm/*.test.tsx)
shopt -u nullglob

ENGINE_STARTED=0
finish() {
	local rc=$?
	if ((ENGINE_STARTED)); then
		bash "$HARNESS" down || echo "run-engine-tests: WARNING: harness down failed" >&2
	fi
	exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# up SHAPE...: start the engine, export its env; exit on failure (or skip, 77).
up() {
	local out rc=0
	ENGINE_STARTED=1
	out=$(bash "$HARNESS" up "$@") || rc=$?
	if ((rc == 77)); then
		ENGINE_STARTED=0
		# harness.sh printed the reason (needs root) and how to run the tests.
		[[ ${CI:-} == true ]] && exit 1
		exit 0
	fi
	if ((rc != 0)); then
		ENGINE_STARTED=0 # a failed up has already torn itself down
		echo "run-engine-tests: ERROR: the Docker engine harness could not start (harness.sh up${*:+ $*}: exit $rc); engine tests did not run" >&2
		exit "$rc"
	fi
	eval "$out"
	export DOCKER_HOST DOCKDECK_NODE_SOCKETS
	export DOCKDECK_TEST_HOST=$DOCKER_HOST
}

run_tests() { # run_tests LABEL FILES...
	local label=$1
	shift
	echo "run-engine-tests: $label: $# file(s) against $DOCKER_HOST" >&2
	"$NODE" --import tsx --test --test-reporter=spec "$@"
}

status=0
if [[ $PHASE != swarm ]]; then
	up
	if ((${#single_files[@]})); then
		run_tests 'single engine' "${single_files[@]}" || status=$?
	else
		echo "run-engine-tests: no test/engine or test/e2e test files; the engine started and answered, nothing else to run" >&2
	fi
	if ((${#restart_files[@]})); then
		run_tests 'engine restarts' "${restart_files[@]}" || status=$((status ? status : $?))
	fi
fi
if [[ $PHASE != single ]] && ((${#swarm_files[@]})); then
	# shellcheck disable=SC2086
	up ${DOCKDECK_SWARM_SHAPE:-3 1}
	run_tests "swarm (${DOCKDECK_SWARM_SHAPE:-3 1})" "${swarm_files[@]}" || status=$((status ? status : $?))
fi
exit "$status"
