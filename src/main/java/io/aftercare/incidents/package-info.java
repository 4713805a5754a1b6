/**
 * Incidents: what happened in production, who responded and in which role, and a timeline of it; recorded by
 * hand or from an alerting tool, and announced to other modules when opened and resolved.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package io.aftercare.incidents;
