package org.interlink.item.view;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.faces.context.FacesContext;
import org.interlink.caller.entity.Caller;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemVersion;
import org.interlink.sharing.boundary.SharedItems;
import org.omnifaces.util.Faces;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A list or search as a file: CSV (UTF-8, spreadsheet-safe) or PDF (a table, right to left in
 * Arabic), with the reader's language for headers and values. The rows come from the gate's export,
 * which leaves TLP:RED out and records the export.
 */
final class ItemExport {

    enum Format {
        CSV, PDF
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String[] COLUMNS = {"id", "title", "kind", "owner", "marking", "state", "version", "updated", "published"};
    /** Fonts tried for the PDF, in order; the first that the system has and that draws Arabic. */
    private static final List<String> FONTS = List.of("DejaVu Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "FreeSans");
    private static volatile BaseFont font;

    private ItemExport() {
    }

    /** Sends the export of {@code query} to the browser as a download. */
    static void send(SharedItems items, Caller caller, ItemQuery query, Format format, String title) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        Locale locale = faces.getViewRoot().getLocale();
        String name = "interlink-items-" + LocalDate.now(ZoneOffset.UTC) + "." + format.name().toLowerCase(Locale.ROOT);
        String language = locale.getLanguage();
        byte[] content = format == Format.CSV
                ? csv(items, caller, query, msg, language)
                : pdf(items.export(caller, query, format.name()), msg, language, title);
        Faces.sendFile(content, name, true);
    }

    /** The export as spreadsheet-safe CSV, the header and cells in the reader's language. */
    static byte[] csv(SharedItems items, Caller caller, ItemQuery query, ResourceBundle msg, String language) {
        List<String> header = Arrays.stream(COLUMNS).map(c -> msg.getString("export." + c)).toList();
        // a byte-order mark, so spreadsheet programs read the UTF-8 (Arabic, French) as UTF-8
        return ("\uFEFF" + items.exportCsv(caller, query, header, v -> cells(v, msg, language)))
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] pdf(List<ItemVersion> rows, ResourceBundle msg, String language, String title) {
        boolean rightToLeft = "ar".equals(language);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.addCreator(msg.getString("app.name"));
            document.open();
            Font heading = new Font(font(), 13, Font.BOLD);
            Font text = new Font(font(), 8);
            PdfPTable table = new PdfPTable(COLUMNS.length);
            table.setWidthPercentage(100);
            table.setWidths(new float[]{5, 30, 10, 14, 8, 8, 5, 10, 10});
            table.setHeaderRows(2);
            table.setRunDirection(rightToLeft ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
            PdfPCell caption = cell(title + " · " + MessageFormat.format(msg.getString("export.rows"), rows.size()), heading);
            caption.setColspan(COLUMNS.length);
            caption.setBorder(0);
            table.addCell(caption);
            for (String column : COLUMNS) {
                PdfPCell head = cell(msg.getString("export." + column), new Font(font(), 8, Font.BOLD));
                head.setGrayFill(0.9f);
                table.addCell(head);
            }
            rows.forEach(v -> cells(v, msg, language).forEach(value -> table.addCell(cell(value == null ? "" : value.toString(), text))));
            document.add(table);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF export failed", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        cell.setPadding(3);
        return cell;
    }

    /** One row: the title in the reader's language when the author gave it. */
    private static List<Object> cells(ItemVersion v, ResourceBundle msg, String language) {
        return Arrays.asList(v.getItem().getId(), v.titleIn(language), msg.getString("kind." + v.getItem().getKind()),
                v.getItem().getOwner().getName(), v.getMarking().label(), msg.getString("state." + v.getState()), v.getNumber(),
                UTC.format(v.getUpdatedAt()), v.getPublishedAt().map(UTC::format).orElse(null));
    }

    /**
     * A Unicode font of the operating system that draws Arabic as well as Latin text (Debian:
     * fonts-dejavu-core), found once; without one, Helvetica, which draws Latin text only.
     */
    private static BaseFont font() {
        if (font == null) {
            synchronized (ItemExport.class) {
                if (font == null) {
                    FontFactory.registerDirectories();
                    font = FONTS.stream().map(name -> FontFactory.getFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED).getBaseFont())
                            .filter(Objects::nonNull).findFirst()
                            .orElseGet(() -> FontFactory.getFont(FontFactory.HELVETICA).getBaseFont());
                }
            }
        }
        return font;
    }
}
