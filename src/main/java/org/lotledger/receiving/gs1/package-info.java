/**
 * Reading GS1 element strings as barcode scanners deliver them (GS1-128, GS1 DataMatrix, GS1 QR, GS1 DataBar) or
 * as a clerk types them in the human-readable form with parentheses: {@link org.lotledger.receiving.gs1.Gs1Parser}
 * turns them into a {@link org.lotledger.receiving.gs1.Gs1Message} or a list of
 * {@link org.lotledger.receiving.gs1.Gs1Error}s a receiving clerk can act on. The Application Identifier table is
 * generated from GS1's Barcode Syntax Dictionary (see docs/gs1.md). Plain Java: no framework.
 */
package org.lotledger.receiving.gs1;
