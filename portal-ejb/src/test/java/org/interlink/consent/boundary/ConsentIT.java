package org.interlink.consent.boundary;

import jakarta.inject.Inject;
import org.interlink.Deployments;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.consent.entity.ConsentNotFound;
import org.interlink.consent.entity.ConsentRefused;
import org.interlink.consent.entity.ConsentRequest;
import org.interlink.consent.entity.ConsentStatus;
import org.interlink.demo.DemoData;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.NotAllowed;
import org.interlink.records.boundary.RecordForm;
import org.interlink.records.entity.RecordType;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.boundary.SharingForm;
import org.interlink.sharing.entity.HandlingCode;
import org.interlink.sharing.entity.IllegalSharing;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.workflow.entity.FourEyesViolation;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Consent to forward on PostgreSQL, through the boundaries: IOM reads an incident summary of the Ministry and asks it to
 * pass the summary on to INTERPOL; a vetter of the Ministry (not its author) approves and INTERPOL reads it under its
 * agreement with the Ministry, or declines and nothing changes. A pending request changes nothing either; nobody but the
 * owner's vetters decides, and nobody widens the sharing of an item they do not own.
 */
@ExtendWith(ArquillianExtension.class)
class ConsentIT {

    private static final String PURPOSE = "Criminal investigation: consent test";

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalEjb(ConsentIT.class);
    }

    @Inject
    ConsentRequests consents;

    @Inject
    Items items;

    @Inject
    SharedItems sharedItems;

    @Inject
    Agencies agencies;

    @Inject
    DemoData demo;

    @Test
    void theOwnersVetterApprovesAndTheThirdAgencyReadsTheItemUnderItsAgreement() {
        ItemId id = incidentForIom("Consent test incident " + UUID.randomUUID(), demo.as("moi.official", "iq-moi"));
        Caller iom = demo.as("iom.liaison", "iom-iq");
        Caller interpol = demo.as("interpol.liaison", "interpol");
        assertThat(sharedItems.find(interpol, id)).isEmpty();

        ConsentRequest asked = consents.request(iom, id, "interpol", "INTERPOL traces the network behind it");
        assertThat(asked.getStatus()).isEqualTo(ConsentStatus.PENDING);
        assertThat(sharedItems.find(interpol, id)).as("pending: nothing changes").isEmpty();
        assertThat(consents.queue(demo.as("moi.vetter", "iq-moi"))).extracting(ConsentRequest::getId).contains(asked.getId());
        assertThat(consents.queue(demo.as("moi.official", "iq-moi"))).as("the vetters' queue").isEmpty();
        assertThat(consents.find(interpol, asked.getId())).as("not INTERPOL's to read").isEmpty();
        assertThatThrownBy(() -> consents.request(iom, id, "interpol", "Again")).isInstanceOf(ConsentRefused.class);

        assertThatThrownBy(() -> consents.approve(iom, asked.getId(), "I agree")).as("the requester does not decide")
                .isInstanceOf(ConsentNotFound.class);
        assertThatThrownBy(() -> consents.approve(demo.as("moi.official", "iq-moi"), asked.getId(), "Fine"))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> consents.approve(demo.as("moi.vetter", "iq-moi"), asked.getId(), " ")).as("a decision says why")
                .isInstanceOf(ConsentRefused.class);

        consents.approve(demo.as("moi.vetter", "iq-moi"), asked.getId(), "Covered by our agreement with INTERPOL");
        assertThat(consents.find(iom, asked.getId())).hasValueSatisfying(r -> assertThat(r.getStatus()).isEqualTo(ConsentStatus.APPROVED));
        assertThat(sharedItems.find(interpol, id)).as("INTERPOL reads the new version").hasValueSatisfying(v -> {
            assertThat(v.getNumber()).isEqualTo(2);
            assertThat(v.getAgencyGrants()).extracting(a -> a.getCode().value()).containsExactlyInAnyOrder("iom-iq", "interpol");
            assertThat(v.getHandlingCode()).isEqualTo(HandlingCode.H2);
        });
        assertThat(sharedItems.history(interpol, id, PURPOSE)).extracting(ItemEvent::getComment).extracting(c -> c.orElse(""))
                .anyMatch(c -> c.contains("with the provider's consent (consent request " + asked.getId() + ")"))
                .as("who asked and why stay with the owner").noneMatch(c -> c.contains("INTERPOL traces the network"));
        assertThat(sharedItems.find(iom, id)).as("IOM reads on").isPresent();
        assertThatThrownBy(() -> consents.request(iom, id, "interpol", "Once more")).as("INTERPOL reads it already")
                .isInstanceOf(ConsentRefused.class);
    }

    @Test
    void aDeclineChangesNothingAndOnlyAVetterWhoDidNotWriteItDecides() {
        Caller secondVetter = Caller.resolve(new PersonId("consent-it-second-vetter"), new Username("moi.second.vetter"), "Second vetter",
                EnumSet.of(Role.OFFICIAL, Role.VETTER), agencies.withCodes(List.of(AgencyCode.of("iq-moi"))),
                Optional.of(AgencyCode.of("iq-moi")));
        ItemId id = incidentForIom("Consent test incident, declined " + UUID.randomUUID(), demo.as("moi.vetter", "iq-moi"),
                secondVetter);
        Caller iom = demo.as("iom.liaison", "iom-iq");
        Caller interpol = demo.as("interpol.liaison", "interpol");

        ConsentRequest toInterpol = consents.request(iom, id, "interpol", "INTERPOL checks the forged stamps");
        Caller inBoth = Caller.resolve(new PersonId("consent-it-both"), new Username("both.vetter"), "Vetter of two agencies",
                EnumSet.of(Role.OFFICIAL, Role.VETTER), agencies.withCodes(List.of(AgencyCode.of("iq-moi"), AgencyCode.of("iom-iq"))),
                Optional.of(AgencyCode.of("iq-moi")));
        assertThatThrownBy(() -> consents.approve(inBoth, toInterpol.getId(), "Asked and consented"))
                .as("someone acting for the agency that asked does not decide").isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> consents.approve(demo.as("moi.vetter", "iq-moi"), toInterpol.getId(), "Mine to give"))
                .as("four eyes: the author does not decide").isInstanceOf(FourEyesViolation.class);
        assertThatThrownBy(() -> consents.decline(demo.as("moi.vetter", "iq-moi"), toInterpol.getId(), "Mine to refuse"))
                .isInstanceOf(FourEyesViolation.class);
        consents.decline(secondVetter, toInterpol.getId(), "The investigation is ours");
        assertThat(sharedItems.find(interpol, id)).as("declined: nothing changes").isEmpty();
        assertThat(sharedItems.versions(iom, id)).extracting(ItemVersion::getNumber).containsExactly(1);
        assertThatThrownBy(() -> consents.approve(secondVetter, toInterpol.getId(), "Changed my mind"))
                .isInstanceOf(ConsentRefused.class);

        ConsentRequest toDonor = consents.request(iom, id, "au-dibp", "The donor funds the border point");
        assertThatThrownBy(() -> consents.approve(secondVetter, toDonor.getId(), "Fine by us"))
                .as("the agreement with the donor has expired").isInstanceOf(IllegalSharing.class);
        assertThat(consents.find(iom, toDonor.getId())).as("nothing decided").hasValueSatisfying(r -> assertThat(r.getStatus())
                .isEqualTo(ConsentStatus.PENDING));
        assertThat(sharedItems.versions(iom, id)).extracting(ItemVersion::getNumber).containsExactly(1);

        assertThatThrownBy(() -> items.startNewVersion(iom, id)).as("nobody widens the sharing of an item they do not own")
                .isInstanceOf(ItemNotFound.class);
        assertThatThrownBy(() -> consents.request(interpol, id, "au-dibp", "Not mine to read")).isInstanceOf(ItemNotFound.class);
        assertThatThrownBy(() -> consents.request(demo.as("moi.official", "iq-moi"), id, "interpol", "Own item"))
                .isInstanceOf(ConsentRefused.class);
    }

    @Test
    void theDemoHasIomsRequestToPassTheSafwanSummaryOnToInterpolWaiting() {
        assertThat(consents.queue(demo.as("moi.vetter", "iq-moi"))).anySatisfy(r -> {
            assertThat(r.getRequester().getCode().value()).isEqualTo("iom-iq");
            assertThat(r.getTarget().getCode().value()).isEqualTo("interpol");
            assertThat(r.getStatus()).isEqualTo(ConsentStatus.PENDING);
        });
    }

    private ItemId incidentForIom(String title, Caller author) {
        return incidentForIom(title, author, demo.as("moi.vetter", "iq-moi"));
    }

    private ItemId incidentForIom(String title, Caller author, Caller vetter) {
        RecordForm form = new RecordForm();
        form.setTitle(title);
        form.setLanguage("en");
        form.setSummary("An incident the Ministry shares with IOM.");
        form.setType(RecordType.BORDER_INCIDENT);
        form.setReferenceDate(LocalDate.now());
        form.setLocation("Safwan border point");
        form.setCategory("irregular crossing");
        SharingForm sharing = new SharingForm();
        sharing.setMarking(Marking.AMBER);
        sharing.setScope(Scope.NAMED_AGENCIES);
        sharing.setAgencies(List.of("iom-iq"));
        form.setSharing(sharing);
        ItemId id = items.draft(author, form).id();
        items.submit(author, id);
        items.publish(vetter, id, "For IOM");
        return id;
    }
}
