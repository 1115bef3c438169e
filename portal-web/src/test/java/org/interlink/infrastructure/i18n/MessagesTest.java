package org.interlink.infrastructure.i18n;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every label in every language: a key missing (or empty) in English, French or Arabic fails the build. */
class MessagesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/org/interlink/i18n");
    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.-]+)'\\]");

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ar"})
    void everyLanguageHasExactlyTheKeysOfEnglishAndNoneIsEmpty(String language) {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");

        assertThat(new TreeSet<>(translated.stringPropertyNames())).as("keys of " + language)
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        assertThat(translated.stringPropertyNames()).allSatisfy(key -> assertThat(translated.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void everyKeyThePagesNameIsThere() throws IOException {
        Properties english = load("messages.properties");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher keys = LITERAL_KEY.matcher(Files.readString(page));
                while (keys.find()) {
                    named.add(keys.group(1));
                }
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(named).allSatisfy(key -> assertThat(english.getProperty(key)).as("message " + key).isNotNull());
    }

    /** The keys the refusals of an upload and of a crossed edit form carry ({@code BusinessException.key()}). */
    @ParameterizedTest
    @ValueSource(strings = {"attachment.noName", "attachment.empty", "attachment.tooLarge", "attachment.unrecognised",
            "attachment.typeNotAllowed", "attachment.nameMismatch", "attachment.declaredMismatch", "CrossedEdit"})
    void everyRefusalOfAFileOrOfACrossedFormIsWrittenInEnglish(String key) {
        assertThat(load("messages.properties").getProperty("error." + key)).as("error." + key).isNotBlank();
    }

    @Test
    void theArabicLabelsAreArabic() {
        Properties arabic = load("messages_ar.properties");
        assertThat(arabic.getProperty("nav.dashboard")).isEqualTo("لوحة المعلومات");
        assertThat(arabic.getProperty("caller.signOut")).matches(".*[\\u0600-\\u06FF].*");
    }

    private static Properties load(String file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
