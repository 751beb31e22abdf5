-- When the candidate agreed, on the interview page, to talk with an AI interviewer whose transcript and report go to
-- the recruiter: kept so the recruiter can show consent was given before anything was recorded.
alter table interview add column consented_at timestamptz;

comment on column interview.consented_at is 'when the candidate gave consent (first start message carrying consent: true); null if never';
