/**
 * Agencies are the tenants of Interlink: a ministry, an international organisation, a law
 * enforcement body or a donor. Each agency is a Keycloak Organization whose alias is the agency code.
 */
package org.interlink.agency;
