package io.aftercare.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.AuditLog;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/admin/keys")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Master key", description = """
    The master key that wraps every person's own key (admins only). It rotates by itself every \
    aftercare.master-key-rotate-every; a job then re-wraps every person's key with the new version, and a version \
    that wraps nothing any more is destroyed after aftercare.backup-retention. No key material is ever shown.""")
class MasterKeyApiController {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyApiController.class);

    private final MasterKeyRotation rotation;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final AuditLog audit;
    private final Clock clock;

    MasterKeyApiController(MasterKeyRotation rotation, ObjectProvider<SchedulerClient> scheduler, AuditLog audit,
                           Clock clock) {
        this.rotation = rotation;
        this.scheduler = scheduler;
        this.audit = audit;
        this.clock = clock;
    }

    /** A version: its id (Tink's key id), whether new wraps use it, how many keys it wraps, when it is destroyed. */
    record VersionJson(long id, boolean primary, Instant addedAt, Instant retiredAt, long wrappedKeys,
                       Instant destroyAfter) {
    }

    record KeysJson(long primary, List<VersionJson> versions, long notYetRead, boolean fileComplete,
                    String rotateEvery, String backupRetention) {
    }

    @GetMapping
    @Operation(summary = "The master key's versions", description = """
        Every version not destroyed yet, oldest first: when it was added, when it stopped being the primary, how \
        many person keys it still wraps, and from when it will be destroyed (once it wraps none). notYetRead counts \
        keys wrapped before versions were recorded (the job reads them on its next run). fileComplete false: this \
        instance's key file lacks a version another instance added (the instances do not share one file).""")
    KeysJson keys() {
        return json(rotation.status(clock.instant()));
    }

    @PostMapping("/rotate")
    @Operation(summary = "Rotate the master key now", description = """
        Adds a new version and makes it the primary: person keys made from now on are wrapped by it, and the job \
        re-wraps the others within the hour. Answers the versions as GET does. Errors (problem details): 503 when \
        the key file cannot be written (a read-only mount, or a single mounted file rather than its directory) or \
        lacks a version another instance added.""")
    KeysJson rotate(@AuthenticationPrincipal AftercareUser me) {
        long id;
        try {
            id = rotation.rotate(clock.instant());
        } catch (IllegalStateException e) {
            log.warn("The master key could not be rotated", e);
            throw DomainException.unavailable("The master key could not be rotated: " + e.getMessage());
        }
        audit.record(me.personId(), "crypto.master-key.rotated", "master-key:" + id, null);
        try {
            MasterKeyScheduling.runSoon(scheduler.getObject(), clock);
        } catch (RuntimeException busy) {
            // the job is running right now or not scheduled yet: its next run re-wraps
        }
        return json(rotation.status(clock.instant()));
    }

    private static KeysJson json(MasterKeyRotation.Status s) {
        return new KeysJson(s.primary(), s.versions().stream().map(v -> new VersionJson(v.id(), v.primary(),
            v.addedAt(), v.retiredAt(), v.wrappedKeys(), v.destroyAfter())).toList(), s.notYetRead(), s.inFile(),
            text(s.rotateEvery()), text(s.backupRetention()));
    }

    private static String text(Duration d) {
        return d.toString();
    }
}
