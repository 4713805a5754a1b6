package io.aftercare.polls.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.polls.definition.Poll;
import io.aftercare.polls.definition.PollQuestion;

/**
 * The two halves of an answer, kept apart: the participation marker (round, person) and the tallies (round,
 * question, choice, how many). An answer is never stored as a row of its own, so there is no answer row to order, to
 * time or to join to its marker. Each answer updates every tally row of its round in one statement (adding 1 to the
 * chosen ones and 0 to the rest), so the rows it chose look exactly like the rows it did not.
 */
@Repository
public class Tallies {

    private final JdbcClient jdbc;

    Tallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the marker; false when the person has one for this round already (nothing else is then written). */
    boolean mark(UUID roundId, UUID personId) {
        return jdbc.sql("INSERT INTO polls_participation (round_id, person_id) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM polls_participation WHERE round_id = ? AND person_id = ?)")
            .params(roundId, personId, roundId, personId).update() == 1;
    }

    /**
     * Adds one answer to the round's tallies: every row of the round is written, by 1 where chosen and by 0 elsewhere.
     *
     * @param chosen {@code question * 1000 + choice} for each chosen choice
     */
    void add(UUID roundId, Set<Integer> chosen) {
        if (chosen.isEmpty()) {
            jdbc.sql("UPDATE polls_tally SET answers = answers + 0 WHERE round_id = ?").param(roundId).update();
            return;
        }
        List<Object> params = new ArrayList<>();
        StringBuilder in = new StringBuilder();
        for (Integer c : chosen) {
            in.append(in.isEmpty() ? "?" : ", ?");
            params.add(c);
        }
        params.add(roundId);
        jdbc.sql("UPDATE polls_tally SET answers = answers + CASE WHEN question * 1000 + choice IN (" + in
                + ") THEN 1 ELSE 0 END WHERE round_id = ?")
            .params(params).update();
    }

    /** How many chose each choice: {@code [question][choice]}, both from 1 (index 0 unused). */
    public int[][] counts(UUID roundId, Poll poll) {
        int[][] out = new int[poll.questions().size() + 1][];
        for (PollQuestion q : poll.questions()) {
            out[q.position()] = new int[q.choices().size() + 1];
        }
        jdbc.sql("SELECT question, choice, answers FROM polls_tally WHERE round_id = ?").param(roundId)
            .query(rs -> {
                int q = rs.getInt(1);
                int c = rs.getInt(2);
                if (q < out.length && out[q] != null && c < out[q].length) {
                    out[q][c] = rs.getInt(3);
                }
            });
        return out;
    }

    /** Who has answered the round (the markers): the respondents the rule set counts. */
    public Set<UUID> respondents(UUID roundId) {
        return Set.copyOf(jdbc.sql("SELECT person_id FROM polls_participation WHERE round_id = ?").param(roundId)
            .query(UUID.class).list());
    }

    public boolean answered(UUID roundId, UUID personId) {
        return jdbc.sql("SELECT COUNT(*) FROM polls_participation WHERE round_id = ? AND person_id = ?")
            .params(roundId, personId).query(Long.class).single() > 0;
    }

    /** The rounds the person answered (for their export): round ids only. */
    public List<UUID> roundsAnsweredBy(UUID personId) {
        return jdbc.sql("SELECT round_id FROM polls_participation WHERE person_id = ? ORDER BY round_id")
            .param(personId).query(UUID.class).list();
    }

    /**
     * For erasure: the person's markers get a random stand-in, so a closed round still counts as many respondents as
     * its tallies hold, and nothing says who they were.
     */
    public void anonymise(UUID personId) {
        for (UUID round : roundsAnsweredBy(personId)) {
            jdbc.sql("UPDATE polls_participation SET person_id = ? WHERE round_id = ? AND person_id = ?")
                .params(UUID.randomUUID(), round, personId).update();
        }
    }

    /** The demo's respondents: markers for them and the given counts, in one go. */
    public void load(UUID roundId, Set<UUID> respondents, int[][] counts) {
        for (UUID p : respondents) {
            mark(roundId, p);
        }
        for (int q = 1; q < counts.length; q++) {
            for (int c = 1; c < counts[q].length; c++) {
                jdbc.sql("UPDATE polls_tally SET answers = ? WHERE round_id = ? AND question = ? AND choice = ?")
                    .params(counts[q][c], roundId, q, c).update();
            }
        }
    }
}
