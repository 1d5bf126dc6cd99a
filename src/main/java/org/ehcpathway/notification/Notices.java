package org.ehcpathway.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.security.CurrentUser;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The appealable notices of the pathway (CFA s51; regs 5(3) and 10(2)): the text lives in templates under
 * templates/mail/, the notice is stored on the case, and the appeal date comes from the statutory rules.
 */
@Component("notices")
public class Notices {

  static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final CaseRecords records;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final CurrentUser currentUser;
  private final CouncilProperties council;
  private final TemplateEngine templates = textTemplates();

  public Notices(CaseRecords records, StatutoryDeadlines rules, EngineClock clock, CurrentUser currentUser,
      CouncilProperties council) {
    this.records = records;
    this.rules = rules;
    this.clock = clock;
    this.currentUser = currentUser;
    this.council = council;
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

  private void issue(DelegateExecution execution, String noticeType, String template) {
    String reference = execution.getProcessBusinessKey();
    LocalDate today = clock.today();
    LocalDate appealBy = rules.appealWithoutMediation(today);
    Context context = new Context(Locale.UK);
    context.setVariable("caseReference", reference);
    context.setVariable("decisionDate", LETTER_DATE.format(today));
    context.setVariable("appealBy", LETTER_DATE.format(appealBy));
    context.setVariable("reason", String.valueOf(execution.getVariable("reason")));
    context.setVariable("namedSetting", execution.getVariable("namedSetting"));
    context.setVariable("council", council);
    String body = templates.process(template, context);
    records.recordNotice(reference, noticeType, today, appealBy, body);
    records.recordMilestone(reference, MilestoneType.NOTICE_ISSUED, today, currentUser.id(), noticeType);
  }

  private static TemplateEngine textTemplates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    TemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
