#!/usr/bin/env bash
# Runs a bench against a private harness engine in /tmp/dd-bench (or
# $DOCKDECK_ENGINE_DIR): up, bench, down (the engine goes down even when the
# bench fails). Needs root (the harness does). No npm: node comes from
# node_modules/node (the node@22 devDependency), tsc and tsx from node_modules.
#
#   bash bench/run.sh [containers] [--n 10,100,500] [--idle 30] [--baseline 10] [--settle 2]
#   bash bench/run.sh logs [--follow 60] [--log-lines 10000] [--keys-every 1.5]
#   bash bench/run.sh services [--services 50] [--tasks 300] [--idle 30] [--launches 3]
#                              (on a 3-node swarm: harness.sh up 3 1)
#
# DOCKDECK_BENCH_NO_BUILD=1 skips the build (measures dist/ as it is).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bench=containers
case ${1:-} in containers | logs | services)
	bench=$1
	shift
	;;
esac

export DOCKDECK_ENGINE_DIR=${DOCKDECK_ENGINE_DIR:-/tmp/dd-bench}
if [[ -x node_modules/node/bin/node ]]; then
	export PATH=$PWD/node_modules/node/bin:$PATH
fi
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
((major >= 22)) || { echo "bench: Node 22 is needed (run npm ci first to get node_modules/node)" >&2; exit 1; }
[[ -d node_modules/tsx ]] || { echo "bench: node_modules is missing: run npm ci first" >&2; exit 1; }

if [[ ${DOCKDECK_BENCH_NO_BUILD:-} != 1 ]]; then
	# The package's own build script, run without npm (its tools from node_modules/.bin).
	build=$(node -p 'require("./package.json").scripts.build')
	echo "bench: building: $build" >&2
	PATH=$PWD/node_modules/.bin:$PATH sh -c "$build" >&2
fi

rc=0
shape=()
[[ $bench == services ]] && shape=(3 1)
eval "$(bash test/engine/harness.sh up "${shape[@]}")" || rc=$?
if ((rc)); then
	echo "bench: the engine harness did not start (exit $rc)" >&2
	exit "$rc"
fi
trap 'bash test/engine/harness.sh down' EXIT
DOCKDECK_BENCH_HOST=$DOCKER_HOST node --import tsx "bench/$bench.ts" "$@"
