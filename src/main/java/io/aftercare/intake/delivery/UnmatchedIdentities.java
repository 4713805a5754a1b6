package io.aftercare.intake.delivery;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.directory.Directory;
import io.aftercare.identity.AuditLog;
import io.aftercare.incidents.Incidents;
import io.aftercare.incidents.NewResponder;
import io.aftercare.shared.DomainException;

/** People the sources named whom the directory did not know, and mapping them to people afterwards. */
@Service
public class UnmatchedIdentities {

    static final int LIMIT = 500;

    private final UnmatchedRepository repository;
    private final Incidents incidents;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    UnmatchedIdentities(UnmatchedRepository repository, Incidents incidents, Directory directory, AuditLog audit,
                        Clock clock) {
        this.repository = repository;
        this.incidents = incidents;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UnmatchedIdentity> list(boolean unmappedOnly) {
        return repository.list(unmappedOnly, LIMIT);
    }

    /**
     * Says who the identity is: from now on deliveries naming it add that person, and every incident it was already
     * named in gets the person as a responder, with the role and time the source gave.
     *
     * @return the number of incidents the person was added to
     */
    @Transactional
    public int map(UUID identityId, UUID personId, UUID actorId) {
        UnmatchedIdentity identity = repository.find(identityId)
            .orElseThrow(() -> DomainException.notFound("The unmatched identity"));
        if (personId == null || directory.person(personId).isEmpty()) {
            throw DomainException.invalid("personId", "is not a person in the directory");
        }
        repository.map(identityId, personId, clock.instant());
        int added = 0;
        for (UnmatchedRepository.Occurrence o : repository.occurrences(identityId)) {
            if (incidents.find(o.incidentId()).isPresent()) {
                incidents.addResponder(o.incidentId(), new NewResponder(personId, null, o.role(), o.joinedAt()),
                    actorId);
                added++;
            }
        }
        audit.record(actorId, "intake.identity.mapped", identityId.toString(),
            identity.provider() + " identity mapped to person " + personId + " in " + added + " incidents");
        return added;
    }
}
