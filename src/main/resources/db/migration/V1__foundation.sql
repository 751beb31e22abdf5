-- Foundation schema: recruiter keys, interviews, their turns and reports.
-- Migration version ranges by feature: V1-V9 foundation, V10-V19 assessment, V20-V29 interviewer,
-- V30-V39 voice and live view, V40-V49 webhooks.

create table api_key (
    id         uuid primary key,
    key_hash   char(64)    not null unique,
    label      text        not null,
    created_at timestamptz not null
);

create table interview (
    id                   uuid primary key,
    candidate_name       text        not null,
    candidate_email      text        not null,
    role_id              text        not null,
    level                text        not null check (level in ('junior', 'mid', 'senior')),
    status               text        not null
        check (status in ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'ABANDONED', 'CANCELLED')),
    candidate_token_hash char(64)    not null unique,
    created_at           timestamptz not null,
    started_at           timestamptz,
    ended_at             timestamptz,
    end_reason           text,
    last_activity_at     timestamptz not null,
    version              bigint      not null default 0
);
create index interview_status_idx on interview (status);
create index interview_role_idx on interview (role_id);
create index interview_created_idx on interview (created_at desc);

-- One row per question asked. The answer columns fill in when the answer is final; the row is committed then.
create table turn (
    id                uuid primary key,
    interview_id      uuid        not null references interview (id) on delete cascade,
    seq               int         not null,
    phase             text        not null,
    difficulty        smallint    not null check (difficulty between 1 and 5),
    question_text     text        not null,
    question_source   text        not null check (question_source in ('BANK', 'GENERATED')),
    question_id       text,
    answer_text       text,
    answer_start_ms   bigint,
    answer_end_ms     bigint,
    audio_duration_ms bigint,
    input_mode        text check (input_mode in ('VOICE', 'TEXT')),
    stt_confidence    real,
    asked_at          timestamptz not null,
    answered_at       timestamptz,
    unique (interview_id, seq)
);

create table report (
    interview_id   uuid primary key references interview (id) on delete cascade,
    schema_version int         not null,
    body           jsonb       not null,
    generated_at   timestamptz not null
);
