package io.aftercare.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SeverityTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        "SEV1, SEV1", "sev2, SEV2", "Sev 3, SEV3", "sev-4, SEV4", "SEV_5, SEV5", "severity 2, SEV2",
        "P1, SEV1", "p3, SEV3", "1, SEV1", "5, SEV5", "' 2 ', SEV2", "S2, SEV2",
        "critical, SEV1", "CRITICAL, SEV1", "emergency, SEV1", "high, SEV2", "major, SEV2", "error, SEV2",
        "medium, SEV3", "warning, SEV3", "low, SEV4", "minor, SEV4", "info, SEV5", "informational, SEV5"})
    void readsTheWaysSourcesWriteIt(String given, Severity expected) {
        assertThat(Severity.parse(given)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"SEV0", "SEV6", "P6", "0", "12", "banana", "sev", "sev 1 2", "P1x", "-1"})
    void doesNotGuess(String given) {
        assertThat(Severity.parse(given)).isEmpty();
    }
}
