/**
 * The quality processes' side: the delegates and task listeners of bpmn/receiving-inspection.bpmn and
 * bpmn/quality-hold-release.bpmn, which start the processes, answer their gateways from the application's records,
 * check every Tasklist form answer on the server and carry out what was decided through the quality services.
 * Camunda types stay in this package; {@code org.lotledger.quality} itself knows no engine.
 */
package org.lotledger.quality.process;
