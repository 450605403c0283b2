-- feedback-service: scorecard templates, the loops scheduling told us about, a feedback request per
-- participant, scorecards with their history, reminders, decisions, and the outbox.
-- Runs as the schema owner; the service connects as ${app_role} under row-level security.

-- One row per tenant: how strictly anchoring is prevented and when feedback is due.
create table feedback_policy (
    id                       uuid        primary key,
    tenant_id                text        not null unique,
    version                  bigint      not null,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    anti_anchoring           text        not null check (anti_anchoring in ('NEVER', 'AFTER_SUBMITTING', 'ALWAYS')),
    due_hours_after_loop     integer     not null check (due_hours_after_loop between 1 and 336),
    reminder_every_hours     integer     not null check (reminder_every_hours between 1 and 168),
    escalate_after_hours     integer     not null check (escalate_after_hours between 1 and 720)
);

create table scorecard_template (
    id             uuid        primary key,
    tenant_id      text        not null,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    name           text        not null,
    description    text,
    form           text        not null check (form in ('FULL', 'LIGHT')),
    -- Which sessions it is for; null / empty means "any". The most specific active match wins.
    job_id         uuid,
    round          integer     check (round between 1 and 6),
    session_kinds  jsonb       not null default '[]',
    attributes     jsonb       not null,
    key_questions  jsonb       not null,
    active         boolean     not null,
    unique (tenant_id, id)
);
create unique index scorecard_template_name on scorecard_template (tenant_id, lower(name));
create index scorecard_template_sync on scorecard_template (tenant_id, updated_at, id);

-- The job as the candidate service had it at the last loop sync: who manages it (object rule and
-- escalations). Refreshed on every sync; the candidate service stays the owner.
create table job_ref (
    id                      uuid        primary key,
    tenant_id               text        not null,
    version                 bigint      not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    job_id                  uuid        not null,
    title                   text        not null,
    hiring_manager_subject  text        not null,
    hiring_manager_name     text        not null,
    hiring_manager_email    text,
    unique (tenant_id, job_id)
);

-- The loop as scheduling last told us (PUT /v1/loops/{loopId}); loop_version orders the updates.
create table feedback_loop (
    id              uuid        primary key,
    tenant_id       text        not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    loop_id         uuid        not null,
    loop_version    bigint      not null,
    status          text        not null check (status in ('BOOKED', 'CANCELLED')),
    application_id  uuid        not null,
    candidate_id    uuid,
    candidate_name  text,
    job_id          uuid,
    job_title       text,
    round           integer,
    round_name      text,
    time_zone       text        not null,
    day             date,
    starts_at       timestamptz,
    ends_at         timestamptz,
    unique (tenant_id, loop_id)
);
create index feedback_loop_application on feedback_loop (tenant_id, application_id);

create table feedback_request (
    id                   uuid        primary key,
    tenant_id            text        not null,
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    loop_id              uuid        not null,
    application_id       uuid        not null,
    job_id               uuid,
    round                integer,
    candidate_name       text,
    job_title            text,
    interviewer_id       uuid        not null,
    participant_subject  text,
    participant_name     text        not null,
    participant_title    text,
    participant_email    text,
    role_kind            text,
    sessions             jsonb       not null,
    form                 text        not null check (form in ('FULL', 'LIGHT')),
    template_id          uuid        not null,
    -- The template as it was when the request was made: a later edit does not change what was asked.
    template             jsonb       not null,
    due_at               timestamptz not null,
    status               text        not null check (status in ('OPEN', 'SUBMITTED', 'WITHDRAWN')),
    withdrawn_reason     text,
    reminders_sent       integer     not null default 0,
    last_reminded_at     timestamptz,
    escalated_at         timestamptz,
    unique (tenant_id, loop_id, interviewer_id),
    unique (tenant_id, id)
);
create index feedback_request_application on feedback_request (tenant_id, application_id, round);
create index feedback_request_participant on feedback_request (tenant_id, participant_subject, status);
create index feedback_request_due on feedback_request (tenant_id, due_at) where status = 'OPEN';
create index feedback_request_sync on feedback_request (tenant_id, updated_at, id);

create table scorecard (
    id              uuid        primary key,
    tenant_id       text        not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    request_id      uuid        not null,
    application_id  uuid        not null,
    job_id          uuid,
    round           integer,
    author_subject  text        not null,
    author_name     text        not null,
    author_title    text,
    role_kind       text,
    form            text        not null check (form in ('FULL', 'LIGHT')),
    status          text        not null check (status in ('DRAFT', 'SUBMITTED')),
    -- {"attributeKey": 1..4}: aggregated in SQL with jsonb_each_text.
    ratings         jsonb       not null,
    recommendation  text        check (recommendation in ('STRONG_NO', 'NO', 'YES', 'STRONG_YES')),
    answers         jsonb       not null,
    notes           text,
    submitted_at    timestamptz,
    revision        integer     not null,
    unique (tenant_id, request_id),
    foreign key (tenant_id, request_id) references feedback_request (tenant_id, id)
);
create index scorecard_application on scorecard (tenant_id, application_id, round) where status = 'SUBMITTED';
create index scorecard_job on scorecard (tenant_id, job_id, round) where status = 'SUBMITTED';
create index scorecard_sync on scorecard (tenant_id, updated_at, id);

-- Every submission, and every change after it, as it was: what the hiring manager read when.
create table scorecard_revision (
    id              uuid        primary key,
    tenant_id       text        not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    scorecard_id    uuid        not null,
    revision        integer     not null,
    ratings         jsonb       not null,
    recommendation  text        not null,
    answers         jsonb       not null,
    notes           text,
    change_reason   text,
    submitted_by    text        not null,
    unique (tenant_id, scorecard_id, revision)
);

-- Reminders and escalations, recorded when queued; the mail itself leaves through the outbox.
create table feedback_notification (
    id               uuid        primary key,
    tenant_id        text        not null,
    version          bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    request_id       uuid        not null,
    kind             text        not null check (kind in ('REMINDER', 'ESCALATION')),
    recipient_name   text,
    recipient_email  text        not null,
    outbox_id        uuid        not null
);
create index feedback_notification_request on feedback_notification (tenant_id, request_id, created_at);

create table decision (
    id                  uuid        primary key,
    tenant_id           text        not null,
    version             bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    application_id      uuid        not null,
    job_id              uuid,
    round               integer,
    outcome             text        not null check (outcome in ('NEXT_ROUND', 'FINALIST', 'OFFER', 'REJECT')),
    rationale           text        not null,
    decided_by_subject  text        not null,
    decided_by_name     text        not null,
    -- Applying it to the candidate service's stage, through the outbox.
    delivery_status     text        not null check (delivery_status in ('PENDING', 'APPLIED', 'REFUSED', 'FAILED')),
    delivery_attempts   integer     not null default 0,
    delivery_error      text,
    applied_at          timestamptz,
    applied_stage       text
);
create index decision_application on decision (tenant_id, application_id, created_at);
create index decision_job on decision (tenant_id, job_id, created_at);

-- Transactional outbox (platform-commons Outbox / OutboxRelay), as in the scheduling service.
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
create table outbox_tenant (tenant_id text primary key);
grant select, insert on outbox_tenant to ${app_role};

call platform_protect_tenant_table('feedback_policy', '${app_role}');
call platform_protect_tenant_table('scorecard_template', '${app_role}');
call platform_protect_tenant_table('job_ref', '${app_role}');
call platform_protect_tenant_table('feedback_loop', '${app_role}');
call platform_protect_tenant_table('feedback_request', '${app_role}');
call platform_protect_tenant_table('scorecard', '${app_role}');
call platform_protect_tenant_table('scorecard_revision', '${app_role}');
call platform_protect_tenant_table('feedback_notification', '${app_role}');
call platform_protect_tenant_table('decision', '${app_role}');
call platform_protect_tenant_table('outbox_message', '${app_role}');
