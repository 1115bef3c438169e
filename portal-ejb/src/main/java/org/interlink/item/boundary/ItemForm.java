package org.interlink.item.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.interlink.agency.entity.Agency;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemContent;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.Texts;
import org.interlink.item.entity.TranslatedText;
import org.interlink.sharing.boundary.SharingForm;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every item form holds: title, summary and sharing. The forms of each kind add their fields and build the
 * content they describe, so that one path drafts and edits every kind ({@link Items#draft}, {@link Items#edit}).
 */
public abstract class ItemForm implements Serializable {

    /** What a form names, resolved for the caller who sends it. */
    public interface Names {

        /** The agencies of these codes; an unknown code is refused. */
        Set<Agency> agencies(List<String> codes);

        /** The agency of this code; an unknown code is refused. */
        default Agency agency(String code) {
            return agencies(List.of(code)).iterator().next();
        }

        /**
         * The item the new one links to, read for the linking (recorded); "not found" (recorded) when the caller may
         * not read it.
         */
        Item linked(long id);
    }

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "Give the item a title.")
    @Size(max = 300, message = "A title has at most 300 characters.")
    private String title;

    @NotBlank(message = "Give the item a summary.")
    @Size(max = 4000, message = "A summary has at most 4000 characters.")
    private String summary;

    /** The language of the title and summary: {@code en}, {@code fr} or {@code ar} (null: not stated). */
    private String language;

    /** The title and summary in other languages (optional), by language. */
    private Map<String, TextForm> translations = new LinkedHashMap<>();

    @Valid
    private SharingForm sharing = new SharingForm();

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language == null || language.isBlank() ? null : language;
    }

    public Map<String, TextForm> getTranslations() {
        return translations;
    }

    public void setTranslations(Map<String, TextForm> translations) {
        this.translations = translations == null ? new LinkedHashMap<>() : new LinkedHashMap<>(translations);
    }

    /** The translation into {@code language}, empty until filled in (for a page's inputs). */
    public TextForm translation(String language) {
        return translations.computeIfAbsent(language, l -> new TextForm());
    }

    /** The kind of item the form describes. */
    public abstract ItemKind kind();

    /** The content the form describes, with the agencies and items it names resolved. */
    public abstract ItemContent content(Names names);

    /**
     * The texts' language and translations; a translation left empty is none.
     *
     * @throws org.interlink.item.entity.InvalidContent when they contradict each other (see {@link Texts})
     */
    public Texts texts() {
        Map<String, TranslatedText> others = new LinkedHashMap<>();
        translations.forEach((other, text) -> {
            if (text != null && !other.equals(language)) {
                others.put(other, new TranslatedText(text.getTitle(), text.getSummary()));
            }
        });
        return new Texts(language, others);
    }

    public SharingForm getSharing() {
        return sharing;
    }

    public void setSharing(SharingForm sharing) {
        this.sharing = sharing;
    }

    /** A title and summary in one more language. */
    public static class TextForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private String title;
        private String summary;

        public TextForm() {
        }

        TextForm(String title, String summary) {
            this.title = title;
            this.summary = summary;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getSummary() {
            return summary;
        }

        public void setSummary(String summary) {
            this.summary = summary;
        }
    }

    /** Fills the common fields from a version (to edit it). */
    protected void fillFrom(ItemVersion version) {
        this.title = version.getTitle();
        this.summary = version.getSummary();
        this.language = version.getLanguage();
        this.translations = new LinkedHashMap<>();
        version.texts().others().forEach((other, text) -> translations.put(other, new TextForm(text.getTitle(), text.getSummary())));
        SharingForm form = new SharingForm();
        form.setMarking(version.getMarking());
        form.setScope(version.getScope());
        form.setAgencies(version.getAgencyGrants().stream().map(a -> a.getCode().value()).toList());
        form.setCommunities(version.getCommunityGrants().stream().map(c -> c.getCode().value()).toList());
        form.setPeople(String.join(", ", version.getUserGrants()));
        form.setUntil(version.getSharedUntil());
        form.setHandling(version.getHandlingCode());
        form.setHandlingNote(version.getHandlingNote());
        this.sharing = form;
    }
}
