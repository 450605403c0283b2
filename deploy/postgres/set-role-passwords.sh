#!/usr/bin/env bash
# Second round, docker-compose.yml only: gives the services' database roles (created by init.sql, which
# runs just before this) the passwords from the container's environment, so that one setting in the
# environment (.env) configures both the database and the service. Like init.sql, it runs once, on the
# first start with an empty volume. psql variables (:'name') quote the values, whatever they contain.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v candidate_owner="${CANDIDATE_DB_OWNER_PASSWORD:-candidate-owner-local}" \
    -v candidate_app="${CANDIDATE_DB_APP_PASSWORD:-candidate-app-local}" \
    -v scheduling_owner="${SCHEDULING_DB_OWNER_PASSWORD:-scheduling-owner-local}" \
    -v scheduling_app="${SCHEDULING_DB_APP_PASSWORD:-scheduling-app-local}" \
    -v feedback_owner="${FEEDBACK_DB_OWNER_PASSWORD:-feedback-owner-local}" \
    -v feedback_app="${FEEDBACK_DB_APP_PASSWORD:-feedback-app-local}" <<'SQL'
alter role candidate_owner password :'candidate_owner';
alter role candidate_app password :'candidate_app';
alter role scheduling_owner password :'scheduling_owner';
alter role scheduling_app password :'scheduling_app';
alter role feedback_owner password :'feedback_owner';
alter role feedback_app password :'feedback_app';
SQL
