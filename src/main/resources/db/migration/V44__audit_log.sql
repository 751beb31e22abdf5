-- Who did what, when and why: every recruiter write and every scheduled erasure. Rows are only ever inserted; the
-- target is kept as text (not a foreign key) so that an entry outlives what it describes, e.g. a deleted interview.
create table audit_event (
    id          uuid        primary key,
    at          timestamptz not null,
    actor_kind  text        not null,
    actor_id    text        not null,
    actor_name  text        not null,
    action      text        not null,
    target_type text        not null,
    target_id   text,
    reason      text,
    details     jsonb       not null default '{}'::jsonb
);

create index audit_event_at on audit_event (at desc, id desc);
create index audit_event_target on audit_event (target_type, target_id, at desc);
create index audit_event_actor on audit_event (actor_id, at desc);
