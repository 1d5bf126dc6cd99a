#!/usr/bin/env bash
# A PostgreSQL server for the PostgreSQL test run (mvn -Ppostgres verify), on a Debian machine, as root:
# installs Debian's postgresql if missing, starts its cluster on 127.0.0.1:5432, and creates the role ehc
# (password ehc, CREATEDB: each test context creates its own database). Safe to run again. docs/production.md.
set -euo pipefail

if ! command -v pg_lsclusters >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql
fi

# The newest installed version's "main" cluster (Debian creates it with the package).
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start -- -o "-c listen_addresses=127.0.0.1 -c port=5432"
fi
pg_lsclusters

for attempt in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p 5432 <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ehc') THEN
    CREATE ROLE ehc LOGIN PASSWORD 'ehc' CREATEDB;
  END IF;
END $$;
SQL
echo "PostgreSQL $version on 127.0.0.1:5432, role ehc ready"
