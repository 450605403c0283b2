-- Shared by every service (lives in platform-commons, runs before the service's own V1).
-- Runs as the schema owner; the application role gets data rights only, under row-level security.
grant usage on schema ${flyway:defaultSchema} to ${app_role};

create table idempotency_key (
    tenant_id         text        not null,
    caller            text        not null,
    idempotency_key   text        not null,
    request_hash      text        not null,
    state             text        not null check (state in ('IN_FLIGHT', 'COMPLETED')),
    response_status   integer,
    response_body     text,
    response_location text,
    response_etag     text,
    created_at        timestamptz not null default now(),
    primary key (tenant_id, caller, idempotency_key)
);
create index idempotency_key_created_at on idempotency_key (created_at);

alter table idempotency_key enable row level security;
alter table idempotency_key force row level security;
create policy tenant_isolation on idempotency_key
    using (tenant_id = nullif(current_setting('app.tenant_id', true), ''))
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), ''));

grant select, insert, update, delete on idempotency_key to ${app_role};

-- Every service table calls this in its own migration: one definition of the second tenancy lock.
-- Policies compare with the transaction-local app.tenant_id; unset means no rows and no writes.
create procedure platform_protect_tenant_table(target regclass, app_role name)
language plpgsql as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('create policy tenant_isolation on %s'
                   ' using (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))'
                   ' with check (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))', target);
    execute format('grant select, insert, update on %s to %I', target, app_role);
end
$$;
