package io.aftercare.peersupport.nudges;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.care.CareCaseOpened;
import io.aftercare.care.CareCases;
import io.aftercare.care.CheckInAnswered;
import io.aftercare.care.Outreach;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.peersupport.OutreachDone;
import io.aftercare.peersupport.OutreachNudged;
import io.aftercare.peersupport.cases.IncidentTitles;
import io.aftercare.peersupport.cases.SupportCases;
import io.aftercare.peersupport.cases.SupportCases.SupportCase;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.Problems;

/**
 * Tier 1: after an incident, the people the person asked for in their check-in answer (a few teammates, or their
 * lead) are asked to check in on them. Nobody is nudged before the person has said so, and only the group they
 * named. A nudge says who and which incident in the same words whatever the answer: no answers, no scores. At most
 * one nudge per nudged person per case; none when the person opted out; none inside the nudged person's quiet
 * hours. A delivered nudge is never taken back.
 */
@Service
class NudgeService {

    static final String SCHEDULED = "SCHEDULED";
    static final String DELIVERED = "DELIVERED";
    static final String DONE = "DONE";
    static final String WITHDRAWN = "WITHDRAWN";
    /** Chosen, but not nudged: they have a recent case of their own open. Never shown to anyone but them. */
    static final String SKIPPED = "SKIPPED";

    /** A nudge as its recipient sees it. {@code when} is a message key suffix (today, lastNight, yesterday, recent). */
    record NudgeView(UUID id, UUID caseId, String aboutName, String when, String incidentTitle, String status,
                     Instant deliveredAt, Instant reachedOutAt) {
        boolean done() {
            return DONE.equals(status);
        }
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final CareCases care;
    private final SupportCases cases;
    private final IncidentTitles titles;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final NudgeProperties properties;
    private final Clock clock;

    NudgeService(JdbcClient jdbc, Directory directory, CareCases care, SupportCases cases, IncidentTitles titles,
                 ApplicationEventPublisher events, ObjectProvider<SchedulerClient> scheduler,
                 NudgeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.care = care;
        this.cases = cases;
        this.titles = titles;
        this.events = events;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records the case. Nobody is nudged yet: that waits for the person's own wish (their check-in answer). When
     * the answer was heard first, the choice is scheduled now that the case's incidents are known.
     */
    @Transactional
    void caseOpened(CareCaseOpened opened) {
        cases.opened(opened.caseId(), opened.personId(), opened.incidentIds(), opened.openedAt());
        cases.find(opened.caseId()).filter(c -> namesColleagues(c.outreach()))
            .ifPresent(c -> scheduleChoice(c.caseId()));
    }

    /**
     * The person answered their check-in. When they asked for a teammate or their lead, the choice of whom to nudge
     * follows after {@code aftercare.support.nudge-delay}: by then every responder of the incident has their own
     * case here, so teammates who were in it too are reliably left out. Any other answer nudges nobody.
     */
    @Transactional
    void outreachWish(CheckInAnswered answered) {
        cases.outreachWish(answered.caseId(), answered.personId(), answered.outreach().name(), answered.answeredAt());
        if (namesColleagues(answered.outreach().name())) {
            scheduleChoice(answered.caseId());
        }
    }

    private void scheduleChoice(UUID caseId) {
        scheduler.getObject().scheduleIfNotExists(NudgeScheduling.CASE_NUDGES.instance(caseId.toString())
            .scheduledTo(now().plus(properties.nudgeDelay())));
    }

    /** Whether a wish names colleagues to nudge: teammates or the lead. Resources, a peer supporter, nobody: no. */
    private static boolean namesColleagues(String outreach) {
        return Outreach.TEAMMATE.name().equals(outreach) || Outreach.LEAD.name().equals(outreach);
    }

    /** The relation of a nudge that a wish allows: TEAMMATE for teammates, LEAD for the lead; nothing otherwise. */
    private static boolean allows(String outreach, String relation) {
        return namesColleagues(outreach) && outreach.equals(relation);
    }

    /** Chooses whom to nudge for a case, as the person asked, and schedules each out of its recipient's quiet hours. */
    @Transactional
    void chooseFor(UUID caseId) {
        SupportCase supportCase = cases.find(caseId).orElse(null);
        // only incidents are mentioned to colleagues: a case someone opened for themselves stays theirs
        if (supportCase == null || supportCase.incidentIds().isEmpty() || !namesColleagues(supportCase.outreach())
            || care.hasOptedOut(supportCase.personId()) || hasNudges(caseId)) {
            return;
        }
        Optional<PersonRef> person = directory.person(supportCase.personId());
        if (person.isEmpty()) {
            return;
        }
        // chosen exactly as if nobody had a case of their own; one who has is then skipped, not replaced: nobody
        // else is nudged in their place, so no other colleague's nudges tell anything about them (decision 0023)
        Map<UUID, String> targets = Outreach.LEAD.name().equals(supportCase.outreach())
            ? leads(person.get()) : teammates(person.get(), supportCase.incidentIds());
        for (Map.Entry<UUID, String> target : targets.entrySet()) {
            directory.person(target.getKey()).ifPresent(nudged -> schedule(supportCase, nudged, target.getValue()));
        }
    }

    /** The person's team lead(s), or their manager when no team of theirs has a lead; never the person. */
    private Map<UUID, String> leads(PersonRef person) {
        Map<UUID, String> targets = new java.util.LinkedHashMap<>();
        if (properties.nudgeLeads()) {
            leadsOf(person).stream().filter(this::mayBeNudged).forEach(l -> targets.put(l, "LEAD"));
        }
        return targets;
    }

    private Set<UUID> leadsOf(PersonRef person) {
        Set<UUID> leads = new LinkedHashSet<>();
        directory.teamsOf(person.id()).forEach(t -> leads.addAll(t.leads()));
        if (leads.isEmpty() && person.managerId() != null) {
            leads.add(person.managerId());
        }
        leads.remove(person.id());
        return leads;
    }

    /**
     * Up to N teammates who were nudged least lately, not their lead (the person asked for a teammate), by default
     * not those who were in the same incident; never the person.
     */
    private Map<UUID, String> teammates(PersonRef person, List<UUID> incidents) {
        Set<UUID> leads = leadsOf(person);
        List<UUID> teammates = new ArrayList<>(directory.teamsOf(person.id()).stream()
            .flatMap(t -> t.members().stream()).distinct()
            .filter(m -> !m.equals(person.id()) && !leads.contains(m))
            .filter(m -> properties.nudgeIncidentTeammates() || !cases.wasIn(m, incidents))
            .filter(this::mayBeNudged).toList());
        Collections.shuffle(teammates);
        Map<UUID, Long> recent = recentNudges(teammates);
        teammates.sort(Comparator.comparing(m -> recent.getOrDefault(m, 0L)));
        Map<UUID, String> targets = new java.util.LinkedHashMap<>();
        teammates.stream().limit(Math.max(0, properties.nudgeTeammates())).forEach(m -> targets.put(m, "TEAMMATE"));
        return targets;
    }

    private boolean mayBeNudged(UUID personId) {
        return !care.hasOptedOut(personId);
    }

    private Map<UUID, Long> recentNudges(List<UUID> people) {
        if (people.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT nudged_id, COUNT(*) AS n FROM support_nudge WHERE nudged_id IN (:ids) "
                + "AND created_at >= :since GROUP BY nudged_id")
            .param("ids", people).param("since", DbTime.toDb(now().minus(Duration.ofDays(30))))
            .query((rs, i) -> Map.entry(rs.getObject("nudged_id", UUID.class), rs.getLong("n")))
            .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private boolean hasNudges(UUID caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM support_nudge WHERE case_id = ?").param(caseId)
            .query(Long.class).single() > 0;
    }

    /** Whether the person has a recent case of their own open: then they are not asked to look after anyone. */
    private boolean hasOwnCase(UUID personId) {
        return care.hasOpenCaseSince(personId, now().minus(properties.nudgeSkipOwnCaseWithin()));
    }

    private void schedule(SupportCase opened, PersonRef nudged, String relation) {
        UUID id = UUID.randomUUID();
        Instant deliverAt = nudged.quietHours().next(now());
        // a skipped nudge is kept (never delivered) so that "nudged least lately" counts as if it had gone: who is
        // chosen next time does not depend on anyone's case
        boolean skipped = hasOwnCase(nudged.id());
        jdbc.sql("""
                INSERT INTO support_nudge (id, case_id, about_person_id, nudged_id, relation, status, created_at,
                                           deliver_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, opened.caseId(), opened.personId(), nudged.id(), relation, skipped ? SKIPPED : SCHEDULED,
                DbTime.toDb(now()), DbTime.toDb(deliverAt))
            .update();
        if (skipped) {
            return;
        }
        scheduler.getObject().scheduleIfNotExists(NudgeScheduling.NUDGE_DUE.instance(id.toString())
            .scheduledTo(deliverAt));
    }

    /**
     * The nudge's time came: it shows in the recipient's list. Scheduled only after the person's wish, which does not
     * change afterwards; the check against it here only stops a nudge scheduled before that rule (never seen by its
     * recipient). A nudge about someone who has since opted out is not delivered either.
     */
    @Transactional
    void deliver(UUID nudgeId) {
        record Due(UUID caseId, UUID about, UUID nudged, String relation, String status) {
        }
        Optional<Due> due = jdbc.sql("SELECT case_id, about_person_id, nudged_id, relation, status FROM support_nudge "
                + "WHERE id = ? FOR UPDATE")
            .param(nudgeId)
            .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)))
            .optional();
        if (due.isEmpty() || !SCHEDULED.equals(due.get().status())) {
            return;
        }
        SupportCase supportCase = cases.find(due.get().caseId()).orElse(null);
        boolean stillWanted = supportCase != null && allows(supportCase.outreach(), due.get().relation())
            && !care.hasOptedOut(due.get().about())
            && (properties.nudgeIncidentTeammates() || "LEAD".equals(due.get().relation())
                || !cases.wasIn(due.get().nudged(), supportCase.incidentIds()));
        Instant now = now();
        // a case of their own opened while the nudge waited out their quiet hours: not delivered either
        String status = !stillWanted ? WITHDRAWN : hasOwnCase(due.get().nudged()) ? SKIPPED : DELIVERED;
        stillWanted = DELIVERED.equals(status);
        jdbc.sql("UPDATE support_nudge SET status = ?, delivered_at = ? WHERE id = ?")
            .params(status, stillWanted ? DbTime.toDb(now) : null, nudgeId).update();
        if (stillWanted) {
            events.publishEvent(new OutreachNudged(nudgeId, due.get().caseId(), due.get().about(), due.get().nudged(),
                due.get().relation(), now));
        }
    }

    /**
     * The person closed their case: nudges not yet delivered are dropped. Their recipients never saw them, so
     * nothing anyone sees changes. A delivered nudge stays, whatever the person does.
     */
    @Transactional
    void dropUndelivered(UUID caseId) {
        jdbc.sql("UPDATE support_nudge SET status = 'WITHDRAWN' WHERE case_id = ? AND status = 'SCHEDULED'")
            .param(caseId).update();
    }

    /** "I reached out": recorded with who and when; the case keeps the first time anyone did. */
    @Transactional
    NudgeView reachedOut(UUID me, UUID nudgeId) {
        NudgeView nudge = mine(me, nudgeId).orElseThrow(() -> Problems.notFound("Nudge"));
        if (DELIVERED.equals(nudge.status())) {
            Instant now = now();
            int changed = jdbc.sql("UPDATE support_nudge SET status = 'DONE', reached_out_at = ? "
                    + "WHERE id = ? AND status = 'DELIVERED'")
                .params(DbTime.toDb(now), nudgeId).update();
            if (changed == 1) {
                UUID about = jdbc.sql("SELECT about_person_id FROM support_nudge WHERE id = ?").param(nudgeId)
                    .query(UUID.class).single();
                cases.reachedOut(nudge.caseId(), me, now);
                events.publishEvent(new OutreachDone(nudgeId, nudge.caseId(), about, me, now));
            }
        }
        return mine(me, nudgeId).orElseThrow();
    }

    /** The caller's own delivered nudges, newest first: the in-app inbox until the notifications module exists. */
    List<NudgeView> mine(UUID me) {
        return views(jdbc.sql("""
                SELECT id, case_id, about_person_id, status, delivered_at, reached_out_at FROM support_nudge
                WHERE nudged_id = ? AND status IN ('DELIVERED', 'DONE') ORDER BY delivered_at DESC""")
            .param(me).query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), rs.getString(4), DbTime.instant(rs, "delivered_at"),
                DbTime.instant(rs, "reached_out_at"))).list(), me);
    }

    Optional<NudgeView> mine(UUID me, UUID nudgeId) {
        return mine(me).stream().filter(n -> n.id().equals(nudgeId)).findFirst();
    }

    private record Row(UUID id, UUID caseId, UUID about, String status, Instant deliveredAt, Instant reachedOutAt) {
    }

    private List<NudgeView> views(List<Row> rows, UUID me) {
        java.time.ZoneId zone = directory.person(me).map(PersonRef::timeZone).orElse(java.time.ZoneOffset.UTC);
        Map<UUID, PersonRef> people = directory.people(rows.stream().map(Row::about).distinct().toList()).stream()
            .collect(Collectors.toMap(PersonRef::id, Function.identity(), (a, b) -> a));
        List<NudgeView> views = new ArrayList<>();
        for (Row row : rows) {
            SupportCase c = cases.find(row.caseId()).orElse(null);
            Instant when = c == null ? row.deliveredAt() : c.openedAt();
            String title = c == null ? null : c.incidentIds().stream().map(titles::title)
                .flatMap(Optional::stream).findFirst().orElse(null);
            PersonRef about = people.get(row.about());
            views.add(new NudgeView(row.id(), row.caseId(), about == null ? "A colleague" : about.name(),
                WhenPhrases.of(when, now(), zone), title, row.status(),
                row.deliveredAt(), row.reachedOutAt()));
        }
        return views;
    }

    private Instant now() {
        return clock.instant();
    }
}
