package io.aftercare.shared;

import java.util.List;

/**
 * A module's part of the admin's getting-started checklist: the things it needs before it is of use, each ticked
 * from what is really there (a team exists, an integration is set up), never from a "mark as done" click.
 * Implementations are Spring beans; the directory's checklist collects them all. A step looks only at
 * organisation-wide state, never at anything a person answered.
 */
public interface GettingStartedSteps {

    /** This module's steps. */
    List<Step> steps();

    /**
     * One item of the checklist.
     *
     * @param key   names its words: {@code gettingStarted.<key>} and {@code gettingStarted.<key>.hint}
     * @param order where it stands in the list (lower first)
     * @param path  the page where it is done, or {@code null} when it is done in configuration
     * @param done  whether it is done now
     */
    record Step(String key, int order, String path, boolean done) {
    }
}
