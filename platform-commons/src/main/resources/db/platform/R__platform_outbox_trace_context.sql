-- The W3C traceparent of the work that queued an outbox message, so its delivery continues the same
-- trace (docs/adr/0009-observability.md). Repeatable, so it runs after the service's own migrations:
-- outbox_message is created by each service that uses the outbox (ADR 0007), in whatever version it
-- chose, and a versioned platform migration (V0.x) would run before that table exists. Idempotent; a
-- service without an outbox has no table and nothing happens. A service that creates outbox_message
-- in a later migration includes the column itself (or changes this file, which reruns it).
alter table if exists outbox_message add column if not exists traceparent text;
