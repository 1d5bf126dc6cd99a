package org.ehcpathway.notification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.LetterDates;
import org.ehcpathway.statutory.ReviewDates;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.stereotype.Component;

/**
 * The appealable notices of the pathway (CFA s51; regs 5(3) and 10(2)): the text lives in templates under
 * templates/mail/, the notice is stored on the case and goes to the family through the outbox (by email when the
 * case has their address, otherwise as a letter to post), and the appeal date comes from the statutory rules.
 */
@Component("notices")
public class Notices {

  private static final Map<String, String> SUBJECTS = Map.of(
      "REFUSAL_TO_ASSESS", "decision not to carry out an EHC needs assessment, and your right to appeal",
      "DECISION_NOT_TO_ISSUE", "decision not to issue an EHC plan, and your right to appeal",
      "FINAL_PLAN", "your final EHC plan, and your right to appeal",
      "REVIEW_MAINTAINED", "annual review decision: the EHC plan continues unchanged, and your right to appeal",
      "PLAN_CEASED", "decision to cease the EHC plan, and your right to appeal",
      "NOT_AMENDED", "decision not to amend the EHC plan after its review, and your right to appeal",
      "AMENDED_PLAN", "your amended EHC plan, and your right to appeal");


  private final CaseRecords records;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final CouncilProperties council;
  private final MailTemplates templates;
  private final CaseNotifications notifications;
  private final ReviewDates reviewDates;

  public Notices(CaseRecords records, StatutoryDeadlines rules, EngineClock clock, CurrentUser currentUser,
      CouncilProperties council, MailTemplates templates, CaseNotifications notifications, ReviewDates reviewDates) {
    this.reviewDates = reviewDates;
    this.notifications = notifications;
    this.records = records;
    this.rules = rules;
    this.clock = clock;
    this.currentUser = currentUser;
    this.council = council;
    this.templates = templates;
  }

  public void refusalToAssess(DelegateExecution execution) {
    issue(execution, "REFUSAL_TO_ASSESS", "refusal-to-assess");
  }

  public void decisionNotToIssue(DelegateExecution execution) {
    issue(execution, "DECISION_NOT_TO_ISSUE", "decision-not-to-issue");
  }

  /** The final plan's covering notice: appeal rights against sections B, F and I. */
  public void finalPlan(DelegateExecution execution) {
    issue(execution, "FINAL_PLAN", "final-plan");
  }

  /** After an annual review: the plan stays as it is (appealable, CFA s51(2)(e)). */
  public void reviewMaintained(DelegateExecution execution) {
    issue(execution, "REVIEW_MAINTAINED", "review-maintained");
  }

  /** The amended plan after a review (sections B, F and I appealable, CFA s51). */
  public void amendedPlan(DelegateExecution execution) {
    issue(execution, "AMENDED_PLAN", "amended-plan");
  }

  /** Reg 22(3)(b): after the review the council will not amend the plan after all (appealable, CFA s51(2)(e)). */
  public void notAmended(DelegateExecution execution) {
    issue(execution, "NOT_AMENDED", "plan-not-amended");
  }

  /**
   * The decision to cease (appealable, CFA s51(2)(f)): the plan stays in force until the day after the last day to
   * appeal, or until the tribunal decides.
   */
  public void planCeased(DelegateExecution execution) {
    issue(execution, "PLAN_CEASED", "plan-ceased", Map.of("ceasesOn",
        LetterDates.withoutDay(rules.ceasesUnlessAppealed(clock.today()))));
  }

  private static String subject(String noticeType) {
    String subject = SUBJECTS.get(noticeType);
    if (subject == null) {
      throw new IllegalStateException("No email subject for notice " + noticeType);
    }
    return subject;
  }

  private void issue(DelegateExecution execution, String noticeType, String template) {
    issue(execution, noticeType, template, Map.of());
  }

  private void issue(DelegateExecution execution, String noticeType, String template, Map<String, Object> extra) {
    String reference = execution.getProcessBusinessKey();
    LocalDate today = clock.today();
    LocalDate appealBy = rules.appealWithoutMediation(today);
    // A HashMap: namedSetting may be null (a notice before provision is agreed).
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", reference);
    variables.put("decisionDate", LetterDates.withoutDay(today));
    variables.put("appealBy", LetterDates.withoutDay(appealBy));
    variables.put("reason", String.valueOf(execution.getVariable("reason")));
    variables.put("namedSetting", execution.getVariable("namedSetting"));
    variables.put("council", council);
    // a review held while the family appeals against a decision to cease: its notice says that decision stands
    variables.put("ceaseUnderAppeal", reviewDates.ceaseDecisionUnderAppeal(reference).map(LetterDates::withoutDay)
        .orElse(null));
    variables.putAll(extra);
    String body = templates.render(template, variables);
    records.recordNotice(reference, noticeType, today, appealBy, body);
    String familyEmail = records.find(reference).map(row -> row.familyEmail()).orElse(null);
    notifications.toFamily(reference, noticeType, execution.getProcessInstanceId() + ":" + today, familyEmail,
        reference + ": " + subject(noticeType), body);
    records.recordMilestone(reference, MilestoneType.NOTICE_ISSUED, today, currentUser.id(), noticeType);
  }
}
