package org.lotledger.gs1;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotledger.common.DomainException;

/**
 * Thrown by {@link Gs1ParseResult#orElseThrow()} for callers that prefer an exception to inspecting the result;
 * a {@link DomainException} so the platform maps it to a 422 problem detail listing every error.
 */
public class Gs1ParseException extends DomainException {

    public static final String CODE = "INVALID_GS1_BARCODE";

    private final transient List<Gs1Error> errors;

    public Gs1ParseException(List<Gs1Error> errors) {
        super(CODE, Kind.UNPROCESSABLE, summary(errors), Map.of("errors", details(errors)));
        this.errors = List.copyOf(errors);
    }

    public List<Gs1Error> errors() {
        return errors;
    }

    private static String summary(List<Gs1Error> errors) {
        if (errors.isEmpty()) {
            return "The barcode could not be read";
        }
        String first = errors.get(0).message();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
    }

    private static List<Map<String, Object>> details(List<Gs1Error> errors) {
        return errors.stream()
                .map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", e.code().name());
                    m.put("position", e.position());
                    if (e.ai() != null) {
                        m.put("ai", e.ai());
                    }
                    m.put("message", e.message());
                    return m;
                })
                .toList();
    }
}
