package io.aftercare.insights.ruleset;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftercare.insights.k}: the minimum number of respondents, not counting the viewer, behind any figure shown
 * (default {@value #DEFAULT_K}); Aftercare does not start with less than {@value #MINIMUM_K}. Bound through its
 * setter rather than a constructor, so that binding never depends on the compiler keeping parameter names.
 */
@ConfigurationProperties("aftercare.insights")
public class InsightsProperties {

    static final int DEFAULT_K = 5;

    /** Below three, "2 or fewer" and "all but 2 or fewer" would cover a whole group and the rules fall apart. */
    static final int MINIMUM_K = 3;

    private int k = DEFAULT_K;

    public InsightsProperties() {
    }

    static InsightsProperties of(int k) {
        InsightsProperties properties = new InsightsProperties();
        properties.setK(k);
        return properties;
    }

    public int k() {
        return k;
    }

    public int getK() {
        return k;
    }

    public void setK(int k) {
        if (k < MINIMUM_K) {
            throw new IllegalArgumentException("aftercare.insights.k is " + k + ", but must be at least " + MINIMUM_K
                + ": with fewer people behind a figure, one person's answer can be read off it");
        }
        this.k = k;
    }
}
