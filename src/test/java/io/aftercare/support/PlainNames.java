package io.aftercare.support;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names for test people, teams and e-mail addresses that read like real ones on a page and in a screenshot
 * ("Payments", "Payments 2", "lena.payments@support.test") and are still unique among all the tests that share one
 * JVM, and so one database: the first use of a name is the name itself, later ones count on. Never a UUID, which
 * nobody at 2 a.m. should have to read.
 */
public final class PlainNames {

    private static final Map<String, AtomicInteger> USED = new ConcurrentHashMap<>();

    private PlainNames() {
    }

    /** {@code name} the first time it is asked for, then "name 2", "name 3"... */
    public static String unique(String name) {
        int n = next("name:" + name.toLowerCase(Locale.ROOT));
        return n == 1 ? name : name + " " + n;
    }

    /** An address made of the name: "lena.payments@support.test", then "lena.payments.2@support.test"... */
    public static String email(String name, String domain) {
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        int n = next("email:" + local + "@" + domain);
        return local + (n == 1 ? "" : "." + n) + "@" + domain;
    }

    /** {@link #unique} for a team, passing over a name that a team in this database already has. */
    public static String team(org.springframework.jdbc.core.simple.JdbcClient jdbc, String name) {
        String candidate = unique(name);
        while (jdbc.sql("SELECT COUNT(*) FROM team WHERE name_normalized = ?")
            .param(candidate.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0) {
            candidate = unique(name);
        }
        return candidate;
    }

    private static int next(String key) {
        return USED.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
