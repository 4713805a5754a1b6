package io.aftercare.care;

/**
 * Whom a person would like to reach out to them after an incident. Peer support nudges exactly the group named
 * here (teammates, or their lead) and nobody for the others.
 */
public enum Outreach {
    NOBODY, TEAMMATE, LEAD, PEER_SUPPORTER, RESOURCES
}
