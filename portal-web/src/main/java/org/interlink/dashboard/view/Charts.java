package org.interlink.dashboard.view;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.List;

/**
 * Chart.js configurations for {@code p:chart}, built with JSON-P: bar charts in the page's language
 * and direction (right to left: the axis runs from the right, the legend reads right to left).
 */
final class Charts {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Colours that keep at least 3:1 against white and apart from each other. */
    private static final List<String> COLOURS = List.of("#1f6f78", "#c0392b", "#7a4fb5", "#b7791f", "#2c5282", "#2f855a");

    private Charts() {
    }

    /** A bar chart; stacked when it has more than one series. */
    static String bar(String locale, boolean rightToLeft, List<String> labels, List<DashboardView.Chart.Series> series) {
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (int i = 0; i < series.size(); i++) {
            DashboardView.Chart.Series one = series.get(i);
            JsonArrayBuilder data = JSON.createArrayBuilder();
            one.values().forEach(data::add);
            datasets.add(JSON.createObjectBuilder().add("label", one.label()).add("data", data)
                    .add("backgroundColor", COLOURS.get(i % COLOURS.size())));
        }
        boolean stacked = series.size() > 1;
        JsonObjectBuilder options = JSON.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("locale", locale)
                .add("animation", false)
                .add("scales", JSON.createObjectBuilder()
                        .add("x", JSON.createObjectBuilder().add("stacked", stacked).add("reverse", rightToLeft))
                        .add("y", JSON.createObjectBuilder().add("stacked", stacked).add("beginAtZero", true)
                                .add("position", rightToLeft ? "right" : "left")
                                .add("ticks", JSON.createObjectBuilder().add("precision", 0))))
                .add("plugins", JSON.createObjectBuilder()
                        .add("legend", JSON.createObjectBuilder().add("display", stacked).add("position", "bottom")
                                .add("rtl", rightToLeft).add("textDirection", rightToLeft ? "rtl" : "ltr"))
                        .add("tooltip", JSON.createObjectBuilder().add("rtl", rightToLeft)));
        return JSON.createObjectBuilder().add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", strings(labels)).add("datasets", datasets))
                .add("options", options).build().toString();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
