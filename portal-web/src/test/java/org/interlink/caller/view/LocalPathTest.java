package org.interlink.caller.view;

import org.interlink.caller.security.PortalAuthentication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the agency choice and the second-factor page send the browser on: the portal's own paths only. */
class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/items.xhtml?view=VETTING_QUEUE", "/agency/members.xhtml?user=moi.vetter"})
    void thePortalsOwnPathsAreFollowed(String path) {
        assertThat(PortalAuthentication.isOwnPath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "https://evil.example", "/\t/evil.example", "/\n/evil.example",
            "/\r\n//evil.example", "evil.example", ""})
    void anotherHostIsNot(String path) {
        assertThat(PortalAuthentication.isOwnPath(path)).isFalse();
    }
}
