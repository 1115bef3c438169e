package org.interlink.item.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.item.boundary.Attachments;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.PurposeNotAllowed;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /attachments/{id}}: serves an attached file to a caller the visibility gate lets read it,
 * always as a download (never rendered inline, never sniffed), with its SHA-256 so the reader can
 * check it, recorded with the purpose the reader gave for its item (a file of another agency's AMBER or
 * RED edition sends a reader who has given none to the item's page, which asks). Anything else is "not found".
 */
@WebServlet("/attachments/*")
public class AttachmentDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Attachments attachments;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    transient ReadingPurposes purposes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> asked = id(request.getPathInfo());
        Optional<ItemId> needsPurpose = asked.flatMap(id -> attachments.purposeNeeded(currentCaller.get(), id));
        String purpose = needsPurpose.flatMap(item -> purposes.of(item.value())).orElse(null);
        if (needsPurpose.isPresent() && purpose == null) {
            // a file of another agency's AMBER or RED edition: its item's page asks why first, then offers the file
            response.sendRedirect(request.getContextPath() + "/item.xhtml?id=" + needsPurpose.get());
            return;
        }
        Optional<Attachments.AttachedFile> file;
        try {
            file = asked.flatMap(id -> attachments.download(currentCaller.get(), null, id, purpose));
        } catch (PurposeNotAllowed refused) {
            // the purpose given on the item's page is not one the file's agreement allows: the page asks again
            response.sendRedirect(request.getContextPath() + "/item.xhtml?id=" + refused.item());
            return;
        }
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Attachments.AttachedFile found = file.get();
        response.setContentType(found.contentType());
        response.setContentLengthLong(found.size());
        headers(found).forEach(response::setHeader);
        response.getOutputStream().write(found.bytes());
    }

    /** The headers of a download, for the pages and the API: always a download, never sniffed or cached, with its SHA-256. */
    public static Map<String, String> headers(Attachments.AttachedFile file) {
        return Map.of("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(file.filename(), StandardCharsets.UTF_8).replace("+", "%20"),
                "X-Content-Type-Options", "nosniff",
                "Cache-Control", "private, no-store",
                "Digest", "sha-256=" + file.sha256());
    }

    private static Optional<Long> id(String pathInfo) {
        try {
            return Optional.of(Long.parseLong(pathInfo == null ? "" : pathInfo.substring(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
