package org.interlink.sharing.control;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one shape of a query over items: {@code <selectFrom> where (<visible>) and (<condition>) <tail>}. Whatever an
 * asker adds can narrow what the gate's condition lets through, never widen it: the select-from names the versions
 * {@code v} and their items {@code i} and has no condition of its own, the asker's condition is parenthesised whole and
 * must balance (so it cannot close the gate's and add an "or") and hold no quoted text (values are parameters; a quoted
 * parenthesis would fool the count), the tail is a grouping and an order only, and the gate's
 * parameters are not the asker's to set.
 */
final class QueryShape {

    /** What a query's select-from names: the versions {@code v} (of a kind, or all) and their items {@code i}. */
    private static final Pattern SELECT_FROM = Pattern.compile(
            "select .+ from .*\\b(Item|Record|Recommendation|Meeting)Version v join (fetch )?v\\.item i\\b.*", Pattern.CASE_INSENSITIVE);

    /** Words that would add rows or conditions where only a grouping and an order belong. */
    private static final Pattern WIDENING = Pattern.compile("\\b(where|or|union|having|select|and|not)\\b", Pattern.CASE_INSENSITIVE);

    private QueryShape() {
    }

    /**
     * The query's JPQL, or {@link IllegalArgumentException} when the asker's parts would change what {@code visible}
     * means.
     *
     * @param condition       the asker's conditions (null: none)
     * @param tail            {@code group by …} and {@code order by …}, or empty
     * @param askerParameters the names of the parameters the asker binds
     * @param gateParameters  the names of the parameters of {@code visible}
     */
    static String compose(String selectFrom, String visible, String condition, String tail, Set<String> askerParameters,
            Set<String> gateParameters) {
        if (!SELECT_FROM.matcher(selectFrom).matches() || selectFrom.toLowerCase(Locale.ROOT).contains(" where ")
                || WIDENING.matcher(tail).find() || condition != null && (!balanced(condition) || condition.contains("'"))) {
            throw new IllegalArgumentException("not a query the gate composes: " + selectFrom + " … " + condition + " … " + tail);
        }
        askerParameters.stream().filter(gateParameters::contains).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("the gate's parameter :" + name + " is not the asker's to set");
        });
        return selectFrom + " where (" + visible + ")" + (condition == null ? "" : " and (" + condition + ")") + " " + tail;
    }

    /** Whether the condition's parentheses close in order. */
    private static boolean balanced(String condition) {
        int depth = 0;
        for (char c : condition.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
