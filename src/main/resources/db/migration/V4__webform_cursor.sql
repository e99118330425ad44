-- The webform channel's durable cursor, and failed inputs kept for support staff to replay.

-- One row per form platform: where the next poll of its submissions API starts.
create table webform_cursor (
    platform      text primary key,
    -- The updated_since value the current sync asks with; every page of one sync uses the same value.
    updated_since timestamptz not null,
    -- The platform's opaque cursor for the next page of the current sync; null between syncs.
    cursor        text,
    -- The newest updatedAt seen in the current sync; it becomes updated_since when the sync ends.
    seen_until    timestamptz,
    updated_at    timestamptz not null default now()
);

-- Inputs that could not be processed even after retries, from any channel: a broken page, a file, a message.
-- A row stays open while the same input keeps failing; replay sends it back into entry_point.
create table failed_message (
    id               bigserial primary key,
    source           text not null,
    -- What identifies the input within its source, so a repeat failure updates the same row.
    message_key      text not null,
    route_id         text not null,
    entry_point      text not null,
    error_type       text not null,
    error_message    text not null,
    -- The input with every field outside the channel's mapping removed; null when nothing safe could be kept.
    payload          text,
    first_failed_at  timestamptz not null default now(),
    last_failed_at   timestamptz not null default now(),
    attempts         integer not null default 1 check (attempts >= 1),
    status           text not null default 'open' check (status in ('open', 'replayed', 'discarded')),
    run_id           bigint references collection_run (id)
);

create unique index failed_message_open on failed_message (source, message_key) where status = 'open';
create index failed_message_status on failed_message (status, last_failed_at desc);
