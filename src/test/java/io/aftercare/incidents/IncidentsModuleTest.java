package io.aftercare.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import io.aftercare.AftercareApplication;

/** The incidents module keeps to its boundaries: it uses only other modules' APIs, and none of them reach in. */
class IncidentsModuleTest {

    @Test
    void usesOnlyOtherModulesApis_andNobodyReachesIntoIt() {
        ApplicationModules modules = ApplicationModules.of(AftercareApplication.class);
        assertThat(modules.getModuleByName("incidents")).isPresent();
        assertThat(modules.detectViolations().getMessages())
            .filteredOn(message -> message.contains("io.aftercare.incidents"))
            .isEmpty();
    }
}
