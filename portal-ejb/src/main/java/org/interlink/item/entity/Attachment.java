package org.interlink.item.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.interlink.caller.entity.Username;

import java.io.Serializable;
import java.time.Instant;

/**
 * A file attached to one version of an item: its name, type, size and SHA-256, and who attached it
 * when. It is read only through the visibility gate, like the version it belongs to.
 */
@Entity
@Table(name = "attachment")
public class Attachment implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "version_id", nullable = false, updatable = false)
    private ItemVersion version;

    @Column(nullable = false, updatable = false, length = 200)
    private String filename;

    @Column(name = "content_type", nullable = false, updatable = false, length = 100)
    private String contentType;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "sha256", nullable = false, updatable = false)
    private AttachmentContent content;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "uploaded_by", nullable = false, updatable = false, length = 100)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected Attachment() {
    }

    Attachment(ItemVersion version, String filename, String contentType, AttachmentContent content, Username by, Instant at) {
        this.version = version;
        this.filename = filename;
        this.contentType = contentType;
        this.content = content;
        this.size = content.getSize();
        this.uploadedBy = by.value();
        this.uploadedAt = at;
    }

    /** The same file on the next version of the item. */
    Attachment copyTo(ItemVersion next) {
        return new Attachment(next, filename, contentType, content, new Username(uploadedBy), uploadedAt);
    }

    public Long getId() {
        return id;
    }

    public ItemVersion getVersion() {
        return version;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return content.getSha256();
    }

    public AttachmentContent getContent() {
        return content;
    }

    public Username getUploadedBy() {
        return new Username(uploadedBy);
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
