package io.aftercare.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.ErrorResponseException;

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

    public static Map<String, String> of(ErrorResponseException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        Object errors = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("errors");
        if (errors instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    byField.putIfAbsent(String.valueOf(m.get("field")), String.valueOf(m.get("message")));
                }
            }
        } else {
            byField.put("form", e.getBody().getDetail());
        }
        return byField;
    }
}
