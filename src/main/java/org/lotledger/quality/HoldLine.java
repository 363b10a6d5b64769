package org.lotledger.quality;

/**
 * A quantity of one lot at one location that an outcome of a hold acts on; {@code toLocationId} only for return to
 * vendor (else chosen).
 */
public record HoldLine(long lotId, long locationId, long quantity, Long toLocationId) {}
