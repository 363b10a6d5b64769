/**
 * Reading GS1 element strings as barcode scanners deliver them (GS1-128, GS1 DataMatrix, GS1 QR, GS1 DataBar) or
 * as a clerk types them in the human-readable form with parentheses: {@link org.lotledger.gs1.Gs1Parser}
 * turns them into a {@link org.lotledger.gs1.Gs1Message} or a list of
 * {@link org.lotledger.gs1.Gs1Error}s the person scanning can act on. Every feature that scans (receiving today;
 * picking, transfers, returns and counts later) reads barcodes through it; which lot a scanned lot number is, is
 * the catalog's {@code ScannedLots}. The Application Identifier table is generated from GS1's Barcode Syntax
 * Dictionary (see docs/gs1.md). Plain Java: no framework, and of this application only {@code org.lotledger.common}.
 */
package org.lotledger.gs1;
