/**
 * The receipt's process side: running bpmn/receiving-receipt.bpmn from the receiving events, the over-receipt
 * tolerance table ({@code dmn/over-receipt-tolerance.dmn}) and the check of the "Resolve receipt discrepancy" answer.
 */
package org.lotledger.receiving.process;
