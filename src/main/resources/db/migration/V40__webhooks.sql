-- Webhooks: subscribed endpoints, the durable outbox of messages (one row per message and endpoint, written in the
-- transaction of the event it announces) and the log of every delivery attempt.

create table webhook_endpoint (
    id                    uuid primary key,
    url                   text        not null,
    description           text,
    event_types           text[]      not null,
    enabled               boolean     not null,
    disabled_reason       text,
    disabled_at           timestamptz,
    -- signing secrets, AES-GCM encrypted (they must stay usable for signing, so they cannot be hashed)
    secret_enc            text        not null,
    previous_secret_enc   text,
    previous_secret_until timestamptz,
    -- first failure of the current run of failures; cleared by any success
    failing_since         timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);

create table webhook_message (
    id               text primary key,
    endpoint_id      uuid        not null references webhook_endpoint (id) on delete cascade,
    event_type       text        not null,
    -- erasing an interview erases the messages that carry its candidate's data
    interview_id     uuid references interview (id) on delete cascade,
    payload          text        not null,
    status           text        not null check (status in ('PENDING', 'SENDING', 'DELIVERED', 'FAILED')),
    attempts         int         not null default 0,
    -- failed attempts since the message was (re)queued: the position in the retry schedule
    retry_step       int         not null default 0,
    next_attempt_at  timestamptz,
    lease_owner      uuid,
    lease_until      timestamptz,
    last_status_code int,
    last_error       text,
    created_at       timestamptz not null,
    delivered_at     timestamptz
);
create index webhook_message_due_idx on webhook_message (next_attempt_at) where status = 'PENDING';
create index webhook_message_lease_idx on webhook_message (lease_until) where status = 'SENDING';
create index webhook_message_endpoint_idx on webhook_message (endpoint_id, created_at desc);

create table webhook_attempt (
    id            uuid primary key,
    message_id    text        not null references webhook_message (id) on delete cascade,
    endpoint_id   uuid        not null references webhook_endpoint (id) on delete cascade,
    attempt       int         not null,
    started_at    timestamptz not null,
    latency_ms    int         not null,
    status_code   int,
    response_body text,
    error         text,
    succeeded     boolean     not null,
    next_attempt_at timestamptz
);
create index webhook_attempt_message_idx on webhook_attempt (message_id, started_at desc);
create index webhook_attempt_endpoint_idx on webhook_attempt (endpoint_id, started_at desc);

-- Generated settings shared by every replica (the secret encryption key when none is configured).
create table webhook_setting (
    name  text primary key,
    value text not null
);
