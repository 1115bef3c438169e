package org.interlink.agency.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interlink.agency.entity.Community;

import java.util.List;

/** A community: a named set of agencies that items can be shared with at once. */
@Schema(name = "Community")
public record CommunityDocument(String code, String name, List<String> members) {

    static CommunityDocument of(Community community) {
        return new CommunityDocument(community.getCode().value(), community.getName(),
                community.getMembers().stream().map(a -> a.getCode().value()).sorted().toList());
    }
}
