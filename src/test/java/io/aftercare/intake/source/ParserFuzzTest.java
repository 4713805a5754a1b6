package io.aftercare.intake.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * No input makes a parser throw anything but its own validation error, and what it returns is usable. In
 * {@code ./mvnw verify} each runs in regression mode over the seeds in {@code ParserFuzzTestInputs/<method>/}; run
 * {@code JAZZER_FUZZ=1} to fuzz for new inputs.
 */
class ParserFuzzTest {

    private static void onlyItsOwnError(byte[] input, Function<byte[], SourceEvent> parser,
                                        Class<? extends InvalidPayloadException> own) {
        try {
            SourceEvent event = parser.apply(input);
            assertThat(event).isNotNull();
            assertThat(event.kind()).isNotNull();
            assertThat(event.eventType()).isNotNull();
            if (event.kind() == SourceEvent.Kind.INCIDENT) {
                assertThat(event.externalId()).isNotBlank().hasSizeLessThanOrEqualTo(200);
                event.responders().forEach(r -> assertThat(r.externalId() != null || r.email() != null).isTrue());
            }
        } catch (InvalidPayloadException e) {
            assertThat(e).isInstanceOf(own);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void pagerDuty(byte[] input) {
        onlyItsOwnError(input, PagerDutyParser::parse, PagerDutyParser.Invalid.class);
    }

    @FuzzTest(maxDuration = "10s")
    void alertmanager(byte[] input) {
        onlyItsOwnError(input, b -> AlertmanagerParser.parse(b, "team"), AlertmanagerParser.Invalid.class);
    }

    @FuzzTest(maxDuration = "10s")
    void incidentIo(byte[] input) {
        onlyItsOwnError(input, IncidentIoParser::parse, IncidentIoParser.Invalid.class);
    }

    @FuzzTest(maxDuration = "10s")
    void grafanaOnCall(byte[] input) {
        onlyItsOwnError(input, GrafanaOnCallParser::parse, GrafanaOnCallParser.Invalid.class);
    }

    @FuzzTest(maxDuration = "10s")
    void opsgenie(byte[] input) {
        onlyItsOwnError(input, OpsgenieParser::parse, OpsgenieParser.Invalid.class);
    }

    @FuzzTest(maxDuration = "10s")
    void generic(byte[] input) {
        onlyItsOwnError(input, GenericEventParser::parse, GenericEventParser.Invalid.class);
    }
}
