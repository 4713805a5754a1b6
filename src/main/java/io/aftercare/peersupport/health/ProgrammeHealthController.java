package io.aftercare.peersupport.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.aftercare.shared.DbTime;

/**
 * Programme health for coordinators: is peer support happening, and how soon? Aggregates over the last 90 days
 * only, each shown only over at least {@value #MIN_PEOPLE} distinct people (the same words for 0 and for 1–4), and
 * about the programme, never about anyone's answers.
 */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
class ProgrammeHealthController {

    static final int MIN_PEOPLE = 5;

    /** One figure, or {@code null} (not enough people to show it). */
    public record Figure(String key, String value) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ProgrammeHealthController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/programme/support/health")
    String page(Model model) {
        model.addAttribute("figures", figures());
        model.addAttribute("minPeople", MIN_PEOPLE);
        return "support/health";
    }

    List<Figure> figures() {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(90));
        List<Figure> figures = new ArrayList<>();
        record CaseRow(UUID person, Instant opened, Instant first) {
        }
        // cases about an incident whose person did not ask for nobody: the ones outreach is meant for
        List<CaseRow> cases = jdbc.sql("""
                SELECT person_id, opened_at, first_outreach_at FROM support_case
                WHERE incident_ids <> '' AND (outreach IS NULL OR outreach <> 'NOBODY') AND opened_at >= ? AND opened_at <= ?""")
            .params(DbTime.toDb(since), DbTime.toDb(now.minus(Duration.ofHours(72))))
            .query((rs, n) -> new CaseRow(rs.getObject(1, UUID.class), DbTime.instant(rs, "opened_at"),
                DbTime.instant(rs, "first_outreach_at"))).list();
        boolean casesShown = distinct(cases.stream().map(CaseRow::person).toList()) >= MIN_PEOPLE;
        figures.add(new Figure("within24", casesShown ? percent(cases.stream()
            .filter(c -> c.first() != null && !c.first().isAfter(c.opened().plus(Duration.ofHours(24)))).count(),
            cases.size()) : null));
        figures.add(new Figure("within72", casesShown ? percent(cases.stream()
            .filter(c -> c.first() != null && !c.first().isAfter(c.opened().plus(Duration.ofHours(72)))).count(),
            cases.size()) : null));
        List<Long> minutes = cases.stream().filter(c -> c.first() != null)
            .map(c -> Duration.between(c.opened(), c.first()).toMinutes()).sorted().toList();
        figures.add(new Figure("median", casesShown && !minutes.isEmpty() ? duration(minutes.get(minutes.size() / 2))
            : null));

        record Ack(UUID person, UUID supporter, String outcome, Instant due, Instant ended) {
        }
        List<Ack> acks = jdbc.sql("""
                SELECT r.person_id, a.supporter_id, a.outcome, a.ack_due_at, a.ended_at FROM support_assignment a
                JOIN support_request r ON r.id = a.request_id WHERE a.assigned_at >= ? AND a.outcome <> 'PENDING'""")
            .param(DbTime.toDb(since))
            .query((rs, n) -> new Ack(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                DbTime.instant(rs, "ack_due_at"), DbTime.instant(rs, "ended_at"))).list();
        boolean acksShown = distinct(acks.stream().map(Ack::person).toList()) >= MIN_PEOPLE;
        figures.add(new Figure("ackInTime", acksShown ? percent(acks.stream()
            .filter(a -> a.outcome().equals("ACKNOWLEDGED") && !a.ended().isAfter(a.due())).count(), acks.size())
            : null));
        Map<UUID, Long> perSupporter = acks.stream().collect(Collectors.groupingBy(Ack::supporter,
            Collectors.counting()));
        boolean spreadShown = acksShown && perSupporter.size() >= MIN_PEOPLE;
        figures.add(new Figure("spread", spreadShown ? Collections.min(perSupporter.values()) + "–"
            + Collections.max(perSupporter.values()) : null));

        // acknowledged requests whose contact is decided: made, or its deadline passed first (a notice)
        record Contact(UUID person, boolean made, boolean late) {
        }
        List<Contact> contacts = jdbc.sql("""
                SELECT r.person_id, r.contact_made_at, (SELECT COUNT(*) FROM support_notice n
                    WHERE n.request_id = r.id AND n.kind = 'CONTACT_OVERDUE') AS late
                FROM support_request r WHERE r.acknowledged_at >= ?""")
            .param(DbTime.toDb(since))
            .query((rs, n) -> new Contact(rs.getObject(1, UUID.class), rs.getObject(2) != null, rs.getLong(3) > 0))
            .list().stream().filter(c -> c.made() || c.late()).toList();
        boolean contactShown = distinct(contacts.stream().map(Contact::person).toList()) >= MIN_PEOPLE;
        figures.add(new Figure("contactInTime", contactShown
            ? percent(contacts.stream().filter(c -> c.made() && !c.late()).count(), contacts.size()) : null));

        List<UUID> requesters = jdbc.sql("SELECT person_id FROM support_request WHERE requested_at >= ?")
            .param(DbTime.toDb(since)).query(UUID.class).list();
        long unassigned = jdbc.sql("SELECT COUNT(*) FROM support_request WHERE requested_at >= ? AND status = 'UNASSIGNED'")
            .param(DbTime.toDb(since)).query(Long.class).single();
        figures.add(new Figure("unassigned", distinct(requesters) >= MIN_PEOPLE
            ? percent(unassigned, requesters.size()) : null));
        return figures;
    }

    private static int distinct(List<UUID> people) {
        Set<UUID> set = new HashSet<>(people);
        return set.size();
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }

    private static String duration(long minutes) {
        return minutes < 120 ? minutes + " min" : minutes < 48 * 60 ? (minutes / 60) + " h" : (minutes / 1440) + " days";
    }
}
