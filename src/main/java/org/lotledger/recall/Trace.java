package org.lotledger.recall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer of a trace (docs/recall.md "Trace"): per lot in scope where its stock came from (backward), where every
 * unit went (forward), where it is now (whereabouts) and the mass balance that ties them together, all read in one
 * snapshot. Quantities are whole base units of the lot's item ({@link LotTrace#baseUom}).
 *
 * @param readAt   when the snapshot was taken (the database's clock)
 * @param lots     the lots in scope, the matched ones first, then their descendants nearest first; empty when the
 *                 scope matches nothing
 * @param balanced whether every lot's mass balance holds
 * @param events   one row per event of every lot (the CSV), by date, then lot
 */
public record Trace(Instant readAt, List<LotTrace> lots, boolean balanced, List<Event> events) {

    /**
     * @param depth distance in the genealogy from the nearest lot the scope matched (0: matched)
     */
    public record LotTrace(
            long lotId,
            String lotNumber,
            String internalLabel,
            String batchRef,
            LocalDate manufacturedOn,
            LocalDate expiresOn,
            long itemId,
            String sku,
            String product,
            String baseUom,
            long supplierId,
            String supplierCode,
            String supplierName,
            int depth,
            Backward backward,
            Forward forward,
            Whereabouts whereabouts,
            MassBalance massBalance) {}

    /**
     * @param openingBalances stock that entered the ledger without a receipt (go-live): nothing to trace it back to
     * @param inspections     the decisions recorded about the lot (inspection results), oldest first
     * @param parents         the lots this one descends from (relabel, split), with their distance
     */
    public record Backward(
            List<Receipt> receipts,
            List<Opening> openingBalances,
            List<Inspection> inspections,
            List<Parent> parents) {}

    public record Receipt(
            Instant receivedAt,
            String warehouse,
            String dock,
            String clerk,
            String poNumber,
            int poLine,
            String asnNumber,
            Integer asnLine,
            String sscc,
            long quantity,
            boolean reversed,
            long postingId) {}

    public record Opening(Instant openedAt, String warehouse, String location, long quantity, long postingId) {}

    public record Inspection(
            Instant decidedAt, String decision, String decidedBy, String processInstanceId, String activityId) {}

    public record Parent(long lotId, String lotNumber, String internalLabel, int depth) {}

    /** Every way stock of the lot left the company's shelves (and came back: returns, transfer receipts). */
    public record Forward(
            List<Shipment> shipments,
            List<Transfer> transfers,
            List<Return> returns,
            List<Outflow> scrapped,
            List<Outflow> returnedToVendor,
            List<Outflow> samples) {}

    /** A SHIPMENT posting of the lot (negative quantity: the reversal of one). */
    public record Shipment(
            String shipmentNumber,
            long customerId,
            String customerCode,
            String customerName,
            Instant shippedAt,
            String fromWarehouse,
            long quantity,
            long postingId) {}

    /**
     * The lot's legs on one transfer order: what left the origin, what arrived, what was lost on the way, what is
     * still in transit.
     */
    public record Transfer(
            String orderNumber,
            String fromWarehouse,
            String toWarehouse,
            Instant firstShippedAt,
            Instant lastReceivedAt,
            long shipped,
            long received,
            long lost,
            long inTransit) {}

    public record Return(
            long customerId,
            String customerCode,
            String customerName,
            Instant returnedAt,
            String toLocation,
            long quantity,
            long postingId) {}

    /** Scrap, return to vendor, QA sample: where it went from, when, who, how much, under what reference. */
    public record Outflow(
            Instant occurredAt,
            String fromLocation,
            String warehouse,
            String actor,
            String referenceType,
            String referenceId,
            long quantity,
            long postingId) {}

    public record Whereabouts(List<OnHand> onHand, List<InTransit> inTransit, List<AtCustomer> atCustomers) {}

    /**
     * @param reserved pending reservations on this stock (AVAILABLE only)
     * @param staged   the location is in a SHIPPING zone (staged for a shipment or transfer)
     */
    public record OnHand(
            String warehouse, String location, String status, long quantity, long reserved, boolean staged) {}

    /** @param landsInHold an open hold covers the lot (or the stock travels in HOLD): it arrives in HOLD */
    public record InTransit(
            String orderNumber, String fromWarehouse, String toWarehouse, long quantity, boolean landsInHold) {}

    public record AtCustomer(long customerId, String customerCode, long quantity) {}

    /**
     * received + opened + relabelled in = on hand + in transit + at customers + scrapped + returned to vendor +
     * sampled + relabelled out + adjusted out. The left side and returns to vendor come from the lot's legs at its
     * sources (supplier, adjustment), the rest from the kept balances; {@code difference} = left − right, 0 when it
     * holds. {@code adjustedOut} nets stock lost (positive) and found (negative) by adjustments, in transit included.
     *
     * @param receivedPerReceipts what the lot's receipt lines (not reversed) say was received: equals
     *                            {@code received} unless receiving and the ledger disagree (then in
     *                            {@code problems})
     */
    public record MassBalance(
            long received,
            long opened,
            long relabelledIn,
            long onHand,
            long inTransit,
            long atCustomers,
            long scrapped,
            long returnedToVendor,
            long sampled,
            long relabelledOut,
            long adjustedOut,
            long difference,
            long receivedPerReceipts,
            boolean holds,
            List<String> problems) {}

    /**
     * One event of a lot, a CSV row: the FSMA 204 key data elements of shipping and receiving (traceability lot
     * code, quantity and unit, product, from and to locations, date, reference document type and number).
     */
    public record Event(
            Instant occurredAt,
            String event,
            long lotId,
            String lotNumber,
            String internalLabel,
            String sku,
            String product,
            long quantity,
            String unit,
            String fromLocation,
            String toLocation,
            String referenceDocumentType,
            String referenceDocumentNumber,
            long postingId) {}
}
