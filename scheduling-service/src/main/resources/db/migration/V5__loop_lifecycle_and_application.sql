-- Loops know their application as the candidate service confirmed it at creation (who the candidate
-- is, for itineraries and invites; which job and round), and go through a lifecycle:
-- DRAFT (a saved request) -> PROPOSED (options offered to the candidate) -> BOOKED -> CANCELLED.
-- IN_PROGRESS and COMPLETED are not stored: they follow from the clock and starts_at / ends_at.
alter table loop
    add column round           integer,
    add column candidate_id    uuid,
    add column candidate_name  text,
    add column candidate_email text,
    add column job_id          uuid,
    add column job_title       text,
    add column round_name      text,
    add column starts_at       timestamptz,
    add column ends_at         timestamptz,
    add column proposed_options jsonb,
    alter column day drop not null;

update loop l set starts_at = s.first_start, ends_at = s.last_end
from (select tenant_id, loop_id, min(starts_at) as first_start, max(ends_at) as last_end
      from loop_session group by tenant_id, loop_id) s
where s.tenant_id = l.tenant_id and s.loop_id = l.id;

alter table loop drop constraint loop_status_check;
alter table loop add constraint loop_status_check check (status in ('DRAFT', 'PROPOSED', 'BOOKED', 'CANCELLED'));
alter table loop add constraint loop_booked_has_times check (status not in ('BOOKED') or (day is not null and starts_at is not null and ends_at is not null));

-- One live loop per application and round: a second request for the same round is a mistake
-- (cancel the first one, or change it). Loops from before this migration have no round.
create unique index loop_one_live_per_round on loop (tenant_id, application_id, round)
    where status in ('DRAFT', 'PROPOSED', 'BOOKED') and round is not null;
create index loop_upcoming on loop (tenant_id, status, starts_at);

alter table loop_change drop constraint loop_change_kind_check;
alter table loop_change add constraint loop_change_kind_check
    check (kind in ('DRAFTED', 'PROPOSED', 'BOOKED', 'PARTICIPANT_REPLACED', 'SESSIONS_MOVED', 'CANCELLED'));
