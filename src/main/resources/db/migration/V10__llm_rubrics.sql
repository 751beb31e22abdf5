-- Rubrics an LLM wrote for questions outside the bank (dev.viva.assessment.llm.LlmRubrics): one row per role and
-- question, so that no question is sent to the model twice, across reports, restarts and replicas. A row without a
-- rubric says why there is none; the offline profile of the question stands in for it.

create table llm_rubric (
    role_id       text        not null,
    -- SHA-256 (hex) of the normalised question text: Unicode NFKC, lower case, Markdown emphasis and runs of white
    -- space folded, so the same question reworded only in layout is the same row
    question_hash char(64)    not null,
    question      text        not null,
    -- PENDING: being asked now (a row older than the call's timeout is taken over); READY: rubric holds the validated
    -- rubric as JSON; INVALID: the model answered with something unusable, not asked again; FAILED: timeout or error,
    -- asked again after viva.assessment.llm.rubric-retry-after
    status        text        not null check (status in ('PENDING', 'READY', 'INVALID', 'FAILED')),
    rubric        text,
    reason        text,
    model         text        not null,
    attempts      int         not null default 1,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    primary key (role_id, question_hash),
    check ((status = 'READY') = (rubric is not null))
);
