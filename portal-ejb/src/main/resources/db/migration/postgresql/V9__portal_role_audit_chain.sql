-- The portal's role may list a chain and lock its row (SELECT … FOR UPDATE needs UPDATE), not remove one.
revoke delete, truncate on audit_chain from ${portalRole};
