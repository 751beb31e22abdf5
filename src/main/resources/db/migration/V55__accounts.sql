-- Recruiter accounts (issue 17): people who sign in to the console with an e-mail and password, each with a role,
-- their sign-in sessions and personal API keys. Secrets are never stored: passwords as Argon2id hashes, session
-- tokens, personal keys and set-password links as SHA-256 of their 256-bit random values.
create table app_user (
    id                  uuid        primary key,
    email               text        not null unique, -- stored lower-cased
    role                text        not null check (role in ('admin', 'recruiter', 'viewer')),
    password_hash       text,                        -- null until the person follows their set-password link
    disabled            boolean     not null default false,
    failed_sign_ins     integer     not null default 0, -- consecutive, reset by a successful sign-in or an unlock
    locked_until        timestamptz,
    created_at          timestamptz not null,
    last_sign_in_at     timestamptz
);

create table user_session (
    token_hash text        primary key,
    user_id    uuid        not null references app_user (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null
);
create index user_session_user on user_session (user_id);
create index user_session_expires on user_session (expires_at);

create table personal_api_key (
    id           uuid        primary key,
    user_id      uuid        not null references app_user (id) on delete cascade,
    name         text        not null,
    key_hash     text        not null unique,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index personal_api_key_user on personal_api_key (user_id, created_at desc);

create table password_link (
    token_hash text        primary key,
    user_id    uuid        not null references app_user (id) on delete cascade,
    expires_at timestamptz not null
);

-- failed sign-ins per network address, counted over a sliding window (rate limit shared by all replicas)
create table sign_in_failure (
    id      bigserial   primary key,
    address text        not null,
    at      timestamptz not null
);
create index sign_in_failure_address on sign_in_failure (address, at);

-- a live-view ticket remembers the credential it was issued to, so that it opens nothing once that credential is
-- revoked (a signed-out session, a revoked key, a disabled user) even within its minute of validity
alter table ws_ticket add column credential_hash text;
