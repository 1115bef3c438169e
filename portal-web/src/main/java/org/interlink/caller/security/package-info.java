/** Sign-in and identity on the web: the one authentication mechanism (OpenID Connect for pages, bearer tokens for the API), the filters that hand the identity to the caller resolution, signed-in sessions, back-channel logout and refused anonymous requests. */
package org.interlink.caller.security;
