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
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(found.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Digest", "sha-256=" + found.sha256());
        response.getOutputStream().write(found.bytes());
    }

    private static Optional<Long> id(String pathInfo) {
        try {
            return Optional.of(Long.parseLong(pathInfo == null ? "" : pathInfo.substring(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
