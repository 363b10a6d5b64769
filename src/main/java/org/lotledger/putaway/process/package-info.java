/**
 * The putaway decision table behind {@link org.lotledger.putaway.PutawayZones}: {@code dmn/putaway-zone.dmn}.
 */
package org.lotledger.putaway.process;
