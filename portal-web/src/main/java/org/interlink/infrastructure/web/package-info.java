/** HTTP hardening (security headers, secure cookies) and the health endpoints. */
package org.interlink.infrastructure.web;
