package io.aftercare.directory;

import java.util.UUID;

/** Adding people, for modules that set up an organisation (first run, demo data). */
public interface People {

    /**
     * Adds a person, their account and team memberships, all or nothing.
     *
     * @throws io.aftercare.shared.DomainException {@code Invalid} naming the fields, {@code Conflict} for a taken
     *                                             e-mail or external identity
     */
    PersonRef create(NewPerson person, UUID actorId);
}
