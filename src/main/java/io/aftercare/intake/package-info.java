/**
 * Intake: incidents arrive from alerting tools (PagerDuty, Opsgenie, Alertmanager, incident.io, Grafana OnCall) and
 * from a generic events API, authenticated over the raw body, deduplicated, logged, and recorded through the
 * incidents module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package io.aftercare.intake;
