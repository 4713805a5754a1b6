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

    int size(UUID viewer) {
        return entries.getOrDefault(viewer, List.of()).size();
    }
}
