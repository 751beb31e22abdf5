-- Retention (viva.retention.finished-interviews): the scheduled erasure and its dry run look finished interviews up
-- by when they finished, oldest first.
create index interview_finished_idx on interview (ended_at)
    where status in ('COMPLETED', 'ABANDONED', 'CANCELLED');
