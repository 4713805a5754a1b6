package io.aftercare.care.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aftercare.care.CareCases;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.incidents.IncidentResolved;
import io.aftercare.incidents.IncidentsResolved;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;

/** How the listener hands care a transaction's resolved incidents: together, and one by one only when that fails. */
class IncidentResolvedListenerTest {

    /** Care as the listener sees it: records what it was asked, and cannot take the incidents it is told to refuse. */
    static final class RecordingCare implements CareCases {
        final Set<UUID> refused;
        final List<List<UUID>> batches = new ArrayList<>();
        final List<UUID> alone = new ArrayList<>();

        RecordingCare(Set<UUID> refused) {
            this.refused = refused;
        }

        @Override
        public List<UUID> incidentsResolved(List<ResolvedIncident> incidents) {
            batches.add(incidents.stream().map(ResolvedIncident::incidentId).toList());
            if (incidents.stream().anyMatch(i -> refused.contains(i.incidentId()))) {
                throw new IllegalStateException("cannot take one of them");
            }
            return List.of();
        }

        @Override
        public List<UUID> incidentResolved(ResolvedIncident incident) {
            alone.add(incident.incidentId());
            if (refused.contains(incident.incidentId())) {
                throw new IllegalStateException("cannot take " + incident.incidentId());
            }
            return List.of();
        }

        @Override
        public boolean hasOptedOut(UUID personId) {
            return false;
        }

        @Override
        public boolean hasOpenCaseSince(UUID personId, java.time.Instant since) {
            return false;
        }

        @Override
        public boolean isOwnCase(UUID personId, UUID caseId) {
            return false;
        }

        @Override
        public URI answerLink(UUID stepId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UUID openForSelf(UUID personId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void answerStress(UUID personId, UUID stepId, int stress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void notNow(UUID personId, UUID stepId) {
            throw new UnsupportedOperationException();
        }
    }

    static IncidentResolved incident(UUID id) {
        Instant start = Instant.parse("2026-11-30T02:00:00Z");
        return new IncidentResolved(id, "Checkout down", Severity.SEV2, null, start, null, start.plusSeconds(3600),
            List.of(new IncidentResolved.Responder(UUID.randomUUID(), ResponderRole.COMMANDER, start)));
    }

    @Test
    void givenSeveralIncidents_thenCareTakesThemInOneCall() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        RecordingCare care = new RecordingCare(Set.of());

        new IncidentResolvedListener(care).on(new IncidentsResolved(List.of(incident(a), incident(b))));

        assertThat(care.batches).containsExactly(List.of(a, b));
        assertThat(care.alone).isEmpty();
    }

    @Test
    void givenOneIncidentCareCannotTake_thenTheOthersStillGetTheirCases_andTheFailureLeavesThePublicationOpen() {
        UUID a = UUID.randomUUID();
        UUID bad = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        RecordingCare care = new RecordingCare(Set.of(bad));

        assertThatThrownBy(() -> new IncidentResolvedListener(care)
            .on(new IncidentsResolved(List.of(incident(a), incident(bad), incident(c)))))
            .hasMessageContaining(bad.toString());

        assertThat(care.alone).containsExactly(a, bad, c);
    }
}
