/** Demo master data from the seed scenario; only with lotledger.demo.enabled=true. */
package org.lotledger.catalog.demo;
