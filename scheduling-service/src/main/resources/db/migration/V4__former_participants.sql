-- People replaced in a session: kept so their calendar gets a CANCEL for the event it holds.
alter table loop_session add column former_participants jsonb not null default '[]';
