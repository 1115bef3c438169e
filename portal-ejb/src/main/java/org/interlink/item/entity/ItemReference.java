package org.interlink.item.entity;

import org.interlink.agency.entity.AgencyCode;

import java.io.Serializable;

/** An item as the audit trail names it: its id and the code of its owner agency, whose chain records what is done to it. */
public record ItemReference(long id, AgencyCode owner) implements Serializable {
}
