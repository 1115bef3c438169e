package org.interlink.item.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of an attached file, stored once per SHA-256 however many versions or items attach
 * them. The checksum is the identity, so a stored file cannot change without becoming another one.
 */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(length = 64, updatable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] bytes;

    protected AttachmentContent() {
    }

    private AttachmentContent(String sha256, byte[] bytes) {
        this.sha256 = sha256;
        this.size = bytes.length;
        this.bytes = bytes;
    }

    public static AttachmentContent of(byte[] bytes) {
        return new AttachmentContent(sha256(bytes), bytes.clone());
    }

    /** Bytes read and hashed by {@link AttachmentPolicy#read}: kept as they are, not copied again. */
    static AttachmentContent read(String sha256, byte[] bytes) {
        return new AttachmentContent(sha256, bytes);
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public String getSha256() {
        return sha256;
    }

    public long getSize() {
        return size;
    }

    public byte[] getBytes() {
        return bytes.clone();
    }

    /** The bytes to read, without a copy of them (a file of the limit's size is held once, not twice). */
    public InputStream stream() {
        return new ByteArrayInputStream(bytes);
    }
}
