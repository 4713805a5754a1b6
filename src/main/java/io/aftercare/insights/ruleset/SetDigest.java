package io.aftercare.insights.ruleset;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One released set told apart from every other by its SHA-256: of its people's ids in order, so that the same people
 * in any order give the same digest. The release log keeps it beside each set (of the people not erased since), so
 * that "the same set as one released before" is a comparison of two digests, not a reading back of its members.
 */
final class SetDigest {

    private SetDigest() {
    }

    static String of(Collection<UUID> people) {
        UUID[] sorted = people.toArray(UUID[]::new);
        java.util.Arrays.sort(sorted);
        ByteBuffer bytes = ByteBuffer.allocate(16 * sorted.length);
        for (UUID id : sorted) {
            bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
