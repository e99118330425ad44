-- The reporting database: registry, contacts, collection runs and rejected records.
-- Times are timestamptz; the reporting day is the Europe/London calendar day.

create table contact_point (
    id             bigserial primary key,
    channel        text not null check (channel in ('phone', 'email', 'webform')),
    identifier     text not null,
    name           text,
    service        text,
    department     text,
    public_facing  boolean,
    -- The first and last day (inclusive) this entry applies to; -infinity and null mean open.
    valid_from     date not null default '-infinity',
    valid_to       date,
    verified_by    text,
    verified_on    date,
    -- False for a contact point the hub saw in a source but nobody has registered yet.
    registered     boolean not null default true,
    first_seen_at  timestamptz,
    updated_at     timestamptz not null default now(),
    unique (channel, identifier, valid_from),
    check (valid_to is null or valid_to >= valid_from)
);

create table collection_run (
    id              bigserial primary key,
    source          text not null,
    source_ref      text,
    started_at      timestamptz not null default now(),
    ended_at        timestamptz,
    status          text not null check (status in ('running', 'succeeded', 'failed')),
    read_count      bigint not null default 0,
    loaded_count    bigint not null default 0,
    duplicate_count bigint not null default 0,
    rejected_count  bigint not null default 0,
    error           text,
    check (status = 'running' or read_count = loaded_count + duplicate_count + rejected_count)
);

create index collection_run_source on collection_run (source, started_at desc);
create index collection_run_running on collection_run (source, source_ref) where status = 'running';

create table contact_event (
    id             bigserial primary key,
    channel        text not null check (channel in ('phone', 'email', 'webform')),
    contact_point  text not null,
    occurred_at    timestamptz not null,
    reporting_day  date generated always as ((occurred_at at time zone 'Europe/London')::date) stored,
    natural_key    text not null,
    time_ambiguous boolean not null default false,
    outcome        text check (outcome in ('answered', 'abandoned', 'other')),
    wait_seconds   integer check (wait_seconds >= 0),
    talk_seconds   integer check (talk_seconds >= 0),
    auto_reply     boolean,
    bulk           boolean,
    bounce         boolean,
    internal       boolean,
    spam           boolean,
    form_state     text,
    source_ref     text,
    source_line    bigint,
    run_id         bigint not null references collection_run (id),
    loaded_at      timestamptz not null default now(),
    unique (channel, natural_key)
);

create index contact_event_day on contact_event (reporting_day, channel);
create index contact_event_point_day on contact_event (channel, contact_point, reporting_day);
create index contact_event_run on contact_event (run_id);

create table rejected_record (
    id          bigserial primary key,
    run_id      bigint references collection_run (id),
    source      text not null,
    source_ref  text,
    location    text,
    reason      text not null,
    record      text,
    rejected_at timestamptz not null default now()
);

create index rejected_record_run on rejected_record (run_id);
