package org.ehcpathway.workflow;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The running processes of one model for a case (the case reference is every process's business key). Asked by
 * business key alone and filtered here: a case has a handful of processes, while the engine's query by model and
 * business key joins the process definitions, and H2 answered that join by reading every running instance of the
 * model (importing 100,000 plans slowed to a crawl on it; docs/performance.md).
 */
public final class CaseProcesses {

  private CaseProcesses() {
  }

  public static List<ProcessInstance> of(RuntimeService runtime, String caseReference, String processKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseReference).list().stream()
        .filter(process -> processKey.equals(process.getProcessDefinitionKey()))
        .toList();
  }
}
