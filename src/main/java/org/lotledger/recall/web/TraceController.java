package org.lotledger.recall.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.lotledger.common.DomainException;
import org.lotledger.recall.RecallScope;
import org.lotledger.recall.Trace;
import org.lotledger.recall.TraceCsv;
import org.lotledger.recall.Tracing;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trace (issue 11 §1, docs/recall.md): {@code GET /api/trace?lot=} | {@code ?batchRef=} |
 * {@code ?item=&manufacturedFrom=&manufacturedTo=} (or {@code receivedFrom/To}), JSON, or CSV with
 * {@code Accept: text/csv} or {@code ?format=csv}. Reads only. Parameters are taken as text and checked here, so
 * every malformed one is 400 {@code SCOPE_INVALID} with the field, never a framework message.
 */
@RestController
public class TraceController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final int PARAM_MAX = 100;

    private final Tracing tracing;

    public TraceController(Tracing tracing) {
        this.tracing = tracing;
    }

    @GetMapping("/api/trace")
    public ResponseEntity<?> trace(
            @RequestParam(required = false) String lot,
            @RequestParam(required = false) String batchRef,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String manufacturedFrom,
            @RequestParam(required = false) String manufacturedTo,
            @RequestParam(required = false) String receivedFrom,
            @RequestParam(required = false) String receivedTo,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = csv(format, accept);
        RecallScope scope = new RecallScope(
                id("lot", lot),
                batchRef,
                id("item", item),
                date("manufacturedFrom", manufacturedFrom),
                date("manufacturedTo", manufacturedTo),
                date("receivedFrom", receivedFrom),
                date("receivedTo", receivedTo));
        scope.selector(); // SCOPE_INVALID before any read
        Trace trace = tracing.trace(scope);
        if (!csv) {
            return ResponseEntity.ok(trace);
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"trace.csv\"")
                .body(TraceCsv.of(trace));
    }

    private static Long id(String field, String value) {
        if (value == null) {
            return null;
        }
        // ASCII digits as sent, as StrictBinding reads every other id: no surrounding spaces, no full-width digits
        String v = value;
        if (v.isEmpty() || v.length() > 19 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(field, "a positive whole number");
        }
        try {
            long id = Long.parseLong(v);
            if (id <= 0) {
                throw invalid(field, "a positive whole number");
            }
            return id;
        } catch (NumberFormatException e) {
            throw invalid(field, "a positive whole number");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > PARAM_MAX) {
            throw invalid(field, "an ISO date (yyyy-mm-dd)");
        }
        try {
            LocalDate d = LocalDate.parse(value);
            if (d.getYear() < 1900 || d.getYear() > 2999) {
                throw invalid(field, "a date between 1900 and 2999");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw invalid(field, "an ISO date (yyyy-mm-dd)");
        }
    }

    private static boolean csv(String format, String accept) {
        if (format != null) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw new DomainException(
                    "INVALID_FORMAT",
                    DomainException.Kind.BAD_REQUEST,
                    "format is json or csv.",
                    Map.of("format", format.length() > PARAM_MAX ? format.substring(0, PARAM_MAX) : format));
        }
        return accept != null && accept.toLowerCase().contains("text/csv");
    }

    private static DomainException invalid(String field, String expected) {
        return new DomainException(
                "SCOPE_INVALID",
                DomainException.Kind.BAD_REQUEST,
                "The scope is not valid: " + field + " must be " + expected + ".",
                Map.of(field, expected, "fields", List.of(field)));
    }
}
