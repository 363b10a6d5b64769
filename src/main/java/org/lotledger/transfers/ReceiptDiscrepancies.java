package org.lotledger.transfers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a transfer's receipt found different from what left, per lot, as a pure function of the shipped lot rows and
 * the receipt's scans (table-tested in {@code ReceiptDiscrepanciesTest}). The receipt posts at most what is still in
 * transit of a lot and sets the rest aside, so a lot is either short or over, never both:
 *
 * <ul>
 *   <li>SHORT: per line and lot, shipped − received, where no other lot of the line's item arrived instead;</li>
 *   <li>WRONG_LOT: a lot that did not leave with the transfer (set aside, NOT_SHIPPED) against a short lot of the same
 *       line: {@code lotId} the expected lot, {@code receivedLotId} the one that arrived, the quantity the smaller of
 *       the two; what is left of either is SHORT or OVER;</li>
 *   <li>OVER: per lot, what was set aside above what was shipped (ABOVE_SHIPPED), or of a lot that did not leave and
 *       no short lot of its line explains (expected 0);</li>
 *   <li>DAMAGED: per line and lot, what was received in condition DAMAGED (it landed in QUARANTINE);</li>
 *   <li>TEMPERATURE_EXCURSION: per line and lot, what was received in GOOD condition with an out-of-range cold-chain
 *       reading (damaged units with an excursion count once, as DAMAGED: quality decides on both alike).</li>
 * </ul>
 */
final class ReceiptDiscrepancies {

    private ReceiptDiscrepancies() {}

    record Shipped(long id, long lineId, long lotId, long shipped, long received) {}

    /**
     * @param outcome RECEIVED or SET_ASIDE
     * @param reason  SET_ASIDE: ABOVE_SHIPPED or NOT_SHIPPED
     */
    record Scan(
            long id,
            long lineId,
            long lotId,
            long quantity,
            String outcome,
            String reason,
            boolean damaged,
            boolean excursion) {}

    record Found(
            DiscrepancyType type,
            long lineId,
            long lotId,
            Long receivedLotId,
            long expected,
            long actual,
            long quantity,
            List<Long> scanIds) {}

    private record LineLot(long lineId, long lotId) {}

    static List<Found> of(List<Shipped> shipped, List<Scan> scans) {
        Map<LineLot, long[]> byLineLot = new LinkedHashMap<>(); // shipped, received
        Map<Long, long[]> byLot = new LinkedHashMap<>();
        for (Shipped s : shipped) {
            byLineLot.computeIfAbsent(new LineLot(s.lineId(), s.lotId()), k -> new long[2])[0] += s.shipped();
            byLineLot.get(new LineLot(s.lineId(), s.lotId()))[1] += s.received();
            long[] lot = byLot.computeIfAbsent(s.lotId(), k -> new long[2]);
            lot[0] += s.shipped();
            lot[1] += s.received();
        }
        List<Found> found = new ArrayList<>();
        // lots that did not leave, per line: what may explain a short lot of that line
        Map<Long, Map<Long, long[]>> wrongByLine = new LinkedHashMap<>(); // line -> lot -> {left}
        Map<Long, Long> overOfShipped = new LinkedHashMap<>();
        Map<Long, Long> overLine = new LinkedHashMap<>();
        for (Scan s : scans) {
            if (!"SET_ASIDE".equals(s.outcome())) {
                continue;
            }
            if (byLot.containsKey(s.lotId())) {
                overOfShipped.merge(s.lotId(), s.quantity(), Long::sum);
                overLine.putIfAbsent(s.lotId(), s.lineId());
            } else {
                wrongByLine.computeIfAbsent(s.lineId(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(s.lotId(), k -> new long[1])[0] +=
                        s.quantity();
            }
        }
        Map<Long, long[]> wrongTotals = new LinkedHashMap<>();
        wrongByLine.values().forEach(m -> m.forEach((lot, q) -> wrongTotals.put(lot, new long[] {q[0]})));
        for (Map.Entry<LineLot, long[]> e : byLineLot.entrySet()) {
            LineLot k = e.getKey();
            long expected = e.getValue()[0];
            long received = e.getValue()[1];
            long shortBy = expected - received;
            for (Map.Entry<Long, long[]> w :
                    wrongByLine.getOrDefault(k.lineId(), Map.of()).entrySet()) {
                if (shortBy == 0) {
                    break;
                }
                long take = Math.min(shortBy, w.getValue()[0]);
                if (take > 0) {
                    w.getValue()[0] -= take;
                    shortBy -= take;
                    found.add(new Found(
                            DiscrepancyType.WRONG_LOT,
                            k.lineId(),
                            k.lotId(),
                            w.getKey(),
                            expected,
                            received,
                            take,
                            ids(scans, k.lineId(), w.getKey(), null)));
                }
            }
            if (shortBy > 0) {
                found.add(new Found(
                        DiscrepancyType.SHORT,
                        k.lineId(),
                        k.lotId(),
                        null,
                        expected,
                        received,
                        shortBy,
                        ids(scans, k.lineId(), k.lotId(), "RECEIVED")));
            }
        }
        wrongByLine.forEach((line, lots) -> lots.forEach((lot, left) -> {
            if (left[0] > 0) {
                found.add(new Found(
                        DiscrepancyType.OVER,
                        line,
                        lot,
                        null,
                        0,
                        wrongTotals.get(lot)[0],
                        left[0],
                        ids(scans, line, lot, null)));
            }
        }));
        overOfShipped.forEach((lot, q) -> found.add(new Found(
                DiscrepancyType.OVER,
                overLine.get(lot),
                lot,
                null,
                byLot.get(lot)[0],
                byLot.get(lot)[1] + q,
                q,
                ids(scans, null, lot, null))));
        for (Map.Entry<LineLot, long[]> e : byLineLot.entrySet()) {
            LineLot k = e.getKey();
            List<Scan> received = scans.stream()
                    .filter(s -> "RECEIVED".equals(s.outcome()) && s.lineId() == k.lineId() && s.lotId() == k.lotId())
                    .toList();
            List<Scan> damaged = received.stream().filter(Scan::damaged).toList();
            List<Scan> excursion =
                    received.stream().filter(s -> s.excursion() && !s.damaged()).toList();
            if (!damaged.isEmpty()) {
                found.add(new Found(
                        DiscrepancyType.DAMAGED,
                        k.lineId(),
                        k.lotId(),
                        null,
                        e.getValue()[0],
                        e.getValue()[1],
                        damaged.stream().mapToLong(Scan::quantity).sum(),
                        damaged.stream().map(Scan::id).toList()));
            }
            if (!excursion.isEmpty()) {
                found.add(new Found(
                        DiscrepancyType.TEMPERATURE_EXCURSION,
                        k.lineId(),
                        k.lotId(),
                        null,
                        e.getValue()[0],
                        e.getValue()[1],
                        excursion.stream().mapToLong(Scan::quantity).sum(),
                        excursion.stream().map(Scan::id).toList()));
            }
        }
        return found;
    }

    private static List<Long> ids(List<Scan> scans, Long lineId, long lotId, String outcome) {
        return scans.stream()
                .filter(s -> s.lotId() == lotId
                        && (lineId == null || s.lineId() == lineId)
                        && (outcome == null || outcome.equals(s.outcome())))
                .map(Scan::id)
                .toList();
    }
}
