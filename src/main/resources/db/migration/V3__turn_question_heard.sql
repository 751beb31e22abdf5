-- Voice: a candidate who interrupts the interviewer hears only part of the question. The turn keeps the full
-- question (what it was assessed against) and, when it was cut short, the words that were actually played.
alter table turn add column question_heard text;

comment on column turn.question_heard is 'when the candidate interrupted the question: the words of it they heard; null when heard in full or typed';
