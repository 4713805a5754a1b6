package io.aftercare.care;

import java.util.List;
import java.util.Locale;

/**
 * Optional: the professional help (employee assistance programme, counselling, crisis lines) that the check-in's
 * thank-you page shows inline to a person who asked for professional resources or said they feel very stressed.
 * Peer support keeps the list and implements this (peer support already listens to care, so care cannot call it
 * directly). Care asks with the reader's own language and country only; nothing about the person is passed on.
 */
public interface ProfessionalHelp {

    /** One entry of the resources page, as the coordinator wrote it. */
    record Entry(String kind, String name, String description, String contact, String url) {

        /** Only web addresses are linked, never {@code javascript:} or the like. */
        public boolean safeUrl() {
            return url != null && (url.startsWith("https://") || url.startsWith("http://"));
        }
    }

    /** What to show and whether it was narrowed to the reader's place. */
    record Found(List<Entry> entries, boolean forPlace) {
    }

    /**
     * The entries for the country and language of this locale (entries for everywhere included), crisis lines
     * first; every entry when none match, so that nobody is shown nothing.
     */
    Found forPlace(Locale place);
}
