package org.ehcpathway.casefile;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ehcpathway.notification.CaseNotifications;
import org.ehcpathway.notification.CouncilProperties;
import org.ehcpathway.notification.Recipients;
import org.ehcpathway.notification.Recipients.Recipient;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.LetterDates;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.stereotype.Component;

/**
 * The statutory deadline watch ({@code ${deadlineWatch.check(execution, 'finalPlan', 'AMBER')}}): when a deadline
 * turns AMBER or RED and its step is not done, the case records it and the caseworker and managers are told.
 */
@Component("deadlineWatch")
public class DeadlineWatch {

  public static final String PROCESS_KEY = "ehc-deadline-watch";

  private static final Map<String, String> WHAT_IS_DUE = Map.of(
      "decisionToAssess", "the decision whether to carry out an EHC needs assessment (6 weeks, regulation 5)",
      "noPlanDecision", "the decision whether to issue an EHC plan (16 weeks, regulation 10)",
      "finalPlan", "the final EHC plan (20 weeks, regulation 13)");

  private static final Map<String, String> SHORT_NAMES = Map.of(
      "decisionToAssess", "6-week decision whether to assess",
      "noPlanDecision", "16-week decision whether to issue a plan",
      "finalPlan", "20-week final plan");

  private final CaseRecords records;
  private final CaseNotifications notifications;
  private final Recipients recipients;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final CouncilProperties council;

  public DeadlineWatch(CaseRecords records, CaseNotifications notifications, Recipients recipients,
      StatutoryDeadlines rules, EngineClock clock, CurrentUser currentUser, CouncilProperties council) {
    this.records = records;
    this.notifications = notifications;
    this.recipients = recipients;
    this.rules = rules;
    this.clock = clock;
    this.currentUser = currentUser;
    this.council = council;
  }

  public void check(DelegateExecution execution, String deadline, String level) {
    Rag rag = Rag.valueOf(level);
    CaseRow row = records.find(execution.getProcessBusinessKey()).orElse(null);
    if (row == null || row.status() != CaseStatus.OPEN || row.isMet(deadline)) {
      return;
    }
    LocalDate due = row.deadlines().byName(deadline);
    LocalDate today = clock.today();
    if (rag == Rag.AMBER && !today.isBefore(rules.breachedFrom(due))) {
      return;   // already breached: the RED check that follows says so
    }
    List<Recipient> told = recipients.caseworkerAndManagers(row.createdBy());

    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", row.caseReference());
    variables.put("stage", row.stage());
    variables.put("whatIsDue", WHAT_IS_DUE.get(deadline));
    variables.put("dueDate", LetterDates.format(due));
    variables.put("requestReceivedDate", LetterDates.format(row.requestReceivedDate()));
    variables.put("level", rag.name());
    variables.put("caseLink", notifications.caseLink(row.caseReference()));
    variables.put("council", council);
    variables.put("daysLeft", LetterDates.inDays(rules.daysUntil(today, due)));
    String subject = row.caseReference() + ": " + (rag == Rag.RED ? "statutory deadline missed"
        : "statutory deadline " + variables.get("daysLeft"))
        + " - " + SHORT_NAMES.get(deadline) + " due " + LetterDates.format(due);
    notifications.email(row.caseReference(), "DEADLINE_" + rag, deadline, told, subject, "deadline-" + rag.name().toLowerCase(),
        variables);
    records.recordMilestone(row.caseReference(), rag == Rag.RED ? MilestoneType.DEADLINE_RED : MilestoneType.DEADLINE_AMBER,
        today, currentUser.id(), deadline + " due " + due + "; told " + Recipients.describe(told, "caseworker or managers"));
  }
}
