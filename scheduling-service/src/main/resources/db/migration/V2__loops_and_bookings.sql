-- Booked loops. Double booking is impossible at the database level: exclusion constraints on
-- (tenant, person, time range) and (tenant, room, time range), so two concurrent confirmations that
-- collide cannot both commit, whatever the application does.
create extension if not exists btree_gist;

create table loop (
    id              uuid        primary key,
    tenant_id       text        not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    application_id  uuid        not null,
    title           text        not null,
    time_zone       text        not null,
    day             date        not null,
    status          text        not null check (status in ('BOOKED', 'CANCELLED')),
    plan            jsonb       not null,
    booked_by       text        not null,
    cancelled_reason text,
    unique (tenant_id, id)
);
create index loop_sync on loop (tenant_id, updated_at, id);
create index loop_application on loop (tenant_id, application_id);

create table loop_session (
    id              uuid        primary key,
    tenant_id       text        not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    loop_id         uuid        not null,
    session_key     text        not null,
    title           text        not null,
    kind            text        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    room_id         uuid,
    venue           text        not null check (venue in ('ROOM', 'VIDEO', 'NONE')),
    participants    jsonb       not null,
    unique (tenant_id, id),
    unique (tenant_id, loop_id, session_key),
    foreign key (tenant_id, loop_id) references loop (tenant_id, id),
    foreign key (tenant_id, room_id) references room (tenant_id, id)
);
create index loop_session_loop on loop_session (tenant_id, loop_id);

-- The rows the constraints work on; removed when a loop is cancelled.
create table interviewer_booking (
    tenant_id       text        not null,
    loop_session_id uuid        not null,
    interviewer_id  uuid        not null,
    during          tstzrange   not null,
    counts_as_interview boolean not null,
    primary key (tenant_id, loop_session_id, interviewer_id),
    foreign key (tenant_id, loop_session_id) references loop_session (tenant_id, id),
    foreign key (tenant_id, interviewer_id) references interviewer (tenant_id, id),
    constraint no_double_booked_interviewer exclude using gist (tenant_id with =, interviewer_id with =, during with &&)
);

create table room_booking (
    tenant_id       text        not null,
    loop_session_id uuid        not null,
    room_id         uuid        not null,
    during          tstzrange   not null,
    primary key (tenant_id, loop_session_id, room_id),
    foreign key (tenant_id, loop_session_id) references loop_session (tenant_id, id),
    foreign key (tenant_id, room_id) references room (tenant_id, id),
    constraint no_double_booked_room exclude using gist (tenant_id with =, room_id with =, during with &&)
);

call platform_protect_tenant_table('loop', '${app_role}');
call platform_protect_tenant_table('loop_session', '${app_role}');
call platform_protect_tenant_table('interviewer_booking', '${app_role}');
call platform_protect_tenant_table('room_booking', '${app_role}');
grant delete on interviewer_booking, room_booking to ${app_role};
