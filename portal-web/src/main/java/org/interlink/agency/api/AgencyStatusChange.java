package org.interlink.agency.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interlink.agency.entity.AgencyStatus;

/** The status an agency is to have. */
@Schema(name = "AgencyStatusChange")
public record AgencyStatusChange(@Schema(required = true) AgencyStatus status) {
}
