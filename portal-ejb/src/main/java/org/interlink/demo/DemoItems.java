package org.interlink.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.interlink.caller.entity.Caller;
import org.interlink.consent.boundary.ConsentRequests;
import org.interlink.item.boundary.Attachments;
import org.interlink.item.boundary.ItemForm;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemId;
import org.interlink.meeting.boundary.ActionItemForm;
import org.interlink.meeting.boundary.MeetingForm;
import org.interlink.meeting.boundary.Meetings;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.recommendation.boundary.RecommendationForm;
import org.interlink.recommendation.boundary.Recommendations;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.records.boundary.RecordForm;
import org.interlink.records.entity.RecordType;
import org.interlink.sharing.boundary.SharingForm;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo items of the founding case, in every workflow state, drafted, submitted and vetted by
 * the personas through the boundaries, and followed through: a recommendation accepted and 40 %
 * implemented, one rejected with its rationale, action items done and overdue, and IOM's request that the Ministry pass the
 * Safwan incident summary on to INTERPOL, waiting for the Ministry's vetters. Their titles are what the isolation tests look them up by
 * ({@link DemoItem}).
 */
@Stateless
public class DemoItems {

    @Inject
    Items items;

    @Inject
    Attachments attachments;

    @Inject
    Recommendations recommendations;

    @Inject
    Meetings meetings;

    @Inject
    ConsentRequests consents;

    public void seed(DemoData demo) {
        Caller moiOfficial = demo.as("moi.official", "iq-moi");
        Caller moiVetter = demo.as("moi.vetter", "iq-moi");
        Caller iomLiaison = demo.as("iom.liaison", "iom-iq");
        Caller iomVetter = demo.as("iom.vetter", "iom-iq");

        MeetingForm lyon = new MeetingForm();
        fill(lyon, DemoItem.LYON_VISIT, "Study visit of the Ministry's delegation to INTERPOL's General Secretariat in Lyon "
                + "to see its data tools. The delegation agreed to share information and to draft recommendations "
                + "for the Ministry to consider.", Marking.AMBER, Scope.NAMED_AGENCIES, List.of("interpol", "iom-iq"));
        lyon.setStartsOn(LocalDate.parse("2026-09-14"));
        lyon.setEndsOn(LocalDate.parse("2026-09-17"));
        lyon.setPlace("Lyon, France");
        lyon.setParticipants(List.of("iq-moi", "interpol", "iom-iq"));
        lyon.setDecisions("Share border-management information between the Ministry and its partners.\n"
                + "Draft recommendations for the Ministry on the information-sharing mechanism.");
        lyon.setActionItems(List.of(
                new ActionItemForm("Draft recommendations on the information-sharing mechanism", "iom-iq", LocalDate.parse("2026-11-30"),
                        ActionStatus.DONE),
                new ActionItemForm("Name focal points for information sharing", "iq-moi", LocalDate.parse("2027-01-31"),
                        ActionStatus.IN_PROGRESS),
                new ActionItemForm("Send the list of border points with their connectivity", "iq-moi", LocalDate.parse("2026-10-15"),
                        ActionStatus.OPEN),
                new ActionItemForm("Share the data tools' technical documentation", "interpol", LocalDate.parse("2026-10-31"),
                        ActionStatus.OPEN)));
        Item meeting = publish(items.draft(moiOfficial, lyon), moiOfficial, moiVetter, "Minutes agreed with the delegation");
        meetings.updateActionItem(iomLiaison, meeting.id(), 1, ActionStatus.DONE, "Recommendations published for the Ministry");

        RecommendationForm bmis = new RecommendationForm();
        fill(bmis, DemoItem.BMIS_RECOMMENDATION, "Enhance the border-management information-sharing mechanism between "
                + "the Ministry's border points and its partners, building on the data tools seen in Lyon.",
                Marking.AMBER, Scope.NAMED_AGENCIES, List.of("iq-moi"));
        bmis.setAddressee("iq-moi");
        bmis.setMeeting(meeting.getId());
        Item mechanism = publish(items.draft(iomLiaison, bmis), iomLiaison, iomVetter, "Reviewed by the programme team");
        recommendations.decide(moiOfficial, mechanism.id(), FollowUpStatus.ACCEPTED,
                "In line with the Ministry's border-management strategy; IOM's programme funds the equipment.");
        recommendations.reportProgress(moiOfficial, mechanism.id(), 40,
                "Four of ten border points exchange data with the central database; focal points named.");

        RecommendationForm biometrics = new RecommendationForm();
        fill(biometrics, DemoItem.REJECTED_RECOMMENDATION, "Register the fingerprints and facial image of every traveller "
                + "at the land border points.", Marking.AMBER, Scope.NAMED_AGENCIES, List.of("iq-moi"));
        biometrics.setAddressee("iq-moi");
        biometrics.setMeeting(meeting.getId());
        Item rejected = publish(items.draft(iomLiaison, biometrics), iomLiaison, iomVetter, "Reviewed by the programme team");
        recommendations.decide(moiOfficial, rejected.id(), FollowUpStatus.REJECTED,
                "The Ministry's biometric project covers the airports first; land border points follow in the 2028 plan.");

        RecordForm dtm = record(DemoItem.DTM_FIGURES, RecordType.DISPLACEMENT_FIGURES,
                "Displacement Tracking Matrix: 3.18 million Iraqis displaced since January 2014.", Marking.CLEAR,
                Scope.ALL_MEMBERS, List.of(), LocalDate.parse("2026-10-31"), "Iraq", 3_180_000L, null, null, null);
        // in three languages: readers of Arabic and French see theirs first
        dtm.translation("ar").setTitle("مصفوفة تتبع النزوح: ٣٫١٨ مليون عراقي نازح منذ كانون الثاني ٢٠١٤");
        dtm.translation("ar").setSummary("مصفوفة تتبع النزوح: نزح ٣٫١٨ مليون عراقي منذ كانون الثاني ٢٠١٤.");
        dtm.translation("fr").setTitle("DTM : 3,18 millions d’Irakiens déplacés depuis janvier 2014");
        dtm.translation("fr").setSummary("Matrice de suivi des déplacements : 3,18 millions d’Irakiens déplacés depuis janvier 2014.");
        publish(items.draft(iomLiaison, dtm), iomLiaison, iomVetter, "DTM round checked");

        publish(items.draft(iomLiaison, record(DemoItem.BASRA_SOP, RecordType.SOP,
                "Draft standard operating procedure for passenger processing and referrals at Basra International Airport.",
                Marking.AMBER, Scope.COMMUNITIES, List.of("cb-programme"), LocalDate.parse("2027-01-01"),
                "Basra International Airport", null, null, null, null)), iomLiaison, iomVetter, "Ready for comments of the programme");

        Item safwan = items.draft(moiOfficial, record(DemoItem.SAFWAN_INCIDENT, RecordType.BORDER_INCIDENT,
                "Summary of an irregular crossing attempt at the Safwan border point, for IOM's protection team only.",
                Marking.AMBER_STRICT, Scope.NAMED_AGENCIES, List.of("iom-iq"), LocalDate.parse("2026-11-02"),
                "Safwan border point", null, "irregular crossing", null, null));
        attachments.attach(moiOfficial, safwan.id(), DemoItem.SAFWAN_ATTACHMENT, "text/csv",
                "date,border point,persons,outcome\n2026-11-02,Safwan,7,referred to IOM protection\n".getBytes(StandardCharsets.UTF_8));
        publish(safwan, moiOfficial, moiVetter, "Cleared for IOM");
        // IOM asks the Ministry to pass the summary on to INTERPOL: waiting in the Ministry's vetters' queue
        consents.request(iomLiaison, safwan.id(), "interpol",
                "INTERPOL's border crime unit is tracing the smuggling network behind this crossing attempt");

        RecordForm alert = record(DemoItem.PASSPORT_ALERT, RecordType.TRAVEL_DOCUMENT_ALERT,
                "A batch of blank passports reported stolen; numbers for INTERPOL's stolen and lost travel documents check.",
                Marking.RED, Scope.NAMED_USERS, List.of(), null, null, null, "passport", "A1234567", "IQ");
        alert.getSharing().setPeople("interpol.liaison");
        publish(items.draft(moiOfficial, alert), moiOfficial, moiVetter, "Named recipient only");

        items.draft(moiOfficial, record(DemoItem.DRAFT_TRAINING, RecordType.TRAINING_REPORT,
                "Report of the document-examination training for border officers (draft).", Marking.GREEN,
                Scope.ALL_MEMBERS, List.of(), LocalDate.parse("2026-10-20"), "Baghdad", 24L, null, null, null));

        Item equipment = items.draft(iomLiaison, record(DemoItem.SUBMITTED_EQUIPMENT, RecordType.EQUIPMENT,
                "Document readers delivered to the Zurbatiyah border point.", Marking.GREEN, Scope.ALL_MEMBERS, List.of(),
                null, "Zurbatiyah border point", 6L, "document reader", null, null));
        items.submit(iomLiaison, equipment.id());

        RecommendationForm returned = new RecommendationForm();
        fill(returned, DemoItem.RETURNED_RECOMMENDATION, "Train border officers on risk analysis with the partners' data.",
                Marking.AMBER, Scope.NAMED_AGENCIES, List.of("iq-moi"));
        returned.setAddressee("iq-moi");
        Item training = items.draft(iomLiaison, returned);
        items.submit(iomLiaison, training.id());
        items.returnToAuthor(iomVetter, training.id(), "Say which partners' data and how often");

        Item withdrawn = publish(items.draft(moiOfficial, record(DemoItem.WITHDRAWN_INCIDENT, RecordType.BORDER_INCIDENT,
                "Report of a document fraud case at Trebil, later found to be a clerical error.", Marking.AMBER,
                Scope.NAMED_AGENCIES, List.of("interpol"), LocalDate.parse("2026-08-09"), "Trebil border point", null,
                "document fraud", null, null)), moiOfficial, moiVetter, "Shared with INTERPOL");
        items.withdraw(moiVetter, withdrawn.id(), "Clerical error, not fraud");

        Item archived = publish(items.draft(iomLiaison, record(DemoItem.ARCHIVED_FIGURES, RecordType.DISPLACEMENT_FIGURES,
                "Displacement Tracking Matrix, round of 2025 (replaced by the current round).", Marking.CLEAR, Scope.ALL_MEMBERS,
                List.of(), LocalDate.parse("2025-12-31"), "Iraq", 3_150_000L, null, null, null)), iomLiaison, iomVetter, "DTM 2025");
        items.archive(iomVetter, archived.id());

        RecordForm procedure = record(DemoItem.REVISED_SOP, RecordType.SOP,
                "Standard operating procedure for the referral of vulnerable travellers at land border points.", Marking.GREEN,
                Scope.ALL_MEMBERS, List.of(), LocalDate.parse("2026-06-01"), "All land border points", null, null, null, null);
        Item revised = publish(items.draft(moiOfficial, procedure), moiOfficial, moiVetter, "First edition");
        items.startNewVersion(moiOfficial, revised.id());
        procedure.setSummary(procedure.getSummary() + " Second edition: adds the referral contacts of IOM.");
        items.edit(moiOfficial, revised.id(), procedure, null);
        publish(revised, moiOfficial, moiVetter, "Second edition");

        Item inRevision = publish(items.draft(iomLiaison, record(DemoItem.REVISION_IN_DRAFT, RecordType.TRAINING_REPORT,
                "Report of the joint risk-analysis workshop of the border working group.", Marking.GREEN, Scope.COMMUNITIES,
                List.of("border-wg"), LocalDate.parse("2026-09-30"), "Erbil", 31L, null, null, null)), iomLiaison, iomVetter,
                "Workshop report");
        items.startNewVersion(iomLiaison, inRevision.id());
    }

    private Item publish(Item item, Caller author, Caller vetter, String comment) {
        ItemId id = item.id();
        items.submit(author, id);
        return items.publish(vetter, id, comment);
    }

    private static RecordForm record(DemoItem item, RecordType type, String summary, Marking marking, Scope scope,
            List<String> grants, LocalDate date, String location, Long quantity, String category,
            String documentNumber, String country) {
        RecordForm form = new RecordForm();
        fill(form, item, summary, marking, scope, grants);
        form.setType(type);
        form.setReferenceDate(date);
        form.setLocation(location);
        form.setQuantity(quantity);
        form.setCategory(category);
        form.setDocumentNumber(documentNumber);
        form.setCountry(country);
        return form;
    }

    private static void fill(ItemForm form, DemoItem item, String summary, Marking marking, Scope scope, List<String> grants) {
        form.setTitle(item.title());
        form.setLanguage("en");
        form.setSummary(summary);
        SharingForm sharing = new SharingForm();
        sharing.setMarking(marking);
        sharing.setScope(scope);
        if (scope == Scope.NAMED_AGENCIES) {
            sharing.setAgencies(grants);
        } else if (scope == Scope.COMMUNITIES) {
            sharing.setCommunities(grants);
        }
        form.setSharing(sharing);
    }
}
