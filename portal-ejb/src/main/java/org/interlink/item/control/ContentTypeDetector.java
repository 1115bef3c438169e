package org.interlink.item.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.interlink.item.entity.AttachmentContent;
import org.interlink.item.entity.AttachmentTypes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds what an uploaded file is from its bytes, with Apache Tika's signatures (tika-core: magic
 * numbers, and text told from binary), and what its name says it is from Tika's table of
 * extensions. The bytes are looked at without the name: given a name, Tika lets it decide when the
 * bytes match nothing, so any unknown bytes named {@code .pdf} would pass as a PDF.
 * <p>
 * Word and Excel files are ZIP packages, which tika-core tells only as "Office Open XML" or ZIP;
 * the package's {@code [Content_Types].xml} names its main part, which says which it is (as Tika's
 * own package detector in its parser modules does). A macro-enabled document says so there too and
 * is told apart. Looking into a package inflates at most {@link #PACKAGE_BUDGET} bytes, so a ZIP
 * bomb costs a bounded moment and is then "not recognised".
 */
@ApplicationScoped
public class ContentTypeDetector {

    static final long PACKAGE_BUDGET = 64L * 1024 * 1024;
    private static final int CONTENT_TYPES_MAX = 256 * 1024;
    private static final MediaType OOXML = MediaType.application("x-tika-ooxml");

    /** The main part's content type in {@code [Content_Types].xml}, and the file type it makes the package. */
    private static final Map<String, String> MAIN_PARTS = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-word.document.macroenabled.main+xml", "application/vnd.ms-word.document.macroenabled.12",
            "application/vnd.ms-excel.sheet.macroenabled.main+xml", "application/vnd.ms-excel.sheet.macroenabled.12",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    private final MimeTypes tika = MimeTypes.getDefaultMimeTypes();

    /** What the client declared, what the name says and what the bytes are. */
    public AttachmentTypes detect(String filename, String declared, AttachmentContent content) {
        return new AttachmentTypes(declared, byName(filename), byContent(content));
    }

    /** The type of the bytes alone; {@code application/octet-stream} when they are of no known type. */
    public String byContent(AttachmentContent content) {
        MediaType type;
        try (InputStream in = content.stream()) {
            type = tika.detect(in, new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException("bytes in memory cannot fail to be read", e);
        }
        if (type.equals(OOXML) || type.equals(MediaType.APPLICATION_ZIP)) {
            return packageType(content, type.getBaseType().toString());
        }
        return type.getBaseType().toString();
    }

    /** The type the name's extension stands for; {@code application/octet-stream} when none. */
    public String byName(String filename) {
        return filename == null ? AttachmentTypes.UNKNOWN : tika.getMimeType(filename).getType().getBaseType().toString();
    }

    /** The Office document type a ZIP package's main part names, else {@code otherwise}. */
    private static String packageType(AttachmentContent content, String otherwise) {
        long inflated = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(content.stream())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                boolean contentTypes = "[Content_Types].xml".equals(entry.getName());
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    inflated += n;
                    if (inflated > PACKAGE_BUDGET || contentTypes && kept.size() + n > CONTENT_TYPES_MAX) {
                        return AttachmentTypes.UNKNOWN;
                    }
                    if (contentTypes) {
                        kept.write(buffer, 0, n);
                    }
                }
                if (contentTypes) {
                    String declaredParts = kept.toString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                    return MAIN_PARTS.entrySet().stream().filter(part -> declaredParts.contains("\"" + part.getKey() + "\""))
                            .map(Map.Entry::getValue).findFirst().orElse(otherwise);
                }
            }
        } catch (IOException broken) {
            // bytes in memory fail to read only where they are no ZIP after all
            return AttachmentTypes.UNKNOWN;
        }
        return otherwise;
    }
}
