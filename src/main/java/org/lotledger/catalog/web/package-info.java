/** REST controllers of the catalog: ETag = version, If-Match required on updates (428 without, 412 when stale). */
package org.lotledger.catalog.web;
