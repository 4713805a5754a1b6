package io.aftercare.insights.ruleset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The release log in memory, for tests of the rule set without a database. */
class MemoryReleaseLog implements ReleaseLog {

    /** Each viewer's releases, by a key of their own. */
    private final Map<UUID, Map<UUID, Entry>> entries = new HashMap<>();

    @Override
    public void lock(UUID viewer) {
    }

    @Override
    public List<Summary> released(UUID viewer, String figure) {
        List<Summary> released = new ArrayList<>();
        entries.getOrDefault(viewer, Map.of()).forEach((key, e) -> {
            if (e.figure().equals(figure)) {
                released.add(new Summary(e.figure(), e.window(), e.people().size(), !e.erased().isEmpty(),
                    SetDigest.of(e.remaining()), e.published(), key));
            }
        });
        return released;
    }

    @Override
    public boolean shareAnyone(UUID viewer, List<Summary> earlier, Set<UUID> set) {
        Map<UUID, Entry> mine = entries.getOrDefault(viewer, Map.of());
        return earlier.stream().anyMatch(s -> !Collections.disjoint(mine.get(s.members()).people(), set));
    }

    @Override
    public void record(UUID viewer, Entry entry) {
        entries.computeIfAbsent(viewer, v -> new LinkedHashMap<>()).put(UUID.randomUUID(), entry);
    }

    /** Erasure as {@link JdbcReleaseLog} does it: the person's own log goes, their id elsewhere becomes a token. */
    void erase(UUID person) {
        entries.remove(person);
        UUID token = UUID.randomUUID();
        entries.values().forEach(mine -> mine.replaceAll((key, e) -> {
            if (!e.people().contains(person)) {
                return e;
            }
            Set<UUID> people = new HashSet<>(e.people());
            people.remove(person);
            people.add(token);
            Set<UUID> erased = new HashSet<>(e.erased());
            erased.add(token);
            return new Entry(e.figure(), e.window(), people, erased, e.published());
        }));
    }

    int size(UUID viewer) {
        return entries.getOrDefault(viewer, Map.of()).size();
    }
}
