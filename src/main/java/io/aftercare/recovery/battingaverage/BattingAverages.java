package io.aftercare.recovery.battingaverage;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.aftercare.directory.Directory;
import io.aftercare.directory.TeamRef;
import io.aftercare.incidents.Deploys;
import io.aftercare.incidents.RespondedIncident;
import io.aftercare.incidents.ResponderRecord;

/**
 * The person's batting average, worked out when they ask for it from the directory's shifts and teams and the
 * incidents module's record and deploys: nothing is stored, nothing is logged.
 */
@Service
class BattingAverages {

    private final ResponderRecord record;
    private final Deploys deploys;
    private final Directory directory;
    private final Clock clock;

    BattingAverages(ResponderRecord record, Deploys deploys, Directory directory, Clock clock) {
        this.record = record;
        this.deploys = deploys;
        this.directory = directory;
        this.clock = clock;
    }

    BattingAverage of(UUID personId) {
        return of(personId, false);
    }

    /**
     * What the card on My aftercare says, worked out with as little as it needs: its sentence is the changes' when
     * there are enough of them, and then the year's shifts (the costliest part, every rotation's turns for a year)
     * are not worked out; {@link BattingAverage#shiftsLastYear()} is then null. The page and the API use
     * {@link #of(UUID)}.
     */
    BattingAverage forCard(UUID personId) {
        return of(personId, true);
    }

    private BattingAverage of(UUID personId, boolean shiftsOnlyIfNeeded) {
        Instant now = clock.instant();
        Instant yearAgo = now.minus(BattingAverage.YEAR);
        List<RespondedIncident> incidents = record.respondedBy(personId);
        Set<UUID> teams = new LinkedHashSet<>(directory.teamsOf(personId).stream().map(TeamRef::id).toList());
        Set<String> services = new LinkedHashSet<>();
        for (RespondedIncident i : incidents) {
            if (!i.startedAt().isBefore(yearAgo) && i.service() != null) {
                services.add(i.service());
            }
        }
        long changes = deploys.count(teams, services, yearAgo, now);
        if (shiftsOnlyIfNeeded) {
            BattingAverage withoutShifts = BattingAverage.of(incidents, List.of(), changes, now);
            if (withoutShifts.changesLastYear() != null) {
                return withoutShifts;
            }
        }
        return BattingAverage.of(incidents, directory.shifts(personId, yearAgo, now), changes, now);
    }
}
