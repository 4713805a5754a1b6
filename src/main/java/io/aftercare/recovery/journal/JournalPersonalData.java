package io.aftercare.recovery.journal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.PersonalData;

/**
 * The journal's part of a person's data: when they started it, their reminder time, and every entry, decrypted for
 * them. Erasing deletes all of it and any reminder still waiting.
 */
@Component
@Order(150)
class JournalPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final Journal journal;

    JournalPersonalData(JdbcClient jdbc, Journal journal) {
        this.jdbc = jdbc;
        this.journal = journal;
    }

    record Export(LocalDate startedOn, LocalTime reminderTime, List<Journal.Entry> entries) {
    }

    @Override
    public String section() {
        return "journal";
    }

    @Override
    public Object export(UUID personId) {
        var row = journal.row(personId);
        return new Export(row.map(Journal.Row::startedOn).orElse(null),
            row.map(Journal.Row::reminderTime).orElse(null), journal.entries(personId));
    }

    @Override
    public void erase(UUID personId) {
        jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance LIKE ?")
            .params(JournalScheduling.REMINDER_DUE.getTaskName(), personId + ":%").update();
        jdbc.sql("DELETE FROM recovery_journal_entry WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM recovery_journal WHERE person_id = ?").param(personId).update();
    }
}
