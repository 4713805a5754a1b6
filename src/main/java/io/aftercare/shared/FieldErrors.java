package io.aftercare.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/** The field errors of a problem, by field, for showing next to each input of a form ("form" for the rest). */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** Each invalid field's first message; any other refusal is one message for the whole form. */
    public static Map<String, String> of(DomainException e) {
        if (e instanceof DomainException.Invalid invalid) {
            return invalid.byField();
        }
        Map<String, String> byField = new LinkedHashMap<>();
        byField.put("form", e.getMessage());
        return byField;
    }
}
