package org.lotledger.recall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotledger.common.Actor;
import org.lotledger.common.DomainException;
import org.lotledger.ledger.PostingExecutor;
import org.lotledger.platform.security.Groups;
import org.lotledger.quality.HoldReleaseRequests;
import org.lotledger.recall.process.ProductRecallProcess;
import org.springframework.stereotype.Service;

/**
 * Withdraws a recall (quality managers): the recall becomes WITHDRAWN — so its holds are no longer under an open
 * recall — and each hold is released through its own hold process: "Review hold" is completed with "release
 * everything" as the withdrawing manager, and the hold's second approval (every REGULATORY_OR_RECALL outcome needs
 * one, by another quality manager) then carries the release out. A hold whose process is already past review (a
 * scrap or return awaiting approval or its warehouse moves) is left to it and reported. The recall's process gets
 * the message {@code RecallWithdrawn} and ends. Withdrawing before the holds are placed is 409
 * {@code RECALL_HOLDS_PENDING}; a withdrawn or closed recall is 409 {@code RECALL_NOT_OPEN}.
 */
@Service
public class WithdrawingRecall {

    public static final int NOTE_MAX = 500;

    public record HoldRelease(long lotId, long holdId, HoldReleaseRequests.Requested requested) {}

    public record Withdrawn(RecallView recall, List<HoldRelease> holds) {}

    private final Recalls recalls;
    private final RecallQueries queries;
    private final HoldReleaseRequests releases;
    private final ProductRecallProcess process;
    private final PostingExecutor executor;

    WithdrawingRecall(
            Recalls recalls,
            RecallQueries queries,
            HoldReleaseRequests releases,
            ProductRecallProcess process,
            PostingExecutor executor) {
        this.recalls = recalls;
        this.queries = queries;
        this.releases = releases;
        this.process = process;
        this.executor = executor;
    }

    public Withdrawn withdraw(long recallId, String note, Actor actor, String idempotencyKey) {
        if (!actor.isInAny(Set.of(Groups.QUALITY_MANAGERS))) {
            throw new DomainException(
                    "RECALL_NOT_ALLOWED",
                    DomainException.Kind.FORBIDDEN,
                    "Only a quality manager withdraws a recall; " + actor.userId() + " may not.",
                    Map.of("allowed", List.of(Groups.QUALITY_MANAGERS)));
        }
        if (note != null && note.strip().length() > NOTE_MAX) {
            throw new DomainException(
                    "RECALL_INVALID",
                    DomainException.Kind.BAD_REQUEST,
                    "A withdrawal note has at most " + NOTE_MAX + " characters.",
                    Map.of("note", "at most " + NOTE_MAX + " characters"));
        }
        String key = java.util.Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return executor.inTransaction(() -> {
            Recalls.Row r = recalls.lock(recallId);
            if (r.status() == RecallStatus.OPEN) {
                throw DomainException.conflict(
                        "RECALL_HOLDS_PENDING",
                        "Recall " + r.number() + " is still placing its holds; withdraw it once they are placed.",
                        Map.of("recall", r.number(), "status", r.status().name()));
            }
            if (!r.status().isOpen()) {
                throw DomainException.conflict(
                        "RECALL_NOT_OPEN",
                        "Recall " + r.number() + " is " + r.status() + ".",
                        Map.of("recall", r.number(), "status", r.status().name()));
            }
            String clean = note == null || note.isBlank() ? null : note.strip();
            recalls.withdrawn(recallId, actor.userId(), clean);
            List<HoldRelease> done = new ArrayList<>();
            String why = "Recall " + r.number() + " withdrawn" + (clean == null ? "" : ": " + clean);
            for (RecallView.Lot lot : recalls.lots(recallId)) {
                if (lot.holdId() != null) {
                    done.add(new HoldRelease(
                            lot.lotId(),
                            lot.holdId(),
                            releases.requestRelease(
                                    lot.holdId(),
                                    why.length() > 400 ? why.substring(0, 400) : why,
                                    actor,
                                    key + ":hold:" + lot.holdId())));
                }
            }
            process.withdrawn(recallId);
            return new Withdrawn(queries.view(recallId), done);
        });
    }
}
