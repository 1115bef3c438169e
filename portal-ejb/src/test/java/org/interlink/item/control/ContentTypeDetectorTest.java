package org.interlink.item.control;

import org.interlink.item.SampleFiles;
import org.interlink.item.entity.AttachmentContent;
import org.interlink.item.entity.AttachmentTypes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The type of a file is found in its bytes; its name never decides what the bytes are. */
class ContentTypeDetectorTest {

    private final ContentTypeDetector detector = new ContentTypeDetector();

    @Test
    void theFormatsAgenciesExchangeAreFoundInTheirBytes() {
        assertThat(byContent(SampleFiles.pdf())).isEqualTo("application/pdf");
        assertThat(byContent(SampleFiles.png())).isEqualTo("image/png");
        assertThat(byContent(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0}))
                .isEqualTo("image/jpeg");
        assertThat(byContent(SampleFiles.CSV)).as("CSV is text: only the name can say more").isEqualTo("text/plain");
        assertThat(byContent("Déplacés à Ninewa — نازحون\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
        assertThat(byContent(SampleFiles.docx())).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(byContent(SampleFiles.xlsx())).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void programsPagesAndScriptsAreToldForWhatTheyAre() {
        assertThat(byContent(SampleFiles.windowsProgram())).isEqualTo("application/x-msdownload");
        assertThat(byContent(SampleFiles.html())).isEqualTo("text/html");
        assertThat(byContent("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("application/x-sh");
        assertThat(byContent(SampleFiles.docm())).as("macros are not a .docx")
                .isEqualTo("application/vnd.ms-word.document.macroenabled.12");
        assertThat(byContent(zip("a.txt", new byte[10]))).as("a plain archive").isEqualTo("application/zip");
    }

    @Test
    void theNameNeverDecidesWhatTheBytesAre() {
        AttachmentTypes junkNamedPdf = detector.detect("report.pdf", "application/pdf",
                AttachmentContent.of(new byte[]{1, 2, 3, 0, 5, 6, 7, 0}));

        assertThat(junkNamedPdf.byContent()).as("Tika given the name would say PDF").isEqualTo(AttachmentTypes.UNKNOWN);
        assertThat(junkNamedPdf.byName()).isEqualTo("application/pdf");
        assertThat(junkNamedPdf.declared()).isEqualTo("application/pdf");
        assertThat(detector.byName("FIGURES.CSV")).isEqualTo("text/csv");
        assertThat(detector.byName("photo.jpg")).isEqualTo("image/jpeg");
        assertThat(detector.byName("no-extension")).isEqualTo(AttachmentTypes.UNKNOWN);
    }

    @Test
    void aZipBombIsNotRecognisedAfterABoundedAmountOfWork() {
        byte[] bomb = zip("zeros.bin", new byte[(int) ContentTypeDetector.PACKAGE_BUDGET + 1]);

        assertThat(bomb.length).as("small on the wire").isLessThan(200_000);
        assertThat(byContent(bomb)).isEqualTo(AttachmentTypes.UNKNOWN);
    }

    private String byContent(byte[] bytes) {
        return detector.byContent(AttachmentContent.of(bytes));
    }

    private static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
