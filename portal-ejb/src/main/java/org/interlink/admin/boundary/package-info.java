/**
 * The administration's use cases, which change Keycloak as well as the portal: agencies onboarded, suspended and
 * reactivated, communities kept, an agency's members managed; each audited, and undone in Keycloak when its
 * transaction does not commit.
 */
package org.interlink.admin.boundary;
