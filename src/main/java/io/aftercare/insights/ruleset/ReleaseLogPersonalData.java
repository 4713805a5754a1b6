package io.aftercare.insights.ruleset;

import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.shared.PersonalData;

/**
 * The rule set's release log as personal data: a person's own log as a viewer (which figures they were shown, no
 * one's id) is exported and deleted; their id in the sets released to others is replaced by a token (decision 0046).
 */
@Component
@Order(170)
class ReleaseLogPersonalData implements PersonalData {

    private final JdbcReleaseLog log;

    ReleaseLogPersonalData(JdbcReleaseLog log) {
        this.log = log;
    }

    @Override
    public String section() {
        return "insightsShown";
    }

    @Override
    public Object export(UUID personId) {
        return log.export(personId);
    }

    @Override
    public void erase(UUID personId) {
        log.erase(personId);
    }
}
