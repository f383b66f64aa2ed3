#!/usr/bin/env bash
# Bring up a local Docker engine for the verify-cache end-to-end tests, on a machine without a
# registry: Debian's docker.io (its client has the embedded BuildKit), a vfs-backed dockerd with
# no networking, and a base image `local/busybox:1` imported from busybox-static.
# Idempotent: each step is skipped when already done. Run as root.
#
#   scripts/setup-docker.sh            # install if needed, start dockerd, create the base image
#   DOCKERD_LOG=/tmp/dockerd.log ...   # where dockerd's output goes (default below)
set -euo pipefail

DOCKER=${DOCKER:-/usr/bin/docker}
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/docker-policy-dockerd.log}
BASE_IMAGE=${BASE_IMAGE:-local/busybox:1}
WAIT_SECONDS=${WAIT_SECONDS:-60}
# Build and run state live here: the overlay filesystems of some CI containers refuse vfs on /var/lib/docker.
DATA_ROOT=${DOCKER_DATA_ROOT:-/var/lib/docker}

log() { printf 'setup-docker: %s\n' "$*" >&2; }

if [ "$(id -u)" != 0 ]; then
  log "must run as root (installs packages and starts dockerd)"
  exit 2
fi

need_packages=()
[ -x "$DOCKER" ] && command -v dockerd >/dev/null 2>&1 || need_packages+=(docker.io)
[ -x /bin/busybox ] || need_packages+=(busybox-static)
if [ ${#need_packages[@]} -gt 0 ]; then
  log "installing ${need_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

if ! "$DOCKER" info >/dev/null 2>&1; then
  log "starting dockerd (log: $DOCKERD_LOG)"
  mkdir -p "$(dirname "$DOCKERD_LOG")" "$DATA_ROOT"
  # No iptables or bridge: builds use --network=none, and CI containers rarely allow either.
  nohup dockerd --iptables=false --ip-forward=false --bridge=none --storage-driver=vfs \
    --data-root="$DATA_ROOT" >>"$DOCKERD_LOG" 2>&1 &
  for _ in $(seq 1 "$WAIT_SECONDS"); do
    "$DOCKER" info >/dev/null 2>&1 && break
    sleep 1
  done
  if ! "$DOCKER" info >/dev/null 2>&1; then
    log "dockerd did not come up within ${WAIT_SECONDS}s; last lines of $DOCKERD_LOG:"
    tail -n 20 "$DOCKERD_LOG" >&2 || true
    exit 1
  fi
fi

if ! "$DOCKER" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  log "creating $BASE_IMAGE from /bin/busybox"
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
  echo 'root:x:0:' >"$root/etc/group"
  chmod 1777 "$root/tmp"
  tar -C "$root" -c . | "$DOCKER" import -c 'ENV PATH=/bin' - "$BASE_IMAGE" >/dev/null
fi

log "ready: $("$DOCKER" version --format 'client {{.Client.Version}}, server {{.Server.Version}}')"
