#!/usr/bin/env bash
# Makes a Docker engine available for the docker runtime (--runtime docker) and its container tests, then builds
# the images with ./pairbench images. Idempotent: an engine that already answers is used as it is, an existing
# /etc/docker/daemon.json is kept, and the images are rebuilt only when python-targets/ changed.
# Runs as root (CI). Recipe and reasons: README.md, "Containers (--runtime docker)".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { echo "[docker-setup] $*"; }

apt_install() {
  log "installing from Debian packages: $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

if docker info >/dev/null 2>&1; then
  log "a Docker engine answers already: $(docker info --format '{{.ServerVersion}}' 2>/dev/null)"
else
  command -v dockerd >/dev/null 2>&1 || apt_install docker.io
  # Host networking only: no bridge, no NAT rules, so the measured traffic stays on the loopback.
  if [ ! -f /etc/docker/daemon.json ]; then
    mkdir -p /etc/docker
    echo '{"bridge":"none","iptables":false,"ip6tables":false}' > /etc/docker/daemon.json
    log "wrote /etc/docker/daemon.json (bridge none, iptables off)"
  else
    log "keeping the existing /etc/docker/daemon.json: $(tr -d '\n' < /etc/docker/daemon.json)"
  fi
  if ! pgrep -x dockerd >/dev/null 2>&1; then
    log "starting dockerd (log: /var/log/dockerd.log)"
    nohup dockerd > /var/log/dockerd.log 2>&1 &
  fi
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  if ! docker info >/dev/null 2>&1; then
    log "dockerd did not answer within 60 s; its last lines:"
    tail -n 20 /var/log/dockerd.log >&2 || true
    exit 1
  fi
  log "dockerd is up: $(docker info --format '{{.ServerVersion}}')"
fi

# The Debian base image is made with debootstrap where no registry is reachable.
command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap

log "building the images (skipped while up to date): ./pairbench images"
./pairbench images
