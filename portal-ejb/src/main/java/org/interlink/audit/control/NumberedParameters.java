package org.interlink.audit.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with numbered parameters ({@code ?1}, {@code ?2}, a number used more than once or out of order)
 * as JDBC runs it: plain {@code ?} and, for each in turn, the number whose value it takes.
 */
record NumberedParameters(String jdbc, List<Integer> order) {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    static NumberedParameters of(String sql) {
        List<Integer> order = new ArrayList<>();
        Matcher parameter = NUMBERED.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (parameter.find()) {
            order.add(Integer.valueOf(parameter.group(1)));
            parameter.appendReplacement(jdbc, "?");
        }
        parameter.appendTail(jdbc);
        return new NumberedParameters(jdbc.toString(), List.copyOf(order));
    }
}
