package io.aftercare.identity;

import java.util.Set;
import java.util.UUID;

/**
 * Adds a person who signed in through the company's identity provider and was not in Aftercare yet (when
 * {@code aftercare.sso.provisioning} allows it). The directory implements it: a person and their account come into
 * being together, so identity asks rather than writing people itself.
 */
public interface NewcomerDirectory {

    /**
     * Adds the person with their account (no password) and these roles, all or nothing.
     *
     * @param name     their name as the provider gives it (the e-mail when it gives none)
     * @param timeZone an IANA zone the provider gives, or {@code null} for UTC
     * @return their id
     */
    UUID add(String name, String email, String timeZone, Set<Role> roles);
}
