/**
 * Camunda 7 wiring behind small seams, so feature code stays free of engine types where it can: evaluating
 * decision tables by key ({@link org.lotledger.platform.camunda.DecisionTables}), a process posting in the engine's
 * transaction with a key derived from the activity ({@link org.lotledger.platform.camunda.ProcessPostings}), who
 * completes a task ({@link org.lotledger.platform.camunda.SignedInUser}), completing one as an API caller with the
 * same checks as Tasklist ({@link org.lotledger.platform.camunda.TasksAsActor}), and refusals of ours reaching Tasklist and
 * /engine-rest as problem details ({@link org.lotledger.platform.camunda.EngineRefusals}).
 */
package org.lotledger.platform.camunda;
