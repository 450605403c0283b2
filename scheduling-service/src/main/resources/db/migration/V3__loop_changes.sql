-- Every change to a booked loop, kept: who changed what, when and why.
create table loop_change (
    id          uuid        primary key,
    tenant_id   text        not null,
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    loop_id     uuid        not null,
    kind        text        not null check (kind in ('BOOKED', 'PARTICIPANT_REPLACED', 'CANCELLED')),
    detail      text        not null,
    reason      text,
    changed_by  text        not null,
    foreign key (tenant_id, loop_id) references loop (tenant_id, id)
);
create index loop_change_loop on loop_change (tenant_id, loop_id, updated_at, id);

call platform_protect_tenant_table('loop_change', '${app_role}');
