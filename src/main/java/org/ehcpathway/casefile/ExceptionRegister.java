package org.ehcpathway.casefile;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.ehcpathway.advice.AdviceType;
import org.ehcpathway.advice.AdviceTypeList;
import org.ehcpathway.notification.CaseNotifications;
import org.ehcpathway.notification.CouncilProperties;
import org.ehcpathway.notification.MailTemplates;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.LetterDates;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.ehcpathway.workflow.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exception register: grounds on which the regulations excuse a late step. Deadlines never move; the case
 * records the exception, is flagged for the 20-week figures when it concerns the final plan, and the family is
 * told why the step will be late.
 */
@Service
public class ExceptionRegister {

  private final CaseRecords records;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final CaseNotifications notifications;
  private final MailTemplates templates;
  private final CouncilProperties council;

  public ExceptionRegister(CaseRecords records, StatutoryDeadlines rules, EngineClock clock,
      CaseNotifications notifications, MailTemplates templates, CouncilProperties council) {
    this.records = records;
    this.rules = rules;
    this.clock = clock;
    this.notifications = notifications;
    this.templates = templates;
    this.council = council;
  }

  @Transactional
  public void record(String reference, ExceptionRequest request, String user) {
    CaseRow row = records.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    if (row.status() != CaseStatus.OPEN) {
      throw new CaseNotOpenException(reference, row.status());
    }
    String adviceType = check(request, row);
    if (adviceType != null && records.advice(reference).stream().noneMatch(a -> a.type().equals(adviceType))) {
      throw new InvalidInputException("adviceType", adviceType + " advice was not requested for " + reference);
    }
    CaseView.CaseException exception = new CaseView.CaseException(request.ground().name(), request.from(),
        request.to(), request.evidence().trim(), request.appliesTo().name(), adviceType, user, clock.now());
    records.recordException(reference, exception);
    LocalDate today = clock.today();
    records.recordMilestone(reference, MilestoneType.EXCEPTION_RECORDED, today, user,
        request.ground() + " (" + request.from() + " to " + request.to() + ") for " + request.appliesTo()
            + (adviceType == null ? "" : " " + adviceType));
    String deadline = request.appliesTo().deadline();
    if (deadline == null || !row.isMet(deadline)) {
      tellTheFamily(row, request, adviceType, today);   // a step already taken is not "going to be late"
    }
  }

  private String check(ExceptionRequest request, CaseRow row) {
    if (request.from().getYear() < 2014 || request.to().getYear() > 2100) {
      throw new InvalidInputException(request.from().getYear() < 2014 ? "from" : "to",
          "must be between 2014 and 2100");
    }
    if (request.to().isBefore(request.from())) {
      throw new InvalidInputException("to", "must be on or after from (" + request.from() + ")");
    }
    if (request.ground().needsFourWeeks() && !rules.lastsFourWeeksOrMore(request.from(), request.to())) {
      throw new InvalidInputException("to", request.ground() + " counts only for 4 or more continuous weeks"
          + " (reg 5(4)); " + request.from() + " to " + request.to() + " is shorter");
    }
    if (request.to().isBefore(row.requestReceivedDate())) {
      throw new InvalidInputException("to", "the period ends before the request was received ("
          + row.requestReceivedDate() + ")");
    }
    boolean forAdvice = request.appliesTo() == ExceptionRequest.AppliesTo.ADVICE;
    if (request.ground() == ExceptionGround.MISSED_APPOINTMENT && !forAdvice) {
      throw new InvalidInputException("appliesTo", "a missed appointment excuses late advice only (reg 8(2))");
    }
    if (forAdvice && (request.adviceType() == null || request.adviceType().isBlank())) {
      throw new InvalidInputException("adviceType", "is required when the exception applies to ADVICE");
    }
    if (!forAdvice && request.adviceType() != null && !request.adviceType().isBlank()) {
      throw new InvalidInputException("adviceType", "applies only to ADVICE exceptions");
    }
    return forAdvice ? AdviceTypeList.parseOne("adviceType", request.adviceType()).name() : null;
  }

  private void tellTheFamily(CaseRow row, ExceptionRequest request, String adviceType, LocalDate today) {
    String step = adviceType == null ? request.appliesTo().step()
        : AdviceType.valueOf(adviceType).label() + " " + request.appliesTo().step();
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", row.caseReference());
    variables.put("step", step);
    variables.put("because", request.ground().forTheFamily());
    variables.put("from", LetterDates.format(request.from()));
    variables.put("to", LetterDates.format(request.to()));
    variables.put("deadline", request.appliesTo().deadline() == null ? null
        : LetterDates.format(row.deadlines().byName(request.appliesTo().deadline())));
    variables.put("council", council);
    notifications.toFamily(row.caseReference(), "EXCEPTION_NOTICE",
        request.appliesTo() + ":" + adviceType + ":" + request.ground() + ":" + request.from() + ":" + request.to()
            + ":" + today,
        row.familyEmail(), row.caseReference() + ": a step of the EHC needs assessment will be late",
        templates.render("exception-notice", variables));
  }
}
