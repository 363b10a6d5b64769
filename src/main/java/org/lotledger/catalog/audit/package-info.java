/** The append-only audit of catalog changes: who changed which row, when, from what to what. */
package org.lotledger.catalog.audit;
