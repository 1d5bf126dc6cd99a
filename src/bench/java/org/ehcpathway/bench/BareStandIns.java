package org.ehcpathway.bench;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The product's expression beans for a bare engine running the product's BPMN: each makes the same <em>engine</em>
 * calls as the product's bean (start the annual review and its watch, delete the deadline watch, return the advice
 * types, the due dates and the timer dates) and nothing else: no read model, no milestones, no outbox, no input
 * checks. Dates are 60 days on, so no timer falls due during a run.
 */
final class BareStandIns {

  private BareStandIns() {
  }

  static Map<Object, Object> beans() {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("deadlines", new Deadlines());
    beans.put("caseStatus", new CaseStatus());
    beans.put("adviceRequests", new AdviceRequests());
    beans.put("adviceChasing", new NoOp());
    beans.put("deadlineWatch", new DeadlineWatch());
    beans.put("notices", new NoOp());
    beans.put("panelDecisions", new NoOp());
    beans.put("planSteps", new NoOp());
    beans.put("planReviews", new PlanReviews());
    return beans;
  }

  static Date later() {
    return new Date(ClockUtil.getCurrentTime().getTime() + 60L * 24 * 3600 * 1000);
  }

  /** Every due date and timer date of the models. */
  public static class Deadlines {
    public Date adviceDue(DelegateExecution e) { return later(); }
    public Date adviceOverdueAt(DelegateExecution e) { return later(); }
    public Date adviceReminderAt(DelegateExecution e) { return later(); }
    public Date adviceSecondEscalationAt(DelegateExecution e) { return later(); }
    public Date amberAt(DelegateExecution e, String deadline) { return later(); }
    public Date redAt(DelegateExecution e, String deadline) { return later(); }
    public Date amendedPlan(DelegateExecution e) { return later(); }
    public Date amendmentRepresentations(DelegateExecution e) { return later(); }
    public Date amendmentWindowClosesAt(DelegateExecution e) { return later(); }
    public Date decisionToAssess(DelegateExecution e) { return later(); }
    public Date draftPlan(DelegateExecution e) { return later(); }
    public Date finalPlan(DelegateExecution e) { return later(); }
    public Date lateAdviceDecision(DelegateExecution e) { return later(); }
    public Date noPlanDecision(DelegateExecution e) { return later(); }
    public Date representationWindowClosesAt(DelegateExecution e) { return later(); }
    public Date representations(DelegateExecution e) { return later(); }
    public Date reviewAdviceClosesAt(DelegateExecution e) { return later(); }
    public Date reviewAmberAt(DelegateExecution e) { return later(); }
    public Date reviewDecision(DelegateExecution e) { return later(); }
    public Date reviewRedAt(DelegateExecution e) { return later(); }
    public Date reviewReport(DelegateExecution e) { return later(); }
    public Date scheduleReviewMeeting(DelegateExecution e) { return later(); }
    public Date sendProposedAmendments(DelegateExecution e) { return later(); }
    public Date settingConsultation(DelegateExecution e) { return later(); }
    public Date transferNoticeToFamily(DelegateExecution e) { return later(); }
  }

  /** Listeners and service tasks whose product work is all in the read model and the outbox. */
  public static class NoOp {
    public void escalateToManagers(DelegateExecution e) { }
    public void overdue(DelegateExecution e) { }
    public void remind(DelegateExecution e) { }
    public void amendedPlan(DelegateExecution e) { }
    public void decisionNotToIssue(DelegateExecution e) { }
    public void finalPlan(DelegateExecution e) { }
    public void notAmended(DelegateExecution e) { }
    public void planCeased(DelegateExecution e) { }
    public void refusalToAssess(DelegateExecution e) { }
    public void reviewMaintained(DelegateExecution e) { }
    public void agreeProvision(DelegateTask t) { }
    public void decideWhetherToAssess(DelegateTask t) { }
    public void decideWhetherToIssue(DelegateTask t) { }
    public void prepareDecisionToAssess(DelegateTask t) { }
    public void prepareDecisionToIssue(DelegateTask t) { }
    public void prepareProvision(DelegateTask t) { }
    public void consultationSent(DelegateTask t) { }
    public void draftServed(DelegateTask t) { }
    public void finalPlanIssued(DelegateTask t) { }
    public void representationWindowClosed(DelegateExecution e) { }
    public void representationsReceived(DelegateTask t) { }
    public void settingResponded(DelegateTask t) { }
  }

  public static class CaseStatus {
    public void enterStage(DelegateExecution e) { }
    public void taskCreated(DelegateTask t) { }
    public void labelTask(DelegateTask t) { }

    /** As the product: the case's deadline watch ends with it. */
    public void close(DelegateExecution e, String status) {
      var runtime = e.getProcessEngineServices().getRuntimeService();
      runtime.createProcessInstanceQuery().processDefinitionKey("ehc-deadline-watch")
          .processInstanceBusinessKey(e.getProcessBusinessKey()).list()
          .forEach(watch -> runtime.deleteProcessInstance(watch.getId(), "Case " + status));
    }
  }

  public static class AdviceRequests {
    public List<String> typesToRequest(DelegateExecution e) {
      String json = String.valueOf(e.getVariable("adviceTypes"));
      return List.of(json.replaceAll("[\\[\\]\" ]", "").split(","));
    }

    public String answeringGroup(DelegateExecution e) {
      return PathwayBenchmark.GROUP_OF_ADVICE.get(String.valueOf(e.getVariable("adviceType")));
    }

    public void recordRequest(DelegateExecution e) { }
    public void decideOnLateAdvice(DelegateTask t) { }
    public void proceedWithout(DelegateExecution e) { }
    public void recordAdvice(DelegateTask t) { }
  }

  public static class DeadlineWatch {
    public void check(DelegateExecution e, String deadline, String level) { }
  }

  public static class PlanReviews {
    /** As the product: the plan's annual reviews start when the final plan is issued. */
    public void startAfterFinalPlan(DelegateExecution e) {
      e.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey("ehc-annual-review",
          e.getProcessBusinessKey(), Variables.putValue("caseReference", e.getProcessBusinessKey()));
    }

    /** As the product: the cycle's variables and its review watch. */
    public void openCycle(DelegateExecution e) {
      var runtime = e.getProcessEngineServices().getRuntimeService();
      runtime.createProcessInstanceQuery().processDefinitionKey("ehc-review-watch")
          .processInstanceBusinessKey(e.getProcessBusinessKey()).list()
          .forEach(watch -> runtime.deleteProcessInstance(watch.getId(), "Review cycle closed"));
      e.setVariable("reviewCycle", 1);
      e.setVariable("reviewDue", "2099-01-01");
      e.setVariable("latestMeetingDate", "2098-12-01");
      e.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey("ehc-review-watch",
          e.getProcessBusinessKey(), Variables.putValue("caseReference", e.getProcessBusinessKey())
              .putValue("reviewCycle", 1));
    }

    public List<String> reviewAdviceTypes(DelegateExecution e) { return List.of("EDUCATIONAL"); }
    public void checkDeadline(DelegateExecution e, String level) { }
    public void amendedPlanIssued(DelegateTask t) { }
    public void amendmentViewsReceived(DelegateTask t) { }
    public void amendmentWindowClosed(DelegateExecution e) { }
    public void amendmentsSent(DelegateTask t) { }
    public void cease(DelegateExecution e) { }
    public void familyToldAboutTransfer(DelegateTask t) { }
    public void meetingScheduled(DelegateTask t) { }
    public void outcomeDecided(DelegateTask t) { }
    public void reportSubmitted(DelegateTask t) { }
    public void reviewAdviceNotReceived(DelegateExecution e) { }
  }
}
