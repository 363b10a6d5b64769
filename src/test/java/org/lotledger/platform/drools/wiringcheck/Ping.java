package org.lotledger.platform.drools.wiringcheck;

/** Input fact of the wiring-check rule set (src/test/resources/rules/wiringcheck). */
public record Ping(String text) {}
