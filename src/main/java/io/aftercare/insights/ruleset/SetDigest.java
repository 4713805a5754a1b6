package io.aftercare.insights.ruleset;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One released set told apart from every other by its SHA-256: of its people's ids in order, so that the same people
 * in any order give the same digest. The release log keeps it beside each set (of the people not erased since), so
 * that "the same set as one released before" is a comparison of two digests, not a reading back of its members.
 */
final class SetDigest {

    /** The key under which a transaction's digests are bound. */
    private static final Object DIGESTS = new Object();

    private SetDigest() {
    }

    /**
     * A set's digest, worked out once a transaction (by the set itself, not its contents): the sets asked about are
     * never changed once made, and a poll's forty figures, each over the round's respondents, ask about the same one,
     * which the rule set and the release log both need. Without a transaction, worked out.
     */
    static String cached(Set<UUID> set) {
        Map<Set<UUID>, String> digests = TransactionBound.get(DIGESTS, IdentityHashMap::new);
        return digests.computeIfAbsent(set, SetDigest::of);
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
