/**
 * Quality holds: placing a hold on a lot or a location moves its AVAILABLE stock to HOLD through the ledger, and
 * releasing, scrapping or returning it acts only on what that hold moved. See docs/quality-holds.md.
 */
package org.lotledger.quality;
