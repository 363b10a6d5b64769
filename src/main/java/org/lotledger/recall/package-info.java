/**
 * The recall workbench (issue 11): which lots a trace or recall is about ({@link org.lotledger.recall.RecallScope},
 * resolved with their descendants by {@link org.lotledger.recall.LotsInScope}); the trace forward, backward and to
 * where the stock is now, read from the ledger; recalls as a process; mock recalls (docs/recall.md).
 */
package org.lotledger.recall;
