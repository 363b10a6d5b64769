package org.lotledger.catalog.partner;

public enum CustomerType {
    HOSPITAL,
    CLINIC,
    FIELD_SERVICE,
    OTHER
}
