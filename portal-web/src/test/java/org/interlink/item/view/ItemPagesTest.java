package org.interlink.item.view;

import jakarta.faces.context.FacesContextWrapper;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyKind;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.item.entity.CountedPage;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ListedVersion;
import org.interlink.item.entity.Listing;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.entity.Marking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list's count as the table asks for it: a list found beyond the limit is not counted again for a minute in the
 * session (its rows are still read each time); a list under the limit is counted every time.
 */
class ItemPagesTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final Agency MOI = new Agency(AgencyCode.of("iq-moi"), "iq-moi", AgencyKind.MINISTRY, "IQ", START);
    private static final ItemQuery SHARED = ItemQuery.of(Listing.SHARED_WITH_MY_AGENCY);

    private final List<String> asked = new ArrayList<>();
    private final ListCounts counts = new ListCounts();
    private Caller caller = caller("moi.official");
    private long rows = ItemQuery.COUNT_LIMIT + 1;

    private final SharedItems items = new SharedItems() {
        @Override
        public long count(Caller who, ItemQuery query) {
            asked.add("count " + who.username().value());
            return rows;
        }

        @Override
        public List<ListedVersion> listed(Caller who, ItemQuery query, int first, int max, boolean translated) {
            asked.add("rows " + first + "+" + max);
            return List.of();
        }

        @Override
        public CountedPage page(Caller who, ItemQuery query, int first, int max) {
            asked.add("rows and count");
            return new CountedPage(rows, List.of());
        }
    };

    private final CurrentCaller currentCaller = new CurrentCaller() {
        @Override
        public Caller get() {
            return caller;
        }
    };

    @BeforeEach
    void request() {
        at(START);
        Requests.begin();
    }

    @AfterEach
    void noRequest() {
        Requests.end();
    }

    @Test
    void aListBeyondTheLimitIsNotCountedAgainForAMinute() {
        assertThat(open()).isEqualTo(ItemQuery.COUNT_LIMIT);
        at(START.plus(ListCounts.FRESH_FOR));
        ItemPages second = pages();
        assertThat(second.count(Map.of())).isEqualTo(ItemQuery.COUNT_LIMIT);
        assertThat(second.isBeyondLimit()).as("the page still asks for a filter").isTrue();
        assertThat(asked).containsExactly("count moi.official");

        at(START.plus(ListCounts.FRESH_FOR).plusSeconds(1));
        open();
        assertThat(asked).as("counted again after a minute").endsWith("count moi.official");
    }

    @Test
    void aListThatShrankWithinTheMinuteIsCountedAgainAtItsShortPage() {
        open();
        // the agreement the rows were read under ended: none left (a page short of rows, as a page of five would be)
        rows = 0;
        Requests.next();
        ItemPages shrunk = pages();
        assertThat(shrunk.count(Map.of())).isEqualTo(ItemQuery.COUNT_LIMIT);
        assertThat(shrunk.load(0, 20, Map.of(), Map.of())).isEmpty();
        assertThat(shrunk.getRowCount()).as("the paginator's rows: \"no items\"").isZero();
        assertThat(shrunk.isBeyondLimit()).isFalse();
        assertThat(asked).containsExactly("count moi.official", "rows 0+20", "count moi.official");

        assertThat(open()).as("and every time after").isZero();
        assertThat(asked).endsWith("count moi.official");
    }

    @Test
    void aCountBegunBeforeTheLastOneKeptIsNotKept() {
        open();
        // a count begun earlier in another request of the session, finishing later, found the list over the limit
        counts.counted(caller, SHARED, 5, START.minusSeconds(1));
        Requests.next();
        assertThat(pages().count(Map.of())).isEqualTo(ItemQuery.COUNT_LIMIT);
        assertThat(asked).as("the later count kept").containsExactly("count moi.official");

        rows = 5;
        counts.counted(caller, SHARED, 5, START.plusSeconds(1));
        assertThat(open()).isEqualTo(5);
    }

    @Test
    void aListUnderTheLimitIsCountedEveryTime() {
        rows = 5;
        assertThat(open()).isEqualTo(5);
        assertThat(open()).isEqualTo(5);
        assertThat(asked).containsExactly("count moi.official", "count moi.official");
    }

    @Test
    void aListThatFellUnderTheLimitIsCountedAgainEachTime() {
        open();
        at(START.plusSeconds(61));
        rows = 999;
        open();
        at(START.plusSeconds(62));
        open();
        assertThat(asked).hasSize(3).allMatch(question -> question.startsWith("count"));
    }

    @Test
    void anotherPersonAgencyOrRolesOrFilterIsCountedAtOnce() {
        open();
        caller = caller("moi.vetter");
        open();
        caller = Caller.resolve(new Username("moi.official"), "moi.official", List.of(Role.OFFICIAL, Role.VETTER), List.of(MOI),
                Optional.empty());
        open();
        caller = caller("moi.official");
        Requests.next();
        new ItemPages(items, currentCaller, counts, SHARED.marked(Marking.GREEN)).count(Map.of());
        assertThat(asked).hasSize(4).allMatch(question -> question.startsWith("count"));
        Requests.next();
        assertThat(pages().count(Map.of())).isEqualTo(ItemQuery.COUNT_LIMIT);
        assertThat(asked).as("the first one's count kept").hasSize(4);
    }

    /** The table of a new page asks for its count, in a request of its own. */
    private int open() {
        Requests.next();
        return pages().count(Map.of());
    }

    private ItemPages pages() {
        return new ItemPages(items, currentCaller, counts, SHARED);
    }

    private void at(Instant now) {
        counts.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private static Caller caller(String username) {
        return Caller.resolve(new Username(username), username, List.of(Role.OFFICIAL), List.of(MOI), Optional.empty());
    }

    /** Just enough of a Faces request for the model: its attributes, where it keeps the request's answers. */
    private static final class Requests extends FacesContextWrapper {

        private final Map<Object, Object> attributes = new HashMap<>();

        private Requests() {
            super(null);
        }

        @Override
        public Map<Object, Object> getAttributes() {
            return attributes;
        }

        static void begin() {
            setCurrentInstance(new Requests());
        }

        static void next() {
            begin();
        }

        static void end() {
            setCurrentInstance(null);
        }
    }
}
