/**
 * Lot Ledger: the application class. Every top-level package below is an application module (docs/modules/, verified
 * by {@code ModulesTest}): {@code common} and {@code gs1} are plain Java every module may use, {@code platform} wires
 * the frameworks and exposes a few seams, {@code catalog} holds master data, {@code ledger} the shared lot ledger, and
 * each feature ({@code purchasing}, {@code receiving}, {@code quality}, {@code putaway}, …) builds on them.
 */
package org.lotledger;
