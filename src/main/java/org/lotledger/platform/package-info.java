/**
 * Wiring of the frameworks around the domain: the embedded PostgreSQL default, Camunda, Drools,
 * security (one identity for the API, {@code /engine-rest} and the webapps) and the RFC 7807 error mapping.
 * Feature packages never import Camunda or Spring Security types except through the seams here.
 */
package org.lotledger.platform;
