package io.aftercare.crypto;

import java.util.UUID;

/** The person's key was destroyed (their data was erased): what it encrypted can never be read again. */
public class KeyDestroyedException extends RuntimeException {

    public KeyDestroyedException(UUID personId) {
        super("The key of person " + personId + " was destroyed");
    }
}
