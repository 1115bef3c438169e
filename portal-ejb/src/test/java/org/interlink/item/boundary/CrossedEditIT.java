package org.interlink.item.boundary;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.interlink.AuditRows;
import org.interlink.Deployments;
import org.interlink.caller.entity.Caller;
import org.interlink.demo.DemoData;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.interlink.item.entity.CrossedEdit;
import org.interlink.item.entity.ItemId;
import org.interlink.records.boundary.RecordForm;
import org.interlink.records.entity.RecordType;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.boundary.SharingForm;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An edit form sent for another item than it was opened for is refused by the page; the refusal is
 * recorded against the item the post named, and that item does not change.
 */
@ExtendWith(ArquillianExtension.class)
class CrossedEditIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalEjb(CrossedEditIT.class);
    }

    @Inject
    Items items;

    @Inject
    SharedItems sharedItems;

    @Inject
    DemoData demo;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Test
    void aFormSentForAnotherItemIsRefusedAndRecordedAgainstTheItemItNamed() throws SQLException {
        Caller author = demo.as("iom.liaison", "iom-iq");
        ItemId opened = items.draft(author, figures("Opened for this one")).id();
        ItemId named = items.draft(author, figures("Named by the post")).id();
        String tag = sharedItems.find(author, named).orElseThrow().tag();
        assertThat(sharedItems.find(author, opened).orElseThrow().tag()).as("the same tag, as the attack needs").isEqualTo(tag);
        long before = lastEventId();

        assertThatThrownBy(() -> items.refuseCrossedEdit(author, opened, named)).isInstanceOf(CrossedEdit.class)
                .hasMessageContaining("Nothing was saved");

        assertThat(sharedItems.find(author, named).orElseThrow()).satisfies(version -> {
            assertThat(version.getTitle()).isEqualTo("Named by the post");
            assertThat(version.tag()).isEqualTo(tag);
        });
        assertThat(eventsSince(before, named)).containsExactly(
                "UPDATE:DENIED edit form of item " + opened + " sent for item " + named + ": " + new CrossedEdit().getMessage());
    }

    @Test
    void aFormSentForAnItemTheCallerMayNotChangeIsRefusedAsWell() {
        Caller author = demo.as("iom.liaison", "iom-iq");
        ItemId opened = items.draft(author, figures("Opened by IOM")).id();
        ItemId ministrys = items.draft(demo.as("moi.official", "iq-moi"), figures("The Ministry's draft")).id();

        assertThatThrownBy(() -> items.refuseCrossedEdit(author, opened, ministrys)).isInstanceOf(CrossedEdit.class);
        assertThat(sharedItems.find(demo.as("moi.official", "iq-moi"), ministrys).orElseThrow().getTitle())
                .isEqualTo("The Ministry's draft");
    }

    private long lastEventId() throws SQLException {
        return new AuditRows(dataSource).last();
    }

    private List<String> eventsSince(long id, ItemId item) throws SQLException {
        return new AuditRows(dataSource).aboutItemSince(id, item);
    }

    private static RecordForm figures(String title) {
        RecordForm form = new RecordForm();
        form.setType(RecordType.DISPLACEMENT_FIGURES);
        form.setTitle(title);
        form.setSummary("Displacement by governorate");
        form.setReferenceDate(LocalDate.parse("2026-10-31"));
        form.setLocation("Ninewa");
        form.setQuantity(41_250L);
        SharingForm sharing = new SharingForm();
        sharing.setMarking(Marking.GREEN);
        sharing.setScope(Scope.OWN_AGENCY);
        form.setSharing(sharing);
        return form;
    }
}
