package io.aftercare.insights.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Rules 2 and 3 as written, over the sizes of a whole's parts (the viewer not counted). */
final class Suppression {

    private Suppression() {
    }

    /**
     * Which parts are open: a part needs k people and a remainder within the whole of k or none (rule 2); when any
     * part is hidden, the next-smallest open ones are hidden too until the hidden ones together reach k (rule 3).
     */
    static List<Boolean> open(List<Integer> sizes, int k, int whole) {
        List<Boolean> open = new ArrayList<>();
        for (int size : sizes) {
            int remainder = whole - size;
            open.add(size >= k && (remainder == 0 || remainder >= k));
        }
        int hidden = IntStream.range(0, sizes.size()).filter(i -> !open.get(i)).map(sizes::get).sum();
        boolean anyHidden = open.contains(false);
        List<Integer> bySize = IntStream.range(0, sizes.size()).boxed()
            .sorted(Comparator.comparing(sizes::get)).toList();
        for (int i : bySize) {
            if (!anyHidden || hidden >= k) {
                break;
            }
            if (open.get(i)) {
                open.set(i, false);
                hidden += sizes.get(i);
            }
        }
        return open;
    }
}
