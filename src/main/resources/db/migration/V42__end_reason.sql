-- Why an interview ended becomes a closed set (PLAN_COMPLETE, TIME_UP, CANDIDATE_ENDED, ABANDONED, CANCELLED); the
-- free text it held moves to end_detail. And a candidate's question about the job the interviewer could not answer
-- from the template is marked on its turn, so the report passes it on to the recruiter.
alter table interview add column end_detail text;

update interview set end_detail = end_reason where end_reason is not null and end_reason <> 'completed';
update interview set end_reason = case status
        when 'COMPLETED' then 'PLAN_COMPLETE'
        when 'ABANDONED' then 'ABANDONED'
        when 'CANCELLED' then 'CANCELLED'
    end
where status in ('COMPLETED', 'ABANDONED', 'CANCELLED');
update interview set end_reason = null where status not in ('COMPLETED', 'ABANDONED', 'CANCELLED');

alter table interview add constraint interview_end_reason_check
    check (end_reason in ('PLAN_COMPLETE', 'TIME_UP', 'CANDIDATE_ENDED', 'ABANDONED', 'CANCELLED'));

comment on column interview.end_reason is 'why it ended: PLAN_COMPLETE, TIME_UP, CANDIDATE_ENDED, ABANDONED or CANCELLED';
comment on column interview.end_detail is 'free-text detail of the end (e.g. how long the candidate had been idle)';

alter table turn add column for_recruiter boolean not null default false;
comment on column turn.for_recruiter is 'the answer is a question about the job the interviewer passed on to the recruiter';
