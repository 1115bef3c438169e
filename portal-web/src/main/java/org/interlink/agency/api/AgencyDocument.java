package org.interlink.agency.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyKind;
import org.interlink.agency.entity.AgencyStatus;

/** An agency of the portal (a tenant); its code is what items, grants and the Interlink-Agency header name. */
@Schema(name = "Agency")
public record AgencyDocument(String code, String name, AgencyKind kind, String country, AgencyStatus status) {

    static AgencyDocument of(Agency agency) {
        return new AgencyDocument(agency.getCode().value(), agency.getName(), agency.getKind(), agency.getCountry(),
                agency.getStatus());
    }
}
