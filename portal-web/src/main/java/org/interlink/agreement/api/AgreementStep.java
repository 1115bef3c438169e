package org.interlink.agreement.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a party suspends or terminates an agreement (recorded in the audit trail). */
@Schema(name = "AgreementStep")
public record AgreementStep(String reason) {
}
