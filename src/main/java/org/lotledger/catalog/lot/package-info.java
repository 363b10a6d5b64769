/** Lots (item, supplier, lot number), their attribute history as events, and their genealogy. */
@NamedInterface("lot")
package org.lotledger.catalog.lot;

import org.springframework.modulith.NamedInterface;
