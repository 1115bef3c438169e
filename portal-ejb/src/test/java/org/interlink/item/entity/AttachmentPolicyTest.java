package org.interlink.item.entity;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of an upload: read no further than the limit, and store the type the bytes are, which
 * the name and the declared type must agree with (where the bytes cannot tell, the name decides).
 */
class AttachmentPolicyTest {

    private static final String PDF = "application/pdf";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final AttachmentPolicy POLICY = new AttachmentPolicy(1024, AttachmentPolicy.DEFAULT_TYPES);

    @Test
    void aFileUpToTheLimitIsReadWholeWithItsChecksum() {
        byte[] exactly = new byte[1024];
        exactly[7] = 42;

        AttachmentContent content = POLICY.read("limit.bin", new ByteArrayInputStream(exactly));

        assertThat(content.getSize()).isEqualTo(1024);
        assertThat(content.getBytes()).isEqualTo(exactly);
        assertThat(content.getSha256()).isEqualTo(AttachmentContent.sha256(exactly));
    }

    @Test
    void aLargerStreamIsRefusedAfterTheLimitAndOneByte() {
        CountingStream endless = new CountingStream(Long.MAX_VALUE);

        assertThatThrownBy(() -> POLICY.read("endless.pdf", endless)).isInstanceOf(InvalidContent.class)
                .hasMessageContaining("endless.pdf is larger than").extracting(e -> ((InvalidContent) e).key())
                .isEqualTo("attachment.tooLarge");
        assertThat(endless.read).isEqualTo(1025);

        CountingStream oneTooMany = new CountingStream(1025);
        assertThatThrownBy(() -> POLICY.read("big.csv", oneTooMany)).isInstanceOf(InvalidContent.class);
        assertThat(oneTooMany.read).isEqualTo(1025);
    }

    @Test
    void streamsThatHandOutFewBytesAtATimeAreReadWhole() {
        byte[] text = "a,b\n1,2\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(text) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };

        assertThat(POLICY.read("t.csv", trickle).getBytes()).isEqualTo(text);
    }

    @Test
    void anUploadThatBreaksOffIsARefusedFileNotAFaultOfThePortal() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset by peer");
            }
        };

        assertThatThrownBy(() -> POLICY.read("half.pdf", broken)).isInstanceOf(InvalidContent.class)
                .hasMessageContaining("half.pdf was not received whole").extracting(e -> ((InvalidContent) e).key())
                .isEqualTo("attachment.broken");
    }

    @Test
    void aNameKeepsNoFolderNoControlAndNoInvisibleFormattingCharacter() {
        assertThat(AttachmentPolicy.cleanName("C:\\temp\\..\\report.pdf")).isEqualTo("report.pdf");
        assertThat(AttachmentPolicy.cleanName("a\u0007b\".csv")).isEqualTo("ab.csv");
        // a right-to-left override would show "invoice\u202Efdp.csv" as "invoicevsc.pdf"
        assertThat(AttachmentPolicy.cleanName("invoice\u202Efdp.csv")).isEqualTo("invoicefdp.csv");
        assertThat(AttachmentPolicy.cleanName("zero\u200Bwidth.csv")).isEqualTo("zerowidth.csv");
    }

    @Test
    void anEmptyOrNamelessFileIsRefused() {
        assertThatThrownBy(() -> POLICY.read("empty.csv", new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(InvalidContent.class).hasMessage("The file empty.csv is empty.");
        assertThatThrownBy(() -> POLICY.checkName(" ")).isInstanceOf(InvalidContent.class).hasMessage("The file has no name.");
    }

    @Test
    void theStoredTypeIsTheOneOfTheBytes() {
        assertThat(POLICY.typeOf("report.pdf", new AttachmentTypes("application/pdf", PDF, PDF))).isEqualTo(PDF);
        assertThat(POLICY.typeOf("Photo.JPG", new AttachmentTypes("image/pjpeg", "image/jpeg", "image/jpeg"))).isEqualTo("image/jpeg");
        assertThat(POLICY.typeOf("brief.docx", new AttachmentTypes(DOCX, DOCX, DOCX))).isEqualTo(DOCX);
    }

    @Test
    void textIsCsvWhenItsNameSaysSoAndTheTwoAreDeclaredForEachOther() {
        assertThat(POLICY.typeOf("dtm.csv", new AttachmentTypes("text/csv", "text/csv", "text/plain"))).isEqualTo("text/csv");
        assertThat(POLICY.typeOf("dtm.csv", new AttachmentTypes("text/plain", "text/csv", "text/plain"))).isEqualTo("text/csv");
        assertThat(POLICY.typeOf("dtm.csv", new AttachmentTypes("application/vnd.ms-excel", "text/csv", "text/plain")))
                .as("what Windows browsers declare for .csv").isEqualTo("text/csv");
        assertThat(POLICY.typeOf("notes.txt", new AttachmentTypes("text/csv", "text/plain", "text/plain"))).isEqualTo("text/plain");
        assertThat(POLICY.typeOf("notes.txt", new AttachmentTypes("text/plain; charset=UTF-8", "text/plain", "text/plain")))
                .isEqualTo("text/plain");
    }

    @Test
    void aClientThatDoesNotKnowTheTypeIsNoMismatch() {
        assertThat(POLICY.typeOf("report.pdf", new AttachmentTypes(null, PDF, PDF))).isEqualTo(PDF);
        assertThat(POLICY.typeOf("report.pdf", new AttachmentTypes("application/octet-stream", PDF, PDF))).isEqualTo(PDF);
    }

    @Test
    void aDisguisedFileIsRefusedWhateverItIsCalled() {
        assertThat(refusal("report.pdf", new AttachmentTypes(PDF, PDF, "application/x-msdownload")))
                .isEqualTo("attachment.typeNotAllowed");
        assertThat(refusal("report.pdf", new AttachmentTypes(PDF, PDF, "text/html"))).isEqualTo("attachment.typeNotAllowed");
        assertThat(refusal("table.csv", new AttachmentTypes("text/csv", "text/csv", "text/html")))
                .as("a web page is text, but never CSV").isEqualTo("attachment.typeNotAllowed");
        assertThat(refusal("report.pdf", new AttachmentTypes(PDF, PDF, AttachmentTypes.UNKNOWN))).isEqualTo("attachment.unrecognised");
        assertThat(refusal("brief.docx", new AttachmentTypes(DOCX, DOCX, "application/vnd.ms-word.document.macroenabled.12")))
                .isEqualTo("attachment.typeNotAllowed");
    }

    @Test
    void aNameThatSaysAnotherTypeIsRefused() {
        assertThat(refusal("figures.pdf", new AttachmentTypes(null, PDF, "text/plain"))).isEqualTo("attachment.nameMismatch");
        assertThat(refusal("scan.png", new AttachmentTypes("image/png", "image/png", "image/jpeg"))).isEqualTo("attachment.nameMismatch");
        assertThat(refusal("report", new AttachmentTypes(PDF, AttachmentTypes.UNKNOWN, PDF))).as("no extension")
                .isEqualTo("attachment.nameMismatch");
        assertThat(refusal("run.sh", new AttachmentTypes(null, "application/x-sh", "text/plain"))).isEqualTo("attachment.nameMismatch");
    }

    @Test
    void aDeclaredTypeThatIsAnotherOneIsRefused() {
        assertThat(refusal("report.pdf", new AttachmentTypes("image/png", PDF, PDF))).isEqualTo("attachment.declaredMismatch");
        assertThat(refusal("table.csv", new AttachmentTypes("application/pdf", "text/csv", "text/plain")))
                .isEqualTo("attachment.declaredMismatch");
        assertThat(refusal("notes.txt", new AttachmentTypes("application/vnd.ms-excel", "text/plain", "text/plain")))
                .as("Excel's CSV type is CSV only").isEqualTo("attachment.declaredMismatch");
    }

    @Test
    void onlyTheConfiguredTypesMayBeAttached() {
        AttachmentPolicy pdfOnly = new AttachmentPolicy(1024, Set.of(PDF));

        assertThatThrownBy(() -> pdfOnly.typeOf("dtm.csv", new AttachmentTypes("text/csv", "text/csv", "text/plain")))
                .isInstanceOf(InvalidContent.class).hasMessage("The file dtm.csv holds text/csv, which cannot be attached: attach PDF,"
                        + " Word, Excel, CSV, text, PNG or JPEG files.");
    }

    private static String refusal(String filename, AttachmentTypes types) {
        try {
            POLICY.typeOf(filename, types);
        } catch (InvalidContent refused) {
            return refused.key();
        }
        throw new AssertionError(filename + " " + types + " was accepted");
    }

    /** A stream of zeros of the given length that counts what was read from it. */
    private static final class CountingStream extends InputStream {

        private final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - read);
            Arrays.fill(b, off, off + n, (byte) 0);
            read += n;
            return n;
        }
    }
}
