package io.aftercare.care.cases;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.aftercare.care.Outreach;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/** What a person can say in a check-in or follow-up, and how it is checked: invalid answers are refused whole. */
final class Answers {

    static final int MAX_NOTE = 4000;

    private Answers() {
    }

    /** Effects noticed after an incident (Waterman et al. 2007's domains, in our words). */
    enum Effect {
        ANXIETY_ABOUT_NEXT_INCIDENT, LOSS_OF_CONFIDENCE, SLEEPING_DIFFICULTIES, REDUCED_JOB_SATISFACTION,
        WORRY_ABOUT_REPUTATION, NONE
    }

    /** The three state measures a follow-up repeats (see docs/instruments.md). */
    enum Measure { RUMINATION, SELF_CRITICISM, CONCERN_OVER_MISTAKES }

    /** The follow-up's items, each answered on 1 (not at all true for me) to 5 (very true for me). */
    enum Item {
        RUMINATION_1("rumination1", "rumination_1", Measure.RUMINATION),
        RUMINATION_2("rumination2", "rumination_2", Measure.RUMINATION),
        RUMINATION_3("rumination3", "rumination_3", Measure.RUMINATION),
        SELF_CRITICISM_1("selfCriticism1", "self_critic_1", Measure.SELF_CRITICISM),
        SELF_CRITICISM_2("selfCriticism2", "self_critic_2", Measure.SELF_CRITICISM),
        MISTAKES_1("concernOverMistakes1", "mistakes_1", Measure.CONCERN_OVER_MISTAKES),
        MISTAKES_2("concernOverMistakes2", "mistakes_2", Measure.CONCERN_OVER_MISTAKES);

        final String key;
        final String column;
        final Measure measure;

        Item(String key, String column, Measure measure) {
            this.key = key;
            this.column = column;
            this.measure = measure;
        }

        String key() {
            return key;
        }
    }

    /** “Not now” or “I'm fine, thanks”: one click, and no more prompts for that step. */
    enum QuickResponse { NOT_NOW, FINE }

    record CheckIn(int stress, Set<Effect> effects, Outreach outreach, String note) {
    }

    record FollowUp(Map<Item, Integer> items, String note) {
    }

    static CheckIn checkIn(Integer stress, List<String> effects, String outreach, String note) {
        List<FieldError> errors = new ArrayList<>();
        if (stress == null || stress < 1 || stress > 5) {
            errors.add(new FieldError("stress", "must be 1 (not at all) to 5 (very stressed)"));
        }
        Set<Effect> parsed = EnumSet.noneOf(Effect.class);
        for (String e : effects == null ? List.<String>of() : effects) {
            try {
                parsed.add(Effect.valueOf(String.valueOf(e).trim()));
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("effects", "unknown effect " + e));
            }
        }
        if (parsed.contains(Effect.NONE) && parsed.size() > 1) {
            errors.add(new FieldError("effects", "NONE cannot be combined with other effects"));
        }
        Outreach wish = Outreach.NOBODY;
        if (outreach != null && !outreach.isBlank()) {
            try {
                wish = Outreach.valueOf(outreach.trim());
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("outreach", "must be NOBODY, TEAMMATE, LEAD, PEER_SUPPORTER or RESOURCES"));
            }
        }
        String cleanNote = note(note, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new CheckIn(stress, parsed, wish, cleanNote);
    }

    static FollowUp followUp(Map<String, Integer> items, String note) {
        List<FieldError> errors = new ArrayList<>();
        Map<Item, Integer> parsed = new LinkedHashMap<>();
        Map<String, Integer> given = items == null ? Map.of() : items;
        for (Map.Entry<String, Integer> e : given.entrySet()) {
            Item item = null;
            for (Item i : Item.values()) {
                if (i.key.equals(e.getKey())) {
                    item = i;
                }
            }
            if (item == null) {
                errors.add(new FieldError("items." + e.getKey(), "is not a follow-up question"));
            } else if (e.getValue() != null) {
                if (e.getValue() < 1 || e.getValue() > 5) {
                    errors.add(new FieldError("items." + e.getKey(), "must be 1 to 5"));
                } else {
                    parsed.put(item, e.getValue());
                }
            }
        }
        String cleanNote = note(note, errors);
        if (errors.isEmpty() && parsed.isEmpty() && cleanNote == null) {
            errors.add(new FieldError("items", "answer at least one question, or choose \"Not now\""));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new FollowUp(parsed, cleanNote);
    }

    static QuickResponse quick(String response) {
        try {
            return QuickResponse.valueOf(response.trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("response", "must be NOT_NOW or FINE");
        }
    }

    private static String note(String note, List<FieldError> errors) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters"));
        }
        return note.strip();
    }
}
