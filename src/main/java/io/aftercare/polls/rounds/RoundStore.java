package io.aftercare.polls.rounds;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.polls.definition.Poll;
import io.aftercare.polls.definition.PollQuestion;

/** SQL for rounds and who was invited to them. */
@Repository
public class RoundStore {

    private static final String COLUMNS = "id, poll_id, number, opens_on, closes_on, opened, reminded, closed";

    private static final RowMapper<Round> ROW = (rs, n) -> new Round(rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class), rs.getInt(3), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
        rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8));

    private final JdbcClient jdbc;

    RoundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Round r) {
        jdbc.sql("INSERT INTO polls_round (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .params(r.id(), r.pollId(), r.number(), Date.valueOf(r.opensOn()), Date.valueOf(r.closesOn()), r.opened(),
                r.reminded(), r.closed())
            .update();
    }

    /** A round starts with a zero for each choice of each question (the tallies, see {@code Tallies}). */
    void startTallies(UUID roundId, Poll poll) {
        for (PollQuestion q : poll.questions()) {
            for (int c = 1; c <= q.choices().size(); c++) {
                jdbc.sql("INSERT INTO polls_tally (round_id, question, choice, answers) VALUES (?, ?, ?, 0)")
                    .params(roundId, q.position(), c).update();
            }
        }
    }

    public Optional<Round> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM polls_round WHERE id = ?").param(id).query(ROW).optional();
    }

    /** A poll's rounds, newest first. */
    public List<Round> of(UUID pollId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM polls_round WHERE poll_id = ? ORDER BY number DESC")
            .param(pollId).query(ROW).list();
    }

    /** Rounds not closed yet that open on or before {@code day}. */
    List<Round> notClosed(LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM polls_round WHERE closed = FALSE AND opens_on <= ? "
                + "ORDER BY opens_on, id")
            .param(Date.valueOf(day)).query(ROW).list();
    }

    /** Marks the round opened, once: false when another instance got there first. */
    boolean markOpened(UUID id) {
        return jdbc.sql("UPDATE polls_round SET opened = TRUE WHERE id = ? AND opened = FALSE").param(id).update() == 1;
    }

    boolean markReminded(UUID id) {
        return jdbc.sql("UPDATE polls_round SET reminded = TRUE WHERE id = ? AND reminded = FALSE").param(id)
            .update() == 1;
    }

    boolean markClosed(UUID id) {
        return jdbc.sql("UPDATE polls_round SET closed = TRUE WHERE id = ? AND closed = FALSE").param(id)
            .update() == 1;
    }

    void invite(UUID roundId, Collection<UUID> people) {
        for (UUID person : people) {
            jdbc.sql("INSERT INTO polls_invitee (round_id, person_id) VALUES (?, ?)").params(roundId, person).update();
        }
    }

    public boolean invited(UUID roundId, UUID personId) {
        return jdbc.sql("SELECT COUNT(*) FROM polls_invitee WHERE round_id = ? AND person_id = ?")
            .params(roundId, personId).query(Long.class).single() > 0;
    }

    public long invitedCount(UUID roundId) {
        return jdbc.sql("SELECT COUNT(*) FROM polls_invitee WHERE round_id = ?").param(roundId).query(Long.class)
            .single();
    }

    /** Invitees without a participation marker: the ones to remind. */
    List<UUID> notAnswered(UUID roundId) {
        return jdbc.sql("SELECT i.person_id FROM polls_invitee i WHERE i.round_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM polls_participation p WHERE p.round_id = i.round_id AND p.person_id = i.person_id) "
                + "ORDER BY i.person_id")
            .param(roundId).query(UUID.class).list();
    }

    /** The open rounds a person was invited to and has not answered, soonest closing first. */
    public List<Round> waitingFor(UUID personId, LocalDate today) {
        return jdbc.sql("SELECT r.id, r.poll_id, r.number, r.opens_on, r.closes_on, r.opened, r.reminded, r.closed"
                + " FROM polls_round r JOIN polls_invitee i ON i.round_id = r.id AND i.person_id = ? "
                + "WHERE r.opened = TRUE AND r.closed = FALSE AND r.closes_on >= ? AND NOT EXISTS "
                + "(SELECT 1 FROM polls_participation p WHERE p.round_id = r.id AND p.person_id = ?) "
                + "ORDER BY r.closes_on, r.id")
            .params(personId, Date.valueOf(today), personId).query(ROW).list();
    }

    /** The open rounds a person was invited to, answered or not, soonest closing first. */
    public List<Round> openFor(UUID personId, LocalDate today) {
        return jdbc.sql("SELECT r.id, r.poll_id, r.number, r.opens_on, r.closes_on, r.opened, r.reminded, r.closed"
                + " FROM polls_round r JOIN polls_invitee i ON i.round_id = r.id AND i.person_id = ? "
                + "WHERE r.opened = TRUE AND r.closed = FALSE AND r.closes_on >= ? ORDER BY r.closes_on, r.id")
            .params(personId, Date.valueOf(today)).query(ROW).list();
    }

    /** For erasure: the person is no longer an invitee anywhere. */
    public void forgetInvitee(UUID personId) {
        jdbc.sql("DELETE FROM polls_invitee WHERE person_id = ?").param(personId).update();
    }
}
