#!/usr/bin/env bash
# The live alert proof: every curated alert of alerts/kafka.bw fires on a live three-node KRaft cluster
# under a real fault, in a real Prometheus, and resolves after the repair.
#
#   tests/live-proof.sh [--backend local|testcontainers] [--kafka VERSION] [--agent brokerwatch|stock]
#                       [--only TestIT[,OtherIT]] [--quick] [--append]
#
#   defaults: --backend local, --kafka 4.1.2 (the root pom's kafka.version), --agent brokerwatch
#   --quick   what `mvn verify` runs: without the scenarios tagged unproven-here (faults that have not made
#             their alert fire on a 2-CPU machine yet) and without awaiting the rules' long fixed windows
#   --append  keep the rows of earlier runs in the report: one table across backends and versions
#   --backend testcontainers   every node in a container (host networking, Ryuk off, the local JRE image):
#             installs docker.io and debootstrap, starts its own Docker engine and stops it at the end;
#             a scenario tagged local-only (none is now) is left out and shows as not proven in the report
#
# It installs Prometheus (Debian's package, via scripts/install-test-deps.sh, as root), builds the compiler
# and the agent, compiles the curated pack with the proof's --set values (ProofParams), and runs the fault
# scenarios of tests/src/test/java/dev/brokerwatch/tests/faults/ (`mvn verify -Plive-proof`). Results:
#   tests/target/alert-proof.json   one object per alert and scenario (or the reason it is not provokable)
#   tests/target/alert-proof.md     the same as a table
# Every broker, Prometheus and mount is stopped/removed by the tests, also when one fails; an interrupt of
# this script stops the Maven run by its pid (whose shutdown hook stops the brokers).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

prop() { sed -n "s:.*<$1>\\(.*\\)</$1>.*:\\1:p" "$ROOT/pom.xml" | head -n1; }

BACKEND=local
KAFKA="$(prop kafka.version)"
AGENT=brokerwatch
ONLY=""
QUICK=0
APPEND=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --backend) BACKEND="$2"; shift 2 ;;
    --kafka) KAFKA="$2"; shift 2 ;;
    --agent) AGENT="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --append) APPEND=1; shift ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "live-proof: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

log() { echo "live-proof: $*"; }

case "$BACKEND" in
  local|testcontainers) ;;
  *) echo "live-proof: unknown backend '$BACKEND' (local|testcontainers)" >&2; exit 2 ;;
esac
if [[ ! "$KAFKA" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "live-proof: not a Kafka version: '$KAFKA'" >&2; exit 2
fi

SUDO=""
[[ "$(id -u)" == 0 ]] || SUDO=sudo
if [[ "$BACKEND" == testcontainers ]]; then
  $SUDO scripts/install-test-deps.sh --docker
elif [[ ! -x /usr/bin/prometheus || ! -x /usr/bin/promtool ]]; then
  $SUDO scripts/install-test-deps.sh
fi
ENGINE_STARTED=0
if [[ "$BACKEND" == testcontainers ]]; then
  $SUDO scripts/docker-engine.sh start
  ENGINE_STARTED=1
  trap '$SUDO scripts/docker-engine.sh stop' EXIT
  eval "$(scripts/docker-engine.sh env)"
  $SUDO scripts/docker-engine.sh image
fi
if [[ "$(id -u)" != 0 ]]; then
  log "not root: the log-directory-full scenario mounts a tmpfs and will fail"
fi

log "building the compiler, the harness and the agent"
mvn -B -q -ntp -pl rules-dsl,compiler,harness,harness-testcontainers,harness-proof -am install -DskipTests
if [[ "$AGENT" == brokerwatch ]]; then
  mvn -B -q -ntp -pl javaagent -am package -DskipTests
fi

args=(-B -ntp -f tests/pom.xml verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Plive-proof
      "-Dbrokerwatch.proof.kafka.version=$KAFKA" "-Dbrokerwatch.proof.agent=$AGENT"
      "-Dbrokerwatch.proof.backend=$BACKEND")
excluded=()
if [[ "$QUICK" == 0 ]]; then
  args+=(-Dbrokerwatch.proof.awaitLongWindows=true)
else
  excluded+=(unproven-here)
fi
[[ "$BACKEND" == testcontainers ]] && excluded+=(local-only)
if [[ ${#excluded[@]} -gt 0 ]]; then
  args+=("-Dbrokerwatch.it.excludedGroups=$(IFS=,; echo "${excluded[*]}")")
else
  args+=(-Dbrokerwatch.it.excludedGroups=none)
fi
if [[ -n "$ONLY" ]]; then
  args+=("-Dit.test=$ONLY")
fi
if [[ "$APPEND" == 1 ]]; then
  args+=(-Dbrokerwatch.proof.append=true)
else
  rm -rf tests/target/proof/rows
fi

log "mvn ${args[*]}"
start=$(date +%s)
mvn "${args[@]}" &
MVN_PID=$!
cleanup() {
  if kill -0 "$MVN_PID" 2>/dev/null; then
    log "stopping the Maven run (pid $MVN_PID)"
    kill -TERM "$MVN_PID" 2>/dev/null || true
    wait "$MVN_PID" 2>/dev/null || true
  fi
  if [[ "$ENGINE_STARTED" == 1 ]]; then
    $SUDO scripts/docker-engine.sh stop || true
  fi
  # a killed test JVM cannot unmount its tmpfs: do it here, by mount point
  if [[ -d tests/target/proof-mnt ]]; then
    { awk '{print $2}' /proc/mounts | grep "^$ROOT/tests/target/proof-mnt/" || true; } | while read -r m; do
      umount "$m" 2>/dev/null || umount -l "$m" || true
    done
  fi
  return 0 # the script's exit code is the Maven run's, not the cleanup's
}
trap cleanup INT TERM EXIT
rc=0
wait "$MVN_PID" || rc=$?
log "mvn finished with exit code $rc after $(( $(date +%s) - start )) s"
for f in tests/target/alert-proof.json tests/target/alert-proof.md; do
  [[ -f "$f" ]] && log "wrote $f"
done
exit "$rc"
