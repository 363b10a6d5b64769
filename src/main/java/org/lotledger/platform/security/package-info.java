/**
 * One identity for the API, /engine-rest and the Camunda webapps (docs/security.md): users and groups live in
 * Camunda's identity service, HTTP basic for machines, one form login for people handed on to Camunda, the
 * authorizations of each group, and 401/403 as problem details. Other features see only
 * {@link org.lotledger.platform.security.CurrentActor} (who is calling) and
 * {@link org.lotledger.platform.security.Groups} (the group names).
 */
package org.lotledger.platform.security;
