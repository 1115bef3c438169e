/** The platform administration over the REST API: members of agencies, created and changed in Keycloak through the administration boundary. */
package org.interlink.admin.api;
