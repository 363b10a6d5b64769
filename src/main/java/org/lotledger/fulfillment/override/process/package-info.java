/** bpmn/allocation-override-approval.bpmn: its start, task listener, delegate and the API's way to its task. */
package org.lotledger.fulfillment.override.process;
