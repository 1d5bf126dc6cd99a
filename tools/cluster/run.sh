#!/usr/bin/env bash
# Cluster and crash tests (issue 7; docs/production.md, "Cluster and crash tests"): two JVMs of the packaged jar on
# ports 8091 and 8092, one PostgreSQL database (127.0.0.1:5432, role ehc/ehc with CREATEDB, as set up by
# tools/postgres/start-test-server.sh). Runs the two-node test, then the crash test, each on a fresh database. Both
# nodes' outbox senders send to an SMTP sink that cluster_test.py runs on a free local port.
#   bash tools/cluster/run.sh                   # both, EHC_CLUSTER_CASES cases each (default 500)
#   bash tools/cluster/run.sh --cases 100       # extra arguments go to both runs (see cluster_test.py --help)
# Node logs: /tmp/ehc_cluster-node-{A,B}.log, /tmp/ehc_cluster_crash-node-{A,B}.log (EHC_CLUSTER_LOGDIR); a failed
# run prints their ERROR lines. Exit status non-zero on any failed check.
set -euo pipefail
cd "$(dirname "$0")/../.."

logdir=${EHC_CLUSTER_LOGDIR:-/tmp}
cases=${EHC_CLUSTER_CASES:-500}

# Should this script be stopped, stop the nodes the Python driver started (it stops them itself otherwise).
cleanup() {
  for node in A B; do
    pidfile="$logdir/cluster-node-$node.pid"
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
    fi
  done
}
trap cleanup EXIT

if ! ls target/ehc-pathway-*.jar >/dev/null 2>&1; then
  echo "== mvn package (the jar the nodes run)"
  mvn -B -ntp -q -DskipTests package
fi

status=0
echo "== cluster test: two nodes, one PostgreSQL ($cases cases)"
python3 tools/cluster/cluster_test.py --cases "$cases" --database ehc_cluster --logdir "$logdir" "$@" || status=1
cleanup
echo "== crash test: kill -9 of node B during the load and during a clock step, of node A inside an email send ($cases cases)"
python3 tools/cluster/cluster_test.py --crash --cases "$cases" --database ehc_cluster_crash --logdir "$logdir" "$@" \
  || status=1
exit $status
