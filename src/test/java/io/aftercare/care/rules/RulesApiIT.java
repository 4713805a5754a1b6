package io.aftercare.care.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures;
import io.aftercare.support.AftercareIT;

/** "Programme → Trigger rules" through the API: coordinators and admins read and replace them; fields are checked. */
@AftercareIT
class RulesApiIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    ProgrammeRules rules;

    @AfterEach
    void backToTheDefaults() {
        rules.update(TriggerRules.DEFAULTS, null);
    }

    @Test
    void aCoordinatorReplacesTheRulesAndEveryInvalidFieldIsNamed() {
        var coordinator = SupportFixtures.person(people, "Rule Keeper", null, Role.COORDINATOR).api(port);
        var lead = SupportFixtures.person(people, "Lee Lead", null, Role.LEAD).api(port);

        Map<String, Object> body = new HashMap<>(Map.of("severityOn", true, "maxSeverity", 2, "durationOn", false,
            "minDurationMinutes", 90, "sleepOn", true, "sleepStart", "23:00", "sleepEnd", "07:00", "commanderOn", false));
        var saved = coordinator.put("/api/v1/programme/rules", body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(rules.current().maxSeverity()).isEqualTo(2);
        assertThat(rules.current().durationOn()).isFalse();
        var read = coordinator.get("/api/v1/programme/rules");
        assertThat((String) read.json("$.sleepStart")).isEqualTo("23:00");
        assertThat((Boolean) read.json("$.commanderOn")).isFalse();

        body.put("maxSeverity", 0);
        body.put("sleepEnd", "seven");
        body.remove("durationOn");
        var invalid = coordinator.put("/api/v1/programme/rules", body);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat((List<String>) invalid.json("$.errors[*].field"))
            .containsExactlyInAnyOrder("maxSeverity", "sleepEnd", "durationOn");
        assertThat(rules.current().maxSeverity()).isEqualTo(2);

        assertThat(lead.get("/api/v1/programme/rules").status()).isEqualTo(403);
        assertThat(lead.put("/api/v1/programme/rules", body).status()).isEqualTo(403);
    }
}
