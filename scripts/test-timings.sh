#!/usr/bin/env bash
# Prints how long each test class took (the live scenarios first), from the Surefire and Failsafe reports of the
# last build, slowest first, and the sum per module; then where the live scenarios spent their time, per phase
# (tests/target/proof-phases.tsv: start, prepare, scrape, settle, fire, deliver, resolve, quiet, stop).
#
#   scripts/test-timings.sh            every module's reports
#   scripts/test-timings.sh --top 15   only the 15 slowest classes
#   scripts/test-timings.sh --durations   rewrites tests/src/test/resources/it-durations.properties from the
#                                       tests module's IT reports (the order the ITs start in: longest first)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TOP=0
DURATIONS=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --top) TOP="$2"; shift 2 ;;
    --durations) DURATIONS=1; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test-timings: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

rows=$(
  for report in */target/surefire-reports/TEST-*.xml */target/failsafe-reports/TEST-*.xml; do
    [[ -f "$report" ]] || continue
    module=${report%%/*}
    kind=unit; [[ "$report" == *failsafe-reports* ]] && kind=it
    # the testsuite element's own name and time attributes (the first ones in the file)
    head -c 4096 "$report" | tr '\n' ' ' | grep -o '<testsuite [^>]*>' | head -1 \
      | sed -E 's/.* name="([^"]*)".* time="([^"]*)".*/\2 \1/' \
      | awk -v m="$module" -v k="$kind" '{ gsub(",", "", $1); printf "%10.1f  %-22s %-4s %s\n", $1, m, k, $2 }'
  done | sort -rn
)
if [[ -z "$rows" ]]; then
  echo "test-timings: no test reports found (run the tests first)"
  exit 0
fi
if [[ "$DURATIONS" == 1 ]]; then
  out=tests/src/test/resources/it-durations.properties
  its=$(echo "$rows" | awk '$2 == "tests" && $3 == "it" { printf "%s=%s\n", $4, $1 }')
  if [[ -z "$its" ]]; then
    echo "test-timings: no IT reports in tests/target/failsafe-reports (run scripts/test.sh first)" >&2
    exit 1
  fi
  {
    echo "# Seconds each IT class took in the last measured run (scripts/test-timings.sh --durations), read by"
    echo "# dev.brokerwatch.tests.order.LongestFirstClassOrderer to start the longest first. Only the order depends on it."
    echo "$its" | sort -t= -k2,2rn -k1,1
  } > "$out"
  echo "test-timings: wrote $(echo "$its" | wc -l) IT classes to $out"
  exit 0
fi
printf "%-10s  %-22s %-4s %s\n" seconds module kind class
if [[ "$TOP" -gt 0 ]]; then echo "$rows" | head -n "$TOP"; else echo "$rows"; fi
echo "$rows" | awk '{ s[$2" "$3] += $1; t += $1 } END { for (k in s) printf "%10.1f  %s (sum)\n", s[k], k; printf "%10.1f  all test classes (sum; the live ITs run several at a time, tests/pom.xml)\n", t }' | sort -rn

phases=tests/target/proof-phases.tsv
if [[ -s "$phases" ]]; then
  echo
  echo "seconds     live scenarios, per phase (sum over $(cut -f1 "$phases" | sort -u | wc -l) test classes)"
  awk -F'\t' '{ s[$3] += $4; n[$3]++ } END { for (p in s) printf "%10.1f  %-8s (%d times)\n", s[p], p, n[p] }' "$phases" | sort -rn
  echo "seconds     the longest phases"
  awk -F'\t' '{ printf "%10.1f  %-8s %s %s\n", $4, $3, $1, $2 }' "$phases" | sort -rn | head -n 15
fi
