package org.interlink.dashboard.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.agreement.boundary.Agreements;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.infrastructure.i18n.Language;
import org.interlink.item.entity.ItemKind;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.sharing.boundary.Attention;
import org.interlink.sharing.boundary.DashboardFigures;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * {@code index.xhtml}: the first page after sign-in: what needs the caller's attention (each count
 * links to its list), three charts (what was shared with the caller's agency per month, the
 * recommendations by decision and implementation, the agency's action items by status — each with
 * its numbers as a table), who the caller is and what they act as.
 */
@Named
@RequestScoped
public class DashboardView {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Attention attentionCounts;

    @Inject
    ChartFigures figures;

    @Inject
    Language language;

    @Inject
    Agreements agreements;

    private List<Agreements.Ending> ending;

    private Attention.Counts attention;
    private List<Chart> charts;

    public Caller getCaller() {
        return currentCaller.get();
    }

    /** For an agency administrator: the agreements ending within 30 days and what stops being shared then. */
    public List<Agreements.Ending> getEndingAgreements() {
        if (ending == null) {
            ending = agreements.endingSoon(getCaller());
        }
        return ending;
    }

    /** The "needs my attention" counts, computed through the gate once per request. */
    public Attention.Counts getAttention() {
        if (attention == null) {
            attention = attentionCounts.counts(getCaller());
        }
        return attention;
    }

    /** The dashboard's charts, counted through the gate (at most once in five minutes per session: {@link ChartFigures}). */
    public List<Chart> getCharts() {
        if (charts == null) {
            charts = charts(figures.of(getCaller()));
        }
        return charts;
    }

    private List<Chart> charts(DashboardFigures.Figures figures) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("MMM yyyy", language.getLocale())
                .withDecimalStyle(DecimalStyle.of(language.getLocale()));
        List<YearMonth> months = List.copyOf(figures.sharedByMonth().keySet());
        List<Chart.Series> byKind = Arrays.stream(ItemKind.values())
                .map(kind -> new Chart.Series(msg.getString("kind." + kind),
                        months.stream().map(m -> figures.sharedByMonth().get(m).getOrDefault(kind, 0L)).toList()))
                .toList();
        return List.of(
                chart("shared", msg.getString("chart.shared"), months.stream().map(monthFormat::format).toList(), byKind),
                single("recommendations", msg.getString("chart.recommendations"), FollowUpStatus.values(),
                        status -> msg.getString("followUp." + status), figures.recommendations(), msg.getString("chart.count")),
                single("actions", msg.getString("chart.actions"), ActionStatus.values(),
                        status -> msg.getString("action." + status), figures.actionItems(), msg.getString("chart.count")));
    }

    private <K extends Enum<K>> Chart single(String id, String title, K[] keys, Function<K, String> label,
            Map<K, Long> counts, String seriesLabel) {
        return chart(id, title, Arrays.stream(keys).map(label).toList(),
                List.of(new Chart.Series(seriesLabel, Arrays.stream(keys).map(k -> counts.getOrDefault(k, 0L)).toList())));
    }

    private Chart chart(String id, String title, List<String> labels, List<Chart.Series> series) {
        boolean rightToLeft = "rtl".equals(language.getDirection());
        return new Chart(id, title, labels, series, Charts.bar(language.getTag(), rightToLeft, labels, series));
    }

    /** One chart: its Chart.js configuration and, for the table beside it, its labels and series. */
    public record Chart(String id, String title, List<String> labels, List<Series> series, String json) {

        public record Series(String label, List<Long> values) {
        }
    }
}
