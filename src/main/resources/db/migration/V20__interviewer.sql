-- Interviewer: what each turn was (bank question, follow-up, hint...), how it was worded, and the ability trajectory;
-- plus the engine's resumable state per interview.

alter table turn
    add column utterance_kind      text,
    add column question_key_points jsonb,
    add column generator           text check (generator in ('offline', 'llm')),
    add column fallback_reason     text,
    add column answer_intent       text,
    add column ability             jsonb,
    add column ability_overall     real;

comment on column turn.utterance_kind is 'question, follow-up, hint or role-answer';
comment on column turn.question_key_points is 'for GENERATED questions: what a strong answer covers (bank questions: see the role template)';
comment on column turn.fallback_reason is 'why the configured LLM was not used for this turn (timeout, error, invalid output)';
comment on column turn.answer_intent is 'how the answer was read: ANSWER, DONT_KNOW, EMPTY, ROLE_QUESTION, NOTHING_MORE, INSTRUCTION';
comment on column turn.ability is 'per-dimension ability estimate (1-5) after this answer: the difficulty trajectory';

-- One row per started interview: the engine snapshot after the last committed step, so a reconnect resumes exactly.
create table interviewer_state (
    interview_id uuid primary key references interview (id) on delete cascade,
    snapshot     jsonb       not null,
    updated_at   timestamptz not null
);
