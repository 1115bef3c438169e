package org.interlink.item.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.interlink.agency.entity.Agency;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.security.ApiCaller;
import org.interlink.infrastructure.rest.ApiRefusal;
import org.interlink.item.boundary.ItemForm;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.Dossier;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemStep;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.ListedVersion;
import org.interlink.item.entity.Listing;
import org.interlink.item.entity.PurposeRequired;
import org.interlink.meeting.boundary.MeetingForm;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.recommendation.boundary.RecommendationForm;
import org.interlink.recommendation.entity.RecommendationVersion;
import org.interlink.records.boundary.RecordForm;
import org.interlink.records.entity.RecordVersion;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the item endpoints of every kind share: reading query parameters into a list request,
 * turning versions into their API shape, ETags and If-Match. Every read and change goes to the
 * {@link Items} boundary, i.e. through the visibility and audit gates.
 */
@ApplicationScoped
public class ItemApi {

    /** The header that carries the reader's purpose (asked for TLP:AMBER and RED items of other agencies). */
    public static final String PURPOSE_HEADER = "Interlink-Purpose";
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** The furthest first row a page may start at (far beyond any list; the gate's search window is four times it). */
    static final int MAX_FIRST_ROW = 100_000_000;

    @Inject
    ApiCaller apiCaller;

    @Inject
    SharedItems sharedItems;

    @Inject
    Items items;

    public Caller caller() {
        return apiCaller.get();
    }

    /** One page of the list; one row more is read to tell whether there are more (no count query). */
    public ItemPage list(UriInfo uri, String kind, String view, String state, String marking, String title,
            String changedAfter, int page, int size) {
        if (page < 0) {
            throw invalid("page", "page counts from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw invalid("size", "size is between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_FIRST_ROW) {
            // page * size beyond an int would reach the database as a negative first row (a 500)
            throw invalid("page", "page * size is at most " + MAX_FIRST_ROW);
        }
        ItemQuery query = new ItemQuery(parse(Listing.class, "view", view, Listing.ALL), parse(ItemKind.class, "kind", kind, null),
                parse(WorkflowState.class, "state", state, null), parse(Marking.class, "marking", marking, null), title,
                ItemQuery.Order.UPDATED, false, instant(changedAfter));
        List<ListedVersion> rows = sharedItems.listed(caller(), query, page * size, size + 1, false);
        boolean more = rows.size() > size;
        // the items' address built once, not by a UriBuilder per row
        String items = UriBuilder.fromUri(uri.getBaseUri()).path("items").build() + "/";
        List<ItemSummary> summaries = rows.stream().limit(size).map(v -> summary(items, v)).toList();
        String next = more ? uri.getRequestUriBuilder().replaceQueryParam("page", page + 1).build().toString() : null;
        return new ItemPage(summaries, page, size, more, next);
    }

    /** The item as the caller reads it, recorded as one read (with the purpose, when the caller must give one). */
    public Response read(UriInfo uri, long id, String purpose) {
        Dossier dossier = dossier(id, purpose);
        ItemDocument document = document(uri, caller(), dossier.version(), dossier.links());
        return Response.ok(document).tag(new EntityTag(document.tag())).build();
    }

    /**
     * The item as its page shows it, recorded as one read with the purpose.
     *
     * @throws ApiRefusal 400 when the caller must say why they read it and did not (recorded as a denied read)
     * @throws ItemNotFound when the caller may not read it
     */
    public Dossier dossier(long id, String purpose) {
        Caller caller = caller();
        ItemId itemId = new ItemId(id);
        return withPurpose(caller, itemId, () -> sharedItems.dossier(caller, itemId, given(purpose)))
                .orElseThrow(() -> new ItemNotFound(itemId));
    }

    /**
     * A read of the item that asks for the reader's purpose when it needs one ({@link PurposeRequired}).
     *
     * @throws ApiRefusal 400 {@code purpose-required}, recorded, when it was needed and missing
     */
    public <T> T withPurpose(Caller caller, ItemId id, Supplier<T> read) {
        try {
            return read.get();
        } catch (PurposeRequired asked) {
            throw purposeMissing(caller, asked.item());
        }
    }

    /**
     * The purpose the caller gave (trimmed; null when none), when reading the item needs one.
     *
     * @param needed whether the read needs a purpose (another agency's TLP:AMBER or RED edition)
     * @throws ApiRefusal 400 {@code purpose-required}, recorded, when it is needed and missing
     */
    public String purpose(Caller caller, ItemId id, String purpose, boolean needed) {
        if (given(purpose) == null && needed) {
            throw purposeMissing(caller, id);
        }
        return given(purpose);
    }

    /** The purpose the caller gave, trimmed; null when none. */
    public static String given(String purpose) {
        return purpose == null || purpose.isBlank() ? null : purpose.trim();
    }

    private ApiRefusal purposeMissing(Caller caller, ItemId id) {
        sharedItems.purposeMissing(caller, id);
        return new ApiRefusal("purpose-required", "Say why you read this item", 400, "Item " + id
                + " is marked TLP:AMBER or RED by another agency: say why you read it in the " + PURPOSE_HEADER
                + " header; the purpose is recorded with your read.");
    }

    /**
     * The published version of the item the caller read, of the kind a follow-through endpoint is
     * about (a recommendation's follow-up, a meeting's action items).
     *
     * @throws ApiRefusal 409 {@code not-published} when the item is of another kind or not published
     */
    public static <V extends ItemVersion> V published(Dossier dossier, Class<V> type, ItemKind kind) {
        Item item = dossier.version().getItem();
        return dossier.sharedVersion().filter(type::isInstance).map(type::cast)
                .orElseThrow(() -> new ApiRefusal("not-published", "Not published", 409, "Item " + item.getId() + " is no published "
                        + kind.label() + ": nothing follows it up yet."));
    }

    /**
     * The answer to a change: the item's current version as the caller reads it, with its new tag; 204 when they
     * may not read it (e.g. a withdrawal that made an older TLP:RED edition current again for someone it does not name).
     */
    public Response changed(UriInfo uri, Item item) {
        Caller caller = caller();
        if (!sharedItems.readsVersion(caller, item.current())) {
            return Response.noContent().build();
        }
        ItemDocument document = document(uri, caller, item.current(), sharedItems.readableLinks(caller, item.current()));
        return Response.ok(document).tag(new EntityTag(document.tag())).build();
    }

    /** The answer to a create: 201 with where the item is read. */
    public Response created(UriInfo uri, Item item) {
        Caller caller = caller();
        ItemDocument document = document(uri, caller, item.current(), sharedItems.readableLinks(caller, item.current()));
        return Response.created(itemUri(uri, item.getId())).entity(document).tag(new EntityTag(document.tag())).build();
    }

    public Response step(UriInfo uri, long id, ItemStep step, StepRequest body, String ifMatch) {
        Item item = items.take(caller(), new ItemId(id), step, body == null ? null : body.comment(), tag(ifMatch, false));
        return changed(uri, item);
    }

    /**
     * The tag the caller read (If-Match), or null for {@code *} or (when not required) no header.
     *
     * @throws ApiRefusal 428 when required and missing
     */
    public static String tag(String ifMatch, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new ApiRefusal("if-match-required", "Say which version you change", 428,
                        "Send the ETag of the item you read in an If-Match header, so that nobody's change is overwritten.");
            }
            return null;
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return null;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    ItemDocument document(UriInfo uri, Caller caller, ItemVersion version, List<ItemVersion> links) {
        Item item = version.getItem();
        boolean owner = caller.activeAgency().map(item::isOwnedBy).orElse(false);
        Set<ItemStep> steps = owner && version.isCurrent() ? item.stepsFor(caller) : Set.of();
        List<ItemDocument.AttachmentRef> attachments = version.getAttachments().stream()
                .map(a -> new ItemDocument.AttachmentRef(a.getId(), a.getFilename(), a.getContentType(), a.getSize(), a.getSha256(),
                        itemUri(uri, item.getId()) + "/attachments/" + a.getId()))
                .toList();
        return new ItemDocument(item.getId(), item.getKind(), agency(item.getOwner()), version.getNumber(), version.getState(),
                version.getMarking(), version.tag(), version.getAuthor().value(), item.getCreatedAt(), version.getUpdatedAt(),
                version.getSubmittedAt().orElse(null), version.getPublishedAt().orElse(null),
                version.getPublishedBy().map(Object::toString).orElse(null), content(version, links), attachments,
                links.stream().map(l -> l.getItem().getId()).toList(), steps);
    }

    /** The version's content, naming only the linked items the caller reads ({@code links}). */
    private static ItemForm content(ItemVersion version, List<ItemVersion> links) {
        Set<Long> readable = links.stream().map(l -> l.getItem().getId()).collect(Collectors.toSet());
        if (version instanceof RecordVersion record) {
            return RecordForm.of(record);
        }
        if (version instanceof RecommendationVersion recommendation) {
            RecommendationForm form = RecommendationForm.of(recommendation);
            if (form.getMeeting() != null && !readable.contains(form.getMeeting())) {
                form.setMeeting(null);
            }
            return form;
        }
        if (version instanceof MeetingVersion meeting) {
            MeetingForm form = MeetingForm.of(meeting);
            form.setRecommendations(form.getRecommendations().stream().filter(readable::contains).toList());
            return form;
        }
        throw new IllegalStateException("no API shape for " + version.getClass());
    }

    /** The row of a list, whose item is read at {@code items} followed by its id. */
    private static ItemSummary summary(String items, ListedVersion version) {
        return new ItemSummary(version.itemId(), version.kind(),
                new ItemDocument.AgencyRef(version.ownerCode().value(), version.ownerName()),
                version.number(), version.state(), version.title(), version.marking(), version.scope(), version.updatedAt(),
                version.publishedAt(), items + version.itemId());
    }

    public static ItemDocument.AgencyRef agency(Agency agency) {
        return new ItemDocument.AgencyRef(agency.getCode().value(), agency.getName());
    }

    static URI itemUri(UriInfo uri, long id) {
        return UriBuilder.fromUri(uri.getBaseUri()).path("items").path(Long.toString(id)).build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value, E otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name, name + " is one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ", not \"" + value + "\"");
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid("changedAfter", "changedAfter is an ISO-8601 instant in UTC, e.g. 2026-11-27T00:00:00Z, not \"" + value + "\"");
        }
    }

    public static ApiRefusal invalid(String parameter, String detail) {
        return new ApiRefusal("invalid-parameter", "Invalid parameter " + parameter, 400, detail + ".");
    }
}
