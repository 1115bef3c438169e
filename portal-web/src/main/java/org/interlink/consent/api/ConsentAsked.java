package org.interlink.consent.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ask the owner of item {@code item} to pass it on to the agency with code {@code agency}, saying why. */
@Schema(name = "ConsentAsked")
public record ConsentAsked(Long item, String agency, String reason) {
}
