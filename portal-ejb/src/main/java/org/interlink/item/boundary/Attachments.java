package org.interlink.item.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlink.audit.entity.AuditAction;
import org.interlink.caller.entity.Caller;
import org.interlink.item.entity.Attachment;
import org.interlink.item.entity.AttachmentContent;
import org.interlink.item.entity.AttachmentPolicy;
import org.interlink.item.entity.ItemId;
import org.interlink.sharing.control.VisibilityGate;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Attaching files to the caller's editable version and reading them through the gate. Limits come
 * from {@code interlink.attachments.max-bytes} and {@code interlink.attachments.content-types}.
 */
@Stateless
public class Attachments {

    @Inject
    VisibilityGate gate;

    @Inject
    Items items;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "interlink.attachments.max-bytes", defaultValue = "10485760")
    long maxBytes;

    /** Comma-separated; absent means {@link AttachmentPolicy#DEFAULT_TYPES}. */
    @Inject
    @ConfigProperty(name = "interlink.attachments.content-types")
    Optional<String> contentTypes;

    public Attachment attach(Caller caller, ItemId id, String filename, String contentType, byte[] bytes) {
        Attachment[] attached = new Attachment[1];
        items.change(caller, id, AuditAction.UPDATE, item -> {
            AttachmentContent content = em.merge(AttachmentContent.of(bytes));
            attached[0] = item.attach(caller, filename, contentType, content, policy(), Instant.now(clock));
            em.flush();
            return new Items.Change(AuditAction.UPDATE, "attached " + attached[0].getFilename() + " (" + attached[0].getSize()
                    + " bytes, sha256 " + attached[0].getSha256() + ")");
        });
        return attached[0];
    }

    public void detach(Caller caller, ItemId id, long attachmentId) {
        items.change(caller, id, AuditAction.UPDATE, item -> {
            item.detach(caller, attachmentId, Instant.now(clock));
            return new Items.Change(AuditAction.UPDATE, "removed attachment " + attachmentId);
        });
    }

    /** The file with its bytes, or empty when it does not exist or the caller may not read it. */
    public Optional<AttachedFile> download(Caller caller, long attachmentId) {
        return gate.attachment(caller, attachmentId).map(AttachedFile::of);
    }

    /** As {@link #download(Caller, long)}, for a file asked for as one of {@code item}'s (the API's path). */
    public Optional<AttachedFile> download(Caller caller, ItemId item, long attachmentId) {
        return gate.attachment(caller, item, attachmentId).map(AttachedFile::of);
    }

    public AttachmentPolicy policy() {
        Set<String> types = contentTypes.filter(t -> !t.isBlank())
                .map(t -> Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()))
                .orElse(AttachmentPolicy.DEFAULT_TYPES);
        return new AttachmentPolicy(maxBytes, types);
    }

    /** A file as it is served: name, type, size, checksum and bytes. */
    public record AttachedFile(String filename, String contentType, long size, String sha256, byte[] bytes) {

        static AttachedFile of(Attachment attachment) {
            return new AttachedFile(attachment.getFilename(), attachment.getContentType(), attachment.getSize(),
                    attachment.getSha256(), attachment.getContent().getBytes());
        }
    }
}
