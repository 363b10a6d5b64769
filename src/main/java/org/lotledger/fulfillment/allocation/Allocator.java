package org.lotledger.fulfillment.allocation;

/**
 * Decides allocations from facts read without locks; the caller writes the reservations under the lots' locks and
 * asks again on fresh facts when a candidate was taken meanwhile. Both implementations give the same allocations
 * and backorders for the same facts (the differential test); the product uses {@link DroolsAllocator}.
 */
public interface Allocator {

    AllocationResult allocate(AllocationFacts facts);
}
