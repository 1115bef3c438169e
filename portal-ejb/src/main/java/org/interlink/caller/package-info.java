/**
 * Who is calling: the signed-in user, their roles, the agencies they belong to and the one they act
 * for right now (the active agency), resolved once per request from the OIDC token.
 */
package org.interlink.caller;
