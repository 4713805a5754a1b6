package io.aftercare.polls.definition;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for polls, their teams, questions and choices. */
@Repository
public class PollStore {

    private final JdbcClient jdbc;

    PollStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Poll p, UUID createdBy) {
        jdbc.sql("INSERT INTO polls_poll (id, title, everyone, recurrence, template, created_by, created_on) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(p.id(), p.title(), p.everyone(), p.recurrence().name(), p.template(), createdBy,
                Date.valueOf(p.createdOn()))
            .update();
        for (UUID team : p.teams()) {
            jdbc.sql("INSERT INTO polls_poll_team (poll_id, team_id) VALUES (?, ?)").params(p.id(), team).update();
        }
        for (PollQuestion q : p.questions()) {
            jdbc.sql("INSERT INTO polls_question (poll_id, position, kind, text, role) VALUES (?, ?, ?, ?, ?)")
                .params(p.id(), q.position(), q.kind().name(), q.text(), q.role() == null ? null : q.role().name())
                .update();
            for (int c = 0; c < q.choices().size(); c++) {
                jdbc.sql("INSERT INTO polls_choice (poll_id, question, position, label) VALUES (?, ?, ?, ?)")
                    .params(p.id(), q.position(), c + 1, q.choices().get(c)).update();
            }
        }
    }

    public Optional<Poll> find(UUID id) {
        record Head(String title, boolean everyone, String recurrence, String template, LocalDate createdOn) {
        }
        Optional<Head> head = jdbc.sql("SELECT title, everyone, recurrence, template, created_on FROM polls_poll "
                + "WHERE id = ?").param(id)
            .query((rs, n) -> new Head(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate()))
            .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> teams = jdbc.sql("SELECT team_id FROM polls_poll_team WHERE poll_id = ? ORDER BY team_id")
            .param(id).query(UUID.class).list();
        Map<Integer, List<String>> choices = new LinkedHashMap<>();
        jdbc.sql("SELECT question, label FROM polls_choice WHERE poll_id = ? ORDER BY question, position").param(id)
            .query(rs -> {
                choices.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
        List<PollQuestion> questions = jdbc.sql("SELECT position, kind, text, role FROM polls_question "
                + "WHERE poll_id = ? ORDER BY position").param(id)
            .query((rs, n) -> new PollQuestion(rs.getInt(1), QuestionKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4) == null ? null : QuestionRole.valueOf(rs.getString(4)),
                choices.getOrDefault(rs.getInt(1), List.of())))
            .list();
        Head h = head.get();
        return Optional.of(new Poll(id, h.title(), h.everyone(), teams, Recurrence.valueOf(h.recurrence()),
            h.template(), questions, h.createdOn()));
    }

    /** Every poll's id, newest first. */
    public List<UUID> all() {
        return jdbc.sql("SELECT id FROM polls_poll ORDER BY created_on DESC, title, id").query(UUID.class).list();
    }
}
