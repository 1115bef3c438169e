/** The Keycloak admin client as the portal uses it: people, the realm, and the import of failed sign-ins into the audit trail. */
package org.interlink.infrastructure.keycloak;
