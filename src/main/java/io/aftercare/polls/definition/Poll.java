package io.aftercare.polls.definition;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A poll as it was made: who it asks (everyone, or its teams), how often, and its questions. */
public record Poll(UUID id, String title, boolean everyone, List<UUID> teams, Recurrence recurrence, String template,
                   List<PollQuestion> questions, LocalDate createdOn) {

    public Poll {
        teams = List.copyOf(teams);
        questions = List.copyOf(questions);
    }

    public PollQuestion question(int position) {
        return questions.stream().filter(q -> q.position() == position).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no question " + position));
    }
}
