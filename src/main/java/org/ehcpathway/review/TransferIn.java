package org.ehcpathway.review;

import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.casefile.NewCaseRecord;
import org.ehcpathway.intake.NewCaseRequest;
import org.ehcpathway.statutory.CaseDeadlines;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.workflow.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan moves in: the case is recorded as a plan in force (not a new plan of ours: no 20-week figures), the
 * family is to be told within 6 weeks, and the first review is due at the later of 12 months from the last
 * review and 3 months from the transfer (reg 15).
 */
@Service
public class TransferIn {

  private final CaseRecords cases;
  private final PlanRecords plans;
  private final RuntimeService runtimeService;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;

  public TransferIn(CaseRecords cases, PlanRecords plans, RuntimeService runtimeService, StatutoryDeadlines rules,
      EngineClock clock) {
    this.cases = cases;
    this.plans = plans;
    this.runtimeService = runtimeService;
    this.rules = rules;
    this.clock = clock;
  }

  @Transactional
  public String receive(TransferInRequest request, String user) {
    LocalDate issued = request.originalIssueDate();
    LocalDate transfer = request.transferDate();
    LocalDate lastReview = request.lastReviewDate();
    if (transfer.isAfter(clock.today())) {
      throw new InvalidInputException("transferDate", "must not be in the future (today is " + clock.today() + ")");
    }
    if (issued.isAfter(transfer) || issued.getYear() < 2014) {
      throw new InvalidInputException("originalIssueDate", "must be between 2014 and the transfer date");
    }
    if (lastReview != null && (lastReview.isBefore(issued) || lastReview.isAfter(transfer))) {
      throw new InvalidInputException("lastReviewDate", "must be between the plan's issue and the transfer");
    }
    var child = request.child();
    if (child.dateOfBirth().isAfter(issued)) {
      throw new InvalidInputException("child.dateOfBirth", "must not be after the plan's issue date");
    }
    String reference = cases.create(new NewCaseRecord(child.forename().trim(), child.surname().trim(),
        child.dateOfBirth(), child.sex(), NewCaseRequest.normalisePostcode(child.postcode()), child.upn(), issued, "OTHER",
        CaseDeadlines.forRequestReceived(issued, rules), user,
        request.familyEmail() == null || request.familyEmail().isBlank() ? null : request.familyEmail().trim()));
    cases.recordSen2Details(reference, child.ethnicity(), child.primaryNeed(), child.secondaryNeed());
    cases.close(reference, CaseStatus.PLAN_ISSUED, transfer);
    cases.recordOrigin(reference, "TRANSFER_IN");
    cases.recordMilestone(reference, MilestoneType.PLAN_TRANSFERRED_IN, transfer, user,
        "From LA " + request.oldLaCode() + "; plan issued " + issued);
    plans.createTransferredPlan(reference, issued, request.namedSetting(), request.oldLaCode(), lastReview, transfer);
    runtimeService.createMessageCorrelation("PlanTransferredIn").processInstanceBusinessKey(reference)
        .setVariable("caseReference", reference).correlateStartMessage();
    return reference;
  }
}
