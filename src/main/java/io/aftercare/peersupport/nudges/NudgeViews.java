package io.aftercare.peersupport.nudges;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.peersupport.cases.IncidentTitles;
import io.aftercare.peersupport.cases.SupportCases;
import io.aftercare.peersupport.cases.SupportCases.SupportCase;
import io.aftercare.peersupport.nudges.NudgeService.NudgeView;

/** A recipient's own delivered nudges: about whom, when in their own words, and which incident when it has a title. */
@Component
class NudgeViews {

    private final NudgeStore store;
    private final Directory directory;
    private final SupportCases cases;
    private final IncidentTitles titles;
    private final Clock clock;

    NudgeViews(NudgeStore store, Directory directory, SupportCases cases, IncidentTitles titles, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.cases = cases;
        this.titles = titles;
        this.clock = clock;
    }

    /** The caller's own delivered nudges, newest first. */
    List<NudgeView> mine(UUID me) {
        List<NudgeStore.Shown> rows = store.shownTo(me);
        ZoneId zone = directory.person(me).map(PersonRef::timeZone).orElse(ZoneOffset.UTC);
        Map<UUID, PersonRef> people = directory.people(rows.stream().map(NudgeStore.Shown::about).distinct().toList())
            .stream().collect(Collectors.toMap(PersonRef::id, Function.identity(), (a, b) -> a));
        List<NudgeView> views = new ArrayList<>();
        for (NudgeStore.Shown row : rows) {
            SupportCase c = cases.find(row.caseId()).orElse(null);
            Instant when = c == null ? row.deliveredAt() : c.openedAt();
            String title = c == null ? null : c.incidentIds().stream().map(titles::title)
                .flatMap(Optional::stream).findFirst().orElse(null);
            PersonRef about = people.get(row.about());
            views.add(new NudgeView(row.id(), row.caseId(), about == null ? "A colleague" : about.name(),
                WhenPhrases.of(when, clock.instant(), zone), title, row.state(), row.deliveredAt(),
                row.reachedOutAt()));
        }
        return views;
    }

    Optional<NudgeView> mine(UUID me, UUID nudgeId) {
        return mine(me).stream().filter(n -> n.id().equals(nudgeId)).findFirst();
    }
}
