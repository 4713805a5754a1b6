package io.aftercare.directory.setup;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.SetupCompleted;
import io.aftercare.directory.person.PersonService;
import io.aftercare.identity.Accounts;
import io.aftercare.identity.Role;

/** Creates the first admin on an empty Aftercare, from the first-run screen or from configuration. */
@Service
class SetupService {

    static final EnumSet<Role> ADMIN_ROLES = EnumSet.of(Role.RESPONDER, Role.ADMIN, Role.COORDINATOR);

    private final PersonService people;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    SetupService(PersonService people, Accounts accounts, ApplicationEventPublisher events) {
        this.people = people;
        this.accounts = accounts;
        this.events = events;
    }

    boolean needed() {
        return !accounts.anyExists();
    }

    /** Creates the admin unless an account exists already (then empty: two tabs cannot both win). */
    @Transactional
    synchronized Optional<PersonRef> createAdmin(String name, String email, String timeZone, String password,
                                                 boolean loadDemo) {
        if (!needed()) {
            return Optional.empty();
        }
        PersonRef admin = people.create(new NewPerson(name, email, timeZone, null, null, null, Map.of(), null,
            ADMIN_ROLES, java.util.List.of(), password), null);
        events.publishEvent(new SetupCompleted(admin.id(), loadDemo));
        return Optional.of(admin);
    }
}
