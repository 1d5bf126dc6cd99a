package org.ehcpathway.advice;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.notification.CaseNotifications;
import org.ehcpathway.notification.CouncilProperties;
import org.ehcpathway.notification.Recipients;
import org.ehcpathway.notification.Recipients.Recipient;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.security.Groups;
import org.ehcpathway.statutory.AdviceRequestDates;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.LetterDates;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.stereotype.Component;

/**
 * Chases advice that has not come back, as the advice model's timers call it ({@code ${adviceChasing...}}):
 * a reminder 2 weeks before it is due, a chase and an escalation to the agency on the due date, and an
 * escalation to the SEND service manager 2 weeks later. Each is a milestone on the case naming who was told.
 */
@Component("adviceChasing")
public class AdviceChasing {

  private final CaseRecords records;
  private final CaseNotifications notifications;
  private final Recipients recipients;
  private final EscalationContacts escalationContacts;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final TaskService taskService;
  private final CouncilProperties council;

  public AdviceChasing(CaseRecords records, CaseNotifications notifications, Recipients recipients,
      EscalationContacts escalationContacts, StatutoryDeadlines rules, EngineClock clock, CurrentUser currentUser,
      TaskService taskService, CouncilProperties council) {
    this.records = records;
    this.notifications = notifications;
    this.recipients = recipients;
    this.escalationContacts = escalationContacts;
    this.rules = rules;
    this.clock = clock;
    this.currentUser = currentUser;
    this.taskService = taskService;
    this.council = council;
  }

  public void remind(DelegateExecution execution) {
    Advice advice = advice(execution);
    if (rules.adviceReminder(advice.requested(), advice.due()).isEmpty()) {
      return;   // asked for at short notice: the chase on the due date is the first message
    }
    List<Recipient> advisers = recipients.group(advice.type().answeringGroup());
    notifications.email(advice.reference(), "ADVICE_REMINDER", advice.occasion(), advisers,
        advice.subject("due " + LetterDates.format(advice.due()) + ": reminder"), "advice-reminder",
        advice.variables());
    record(advice, MilestoneType.ADVICE_REMINDER_SENT,
        "reminder to " + Recipients.describe(advisers, advice.type().answeringGroup()));
  }

  public void overdue(DelegateExecution execution) {
    Advice advice = advice(execution);
    List<Recipient> advisers = recipients.group(advice.type().answeringGroup());
    notifications.email(advice.reference(), "ADVICE_OVERDUE", advice.occasion(), advisers,
        advice.subject(clock.today().equals(advice.due()) ? "due today, not received"
            : "due " + LetterDates.format(advice.due()) + ", not received"), "advice-overdue", advice.variables());
    record(advice, MilestoneType.ADVICE_OVERDUE,
        "overdue notice to " + Recipients.describe(advisers, advice.type().answeringGroup()));

    var contact = escalationContacts.forType(advice.type());
    List<Recipient> escalation = contact.map(c -> List.of(new Recipient(c.email(), c.role()))).orElse(List.of());
    Map<String, Object> variables = advice.variables();
    variables.put("escalationRole", contact.map(EscalationContacts.Contact::role).orElse("escalation contact"));
    notifications.email(advice.reference(), "ADVICE_ESCALATION", advice.occasion(), escalation,
        advice.subject("overdue: escalation to " + variables.get("escalationRole")), "advice-escalation", variables);
    record(advice, MilestoneType.ADVICE_ESCALATED, "escalated to " + Recipients.describe(escalation,
        "the " + advice.type() + " escalation contacts (ehc.escalation.contacts." + advice.type() + ")"));
  }

  public void escalateToManagers(DelegateExecution execution) {
    Advice advice = advice(execution);
    List<Recipient> managers = recipients.group(Groups.MANAGERS);
    Map<String, Object> variables = advice.variables();
    variables.put("escalationRole", "SEND service manager");
    notifications.email(advice.reference(), "ADVICE_ESCALATION_TO_MANAGERS", advice.occasion(), managers,
        advice.subject("2 weeks overdue: escalation to the SEND service manager"), "advice-escalation", variables);
    record(advice, MilestoneType.ADVICE_ESCALATED_TO_MANAGERS,
        "escalated to " + Recipients.describe(managers, Groups.MANAGERS));
  }

  private void record(Advice advice, MilestoneType type, String whoWasTold) {
    records.recordMilestone(advice.reference(), type, clock.today(), currentUser.id(),
        advice.type() + ": " + whoWasTold);
  }

  private Advice advice(DelegateExecution execution) {
    AdviceType type = AdviceType.valueOf(String.valueOf(execution.getVariable(AdviceRequests.ADVICE_TYPE)));
    AdviceRequestDates request = records.adviceRequest(execution.getProcessInstanceId());
    Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("provideAdvice").singleResult();
    Object meeting = AdviceRequests.isForReview(execution) ? execution.getVariable("meetingDate") : null;
    return new Advice(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), type, request.requested(),
        request.due(), meeting == null ? null : LocalDate.parse(meeting.toString()),
        notifications.taskLink(task == null ? null : task.getId()), council);
  }

  /** One outstanding advice request, with what every message about it says; {@code meeting} only for a review. */
  private record Advice(String reference, String processInstanceId, AdviceType type, LocalDate requested,
      LocalDate due, LocalDate meeting, String taskLink, CouncilProperties council) {

    String occasion() {
      return processInstanceId;
    }

    String subject(String what) {
      return reference + ": " + type.label() + " advice " + what;
    }

    Map<String, Object> variables() {
      Map<String, Object> variables = new HashMap<>();
      variables.put("caseReference", reference);
      variables.put("adviceLabel", type.label());
      variables.put("requestedDate", LetterDates.format(requested));
      variables.put("dueDate", LetterDates.format(due));
      variables.put("forReview", meeting != null);
      variables.put("meetingDate", meeting == null ? null : LetterDates.format(meeting));
      variables.put("answeringGroup", type.answeringGroup());
      variables.put("taskLink", taskLink);
      variables.put("council", council);
      return variables;
    }
  }
}
