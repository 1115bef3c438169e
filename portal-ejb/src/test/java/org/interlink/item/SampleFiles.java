package org.interlink.item;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files as agencies (and attackers) send them, made in the test: real formats, no fixtures on disk. */
public final class SampleFiles {

    public static final byte[] CSV = "governorate,displaced\nNinewa,41250\nAnbar,12000\n".getBytes(StandardCharsets.UTF_8);

    private SampleFiles() {
    }

    /** A one-page PDF with a correct cross-reference table. */
    public static byte[] pdf() {
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A 4 × 4 PNG drawn by the JDK. */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x1f6f8b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The start of a Windows program: an MZ header pointing at a PE signature. */
    public static byte[] windowsProgram() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    /** A web page with a script: what a file must never be served as by the portal. */
    public static byte[] html() {
        return "<!DOCTYPE html>\n<html><body><script>document.location='/steal?'+document.cookie</script></body></html>\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** An Office Open XML package whose {@code [Content_Types].xml} names {@code mainPart} as its main part. */
    public static byte[] officePackage(String mainPart, String partName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/" + partName + "\" ContentType=\"" + mainPart + "\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                    + " Target=\"" + partName + "\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(partName));
            zip.write("<?xml version=\"1.0\"?><root/>".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] docx() {
        return officePackage("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml");
    }

    public static byte[] xlsx() {
        return officePackage("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml");
    }

    /** A Word document with macros (a different type from .docx, though named alike). */
    public static byte[] docm() {
        return officePackage("application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml");
    }
}
