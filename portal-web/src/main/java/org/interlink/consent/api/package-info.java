/** Consent to forward over the REST API. */
package org.interlink.consent.api;
