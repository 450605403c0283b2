-- Database roles of the Second round services, for the postgres:17 container of docker-compose.yml
-- (runs once, on the first start with an empty volume, as the superuser in database secondround).
-- The same roles as ./run-local's embedded PostgreSQL (dev.secondround.localstack.LocalPostgres):
--   <svc>_owner  owns the service's schema: Flyway creates it (hence CREATE on the database) and migrates.
--   <svc>_app    what the service connects as: LOGIN, NOSUPERUSER, NOBYPASSRLS, owns nothing, so
--                row-level security applies to every query; its table rights come from the migrations.
-- Passwords are the services' local defaults: for local use only, never for a shared environment.

do $$
declare
    svc text;
begin
    foreach svc in array array['candidate', 'scheduling', 'feedback'] loop
        if not exists (select 1 from pg_roles where rolname = svc || '_owner') then
            execute format('create role %I', svc || '_owner');
        end if;
        if not exists (select 1 from pg_roles where rolname = svc || '_app') then
            execute format('create role %I', svc || '_app');
        end if;
        execute format('alter role %I with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password %L',
                       svc || '_owner', svc || '-owner-local');
        execute format('alter role %I with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password %L',
                       svc || '_app', svc || '-app-local');
        execute format('grant connect, create on database secondround to %I', svc || '_owner');
        execute format('grant connect on database secondround to %I', svc || '_app');
    end loop;
end
$$;
