-- The failed-message store for every channel, and the append-only audit of what support staff did with it.

-- Statuses read as support staff say them: still failed, replayed through the routes, or discarded with a reason.
alter table failed_message drop constraint failed_message_status_check;
update failed_message set status = 'failed' where status = 'open';
alter table failed_message alter column status set default 'failed';
alter table failed_message add constraint failed_message_status_check
    check (status in ('failed', 'replayed', 'discarded'));

-- One row per input until it is discarded: the same input failing again, even after a replay, reopens its row.
drop index failed_message_open;
create unique index failed_message_current on failed_message (source, message_key) where status <> 'discarded';

-- A route without a replay route still keeps its failures; they can be read and discarded, not replayed.
alter table failed_message alter column entry_point drop not null;

alter table failed_message
    -- What failed as a whole: a page, a file, a poll.
    add column unit text not null default 'input',
    -- How to read payload: the page's mapped fields as JSON, or a reference to a file kept at the source.
    add column payload_type text,
    add column discard_reason text,
    -- The run that loaded the input when it was replayed.
    add column replayed_run_id bigint references collection_run (id),
    add column resolved_at timestamptz,
    add column resolved_by text;

update failed_message set unit = 'page', payload_type = 'application/json' where source = 'webform';

create index failed_message_filter on failed_message (source, route_id, error_type, last_failed_at desc);

-- Every replay and discard, as it happened. Rows are only ever added.
create table failed_message_audit (
    id                bigserial primary key,
    failed_message_id bigint not null references failed_message (id),
    action            text not null check (action in ('replay', 'discard')),
    actor             text not null,
    acted_at          timestamptz not null default clock_timestamp(),
    reason            text,
    outcome           text not null,
    run_id            bigint references collection_run (id)
);

create index failed_message_audit_message on failed_message_audit (failed_message_id, acted_at);

-- The embedded default connects as a superuser, which no grant can restrain, so the trigger is the real guard.
create function refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'failed_message_audit is append-only: % is not allowed', tg_op;
end
$$;

create trigger failed_message_audit_append_only
    before update or delete or truncate on failed_message_audit
    for each statement execute function refuse_audit_change();

revoke update, delete, truncate on failed_message_audit from public;
