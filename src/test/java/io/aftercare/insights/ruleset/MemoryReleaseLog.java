package io.aftercare.insights.ruleset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The release log in memory, for tests of the rule set without a database. */
class MemoryReleaseLog implements ReleaseLog {

    private final Map<UUID, List<Entry>> entries = new HashMap<>();

    @Override
    public void lock(UUID viewer) {
    }

    @Override
    public List<Entry> released(UUID viewer, String figure) {
        return entries.getOrDefault(viewer, List.of()).stream().filter(e -> e.figure().equals(figure)).toList();
    }

    @Override
    public void record(UUID viewer, Entry entry) {
        entries.computeIfAbsent(viewer, v -> new ArrayList<>()).add(entry);
    }

    /** Erasure as {@link JdbcReleaseLog} does it: the person's own log goes, their id elsewhere becomes a token. */
    void erase(UUID person) {
        entries.remove(person);
        UUID token = UUID.randomUUID();
        entries.replaceAll((viewer, list) -> list.stream().map(e -> {
            if (!e.people().contains(person)) {
                return e;
            }
            java.util.Set<UUID> people = new java.util.HashSet<>(e.people());
            people.remove(person);
            people.add(token);
            java.util.Set<UUID> erased = new java.util.HashSet<>(e.erased());
            erased.add(token);
            return new Entry(e.figure(), e.window(), people, erased, e.published());
        }).collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    }

    int size(UUID viewer) {
        return entries.getOrDefault(viewer, List.of()).size();
    }
}
