package org.interlink.item.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlink.audit.entity.AuditAction;
import org.interlink.caller.entity.Caller;
import org.interlink.item.control.ContentTypeDetector;
import org.interlink.item.entity.Attachment;
import org.interlink.item.entity.AttachmentContent;
import org.interlink.item.entity.AttachmentPolicy;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemId;
import org.interlink.sharing.control.VisibilityGate;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Attaching files to the caller's editable version and reading them through the gate. Limits come
 * from {@code interlink.attachments.max-bytes} and {@code interlink.attachments.content-types}.
 * <p>
 * An upload is read as a stream inside the change: the limit is enforced while reading (a larger
 * file is refused after {@code max-bytes + 1} bytes, however large it is), the SHA-256 computed on
 * the way, and the type is what the bytes are ({@link ContentTypeDetector}), which the declared type
 * and the name must agree with ({@link AttachmentPolicy#typeOf}). A refused file changes nothing,
 * stores nothing and is recorded as a denied update of the item, as every refused change is.
 */
@Stateless
public class Attachments {

    @Inject
    VisibilityGate gate;

    @Inject
    Items items;

    @Inject
    Clock clock;

    @Inject
    ContentTypeDetector detector;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "interlink.attachments.max-bytes", defaultValue = "10485760")
    long maxBytes;

    /** Comma-separated; absent means {@link AttachmentPolicy#DEFAULT_TYPES}. */
    @Inject
    @ConfigProperty(name = "interlink.attachments.content-types")
    Optional<String> contentTypes;

    /**
     * Attaches the file {@code upload} streams; the stream is read here (at most the limit and one
     * byte) and left for the caller to close.
     *
     * @param declaredType the content type the client sent, null when it sent none
     */
    public Attachment attach(Caller caller, ItemId id, String filename, String declaredType, InputStream upload) {
        return attach(caller, id, filename, declaredType, upload, null).file();
    }

    /**
     * As {@link #attach(Caller, ItemId, String, String, InputStream)}, to the version whose tag the caller read (the API's
     * If-Match; null skips the check): the item as it is now, with the file.
     */
    public Attached attach(Caller caller, ItemId id, String filename, String declaredType, InputStream upload, String expectedTag) {
        Attachment[] attached = new Attachment[1];
        Item changed = items.change(caller, id, AuditAction.UPDATE, item -> {
            item.requireTag(expectedTag);
            // who may, before a byte of the file is read: a refused caller's upload costs nothing
            item.checkAttach(caller);
            AttachmentPolicy policy = policy();
            policy.checkName(filename);
            AttachmentContent read = policy.read(filename, upload);
            String type = policy.typeOf(filename, detector.detect(filename, declaredType, read));
            AttachmentContent content = em.merge(read);
            attached[0] = item.attach(caller, filename, type, content, policy, Instant.now(clock));
            em.flush();
            return new Items.Change(AuditAction.UPDATE, "attached " + attached[0].getFilename() + " (" + attached[0].getSize()
                    + " bytes, sha256 " + attached[0].getSha256() + ")");
        });
        return new Attached(changed, attached[0]);
    }

    /** A file just attached, and its item as it is now. */
    public record Attached(Item item, Attachment file) {
    }

    /** As {@link #attach(Caller, ItemId, String, String, InputStream)}, for a file already in memory (demo data). */
    public Attachment attach(Caller caller, ItemId id, String filename, String declaredType, byte[] bytes) {
        return attach(caller, id, filename, declaredType, new ByteArrayInputStream(bytes));
    }

    public void detach(Caller caller, ItemId id, long attachmentId) {
        items.change(caller, id, AuditAction.UPDATE, item -> {
            item.detach(caller, attachmentId, Instant.now(clock));
            return new Items.Change(AuditAction.UPDATE, "removed attachment " + attachmentId);
        });
    }

    /** The file with its bytes, or empty when it does not exist or the caller may not read it. */
    public Optional<AttachedFile> download(Caller caller, long attachmentId) {
        return gate.attachment(caller, null, attachmentId, null).map(AttachedFile::of);
    }

    /** As {@link #download(Caller, long)}, for a file asked for as one of {@code item}'s (the API's path). */
    public Optional<AttachedFile> download(Caller caller, ItemId item, long attachmentId) {
        return gate.attachment(caller, item, attachmentId, null).map(AttachedFile::of);
    }

    /**
     * As {@link #download(Caller, ItemId, long)}, with why the caller reads it (null: any item's file, no purpose);
     * ask {@link #purposeNeeded} first.
     */
    public Optional<AttachedFile> download(Caller caller, ItemId item, long attachmentId, String purpose) {
        return gate.attachment(caller, item, attachmentId, purpose).map(AttachedFile::of);
    }

    /** The item whose purpose the caller gives before downloading this file (TLP:AMBER and RED of another agency). */
    public Optional<ItemId> purposeNeeded(Caller caller, long attachmentId) {
        return gate.purposeNeededForFile(caller, attachmentId);
    }

    public AttachmentPolicy policy() {
        Set<String> types = contentTypes.filter(t -> !t.isBlank())
                .map(t -> Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()))
                .orElse(AttachmentPolicy.DEFAULT_TYPES);
        return new AttachmentPolicy(maxBytes, types);
    }

    /**
     * Stores a file that is no item's (an agreement's signed document) under the same rules as an attachment: a name,
     * at most the limit, a type the portal accepts that the bytes, the name and the declared type agree on. The stream
     * is read here and left for the caller to close.
     *
     * @throws InvalidContent when the file is refused (nothing is stored)
     */
    public AttachedFile store(String filename, String declaredType, InputStream upload) {
        AttachmentPolicy policy = policy();
        policy.checkName(filename);
        AttachmentContent read = policy.read(filename, upload);
        String type = policy.typeOf(filename, detector.detect(filename, declaredType, read));
        AttachmentPolicy.NamedFile named = policy.accept(filename, type, read.getSize());
        AttachmentContent content = em.merge(read);
        em.flush();
        return new AttachedFile(named.name(), named.type(), content.getSize(), content.getSha256(), content.getBytes());
    }

    /** A file as it is served: name, type, size, checksum and bytes. */
    public record AttachedFile(String filename, String contentType, long size, String sha256, byte[] bytes) {

        static AttachedFile of(Attachment attachment) {
            return new AttachedFile(attachment.getFilename(), attachment.getContentType(), attachment.getSize(),
                    attachment.getSha256(), attachment.getContent().getBytes());
        }
    }
}
