/**
 * The receiving REST API ({@code /api/receipts}).
 */
package org.lotledger.receiving.web;
