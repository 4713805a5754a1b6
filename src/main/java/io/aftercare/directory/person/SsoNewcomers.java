package io.aftercare.directory.person;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.directory.NewPerson;
import io.aftercare.identity.NewcomerDirectory;
import io.aftercare.identity.Role;

/** People the identity provider signs in for the first time, added as an admin would add them (by Aftercare). */
@Component
class SsoNewcomers implements NewcomerDirectory {

    private final PersonService people;

    SsoNewcomers(PersonService people) {
        this.people = people;
    }

    @Override
    public UUID add(String name, String email, String timeZone, Set<Role> roles) {
        return people.create(NewPerson.of(name, email, zone(timeZone), roles, null), null).id();
    }

    private static String zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return "UTC";
        }
        try {
            return ZoneId.of(timeZone.trim()).getId();
        } catch (DateTimeException e) {
            return "UTC";
        }
    }
}
