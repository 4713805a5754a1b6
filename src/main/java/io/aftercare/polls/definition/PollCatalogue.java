package io.aftercare.polls.definition;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/** Checks a new poll and stores it; finds polls. */
@Component
public class PollCatalogue {

    static final int MAX_QUESTIONS = 10;
    static final int MAX_CHOICES = 10;
    /** A round is open for at most this many days. */
    static final int MAX_DAYS_OPEN = 60;

    private final PollStore store;
    private final PollTemplates templates;
    private final Directory directory;

    PollCatalogue(PollStore store, PollTemplates templates, Directory directory) {
        this.store = store;
        this.templates = templates;
        this.directory = directory;
    }

    /** A checked poll with the dates of its first round. */
    public record Checked(Poll poll, LocalDate opensOn, LocalDate closesOn) {
    }

    /**
     * Checks everything and names each invalid field ({@code title}, {@code template}, {@code teams},
     * {@code recurrence}, {@code opensOn}, {@code closesOn}, {@code questions[i].text} …); stores nothing.
     */
    public Checked check(PollInput in, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "Give the poll a name people will recognise."));
        } else if (title.length() > 200) {
            errors.add(new FieldError("title", "Keep the name under 200 characters."));
        }
        String template = in.template() == null || in.template().isBlank() ? PollTemplates.TALK : in.template().strip();
        if (!template.equals(PollTemplates.TALK) && !template.equals(PollTemplates.SCRATCH)) {
            errors.add(new FieldError("template", "Choose the talk's straw poll or your own questions."));
        }
        Set<UUID> teams = new LinkedHashSet<>();
        for (String t : in.teams()) {
            try {
                UUID id = UUID.fromString(t == null ? "" : t.strip());
                if (directory.team(id).isEmpty()) {
                    throw new IllegalArgumentException();
                }
                teams.add(id);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("teams", "One of the teams is not in the directory."));
                break;
            }
        }
        if (!in.everyone() && teams.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("teams"))) {
            errors.add(new FieldError("teams", "Choose at least one team, or everyone."));
        }
        Recurrence recurrence = Recurrence.ONCE;
        if (in.recurrence() != null && !in.recurrence().isBlank()) {
            try {
                recurrence = Recurrence.valueOf(in.recurrence().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("recurrence", "Choose once or every quarter."));
            }
        }
        LocalDate opensOn = date(in.opensOn(), "opensOn", errors);
        LocalDate closesOn = date(in.closesOn(), "closesOn", errors);
        if (opensOn != null && opensOn.isBefore(today)) {
            errors.add(new FieldError("opensOn", "Choose today or a later day."));
            opensOn = null;
        }
        if (opensOn != null && closesOn != null) {
            if (closesOn.isBefore(opensOn)) {
                errors.add(new FieldError("closesOn", "Choose the opening day or a later one."));
            } else if (closesOn.isAfter(opensOn.plusDays(MAX_DAYS_OPEN))) {
                errors.add(new FieldError("closesOn", "Keep a poll open for at most " + MAX_DAYS_OPEN + " days."));
            }
        }
        List<PollQuestion> questions = template.equals(PollTemplates.SCRATCH) ? scratch(in, errors) : templates.talk();
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Poll poll = new Poll(UUID.randomUUID(), title, in.everyone(), in.everyone() ? List.of() : List.copyOf(teams),
            recurrence, template, questions, today);
        return new Checked(poll, opensOn, closesOn);
    }

    private static List<PollQuestion> scratch(PollInput in, List<FieldError> errors) {
        List<PollQuestion> out = new ArrayList<>();
        int i = 0;
        for (PollInput.QuestionInput q : in.questions()) {
            String field = "questions[" + i + "]";
            i++;
            String text = q == null || q.text() == null ? "" : q.text().strip();
            if (text.isEmpty() && (q == null || q.choices().isEmpty())) {
                continue; // an empty slot of the form
            }
            if (text.isEmpty() || text.length() > 300) {
                errors.add(new FieldError(field + ".text", "Write the question, in under 300 characters."));
                continue;
            }
            QuestionKind kind;
            try {
                kind = QuestionKind.valueOf(q.kind() == null ? "" : q.kind().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field + ".kind", "Choose how it is answered."));
                continue;
            }
            List<String> choices = q.choices();
            if (kind == QuestionKind.SCALE && choices.size() != 5) {
                errors.add(new FieldError(field + ".choices", "A scale has five choices, one a line, lowest first."));
            } else if (choices.size() < 2 || choices.size() > MAX_CHOICES) {
                errors.add(new FieldError(field + ".choices", "Give 2 to " + MAX_CHOICES + " choices, one a line."));
            } else if (choices.stream().anyMatch(c -> c.length() > 200)) {
                errors.add(new FieldError(field + ".choices", "Keep each choice under 200 characters."));
            } else {
                out.add(new PollQuestion(out.size() + 1, kind, text, null, choices));
            }
        }
        if (out.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("questions"))) {
            errors.add(new FieldError("questions", "Write at least one question."));
        }
        if (out.size() > MAX_QUESTIONS) {
            errors.add(new FieldError("questions", "Ask at most " + MAX_QUESTIONS + " questions."));
        }
        return out;
    }

    private static LocalDate date(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "Choose a day."));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Write the day as YYYY-MM-DD."));
            return null;
        }
    }

    public void store(Poll poll, UUID createdBy) {
        store.insert(poll, createdBy);
    }

    public Optional<Poll> find(UUID id) {
        return store.find(id);
    }

    public List<UUID> all() {
        return store.all();
    }
}
