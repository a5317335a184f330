-- The portal's copy of the organisations' directory (Keycloak): users are known from the
-- directory, not only once they have signed in, and a disabled user stops receiving work.
alter table portal_user
    add column keycloak_id          varchar(36),
    add column enabled              boolean     not null default true,
    add column directory_synced_at  timestamptz,
    alter column first_sign_in_at drop not null,
    alter column last_sign_in_at drop not null;

create unique index portal_user_keycloak_id on portal_user (keycloak_id);
create index portal_user_organisation on portal_user (organisation, enabled);
