-- Invitations by e-mail. An interview may have a scheduling window: it cannot be started before opens_at, and once
-- closes_at has passed while it was never started, its link has expired (ABANDONED with end reason EXPIRED).
-- The invitation keeps the candidate token encrypted (AES-GCM, the installation's secret key) so that a reminder and
-- a resend carry the same working link as the first mail; every mail is a row of the mail outbox (mail_delivery),
-- sent by whichever replica claims it first, with retries, and its outcome (sent, failed, bounced) kept.
alter table interview add column opens_at timestamptz;
alter table interview add column closes_at timestamptz;
comment on column interview.opens_at is 'start of the scheduling window: the candidate cannot start before it; null = at once';
comment on column interview.closes_at is 'end of the scheduling window: a link not used by then has expired; null = never';
create index interview_window_close_idx on interview (closes_at) where status = 'SCHEDULED' and closes_at is not null;

alter table interview drop constraint interview_end_reason_check;
alter table interview add constraint interview_end_reason_check
    check (end_reason in ('PLAN_COMPLETE', 'TIME_UP', 'CANDIDATE_ENDED', 'ABANDONED', 'CANCELLED', 'EXPIRED'));
comment on column interview.end_reason is 'why it ended: PLAN_COMPLETE, TIME_UP, CANDIDATE_ENDED, ABANDONED, CANCELLED or EXPIRED';

create table invitation (
    interview_id uuid primary key references interview (id) on delete cascade,
    -- the candidate token, AES-GCM encrypted: mails sent later must carry the same link
    token_enc    text        not null,
    created_at   timestamptz not null,
    -- set once, by the replica whose reminder job queued the reminder
    reminded_at  timestamptz
);

create table mail_delivery (
    id              uuid primary key,
    interview_id    uuid        not null references interview (id) on delete cascade,
    kind            text        not null check (kind in ('INVITATION', 'REMINDER', 'RESEND')),
    recipient       text        not null,
    status          text        not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'BOUNCED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    lease_owner     uuid,
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index mail_delivery_due_idx on mail_delivery (next_attempt_at) where status = 'PENDING';
create index mail_delivery_lease_idx on mail_delivery (lease_until) where status = 'SENDING';
create index mail_delivery_interview_idx on mail_delivery (interview_id, created_at desc);
