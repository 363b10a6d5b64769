/**
 * Receiving at the dock (docs/receiving.md): opening a receipt against a purchase order (and its ASN), receiving
 * lots typed or scanned into the dock's QUARANTINE through the ledger (posting type RECEIPT), reversing a mistyped
 * line, closing (or closing a line short), and comparing what arrived with what the supplier announced. Publishes
 * events that the receipt's process (bpmn/receiving-receipt.bpmn) and the receiving inspection react to.
 */
package org.lotledger.receiving;
