-- Backfills, kept in the database rather than in one hub's memory, so that every hub of a cluster shows
-- the same progress and at most one backfill of a source runs at a time across the cluster.
create table backfill_run (
    id            bigint generated always as identity primary key,
    source        text not null,
    from_day      date not null,
    state         text not null check (state in ('running', 'done', 'failed')),
    -- The hub doing the work (process id @ host), for support staff; not used to decide anything.
    hub           text not null,
    units_done    bigint not null default 0,
    -- Files or inbox folders in all; null when the source cannot tell in advance (forms).
    units_total   bigint,
    fraction_done double precision not null default 0 check (fraction_done between 0 and 1),
    loaded        bigint not null default 0,
    duplicate     bigint not null default 0,
    rejected      bigint not null default 0,
    started_at    timestamptz not null,
    -- Moved by every unit and by a heartbeat while running: a running backfill that stops moving was
    -- left behind by a hub that stopped, and the next start of that source marks it failed.
    updated_at    timestamptz not null,
    ended_at      timestamptz,
    problem       text,
    check ((state = 'running') = (ended_at is null))
);

create unique index backfill_run_one_running on backfill_run (source) where state = 'running';
create index backfill_run_latest on backfill_run (source, started_at desc);
