package org.lotledger.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lotledger.quality.HoldReason;
import org.lotledger.quality.TakingOverQuarantine;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listens to {@link TransferStockToQuality} and has quality take the units over: a hold of scope STOCK
 * ({@code quality.TakingOverQuarantine}) on exactly the units of the discrepancy's scans that landed in QUARANTINE,
 * per location, reason TEMPERATURE_EXCURSION (a cold-chain excursion) or INVESTIGATION (damaged units), request key
 * {@code transfer:<id>:discrepancy:<n>}. The transfer records the hand-over with the hold's id
 * ({@code HANDED_TO_QUALITY}). Quality's process decides from there: release or scrap.
 *
 * <p>In the deciding transaction, not after commit: the supervisor's decision, the process's "Hand to quality" step,
 * the QUARANTINE → HOLD posting and the hold commit together or not at all, so there is never a transfer "with
 * quality" whose units no hold answers for (a refusal, say the units were moved meanwhile, rolls the step back and
 * the engine keeps the job as an incident). The listener lives here, not in {@code quality}: {@code transfers}
 * already depends on {@code quality} ({@code HoldingArrivals}), and a listener there would close a cycle.
 */
@Component
class TransferQualityHandOver {

    private final TransferDiscrepancies discrepancies;
    private final TransferReceiptRows receipts;
    private final TransferResolutions resolutions;
    private final TakingOverQuarantine quality;

    TransferQualityHandOver(
            TransferDiscrepancies discrepancies,
            TransferReceiptRows receipts,
            TransferResolutions resolutions,
            TakingOverQuarantine quality) {
        this.discrepancies = discrepancies;
        this.receipts = receipts;
        this.resolutions = resolutions;
        this.quality = quality;
    }

    static String requestKey(long transferOrderId, long discrepancyId) {
        return "transfer:" + transferOrderId + ":discrepancy:" + discrepancyId;
    }

    @EventListener
    @Transactional
    public void on(TransferStockToQuality e) {
        if (resolutions.handedHold(e.discrepancyId()).isPresent()) {
            return;
        }
        TransferDiscrepancy d = discrepancies.ofTransfer(e.transferOrderId()).stream()
                .filter(x -> x.id() == e.discrepancyId())
                .findFirst()
                .orElseThrow();
        Set<Long> scanIds = new HashSet<>();
        for (JsonNode s : d.scans()) {
            scanIds.add(s.path("scanId").asLong());
        }
        List<TakingOverQuarantine.Part> parts = receipts.scans(e.transferOrderId()).stream()
                .filter(s -> scanIds.contains(s.id()) && "QUARANTINE".equals(s.landedStatus()))
                .map(s -> new TakingOverQuarantine.Part(s.locationId(), s.quantity()))
                .toList();
        String decidedBy = resolutions
                .decision(e.discrepancyId())
                .map(TransferResolutions.Resolution::decidedBy)
                .orElse(null);
        String taskId = resolutions
                .decision(e.discrepancyId())
                .map(TransferResolutions.Resolution::taskId)
                .orElse("-");
        long holdId = quality.takeOver(new TakingOverQuarantine.TakeOver(
                e.lotId(),
                parts,
                e.type() == DiscrepancyType.TEMPERATURE_EXCURSION
                        ? HoldReason.TEMPERATURE_EXCURSION
                        : HoldReason.INVESTIGATION,
                e.orderNumber() + ": "
                        + (e.type() == DiscrepancyType.DAMAGED
                                ? "damaged in transit"
                                : "cold-chain excursion in transit")
                        + ", discrepancy " + e.discrepancyId() + ", handed to quality by " + decidedBy,
                "TRANSFER_ORDER",
                e.orderNumber(),
                decidedBy,
                requestKey(e.transferOrderId(), e.discrepancyId())));
        resolutions.handedToQuality(e.discrepancyId(), holdId, e.processInstanceId(), taskId, decidedBy);
    }
}
