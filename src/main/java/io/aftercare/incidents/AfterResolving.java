package io.aftercare.incidents;

import java.util.Optional;

/**
 * What the person who resolves an incident is told will happen next for its responders ("they will each get a
 * private check-in in about 2 hours"). Care provides it, so that incidents need not know care's rules. The words
 * depend only on the incident and the programme's rules, never on anything a person did or answered: they are the
 * same whoever is in the incident and however they later answer.
 */
public interface AfterResolving {

    /** The words for the resolver, or empty when there is nothing to say. */
    Optional<String> describe(IncidentView incident);
}
