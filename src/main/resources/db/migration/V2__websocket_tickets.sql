-- Short-lived, single-use tickets that authenticate a browser's WebSocket upgrade (browsers cannot set headers on
-- WebSocket requests). Kept in the database so that a ticket issued by one replica works on another.
create table ws_ticket (
    ticket_hash  char(64) primary key,
    interview_id uuid        not null references interview (id) on delete cascade,
    audience     text        not null check (audience in ('CANDIDATE', 'RECRUITER')),
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index ws_ticket_expires_idx on ws_ticket (expires_at);
