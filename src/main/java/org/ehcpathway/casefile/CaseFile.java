package org.ehcpathway.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.review.PlanRecords;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads cases from the read model, with their open tasks from the engine; withdraws a request. */
@Service
public class CaseFile {

  private final CaseRecords records;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final PlanRecords plans;

  public CaseFile(CaseRecords records, TaskService taskService, RuntimeService runtimeService,
      StatutoryDeadlines rules, EngineClock clock, PlanRecords plans) {
    this.plans = plans;
    this.records = records;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.rules = rules;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public CaseView view(String reference) {
    CaseRow row = records.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    return new CaseView(row.caseReference(), row.processInstanceId(), row.status(), row.stage(),
        row.requestReceivedDate(), row.requestSource(), row.deadlines(), row.nextDeadline(),
        row.rag(clock.today(), rules), row.week20ExceptionApplies(), row.namedSetting(),
        row.fundingBand(), row.closedDate(), records.milestones(reference), records.advice(reference),
        records.notices(reference), records.exceptions(reference), plans.reviews(reference), openTasks(reference));
  }

  @Transactional(readOnly = true)
  public List<CaseSummary> list(CaseStatus status, int page, int size) {
    LocalDate today = clock.today();
    return records.list(status, size, (long) page * size).stream()
        .map(row -> new CaseSummary(row.caseReference(), row.status(), row.stage(), row.requestReceivedDate(),
            row.nextDeadline(), row.rag(today, rules)))
        .toList();
  }

  /** The family withdraws the request: the pathway's withdrawal event ends every step still open. */
  @Transactional
  public void withdraw(String reference, String reason) {
    CaseRow row = records.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    if (row.status() != CaseStatus.OPEN) {
      throw new CaseNotOpenException(reference, row.status());
    }
    runtimeService.createMessageCorrelation("RequestWithdrawn")
        .processInstanceId(row.processInstanceId())
        .setVariable("withdrawalReason", reason)
        .correlate();
  }

  private List<CaseView.OpenTask> openTasks(String reference) {
    List<CaseView.OpenTask> open = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .orderByDueDate().asc().list()) {
      List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      open.add(new CaseView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
          task.getDueDate() == null ? null : EngineClock.dateOf(task.getDueDate()), task.getAssignee(), groups));
    }
    return open;
  }
}
