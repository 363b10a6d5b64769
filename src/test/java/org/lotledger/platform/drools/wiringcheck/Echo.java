package org.lotledger.platform.drools.wiringcheck;

/** Result fact the wiring-check rules emit. */
public record Echo(String text, String byRule) {}
