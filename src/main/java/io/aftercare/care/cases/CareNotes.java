package io.aftercare.care.cases;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.crypto.KeyDestroyedException;
import io.aftercare.crypto.PersonalEncryption;

/**
 * The free-text note of an answer, encrypted under its person's own key and bound to its step: once the person's
 * key is destroyed (erasure), the note reads as nothing.
 */
@Component
class CareNotes {

    private final PersonalEncryption encryption;

    CareNotes(PersonalEncryption encryption) {
        this.encryption = encryption;
    }

    byte[] seal(UUID personId, UUID stepId, String note) {
        return note == null ? null : encryption.encryptText(personId, note, context(stepId));
    }

    String open(UUID personId, UUID stepId, byte[] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return encryption.decryptText(personId, ciphertext, context(stepId));
        } catch (KeyDestroyedException e) {
            return null;
        }
    }

    private static String context(UUID stepId) {
        return "care.note:" + stepId;
    }
}
