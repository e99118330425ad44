-- Each hub's live route files and the latest edit it refused, kept in the database rather than in one
-- hub's memory, so that the operations page of any hub of a cluster shows every hub's. A hub rewrites
-- its own rows when it starts, moves reported_at while it runs and deletes its rows when it stops.
create table route_file_state (
    -- The hub (process id @ host), as in backfill_run.
    hub            text        not null,
    file           text        not null,
    routes         text[]      not null default '{}',
    -- Null while the file has never been live on that hub (a new file whose first edit was refused).
    loaded_at      timestamptz,
    refused_line   integer,
    refused_reason text,
    refused_at     timestamptz,
    -- A hub that has not reported for a while has stopped without saying so; its rows are not shown.
    reported_at    timestamptz not null,
    primary key (hub, file),
    check ((refused_at is null) = (refused_reason is null))
);
