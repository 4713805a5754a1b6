package io.aftercare.intake.delivery;

import java.util.function.Function;

import io.aftercare.intake.integration.Integration;
import io.aftercare.intake.source.AlertmanagerParser;
import io.aftercare.intake.source.GenericEventParser;
import io.aftercare.intake.source.GrafanaOnCallParser;
import io.aftercare.intake.source.IncidentIoParser;
import io.aftercare.intake.source.OpsgenieParser;
import io.aftercare.intake.source.PagerDutyParser;
import io.aftercare.intake.source.SourceEvent;

/** The parser for an integration's payloads: when a delivery arrives, and again when its stored row is applied. */
final class Parsers {

    private Parsers() {
    }

    static Function<byte[], SourceEvent> of(Integration i) {
        return switch (i.type()) {
            case PAGERDUTY -> PagerDutyParser::parse;
            case INCIDENTIO -> IncidentIoParser::parse;
            case ALERTMANAGER -> b -> AlertmanagerParser.parse(b, i.teamLabel());
            case GRAFANA_ONCALL -> GrafanaOnCallParser::parse;
            case OPSGENIE -> OpsgenieParser::parse;
            case GENERIC -> GenericEventParser::parse;
        };
    }
}
