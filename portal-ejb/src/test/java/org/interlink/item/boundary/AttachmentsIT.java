package org.interlink.item.boundary;

import jakarta.inject.Inject;
import org.interlink.Deployments;
import org.interlink.caller.entity.Caller;
import org.interlink.demo.DemoData;
import org.interlink.item.entity.AttachmentContent;
import org.interlink.item.entity.InvalidContent;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemId;
import org.interlink.records.boundary.RecordForm;
import org.interlink.records.boundary.Records;
import org.interlink.records.entity.RecordType;
import org.interlink.sharing.boundary.SharingForm;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Attachments are stored with their SHA-256 and served only through the gate, on PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class AttachmentsIT {

    private static final byte[] CSV = "governorate,displaced\nNinewa,41250\nAnbar,12000\n".getBytes(StandardCharsets.UTF_8);

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalEjb(AttachmentsIT.class);
    }

    @Inject
    Attachments attachments;

    @Inject
    Records records;

    @Inject
    Items items;

    @Inject
    DemoData demo;

    @Test
    void aFileIsServedOnlyToThoseWhoMayReadItsVersion() {
        Caller author = demo.as("iom.liaison", "iom-iq");
        ItemId id = records.draft(author, figures("Ninewa and Anbar, attachment test")).id();
        long attachment = attachments.attach(author, id, "figures.csv", "text/csv", CSV).getId();

        assertThat(attachments.download(author, attachment)).hasValueSatisfying(file -> {
            assertThat(file.bytes()).isEqualTo(CSV);
            assertThat(file.sha256()).isEqualTo(AttachmentContent.sha256(CSV));
            assertThat(file.filename()).isEqualTo("figures.csv");
        });
        assertThat(attachments.download(demo.as("moi.official", "iq-moi"), attachment)).as("not before publication").isEmpty();

        items.submit(author, id);
        items.publish(demo.as("iom.vetter", "iom-iq"), id, "Figures checked");

        assertThat(attachments.download(demo.as("moi.official", "iq-moi"), attachment)).as("shared with the Ministry")
                .hasValueSatisfying(file -> assertThat(file.bytes()).isEqualTo(CSV));
        assertThat(attachments.download(demo.as("interpol.liaison", "interpol"), attachment)).as("not shared with INTERPOL").isEmpty();
        assertThat(attachments.download(demo.as("multi.liaison", "iq-bpc"), attachment)).as("not with the commission").isEmpty();
        assertThat(attachments.download(author, 987_654_321L)).as("no such attachment").isEmpty();
    }

    @Test
    void theSameFileIsStoredOnceAndANewVersionKeepsItsFiles() {
        Caller author = demo.as("iom.liaison", "iom-iq");
        Item first = records.draft(author, figures("Dedup one"));
        Item second = records.draft(author, figures("Dedup two"));
        String one = attachments.attach(author, first.id(), "a.csv", "text/csv", CSV).getSha256();
        String two = attachments.attach(author, second.id(), "b.csv", "text/csv", CSV).getSha256();
        assertThat(one).isEqualTo(two);

        items.submit(author, first.id());
        items.publish(demo.as("iom.vetter", "iom-iq"), first.id(), "ok");
        Item revised = items.startNewVersion(author, first.id());

        assertThat(revised.current().getNumber()).isEqualTo(2);
        assertThat(revised.current().getAttachments()).extracting(a -> a.getSha256()).containsExactly(one);
    }

    @Test
    void aFileOutsideTheLimitsIsRefused() {
        Caller author = demo.as("iom.liaison", "iom-iq");
        ItemId id = records.draft(author, figures("Refused files")).id();

        assertThatThrownBy(() -> attachments.attach(author, id, "run.sh", "application/x-sh", "echo".getBytes()))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("cannot be attached");
        assertThatThrownBy(() -> attachments.attach(author, id, "huge.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("larger than 10 MB");
        assertThat(items.read(author, id).orElseThrow().getAttachments()).isEmpty();
    }

    private static RecordForm figures(String title) {
        RecordForm form = new RecordForm();
        form.setType(RecordType.DISPLACEMENT_FIGURES);
        form.setTitle(title);
        form.setSummary("Displacement by governorate");
        form.setReferenceDate(LocalDate.parse("2026-10-31"));
        form.setLocation("Ninewa, Anbar");
        form.setQuantity(53_250L);
        SharingForm sharing = new SharingForm();
        sharing.setMarking(Marking.AMBER);
        sharing.setScope(Scope.NAMED_AGENCIES);
        sharing.setAgencies(List.of("iq-moi"));
        form.setSharing(sharing);
        return form;
    }
}
