-- Role templates kept in the database with immutable versions, so recruiters can author them without a rebuild and
-- every replica sees a published version at once. Installed files (shipped and viva.roles.directory) are stored
-- here too, as read-only templates whose version goes up when the file changes.
create table role_template (
    id              text        primary key,
    origin          text        not null check (origin in ('builtin', 'directory', 'custom')),
    -- the version new interviews get; null until one is published
    current_version integer,
    retired_at      timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create table role_template_version (
    role_id      text        not null references role_template (id) on delete cascade,
    version      integer     not null check (version > 0),
    name         text        not null,
    yaml         text        not null,
    sha256       text        not null,
    source       text        not null check (source in ('file', 'upload', 'form', 'copy', 'draft')),
    created_at   timestamptz not null,
    created_by   text        not null,
    -- null while a draft; a published version is never changed again
    published_at timestamptz,
    primary key (role_id, version)
);

alter table role_template add constraint role_template_current_version
    foreign key (id, current_version) references role_template_version (role_id, version)
    deferrable initially deferred;

-- The template version an interview was created with: its questions, its report. Interviews created before versions
-- existed ran on the installed file, which the first start after this migration stores as version 1.
alter table interview add column role_version integer not null default 1;
