package org.ehcpathway.intake;

import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.DeadlineWatch;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.casefile.NewCaseRecord;
import org.ehcpathway.statutory.CaseDeadlines;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.NationalCurriculumYear;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.statutory.TaskDueDates;
import org.ehcpathway.workflow.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logs a request for assessment and starts its 20-week pathway, in one transaction. */
@Service
public class IntakeService {

  public static final String PROCESS_KEY = "ehc-needs-assessment";
  /** The EHC duties came into force on 1 September 2014; no request can predate them. */
  static final LocalDate EARLIEST_REQUEST = LocalDate.of(2014, 9, 1);

  private final CaseRecords records;
  private final RuntimeService runtimeService;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;

  public IntakeService(CaseRecords records, RuntimeService runtimeService, StatutoryDeadlines rules,
      EngineClock clock) {
    this.records = records;
    this.runtimeService = runtimeService;
    this.rules = rules;
    this.clock = clock;
  }

  @Transactional
  public NewCaseResponse receiveRequest(NewCaseRequest request, String user) {
    LocalDate received = request.requestReceivedDate();
    LocalDate dateOfBirth = request.child().dateOfBirth();
    checkDates(received, dateOfBirth);

    CaseDeadlines deadlines = CaseDeadlines.forRequestReceived(received, rules);
    NewCaseRequest.Child child = request.child();
    String reference = records.create(new NewCaseRecord(child.forename().trim(), child.surname().trim(), dateOfBirth,
        child.sex(), NewCaseRequest.normalisePostcode(child.postcode()), child.upn(), received, request.requestSource().name(),
        deadlines, user, request.familyEmail() == null || request.familyEmail().isBlank() ? null
            : request.familyEmail().trim()));
    records.recordSen2Details(reference, child.ethnicity(), child.primaryNeed(), child.secondaryNeed());
    records.recordMilestone(reference, MilestoneType.REQUEST_RECEIVED, received, user,
        "From " + request.requestSource().name());

    VariableMap variables = Variables.createVariables()
        .putValue("caseReference", reference)
        .putValue(TaskDueDates.REQUEST_RECEIVED_DATE, received.toString())
        .putValue("requestSource", request.requestSource().name())
        .putValue("nationalCurriculumYear", NationalCurriculumYear.on(clock.today(), dateOfBirth))
        .putValue("decisionToAssessDue", deadlines.decisionToAssess().toString())
        .putValue("noPlanDecisionDue", deadlines.noPlanDecision().toString())
        .putValue("draftPlanDue", rules.draftPlanTarget(received).toString())
        .putValue("finalPlanDue", deadlines.finalPlan().toString());
    String processInstanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference, variables).getId();
    runtimeService.startProcessInstanceByKey(DeadlineWatch.PROCESS_KEY, reference, Variables.createVariables()
        .putValue("caseReference", reference)
        .putValue(TaskDueDates.REQUEST_RECEIVED_DATE, received.toString()));
    records.linkProcess(reference, processInstanceId);
    return new NewCaseResponse(reference, processInstanceId, deadlines);
  }

  private void checkDates(LocalDate received, LocalDate dateOfBirth) {
    LocalDate today = clock.today();
    if (received.isAfter(today)) {
      throw new InvalidInputException("requestReceivedDate", "must not be in the future (today is " + today + ")");
    }
    if (received.isBefore(EARLIEST_REQUEST)) {
      throw new InvalidInputException("requestReceivedDate", "must be on or after " + EARLIEST_REQUEST
          + ", when EHC needs assessments began");
    }
    if (dateOfBirth.isAfter(received)) {
      throw new InvalidInputException("child.dateOfBirth", "must not be after the date the request was received");
    }
    if (!received.isBefore(rules.twentyFifthBirthday(dateOfBirth))) {
      throw new InvalidInputException("child.dateOfBirth",
          "EHC needs assessments are for children and young people under 25");
    }
  }
}
