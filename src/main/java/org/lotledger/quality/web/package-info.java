/**
 * The quality holds' REST API ({@code /api/holds}): placing a hold and working its decision tasks as the caller.
 */
package org.lotledger.quality.web;
