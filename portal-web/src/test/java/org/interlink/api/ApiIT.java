package org.interlink.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.interlink.demo.DemoItem;
import org.interlink.devstack.OneTimeCodes;
import org.interlink.devstack.PortalDatabase;
import org.interlink.devstack.RealmDefinition;
import org.interlink.journeys.Browser;
import org.interlink.journeys.KeycloakRealmAdmin;
import org.interlink.journeys.PortalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The REST API against the running portal (PostgreSQL, real Keycloak tokens): who reads what
 * (the isolation matrix again, now through the API, systems included), what a calling system can
 * do, and every refusal — each answered with the right status and problem type, audited, and
 * changing nothing. And the contract: the OpenAPI document the portal generates from its JAX-RS
 * resources is valid OpenAPI 3, describes the API and nothing else, every operation in it is
 * exercised here, and a browser shows it.
 */
@ExtendWith(PortalStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiIT {

    static final String BORDER_SYSTEM = "moi-border-system";
    static final String VETTING_DESK = "moi-vetting-desk";
    static final String IOM_SYSTEM = "iom-case-system";

    private static final List<String> MOI = List.of("moi.official", "moi.vetter", "moi.auditor",
            account(BORDER_SYSTEM), account(VETTING_DESK));
    private static final List<String> IOM = List.of("iom.liaison", "iom.vetter", "multi.liaison@iom-iq", account(IOM_SYSTEM));
    private static final List<String> PERSONAS = Stream.concat(Stream.of("moi.official", "moi.vetter", "moi.auditor",
            "iom.liaison", "iom.vetter", "multi.liaison@iom-iq", "multi.liaison@iq-bpc", "interpol.liaison", "donor.observer",
            "platform.admin"), Stream.of(BORDER_SYSTEM, VETTING_DESK, IOM_SYSTEM).map(ApiIT::account)).toList();

    private static Map<DemoItem, Long> demoIds;
    private static AuditEvents audit;

    @BeforeAll
    static void demoItems() {
        assumeThat(PortalStack.database()).as("the API tests read the audit trail of the suite's own PostgreSQL").isPresent();
        audit = new AuditEvents(PortalStack.database().orElseThrow());
        demoIds = new LinkedHashMap<>();
        for (DemoItem item : DemoItem.values()) {
            for (String owner : List.of("moi.vetter", "iom.vetter")) {
                Api.as(Tokens.user(owner)).get("/items?view=MY_AGENCY&size=100").json().path("items").forEach(row -> {
                    if (row.path("title").asText().equals(item.title())) {
                        demoIds.put(item, row.path("id").asLong());
                    }
                });
            }
        }
        assertThat(demoIds.keySet()).as("every demo item found by its owner agency").containsExactly(DemoItem.values());
    }

    @Test
    void everyPersonaAndSystemReadsExactlyWhatTheTableSaysThroughTheApiAndEveryReadIsAudited() {
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (String persona : PERSONAS) {
            Api api = api(persona);
            String actor = persona.split("@")[0];
            boolean hasAgency = !persona.equals("platform.admin");
            long before = audit.last();
            Api.Answer all = api.get("/items?view=ALL&size=100");
            expect(failures, persona + " list", all.status(), 200);
            List<Long> listed = all.ids();
            // the platform administrator acts for no agency: the gate refuses (and records) every read of items
            expectEvents(failures, persona + " list", audit.since(before, actor), hasAgency ? "LIST:ALLOWED" : "LIST:DENIED");
            List<Long> ownAgency = api.get("/items?view=MY_AGENCY&size=100").ids();
            for (Map.Entry<DemoItem, Long> entry : demoIds.entrySet()) {
                DemoItem item = entry.getKey();
                long id = entry.getValue();
                boolean reads = readers(item).contains(persona);
                String cell = persona + " × " + item;
                if (listed.contains(id) != reads) {
                    failures.add(cell + " via list: " + (reads ? "missing" : "listed"));
                }
                cells += 1;
                before = audit.last();
                Api.Answer read = api.with("Interlink-Purpose", "Border management operations: isolation matrix").get("/items/" + id);
                expect(failures, cell + " read", read.status(), reads ? 200 : 404);
                expectEvents(failures, cell + " read", audit.since(before, actor), reads ? "VIEW:ALLOWED" : "VIEW:DENIED");
                if (!reads && !read.problem().equals("not-found")) {
                    failures.add(cell + " read: problem " + read.problem());
                }
                before = audit.last();
                Api.Answer history = api.with("Interlink-Purpose", "Border management operations: isolation matrix")
                        .get("/items/" + id + "/history");
                expect(failures, cell + " history", history.status(), reads ? 200 : 404);
                expectEvents(failures, cell + " history", audit.since(before, actor), reads ? "HISTORY:ALLOWED" : "HISTORY:DENIED");
                // the change path, without changing anything: a step with a tag no version has is 412 for
                // those who may change the item (their agency's, readable), 404 for everyone else
                boolean changes = reads && ownAgency.contains(id);
                before = audit.last();
                Api.Answer step = api.send("POST", "/items/" + id + "/submit", null, "\"0.0\"");
                expect(failures, cell + " change", step.status(), changes ? 412 : 404);
                expectEvents(failures, cell + " change", audit.since(before, actor), changes ? "STATE_CHANGE:DENIED" : "UPDATE:DENIED");
                cells += 3;
                if (item == DemoItem.SAFWAN_INCIDENT) {
                    long attachment = attachmentOf(id);
                    before = audit.last();
                    Api.Answer file = api.with("Interlink-Purpose", "Border management operations: isolation matrix")
                            .get("/items/" + id + "/attachments/" + attachment);
                    expect(failures, cell + " attachment", file.status(), reads ? 200 : 404);
                    expectEvents(failures, cell + " attachment", audit.since(before, actor),
                            reads ? "DOWNLOAD:ALLOWED" : "DOWNLOAD:DENIED");
                    if (reads && !file.text().startsWith("date,border point")) {
                        failures.add(cell + " attachment: content " + file.text());
                    }
                    cells += 1;
                }
            }
        }
        System.out.printf("API isolation matrix: %d personas and systems × %d items × list/read/history/change (+ attachment) = %d cells"
                + " checked, %d unexpected%n", PERSONAS.size(), demoIds.size(), cells, failures.size());
        assertThat(failures).as("unexpected cells").isEmpty();
    }

    @Test
    void aBorderSystemPushesAnIncidentTheMinistryVetsItAndInterpolPullsWhatChanged() {
        Instant start = Instant.now().minusSeconds(1);
        Api border = Api.as(Tokens.system(BORDER_SYSTEM));
        Api interpol = Api.as(Tokens.user("interpol.liaison"));
        long before = audit.last();

        Api.Answer created = border.post("/records", incident("Forged visa stamps at Trebil", "AMBER", "interpol"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.header("Location")).hasValue(PortalStack.portalUrl() + "/api/v1/items/" + id);
        assertThat(created.etag()).isEqualTo("\"1.1\"");
        assertThat(created.json().path("state").asText()).isEqualTo("DRAFT");
        assertThat(created.json().path("author").asText()).isEqualTo(account(BORDER_SYSTEM));
        assertThat(created.json().path("owner").path("code").asText()).isEqualTo("iq-moi");
        assertThat(created.json().path("content").path("category").asText()).isEqualTo("Document fraud");
        assertThat(created.json().path("steps").toString()).contains("SUBMIT", "EDIT");

        assertThat(interpol.get("/items/" + id).status()).as("nothing is shared before it is vetted").isEqualTo(404);

        Api.Answer edited = border.put("/records/" + id, incident("Forged visa stamps at Trebil (4 passports)", "AMBER", "interpol"),
                created.etag());
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        Api.Answer submitted = border.send("POST", "/items/" + id + "/submit", null, edited.etag());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("state").asText()).isEqualTo("SUBMITTED");

        Api desk = Api.as(Tokens.system(VETTING_DESK));
        assertThat(desk.get("/items?view=VETTING_QUEUE").ids()).contains(id);
        Api.Answer published = desk.post("/items/" + id + "/publish", comment("Checked against the incident log"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(published.json().path("publishedBy").asText()).isEqualTo(account(VETTING_DESK));

        Api.Answer changed = interpol.get("/items?view=SHARED_WITH_MY_AGENCY&changedAfter=" + start);
        assertThat(changed.ids()).as("pulled since the start").contains(id)
                .doesNotContain(demoIds.get(DemoItem.LYON_VISIT));
        // the row names what the item's document does (read as values: SharedItems.listed)
        JsonNode row = StreamSupport.stream(changed.json().path("items").spliterator(), false)
                .filter(item -> item.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(row.path("kind").asText()).isEqualTo("RECORD");
        assertThat(row.path("owner").path("code").asText()).isEqualTo("iq-moi");
        assertThat(row.path("owner").path("name").asText()).isEqualTo(published.json().path("owner").path("name").asText()).isNotBlank();
        assertThat(row.path("version").asInt()).isEqualTo(1);
        assertThat(row.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(row.path("title").asText()).isEqualTo("Forged visa stamps at Trebil (4 passports)");
        assertThat(row.path("marking").asText()).isEqualTo("AMBER");
        assertThat(row.path("scope").asText()).isEqualTo("NAMED_AGENCIES");
        assertThat(Instant.parse(row.path("publishedAt").asText())).isAfter(start);
        assertThat(Instant.parse(row.path("updatedAt").asText())).isAfter(start);
        assertThat(row.path("href").asText()).isEqualTo(PortalStack.portalUrl() + "/api/v1/items/" + id);
        Api.Answer later = interpol.get("/items?view=SHARED_WITH_MY_AGENCY&changedAfter=" + Instant.now().plusSeconds(60));
        assertThat(later.ids()).isEmpty();

        Api.Answer withoutPurpose = interpol.get("/items/" + id);
        assertThat(withoutPurpose.status()).isEqualTo(400);
        assertThat(withoutPurpose.problem()).isEqualTo("purpose-required");
        Api.Answer read = interpol.with("Interlink-Purpose", "Criminal investigation: check against the stolen documents database")
                .get("/items/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("content").path("title").asText()).isEqualTo("Forged visa stamps at Trebil (4 passports)");
        assertThat(read.json().path("steps").size()).as("a reader outside the owner agency takes no step").isZero();
        assertThat(interpol.get("/items/" + id + "/history").problem()).as("the history needs the purpose too")
                .isEqualTo("purpose-required");
        assertThat(interpol.with("Interlink-Purpose", "Border management operations: check the publication")
                .get("/items/" + id + "/history").json()
                .findValuesAsText("action")).containsExactly("PUBLISHED");
        assertThat(border.get("/items/" + id + "/history").json().findValuesAsText("action"))
                .containsExactly("DRAFTED", "EDITED", "SUBMITTED", "PUBLISHED");

        assertThat(audit.since(before, account(BORDER_SYSTEM))).containsSubsequence("CREATE:ALLOWED", "UPDATE:ALLOWED",
                "STATE_CHANGE:ALLOWED");
        assertThat(audit.since(before, account(VETTING_DESK))).contains("STATE_CHANGE:ALLOWED");
        assertThat(audit.detailsSince(before, "interpol.liaison"))
                .anyMatch(e -> e.startsWith("VIEW:ALLOWED:Criminal investigation: check against the stolen documents database:")
                        && e.endsWith("under agreement DSA-MOI-INTERPOL-2026 of iq-moi"));
    }

    /**
     * Four publications of one submitted item at once (the same desk, sent as an impatient client would): one
     * publishes it; each other one is a conflict (409: changed meanwhile, or no longer awaiting a decision), never the
     * 503 of an audit failure; the item is published and recorded once.
     */
    @Test
    void fourPublicationsOfOneItemAtOncePublishItOnceAndTheOthersAreConflicts() throws Exception {
        Api border = Api.as(Tokens.system(BORDER_SYSTEM));
        long id = itemIn("Published four times at once", "SUBMITTED").json().path("id").asLong();
        Api desk = Api.as(Tokens.system(VETTING_DESK));
        long before = audit.last();

        List<Api.Answer> answers = atOnce(4, () -> desk.post("/items/" + id + "/publish", comment("Agreed")));

        assertDoneOnceAndConflicts(answers);
        assertThat(border.get("/items/" + id + "/history").json().findValuesAsText("action"))
                .containsExactly("DRAFTED", "SUBMITTED", "PUBLISHED");
        assertThat(audit.since(before, account(VETTING_DESK))).as("published and recorded once")
                .filteredOn("STATE_CHANGE:ALLOWED"::equals).hasSize(1);
    }

    /**
     * Every other step and the edit, four times at once by the same caller, as a client that sends again what it did not
     * hear back about: done once, the others conflicts (409; 412 for an edit whose If-Match no longer holds) — never 500,
     * never 503 "the audit trail is unavailable" — and recorded once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"edit", "submit", "return", "withdraw", "archive", "new-version"})
    void everyStepAndTheEditFourTimesAtOnceAreDoneOnceAndTheOthersAreConflicts(String step) throws Exception {
        Api border = Api.as(Tokens.system(BORDER_SYSTEM));
        Api desk = Api.as(Tokens.system(VETTING_DESK));
        Api.Answer item = itemIn("Four at once: " + step, switch (step) {
            case "edit", "submit" -> "DRAFT";
            case "return" -> "SUBMITTED";
            default -> "PUBLISHED";
        });
        long id = item.json().path("id").asLong();
        String tag = item.etag();
        long before = audit.last();

        List<Api.Answer> answers = atOnce(4, () -> switch (step) {
            case "edit" -> border.put("/records/" + id, incident("Four at once: edited", "GREEN", null), tag);
            case "return" -> desk.post("/items/" + id + "/return", comment("Not yet"));
            case "withdraw" -> border.post("/items/" + id + "/withdraw", comment("No longer valid"));
            default -> border.post("/items/" + id + "/" + step, null);
        });

        assertDoneOnceAndConflicts(answers);
        assertThat(audit.since(before, account(step.equals("return") ? VETTING_DESK : BORDER_SYSTEM))).as("done and recorded once")
                .filteredOn(event -> event.endsWith(":ALLOWED")).hasSize(1);
    }

    /**
     * One instance of a resource serves every call (WebArchitectureTest): what belongs to a call — its address, its
     * query, its caller — must still be its own when many come at once. Eight pages of the list asked for at once, by two
     * callers of different agencies: each answer is the page it asked for, with its own next link, and the rows its
     * caller reads one page at a time (the next link carries an extra parameter naming the caller, as the call had it).
     */
    @Test
    void manyListCallsAtOnceEachAnswerTheirOwnPageAndCaller() throws Exception {
        Map<String, Api> callers = Map.of(BORDER_SYSTEM, Api.as(Tokens.system(BORDER_SYSTEM)), IOM_SYSTEM,
                Api.as(Tokens.system(IOM_SYSTEM)));
        List<String> asked = new ArrayList<>();
        List<Callable<Api.Answer>> calls = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            for (String caller : callers.keySet()) {
                String path = "/items?view=ALL&size=1&caller=" + caller + "&page=" + page;
                asked.add(caller + " " + page);
                calls.add(() -> callers.get(caller).get(path));
            }
        }
        List<Api.Answer> answers = atOnce(calls);

        for (int i = 0; i < asked.size(); i++) {
            String caller = asked.get(i).split(" ")[0];
            int page = Integer.parseInt(asked.get(i).split(" ")[1]);
            Api.Answer answer = answers.get(i);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().path("page").asInt()).as(asked.get(i)).isEqualTo(page);
            if (answer.json().path("hasMore").asBoolean()) {
                assertThat(answer.json().path("next").asText()).as("the next link of " + asked.get(i))
                        .contains("caller=" + caller).contains("page=" + (page + 1));
            }
            assertThat(ids(answer)).as(asked.get(i)).isEqualTo(ids(callers.get(caller).get("/items?view=ALL&size=1&page=" + page)));
        }
    }

    private static List<Long> ids(Api.Answer page) {
        return page.json().path("items").findValues("id").stream().map(JsonNode::asLong).toList();
    }

    /** A new incident of the border system, taken to {@code state} (DRAFT, SUBMITTED or PUBLISHED): its last answer. */
    private static Api.Answer itemIn(String title, String state) {
        Api border = Api.as(Tokens.system(BORDER_SYSTEM));
        Api.Answer item = border.post("/records", incident(title, "GREEN", null));
        assertThat(item.status()).as(item.toString()).isEqualTo(201);
        if (!state.equals("DRAFT")) {
            item = border.send("POST", "/items/" + item.json().path("id").asLong() + "/submit", null, item.etag());
            assertThat(item.status()).as(item.toString()).isEqualTo(200);
        }
        if (state.equals("PUBLISHED")) {
            item = Api.as(Tokens.system(VETTING_DESK)).post("/items/" + item.json().path("id").asLong() + "/publish", comment("Agreed"));
            assertThat(item.status()).as(item.toString()).isEqualTo(200);
        }
        return item;
    }

    /** {@code count} calls sent at the same moment, each on its own thread; their answers. */
    private static List<Api.Answer> atOnce(int count, Callable<Api.Answer> call) throws Exception {
        return atOnce(Collections.nCopies(count, call));
    }

    /** The calls sent at the same moment, each on its own thread; their answers, in the calls' order. */
    private static List<Api.Answer> atOnce(List<Callable<Api.Answer>> calls) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Answer>> sent = new ArrayList<>();
            for (Callable<Api.Answer> call : calls) {
                sent.add(clients.submit(() -> {
                    assertThat(go.await(1, TimeUnit.MINUTES)).isTrue();
                    return call.call();
                }));
            }
            go.countDown();
            List<Api.Answer> answers = new ArrayList<>();
            for (Future<Api.Answer> answer : sent) {
                answers.add(answer.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    /** One answer 200, the others conflicts with their problem type. */
    private static void assertDoneOnceAndConflicts(List<Api.Answer> answers) {
        assertThat(answers).as(answers.toString()).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 200).hasSize(answers.size() - 1).allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isIn(409, 412);
            assertThat(a.problem()).isIn("conflict", "illegal-transition", "stale-item");
        });
    }

    @Test
    void recommendationsAndMeetingsAreDraftedAndChangedThroughTheirEndpointsAndEveryStepIsThere() {
        Api iom = Api.as(Tokens.system(IOM_SYSTEM));
        ObjectNode recommendation = item("Share incident data monthly", "GREEN", "ALL_MEMBERS");
        recommendation.put("addressee", "iq-moi");
        Api.Answer drafted = iom.post("/recommendations", recommendation);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        long id = drafted.json().path("id").asLong();
        recommendation.put("summary", "Share the border incident data with the working group every month.");
        Api.Answer changed = iom.put("/recommendations/" + id, recommendation, drafted.etag());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("content").path("addressee").asText()).isEqualTo("iq-moi");
        Api.Answer withdrawn = iom.post("/items/" + id + "/withdraw", comment("Superseded by the working group's plan"));
        assertThat(withdrawn.json().path("state").asText()).as(withdrawn.toString()).isEqualTo("WITHDRAWN");

        Api border = Api.as(Tokens.system(BORDER_SYSTEM));
        ObjectNode meeting = item("Border working group, November", "GREEN", "ALL_MEMBERS");
        meeting.put("startsOn", "2026-11-20").put("endsOn", "2026-11-20").put("place", "Baghdad");
        meeting.putArray("participants").add("iq-moi").add("iom-iq");
        meeting.put("decisions", "Monthly incident exchange");
        ObjectNode action = meeting.putArray("actionItems").addObject();
        action.put("description", "Name the focal points").put("owner", "iom-iq").put("dueOn", "2026-12-15").put("status", "OPEN");
        Api.Answer outcome = border.post("/meetings", meeting);
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(201);
        long meetingId = outcome.json().path("id").asLong();
        meeting.put("place", "Baghdad, Ministry of Interior");
        Api.Answer moved = border.put("/meetings/" + meetingId, meeting, outcome.etag());
        assertThat(moved.json().path("content").path("place").asText()).as(moved.toString()).isEqualTo("Baghdad, Ministry of Interior");
        assertThat(border.post("/items/" + meetingId + "/submit", null).status()).isEqualTo(200);

        Api desk = Api.as(Tokens.system(VETTING_DESK));
        Api.Answer returned = desk.post("/items/" + meetingId + "/return", comment("Add the date of the next meeting"));
        assertThat(returned.json().path("state").asText()).as(returned.toString()).isEqualTo("RETURNED");
        assertThat(border.post("/items/" + meetingId + "/submit", null).status()).isEqualTo(200);
        assertThat(desk.post("/items/" + meetingId + "/publish", comment("Agreed minutes")).status()).isEqualTo(200);
        Api.Answer next = border.post("/items/" + meetingId + "/new-version", null);
        assertThat(next.json().path("version").asInt()).as(next.toString()).isEqualTo(2);
        assertThat(next.json().path("state").asText()).isEqualTo("DRAFT");
        Api.Answer dropped = border.post("/items/" + meetingId + "/withdraw", null);
        assertThat(dropped.json().path("version").asInt()).as("the published version is current again").isEqualTo(1);
        Api.Answer archived = desk.post("/items/" + meetingId + "/archive", null);
        assertThat(archived.json().path("state").asText()).as(archived.toString()).isEqualTo("ARCHIVED");
    }

    /** Found in review: the item document's content named every linked item by id, drafts of another agency's included. */
    @Test
    void anItemDocumentNamesOnlyTheLinkedItemsItsReaderReads() {
        Api border = Api.as(Tokens.system(BORDER_SYSTEM));
        long draft = border.post("/recommendations", recommendationTo("iom-iq", "Plan a joint patrol (linked draft)")).json().path("id")
                .asLong();
        ObjectNode meeting = item("Patrol planning, with a draft linked", "GREEN", "ALL_MEMBERS");
        meeting.put("startsOn", "2026-11-21").put("endsOn", "2026-11-21").put("place", "Basra");
        meeting.putArray("participants").add("iq-moi");
        meeting.put("decisions", "Draft the patrol plan");
        meeting.putArray("recommendations").add(draft);
        Api.Answer created = border.post("/meetings", meeting);
        assertThat(created.json().path("content").path("recommendations").toString()).as(created.toString()).contains(Long.toString(draft));
        long id = created.json().path("id").asLong();
        assertThat(border.post("/items/" + id + "/submit", null).status()).isEqualTo(200);
        assertThat(Api.as(Tokens.system(VETTING_DESK)).post("/items/" + id + "/publish", comment("Agreed")).status()).isEqualTo(200);

        Api.Answer read = Api.as(Tokens.system(IOM_SYSTEM)).get("/items/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("content").path("recommendations").size()).as("IOM does not read the Ministry's draft").isZero();
        assertThat(read.json().path("links").size()).isZero();
        assertThat(border.get("/items/" + id).json().path("content").path("recommendations").toString()).contains(Long.toString(draft));
    }

    @Test
    void aVettersApiTokenNeedsTheCodeProvesItAndCannotBeKeptAliveByRefreshing() throws Exception {
        assertThat(Tokens.tryGrant("iom.vetter", "").body()).as("no code, no token").contains("invalid_grant");
        assertThat(Tokens.tryGrant("moi.official", "").statusCode()).as("an official needs none").isEqualTo(200);

        com.fasterxml.jackson.databind.JsonNode grant = Tokens.grant("iom.vetter", OneTimeCodes.demo());
        assertThat(grant.has("refresh_token")).as("each token is at most 5 minutes from the code").isFalse();
        assertThat(Tokens.claims(grant.get("access_token").asText()).path("acr").asText()).isEqualTo("second-factor");

        Api iom = Api.as(Tokens.system(IOM_SYSTEM));
        long id = iom.post("/recommendations", recommendationTo("iq-moi", "Second factor for vetting")).json().path("id").asLong();
        assertThat(iom.post("/items/" + id + "/submit", null).status()).isEqualTo(200);
        assertThat(Api.as(grant.get("access_token").asText()).post("/items/" + id + "/publish", comment("Reviewed")).status())
                .isEqualTo(200);
    }

    @Test
    void theAddresseeFollowsUpARecommendationAndTheSubmittingAgencyReadsTheTimeline() {
        Api iom = Api.as(Tokens.system(IOM_SYSTEM));
        long id = iom.post("/recommendations", recommendationTo("iq-moi", "Exchange watch lists at Basra airport")).json().path("id")
                .asLong();
        Api border = Api.as(Tokens.system(BORDER_SYSTEM));
        String path = "/recommendations/" + id;
        assertProblem(border.post(path + "/decision", decision("ACCEPTED", "Too early")), 404, "not-found");
        assertProblem(iom.get(path + "/follow-up"), 409, "not-published");
        assertThat(iom.post("/items/" + id + "/submit", null).status()).isEqualTo(200);
        assertThat(Api.as(Tokens.user("iom.vetter")).post("/items/" + id + "/publish", comment("Reviewed")).status()).isEqualTo(200);

        Api.Answer considered = Api.as(Tokens.user("moi.official")).get(path + "/follow-up");
        assertThat(considered.json().path("status").asText()).as(considered.toString()).isEqualTo("UNDER_CONSIDERATION");
        assertThat(considered.json().path("timeline").size()).isZero();

        long before = audit.last();
        assertProblem(border.post(path + "/decision", decision("ACCEPTED", " ")), 400, "invalid-content");
        assertProblem(border.post(path + "/decision", decision("IMPLEMENTED", "Done")), 400, "invalid-content");
        assertProblem(border.post(path + "/progress", progress(10, "Started")), 409, "illegal-transition");
        assertProblem(Api.as(Tokens.user("moi.auditor")).post(path + "/decision", decision("ACCEPTED", "Yes")), 403, "not-allowed");
        assertProblem(iom.post(path + "/decision", decision("ACCEPTED", "Yes")), 403, "not-allowed");
        assertProblem(Api.as(Tokens.user("interpol.liaison")).post(path + "/decision", decision("REJECTED", "No")), 404, "not-found");
        assertThat(audit.since(before, account(BORDER_SYSTEM))).containsExactly("STATE_CHANGE:DENIED", "STATE_CHANGE:DENIED",
                "STATE_CHANGE:DENIED");
        assertThat(audit.since(before, "moi.auditor")).containsExactly("STATE_CHANGE:DENIED");
        assertThat(audit.since(before, account(IOM_SYSTEM))).containsExactly("STATE_CHANGE:DENIED");
        assertThat(audit.since(before, "interpol.liaison")).containsExactly("UPDATE:DENIED");

        Api.Answer accepted = border.post(path + "/decision", decision("ACCEPTED", "The airport's new system can take it"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().path("decidedBy").asText()).isEqualTo(account(BORDER_SYSTEM));
        assertProblem(border.post(path + "/decision", decision("REJECTED", "Changed our mind")), 409, "illegal-transition");
        assertProblem(border.post(path + "/progress", Api.object().put("note", "no percent")), 400, "invalid-parameter");
        assertProblem(border.post(path + "/progress", progress(100, "All")), 400, "invalid-content");
        Api.Answer forty = border.post(path + "/progress", progress(40, "Two of five terminals"));
        assertThat(forty.json().path("status").asText()).as(forty.toString()).isEqualTo("IN_PROGRESS");
        assertThat(forty.json().path("progress").asInt()).isEqualTo(40);

        Api.Answer read = iom.get(path + "/follow-up");
        assertThat(read.json().path("rationale").asText()).as(read.toString()).isEqualTo("The airport's new system can take it");
        assertThat(read.json().path("timeline").findValuesAsText("action")).containsExactly("DECIDED", "PROGRESS_REPORTED");
        assertThat(read.json().path("timeline").findValuesAsText("comment"))
                .containsExactly("accepted: The airport's new system can take it", "40 %: Two of five terminals");
        assertThat(iom.get("/items/" + id + "/history").json().findValuesAsText("action")).containsSubsequence("PUBLISHED", "DECIDED",
                "PROGRESS_REPORTED");
        Api.Answer done = border.post(path + "/implemented", Api.object().put("note", "All terminals"));
        assertThat(done.json().path("status").asText()).as(done.toString()).isEqualTo("IMPLEMENTED");
        assertThat(done.json().path("progress").asInt()).isEqualTo(100);
        assertThat(audit.since(before, account(BORDER_SYSTEM))).containsSubsequence("STATE_CHANGE:ALLOWED", "STATE_CHANGE:ALLOWED",
                "STATE_CHANGE:ALLOWED");
    }

    @Test
    void theOwnerAgencyOfAnActionItemUpdatesItAndEveryReaderSeesItOverdueOrDone() {
        long lyon = demoIds.get(DemoItem.LYON_VISIT);
        String path = "/meetings/" + lyon + "/action-items";
        Api iom = Api.as(Tokens.system(IOM_SYSTEM)).with("Interlink-Purpose", "Border management operations: programme follow-up");

        Api.Answer actions = iom.get(path);
        assertThat(actions.status()).as(actions.toString()).isEqualTo(200);
        assertThat(actions.json().findValuesAsText("status")).startsWith("DONE");
        assertThat(actions.json().get(2).path("overdue").asBoolean()).as("the ministry's list of border points is late").isTrue();
        assertThat(actions.json().get(0).path("overdue").asBoolean()).as("done is never overdue").isFalse();
        assertProblem(Api.as(Tokens.system(IOM_SYSTEM)).get(path), 400, "purpose-required");

        long before = audit.last();
        assertProblem(iom.send("PUT", path + "/3", Api.object().put("status", "DONE").put("note", "Not ours"), null), 403, "not-allowed");
        assertProblem(iom.send("PUT", path + "/9", Api.object().put("status", "DONE").put("note", "No such"), null), 400,
                "invalid-content");
        assertProblem(iom.send("PUT", path + "/1", Api.object().put("status", "DROPPED"), null), 400, "invalid-content");
        assertProblem(
                Api.as(Tokens.user("donor.observer")).send("PUT", path + "/1", Api.object().put("status", "DONE").put("note", "x"), null),
                404, "not-found");
        assertThat(audit.since(before, account(IOM_SYSTEM))).containsExactly("UPDATE:DENIED", "UPDATE:DENIED", "UPDATE:DENIED");

        Api border = Api.as(Tokens.system(BORDER_SYSTEM));
        Api.Answer updated = border.send("PUT", path + "/3", Api.object().put("status", "IN_PROGRESS").put("note", "List being compiled"),
                null);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get(2).path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(updated.json().get(2).path("updatedBy").asText()).isEqualTo(account(BORDER_SYSTEM));
        assertThat(audit.since(before, account(BORDER_SYSTEM))).containsExactly("UPDATE:ALLOWED");
        assertThat(iom.get(path).json().get(2).path("note").asText()).isEqualTo("List being compiled");
    }

    private static ObjectNode decision(String decision, String rationale) {
        return Api.object().put("decision", decision).put("rationale", rationale);
    }

    private static ObjectNode progress(int percent, String note) {
        return Api.object().put("percent", percent).put("note", note);
    }

    @Test
    void theAuthorAttachesAFileThroughTheApiAndARefusedFileChangesNothing() {
        Api border = Api.as(Tokens.system(BORDER_SYSTEM));
        Api.Answer created = border.post("/records", incident("Crossings at Safwan, figures", "GREEN", null));
        long id = created.json().path("id").asLong();
        String tag = created.etag();
        String files = "/items/" + id + "/attachments?filename=";
        byte[] csv = "crossing,people\nSafwan,120\n".getBytes(StandardCharsets.UTF_8);

        long before = audit.last();
        assertProblem(border.upload(files + "figures.pdf", csv, "application/pdf", tag), 400, "invalid-content");
        assertThat(audit.since(before, account(BORDER_SYSTEM))).as("refused, and recorded as such").containsExactly("UPDATE:DENIED");
        assertProblem(border.upload("/items/" + id + "/attachments", csv, "text/csv", tag), 400, "invalid-content");
        assertProblem(border.upload(files + "figures.csv", csv, "text/csv", "\"1.999\""), 412, "stale-item");
        // another agency's caller is refused before the body is read, and recorded
        before = audit.last();
        assertProblem(Api.as(Tokens.system(IOM_SYSTEM)).upload(files + "figures.csv", csv, "text/csv", null), 404, "not-found");
        assertThat(audit.since(before, account(IOM_SYSTEM))).containsExactly("UPDATE:DENIED");
        // over the upload's limit (10 MiB): refused and recorded; the API's own 1 MiB limit is not the upload's
        before = audit.last();
        assertProblem(border.upload(files + "figures.csv", new byte[10 * 1024 * 1024 + 1], "text/csv", tag), 400, "invalid-content");
        assertThat(audit.since(before, account(BORDER_SYSTEM))).containsExactly("UPDATE:DENIED");
        Api.Answer unchanged = border.get("/items/" + id);
        assertThat(unchanged.etag()).as("nothing refused changed the item").isEqualTo(tag);
        assertThat(unchanged.json().path("attachments").size()).isZero();

        byte[] large = new byte[2 * 1024 * 1024];
        Arrays.fill(large, (byte) 'x');
        System.arraycopy(csv, 0, large, 0, csv.length);
        Api.Answer attached = border.upload(files + "figures.csv", large, "text/csv", tag);
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        assertThat(attached.etag()).as("a new tag").isNotEqualTo(tag);
        JsonNode file = attached.json().path("attachments").get(0);
        assertThat(file.path("filename").asText()).isEqualTo("figures.csv");
        assertThat(file.path("size").asLong()).isEqualTo(large.length);
        assertThat(attached.header("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/items/" + id + "/attachments/" + file.path("id").asLong()));
        assertThat(border.get(attached.header("Location").orElseThrow()).body()).as("the file, byte for byte").isEqualTo(large);
        assertProblem(border.upload(files + "more.csv", csv, "text/csv", tag), 412, "stale-item");
    }

    @Test
    void refusedChangesAreAnsweredWithTheirProblemAuditedAndChangeNothing() {
        Api border = Api.as(Tokens.system(BORDER_SYSTEM));
        Api.Answer created = border.post("/records", incident("Queue at Zurbatiyah", "GREEN", null));
        long id = created.json().path("id").asLong();
        String tag = created.etag();

        // 428 and 412: optimistic locking
        Api.Answer noIfMatch = border.put("/records/" + id, incident("Changed without reading", "GREEN", null), null);
        assertProblem(noIfMatch, 428, "if-match-required");
        Api.Answer first = border.put("/records/" + id, incident("Queue at Zurbatiyah, 2 hours", "GREEN", null), tag);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        long before = audit.last();
        Api.Answer stale = border.put("/records/" + id, incident("Queue at Zurbatiyah, stale", "GREEN", null), tag);
        assertProblem(stale, 412, "stale-item");
        assertThat(audit.since(before, account(BORDER_SYSTEM))).containsExactly("UPDATE:DENIED");
        assertThat(border.get("/items/" + id).json().path("content").path("title").asText())
                .as("the stale update lost nothing").isEqualTo("Queue at Zurbatiyah, 2 hours");
        assertProblem(border.send("POST", "/items/" + id + "/submit", null, tag), 412, "stale-item");

        // 400: bodies
        assertProblem(border.post("/records", "{\"title\": "), 400, "invalid-json");
        ObjectNode unknown = incident("Unknown field", "GREEN", null);
        unknown.put("colour", "red");
        Api.Answer unknownField = border.post("/records", unknown);
        assertProblem(unknownField, 400, "invalid-json");
        assertThat(unknownField.json().path("detail").asText()).contains("colour");
        ObjectNode redToAll = incident("Red to everyone", "GREEN", null);
        ((ObjectNode) redToAll.get("sharing")).put("marking", "RED").put("scope", "ALL_MEMBERS");
        assertProblem(border.post("/records", redToAll), 400, "illegal-sharing");
        ObjectNode untitled = incident("x", "GREEN", null);
        untitled.remove("title");
        Api.Answer missingTitle = border.post("/records", untitled);
        assertProblem(missingTitle, 400, "invalid-content");
        assertThat(missingTitle.json().path("violations").toString()).contains("title", "Give the item a title.");
        Api.Answer noBody = border.send("POST", "/records", null, null);
        assertProblem(noBody, 400, "invalid-content");
        assertThat(noBody.json().path("violations").get(0).path("field").asText()).isEqualTo("body");
        assertProblem(border.post("/records", ""), 400, "invalid-json");
        assertProblem(border.get("/items?view=EVERYTHING"), 400, "invalid-parameter");
        assertProblem(border.get("/items?changedAfter=yesterday"), 400, "invalid-parameter");
        assertProblem(border.get("/items?size=1000"), 400, "invalid-parameter");
        // page * size beyond an int: refused, not a 500
        assertProblem(border.get("/items?page=21474837&size=100"), 400, "invalid-parameter");

        // 413: oversized, also when sent chunked
        byte[] huge = ("{\"title\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(border.post("/records", huge), 413, "body-too-large");
        assertProblem(border.postChunked("/records", huge), 413, "body-too-large");

        // 409: not in this state
        assertThat(border.post("/items/" + id + "/submit", null).status()).isEqualTo(200);
        before = audit.last();
        assertProblem(border.post("/items/" + id + "/submit", null), 409, "illegal-transition");
        assertThat(audit.since(before, account(BORDER_SYSTEM))).containsExactly("STATE_CHANGE:DENIED");
        assertProblem(border.put("/records/" + id, incident("After submission", "GREEN", null), "*"), 409, "illegal-transition");

        // 403: roles and four eyes
        assertProblem(border.post("/items/" + id + "/publish", comment("my own")), 403, "not-allowed");
        Api desk = Api.as(Tokens.system(VETTING_DESK));
        before = audit.last();
        assertProblem(desk.post("/records", incident("A vetter drafts", "GREEN", null)), 403, "not-allowed");
        assertThat(audit.since(before, account(VETTING_DESK))).containsExactly("CREATE:DENIED");
        assertProblem(desk.post("/items/" + id + "/publish", null), 400, "invalid-content");
        Api moiVetter = Api.as(Tokens.user("moi.vetter"));
        Api.Answer own = moiVetter.post("/records", incident("A vetter's own record", "GREEN", null));
        long ownId = own.json().path("id").asLong();
        moiVetter.post("/items/" + ownId + "/submit", null);
        assertProblem(moiVetter.post("/items/" + ownId + "/publish", comment("looks fine")), 403, "four-eyes");

        // 404: another agency's item cannot be changed, or even found
        Api interpol = Api.as(Tokens.user("interpol.liaison"));
        before = audit.last();
        assertProblem(interpol.put("/records/" + id, incident("Taken over", "GREEN", null), "*"), 404, "not-found");
        assertProblem(interpol.post("/items/" + id + "/withdraw", null), 404, "not-found");
        assertThat(audit.since(before, "interpol.liaison")).containsExactly("UPDATE:DENIED", "UPDATE:DENIED");
        assertProblem(interpol.get("/items/999999"), 404, "not-found");
        Api moi = Api.as(Tokens.user("moi.official"));
        long file = attachmentOf(demoIds.get(DemoItem.SAFWAN_INCIDENT));
        before = audit.last();
        assertProblem(moi.get("/items/" + demoIds.get(DemoItem.LYON_VISIT) + "/attachments/" + file), 404, "not-found");
        assertThat(audit.since(before, "moi.official")).as("a file asked for as another item's").containsExactly("DOWNLOAD:DENIED");
        assertProblem(Api.as(Tokens.user("iom.liaison")).get("/items/" + demoIds.get(DemoItem.SAFWAN_INCIDENT) + "/attachments/" + file),
                400, "purpose-required");

        // the agency a caller with several agencies acts for
        Api multi = Api.as(Tokens.user("multi.liaison"));
        assertProblem(multi.get("/items"), 400, "agency-required");
        assertProblem(multi.with("Interlink-Agency", "iq-moi").get("/items"), 403, "not-a-member");
        assertThat(multi.with("Interlink-Agency", "iq-bpc").get("/items").status()).isEqualTo(200);

        assertThat(border.get("/items/" + id).json().path("content").path("title").asText())
                .as("none of the refusals changed the item").isEqualTo("Queue at Zurbatiyah, 2 hours");
        assertThat(border.get("/items?view=MY_AGENCY&title=vetter").ids()).containsExactly(ownId);
        for (String refused : List.of("Unknown field", "Red to everyone", "A vetter drafts", "Anonymous")) {
            assertThat(border.get("/items?view=MY_AGENCY&title=" + refused.replace(" ", "%20")).ids()).as(refused + " not created")
                    .isEmpty();
        }
    }

    @Test
    void withoutAValidAccessTokenForTheApiEveryCallIs401NeverARedirect() {
        List<Api.Answer> answers = List.of(
                Api.anonymous().get("/items"),
                Api.as("not-a-token").get("/items"),
                Api.as(Tokens.webClient()).get("/items"),
                Api.as(Tokens.idToken("moi.official")).get("/items"),
                Api.anonymous().post("/records", incident("Anonymous", "GREEN", null)));
        for (Api.Answer answer : answers) {
            assertProblem(answer, 401, "unauthorized");
            assertThat(answer.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
            assertThat(answer.header("Location")).isEmpty();
            assertThat(answer.header("Set-Cookie")).as("no session for the API").isEmpty();
        }
        assertThat(answers.get(2).json().path("detail").asText()).contains("aud");
        assertThat(Api.as(Tokens.user("moi.official")).get("/items").header("Set-Cookie")).isEmpty();
    }

    /**
     * Consent to forward over the API: IOM's case system reads an AMBER incident of the Ministry and asks it to pass the
     * incident on to INTERPOL; INTERPOL reads nothing while the request waits; the Ministry's vetting desk approves and
     * INTERPOL reads the new version, for a purpose its agreement with the Ministry allows (not for another).
     */
    @Test
    void aPartnerAsksConsentTheOwnerApprovesAndTheThirdAgencyReadsForAnAllowedPurpose() {
        Api border = Api.as(Tokens.system(BORDER_SYSTEM));
        Api desk = Api.as(Tokens.system(VETTING_DESK));
        Api iom = Api.as(Tokens.system(IOM_SYSTEM));
        Api interpol = api("interpol.liaison");
        Api.Answer created = border.post("/records", incident("Consent test incident " + UUID.randomUUID(), "AMBER", "iom-iq"));
        long id = created.json().path("id").asLong();
        border.send("POST", "/items/" + id + "/submit", null, created.etag());
        assertThat(desk.post("/items/" + id + "/publish", comment("For IOM")).status()).isEqualTo(200);

        assertProblem(iom.post("/consent-requests", Api.object().put("item", id).put("agency", "interpol")), 409, "consent-refused");
        Api.Answer asked = iom.post("/consent-requests", Api.object().put("item", id).put("agency", "interpol")
                .put("reason", "INTERPOL traces the forgers"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        String request = "/consent-requests/" + asked.json().path("id").asLong();
        assertThat(asked.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(border.get(request).json().path("requester").asText()).isEqualTo("iom-iq");
        assertProblem(interpol.get(request), 404, "not-found");
        assertProblem(interpol.get("/items/" + id), 404, "not-found");
        assertProblem(iom.post(request + "/approve", Api.object().put("reason", "Mine")), 404, "not-found");

        Api.Answer approved = desk.post(request + "/approve", Api.object().put("reason", "Covered by our agreement with INTERPOL"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
        assertProblem(desk.post(request + "/decline", Api.object().put("reason", "Too late")), 409, "consent-refused");
        assertThat(iom.get("/consent-requests").json().findValuesAsText("status")).contains("APPROVED");

        assertProblem(interpol.with("Interlink-Purpose", "Humanitarian response").get("/items/" + id), 400, "purpose-not-allowed");
        Api.Answer read = interpol.with("Interlink-Purpose", "Criminal investigation: the forgers' network").get("/items/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("version").asInt()).isEqualTo(2);
        assertThat(read.json().path("content").path("sharing").path("handling").asText()).isEqualTo("H2");
    }

    /**
     * Agreements over the API: IOM's administrator drafts one with INTERPOL, INTERPOL's countersigns, and IOM's workshop
     * report (TLP:GREEN, shared with the working group INTERPOL belongs to) reaches INTERPOL from that request on; it is
     * gone again while the agreement is suspended and once it is terminated. Every refusal is a problem document.
     */
    @Test
    void administratorsOfTwoAgenciesSignAnAgreementAndTheGateFollowsEveryStep() {
        String report = "/items/" + demoIds.get(DemoItem.REVISION_IN_DRAFT);
        Api interpol = api("interpol.liaison");
        assertProblem(interpol.get(report), 404, "not-found");

        ObjectNode draft = Api.object().put("reference", "IOM-INTERPOL-" + UUID.randomUUID().toString().substring(0, 8))
                .put("title", "IOM – INTERPOL: training reports").put("highestMarking", "GREEN")
                .put("validFrom", LocalDate.now().minusDays(1).toString()).put("validUntil", LocalDate.now().plusYears(1).toString());
        draft.putArray("agencies").add("interpol");
        draft.putArray("coverage").add("TRAINING_REPORT");
        draft.putArray("purposes").add("POLICY_AND_ANALYSIS");
        assertProblem(api("iom.liaison").post("/agreements", draft), 403, "not-allowed");
        Api.Answer drafted = api("iom.admin").post("/agreements", draft);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        assertThat(drafted.json().path("status").asText()).isEqualTo("DRAFT");
        String agreement = "/agreements/" + drafted.json().path("id").asLong();
        assertThat(drafted.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(agreement));
        assertProblem(api("iom.admin").post("/agreements", draft), 400, "invalid-agreement");

        byte[] signed = "%PDF-1.4\n% the signed agreement\n".getBytes(StandardCharsets.US_ASCII);
        Api.Answer document = api("iom.admin").upload(agreement + "/document?filename=signed.pdf", signed, "application/pdf", null);
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        assertThat(document.json().path("documentName").asText()).isEqualTo("signed.pdf");
        assertThat(api("interpol.admin").get(agreement + "/document").body()).isEqualTo(signed);
        assertProblem(api("moi.admin").get(agreement + "/document"), 404, "not-found");
        assertThat(api("interpol.admin").get(agreement).json().path("parties").findValuesAsText("agency")).containsExactlyInAnyOrder(
                "iom-iq", "interpol");
        assertProblem(api("moi.admin").get(agreement), 404, "not-found");
        assertProblem(api("iom.admin").post(agreement + "/countersign", null), 409, "agreement-refused");
        assertProblem(interpol.get(report), 404, "not-found");

        assertProblem(api("interpol.admin").post(agreement + "/countersign", null), 409, "agreement-refused");
        String read = api("interpol.admin").get(agreement).json().path("documentSha256").asText();
        assertThat(api("interpol.admin").post(agreement + "/countersign?document=" + read, null).json().path("status").asText())
                .isEqualTo("ACTIVE");
        assertThat(interpol.get(report).status()).as("read under the agreement").isEqualTo(200);

        assertProblem(api("interpol.admin").post(agreement + "/suspend", Api.object()), 400, "invalid-agreement");
        assertThat(api("interpol.admin").post(agreement + "/suspend", Api.object().put("reason", "Audit of the exchange")).json()
                .path("status").asText()).isEqualTo("SUSPENDED");
        assertProblem(interpol.get(report), 404, "not-found");
        assertProblem(api("iom.admin").post(agreement + "/resume", null), 409, "agreement-refused");
        assertThat(api("interpol.admin").post(agreement + "/resume", null).json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(interpol.get(report).status()).isEqualTo(200);

        assertThat(api("iom.admin").post(agreement + "/terminate", Api.object().put("reason", "Programme closed")).json()
                .path("status").asText()).isEqualTo("TERMINATED");
        assertProblem(interpol.get(report), 404, "not-found");

        assertThat(api("donor.observer").get("/agreements").json().findValuesAsText("status")).containsExactly("EXPIRED");
        assertThat(api("platform.admin").get("/agreements").json().findValuesAsText("reference")).contains("DSA-MOI-IOM-2026",
                "DSA-MOI-INTERPOL-2026", "DSA-MOI-AU-2024");
    }

    @Test
    void theDirectoryNamesAgenciesAndCommunities() {
        Api api = Api.as(Tokens.system(IOM_SYSTEM));
        assertThat(api.get("/agencies").json().findValuesAsText("code")).contains("iq-moi", "iom-iq", "interpol", "au-dibp", "iq-bpc");
        assertThat(api.get("/agencies/interpol").json().path("kind").asText()).isEqualTo("LAW_ENFORCEMENT");
        assertProblem(api.get("/agencies/nowhere"), 404, "not-found");
        assertProblem(api.get("/agencies/NOT%20A%20CODE"), 400, "invalid-agency-code");
        assertThat(api.get("/communities").json().findValuesAsText("code")).contains("cb-programme", "border-wg");
        assertThat(api.get("/communities/border-wg").json().path("members").toString()).contains("interpol");
        assertProblem(api.get("/communities/nothing"), 404, "not-found");
    }

    @Test
    void aPlatformAdministratorOnboardsSuspendsAndReactivatesAnAgencyInKeycloakAndThePortalTogether() throws Exception {
        Api platform = api("platform.admin");
        ObjectNode agency = Api.object().put("code", "jo-psd").put("name", "Jordan Public Security Directorate")
                .put("kind", "LAW_ENFORCEMENT").put("country", "jo");
        Api.Answer onboarded = platform.post("/agencies", agency);
        assertThat(onboarded.status()).as(onboarded.toString()).isEqualTo(201);
        assertThat(onboarded.json().path("country").asText()).isEqualTo("JO");
        assertThat(KeycloakRealmAdmin.organizations()).containsEntry("jo-psd", true);
        assertThat(audit.detailsSince(0, "platform.admin"))
                .anyMatch(e -> e.startsWith("ADMIN:ALLOWED::onboarded agency jo-psd: before none"));

        // refused, changing nothing on either side: a code taken, a name Keycloak has, bad fields, no platform-admin
        int organizations = KeycloakRealmAdmin.organizations().size();
        assertProblem(platform.post("/agencies", agency), 409, "agency-exists");
        assertProblem(platform.post("/agencies", agency.deepCopy().put("code", "interpol-2").put("name", "INTERPOL")), 400,
                "invalid-request");
        assertProblem(platform.post("/agencies", agency.deepCopy().put("code", "jo-x").put("country", "Jordan")), 400, "invalid-request");
        assertProblem(platform.post("/agencies", agency.deepCopy().put("code", "NOT A CODE")), 400, "invalid-agency-code");
        long before = audit.last();
        assertProblem(api("moi.admin").post("/agencies", agency.deepCopy().put("code", "jo-y")), 403, "not-allowed");
        assertThat(audit.since(before, "moi.admin")).containsExactly("ADMIN:DENIED");
        assertThat(KeycloakRealmAdmin.organizations()).hasSize(organizations).doesNotContainKeys("interpol-2", "jo-x", "jo-y");
        assertProblem(platform.get("/agencies/interpol-2"), 404, "not-found");

        // the portal's part fails after Keycloak's (the database refuses this code): the organization is removed again
        try (Connection owner = owner(); Statement sql = owner.createStatement()) {
            sql.execute("create function refuse_agency() returns trigger language plpgsql as "
                    + "$$ begin raise exception 'refused by the test'; end $$");
            sql.execute("create trigger refuse_agency before insert on agency for each row when (new.code = 'zz-fail') "
                    + "execute function refuse_agency()");
        }
        try {
            assertThat(platform.post("/agencies", agency.deepCopy().put("code", "zz-fail").put("name", "Fails in the portal")).status())
                    .isEqualTo(500);
            assertThat(audit.detailsSince(0, "platform.admin")).noneMatch(e -> e.contains("zz-fail"));
            assertThat(KeycloakRealmAdmin.organizations()).as("the organization Keycloak created is undone").doesNotContainKey("zz-fail");
            assertProblem(platform.get("/agencies/zz-fail"), 404, "not-found");
        } finally {
            try (Connection owner = owner(); Statement sql = owner.createStatement()) {
                sql.execute("drop trigger refuse_agency on agency");
                sql.execute("drop function refuse_agency()");
            }
        }

        // suspended: its people act for it no longer, its items are no longer shared; reactivated: both again
        Api iom = api(account(IOM_SYSTEM));
        long moiItems = ministryItems(iom);
        assertThat(moiItems).isPositive();
        try {
            assertThat(
                    platform.put("/agencies/iq-moi/status", Api.object().put("status", "SUSPENDED"), null).json().path("status").asText())
                    .isEqualTo("SUSPENDED");
            assertThat(KeycloakRealmAdmin.organizations()).containsEntry("iq-moi", false);
            assertThat(ministryItems(iom)).isZero();
            assertProblem(api("moi.official").get("/items"), 403, "no-agency");
        } finally {
            assertThat(platform.put("/agencies/iq-moi/status", Api.object().put("status", "ACTIVE"), null).status()).isEqualTo(200);
        }
        assertThat(KeycloakRealmAdmin.organizations()).containsEntry("iq-moi", true);
        assertThat(ministryItems(iom)).isEqualTo(moiItems);
        assertThat(audit.detailsSince(0, "platform.admin"))
                .anyMatch(e -> e.contains("agency iq-moi status: before ACTIVE; after SUSPENDED"));
        assertProblem(platform.put("/agencies/iq-moi/status", Api.object(), null), 400, "invalid-request");
        assertProblem(api("moi.admin").put("/agencies/iom-iq/status", Api.object().put("status", "SUSPENDED"), null), 403, "not-allowed");
    }

    @Test
    void anAgencyAdministratorManagesTheMembersOfTheirAgencyOnlyAndEveryStepIsAudited() {
        Api admin = api("moi.admin");
        assertThat(admin.get("/members").json().findValuesAsText("username")).contains("moi.official", "moi.vetter", "moi.admin")
                .doesNotContain("iom.liaison", "interpol.liaison");
        ObjectNode member = Api.object().put("username", "moi.analyst").put("firstName", "Rana").put("lastName", "Aziz")
                .put("email", "moi.analyst@interlink.test");
        member.putArray("roles").add("OFFICIAL");

        // refused and audited, nothing changed: platform-admin asked for, another agency's users, not an administrator
        long before = audit.last();
        ObjectNode platformAdmin = member.deepCopy();
        platformAdmin.putArray("roles").add("OFFICIAL").add("PLATFORM_ADMIN");
        assertProblem(admin.post("/members", platformAdmin), 403, "not-allowed");
        assertProblem(admin.put("/members/iom.liaison/roles", roles("OFFICIAL", "VETTER"), null), 403, "not-allowed");
        assertProblem(admin.post("/members/iom.liaison/disable", null), 403, "not-allowed");
        assertProblem(admin.get("/members/iom.liaison"), 403, "not-allowed");
        assertProblem(admin.get("/members/nobody.at.all"), 403, "not-allowed");
        assertProblem(admin.put("/members/moi.admin/roles", roles("AGENCY_ADMIN"), null), 400, "invalid-request");
        assertThat(audit.since(before, "moi.admin")).containsExactly("ADMIN:DENIED", "ADMIN:DENIED", "ADMIN:DENIED", "ADMIN:DENIED",
                "ADMIN:DENIED");
        assertThat(audit.detailsSince(before, "moi.admin"))
                .anyMatch(e -> e.contains("refused to change the roles of iom.liaison: not a member of iq-moi"));
        assertProblem(api("moi.official").get("/members"), 403, "not-allowed");
        assertThat(KeycloakRealmAdmin.user("moi.analyst")).isEmpty();
        assertThat(KeycloakRealmAdmin.realmRoles("iom.liaison")).containsExactly("liaison");
        assertThat(KeycloakRealmAdmin.user("iom.liaison").orElseThrow().path("enabled").asBoolean()).isTrue();
        assertProblem(admin.post("/members", member.deepCopy().put("email", "not an address")), 400, "invalid-request");
        assertProblem(admin.post("/members", member.deepCopy().put("username", "Moi Analyst")), 400, "invalid-request");

        // created in Keycloak as a member of the agency, with the roles and a one-time password
        Api.Answer created = admin.post("/members", member);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("temporaryPassword").asText()).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        assertThat(KeycloakRealmAdmin.organizationsOf("moi.analyst")).containsExactly("iq-moi");
        assertThat(KeycloakRealmAdmin.realmRoles("moi.analyst")).containsExactly("official");
        assertProblem(admin.post("/members", member), 400, "invalid-request");

        // disabled: the token they hold is refused from the next request on, and Keycloak gives them no new one.
        // (Tokens tell their issue time in whole seconds, and a token of the same second as an administrator's
        // change counts as older: so this test never asks for a token right after such a change.)
        String password = "analyst-pw-" + UUID.randomUUID();
        KeycloakRealmAdmin.setPassword("moi.analyst", password);
        Api analyst = Api.as(Tokens.user("moi.analyst", password));
        assertThat(analyst.get("/items").status()).isEqualTo(200);
        assertThat(admin.post("/members/moi.analyst/disable", null).json().path("enabled").asBoolean()).isFalse();
        assertProblem(analyst.get("/items"), 401, "unauthorized");
        assertThat(KeycloakRealmAdmin.user("moi.analyst").orElseThrow().path("enabled").asBoolean()).isFalse();
        assertThat(admin.post("/members/moi.analyst/enable", null).json().path("enabled").asBoolean()).isTrue();
        assertThat(admin.put("/members/moi.analyst/roles", roles("OFFICIAL", "VETTER"), null).json().path("roles").toString())
                .isEqualTo("[\"OFFICIAL\",\"VETTER\"]");
        assertThat(KeycloakRealmAdmin.realmRoles("moi.analyst")).containsExactly("official", "vetter");
        assertThat(audit.detailsSince(before, "moi.admin"))
                .anyMatch(e -> e.contains("account of moi.analyst in iq-moi: before enabled; after disabled"))
                .anyMatch(e -> e.contains("roles of moi.analyst in iq-moi: before [OFFICIAL]; after [OFFICIAL, VETTER]"));

        // an existing user of another agency becomes a member too; their roles and account stay the platform's to change;
        // taken out again, the token they hold no longer counts (their agencies changed)
        String officer = "interpol.officer." + UUID.randomUUID().toString().substring(0, 8);
        KeycloakRealmAdmin.createUser(officer, "interpol", "liaison", password);
        Api officerApi = Api.as(Tokens.user(officer, password));
        assertThat(officerApi.get("/items").status()).isEqualTo(200);
        assertThat(admin.put("/members/" + officer, null, null).json().path("agencies").toString()).isEqualTo("[\"interpol\",\"iq-moi\"]");
        assertProblem(admin.put("/members/" + officer + "/roles", roles("OFFICIAL"), null), 403, "not-allowed");
        assertProblem(admin.post("/members/" + officer + "/disable", null), 403, "not-allowed");
        assertProblem(admin.put("/members/" + officer, null, null), 400, "invalid-request");
        before = audit.last();
        assertProblem(admin.put("/members/platform.admin", null, null), 403, "not-allowed");
        assertThat(audit.since(before, "moi.admin")).containsExactly("ADMIN:DENIED");
        assertThat(admin.send("DELETE", "/members/" + officer, null, null).status()).isEqualTo(204);
        assertThat(KeycloakRealmAdmin.organizationsOf(officer)).containsExactly("interpol");
        assertThat(KeycloakRealmAdmin.realmRoles(officer)).containsExactly("liaison");
        assertProblem(officerApi.get("/items"), 401, "unauthorized");
        assertProblem(admin.put("/members/moi.admin", null, null), 400, "invalid-request");
    }

    /**
     * Issue 16, leak 3, exactly as reproduced: with the Ministry's agency administrator's token, IOM's case
     * system was made a member of the Ministry, given the vetter role and disabled. All three requests are
     * sent before anything is asserted, so that a failure shows what each of them did.
     */
    @Test
    void anAgencyAdministratorCannotTakeOverAnotherAgencysSystemAccount() {
        Api admin = api("moi.admin");
        String iomSystem = account(IOM_SYSTEM);
        long before = audit.last();

        Api.Answer added = admin.put("/members/" + iomSystem, null, null);
        Api.Answer reRoled = admin.put("/members/" + iomSystem + "/roles", roles("VETTER", "LIAISON"), null);
        Api.Answer disabled = admin.post("/members/" + iomSystem + "/disable", null);

        assertThat(List.of(added.status(), reRoled.status(), disabled.status())).as("add, re-role, disable: " + List.of(added, reRoled,
                disabled)).containsExactly(403, 403, 403);
        assertProblem(added, 403, "not-allowed");
        assertProblem(reRoled, 403, "not-allowed");
        assertProblem(disabled, 403, "not-allowed");
        assertThat(audit.since(before, "moi.admin")).containsExactly("ADMIN:DENIED", "ADMIN:DENIED", "ADMIN:DENIED");
        assertThat(KeycloakRealmAdmin.organizationsOf(iomSystem)).as("IOM's case system is nobody's member").isEmpty();
        assertThat(KeycloakRealmAdmin.realmRoles(iomSystem)).containsExactly("liaison");
        assertThat(KeycloakRealmAdmin.user(iomSystem).orElseThrow().path("enabled").asBoolean()).isTrue();
        assertThat(Api.as(Tokens.system(IOM_SYSTEM)).get("/items").status()).as("IOM's case system still works").isEqualTo(200);
    }

    /**
     * Around leak 3: no service account of any client (the portal's own, the administrator's own agency's
     * systems) is opened, added, changed or created by an agency administrator; an existing user is added
     * only while they belong to an active agency; and someone who also belongs to another agency stays the
     * platform's to change when that agency is suspended. Every refusal is audited and changes nothing.
     */
    @Test
    void anAgencyAdministratorAddsOnlyPeopleOfActiveAgenciesAndNeverAServiceAccount() {
        Api admin = api("moi.admin");
        String portalAccount = "service-account-" + RealmDefinition.WEB_CLIENT;
        long before = audit.last();
        List<Api.Answer> refused = List.of(
                admin.get("/members/" + portalAccount),
                admin.put("/members/" + portalAccount, null, null),
                admin.post("/members/" + portalAccount + "/disable", null),
                admin.put("/members/" + account(BORDER_SYSTEM), null, null),
                admin.get("/members/" + account(BORDER_SYSTEM)),
                admin.get("/members/" + account(IOM_SYSTEM)),
                admin.send("DELETE", "/members/" + account(IOM_SYSTEM), null, null),
                admin.post("/members/" + account(IOM_SYSTEM) + "/enable", null),
                admin.post("/members", Api.object().put("username", "service-account-moi-copy").put("firstName", "Border")
                        .put("lastName", "System").put("email", "moi-copy@interlink.test").set("roles",
                                Api.JSON.createArrayNode().add("OFFICIAL"))));
        for (Api.Answer answer : refused) {
            assertProblem(answer, 403, "not-allowed");
        }
        assertThat(audit.since(before, "moi.admin")).hasSize(refused.size()).containsOnly("ADMIN:DENIED");
        for (String system : List.of(portalAccount, account(BORDER_SYSTEM), account(IOM_SYSTEM))) {
            assertThat(KeycloakRealmAdmin.organizationsOf(system)).as(system).isEmpty();
            assertThat(KeycloakRealmAdmin.user(system).orElseThrow().path("enabled").asBoolean()).as(system).isTrue();
        }
        assertThat(KeycloakRealmAdmin.user("service-account-moi-copy")).isEmpty();

        // an orphan account (no organization) is nobody's to take in
        String password = "orphan-pw-" + UUID.randomUUID();
        String orphan = "orphan." + UUID.randomUUID().toString().substring(0, 8);
        KeycloakRealmAdmin.createUser(orphan, null, "official", password);
        before = audit.last();
        assertProblem(admin.put("/members/" + orphan, null, null), 403, "not-allowed");
        assertThat(audit.detailsSince(before, "moi.admin")).singleElement().asString().contains(orphan, "no active agency");
        assertThat(KeycloakRealmAdmin.organizationsOf(orphan)).isEmpty();

        // someone of an agency that is suspended: not added; someone added before it was suspended: not changed
        Api platform = api("platform.admin");
        String code = "zz-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(platform.post("/agencies", Api.object().put("code", code).put("name", "Test agency " + code)
                .put("kind", "MINISTRY").put("country", "iq")).status()).isEqualTo(201);
        String both = "both." + UUID.randomUUID().toString().substring(0, 8);
        String only = "only." + UUID.randomUUID().toString().substring(0, 8);
        KeycloakRealmAdmin.createUser(both, code, "official", password);
        KeycloakRealmAdmin.createUser(only, code, "official", password);
        assertThat(admin.put("/members/" + both, null, null).json().path("agencies").toString()).contains(code, "iq-moi");
        assertThat(platform.put("/agencies/" + code + "/status", Api.object().put("status", "SUSPENDED"), null).status()).isEqualTo(200);
        before = audit.last();
        assertProblem(admin.put("/members/" + both + "/roles", roles("OFFICIAL", "VETTER"), null), 403, "not-allowed");
        assertProblem(admin.post("/members/" + both + "/disable", null), 403, "not-allowed");
        assertProblem(admin.put("/members/" + only, null, null), 403, "not-allowed");
        assertThat(audit.since(before, "moi.admin")).containsExactly("ADMIN:DENIED", "ADMIN:DENIED", "ADMIN:DENIED");
        assertThat(KeycloakRealmAdmin.realmRoles(both)).containsExactly("official");
        assertThat(KeycloakRealmAdmin.user(both).orElseThrow().path("enabled").asBoolean()).isTrue();
        assertThat(KeycloakRealmAdmin.organizationsOf(only)).containsExactly(code);
    }

    /** Refusals before any item is read are audited like every other refusal: a missing purpose, a foreign agency, no agency. */
    @Test
    void aMissingPurposeAForeignAgencyAndNoAgencyAreRefusedAndAudited() {
        // the purpose an AMBER item of another agency asks for
        Api interpol = api("interpol.liaison");
        long lyon = demoIds.get(DemoItem.LYON_VISIT);
        long before = audit.last();
        assertProblem(interpol.get("/items/" + lyon), 400, "purpose-required");
        assertThat(audit.detailsSince(before, "interpol.liaison")).singleElement().asString()
                .startsWith("VIEW:DENIED::").contains("purpose");

        // an agency the caller does not belong to, named in Interlink-Agency: by a person of one agency and of several
        before = audit.last();
        assertProblem(api("moi.official").with("Interlink-Agency", "iom-iq").get("/items"), 403, "not-a-member");
        assertProblem(api("multi.liaison").with("Interlink-Agency", "iq-moi").get("/items"), 403, "not-a-member");
        assertThat(audit.detailsSince(before, "moi.official")).singleElement().asString().startsWith("VIEW:DENIED::").contains("iom-iq");
        assertThat(audit.detailsSince(before, "multi.liaison")).singleElement().asString().startsWith("VIEW:DENIED::").contains("iq-moi");

        // a person of no agency: every API call refused and recorded
        String password = "noagency-pw-" + UUID.randomUUID();
        String orphan = "noagency." + UUID.randomUUID().toString().substring(0, 8);
        KeycloakRealmAdmin.createUser(orphan, null, "official", password);
        Api nobody = Api.as(Tokens.user(orphan, password));
        before = audit.last();
        assertProblem(nobody.get("/items"), 403, "no-agency");
        assertProblem(nobody.post("/records", incident("From nowhere", "GREEN", null)), 403, "no-agency");
        assertThat(audit.since(before, orphan)).containsExactly("VIEW:DENIED", "VIEW:DENIED");
        assertThat(api("moi.official").get("/items?view=MY_AGENCY&title=From%20nowhere").ids()).isEmpty();
    }

    /** A person of no agency who signs in to the pages lands on "no agency"; that is recorded once per session, not per page. */
    @Test
    void aPersonOfNoAgencyIsRecordedOncePerSessionOnThePages() {
        String orphan;
        try (Browser browser = new Browser()) {
            orphan = browser.signInAsNewPerson(null, "official");
            assertThat(browser.driver().getCurrentUrl()).contains("/no-agency.xhtml");
            for (String page : List.of("/items.xhtml", "/index.xhtml", "/search.xhtml")) {
                browser.open(PortalStack.portalUrl() + page);
                assertThat(browser.driver().getCurrentUrl()).as(page).contains("/no-agency.xhtml");
            }
        }
        assertThat(audit.since(0, orphan)).containsExactly("SIGN_IN:ALLOWED", "VIEW:DENIED");
        assertThat(audit.detailsSince(0, orphan).get(1)).contains("no active agency");
    }

    /**
     * Refused bearer tokens (garbage, another audience, an ID token, a forged signature, none at all) are
     * recorded per client address without letting an anonymous caller flood the audit trail: the first of an
     * address in a window at once, the rest counted and written as one summary per address and window.
     */
    @Test
    void refusedTokensAreCountedPerClientAddressWithoutFloodingTheAuditTrail() {
        String valid = Tokens.user("moi.official");
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        List<Api> refused = List.of(Api.as("not-a-token"), Api.as(Tokens.webClient()), Api.as(Tokens.idToken("moi.official")),
                Api.as(forged), Api.anonymous());
        long before = audit.last();
        int sent = 0;
        for (int round = 0; round < 60; round++) {
            for (Api api : refused) {
                assertThat(api.get("/items").status()).isEqualTo(401);
                sent++;
            }
        }
        long recorded = 0;
        List<String> events = List.of();
        for (Instant deadline = Instant.now().plusSeconds(30); Instant.now().isBefore(deadline) && recorded < sent;) {
            sleep(Duration.ofSeconds(1));
            events = audit.detailsSince(before, "anonymous");
            recorded = events.stream().mapToLong(ApiIT::refusalsIn).sum();
        }
        assertThat(recorded).as("refusals accounted for in " + events).isGreaterThanOrEqualTo(sent);
        assertThat(events).as("a few events, not one per refusal").hasSizeLessThanOrEqualTo(20)
                .allMatch(event -> event.startsWith("SIGN_IN:FAILED::"));
        String all = String.join("\n", events);
        // (Keycloak's ID token is for the client that asked: refused for its audience before its type)
        assertThat(all).contains("not a JWT", "another audience", "signature", "no token");
    }

    /** How many refused tokens an event accounts for: a first refusal 1, a summary what it counted. */
    private static long refusalsIn(String event) {
        Matcher counted = Pattern.compile("(\\d+) more refused").matcher(event);
        return counted.find() ? Long.parseLong(counted.group(1)) : 1;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The API takes bearer tokens only: a signed-in browser session's cookie sent to odd spellings of an API
     * path (encoded letters, path parameters, dot segments, double slashes, other case, an encoded slash,
     * a session id in the path) never reaches the API's JAX-RS application as that person — 400, 401 or
     * 404, never data, never a change. Before issue 16 seven of these spellings were signed in by the session
     * and handed to JAX-RS, which only happened to answer 404 because it matches resources on the raw path
     * (its {@code http-404} problem is how that shows).
     */
    @Test
    void aBrowserSessionNeverReachesTheApiThroughAnOddSpellingOfItsPath() {
        String cookies;
        String sessionId;
        try (Browser browser = new Browser()) {
            browser.signIn("moi.official");
            Set<org.openqa.selenium.Cookie> all = browser.driver().manage().getCookies();
            cookies = all.stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
            sessionId = all.stream().filter(c -> c.getName().equalsIgnoreCase("JSESSIONID")).map(org.openqa.selenium.Cookie::getValue)
                    .findFirst().orElse("none");
        }
        RawHttp.Answer page = RawHttp.send("GET", "/items.xhtml", cookies, null);
        assertThat(page.status()).as("the cookie is a live session: " + page).isEqualTo(200);
        assertThat(RawHttp.send("GET", "/api/v1/items", cookies, null).status()).as("the API itself").isEqualTo(401);

        List<String> variants = List.of("/api;x/v1/items", "/%61pi/v1/items", "//api/v1/items", "/API/v1/items",
                "/api/./v1/items", "/./api/v1/items", "/api%2fv1/items", "/api%2Fv1/items", "/x/../api/v1/items",
                "/api/v1;x/items", "/api/v1/items;jsessionid=" + sessionId, "/api;jsessionid=" + sessionId + "/v1/items",
                "/%2e/api/v1/items", "/ap%69/v1/items", "/api//v1/items", "/api/v1/%69tems", "/api/%2e/v1/items",
                "/api%3bx/v1/items", "/api/v1/../v1/items", "/.;/api/v1/items");
        List<String> served = new ArrayList<>();
        for (String variant : variants) {
            RawHttp.Answer answer = RawHttp.send("GET", variant, cookies, null);
            System.out.printf("session cookie to %-45s -> %s%n", variant, answer);
            // /.;/… is sent to the front page by the container itself, before any sign-in: not the API, no data
            boolean toFrontPage = answer.status() == 301
                    && answer.head().lines().anyMatch(("Location: " + PortalStack.portalUrl() + "/")::equals);
            if (!Set.of(400, 401, 404).contains(answer.status()) && !toFrontPage || answer.body().contains("\"items\"")
                    || answer.body().contains("urn:interlink:problem:http-404")) {
                served.add("GET " + variant + ": " + answer);
            }
        }
        long before = audit.last();
        for (String variant : List.of("/api;x/v1/records", "/%61pi/v1/records", "//api/v1/records", "/./api/v1/records")) {
            RawHttp.Answer answer = RawHttp.send("POST", variant, cookies, incident("Posted with a cookie", "GREEN", null).toString());
            System.out.printf("session cookie to POST %-40s -> %s%n", variant, answer);
            if (!Set.of(400, 401, 404).contains(answer.status()) || answer.body().contains("urn:interlink:problem:http-404")) {
                served.add("POST " + variant + ": " + answer);
            }
        }
        assertThat(audit.since(before, "moi.official")).as("nothing done as moi.official").doesNotContain("CREATE:ALLOWED");
        assertThat(api("moi.official").get("/items?view=MY_AGENCY&title=Posted%20with").ids()).as("nothing created").isEmpty();
        assertThat(served).as("odd API paths served to a session cookie").isEmpty();
        List<String> probes = List.of();
        for (Instant deadline = Instant.now().plusSeconds(20); Instant.now().isBefore(deadline)
                && probes.stream().noneMatch(event -> event.contains("more refused"));) {
            sleep(Duration.ofSeconds(1));
            probes = audit.detailsSince(before, "anonymous").stream().filter(event -> event.contains("path not in its plain form"))
                    .toList();
        }
        assertThat(probes).as("the probing is in the audit trail, counted per address").isNotEmpty();
    }

    private static ObjectNode roles(String... roles) {
        ObjectNode body = Api.object();
        Arrays.stream(roles).forEach(body.putArray("roles")::add);
        return body;
    }

    /** How many of the Ministry's items a caller lists. */
    private static long ministryItems(Api api) {
        Api.Answer list = api.get("/items?max=100");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return StreamSupport.stream(list.json().path("items").spliterator(), false)
                .filter(item -> item.path("owner").path("code").asText().equals("iq-moi")).count();
    }

    private static Connection owner() throws SQLException {
        PortalDatabase database = PortalStack.database().orElseThrow();
        return DriverManager.getConnection(database.url(), database.migrationUser(), database.migrationPassword());
    }

    /** Last: checks that the tests above called every operation of the document. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theOpenApiDocumentIsValidAndEveryOperationInItIsExercisedByTheTestsAbove() throws Exception {
        String document = fetch(PortalStack.portalUrl() + "/openapi?format=JSON");
        SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, null);

        assertThat(parsed.getMessages()).as("OpenAPI validation messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getInfo().getTitle()).isEqualTo("Interlink API");
        assertThat(api.getComponents().getSecuritySchemes()).containsKey("keycloak");
        assertThat(api.getPaths().keySet()).as("only the portal's API").allMatch(path -> path.startsWith("/api/v1/"));

        List<String> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            operations.add(method.name() + " " + path);
            assertThat(operation.getOperationId()).as(method + " " + path + " has an operation id").isNotBlank();
            assertThat(operation.getResponses().get("401").getContent().get("application/problem+json").getSchema().get$ref())
                    .as(method + " " + path + " answers problems").endsWith("/Problem");
        }));
        assertThat(operations).as("operations in the document").hasSizeGreaterThanOrEqualTo(20);
        List<String> untested = operations.stream().filter(operation -> Api.CALLED.stream().noneMatch(call -> matches(operation, call)))
                .toList();
        System.out.printf("OpenAPI contract: %d operations, %d exercised by these tests%n", operations.size(),
                operations.size() - untested.size());
        assertThat(untested).as("operations of the document no test called").isEmpty();
    }

    @Test
    void aBrowserShowsTheOpenApiDocument() {
        try (Browser browser = new Browser()) {
            browser.open(PortalStack.portalUrl() + "/api-docs/");
            assertThat(browser.text(By.cssSelector(".information-container .title"))).contains("Interlink API");
            assertThat(browser.await(By.cssSelector("[id^='operations-Items-readItem']")).getText()).contains("/api/v1/items/{id}");
            browser.screenshot("api-docs");
        }
    }

    /** Whether a call ({@code GET /api/v1/items/7}) is of an operation ({@code GET /api/v1/items/{id}}). */
    static boolean matches(String operation, String call) {
        String[] op = operation.split(" ", 2);
        String[] done = call.split(" ", 2);
        return op[0].equals(done[0]) && done[1].matches(op[1].replaceAll("\\{[^}]+}", "[^/]+"));
    }

    private static String fetch(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("the OpenAPI document is public").isEqualTo(200);
        return response.body();
    }

    private static void assertProblem(Api.Answer answer, int status, String problem) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.problem()).as(answer.toString()).isEqualTo(problem);
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.json().path("detail").asText()).isNotBlank();
    }

    /** A GREEN recommendation to {@code addressee}, shared with it alone. */
    static ObjectNode recommendationTo(String addressee, String title) {
        ObjectNode recommendation = item(title, "GREEN", "NAMED_AGENCIES");
        ((ObjectNode) recommendation.get("sharing")).putArray("agencies").add(addressee);
        return recommendation.put("addressee", addressee);
    }

    static ObjectNode item(String title, String marking, String scope) {
        ObjectNode item = Api.object();
        item.put("title", title).put("summary", title + ": reported by the system.");
        item.putObject("sharing").put("marking", marking).put("scope", scope);
        return item;
    }

    /** A border incident, shared with one agency when {@code agency} is given, else with every member. */
    static ObjectNode incident(String title, String marking, String agency) {
        ObjectNode record = item(title, marking, agency == null ? "ALL_MEMBERS" : "NAMED_AGENCIES");
        if (agency != null) {
            ((ObjectNode) record.get("sharing")).putArray("agencies").add(agency);
        }
        return record.put("type", "BORDER_INCIDENT").put("referenceDate", "2026-11-27").put("location", "Trebil border crossing")
                .put("category", "Document fraud");
    }

    static ObjectNode comment(String text) {
        return Api.object().put("comment", text);
    }

    private static long attachmentOf(long id) {
        JsonNode attachments = Api.as(Tokens.user("moi.official")).get("/items/" + id).json().path("attachments");
        assertThat(attachments.size()).isEqualTo(1);
        return attachments.get(0).path("id").asLong();
    }

    static String account(String system) {
        return "service-account-" + system;
    }

    private static Api api(String persona) {
        String[] parts = persona.split("@");
        Api api = Api.as(parts[0].startsWith("service-account-")
                ? Tokens.system(parts[0].substring("service-account-".length()))
                : Tokens.user(parts[0]));
        return parts.length > 1 ? api.with("Interlink-Agency", parts[1]) : api;
    }

    private static Set<String> readers(DemoItem item) {
        return Arrays.stream(item.readers().split(" ")).flatMap(token -> switch (token) {
            case "MOI" -> MOI.stream();
            case "IOM" -> IOM.stream();
            case "MOI_VETTERS" -> Stream.of("moi.vetter", account(VETTING_DESK));
            case "EVERY_AGENCY" -> PERSONAS.stream().filter(p -> !p.equals("platform.admin"));
            default -> Stream.of(token);
        }).collect(Collectors.toSet());
    }

    private static void expect(List<String> failures, String what, int actual, int expected) {
        if (actual != expected) {
            failures.add(what + ": status " + actual + ", expected " + expected);
        }
    }

    private static void expectEvents(List<String> failures, String what, List<String> events, String expected) {
        if (!events.equals(List.of(expected))) {
            failures.add(what + ": audit events " + events + ", expected [" + expected + "]");
        }
    }
}
