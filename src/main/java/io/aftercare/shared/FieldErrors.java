package io.aftercare.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.ErrorResponseException;

/** The field errors of a problem, by field, for showing next to each input of a form ("form" for the rest). */
public final class FieldErrors {

    private FieldErrors() {
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
