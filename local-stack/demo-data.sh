#!/usr/bin/env bash
# Loads the demo data of tenants ambrion and northwind through the services' public APIs, with real
# tokens (password grant on secondround-cli): each tenant's recruiter for the directory, candidates and
# loops; each participant of a held loop for their own scorecard. Idempotent: safe to run again.
# ./run-local loads it; run it yourself against a running stack, e.g. after wiping the database.
#   CANDIDATE_SERVICE_URL   default http://localhost:8091
#   SCHEDULING_SERVICE_URL  default http://localhost:8092
#   FEEDBACK_SERVICE_URL    default http://localhost:8093
#   OIDC_AUTH_SERVER_URL    default http://localhost:8280/realms/secondround
# Needs only a JDK (the loader is dev.secondround.localstack.DemoData, built by ./run-local or
# ./mvnw -q -B -pl local-stack package).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ ! -f "$root/local-stack/target/classes/dev/secondround/localstack/DemoData.class" ]]; then
    echo "demo-data: building local-stack first" >&2
    (cd "$root" && ./mvnw -q -B -pl local-stack package)
fi
exec java -cp "$root/local-stack/target/classes:$root/local-stack/target/lib/*" dev.secondround.localstack.DemoData "$@"
