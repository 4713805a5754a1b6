package io.aftercare.insights.ruleset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercare.insights.*}.
 *
 * @param k the minimum number of respondents, not counting the viewer, behind any figure shown (default
 *          {@value #DEFAULT_K}); Aftercare does not start with less than {@value #MINIMUM_K}
 */
@ConfigurationProperties("aftercare.insights")
public record InsightsProperties(@DefaultValue("" + InsightsProperties.DEFAULT_K) int k) {

    static final int DEFAULT_K = 5;

    /** Below three, "2 or fewer" and "all but 2 or fewer" would cover a whole group and the rules fall apart. */
    static final int MINIMUM_K = 3;

    public InsightsProperties {
        if (k < MINIMUM_K) {
            throw new IllegalArgumentException("aftercare.insights.k is " + k + ", but must be at least " + MINIMUM_K
                + ": with fewer people behind a figure, one person's answer can be read off it");
        }
    }
}
