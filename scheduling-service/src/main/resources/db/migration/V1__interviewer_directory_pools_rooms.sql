-- scheduling-service: the interviewer directory, their busy times, pools and rooms.
-- Runs as the schema owner; the service connects as ${app_role} under row-level security.

create table interviewer (
    id                        uuid        primary key,
    tenant_id                 text        not null,
    version                   bigint      not null,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    full_name                 text        not null,
    title                     text        not null,
    role_kind                 text        not null check (role_kind in ('HIRING_MANAGER', 'SUPERVISOR', 'EXECUTIVE', 'PEER',
                                                   'DIRECT_REPORT', 'TECHNICAL_CONSULTANT', 'TOUR_GUIDE', 'OTHER')),
    email                     text        not null,
    time_zone                 text        not null,
    working_hours             jsonb       not null,
    max_interviews_per_day    integer     not null check (max_interviews_per_day between 0 and 20),
    max_interviews_per_week   integer     not null check (max_interviews_per_week between 0 and 60),
    oidc_subject              text,
    active                    boolean     not null,
    unique (tenant_id, id)
);
create unique index interviewer_email_per_tenant on interviewer (tenant_id, lower(email));
create unique index interviewer_subject_per_tenant on interviewer (tenant_id, oidc_subject) where oidc_subject is not null;
create index interviewer_sync on interviewer (tenant_id, updated_at, id);

create table busy_block (
    id              uuid        primary key,
    tenant_id       text        not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    interviewer_id  uuid        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    kind            text        not null check (kind in ('TIME_OFF', 'BUSY')),
    source          text        not null check (source in ('API', 'ICS_IMPORT')),
    summary         text,
    external_uid    text,
    check (ends_at > starts_at),
    foreign key (tenant_id, interviewer_id) references interviewer (tenant_id, id)
);
create index busy_block_interviewer_time on busy_block (tenant_id, interviewer_id, starts_at, ends_at);
create index busy_block_sync on busy_block (tenant_id, interviewer_id, updated_at, id);
-- Re-importing the same calendar updates events instead of duplicating them.
create unique index busy_block_external_uid on busy_block (tenant_id, interviewer_id, external_uid, starts_at)
    where external_uid is not null;

create table pool (
    id           uuid        primary key,
    tenant_id    text        not null,
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    name         text        not null,
    description  text,
    member_ids   uuid[]      not null default '{}',
    unique (tenant_id, id)
);
create unique index pool_name_per_tenant on pool (tenant_id, lower(name));
create index pool_sync on pool (tenant_id, updated_at, id);

create table room (
    id           uuid        primary key,
    tenant_id    text        not null,
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    name         text        not null,
    kind         text        not null check (kind in ('IN_PERSON', 'VIDEO')),
    building     text,
    floor        text,
    capacity     integer     not null check (capacity between 1 and 500),
    video_link   text,
    active       boolean     not null,
    check (kind <> 'VIDEO' or video_link is not null),
    unique (tenant_id, id)
);
create unique index room_name_per_tenant on room (tenant_id, lower(name));
create index room_sync on room (tenant_id, updated_at, id);

call platform_protect_tenant_table('interviewer', '${app_role}');
call platform_protect_tenant_table('busy_block', '${app_role}');
call platform_protect_tenant_table('pool', '${app_role}');
call platform_protect_tenant_table('room', '${app_role}');
-- Busy blocks are removed when an interviewer's time off is cancelled.
grant delete on busy_block to ${app_role};
