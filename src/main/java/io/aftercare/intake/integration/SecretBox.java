package io.aftercare.intake.integration;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Integration secrets at rest: crypto's Tink secret box with its keyset in {@code aftercare.intake.key-file}; the
 * integration id is the associated data, so a ciphertext copied to another integration does not decrypt.
 */
@Component
class SecretBox {

    private final io.aftercare.crypto.SecretBox box;

    SecretBox(IntakeProperties properties) {
        this.box = new io.aftercare.crypto.SecretBox(Path.of(properties.keyFile()), "intake-integration");
    }

    String seal(UUID integrationId, String secret) {
        return box.seal(integrationId, secret);
    }

    String open(UUID integrationId, String sealed) {
        return box.open(integrationId, sealed);
    }
}
