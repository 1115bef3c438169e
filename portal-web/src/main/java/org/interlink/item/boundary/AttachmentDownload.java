package org.interlink.item.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.interlink.caller.boundary.CurrentCaller;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /attachments/{id}}: serves an attached file to a caller the visibility gate lets read it,
 * always as a download (never rendered inline, never sniffed), with its SHA-256 so the reader can
 * check it. Anything else is "not found".
 */
@WebServlet("/attachments/*")
public class AttachmentDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Attachments attachments;

    @Inject
    transient CurrentCaller currentCaller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Attachments.AttachedFile> file = id(request.getPathInfo())
                .flatMap(id -> attachments.download(currentCaller.get(), id));
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
