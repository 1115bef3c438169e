package org.interlink.infrastructure.rest;

import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An API operation's name for the metrics is the method's template under its class's, as the API documents it. */
class OperationNameTest {

    @Path("items")
    static class Items {

        public void list() {
        }

        @Path("{id}/attachments/{attachmentId}")
        public void attachment() {
        }
    }

    @Path("/agreements/")
    static class Agreements {

        @Path("/{id}/")
        public void read() {
        }
    }

    @Test
    void theTemplatesOfClassAndMethodNameTheOperation() throws Exception {
        assertThat(OperationName.template(Items.class, Items.class.getMethod("list"))).isEqualTo("/items");
        assertThat(OperationName.template(Items.class, Items.class.getMethod("attachment")))
                .isEqualTo("/items/{id}/attachments/{attachmentId}");
        assertThat(OperationName.template(Agreements.class, Agreements.class.getMethod("read"))).isEqualTo("/agreements/{id}");
    }
}
