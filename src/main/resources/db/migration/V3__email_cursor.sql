-- How far the email channel has read each inbox folder. IMAP UIDs only mean something together
-- with the folder's UIDVALIDITY, so both are kept; the row is written in the transaction that
-- commits the run's contacts, so it never runs ahead of what was stored.
create table email_folder_cursor (
    inbox        text not null,
    folder       text not null,
    uid_validity bigint not null check (uid_validity > 0),
    highest_uid  bigint not null check (highest_uid >= 0),
    updated_at   timestamptz not null default now(),
    primary key (inbox, folder)
);
