-- JobRefRefresh runs on every replica; the first replica to move this timestamp forward refreshes the
-- tenant's jobs, the others skip it until the interval has passed (a lease, not a lock: a replica that
-- dies half-way simply leaves the work to the next run).
alter table feedback_tenant add column jobs_refreshed_at timestamptz;
grant update (jobs_refreshed_at) on feedback_tenant to ${app_role};
