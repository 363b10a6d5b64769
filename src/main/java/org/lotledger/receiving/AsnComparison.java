package org.lotledger.receiving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the supplier announced (ASN lines) against what the dock physically received (receipt lines not reversed),
 * per purchase-order line and lot number. Pure: the service stores the result as {@code receipt_discrepancy} rows.
 * <ul>
 *   <li>NOT_ARRIVED: an announced lot of which nothing was received;</li>
 *   <li>QUANTITY: a lot received in another quantity than announced (base units);</li>
 *   <li>EXPIRY: a lot received with another expiry than announced;</li>
 *   <li>LOT: a lot received that the ASN does not name, on a PO line for which it announced other lots;</li>
 *   <li>NOT_ANNOUNCED: a lot received on a PO line the ASN does not mention at all.</li>
 * </ul>
 */
public final class AsnComparison {

    public enum Type {
        QUANTITY,
        LOT,
        EXPIRY,
        NOT_ARRIVED,
        NOT_ANNOUNCED
    }

    /** @param lotNumber already normalised the way receiving normalises lot labels */
    public record Announced(
            long asnLineId, long purchaseOrderLineId, String lotNumber, LocalDate expiresOn, long baseQuantity) {}

    public record Received(long purchaseOrderLineId, String lotNumber, LocalDate expiresOn, long baseQuantity) {}

    public record Discrepancy(
            Type type, long purchaseOrderLineId, Long asnLineId, String lotNumber, String expected, String actual) {}

    private record Key(long poLineId, String lot) {
        static Key of(long poLineId, String lot) {
            return new Key(poLineId, lot == null ? "" : lot.strip().toUpperCase(Locale.ROOT));
        }
    }

    private AsnComparison() {}

    public static List<Discrepancy> compare(List<Announced> announced, List<Received> received) {
        Map<Key, List<Announced>> asn = announced.stream()
                .collect(Collectors.groupingBy(
                        a -> Key.of(a.purchaseOrderLineId(), a.lotNumber()), LinkedHashMap::new, Collectors.toList()));
        Map<Key, List<Received>> dock = received.stream()
                .collect(Collectors.groupingBy(
                        r -> Key.of(r.purchaseOrderLineId(), r.lotNumber()), LinkedHashMap::new, Collectors.toList()));
        List<Discrepancy> out = new ArrayList<>();
        asn.forEach((key, lines) -> {
            Announced first = lines.get(0);
            long expected = lines.stream().mapToLong(Announced::baseQuantity).sum();
            List<Received> got = dock.get(key);
            if (got == null) {
                out.add(new Discrepancy(
                        Type.NOT_ARRIVED,
                        key.poLineId(),
                        first.asnLineId(),
                        first.lotNumber(),
                        Long.toString(expected),
                        "0"));
                return;
            }
            long actual = got.stream().mapToLong(Received::baseQuantity).sum();
            if (actual != expected) {
                out.add(new Discrepancy(
                        Type.QUANTITY,
                        key.poLineId(),
                        first.asnLineId(),
                        first.lotNumber(),
                        Long.toString(expected),
                        Long.toString(actual)));
            }
            LocalDate receivedExpiry = got.get(0).expiresOn();
            if (!Objects.equals(first.expiresOn(), receivedExpiry)) {
                out.add(new Discrepancy(
                        Type.EXPIRY,
                        key.poLineId(),
                        first.asnLineId(),
                        first.lotNumber(),
                        String.valueOf(first.expiresOn()),
                        String.valueOf(receivedExpiry)));
            }
        });
        dock.forEach((key, lines) -> {
            if (asn.containsKey(key)) {
                return;
            }
            Received first = lines.get(0);
            long actual = lines.stream().mapToLong(Received::baseQuantity).sum();
            List<String> otherLots = announced.stream()
                    .filter(a -> a.purchaseOrderLineId() == key.poLineId())
                    .map(Announced::lotNumber)
                    .distinct()
                    .toList();
            if (otherLots.isEmpty()) {
                out.add(new Discrepancy(
                        Type.NOT_ANNOUNCED, key.poLineId(), null, first.lotNumber(), "0", Long.toString(actual)));
            } else {
                out.add(new Discrepancy(
                        Type.LOT,
                        key.poLineId(),
                        null,
                        first.lotNumber(),
                        abbreviate(String.join(", ", otherLots)),
                        first.lotNumber()));
            }
        });
        return out;
    }

    /**
     * How a lot just received disagrees with the receipt's ASN, as far as can be told while the receipt is open (the
     * inspection decision weighs it as {@code asnMismatch}): NOT_ANNOUNCED when the ASN does not mention the PO line,
     * LOT when it announced other lots for it, EXPIRY when the label's expiry is not the announced one, QUANTITY when
     * the receipt's standing lines of the lot (this one included) exceed the announced quantity. A lot received short
     * is not a mismatch yet — the rest may come on a later line — and is reported at close like every difference.
     *
     * @param standing the receipt's standing lines, the one just received included
     * @param received the line just received
     */
    public static Optional<Type> mismatchAtReceipt(
            List<Announced> announced, List<Received> standing, Received received) {
        Key key = Key.of(received.purchaseOrderLineId(), received.lotNumber());
        List<Announced> forLine = announced.stream()
                .filter(a -> a.purchaseOrderLineId() == received.purchaseOrderLineId())
                .toList();
        if (forLine.isEmpty()) {
            return Optional.of(Type.NOT_ANNOUNCED);
        }
        List<Announced> forLot = forLine.stream()
                .filter(a -> Key.of(a.purchaseOrderLineId(), a.lotNumber()).equals(key))
                .toList();
        if (forLot.isEmpty()) {
            return Optional.of(Type.LOT);
        }
        if (!Objects.equals(forLot.get(0).expiresOn(), received.expiresOn())) {
            return Optional.of(Type.EXPIRY);
        }
        long expected = forLot.stream().mapToLong(Announced::baseQuantity).sum();
        long soFar = standing.stream()
                .filter(r -> Key.of(r.purchaseOrderLineId(), r.lotNumber()).equals(key))
                .mapToLong(Received::baseQuantity)
                .sum();
        return soFar > expected ? Optional.of(Type.QUANTITY) : Optional.empty();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
