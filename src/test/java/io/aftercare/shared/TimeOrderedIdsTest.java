package io.aftercare.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7WithTheCurrentTime_andEachSortsAfterTheOneBefore() {
        long before = System.currentTimeMillis();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        long after = System.currentTimeMillis();

        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        // the order of the text and of the bytes (how PostgreSQL sorts uuid) is the order they were made in
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
        }
        long firstMillis = ids.get(0).getMostSignificantBits() >>> 16;
        assertThat(firstMillis).isBetween(before, after);
    }
}
