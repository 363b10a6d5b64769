/** Lots (item, supplier, lot number), their attribute history as events, and their genealogy. */
package org.lotledger.catalog.lot;
