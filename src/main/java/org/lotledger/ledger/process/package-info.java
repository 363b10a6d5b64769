/**
 * Turns a self-audit alarm into Tasklist work: bpmn/ledger-discrepancy-investigation.bpmn.
 */
package org.lotledger.ledger.process;
