package io.aftercare.care;

/** Whom a person would like to reach out to them after an incident. */
public enum Outreach {
    NOBODY, TEAMMATE, PEER_SUPPORTER, RESOURCES
}
