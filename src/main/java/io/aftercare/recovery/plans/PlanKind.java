package io.aftercare.recovery.plans;

/** What a person means to do on their next shift; with someone for {@link #SHADOW} and {@link #PAIR} (optional). */
public enum PlanKind {
    SHADOW, PAIR, SWAP, AS_NORMAL;

    boolean withSomeone() {
        return this == SHADOW || this == PAIR;
    }
}
