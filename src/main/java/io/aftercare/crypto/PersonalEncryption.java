package io.aftercare.crypto;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Encryption of personal-sensitive data with the person's own key (envelope encryption: a Tink AEAD keyset per
 * person, stored wrapped by the master key). Nobody can read the ciphertext without both the database and the
 * master key file; once {@code destroyKey} ran, nobody can read it at all, not even from old backups of
 * the database alone.
 *
 * <p>{@code associatedData} binds a ciphertext to its place (for example {@code “care.note:<id>”}): a ciphertext
 * copied into another row does not decrypt there.
 */
public interface PersonalEncryption {

    /** Encrypts with the person's key, creating the key on first use. */
    byte[] encrypt(UUID personId, byte[] plaintext, byte[] associatedData);

    /**
     * @throws KeyDestroyedException when the person's key was destroyed
     * @throws IllegalStateException when the ciphertext is not valid for this person and associated data
     */
    byte[] decrypt(UUID personId, byte[] ciphertext, byte[] associatedData);

    /**
     * Destroys the person's key (crypto-shredding): everything encrypted with it becomes unreadable for good, and
     * the master key is rotated so that database backups taken before cannot unwrap it either once
     * {@code aftercare.backup-retention} has passed.
     */
    void destroyKey(UUID personId);

    default byte[] encryptText(UUID personId, String plaintext, String associatedData) {
        return encrypt(personId, plaintext.getBytes(StandardCharsets.UTF_8),
            associatedData.getBytes(StandardCharsets.UTF_8));
    }

    default String decryptText(UUID personId, byte[] ciphertext, String associatedData) {
        return new String(decrypt(personId, ciphertext, associatedData.getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
    }
}
