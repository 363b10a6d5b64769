/**
 * Wiring of the frameworks around the domain: the embedded PostgreSQL default, Camunda, Drools,
 * security (one identity for the API, {@code /engine-rest} and the webapps), the RFC 7807 error mapping and the
 * OpenAPI document ({@code web}).
 * Feature packages never import Camunda or Spring Security types except through the seams here.
 */
package org.lotledger.platform;
