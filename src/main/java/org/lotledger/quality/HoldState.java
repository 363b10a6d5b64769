package org.lotledger.quality;

/**
 * OPEN while it blocks stock; RELEASED when quality released it (what it still held went back to AVAILABLE or to
 * another open hold); CLOSED when scrap and return to vendor left nothing on it.
 */
public enum HoldState {
    OPEN,
    RELEASED,
    CLOSED
}
