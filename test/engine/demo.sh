#!/usr/bin/env bash
# Try dockdeck on a private, seeded demo engine (never the Docker you may run):
#   bash test/engine/demo.sh            one engine with a demo workload
#   bash test/engine/demo.sh --swarm    a 3-node Swarm (1 manager, 2 workers) with
#                                       services and a stack as well
# The engine keeps running after dockdeck quits, so the demo can be reopened at
# once; stop it with: bash test/engine/harness.sh down
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
SWARM=0
for a in "$@"; do
	case $a in
	--swarm) SWARM=1 ;;
	-h | --help)
		sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "demo: unknown argument '$a' (usage: demo.sh [--swarm])" >&2
		exit 2
		;;
	esac
done

shape=()
((SWARM)) && shape=(3 1)
rc=0
env_lines=$(bash test/engine/harness.sh up "${shape[@]}") || rc=$?
((rc == 0)) || exit "$rc" # 77: not root (harness.sh said how to run it)
eval "$env_lines"
export DOCKER_HOST

seed=()
((SWARM)) && seed=(--swarm)
bash test/engine/seed-demo.sh "${seed[@]}"

# Run the shim as a program so its memory flags apply; Node 22 from the
# node@22 devDependency comes first on PATH.
[[ -d $ROOT/node_modules/.bin ]] && export PATH="$ROOT/node_modules/.bin:$PATH"
cmd=(bin/dockdeck.js --host "$DOCKER_HOST")

cat >&2 <<-EOF

	demo engine: $DOCKER_HOST$( ((SWARM)) && printf ' (swarm of 3 nodes: %s)' "$DOCKDECK_NODE_SOCKETS")
	  the docker CLI on it:  docker -H $DOCKER_HOST ps -a
	  stop the demo engine:  bash test/engine/harness.sh down
EOF
if [[ ! -t 0 || ! -t 1 ]]; then
	echo "demo: no terminal on stdin/stdout, so not starting dockdeck; it would run:" >&2
	printf '  %q' "${cmd[@]}" >&2
	echo >&2
	exit 0
fi
[[ -f bin/dockdeck.js ]] || {
	echo "demo: bin/dockdeck.js is missing (run: npm run build)" >&2
	exit 1
}
exec "${cmd[@]}"
