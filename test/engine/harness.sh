#!/usr/bin/env bash
# dockdeck real-engine harness: private Docker engines (1 node) or a real
# multi-node Swarm (N nodes) on one machine, following docs REAL-ENGINE.md.
#
#   harness.sh up [N] [M] [--swarm]   start N nodes, the first M managers
#   harness.sh down                   tear everything down (idempotent)
#   harness.sh stop I | kill I | start I   node I: SIGTERM (clean) / SIGKILL to all
#                                     of it (power cut) / start again
#   harness.sh env                    print export lines for the running engine
#   harness.sh status                 one line per node
#
# Every node is one dockerd in its own network, UTS and mount namespaces:
#   - one "bridge" netns holding a Linux bridge, one netns per node with a veth
#     into it, 10.213.0.I/24, no default route: no packet can leave the machine,
#     and nothing at all is created in the root network namespace;
#   - `nsenter --net` + `unshare --uts --mount --propagation slave` (not
#     `ip netns exec`, which remounts /sys so dockerd finds no cgroups), with
#     per-node folders bound over /var/lib/docker, /run/docker, /run/containerd;
#   - its own daemon.json (data-root, exec-root, pidfile, unix socket in the node
#     folder, cgroup-parent, per-node key path).
# State lives in ${DOCKDECK_ENGINE_DIR:-/tmp/dockdeck-engine} (n1, n2, ...).
# `up` prints the export lines on stdout (eval "$(harness.sh up)"); progress and
# errors go to stderr. Exit 77: not root outside CI (engine tests skipped).
set -euo pipefail

# The docker CLI must talk to our sockets only, whatever the caller's env says.
unset DOCKER_HOST DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH
export DOCKER_CLI_HINTS=false

D=${DOCKDECK_ENGINE_DIR:-/tmp/dockdeck-engine}
[[ $D == /* ]] || D=$PWD/$D
D=${D%/}
# Names that live outside the state folder (network namespaces, cgroups) carry a
# prefix: "dockdeck" for the default folder (cgroup-parent /dockdeck-nI, netns
# dockdeck-nI), "dockdeck-<hash of folder>" for any other folder, so two
# harnesses (say a demo engine and a test run) never touch each other's nodes.
if [[ $D == /tmp/dockdeck-engine ]]; then
	PFX=dockdeck
else
	PFX=dockdeck-$(printf %s "$D" | sha1sum | cut -c1-8)
fi
BR_NS=$PFX-br
IMAGE=dockdeck/busybox:latest
SUBNET=10.213.0
# Bind targets (/var/lib/docker, /run/docker, /run/containerd) this harness had to
# create because they did not exist; shared by every harness on the machine.
MADE_DIRS=/run/dockdeck-harness-made-dirs

log() { printf 'harness: %s\n' "$*" >&2; }
die() {
	printf 'harness: ERROR: %s\n' "$*" >&2
	exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }
now_ms() { date +%s%3N; }

node_dir() { printf '%s/n%s' "$D" "$1"; }
node_sock() { printf '%s/n%s/docker.sock' "$D" "$1"; }
node_ns() { printf '%s-n%s' "$PFX" "$1"; }
node_cg() { printf '%s-n%s' "$PFX" "$1"; }
node_ip() { printf '%s.%s' "$SUBNET" "$1"; }
node_host() { printf 'dockdeck-n%s' "$1"; }
dk() {
	local i=$1
	shift
	docker -H "unix://$(node_sock "$i")" "$@"
}

# ---------------------------------------------------------------- preflight

need_root() {
	[[ $(id -u) -eq 0 ]] && return 0
	if [[ ${CI:-} == true ]]; then
		die "the engine harness needs root (CI=true, so this is a failure, not a skip): run it as root, e.g. sudo -E bash .ci/run"
	fi
	echo "dockdeck engine tests skipped: they need root (they start private dockerd nodes in their own namespaces); run them with: sudo -E npm run test:engine" >&2
	exit 77
}

static_busybox() {
	local b
	for b in /bin/busybox /usr/bin/busybox /usr/sbin/busybox; do
		# (ldd exits 1 for a static binary: read its words, not its status)
		if [[ -x $b && $(LC_ALL=C ldd "$b" 2>&1 || true) == *'not a dynamic executable'* ]]; then
			printf '%s' "$b"
			return 0
		fi
	done
	return 1
}

ensure_tools() {
	local pkgs=() t
	for t in dockerd containerd runc docker; do have "$t" || { pkgs+=(docker.io); break; }; done
	static_busybox >/dev/null || pkgs+=(busybox-static)
	have ip || pkgs+=(iproute2)
	have tmux || pkgs+=(tmux)
	# The ssh transport test runs a private sshd on loopback.
	[[ -x /usr/sbin/sshd ]] || pkgs+=(openssh-server)
	have ssh || pkgs+=(openssh-client)
	have curl || pkgs+=(curl)
	have iptables || pkgs+=(iptables)
	for t in nsenter unshare flock; do have "$t" || { pkgs+=(util-linux); break; }; done
	((${#pkgs[@]})) || return 0
	have apt-get || die "missing ${pkgs[*]} and there is no apt-get to install them"
	log "installing ${pkgs[*]} with apt-get"
	local out policy_made=0
	out=$(mktemp)
	# Keep the package's init script from starting a system dockerd on
	# /var/lib/docker and /var/run/docker.sock: this harness only runs its own.
	if [[ ! -e /usr/sbin/policy-rc.d ]]; then
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
		policy_made=1
	fi
	local rc=0
	{ DEBIAN_FRONTEND=noninteractive apt-get update -q &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}"; } >"$out" 2>&1 || rc=$?
	((policy_made)) && rm -f /usr/sbin/policy-rc.d
	if ((rc)); then
		tail -n 30 "$out" >&2
		rm -f "$out"
		die "apt-get could not install ${pkgs[*]} (exit $rc)"
	fi
	rm -f "$out"
	for t in dockerd containerd runc docker ip nsenter unshare curl; do have "$t" || die "$t still missing after installing ${pkgs[*]}"; done
	static_busybox >/dev/null || die "no static busybox after installing busybox-static"
}

dockerd_major() {
	dockerd --version 2>/dev/null | sed -n 's/^Docker version \([0-9]*\)\..*/\1/p'
}

# ---------------------------------------------------------------- node processes

ping_node() {
	[[ -S $(node_sock "$1") ]] &&
		[[ $(curl -s -m 2 --unix-socket "$(node_sock "$1")" http://engine/_ping 2>/dev/null) == OK ]]
}

# Alive and not a zombie (our daemons are reparented to PID 1, which may be slow
# to reap them; a zombie holds nothing but its pid).
pid_alive() {
	[[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null || return 1
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	stat=${stat##*) }
	[[ ${stat:0:1} != Z ]]
}
pidfile_pid() { [[ -s $1 ]] && tr -dc 0-9 <"$1" || true; }
dockerd_pid() { pidfile_pid "$(node_dir "$1")/docker.pid"; }
containerd_pid() { pidfile_pid "$(node_dir "$1")/exec/containerd/containerd.pid"; }

# Every process that belongs to node I: all of its network namespace (dockerd,
# containerd, shims, host-network containers) and all of its cgroup-parent
# (every container process, whatever its own namespaces).
node_pids() {
	local i=$1 ns cg f pid
	ns=$(node_ns "$i")
	cg=$(node_cg "$i")
	{
		[[ -e /run/netns/$ns ]] && ip netns pids "$ns" 2>/dev/null
		for f in /sys/fs/cgroup/*/"$cg" /sys/fs/cgroup/"$cg"; do
			[[ -d $f ]] && find "$f" -name cgroup.procs -exec cat {} + 2>/dev/null
		done
		true
	} | sort -un | while read -r pid; do
		pid_alive "$pid" && echo "$pid"
	done
	true
}

# A paused container's cgroup is frozen: its processes take SIGKILL only once
# thawed (cgroup v1 freezer.state, cgroup v2 cgroup.freeze).
thaw_node() {
	local cg f
	cg=$(node_cg "$1")
	for f in /sys/fs/cgroup/freezer/"$cg" /sys/fs/cgroup/"$cg"; do
		[[ -d $f ]] || continue
		find "$f" -name freezer.state -exec sh -c 'for s; do echo THAWED >"$s"; done' sh {} + 2>/dev/null || true
		find "$f" -name cgroup.freeze -exec sh -c 'for s; do echo 0 >"$s"; done' sh {} + 2>/dev/null || true
	done
}

kill_node_pids() {
	local i=$1 n pids
	for ((n = 0; n < 50; n++)); do
		pids=$(node_pids "$i")
		[[ -z $pids ]] && return 0
		# shellcheck disable=SC2086
		kill -9 $pids 2>/dev/null || true
		thaw_node "$i"
		sleep 0.1
	done
	log "n$i: processes still alive after SIGKILL: $(node_pids "$i" | tr '\n' ' ')"
}

remove_node_cgroups() {
	local cg f
	cg=$(node_cg "$1")
	for f in /sys/fs/cgroup/*/"$cg" /sys/fs/cgroup/"$cg"; do
		[[ -d $f ]] && find "$f" -depth -type d -exec rmdir {} + 2>/dev/null
	done
	true
}

write_daemon_json() {
	local i=$1 nd key=''
	nd=$(node_dir "$i")
	# dockerd < 23 keeps its engine ID in a key file that defaults to
	# /etc/docker/key.json (all nodes would share one ID); it accepts the path only
	# in daemon.json. Newer dockerd keeps the ID in data-root and rejects the key.
	if [[ $(dockerd_major) =~ ^[0-9]+$ ]] && (($(dockerd_major) < 23)); then
		key="\"deprecated-key-path\": \"$nd/key.json\","
	fi
	# The default "bridge" network is kept (no "bridge": "none"): every node has
	# its own network namespace, so its docker0 and iptables chains cannot clash
	# with the host's or another node's, and `docker network ls` then shows what
	# a real engine shows (bridge, host, none), and `docker run` without
	# --network works. Tested: single engine and 3-node swarm (docker_gwbridge,
	# ingress) start in the same time as with "bridge": "none".
	cat >"$nd/daemon.json" <<-EOF
		{
		  "data-root": "$nd/root",
		  "exec-root": "$nd/exec",
		  "pidfile": "$nd/docker.pid",
		  "hosts": ["unix://$nd/docker.sock"],
		  "cgroup-parent": "/$(node_cg "$i")",
		  "exec-opts": ["native.cgroupdriver=cgroupfs"],
		  $key
		  "shutdown-timeout": 2,
		  "log-driver": "json-file",
		  "log-opts": {"max-size": "5m", "max-file": "2"}
		}
	EOF
}

start_daemon() {
	local i=$1 nd pid n
	nd=$(node_dir "$i")
	[[ -e /run/netns/$(node_ns "$i") ]] || die "n$i: no network namespace $(node_ns "$i"): run 'harness.sh up' first"
	# A daemon restarted right after SIGKILL finds its old containerd still
	# exiting and fails with "containerd is still running": wait for every old
	# process of the node to be gone, then drop the stale pidfiles.
	for ((n = 0; n < 100; n++)); do
		pid_alive "$(dockerd_pid "$i")" || pid_alive "$(containerd_pid "$i")" || break
		sleep 0.1
	done
	pid_alive "$(dockerd_pid "$i")" && die "n$i: dockerd $(dockerd_pid "$i") is still running"
	pid_alive "$(containerd_pid "$i")" && { kill -9 "$(containerd_pid "$i")" 2>/dev/null || true; }
	rm -f "$nd/docker.pid" "$nd/exec/containerd/containerd.pid" "$nd/docker.sock"
	mkdir -p "$nd/root" "$nd/exec" "$nd/mnt/var-lib-docker" "$nd/mnt/run-docker" "$nd/mnt/run-containerd"
	write_daemon_json "$i"
	echo "---- $(date '+%F %T') start n$i" >>"$nd/dockerd.log"
	# setsid: the engine survives the caller's terminal (the demo leaves it running).
	# The bind targets must exist on the host: missing ones are created empty,
	# listed in $MADE_DIRS, and removed by the last `down` (see remove_made_dirs).
	(
		cd /
		exec 9>&- # the daemon must not inherit (and hold forever) the harness lock
		exec setsid nsenter --net="/run/netns/$(node_ns "$i")" -- \
			unshare --uts --mount --propagation slave -- sh -c '
				set -e
				hostname "$1"
				for t in /var/lib/docker /run/docker /run/containerd; do
					[ -d "$t" ] || { mkdir -p "$t" && echo "$t" >>"$3"; }
				done
				mount --bind "$2/mnt/var-lib-docker" /var/lib/docker
				mount --bind "$2/mnt/run-docker" /run/docker
				mount --bind "$2/mnt/run-containerd" /run/containerd
				export DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1
				exec dockerd --config-file "$2/daemon.json"
			' sh "$(node_host "$i")" "$nd" "$MADE_DIRS"
	) </dev/null >>"$nd/dockerd.log" 2>&1 &
	echo $! >"$nd/launch.pid"
}

wait_daemon() {
	local i=$1 n lp
	lp=$(pidfile_pid "$(node_dir "$i")/launch.pid")
	for ((n = 0; n < 300; n++)); do
		ping_node "$i" && return 0
		if ! pid_alive "$lp" && ! pid_alive "$(dockerd_pid "$i")"; then
			log "n$i: dockerd exited during start"
			return 1
		fi
		sleep 0.1
	done
	log "n$i: no answer on $(node_sock "$i") after 30 s"
	return 1
}

# Stop node I by its pidfile and wait for its pids to go, then SIGKILL whatever is
# left of it (containerd, shims, container processes found via the cgroup-parent).
#   graceful: SIGTERM to dockerd; it stops its containers (shutdown-timeout, or a
#             swarm task's stop grace period) and then its containerd. `stop I`:
#             a node shut down cleanly, as a test wants to see it.
#   fast:     for `down`, which deletes every byte of the node afterwards: SIGKILL
#             to dockerd and containerd (by their pidfiles), then to the rest.
#             A graceful stop there costs 2-6 s per node (dockerd waits for
#             containerd, paused and restarting containers) and saves nothing.
stop_daemon() {
	local i=$1 mode=${2:-graceful} pid cpid n
	pid=$(dockerd_pid "$i")
	cpid=$(containerd_pid "$i")
	if [[ $mode == fast ]]; then
		# shellcheck disable=SC2086 # unquoted: an empty pid vanishes
		kill -9 $pid $cpid 2>/dev/null || true
		kill_node_pids "$i" # everything in the node's netns and cgroups, at once
	elif pid_alive "$pid"; then
		kill -TERM "$pid" 2>/dev/null || true
	fi
	for ((n = 0; n < 200; n++)); do
		pid_alive "$pid" || break
		sleep 0.1
	done
	if pid_alive "$pid"; then
		log "n$i: dockerd $pid still running 20 s after SIGTERM, killing it"
		kill -9 "$pid" 2>/dev/null || true
	fi
	kill_node_pids "$i"
	rm -f "$(node_sock "$i")"
}

kill_node() {
	local i=$1
	# A power cut: SIGKILL the daemon, its containerd, shims and containers.
	local pid
	pid=$(dockerd_pid "$i")
	pid_alive "$pid" && { kill -9 "$pid" 2>/dev/null || true; }
	kill_node_pids "$i"
}

# ---------------------------------------------------------------- image

build_busybox_tar() {
	local bb root a
	bb=$(static_busybox) || die "no static busybox (apt-get install busybox-static)"
	root=$D/busybox-rootfs
	rm -rf "$root"
	mkdir -p "$root/bin" "$root/etc" "$root/root" "$root/tmp" "$root/proc" "$root/sys" "$root/dev"
	chmod 1777 "$root/tmp"
	cp "$bb" "$root/bin/busybox"
	for a in $("$bb" --list); do
		[[ $a == busybox ]] || ln -sf busybox "$root/bin/$a"
	done
	printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
	tar --numeric-owner --owner=0 --group=0 -C "$root" -cf "$D/busybox.tar" .
	rm -rf "$root"
}

import_image() {
	local i=$1
	dk "$i" image inspect "$IMAGE" >/dev/null 2>&1 && return 0
	dk "$i" import -c 'CMD ["sh"]' - "$IMAGE" <"$D/busybox.tar" >/dev/null
}

# ---------------------------------------------------------------- shape / env

read_shape() { # sets N M SWARM from the state folder; fails if none
	[[ -s $D/shape ]] || return 1
	read -r N M SWARM <"$D/shape"
}

print_env() {
	local i socks=()
	for ((i = 1; i <= N; i++)); do socks+=("$(node_sock "$i")"); done
	printf 'export DOCKER_HOST=%q\n' "unix://$(node_sock 1)"
	printf "export DOCKDECK_NODE_SOCKETS='%s'\n" "${socks[*]}"
	printf 'export DOCKDECK_ENGINE_DIR=%q\n' "$D"
}

all_up() {
	local i
	for ((i = 1; i <= N; i++)); do ping_node "$i" || return 1; done
	if ((SWARM)); then
		[[ $(dk 1 node ls --format '{{.Status}}' 2>/dev/null | grep -c '^Ready$') == "$N" ]] || return 1
	fi
}

lock() {
	mkdir -p "$(dirname "$D")"
	exec 9>"$D.lock"
	flock -w 300 9 || die "another harness command holds $D.lock"
}

# ---------------------------------------------------------------- swarm

ready_count() { dk 1 node ls --format '{{.Status}}' 2>/dev/null | grep -c '^Ready$' || true; }
reachable_count() { dk 1 node ls --format '{{.ManagerStatus}}' 2>/dev/null | grep -cE '^(Leader|Reachable)$' || true; }

form_swarm() {
	local i n wtok mtok pids=()
	dk 1 swarm init --advertise-addr "$(node_ip 1)" --listen-addr "$(node_ip 1):2377" \
		--dispatcher-heartbeat 1s >/dev/null || return 1
	((N > 1)) || return 0
	wtok=$(dk 1 swarm join-token -q worker) || return 1
	mtok=$(dk 1 swarm join-token -q manager) || return 1
	# Managers one at a time: each must be a reachable raft member before the next.
	for ((i = 2; i <= M; i++)); do
		dk "$i" swarm join --token "$mtok" --advertise-addr "$(node_ip "$i")" \
			--listen-addr "$(node_ip "$i"):2377" "$(node_ip 1):2377" >/dev/null || return 1
		for ((n = 0; n < 300; n++)); do
			(($(reachable_count) >= i)) && break
			sleep 0.1
		done
		(($(reachable_count) >= i)) || { log "manager n$i never became reachable"; return 1; }
	done
	for ((i = M + 1; i <= N; i++)); do
		dk "$i" swarm join --token "$wtok" --advertise-addr "$(node_ip "$i")" \
			--listen-addr "$(node_ip "$i"):2377" "$(node_ip 1):2377" >/dev/null &
		pids+=($!)
	done
	for n in "${pids[@]}"; do wait "$n" || return 1; done
	for ((n = 0; n < 300; n++)); do
		(($(ready_count) == N)) && return 0
		sleep 0.1
	done
	log "only $(ready_count) of $N nodes Ready after 30 s"
	return 1
}

# ---------------------------------------------------------------- up / down

UP_RUNNING=0 # read by the EXIT trap that cmd_up sets
up_failed() {
	local reason=$1 i keep
	# shellcheck disable=SC2034 # read by the EXIT trap
	UP_RUNNING=0
	set +e
	keep=$D.failed-logs
	rm -rf "$keep"
	mkdir -p "$keep"
	for ((i = 1; i <= N; i++)); do
		[[ -f $(node_dir "$i")/dockerd.log ]] || continue
		cp "$(node_dir "$i")/dockerd.log" "$keep/n$i-dockerd.log"
		printf '\n---- n%s dockerd.log (last 25 lines) ----\n' "$i" >&2
		tail -n 25 "$(node_dir "$i")/dockerd.log" >&2
	done
	log "up failed: $reason; tearing down (full daemon logs kept in $keep)"
	down_locked >/dev/null 2>&1
	die "engine did not start: $reason (logs: $keep)"
}

cmd_up() {
	local n_arg='' m_arg='' want_swarm=0 a
	for a in "$@"; do
		case $a in
		--swarm) want_swarm=1 ;;
		[0-9]*) if [[ -z $n_arg ]]; then n_arg=$a; else m_arg=$a; fi ;;
		*) die "up: unknown argument '$a' (usage: up [N] [M] [--swarm])" ;;
		esac
	done
	local WN=${n_arg:-1} WM WS=0
	[[ $WN =~ ^[1-9][0-9]?$ && $WN -le 9 ]] || die "up: N must be 1..9"
	((WN > 1 || want_swarm)) && WS=1
	if ((WS)); then
		WM=${m_arg:-1}
		[[ $WM =~ ^[0-9]+$ ]] && ((WM >= 1 && WM <= WN)) || die "up: M must be 1..N"
	else
		WM=0
	fi
	local longest=$D/n$WN/exec/containerd/containerd-debug.sock
	((${#longest} <= 104)) ||
		die "DOCKDECK_ENGINE_DIR=$D is too long: unix socket paths like $longest must stay within 104 characters"
	need_root
	ensure_tools
	lock
	if read_shape 2>/dev/null; then
		if [[ "$N $M $SWARM" == "$WN $WM $WS" ]] && all_up; then
			log "already up: $N node(s), $M manager(s), swarm=$SWARM"
			print_env
			return 0
		fi
		log "an engine with another shape (or a dead node) is up in $D: replacing it"
	fi
	down_locked
	N=$WN M=$WM SWARM=$WS
	local t0 i
	t0=$(now_ms)
	# Any exit before the end (set -e included) tears the half-built engine down.
	UP_RUNNING=1
	trap 'if ((UP_RUNNING)); then up_failed "unexpected error (exit $?)"; fi' EXIT
	mkdir -p "$D"
	rm -rf "$D.failed-logs"
	build_busybox_tar

	ip netns add "$BR_NS" || up_failed "cannot create network namespace $BR_NS"
	ip -n "$BR_NS" link set lo up
	ip -n "$BR_NS" link add br0 type bridge
	ip -n "$BR_NS" link set br0 up
	for ((i = 1; i <= N; i++)); do
		local ns
		ns=$(node_ns "$i")
		ip netns add "$ns" || up_failed "cannot create network namespace $ns"
		ip link add "v$i" netns "$BR_NS" type veth peer name eth0 netns "$ns" ||
			up_failed "cannot create veth for n$i"
		ip -n "$BR_NS" link set "v$i" master br0 up
		ip -n "$ns" link set lo up
		ip -n "$ns" addr add "$(node_ip "$i")/24" dev eth0
		ip -n "$ns" link set eth0 up
		mkdir -p "$(node_dir "$i")"
	done
	for ((i = 1; i <= N; i++)); do start_daemon "$i"; done
	for ((i = 1; i <= N; i++)); do wait_daemon "$i" || up_failed "n$i did not answer GET /_ping"; done
	log "$N dockerd up in $(($(now_ms) - t0)) ms"

	local ipids=()
	for ((i = 1; i <= N; i++)); do
		import_image "$i" &
		ipids+=($!)
	done
	if ((SWARM)); then
		form_swarm || up_failed "swarm did not form"
		log "swarm of $N node(s) ($M manager(s)) ready in $(($(now_ms) - t0)) ms"
	fi
	for i in "${ipids[@]}"; do wait "$i" || up_failed "could not import $IMAGE"; done
	# shellcheck disable=SC2034 # read by the EXIT trap
	UP_RUNNING=0
	echo "$N $M $SWARM" >"$D/shape"
	log "up in $(($(now_ms) - t0)) ms: $N node(s), swarm=$SWARM; DOCKER_HOST=unix://$(node_sock 1)"
	print_env
}

node_indexes() { # every node that may exist: from the folders and namespaces
	{
		local f
		for f in "$D"/n[0-9]*; do [[ -d $f ]] && echo "${f##*/n}"; done
		ip netns list 2>/dev/null | sed -n "s/^$PFX-n\([0-9]*\).*/\1/p"
		for f in /sys/fs/cgroup/*/"$PFX"-n[0-9]* /sys/fs/cgroup/"$PFX"-n[0-9]*; do
			[[ -d $f ]] && echo "${f##*-n}"
		done
		true
	} | sort -un
}

down_locked() {
	# Teardown never stops half-way: errexit is off here (`local -` restores it).
	local -
	set +e
	local idx=() i pids=() m t0
	t0=$(now_ms)
	mapfile -t idx < <(node_indexes)
	if ((${#idx[@]} == 0)) && [[ ! -e /run/netns/$BR_NS && ! -e $D ]]; then
		return 0
	fi
	# Leave the swarm, workers first, so no manager waits on a node that is gone.
	local workers=() managers=()
	for i in "${idx[@]}"; do
		ping_node "$i" || continue
		# A stuck daemon (seen: dockerd 20.10 after hundreds of parallel force-removals) must not stall down.
		case $(timeout 5 docker -H "unix://$(node_sock "$i")" info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}' 2>/dev/null) in
		'active true') managers+=("$i") ;;
		active*) workers+=("$i") ;;
		esac
	done
	for m in workers managers; do
		local -n grp=$m
		pids=()
		for i in "${grp[@]}"; do
			timeout 10 docker -H "unix://$(node_sock "$i")" swarm leave --force >/dev/null 2>&1 &
			pids+=($!)
		done
		for i in "${pids[@]}"; do wait "$i" || true; done
	done
	((${#workers[@]} + ${#managers[@]})) && log "left the swarm in $(($(now_ms) - t0)) ms"
	pids=()
	for i in "${idx[@]}"; do
		stop_daemon "$i" fast &
		pids+=($!)
	done
	for i in "${pids[@]}"; do wait "$i" || true; done
	for i in "${idx[@]}"; do kill_node_pids "$i"; done
	log "daemons stopped at $(($(now_ms) - t0)) ms"
	# Mounts normally die with the nodes' private mount namespaces; anything
	# under the state folder left in this namespace goes now, deepest first.
	local mp
	if [[ -e /proc/self/mountinfo ]]; then
		awk -v d="$D/" 'index($5, d) == 1 { print $5 }' /proc/self/mountinfo | sort -r | while read -r mp; do
			umount -l "$mp" 2>/dev/null || true
		done
	fi
	for i in "${idx[@]}"; do
		remove_node_cgroups "$i"
		[[ -e /run/netns/$(node_ns "$i") ]] && ip netns del "$(node_ns "$i")" 2>/dev/null
	done
	# The veth pairs and the bridge go with their namespaces.
	[[ -e /run/netns/$BR_NS ]] && ip netns del "$BR_NS" 2>/dev/null
	rm -rf "$D"
	remove_made_dirs
	log "down in $(($(now_ms) - t0)) ms"
}

# Remove the empty bind targets the harness created, once no harness node of any
# state folder exists any more (while one does, the folder is a mount point in
# that node's mount namespace). rmdir only: a folder something wrote to stays.
remove_made_dirs() {
	[[ -s $MADE_DIRS ]] || return 0
	ip netns list 2>/dev/null | grep -q '^dockdeck-' && return 0
	local t
	sort -u "$MADE_DIRS" | while read -r t; do
		case $t in /var/lib/docker | /run/docker | /run/containerd) rmdir "$t" 2>/dev/null || true ;; esac
	done
	rm -f "$MADE_DIRS"
}

cmd_down() {
	need_root
	lock
	down_locked
}

node_arg() {
	[[ ${1:-} =~ ^[1-9][0-9]*$ ]] || die "expected a node number (1..N)"
	read_shape || die "nothing is up in $D"
	(($1 <= N)) || die "node $1 does not exist (the engine has $N node(s))"
}

cmd_stop() {
	need_root
	node_arg "${1:-}"
	lock
	stop_daemon "$1"
	log "n$1 stopped"
}

cmd_kill() {
	need_root
	node_arg "${1:-}"
	lock
	kill_node "$1"
	log "n$1 killed"
}

cmd_start() {
	need_root
	node_arg "${1:-}"
	lock
	if ping_node "$1"; then
		log "n$1 already running"
		return 0
	fi
	start_daemon "$1"
	wait_daemon "$1" || {
		tail -n 25 "$(node_dir "$1")/dockerd.log" >&2
		die "n$1 did not start (log: $(node_dir "$1")/dockerd.log)"
	}
	log "n$1 started"
}

cmd_env() {
	read_shape || die "nothing is up in $D (run: bash test/engine/harness.sh up)"
	print_env
}

cmd_status() {
	read_shape || {
		echo "down ($D)"
		return 0
	}
	local i
	echo "$N node(s), $M manager(s), swarm=$SWARM, state $D"
	for ((i = 1; i <= N; i++)); do
		if ping_node "$i"; then
			echo "n$i up   $(node_ip "$i") $(node_sock "$i") dockerd pid $(dockerd_pid "$i")"
		else
			echo "n$i down $(node_ip "$i") $(node_sock "$i")"
		fi
	done
}

usage() {
	sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

cmd=${1:-}
[[ $# -gt 0 ]] && shift
case $cmd in
up) cmd_up "$@" ;;
down) cmd_down ;;
stop) cmd_stop "$@" ;;
kill) cmd_kill "$@" ;;
start) cmd_start "$@" ;;
env) cmd_env ;;
status) cmd_status ;;
*) usage ;;
esac
