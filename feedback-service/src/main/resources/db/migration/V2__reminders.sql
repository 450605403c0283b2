-- Reminders and escalations (issue 4, completeness).

-- A reminder or escalation that could not be mailed is still recorded, with the reason: a participant
-- without an email address in the directory, a job whose hiring manager has none, or an overdue
-- participant who is the job's hiring manager themselves (nobody above them is known here).
alter table feedback_notification alter column recipient_email drop not null;
alter table feedback_notification alter column outbox_id drop not null;
alter table feedback_notification add column not_sent_reason text;
alter table feedback_notification add constraint feedback_notification_mailed_or_why
    check ((outbox_id is not null and recipient_email is not null) or not_sent_reason is not null);

-- The tenants that have feedback requests, so the reminder job can go tenant by tenant without
-- reading across tenants (like outbox_tenant: no row-level security, nothing but tenant ids).
-- Not outbox_tenant itself: that one lists tenants with outbox work and is read by the relay every
-- few seconds; a tenant gets outbox work only once a reminder was queued, which needs this list first.
create table feedback_tenant (tenant_id text primary key);
grant select, insert on feedback_tenant to ${app_role};
-- Filled by the loop sync. No backfill from feedback_request: row-level security is forced on it, so
-- this migration cannot see its rows (and the service had not been released before this table).
