package io.aftercare.recovery.history;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.recovery.RecoveryHistory;
import io.aftercare.recovery.actions.WhatIdFix;
import io.aftercare.recovery.journal.Journal;
import io.aftercare.recovery.plans.Plans;

/**
 * The recovery tools' past, for demo data: written through {@link Journal}, {@link WhatIdFix} and {@link Plans}
 * (encrypted, validated and announced as live use is); only the journal's dates are then moved back.
 */
@Service
class RecoveryHistoryService implements RecoveryHistory {

    private final Journal journal;
    private final WhatIdFix actions;
    private final Plans plans;
    private final JdbcClient jdbc;

    RecoveryHistoryService(Journal journal, WhatIdFix actions, Plans plans, JdbcClient jdbc) {
        this.journal = journal;
        this.actions = actions;
        this.plans = plans;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void journalStarted(UUID personId, int daysAgo, List<String> entries) {
        LocalDate today = journal.start(personId).today();
        LocalDate first = today.minusDays(daysAgo);
        jdbc.sql("UPDATE recovery_journal SET started_on = ? WHERE person_id = ?").params(first, personId).update();
        for (int i = 0; i < entries.size() && i <= daysAgo; i++) {
            Journal.Entry entry = journal.write(personId, entries.get(i), i + 1);
            jdbc.sql("UPDATE recovery_journal_entry SET written_on = ? WHERE id = ?")
                .params(first.plusDays(i), entry.id()).update();
        }
    }

    @Override
    @Transactional
    public void whatIdFix(UUID personId, UUID caseId, List<String> titles, int done) {
        for (int i = 0; i < titles.size(); i++) {
            var action = actions.add(personId, caseId, titles.get(i), null);
            if (i < done) {
                actions.change(personId, caseId, action.id(), new WhatIdFix.Change(null, null, true));
            }
        }
    }

    @Override
    @Transactional
    public boolean planNextShift(UUID personId, String kind, UUID colleagueId, boolean shared) {
        var next = plans.comingShifts(personId).stream().findFirst();
        next.ifPresent(shift -> plans.create(personId,
            new Plans.PlanInput(shift.startsAt().toString(), kind, colleagueId, shared)));
        return next.isPresent();
    }
}
