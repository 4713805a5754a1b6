package io.aftercare.care;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Optional: the recovery tools a person is offered on their own pages — a journal, their batting average, what they
 * would fix, a plan for the next shift. The recovery module implements it, one bean per tool; care calls every
 * implementation, in order, only in the person's own request, and shows what they return to that person alone.
 * Nothing care passes in is stored by an implementation. Without an implementation My aftercare shows no tools.
 */
public interface RecoveryTools {

    /**
     * A link to a tool, with its words already in the person's language.
     *
     * @param detail a short fact beside the link ("2 of 3 done"), or null
     */
    record Link(String text, String href, String detail) {
    }

    /** Cards in the "Recovery tools" part of My aftercare. */
    default List<Link> onMyAftercare(UUID personId, Locale locale) {
        return List.of();
    }

    /** Links inside one of the person's open cases on My aftercare. */
    default List<Link> forCase(UUID personId, UUID caseId, Locale locale) {
        return List.of();
    }

    /**
     * Offered on the thank-you page right after the person answered, from their own answers (never stored or passed
     * on by an implementation).
     */
    default List<Link> afterAnswer(UUID personId, UUID caseId, SupportOfferHook.OwnAnswers answers, Locale locale) {
        return List.of();
    }
}
