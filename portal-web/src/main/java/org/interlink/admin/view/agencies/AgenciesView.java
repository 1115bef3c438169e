package org.interlink.admin.view.agencies;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.admin.boundary.PlatformAdministration;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.boundary.Communities;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyKind;
import org.interlink.agency.entity.Community;
import org.omnifaces.util.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code admin/agencies.xhtml}: the platform administrator's agencies (paged in the database) with
 * onboarding, suspension and reactivation, and the communities of agencies.
 */
@Named
@ViewScoped
public class AgenciesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Agencies agencies;

    @Inject
    Communities communities;

    @Inject
    PlatformAdministration administration;

    private LazyDataModel<Agency> model;
    private String code;
    private String name;
    private AgencyKind kind = AgencyKind.MINISTRY;
    private String country;
    private String community;
    private String agency;
    private String communityCode;
    private String communityName;

    /** Read once per view: every change redirects to a fresh one, a refused change leaves them as they were. */
    private List<Community> communityList;
    private List<Agency> agencyList;

    @PostConstruct
    void init() {
        model = new AgencyPages();
        communityList = communities.all();
        agencyList = agencies.all();
    }

    public String onboard() {
        Agency onboarded = administration.onboard(code, name, kind, country);
        Messages.addFlashGlobalInfo("notice.agencyOnboarded",
                onboarded.getName(), onboarded.getCode().value());
        return "/admin/agencies?faces-redirect=true";
    }

    public String suspend(String agencyCode) {
        Agency suspended = administration.suspend(agencyCode);
        Messages.addFlashGlobalInfo("notice.agencySuspended", suspended.getName());
        return "/admin/agencies?faces-redirect=true";
    }

    public String reactivate(String agencyCode) {
        Agency reactivated = administration.reactivate(agencyCode);
        Messages.addFlashGlobalInfo("notice.agencyReactivated", reactivated.getName());
        return "/admin/agencies?faces-redirect=true";
    }

    public String createCommunity() {
        Community created = administration.createCommunity(communityCode, communityName, List.of());
        Messages.addFlashGlobalInfo("notice.communityCreated", created.getName());
        return "/admin/agencies?faces-redirect=true";
    }

    public String addToCommunity() {
        return changeCommunity(community, agency, true);
    }

    public String changeCommunity(String communityCode, String agencyCode, boolean member) {
        Community changed = administration.changeCommunity(communityCode, agencyCode, member);
        Messages.addFlashGlobalInfo("notice.communityChanged", changed.getName(), changed.getMembers().size());
        return "/admin/agencies?faces-redirect=true";
    }

    public List<Community> getCommunities() {
        return communityList;
    }

    /** The community's agencies by name. */
    public List<Agency> members(Community of) {
        return of.getMembers().stream().sorted(Comparator.comparing(Agency::getName)).toList();
    }

    public List<Agency> getAllAgencies() {
        return agencyList;
    }

    public AgencyKind[] getKinds() {
        return AgencyKind.values();
    }

    public LazyDataModel<Agency> getModel() {
        return model;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public AgencyKind getKind() {
        return kind;
    }

    public void setKind(AgencyKind kind) {
        this.kind = kind;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getCommunity() {
        return community;
    }

    public void setCommunity(String community) {
        this.community = community;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public String getCommunityCode() {
        return communityCode;
    }

    public void setCommunityCode(String communityCode) {
        this.communityCode = communityCode;
    }

    public String getCommunityName() {
        return communityName;
    }

    public void setCommunityName(String communityName) {
        this.communityName = communityName;
    }

    /** Pages of agencies by name, counted and loaded by the database. */
    final class AgencyPages extends LazyDataModel<Agency> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(agencies.count());
        }

        @Override
        public List<Agency> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return agencies.page(first, pageSize);
        }

        @Override
        public String getRowKey(Agency agency) {
            return agency.getCode().value();
        }

        @Override
        public Agency getRowData(String rowKey) {
            return getWrappedData() == null
                    ? null
                    : getWrappedData().stream()
                            .filter(a -> a.getCode().value().equals(rowKey)).findFirst().orElse(null);
        }
    }
}
