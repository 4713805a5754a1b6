package io.aftercare.insights;

import java.util.List;
import java.util.Objects;

/** What a viewer may see of one question: the whole group's figure and each part's, in the question's order. */
public record Release(Figure whole, List<Figure> parts) {

    public Release {
        Objects.requireNonNull(whole);
        parts = List.copyOf(parts);
    }
}
