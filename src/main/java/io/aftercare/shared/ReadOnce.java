package io.aftercare.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads that several parts of one page make alike (the person's rotations, their teams, a person's record) done once
 * for that page. A page opens a scope around building its model ({@link #during}); a module's read that several
 * parts of a page ask for goes through {@link #read}, which answers from the scope when the same read was made in it
 * already. Outside a scope every read goes to the database, as before.
 *
 * <p>Only work that writes nothing runs in a scope (building a page's model): a read remembered in it would not see
 * a write made later in the same scope. The scope belongs to the thread and ends with {@link #during}, so nothing is
 * remembered from one request to the next. Decision 0061.
 */
public final class ReadOnce {

    private static final ThreadLocal<Map<List<Object>, Object>> SCOPE = new ThreadLocal<>();

    private ReadOnce() {
    }

    /** Runs {@code work} with reads made once; inside a scope already open, in that one. */
    public static <T> T during(Supplier<T> work) {
        if (SCOPE.get() != null) {
            return work.get();
        }
        SCOPE.set(new HashMap<>());
        try {
            return work.get();
        } finally {
            SCOPE.remove();
        }
    }

    /**
     * The result of {@code read}, made at most once in the open scope for the same {@code what} and {@code key}; the
     * result must not be changed by whoever gets it (an immutable list or record).
     *
     * @param what names the read, unique across modules ("directory.rotationsInvolving")
     */
    @SuppressWarnings("unchecked")
    public static <T> T read(String what, Object key, Supplier<T> read) {
        Map<List<Object>, Object> scope = SCOPE.get();
        if (scope == null) {
            return read.get();
        }
        List<Object> id = List.of(what, key);
        if (scope.containsKey(id)) {
            return (T) scope.get(id);
        }
        T value = read.get();
        scope.put(id, value);
        return value;
    }
}
