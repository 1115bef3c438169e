-- The back-channel logouts Keycloak sent (issue 22): Keycloak calls the balancer, which hands the call to one node, and
-- that node holds only the sessions on it. It ends those at once and records the logout here; every node reads what
-- was recorded since its last read (at most every 2 s, as its requests come; positions in the database's time) and
-- ends its own sessions of that Keycloak session (sid), or of that person (sub) signed in before the logout token was
-- issued (Keycloak's iat, compared with the sign-in token's), at their next request. A token is recorded once (its
-- jti); rows older than the sessions' absolute lifetime end nothing any more and are deleted.
create table keycloak_logout (
    token_id         varchar(255) not null,
    keycloak_session varchar(255),
    subject          varchar(255),
    issued_at        timestamp with time zone not null,
    recorded_at      timestamp with time zone default current_timestamp not null,
    constraint keycloak_logout_pk primary key (token_id)
);
create index keycloak_logout_recorded_at on keycloak_logout (recorded_at);
