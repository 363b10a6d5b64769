package org.lotledger.recall;

import java.util.ArrayList;
import java.util.List;

/**
 * The trace as RFC 4180 CSV (CRLF, quoted where needed): one row per event, sorted by date, lot, posting; the FSMA
 * 204 shipping and receiving key data elements (docs/recall.md "CSV").
 */
public final class TraceCsv {

    public static final List<String> HEADER = List.of(
            "event_date",
            "event",
            "traceability_lot_code",
            "internal_label",
            "lot_id",
            "product_sku",
            "product_description",
            "quantity",
            "unit_of_measure",
            "from_location",
            "to_location",
            "reference_document_type",
            "reference_document_number",
            "posting_id");

    private TraceCsv() {}

    public static String of(Trace trace) {
        StringBuilder sb = new StringBuilder();
        line(sb, new ArrayList<>(HEADER));
        for (Trace.Event e : trace.events()) {
            line(
                    sb,
                    List.of(
                            e.occurredAt(),
                            e.event(),
                            e.lotNumber(),
                            e.internalLabel(),
                            e.lotId(),
                            e.sku(),
                            e.product(),
                            e.quantity(),
                            e.unit(),
                            nz(e.fromLocation()),
                            nz(e.toLocation()),
                            nz(e.referenceDocumentType()),
                            nz(e.referenceDocumentNumber()),
                            e.postingId()));
        }
        return sb.toString();
    }

    private static Object nz(Object o) {
        return o == null ? "" : o;
    }

    private static void line(StringBuilder sb, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String s = String.valueOf(fields.get(i));
            // a leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection)
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(fields.get(i) instanceof Number)) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            sb.append(s);
        }
        sb.append("\r\n");
    }
}
