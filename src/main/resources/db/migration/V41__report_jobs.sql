-- Report finalisation as durable work: a row is written in the transaction that ends an interview (COMPLETED or
-- ABANDONED) and removed in the transaction that stores its report and announces it (report.ready), so a report is
-- produced exactly once even if the server dies in between. Workers claim rows with FOR UPDATE SKIP LOCKED and a
-- lease, so several replicas share the work.
create table report_job (
    interview_id  uuid primary key references interview (id) on delete cascade,
    requested_at  timestamptz not null,
    -- while a worker produces the report; another worker may take the job over once it has passed
    leased_until  timestamptz,
    attempts      int         not null default 0,
    last_error    text,
    -- after a failure, not before this
    next_attempt  timestamptz not null
);
create index report_job_next_idx on report_job (next_attempt);

-- interviews that ended before this migration and whose report was lost (the server stopped before producing it)
insert into report_job (interview_id, requested_at, next_attempt)
select i.id, coalesce(i.ended_at, now()), now()
from interview i
where i.status in ('COMPLETED', 'ABANDONED')
  and not exists (select 1 from report r where r.interview_id = i.id);
