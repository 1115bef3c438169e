package org.interlink.admin.view.members;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.admin.boundary.Member;
import org.interlink.admin.boundary.MemberAdministration;
import org.interlink.caller.entity.Role;
import org.interlink.infrastructure.keycloak.KeycloakUnavailable;
import org.omnifaces.util.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code agency/members.xhtml}: the agency administrator's members (paged by Keycloak), one member
 * opened for roles, account and membership ({@code ?user=}), a new member, an existing user added.
 * When Keycloak cannot be reached the page says so and offers nothing to change.
 */
@Named
@ViewScoped
public class MembersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MemberAdministration administration;

    private final LazyDataModel<Member> model = new MemberPages();
    private boolean unavailable;
    private int count;
    private String selected;
    private Member member;
    private Role[] memberRoles = {};
    private String username;
    private String firstName;
    private String lastName;
    private String email;
    private Role[] roles = {Role.OFFICIAL};
    private String existingUsername;
    private String createdUsername;
    private String temporaryPassword;

    /** Counts the members (which tells whether Keycloak answers) and opens the member asked for. */
    public void load() {
        try {
            count = Math.toIntExact(administration.count());
            if (selected != null && !selected.isBlank()) {
                open(administration.find(selected));
            }
        } catch (KeycloakUnavailable e) {
            unavailable = true;
        }
    }

    private void open(Member opened) {
        member = opened;
        memberRoles = opened.roles().toArray(Role[]::new);
    }

    public String saveRoles() {
        open(administration.changeRoles(member.username(), List.of(memberRoles)));
        Messages.addFlashGlobalInfo("notice.rolesSaved", member.username());
        return reopen();
    }

    public String disable() {
        open(administration.disable(member.username()));
        Messages.addFlashGlobalInfo("notice.memberDisabled", member.username());
        return reopen();
    }

    public String enable() {
        open(administration.enable(member.username()));
        Messages.addFlashGlobalInfo("notice.memberEnabled", member.username());
        return reopen();
    }

    public String remove() {
        administration.remove(member.username());
        Messages.addFlashGlobalInfo("notice.memberRemoved", member.username());
        return "/agency/members?faces-redirect=true";
    }

    /** Shows the new member's one-time password on this page (once: it is not kept anywhere). */
    public void create() {
        MemberAdministration.Created created = administration.create(username, firstName, lastName, email, List.of(roles));
        createdUsername = created.member().username();
        temporaryPassword = created.temporaryPassword();
        count++;
        username = firstName = lastName = email = null;
    }

    public String addExisting() {
        Member added = administration.addExisting(existingUsername);
        Messages.addFlashGlobalInfo("notice.memberAdded", added.username());
        return "/agency/members?faces-redirect=true&user=" + URLEncoder.encode(added.username(), StandardCharsets.UTF_8);
    }

    private String reopen() {
        return "/agency/members?faces-redirect=true&user=" + URLEncoder.encode(member.username(), StandardCharsets.UTF_8);
    }

    public LazyDataModel<Member> getModel() {
        return model;
    }

    public Role[] getGrantable() {
        return MemberAdministration.GRANTABLE.toArray(Role[]::new);
    }

    public boolean isUnavailable() {
        return unavailable;
    }

    public Member getMember() {
        return member;
    }

    public String getSelected() {
        return selected;
    }

    public void setSelected(String selected) {
        this.selected = selected;
    }

    public Role[] getMemberRoles() {
        return memberRoles;
    }

    public void setMemberRoles(Role[] memberRoles) {
        this.memberRoles = memberRoles;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Role[] getRoles() {
        return roles;
    }

    public void setRoles(Role[] roles) {
        this.roles = roles;
    }

    public String getExistingUsername() {
        return existingUsername;
    }

    public void setExistingUsername(String existingUsername) {
        this.existingUsername = existingUsername;
    }

    public String getCreatedUsername() {
        return createdUsername;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    /** Pages of members as Keycloak lists them. */
    final class MemberPages extends LazyDataModel<Member> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return count;
        }

        @Override
        public List<Member> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return unavailable ? List.of() : administration.page(first, pageSize);
        }

        @Override
        public String getRowKey(Member row) {
            return row.username();
        }

        @Override
        public Member getRowData(String rowKey) {
            return getWrappedData() == null
                    ? null
                    : getWrappedData().stream()
                            .filter(m -> m.username().equals(rowKey)).findFirst().orElse(null);
        }
    }
}
