package org.interlink.sharing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.interlink.infrastructure.persistence.SchemaMigration;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search condition on a version's words ({@code v.searchText}). On PostgreSQL it is full-text
 * search: the terms read as a web search ({@code websearch_to_tsquery}: all words, "a phrase",
 * {@code -word}, {@code or}) against the index of migration V15, with the 'simple' configuration
 * (no stemming, the same for Arabic, French and English). On the embedded H2 every word must occur
 * in the text (case-insensitive LIKE); quotes, {@code or} and {@code -word} are left out.
 */
@ApplicationScoped
public class TextMatch {

    /** The embedded match looks at this many words of the terms at most. */
    static final int MAX_WORDS = 10;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    private volatile Boolean fullText;

    Visibility.Predicate condition(String terms) {
        if (fullText()) {
            // the expression repeats the index's exactly, or PostgreSQL cannot use it
            return new Visibility.Predicate(
                    "SQL('to_tsvector(''simple'', ?) @@ websearch_to_tsquery(''simple'', ?)', v.searchText, :terms)",
                    Map.of("terms", terms));
        }
        List<String> words = words(terms);
        if (words.isEmpty()) {
            return new Visibility.Predicate("1 = 0", Map.of());
        }
        StringBuilder jpql = new StringBuilder("(");
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            jpql.append(i == 0 ? "" : " and ").append("lower(v.searchText) like :word").append(i).append(" escape '\\'");
            parameters.put("word" + i, "%" + Visibility.escapeLike(words.get(i)) + "%");
        }
        return new Visibility.Predicate(jpql.append(")").toString(), parameters);
    }

    /** The words of the terms, lower-case, without the quotes, alternatives and exclusions full-text search reads. */
    static List<String> words(String terms) {
        return Arrays.stream(terms.toLowerCase(Locale.ROOT).split("[\\s\"]+"))
                .filter(word -> !word.isBlank() && !word.startsWith("-") && !word.equals("or"))
                .distinct().limit(MAX_WORDS).toList();
    }

    private boolean fullText() {
        if (fullText == null) {
            fullText = "postgresql".equals(SchemaMigration.vendor(dataSource));
        }
        return fullText;
    }
}
