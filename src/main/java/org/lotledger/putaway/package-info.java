/**
 * Directed putaway: a decision table ({@code dmn/putaway-zone.dmn}) picks the zone for a lot's status, temperature
 * class and item family; the service suggests a location in that zone and confirms the putaway by scan, refusing a
 * location outside the directed zone unless the clerk gives an override reason, which the posting records.
 */
package org.lotledger.putaway;
