package org.lotledger.platform.web;

import org.springframework.modulith.NamedInterface;

/**
 * A write request whose handler reads one consistent snapshot before it writes (a mock recall's rehearsal, ADR 0018):
 * when {@link #readsSnapshot()} says so, the door runs the request's transaction at REPEATABLE READ instead of READ
 * COMMITTED, so the key's claim, the reads and the stored answer share one connection and one snapshot. A duplicate
 * still in flight then fails its claim with a serialization failure once the original commits, and the door's retry
 * answers it as the original (ADR 0009).
 */
@NamedInterface("web")
public interface SnapshotRequest {

    boolean readsSnapshot();
}
