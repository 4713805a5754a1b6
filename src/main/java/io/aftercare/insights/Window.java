package io.aftercare.insights;

import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

/** The closed time a question covers: whole released calendar months, or one closed round of a poll. */
public sealed interface Window {

    /** Whole calendar months, {@code first} to {@code last} inclusive; each must be released (rule 4). */
    record Months(YearMonth first, YearMonth last) implements Window {
        public Months {
            Objects.requireNonNull(first);
            Objects.requireNonNull(last);
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("The last month is before the first");
            }
        }

        public static Months of(YearMonth month) {
            return new Months(month, month);
        }
    }

    /** One round of a poll that has closed; its answers are frozen from then on. */
    record PollRound(UUID round) implements Window {
        public PollRound {
            Objects.requireNonNull(round);
        }
    }
}
