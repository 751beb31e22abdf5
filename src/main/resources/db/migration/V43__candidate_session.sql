-- Which candidate connection owns an interview, across replicas. Every new candidate connection, on any replica,
-- increments the generation in one atomic upsert; the connection holding the highest generation is the interview's
-- only live session, and every other one is closed with 4409. Replicas learn of a newer generation by NOTIFY, and a
-- replica that may have missed notifications compares its sessions against this table.
create table candidate_session (
    interview_id uuid primary key references interview (id) on delete cascade,
    generation   bigint      not null,
    replica      text        not null,
    opened_at    timestamptz not null
);
