-- candidate-service schema. Runs as the schema owner; the service connects as ${app_role}.
-- Every table: tenant_id in the primary key's neighbourhood (unique (tenant_id, id)), composite
-- foreign keys so a row can only point at rows of its own tenant, and row-level security.

create table client (
    id          uuid        primary key,
    tenant_id   text        not null,
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    name        text        not null,
    industry    text,
    website     text,
    contacts    jsonb       not null default '[]',
    unique (tenant_id, id)
);
create unique index client_name_per_tenant on client (tenant_id, lower(name));
create index client_sync on client (tenant_id, updated_at, id);

create table job (
    id                     uuid        primary key,
    tenant_id              text        not null,
    version                bigint      not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    client_id              uuid        not null,
    title                  text        not null,
    department             text,
    location               text,
    hiring_manager_subject text        not null,
    hiring_manager_name    text        not null,
    hiring_manager_email   text,
    status                 text        not null check (status in ('OPEN', 'ON_HOLD', 'FILLED', 'CLOSED')),
    interview_plan         jsonb       not null,
    unique (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);
create index job_sync on job (tenant_id, updated_at, id);
create index job_hiring_manager on job (tenant_id, hiring_manager_subject);
create index job_client on job (tenant_id, client_id);

create table candidate (
    id             uuid        primary key,
    tenant_id      text        not null,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    first_name     text        not null,
    last_name      text        not null,
    email          text        not null,
    phone          text,
    linkedin_url   text,
    resume_url     text,
    source         text        not null,
    owner_subject  text        not null,
    tags           varchar(40)[] not null default '{}',
    unique (tenant_id, id)
);
create unique index candidate_email_per_tenant on candidate (tenant_id, lower(email));
create index candidate_sync on candidate (tenant_id, updated_at, id);
create index candidate_tags on candidate using gin (tags);

create table application (
    id             uuid        primary key,
    tenant_id      text        not null,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    candidate_id   uuid        not null,
    job_id         uuid        not null,
    stage          text        not null check (stage in ('APPLIED', 'SCREENING', 'ROUND', 'FINALIST', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN')),
    current_round  integer     check (current_round between 1 and 6),
    unique (tenant_id, id),
    unique (tenant_id, candidate_id, job_id),
    check (stage <> 'ROUND' or current_round is not null),
    foreign key (tenant_id, candidate_id) references candidate (tenant_id, id),
    foreign key (tenant_id, job_id) references job (tenant_id, id)
);
create index application_sync on application (tenant_id, updated_at, id);
create index application_job on application (tenant_id, job_id);

create table stage_change (
    id                  uuid        primary key,
    tenant_id           text        not null,
    version             bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    application_id      uuid        not null,
    from_stage          text,
    from_round          integer,
    to_stage            text        not null,
    to_round            integer,
    reason              text,
    changed_by_subject  text        not null,
    changed_by_name     text        not null,
    foreign key (tenant_id, application_id) references application (tenant_id, id)
);
create index stage_change_application on stage_change (tenant_id, application_id, updated_at, id);

create table debrief (
    id                    uuid        primary key,
    tenant_id             text        not null,
    version               bigint      not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    application_id        uuid        not null,
    round                 integer     not null check (round between 1 and 6),
    went_well             text,
    struggled_with        text,
    emphasise_next_round  text,
    visibility            text        not null check (visibility in ('INTERNAL', 'SHARED_WITH_HIRING_MANAGER')),
    author_subject        text        not null,
    author_name           text        not null,
    foreign key (tenant_id, application_id) references application (tenant_id, id)
);
create index debrief_application on debrief (tenant_id, application_id, updated_at, id);

create table follow_up (
    id                 uuid        primary key,
    tenant_id          text        not null,
    version            bigint      not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    application_id     uuid        not null,
    round              integer     not null check (round between 1 and 6),
    interviewer_name   text        not null,
    interviewer_email  text,
    kind               text        not null check (kind in ('THANK_YOU_NOTE', 'CHECK_IN', 'OTHER')),
    sent_on            date        not null,
    note               text,
    recorded_by        text        not null,
    foreign key (tenant_id, application_id) references application (tenant_id, id)
);
create index follow_up_application on follow_up (tenant_id, application_id, updated_at, id);

call platform_protect_tenant_table('client', '${app_role}');
call platform_protect_tenant_table('job', '${app_role}');
call platform_protect_tenant_table('candidate', '${app_role}');
call platform_protect_tenant_table('application', '${app_role}');
call platform_protect_tenant_table('stage_change', '${app_role}');
call platform_protect_tenant_table('debrief', '${app_role}');
call platform_protect_tenant_table('follow_up', '${app_role}');
