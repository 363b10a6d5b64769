package org.lotledger.recall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.PostingExecutor;
import org.springframework.stereotype.Service;

/**
 * Returns received against a recall (issue 11 §3), by scan at a returns location: the customer, a lot label (GS1 or
 * internal) and a quantity. A RETURN posting from the customer's location into HOLD at the returns location,
 * adopted by the recall's hold of that lot ({@link CustomerReturns}, which the returns issue's RMA flow reuses), and
 * one {@code recall_return} row per shipment it is counted against: the one named (it must be on the recall's
 * notice list for this customer and lot) or else the customer's oldest shipments of the lot not yet returned.
 *
 * <p>Locks: the recall's row (so two returns of one recall are counted one after the other), then the hold-decision
 * lock and the ledger's lot lock ({@link CustomerReturns#receive}). Refused, with nothing stored or posted: a recall
 * still placing its holds (409 {@code RECALL_HOLDS_NOT_PLACED}), under reconciliation ({@code RECALL_RECONCILING}),
 * closed or withdrawn ({@code RECALL_NOT_OPEN}); a lot not in the recall ({@code LOT_NOT_IN_RECALL}), a customer or
 * shipment not on its notice list ({@code CUSTOMER_NOT_ON_NOTICE_LIST}, {@code SHIPMENT_NOT_ON_NOTICE_LIST}), more than
 * the named shipment has left to return ({@code RETURN_EXCEEDS_SHIPMENT}), returned + destroyed at the customer above
 * what was shipped ({@code RECALL_QUANTITY_EXCEEDS_SHIPPED}), more than the customer holds
 * ({@code RETURN_EXCEEDS_CUSTOMER_STOCK}), all 422.
 */
@Service
public class RecallReturns {

    public static final int LABEL_MAX = 200;
    public static final int BARCODE_MAX = 60;
    public static final int SHIPMENT_MAX = 40;
    public static final long QUANTITY_MAX = 1_000_000_000L;

    public record Request(Long customerId, String lotLabel, Long quantity, String location, String shipmentNumber) {}

    /** One shipment the return is counted against. */
    public record Against(String shipmentNumber, long shipmentPostingId, long quantity) {}

    public record RecallReturned(
            long recallId,
            String recallNumber,
            long customerId,
            String customerCode,
            CustomerReturns.Returned posting,
            List<Against> against,
            long shipped,
            long returned,
            long destroyedAtCustomer,
            long outstanding) {}

    private final Recalls recalls;
    private final RecallNotices notices;
    private final RecallFollowUpRows rows;
    private final CustomerReturns customerReturns;
    private final PostingExecutor executor;

    RecallReturns(
            Recalls recalls,
            RecallNotices notices,
            RecallFollowUpRows rows,
            CustomerReturns customerReturns,
            PostingExecutor executor) {
        this.recalls = recalls;
        this.notices = notices;
        this.rows = rows;
        this.customerReturns = customerReturns;
        this.executor = executor;
    }

    public RecallReturned receive(long recallId, Request r, Actor actor, String key) {
        validate(r);
        CustomerReturns.Scan scan = new CustomerReturns.Scan(r.customerId(), r.lotLabel(), r.quantity(), r.location());
        return executor.inTransaction(() -> {
            Recalls.Row recall = recalls.lock(recallId);
            RecallAcknowledgements.requireAccepting(recall);
            CustomerReturns.Target target = customerReturns.resolve(scan, actor);
            long lotId = target.lot().id();
            RecallView.Lot lot = recalls.lots(recallId).stream()
                    .filter(l -> l.lotId() == lotId)
                    .findFirst()
                    .orElseThrow(() -> DomainException.unprocessable(
                            "LOT_NOT_IN_RECALL",
                            "Lot " + target.lot().internalLabel() + " is not in recall " + recall.number() + ".",
                            Map.of(
                                    "recall",
                                    recall.number(),
                                    "lot",
                                    target.lot().internalLabel())));
            RecallNotices.Notice notice =
                    RecallAcknowledgements.notice(notices.of(recallId), recall, r.customerId(), lotId);
            long destroyed = rows.latestAcknowledgements(recallId).stream()
                    .filter(a -> a.customerId() == r.customerId() && a.lotId() == lotId)
                    .mapToLong(RecallFollowUpRows.Acknowledgement::quantityDestroyed)
                    .findFirst()
                    .orElse(0);
            if (notice.returned() + destroyed + r.quantity() > notice.shipped()) {
                throw exceedsShipped(recall, notice, destroyed, r.quantity());
            }
            List<Against> against = against(notice, r, rows.returnedAgainst(lotId, r.customerId()));
            CustomerReturns.Returned posted = customerReturns.receive(
                    scan,
                    target,
                    lot.holdId(),
                    actor,
                    "recall-return:" + recallId + ":" + key,
                    CustomerReturns.REFERENCE_TYPE_RECALL,
                    recall.number(),
                    "Returned by " + notice.customerCode() + " under recall " + recall.number() + " against "
                            + String.join(
                                    ", ",
                                    against.stream()
                                            .map(a -> a.shipmentNumber() == null
                                                    ? "posting " + a.shipmentPostingId()
                                                    : a.shipmentNumber())
                                            .toList()));
            int n = 0;
            for (Against a : against) {
                rows.insertReturn(
                        recallId,
                        r.customerId(),
                        lotId,
                        a.quantity(),
                        posted.postingId(),
                        posted.locationId(),
                        posted.holdId(),
                        a.shipmentPostingId(),
                        a.shipmentNumber(),
                        key + ":" + recallId + ":" + n++,
                        actor.userId());
            }
            long returned = notice.returned() + r.quantity();
            return new RecallReturned(
                    recallId,
                    recall.number(),
                    r.customerId(),
                    notice.customerCode(),
                    posted,
                    List.copyOf(against),
                    notice.shipped(),
                    returned,
                    destroyed,
                    notice.shipped() - returned - destroyed);
        });
    }

    /** The shipments the return is counted against: the one named, else the oldest with something left to return. */
    static List<Against> against(RecallNotices.Notice notice, Request r, Map<Long, Long> returnedAgainst) {
        List<Against> out = new ArrayList<>();
        if (r.shipmentNumber() != null && !r.shipmentNumber().isBlank()) {
            String number = r.shipmentNumber().strip();
            List<RecallNotices.Shipment> named = notice.shipments().stream()
                    .filter(s -> number.equals(s.shipmentNumber()))
                    .toList();
            if (named.isEmpty()) {
                throw DomainException.unprocessable(
                        "SHIPMENT_NOT_ON_NOTICE_LIST",
                        "Shipment " + number + " of lot " + notice.internalLabel() + " to " + notice.customerCode()
                                + " is not on the recall's notice list.",
                        Map.of("shipmentNumber", number, "customer", notice.customerCode()));
            }
            RecallNotices.Shipment s = named.get(0);
            long left =
                    named.stream().mapToLong(RecallNotices.Shipment::quantity).sum()
                            - returnedAgainst.getOrDefault(s.postingId(), 0L);
            if (r.quantity() > left) {
                throw DomainException.unprocessable(
                        "RETURN_EXCEEDS_SHIPMENT",
                        "Shipment " + number + " has " + left + " of lot " + notice.internalLabel()
                                + " left to return; " + r.quantity() + " is more.",
                        Map.of("shipmentNumber", number, "left", left, "quantity", r.quantity()));
            }
            out.add(new Against(number, s.postingId(), r.quantity()));
            return out;
        }
        // per shipment posting (a shipment may carry the lot on several lines), oldest first
        Map<Long, long[]> left = new java.util.LinkedHashMap<>();
        Map<Long, String> numbers = new java.util.HashMap<>();
        notice.shipments().stream()
                .sorted(java.util.Comparator.comparing(RecallNotices.Shipment::shippedAt)
                        .thenComparing(RecallNotices.Shipment::postingId))
                .forEach(s -> {
                    left.computeIfAbsent(s.postingId(), p -> new long[] {-returnedAgainst.getOrDefault(p, 0L)})[0] +=
                            s.quantity();
                    numbers.put(s.postingId(), s.shipmentNumber());
                });
        long rest = r.quantity();
        long lastPosting = -1;
        for (var e : left.entrySet()) {
            lastPosting = e.getKey();
            long take = Math.min(rest, Math.max(0, e.getValue()[0]));
            if (take > 0) {
                out.add(new Against(numbers.get(e.getKey()), e.getKey(), take));
                rest -= take;
            }
            if (rest == 0) {
                break;
            }
        }
        if (rest > 0) {
            // returns outside the recall (an RMA) took shipments' units: the rest counts against the newest
            if (lastPosting < 0) {
                throw DomainException.unprocessable(
                        "CUSTOMER_NOT_ON_NOTICE_LIST",
                        "Nothing of lot " + notice.internalLabel() + " was shipped to " + notice.customerCode() + ".",
                        Map.of("customer", notice.customerCode()));
            }
            out.add(new Against(numbers.get(lastPosting), lastPosting, rest));
        }
        return out;
    }

    static DomainException exceedsShipped(Recalls.Row recall, RecallNotices.Notice n, long destroyed, long more) {
        return DomainException.unprocessable(
                "RECALL_QUANTITY_EXCEEDS_SHIPPED",
                n.customerCode() + " was shipped " + n.shipped() + " of lot " + n.internalLabel() + "; returned "
                        + n.returned() + " and destroyed there " + destroyed + " leave no room for " + more + " more.",
                Map.of(
                        "recall",
                        recall.number(),
                        "customer",
                        n.customerCode(),
                        "lot",
                        n.internalLabel(),
                        "shipped",
                        n.shipped(),
                        "returned",
                        n.returned(),
                        "destroyed",
                        destroyed,
                        "quantity",
                        more));
    }

    private static void validate(Request r) {
        if (r.customerId() == null || r.customerId() <= 0) {
            throw RecallAcknowledgements.invalid("RECALL_RETURN_INVALID", "customerId", "a customer id");
        }
        RecallAcknowledgements.text("RECALL_RETURN_INVALID", "lotLabel", r.lotLabel(), LABEL_MAX, true);
        RecallAcknowledgements.text("RECALL_RETURN_INVALID", "location", r.location(), BARCODE_MAX, true);
        RecallAcknowledgements.text("RECALL_RETURN_INVALID", "shipmentNumber", r.shipmentNumber(), SHIPMENT_MAX, false);
        if (r.quantity() == null || r.quantity() < 1 || r.quantity() > QUANTITY_MAX) {
            throw RecallAcknowledgements.invalid(
                    "RECALL_RETURN_INVALID", "quantity", "1 to " + QUANTITY_MAX + " whole base units");
        }
    }
}
