/**
 * Allocation as a pure decision (issue 9 §4): which lots and locations cover the demand lines of a sales order, FEFO
 * or FIFO, split across lots when one is not enough, and what is backordered and why. Plain Java facts and results,
 * no database and no Spring: {@link org.lotledger.fulfillment.allocation.Allocator} is the seam, with two
 * implementations of the same semantics, the product's rules in {@code rules/allocation/*.drl}
 * ({@link org.lotledger.fulfillment.allocation.DroolsAllocator}, through {@code platform.drools.RuleSessions}) and a
 * plain-Java {@link org.lotledger.fulfillment.allocation.SortingAllocator} the differential test and the benchmark
 * compare it with. The types named {@code Ranked}, {@code LineTurn}, {@code Cursor}, {@code Look}, {@code Probe},
 * {@code Taken}, {@code Spent} and {@code LineEnd} are the rules' working facts, public only because the rules must see them.
 * docs/fulfillment.md "Allocation rules" states the rules one by one.
 */
package org.lotledger.fulfillment.allocation;
