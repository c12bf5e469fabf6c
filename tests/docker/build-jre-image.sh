#!/usr/bin/env bash
# Builds brokerwatch's local JRE image for the Testcontainers tests, without any image registry:
#
#   debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm ROOTFS
#   tar -C ROOTFS -c . | docker import - brokerwatch/jre17:<tag>
#
# Only when the image is missing (the engine's data root is the cache, see scripts/docker-engine.sh).
# Kafka is not in the image: the tests mount Kafka's jars from Maven Central (tests/target/kafka/<version>/libs)
# and the agent read-only into each container. Run as root, with DOCKER_HOST pointing at the engine
# (scripts/docker-engine.sh image does both).
#
#   tests/docker/build-jre-image.sh [--force] [image]     default image: brokerwatch/jre17:bookworm-1
#
# Environment: BROKERWATCH_DEBIAN_MIRROR (default: the first deb.debian.org-style URI of apt's sources,
# else http://deb.debian.org/debian), BROKERWATCH_DOCKER_CACHE (where the temporary root file system goes).
set -euo pipefail

IMAGE="brokerwatch/jre17:bookworm-1"
FORCE=0
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "build-jre-image: unknown option $arg" >&2; exit 2 ;;
    *) IMAGE="$arg" ;;
  esac
done
[[ "$IMAGE" == *:* && "$IMAGE" != *:latest ]] || { echo "build-jre-image: give the image an explicit tag other than latest: $IMAGE" >&2; exit 2; }

log() { echo "build-jre-image: $*" >&2; }
[[ "$(id -u)" == 0 ]] || { log "must run as root (debootstrap)"; exit 1; }
command -v debootstrap >/dev/null || { log "debootstrap is not installed: run scripts/install-test-deps.sh --docker"; exit 1; }
DOCKER=docker
[[ -x /usr/bin/docker ]] && DOCKER=/usr/bin/docker
[[ -n "${DOCKER_HOST:-}" ]] || log "DOCKER_HOST is not set; using the default engine"

if [[ "$FORCE" == 0 ]] && "$DOCKER" image inspect "$IMAGE" >/dev/null 2>&1; then
  log "$IMAGE is present ($("$DOCKER" image inspect -f '{{.Created}}' "$IMAGE")); nothing to do"
  exit 0
fi

mirror="${BROKERWATCH_DEBIAN_MIRROR:-}"
if [[ -z "$mirror" ]]; then
  mirror="$(grep -hoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
    | grep -oE 'https?://[^ ]+' | head -n1 || true)"
  mirror="${mirror:-http://deb.debian.org/debian}"
fi

CACHE="${BROKERWATCH_DOCKER_CACHE:-/var/cache/brokerwatch/docker}"
mkdir -p "$CACHE"
ROOTFS="$(mktemp -d "$CACHE/jre-rootfs.XXXXXX")"
LOG="$CACHE/jre-image-build.log"
cleanup() {
  # debootstrap mounts /proc and /sys in the chroot while it runs; make sure nothing stays mounted
  for m in $(awk -v d="$ROOTFS/" 'index($2 "/", d) == 1 { print $2 }' /proc/self/mounts | sort -r); do
    umount -l "$m" 2>/dev/null || true
  done
  rm -rf --one-file-system "$ROOTFS"
}
trap cleanup EXIT

start=$SECONDS
log "debootstrap bookworm (minbase + openjdk-17-jre-headless) from $mirror into $ROOTFS (log: $LOG)"
if ! debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$ROOTFS" "$mirror" >"$LOG" 2>&1; then
  tail -n 30 "$LOG" >&2
  log "debootstrap failed (see $LOG)"
  exit 1
fi
"$ROOTFS/usr/bin/java" -version >/dev/null 2>&1 || chroot "$ROOTFS" /usr/bin/java -version >>"$LOG" 2>&1 \
  || { log "java does not run in the new root file system"; exit 1; }
# smaller image: no downloaded packages, no apt lists
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/*
log "debootstrap done in $((SECONDS - start))s; importing as $IMAGE"
tar -C "$ROOTFS" -c . | "$DOCKER" import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["/bin/bash"]' \
  --message "brokerwatch tests/docker/build-jre-image.sh: debootstrap minbase bookworm + openjdk-17-jre-headless" \
  - "$IMAGE" >/dev/null
log "built $IMAGE in $((SECONDS - start))s: $("$DOCKER" image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}')"
