-- Transactional outbox (platform-commons Outbox / OutboxRelay): invites leave only after the change
-- that caused them committed, and are retried until delivered. outbox_tenant lists the tenants with
-- outbox work so the relay finds them without reading across tenants; it holds nothing else.
create table outbox_message (
    id              uuid        primary key,
    tenant_id       text        not null,
    topic           text        not null,
    payload         jsonb       not null,
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz
);
create index outbox_message_due on outbox_message (tenant_id, next_attempt_at) where status = 'PENDING';
call platform_protect_tenant_table('outbox_message', '${app_role}');

create table outbox_tenant (tenant_id text primary key);
grant select, insert on outbox_tenant to ${app_role};
