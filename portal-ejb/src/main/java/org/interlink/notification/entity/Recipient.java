package org.interlink.notification.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.interlink.agency.entity.Agency;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Someone the portal may notify: as their token said when they last signed in (name, e-mail,
 * roles, agencies), and the kinds of notification they want no e-mail for. People who never signed
 * in are not known yet, and are not notified.
 */
@Entity
@Table(name = "portal_user")
public class Recipient implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(length = 100)
    private String username;

    /** Their id at the identity provider (the token's subject), when they last signed in. */
    @Column(name = "person_id", length = 64)
    private String personId;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 320)
    private String email;

    /** Role names, comma-separated. */
    @Column(nullable = false, length = 200)
    private String roles;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "portal_user_agency", joinColumns = @JoinColumn(name = "username"), inverseJoinColumns = @JoinColumn(name = "agency_id"))
    private Set<Agency> agencies = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "portal_user_mail_off", joinColumns = @JoinColumn(name = "username"))
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 30)
    private Set<NotificationKind> mailOff = EnumSet.noneOf(NotificationKind.class);

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    /** The language they chose for the pages (a language tag such as {@code ar}); none: their browser's. */
    @Column(length = 8)
    private String locale;

    @Version
    private long version;

    protected Recipient() {
    }

    public Recipient(Username username) {
        this.username = username.value();
    }

    /** Takes over what the caller's token says now (their agencies, roles, name and e-mail address). */
    public void seen(Caller caller, String email, Instant now) {
        describe(caller, email);
        this.lastSeenAt = now;
    }

    /** Takes over what an administrator just set (their agencies, roles, name and e-mail address). */
    public void describe(Caller caller, String email) {
        caller.person().ifPresent(person -> this.personId = person.value());
        this.displayName = caller.displayName();
        this.email = email == null || email.isBlank() ? null : email.trim();
        this.roles = caller.roles().stream().map(Enum::name).collect(Collectors.joining(","));
        this.agencies = new LinkedHashSet<>(caller.agencies());
    }

    /** This person as the caller they are when acting for {@code agency}. */
    public Caller actingFor(Agency agency) {
        return Caller.resolve(personId == null ? null : new PersonId(personId), new Username(username), displayName, roles(),
                agencies, Optional.of(agency.getCode()));
    }

    public boolean isMemberOf(Agency agency) {
        return agencies.contains(agency);
    }

    public boolean hasAnyRole(Set<Role> wanted) {
        return roles().stream().anyMatch(wanted::contains);
    }

    public boolean wantsMail(NotificationKind kind) {
        return !mailOff.contains(kind);
    }

    /** The kinds the person wants e-mail for; the others are turned off. */
    public void mailFor(Set<NotificationKind> kinds) {
        EnumSet<NotificationKind> off = EnumSet.allOf(NotificationKind.class);
        off.removeAll(kinds);
        this.mailOff = off;
    }

    public List<Role> roles() {
        return roles == null || roles.isBlank()
                ? List.of()
                : Arrays.stream(roles.split(",")).map(Role::valueOf).toList();
    }

    public Username username() {
        return new Username(username);
    }

    public String getDisplayName() {
        return displayName;
    }

    public Optional<String> getEmail() {
        return Optional.ofNullable(email);
    }

    public Optional<String> getLocale() {
        return Optional.ofNullable(locale);
    }

    public void chooseLanguage(String languageTag) {
        this.locale = languageTag;
    }

    public Set<NotificationKind> getMailOff() {
        return Set.copyOf(mailOff);
    }
}
