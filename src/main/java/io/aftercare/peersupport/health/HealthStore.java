package io.aftercare.peersupport.health;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.shared.Months;
import io.aftercare.peersupport.SupportRequestsForInsight;
import io.aftercare.peersupport.requests.AssignmentOutcome;
import io.aftercare.shared.DbTime;

/**
 * The rows programme health's request figures are worked out from, for one closed month: only things that began
 * inside the month, and only outcomes known by the month's release ({@link Months#releasedAt}), so that the same
 * month always gives the same rows. No answers, no names: person and supporter ids only, to count distinct people.
 * Offered to the insights module alone ({@link SupportRequestsForInsight}), whose rule set decides what is shown.
 */
@Repository
class HealthStore implements SupportRequestsForInsight {

    private final JdbcClient jdbc;

    HealthStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request offered to a supporter in the month, and whether they acknowledged it by its deadline. */
    record AssignmentRow(UUID person, UUID supporter, boolean decided, boolean inTime) {
    }

    List<AssignmentRow> assignments(YearMonth month) {
        Instant released = Months.releasedAt(month);
        return jdbc.sql("""
                SELECT r.person_id, a.supporter_id, a.outcome, a.ack_due_at, a.ended_at FROM support_assignment a
                JOIN support_request r ON r.id = a.request_id WHERE a.assigned_at >= ? AND a.assigned_at < ?""")
            .params(DbTime.toDb(Months.start(month)), DbTime.toDb(Months.end(month)))
            .query((rs, n) -> {
                AssignmentOutcome outcome = AssignmentOutcome.valueOf(rs.getString("outcome"));
                Instant ended = DbTime.instant(rs, "ended_at");
                // withdrawn by the person, or still open at the release: not the supporter's to answer for
                boolean decided = ended != null && !ended.isAfter(released)
                    && outcome.decided();
                boolean inTime = decided && outcome == AssignmentOutcome.ACKNOWLEDGED
                    && !ended.isAfter(DbTime.instant(rs, "ack_due_at"));
                return new AssignmentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), decided, inTime);
            }).list();
    }

    @Override
    public List<Offer> offers(YearMonth month) {
        return assignments(month).stream().filter(AssignmentRow::decided)
            .map(a -> new Offer(a.person(), a.inTime())).toList();
    }

    @Override
    public Optional<Spread> spread(YearMonth month, UUID viewer) {
        return HealthRules.spread(assignments(month).stream()
            .map(a -> new HealthRules.Load(a.supporter(), a.person())).toList(), viewer);
    }

    @Override
    public List<Contact> contacts(YearMonth month) {
        Instant released = Months.releasedAt(month);
        record Raw(UUID person, Instant made, Instant late) {
        }
        return jdbc.sql("""
                SELECT r.person_id, r.contact_made_at, (SELECT MIN(n.created_at) FROM support_notice n
                    WHERE n.request_id = r.id AND n.kind = 'CONTACT_OVERDUE') AS late_at
                FROM support_request r WHERE r.acknowledged_at >= ? AND r.acknowledged_at < ?""")
            .params(DbTime.toDb(Months.start(month)), DbTime.toDb(Months.end(month)))
            .query((rs, n) -> new Raw(rs.getObject(1, UUID.class), DbTime.instant(rs, "contact_made_at"),
                DbTime.instant(rs, "late_at")))
            .list().stream()
            .map(r -> new Raw(r.person(), r.made() != null && !r.made().isAfter(released) ? r.made() : null,
                r.late() != null && !r.late().isAfter(released) ? r.late() : null))
            .filter(r -> r.made() != null || r.late() != null)
            .map(r -> new Contact(r.person(), r.made() != null && (r.late() == null || r.made().isBefore(r.late()))))
            .toList();
    }

    @Override
    public List<Asked> requests(YearMonth month) {
        return jdbc.sql("""
                SELECT r.person_id, (SELECT COUNT(*) FROM support_notice n WHERE n.request_id = r.id
                    AND n.kind = 'NOBODY_ELIGIBLE' AND n.created_at <= ?) AS waited
                FROM support_request r WHERE r.requested_at >= ? AND r.requested_at < ?""")
            .params(DbTime.toDb(Months.releasedAt(month)), DbTime.toDb(Months.start(month)),
                DbTime.toDb(Months.end(month)))
            .query((rs, n) -> new Asked(rs.getObject(1, UUID.class), rs.getLong(2) > 0)).list();
    }
}
