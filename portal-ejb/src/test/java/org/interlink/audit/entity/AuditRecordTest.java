package org.interlink.audit.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRecordTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:15:30.123456789Z");

    @Test
    void anEventAboutAnItemGoesToAChainOfTheOwnerAgencyElseOfTheActorsAgencyElseOfThePlatform() {
        assertThat(record("iom.liaison", "iom-iq", 7L, "iq-moi").chainOwner()).isEqualTo("iq-moi");
        assertThat(record("iom.liaison", "iom-iq", null, null).chainOwner()).isEqualTo("iom-iq");
        assertThat(record("platform.admin", null, null, null).chainOwner()).isEqualTo(AuditChainHead.PLATFORM);
    }

    @Test
    void eachAgencyHasItsLanesAndAPersonStartsInTheirOwn() {
        assertThat(AuditChainHead.chainOf("iq-moi", 3)).isEqualTo("iq-moi/3");
        assertThat(AuditChainHead.chainOf("iq-moi", AuditChainHead.LANES + 1)).isEqualTo("iq-moi/1");
        assertThat(AuditChainHead.ownerOf("iq-moi/3")).isEqualTo("iq-moi");
        assertThat(AuditChainHead.ownerOf("iq-moi")).as("a chain written before lanes").isEqualTo("iq-moi");
        assertThat(AuditChainHead.laneOf("iom.liaison")).isEqualTo(AuditChainHead.laneOf("iom.liaison"));
        assertThat(IntStream.range(0, 100).map(i -> AuditChainHead.laneOf("user" + i)).distinct().count())
                .as("people spread over all lanes").isEqualTo(AuditChainHead.LANES);
    }

    @Test
    void textFromUsersCannotStartANewLineAndIsBounded() {
        AuditRecord record = new AuditRecord(AT, "eve\r\nSIGN_IN ALLOWED", null, AuditAction.SEARCH, null, null,
                AuditOutcome.ALLOWED, null, "agent\u001b[31m", null, "x".repeat(5000));

        assertThat(record.actor()).isEqualTo("eve\\r\\nSIGN_IN ALLOWED");
        assertThat(record.userAgent()).isEqualTo("agent\\u001b[31m");
        assertThat(record.details()).hasSize(2000);
        assertThat(record.at()).isEqualTo(Instant.parse("2026-11-28T10:15:30.123456Z"));
    }

    @Test
    void theHashCoversEveryFieldAndThePreviousLink() {
        AuditRecord record = record("iom.liaison", "iom-iq", 7L, "iq-moi");
        String hash = AuditHash.of("iq-moi", 1, record, AuditHash.GENESIS);

        assertThat(hash).hasSize(64).isEqualTo(AuditHash.of("iq-moi", 1, record, AuditHash.GENESIS));
        assertThat(AuditHash.of("iq-moi", 2, record, AuditHash.GENESIS)).isNotEqualTo(hash);
        assertThat(AuditHash.of("iq-moi", 1, record, "1".repeat(64))).isNotEqualTo(hash);
        assertThat(AuditHash.of("iq-moi", 1, record("iom.liaison", "iom-iq", 8L, "iq-moi"), AuditHash.GENESIS)).isNotEqualTo(hash);
        assertThat(AuditHash.canonical("iq-moi", 1, new AuditRecord(AT, "a\"b", null, AuditAction.VIEW, null, null,
                AuditOutcome.DENIED, null, null, null, null), AuditHash.GENESIS)).contains("\"actor\":\"a\\\"b\"");
    }

    private static AuditRecord record(String actor, String agency, Long item, String owner) {
        return new AuditRecord(AT, actor, agency, AuditAction.VIEW, item, owner, AuditOutcome.ALLOWED, "192.0.2.1",
                "test", null, null);
    }
}
