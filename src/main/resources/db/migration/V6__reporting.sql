-- The reporting model: a daily aggregate kept exact by triggers, the settings it depends on, and
-- the stable report_* views that Tableau, Power BI and the built-in dashboard read.
-- docs/reporting.md documents every view column by column.

-- Reporting settings the views need; the hub writes them from config/application.yaml at start.
create table reporting_setting (
    name        text primary key,
    value       text not null,
    description text not null,
    updated_at  timestamptz not null default now()
);

insert into reporting_setting (name, value, description) values
    ('answer_target_seconds', '20',
     'A call counts as answered on target when answered within this many seconds of waiting');

-- Channel start dates that are known better than the data says (for example the day a channel went live).
create table reporting_channel_start (
    channel   text primary key,
    starts_on date not null
);

-- One row per reporting day, channel and contact point with every count the reports need.
-- Triggers on contact_event keep it exact inside the loading transaction, so a rolled-back run
-- leaves no trace and a reloaded input (whose rows the natural key ignores) adds nothing.
create table contact_daily (
    reporting_day          date not null,
    channel                text not null,
    contact_point          text not null,
    contacts               bigint not null,
    answered               bigint not null,
    abandoned              bigint not null,
    other_outcome          bigint not null,
    -- Sum and count of waits of answered calls with a known wait, for the average wait.
    answered_wait_seconds  bigint not null,
    answered_with_wait     bigint not null,
    answered_within_target bigint not null,
    auto_reply             bigint not null,
    bulk                   bigint not null,
    bounce                 bigint not null,
    internal               bigint not null,
    spam                   bigint not null,
    -- Mail that is none of auto-reply, bulk and bounce: what a person most likely sent.
    person_sent            bigint not null,
    primary key (reporting_day, channel, contact_point)
);

create index contact_daily_point on contact_daily (channel, contact_point, reporting_day);

create function reporting_answer_target() returns integer language sql stable as $$
    select coalesce((select value::integer from reporting_setting where name = 'answer_target_seconds'), 20)
$$;

create function contact_daily_add() returns trigger language plpgsql as $$
declare
    target integer := reporting_answer_target();
begin
    insert into contact_daily as d
    select reporting_day, channel, contact_point, count(*),
           count(*) filter (where outcome = 'answered'),
           count(*) filter (where outcome = 'abandoned'),
           count(*) filter (where outcome = 'other'),
           coalesce(sum(wait_seconds) filter (where outcome = 'answered'), 0),
           count(wait_seconds) filter (where outcome = 'answered'),
           count(*) filter (where outcome = 'answered' and wait_seconds <= target),
           count(*) filter (where auto_reply), count(*) filter (where bulk), count(*) filter (where bounce),
           count(*) filter (where internal), count(*) filter (where spam),
           count(*) filter (where channel = 'email' and not (coalesce(auto_reply, false) or coalesce(bulk, false)
                                                             or coalesce(bounce, false)))
      from new_rows
     group by reporting_day, channel, contact_point
     -- A fixed order keeps two concurrent loads from locking the same rows in opposite orders.
     order by reporting_day, channel, contact_point
    on conflict (reporting_day, channel, contact_point) do update set
        contacts = d.contacts + excluded.contacts,
        answered = d.answered + excluded.answered,
        abandoned = d.abandoned + excluded.abandoned,
        other_outcome = d.other_outcome + excluded.other_outcome,
        answered_wait_seconds = d.answered_wait_seconds + excluded.answered_wait_seconds,
        answered_with_wait = d.answered_with_wait + excluded.answered_with_wait,
        answered_within_target = d.answered_within_target + excluded.answered_within_target,
        auto_reply = d.auto_reply + excluded.auto_reply,
        bulk = d.bulk + excluded.bulk,
        bounce = d.bounce + excluded.bounce,
        internal = d.internal + excluded.internal,
        spam = d.spam + excluded.spam,
        person_sent = d.person_sent + excluded.person_sent;
    return null;
end
$$;

create trigger contact_daily_after_insert after insert on contact_event
    referencing new table as new_rows for each statement execute function contact_daily_add();

-- Contacts are only ever inserted by the loader; a deletion (for example a purge of old years)
-- still has to leave the aggregate exact.
create function contact_daily_remove() returns trigger language plpgsql as $$
declare
    target integer := reporting_answer_target();
begin
    update contact_daily d set
        contacts = d.contacts - o.contacts,
        answered = d.answered - o.answered,
        abandoned = d.abandoned - o.abandoned,
        other_outcome = d.other_outcome - o.other_outcome,
        answered_wait_seconds = d.answered_wait_seconds - o.answered_wait_seconds,
        answered_with_wait = d.answered_with_wait - o.answered_with_wait,
        answered_within_target = d.answered_within_target - o.answered_within_target,
        auto_reply = d.auto_reply - o.auto_reply,
        bulk = d.bulk - o.bulk,
        bounce = d.bounce - o.bounce,
        internal = d.internal - o.internal,
        spam = d.spam - o.spam,
        person_sent = d.person_sent - o.person_sent
      from (select reporting_day, channel, contact_point, count(*) as contacts,
                   count(*) filter (where outcome = 'answered') as answered,
                   count(*) filter (where outcome = 'abandoned') as abandoned,
                   count(*) filter (where outcome = 'other') as other_outcome,
                   coalesce(sum(wait_seconds) filter (where outcome = 'answered'), 0) as answered_wait_seconds,
                   count(wait_seconds) filter (where outcome = 'answered') as answered_with_wait,
                   count(*) filter (where outcome = 'answered' and wait_seconds <= target) as answered_within_target,
                   count(*) filter (where auto_reply) as auto_reply, count(*) filter (where bulk) as bulk,
                   count(*) filter (where bounce) as bounce, count(*) filter (where internal) as internal,
                   count(*) filter (where spam) as spam,
                   count(*) filter (where channel = 'email' and not (coalesce(auto_reply, false)
                                    or coalesce(bulk, false) or coalesce(bounce, false))) as person_sent
              from old_rows group by reporting_day, channel, contact_point) o
     where d.reporting_day = o.reporting_day and d.channel = o.channel and d.contact_point = o.contact_point;
    delete from contact_daily where contacts <= 0;
    return null;
end
$$;

create trigger contact_daily_after_delete after delete on contact_event
    referencing old table as old_rows for each statement execute function contact_daily_remove();

create function contact_daily_clear() returns trigger language plpgsql as $$
begin
    truncate contact_daily;
    return null;
end
$$;

create trigger contact_daily_after_truncate after truncate on contact_event
    for each statement execute function contact_daily_clear();

-- Recounts the aggregate from contact_event, for example after the answer target changed. The share
-- lock waits for running loads to commit and holds new ones back until the recount is done.
create function rebuild_contact_daily() returns bigint language plpgsql as $$
declare
    target integer := reporting_answer_target();
    rows_written bigint;
begin
    lock table contact_event in share mode;
    delete from contact_daily;
    insert into contact_daily
    select reporting_day, channel, contact_point, count(*),
           count(*) filter (where outcome = 'answered'),
           count(*) filter (where outcome = 'abandoned'),
           count(*) filter (where outcome = 'other'),
           coalesce(sum(wait_seconds) filter (where outcome = 'answered'), 0),
           count(wait_seconds) filter (where outcome = 'answered'),
           count(*) filter (where outcome = 'answered' and wait_seconds <= target),
           count(*) filter (where auto_reply), count(*) filter (where bulk), count(*) filter (where bounce),
           count(*) filter (where internal), count(*) filter (where spam),
           count(*) filter (where channel = 'email' and not (coalesce(auto_reply, false) or coalesce(bulk, false)
                                                             or coalesce(bounce, false)))
      from contact_event
     group by reporting_day, channel, contact_point;
    get diagnostics rows_written = row_count;
    return rows_written;
end
$$;

select rebuild_contact_daily();

-- Each contact point's day with the registry entry valid on that day. An identifier nobody has
-- registered (or not for that day) reports under 'Not registered'.
create view report_contact_point_day as
select d.reporting_day, d.channel, d.contact_point,
       coalesce(cp.name, d.contact_point) as contact_point_name,
       coalesce(cp.department, 'Not registered') as department,
       coalesce(cp.service, 'Not registered') as service,
       coalesce(cp.registered, false) as registered,
       cp.public_facing,
       d.contacts, d.answered, d.abandoned, d.other_outcome, d.answered_wait_seconds, d.answered_with_wait,
       d.answered_within_target, d.auto_reply, d.bulk, d.bounce, d.internal, d.spam,
       d.person_sent
  from contact_daily d
  left join lateral (
        select p.name, p.department, p.service, p.registered, p.public_facing
          from contact_point p
         where p.channel = d.channel and p.identifier = d.contact_point
           and d.reporting_day >= p.valid_from and (p.valid_to is null or d.reporting_day <= p.valid_to)
         order by p.registered desc, p.valid_from desc
         limit 1) cp on true;

-- The first reporting day of each channel: configured when known, otherwise its first day with data.
create view report_channel_start as
select channel, coalesce(c.starts_on, f.first_day) as starts_on, f.first_day as first_day_with_data,
       c.starts_on as configured_start
  from (select channel, min(reporting_day) as first_day from contact_daily group by channel) f
  full join reporting_channel_start c using (channel);

create view report_contacts_daily as
select reporting_day, channel, department, service, contact_point, contact_point_name, registered,
       sum(contacts)::bigint as contacts
  from report_contact_point_day
 group by reporting_day, channel, department, service, contact_point, contact_point_name, registered;

create view report_contacts_weekly as
select date_trunc('week', reporting_day)::date as week_start,
       extract(isoyear from reporting_day)::integer as iso_year,
       extract(week from reporting_day)::integer as iso_week,
       channel, department, service, contact_point, contact_point_name, registered,
       sum(contacts)::bigint as contacts
  from report_contact_point_day
 group by 1, 2, 3, channel, department, service, contact_point, contact_point_name, registered;

create view report_contacts_monthly as
select date_trunc('month', reporting_day)::date as month_start,
       channel, department, service, contact_point, contact_point_name, registered,
       sum(contacts)::bigint as contacts
  from report_contact_point_day
 group by 1, channel, department, service, contact_point, contact_point_name, registered;

create view report_phone_measures as
select reporting_day, department, service, contact_point, contact_point_name, registered,
       contacts as offered, answered, abandoned, other_outcome,
       round(abandoned::numeric / nullif(contacts, 0), 4) as abandonment_rate,
       round(answered_wait_seconds::numeric / nullif(answered_with_wait, 0), 1) as average_wait_answered_seconds,
       answered_wait_seconds, answered_with_wait, answered_within_target,
       reporting_answer_target() as target_seconds,
       round(answered_within_target::numeric / nullif(contacts, 0), 4) as share_answered_within_target
  from report_contact_point_day
 where channel = 'phone';

create view report_email_counts as
select reporting_day, department, service, contact_point, contact_point_name, registered,
       contacts as received, auto_reply as auto_replies, contacts - auto_reply as received_excluding_auto_replies,
       bulk, bounce as bounces, internal, spam, person_sent as received_excluding_automated
  from report_contact_point_day
 where channel = 'email';

create view report_channel_mix as
select m.month_start, m.channel, m.contacts,
       round(m.contacts::numeric / nullif(sum(m.contacts) over (partition by m.month_start), 0), 4) as share_of_month
  from (select date_trunc('month', reporting_day)::date as month_start, channel, sum(contacts)::bigint as contacts
          from contact_daily group by 1, 2) m
  join report_channel_start s on s.channel = m.channel
 where m.month_start >= date_trunc('month', s.starts_on)::date;
