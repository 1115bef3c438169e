package org.interlink.item.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list, newest change first unless asked otherwise; {@code next} reads the next page. */
@Schema(name = "ItemPage")
public record ItemPage(List<ItemSummary> items, int page, int size, boolean hasMore, String next) {
}
