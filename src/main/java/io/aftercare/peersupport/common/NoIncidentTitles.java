package io.aftercare.peersupport.common;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Until the incidents module is merged: no titles, so texts say "an incident". */
@Component
class NoIncidentTitles implements IncidentTitles {

    @Override
    public Optional<String> title(UUID incidentId) {
        return Optional.empty();
    }
}
