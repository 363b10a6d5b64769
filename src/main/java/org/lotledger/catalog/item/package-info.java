/** Items, their units of measure (whole multiples of the base unit), GTINs per packaging level, and the unit conversion the ledger uses. */
@NamedInterface("item")
package org.lotledger.catalog.item;

import org.springframework.modulith.NamedInterface;
