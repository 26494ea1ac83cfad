#!/usr/bin/env bash
# Seed a demo workload into the engine at $DOCKER_HOST (normally the harness
# engine: eval "$(bash test/engine/harness.sh up)"). Idempotent: objects that
# already exist are left as they are. Everything carries the label dockdeck.demo=1
# (remove it all with: seed-demo.sh --remove).
#
#   seed-demo.sh            containers, volumes, networks, two compose projects
#   seed-demo.sh --swarm    also services and a stack (needs a swarm manager with
#                           at least 3 nodes: harness.sh up 3 1)
#   seed-demo.sh --remove   remove every dockdeck.demo=1 object
#
# Only dockdeck/busybox:latest (imported by the harness) is used; no container
# makes a network connection. Every container runs with --init (or traps TERM),
# so it stops at once.
set -euo pipefail
export DOCKER_CLI_HINTS=false

[[ -n ${DOCKER_HOST:-} ]] || {
	echo 'seed-demo: DOCKER_HOST is not set; run: eval "$(bash test/engine/harness.sh up)" first' >&2
	exit 2
}
SWARM=0 REMOVE=0
for a in "$@"; do
	case $a in
	--swarm) SWARM=1 ;;
	--remove) REMOVE=1 ;;
	*)
		echo "seed-demo: unknown argument '$a' (usage: seed-demo.sh [--swarm|--remove])" >&2
		exit 2
		;;
	esac
done

IMG=dockdeck/busybox:latest
L=(--label dockdeck.demo=1)
log() { printf 'seed-demo: %s\n' "$*" >&2; }
exists() { docker "$1" inspect "$2" >/dev/null 2>&1; }

# A shell loop that prints with `sleep N & wait`, so TERM is handled at once even
# without --init.
loop() { # loop SECONDS 'body'
	printf 'trap "exit 0" TERM INT; i=0; while :; do i=$((i+1)); %s; sleep %s & wait $!; done' "$2" "$1"
}

if ((REMOVE)); then
	rmall() { # rmall KIND [rm options]: remove every dockdeck.demo=1 object of KIND
		local kind=$1
		shift
		docker "$kind" ls -q --filter label=dockdeck.demo=1 | xargs -r docker "$kind" rm "$@" >/dev/null 2>&1 || true
	}
	if [[ $(docker info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null) == true ]]; then
		rmall service
		sleep 1
		rmall secret
		rmall config
		docker node ls -q | xargs -r -n1 docker node update --label-rm dockdeck.demo.zone >/dev/null 2>&1 || true
	fi
	docker ps -aq --filter label=dockdeck.demo=1 | xargs -r docker rm -f -v >/dev/null 2>&1 || true
	rmall network
	rmall volume
	log "removed every dockdeck.demo=1 object"
	exit 0
fi

docker image inspect "$IMG" >/dev/null 2>&1 || {
	log "image $IMG is missing: the harness imports it (bash test/engine/harness.sh up)"
	exit 1
}

# ------------------------------------------------------------ volumes, networks

for v in demo-data demo-cache; do
	exists volume "$v" || docker volume create "${L[@]}" "$v" >/dev/null
done
# An anonymous volume: a generated 64-hex name, found again by its label.
[[ -n $(docker volume ls -q --filter label=dockdeck.demo.anonymous=1) ]] ||
	docker volume create "${L[@]}" --label dockdeck.demo.anonymous=1 >/dev/null
exists network demo-front || docker network create "${L[@]}" demo-front >/dev/null
exists network demo-back || docker network create "${L[@]}" --internal demo-back >/dev/null

# ------------------------------------------------------------ containers

# run NAME [docker run options...] -- COMMAND...   (created only when missing)
run() {
	local name=$1
	shift
	exists container "$name" && return 0
	local opts=()
	while [[ $1 != -- ]]; do
		opts+=("$1")
		shift
	done
	shift
	docker run -d --name "$name" "${L[@]}" "${opts[@]}" "$IMG" "$@" >/dev/null
}

run demo-log-fast --init -- sh -c "$(loop 0.1 'echo "fast $i $(date +%T) GET /api/items/$i 200"')"
run demo-log-slow --init -v demo-data:/data -- sh -c "$(loop 5 'echo "slow tick $i at $(date)"; echo $i >/data/ticks')"
run demo-log-stderr --init -- sh -c "$(loop 1 'echo "out: request $i ok"; [ $((i % 3)) -eq 0 ] && echo "err: request $i failed: timeout" >&2; true')"
run demo-unhealthy --init --health-cmd false --health-interval 2s --health-retries 1 --health-start-period 0s -- \
	sh -c "$(loop 10 'echo "still here, but my health check says otherwise"')"
run demo-healthy --init --health-cmd true --health-interval 2s --health-retries 1 -- \
	sh -c "$(loop 10 'echo healthy')"
run demo-restarting --init --restart always -- sh -c 'echo "starting, will crash in 2 s"; sleep 2; echo "crash!" >&2; exit 1'
if ! exists container demo-exited; then
	run demo-exited --init -- sh -c 'echo "job done"; exit 3'
	docker wait demo-exited >/dev/null
fi
run demo-paused --init -- sh -c "$(loop 2 'echo "paused? $i"')"
if [[ $(docker inspect -f '{{.State.Status}}' demo-paused) == running ]]; then docker pause demo-paused >/dev/null; fi
exists container demo-created ||
	docker create --name demo-created "${L[@]}" --init "$IMG" sh -c 'echo "I was created, never started"' >/dev/null

# Compose projects, labelled as docker compose labels them.
compose() { # compose PROJECT SERVICE [docker run options...]
	local project=$1 service=$2
	shift 2
	run "$project-$service-1" --init \
		--label com.docker.compose.project="$project" \
		--label com.docker.compose.service="$service" \
		--label com.docker.compose.container-number=1 \
		--label com.docker.compose.oneoff=False \
		--label com.docker.compose.project.working_dir="/srv/$project" \
		--label com.docker.compose.project.config_files="/srv/$project/compose.yaml" \
		"$@" -- sh -c "$(loop 3 "echo \"$project/$service: handled request \$i\"")"
}
compose shop web --network demo-front
compose shop api --network demo-back
compose shop db --network demo-back -v demo-cache:/var/lib/db
docker network connect demo-front shop-api-1 2>/dev/null || true
compose blog app
compose blog cache

plain() { docker ps "$@" --filter label=dockdeck.demo=1 --format '{{.Label "com.docker.swarm.task.id"}}' | grep -c '^$' || true; }
log "containers: $(plain -a) (running $(plain)), swarm tasks not counted"

# ------------------------------------------------------------ swarm

((SWARM)) || exit 0
read -r control nodes < <(docker info --format '{{.Swarm.ControlAvailable}} {{.Swarm.Nodes}}')
if [[ $control != true ]] || ((nodes < 3)); then
	log "--swarm needs a swarm manager with at least 3 nodes (this engine: manager=$control, nodes=$nodes); run: bash test/engine/harness.sh up 3 1"
	exit 1
fi

SL=(--label dockdeck.demo=1 --container-label dockdeck.demo=1)
svc() { # svc NAME [service create options...] -- COMMAND...
	local name=$1
	shift
	exists service "$name" && return 0
	local opts=()
	while [[ $1 != -- ]]; do
		opts+=("$1")
		shift
	done
	shift
	docker service create --detach --no-resolve-image --quiet --name "$name" "${SL[@]}" --init \
		--stop-grace-period 2s "${opts[@]}" "$IMG" "$@" >/dev/null
}

# A node label for the placement constraint (on the last node, a worker when M < N).
last=$(docker node ls --format '{{.Hostname}}' | sort | tail -n 1)
docker node update --label-add dockdeck.demo.zone=east "$last" >/dev/null

svc demo-global --mode global -- sh -c "$(loop 5 'echo "global agent on $(hostname): $i"')"
svc demo-pinned --replicas 2 --constraint node.labels.dockdeck.demo.zone==east -- \
	sh -c "$(loop 4 'echo "pinned to the east zone: $i"')"

# A rollout that fails and rolls back: the update sets DEMO_BROKEN=1, the new
# tasks exit 1, and update-failure-action rollback restores the first spec.
rolling=''
if ! exists service demo-rollback; then
	rolling=' (demo-rollback: its update fails and rolls back over the next ~20 s)'
	svc demo-rollback --replicas 2 --update-failure-action rollback --update-monitor 4s \
		--update-max-failure-ratio 0 --update-parallelism 1 --rollback-parallelism 2 -- \
		sh -c 'trap "exit 0" TERM; if [ -n "$DEMO_BROKEN" ]; then echo "bad release, exiting" >&2; sleep 1; exit 1; fi; while :; do echo "v1 serving"; sleep 5 & wait $!; done'
	for _ in $(seq 1 100); do
		[[ $(docker service ls --filter name=demo-rollback --format '{{.Replicas}}') == 2/2 ]] && break
		sleep 0.2
	done
	docker service update --detach --no-resolve-image --quiet --env-add DEMO_BROKEN=1 demo-rollback >/dev/null
fi

# A stack "demo" of three services with one secret and one config, labelled as
# `docker stack deploy` labels them.
K=(--label com.docker.stack.namespace=demo)
exists secret demo_db_password || printf 's3cret-demo' | docker secret create "${L[@]}" "${K[@]}" demo_db_password - >/dev/null
exists config demo_web_config || printf 'listen 80\nroot /srv/www\n' | docker config create "${L[@]}" "${K[@]}" demo_web_config - >/dev/null
exists network demo_default || docker network create "${L[@]}" "${K[@]}" --driver overlay demo_default >/dev/null
STK=("${K[@]}" --container-label com.docker.stack.namespace=demo --network demo_default)
svc demo_web "${STK[@]}" --label com.docker.stack.image="$IMG" --replicas 2 \
	--config source=demo_web_config,target=/etc/web.conf -- \
	sh -c "$(loop 2 'echo "web: GET / 200 ($(wc -l </etc/web.conf) config lines)"')"
svc demo_api "${STK[@]}" --label com.docker.stack.image="$IMG" --replicas 1 -- \
	sh -c "$(loop 3 'echo "api: handled job $i"')"
svc demo_db "${STK[@]}" --label com.docker.stack.image="$IMG" --replicas 1 \
	--secret demo_db_password -- \
	sh -c "$(loop 6 'echo "db: checkpoint $i (password is $(wc -c </run/secrets/demo_db_password) bytes)"')"

log "services: $(docker service ls -q --filter label=dockdeck.demo=1 | wc -l)$rolling"
