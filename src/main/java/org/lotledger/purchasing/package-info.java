/**
 * Purchase orders and the suppliers' advance ship notices (ASNs): what was ordered, in which unit and at what
 * expected price, and what the supplier says it shipped (lots, dates, quantities, SSCCs). Receiving receives against
 * the purchase-order lines: it locks a line with {@link org.lotledger.purchasing.PurchaseOrderLines#lockById} and
 * keeps {@code received_base_quantity} and the line status up to date (docs/purchasing.md).
 */
package org.lotledger.purchasing;
