package org.lotledger.catalog.lot;

import java.time.Instant;
import java.util.List;

/** The genealogy of a lot one step each way: the lots it came from and the lots made from it. */
public record LotLineageView(Long lotId, List<Edge> parents, List<Edge> children) {

    public record Edge(
            Long lotId, String internalLabel, String lotNumber, String relation, Long postingId, Instant createdAt) {}
}
