package org.ehcpathway.advice;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcpathway.casefile.CaseNotFoundException;
import org.ehcpathway.casefile.CaseRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A caseworker records that an outstanding advice request will not hold the case up: existing advice suffices
 * (reg 6(4)) or the contribution is too late to wait for. The advice request ends; reports show it as missing.
 */
@Service
public class ProceedWithoutAdvice {

  static final String MESSAGE = "ProceedWithoutAdvice";
  static final String OUTCOME = "proceedOutcome";
  static final String REASON = "proceedReason";

  /** How the request ends: the adviser's contribution was not needed, or did not come. */
  public enum Outcome {
    EXISTING_ADVICE_SUFFICIENT, NOT_RECEIVED
  }

  private final RuntimeService runtimeService;
  private final CaseRecords records;

  public ProceedWithoutAdvice(RuntimeService runtimeService, CaseRecords records) {
    this.runtimeService = runtimeService;
    this.records = records;
  }

  @Transactional
  public void proceed(String reference, String adviceType, Outcome outcome, String reason) {
    records.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    AdviceType type = AdviceTypeList.parseOne("adviceType", adviceType);
    ProcessInstance request = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("ehc-advice-request").processInstanceBusinessKey(reference)
        .variableValueEquals(AdviceRequests.ADVICE_TYPE, type.name()).singleResult();
    if (request == null) {
      throw new NoOutstandingAdviceException(reference, type);
    }
    runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(request.getId())
        .setVariable(OUTCOME, outcome.name())
        .setVariable(REASON, reason)
        .correlate();
  }

  /** No advice of that type is outstanding on the case. */
  public static class NoOutstandingAdviceException extends RuntimeException {
    public NoOutstandingAdviceException(String reference, AdviceType type) {
      super("Case " + reference + " has no outstanding " + type + " advice request");
    }
  }
}
