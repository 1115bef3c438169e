package org.interlink.item.boundary;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.interlink.AuditRows;
import org.interlink.Deployments;
import org.interlink.caller.entity.Caller;
import org.interlink.demo.DemoData;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.interlink.item.SampleFiles;
import org.interlink.item.entity.Attachment;
import org.interlink.item.entity.AttachmentContent;
import org.interlink.item.entity.InvalidContent;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.PurposeNotAllowed;
import org.interlink.item.entity.PurposeRequired;
import org.interlink.records.boundary.RecordForm;
import org.interlink.records.entity.RecordType;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.boundary.SharingForm;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Attachments are stored with their SHA-256 and served only through the gate, on PostgreSQL; an
 * upload is read no further than the limit, stored as the type its bytes are, and a file that is
 * not what it says is refused, changing nothing and recorded as a denied update.
 */
@ExtendWith(ArquillianExtension.class)
class AttachmentsIT {

    private static final byte[] CSV = "governorate,displaced\nNinewa,41250\nAnbar,12000\n".getBytes(StandardCharsets.UTF_8);

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalEjb(AttachmentsIT.class, SampleFiles.class);
    }

    @Inject
    Attachments attachments;

    @Inject
    SharedItems sharedItems;

    @Inject
    Items items;

    @Inject
    DemoData demo;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Test
    void aFileIsServedOnlyToThoseWhoMayReadItsVersion() {
        Caller author = demo.as("iom.liaison", "iom-iq");
        ItemId id = items.draft(author, figures("Ninewa and Anbar, attachment test")).id();
        long attachment = attachments.attach(author, id, "figures.csv", "text/csv", CSV).getId();

        assertThat(attachments.download(author, attachment)).hasValueSatisfying(file -> {
            assertThat(file.bytes()).isEqualTo(CSV);
            assertThat(file.sha256()).isEqualTo(AttachmentContent.sha256(CSV));
            assertThat(file.filename()).isEqualTo("figures.csv");
        });
        assertThat(attachments.download(demo.as("moi.official", "iq-moi"), attachment)).as("not before publication").isEmpty();

        items.submit(author, id);
        items.publish(demo.as("iom.vetter", "iom-iq"), id, "Figures checked");

        Caller ministry = demo.as("moi.official", "iq-moi");
        assertThatThrownBy(() -> attachments.download(ministry, attachment)).as("TLP:AMBER of another agency: read for a purpose")
                .isInstanceOf(PurposeRequired.class);
        assertThatThrownBy(() -> attachments.download(ministry, null, attachment, "Criminal investigation: a case"))
                .as("not a purpose of the Ministry's agreement with IOM").isInstanceOf(PurposeNotAllowed.class);
        assertThat(attachments.download(ministry, null, attachment, "Humanitarian response: planning")).as("shared with the Ministry")
                .hasValueSatisfying(file -> assertThat(file.bytes()).isEqualTo(CSV));
        assertThat(attachments.download(demo.as("interpol.liaison", "interpol"), attachment)).as("not shared with INTERPOL").isEmpty();
        assertThat(attachments.download(demo.as("multi.liaison", "iq-bpc"), attachment)).as("not with the commission").isEmpty();
        assertThat(attachments.download(author, 987_654_321L)).as("no such attachment").isEmpty();
    }

    @Test
    void theSameFileIsStoredOnceAndANewVersionKeepsItsFiles() {
        Caller author = demo.as("iom.liaison", "iom-iq");
        Item first = items.draft(author, figures("Dedup one"));
        Item second = items.draft(author, figures("Dedup two"));
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
        ItemId id = items.draft(author, figures("Refused files")).id();

        assertThatThrownBy(() -> attachments.attach(author, id, "run.sh", "application/x-sh", "#!/bin/sh\necho\n".getBytes()))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("cannot be attached");
        assertThatThrownBy(() -> attachments.attach(author, id, "huge.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("larger than 10 MB");
        assertThat(sharedItems.find(author, id).orElseThrow().getAttachments()).isEmpty();
    }

    @Test
    void anUploadOverTheLimitIsRefusedAfterTheLimitAndOneByteAndRecordedAsDenied() throws SQLException {
        Caller author = demo.as("iom.liaison", "iom-iq");
        ItemId id = items.draft(author, figures("Endless upload")).id();
        String tag = sharedItems.find(author, id).orElseThrow().tag();
        long before = lastEventId();
        EndlessStream endless = new EndlessStream();

        assertThatThrownBy(() -> attachments.attach(author, id, "endless.pdf", "application/pdf", endless))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("endless.pdf is larger than 10 MB");

        assertThat(endless.read).as("bytes read of an endless stream").isEqualTo(10L * 1024 * 1024 + 1);
        assertThat(sharedItems.find(author, id).orElseThrow()).satisfies(version -> {
            assertThat(version.getAttachments()).isEmpty();
            assertThat(version.tag()).as("the item is unchanged").isEqualTo(tag);
        });
        assertThat(eventsSince(before, id))
                .containsExactly("UPDATE:DENIED The file endless.pdf is larger than 10 MB. Nothing was attached.");
    }

    @Test
    void aDisguisedFileIsRefusedChangesNothingStoresNothingAndIsRecordedAsDenied() throws SQLException {
        Caller author = demo.as("iom.liaison", "iom-iq");
        ItemId id = items.draft(author, figures("Disguised files")).id();
        String tag = sharedItems.find(author, id).orElseThrow().tag();
        byte[] program = SampleFiles.windowsProgram();
        byte[] page = SampleFiles.html();
        long before = lastEventId();

        assertThatThrownBy(() -> attachments.attach(author, id, "report.pdf", "application/pdf", new ByteArrayInputStream(program)))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("holds application/x-msdownload, which cannot be attached");
        assertThatThrownBy(() -> attachments.attach(author, id, "report.pdf", "application/pdf", new ByteArrayInputStream(page)))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("holds text/html, which cannot be attached");
        assertThatThrownBy(
                () -> attachments.attach(author, id, "figures.pdf", "application/pdf", new ByteArrayInputStream(SampleFiles.CSV)))
                .as("a genuine CSV named and declared as a PDF").isInstanceOf(InvalidContent.class)
                .hasMessageContaining("does not fit what the file holds (text/plain)");
        assertThatThrownBy(() -> attachments.attach(author, id, "scan.png", "application/pdf", new ByteArrayInputStream(SampleFiles.png())))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("was sent as application/pdf but holds image/png");

        assertThat(sharedItems.find(author, id).orElseThrow()).satisfies(version -> {
            assertThat(version.getAttachments()).isEmpty();
            assertThat(version.tag()).as("the item is unchanged").isEqualTo(tag);
        });
        assertThat(storedContents(AttachmentContent.sha256(program), AttachmentContent.sha256(page))).as("nothing stored").isZero();
        assertThat(eventsSince(before, id)).hasSize(4).allSatisfy(event -> assertThat(event).startsWith("UPDATE:DENIED"))
                .anySatisfy(event -> assertThat(event).contains("x-msdownload"))
                .anySatisfy(event -> assertThat(event).contains("text/html"));
    }

    @Test
    void genuineFilesAreStoredAsTheTypeOfTheirBytesWithTheirChecksum() {
        Caller author = demo.as("iom.liaison", "iom-iq");
        ItemId id = items.draft(author, figures("Genuine files")).id();
        byte[] pdf = SampleFiles.pdf();
        byte[] png = SampleFiles.png();

        Attachment report = attachments.attach(author, id, "report.pdf", "application/pdf", new ByteArrayInputStream(pdf));
        Attachment map = attachments.attach(author, id, "map.png", null, new ByteArrayInputStream(png));
        Attachment table = attachments.attach(author, id, "dtm.csv", "application/vnd.ms-excel", new ByteArrayInputStream(SampleFiles.CSV));
        Attachment brief = attachments.attach(author, id, "brief.docx", "application/octet-stream",
                new ByteArrayInputStream(SampleFiles.docx()));

        assertThat(report.getContentType()).isEqualTo("application/pdf");
        assertThat(report.getSha256()).isEqualTo(AttachmentContent.sha256(pdf));
        assertThat(map.getContentType()).isEqualTo("image/png");
        assertThat(map.getSha256()).isEqualTo(AttachmentContent.sha256(png));
        assertThat(table.getContentType()).as("stored as what it is, not as Excel").isEqualTo("text/csv");
        assertThat(brief.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(attachments.download(author, report.getId())).hasValueSatisfying(file -> {
            assertThat(file.bytes()).isEqualTo(pdf);
            assertThat(file.contentType()).isEqualTo("application/pdf");
            assertThat(file.sha256()).isEqualTo(AttachmentContent.sha256(pdf));
        });
        assertThat(attachments.download(author, table.getId())).hasValueSatisfying(file -> {
            assertThat(file.bytes()).isEqualTo(SampleFiles.CSV);
            assertThat(file.contentType()).isEqualTo("text/csv");
        });
    }

    private long lastEventId() throws SQLException {
        return new AuditRows(dataSource).last();
    }

    private List<String> eventsSince(long id, ItemId item) throws SQLException {
        return new AuditRows(dataSource).aboutItemSince(id, item);
    }

    private long storedContents(String... sha256) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement sql = connection.prepareStatement(
                        "select count(*) from attachment_content where sha256 = any (?)")) {
            sql.setArray(1, connection.createArrayOf("varchar", sha256));
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Zeros without end, counting what was read: a client that never stops sending. */
    private static final class EndlessStream extends InputStream {

        long read;

        @Override
        public int read() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 0);
            read += len;
            return len;
        }
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
