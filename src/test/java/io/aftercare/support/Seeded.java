package io.aftercare.support;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import org.quicktheories.QuickTheory;

/**
 * Seeded, reproducible generation for property tests (see docs/testing.md). Every run uses one seed: a fixed one by
 * default, so that CI and every machine try the same cases; {@code -Daftercare.seed=N} tries others or repeats a
 * failure, {@code -Daftercare.seed=random} picks one. A failure names the seed it ran with.
 */
public final class Seeded {

    /** The seed every run uses unless {@value #PROPERTY} says otherwise. */
    public static final long DEFAULT_SEED = 20_261_204L;

    public static final String PROPERTY = "aftercare.seed";

    private static final long RANDOM_SEED = ThreadLocalRandom.current().nextLong();

    private Seeded() {
    }

    /** This run's seed. */
    public static long seed() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_SEED;
        }
        if (value.strip().equalsIgnoreCase("random")) {
            return RANDOM_SEED;
        }
        return Long.parseLong(value.strip());
    }

    /**
     * QuickTheories with this run's seed, trying {@code examples} cases. A falsified property is shrunk to its
     * smallest case and reported with "Seed was N".
     */
    public static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(seed()).withExamples(examples);
    }

    /**
     * For properties that need state of their own: runs {@code body} {@code tries} times, each time with a generator
     * split off one seeded from this run's seed. A failure names the try and the seed to repeat it with.
     */
    public static void tries(int tries, Consumer<RandomGenerator> body) {
        long seed = seed();
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 1; i <= tries; i++) {
            RandomGenerator random = root.split();
            try {
                body.accept(random);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Falsified on try " + i + " of " + tries + " with seed " + seed
                    + " (repeat it with -D" + PROPERTY + "=" + seed + "): " + e.getMessage(), e);
            }
        }
    }
}
