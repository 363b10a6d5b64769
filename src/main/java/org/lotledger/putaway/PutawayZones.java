package org.lotledger.putaway;

/** Where stock of this kind belongs: the zone code the putaway decision table answers. */
public interface PutawayZones {

    String zoneFor(String stockStatus, String temperatureClass, String itemFamily);
}
