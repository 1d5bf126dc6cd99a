package org.ehcpathway.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.casefile.CaseView;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.review.PlanRecords;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.stereotype.Service;

/** A case's statutory steps against their deadlines, from the one case view the API shows. */
@Service
class CaseTimeline {

  private final CaseFile caseFile;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;

  CaseTimeline(CaseFile caseFile, StatutoryDeadlines rules, EngineClock clock) {
    this.caseFile = caseFile;
    this.rules = rules;
    this.clock = clock;
  }

  /** The case and its steps in order of deadline (then of name, for steps due the same day). */
  public record Page(CaseView view, LocalDate today, List<TimelineStep> steps) {

    public String stage() {
      return Labels.step(view.stage());
    }

    public String nextDeadline() {
      return view.nextDeadline() == null ? "" : Labels.deadline(view.nextDeadline().name());
    }
  }

  Page of(String reference) {
    CaseView view = caseFile.view(reference);
    Steps steps = new Steps(view, clock.today());
    steps.assessment();
    view.reviews().forEach(steps::review);
    steps.list.sort(Comparator.comparing(TimelineStep::deadline).thenComparing(TimelineStep::step));
    return new Page(view, steps.today, steps.list);
  }

  /** Builds the steps of one case. */
  private final class Steps {

    private final CaseView view;
    private final LocalDate today;
    private final LocalDate received;
    private final List<TimelineStep> list = new ArrayList<>();

    Steps(CaseView view, LocalDate today) {
      this.view = view;
      this.today = today;
      this.received = view.requestReceivedDate();
    }

    /** Not for a plan that came from another council or an import: its assessment was not done here. */
    void assessment() {
      if (milestone(MilestoneType.PLAN_TRANSFERRED_IN, MilestoneType.PLAN_IMPORTED) != null) {
        return;
      }
      boolean open = view.status() == CaseStatus.OPEN;
      add("Decision whether to assess", "Reg 5(1): within 6 weeks of the request", view.deadlines().decisionToAssess(),
          milestone(MilestoneType.DECISION_TO_ASSESS, MilestoneType.DECISION_NOT_TO_ASSESS), open, null);
      for (CaseView.Advice advice : view.advice()) {
        if (advice.purpose() == null || "ASSESSMENT".equals(advice.purpose())) {
          adviceStep(advice, open);
        }
      }
      if (milestone(MilestoneType.DECISION_TO_ASSESS) == null) {
        return;
      }
      add("Decision whether to issue a plan", "Reg 10(1): a decision not to issue within 16 weeks",
          view.deadlines().noPlanDecision(),
          milestone(MilestoneType.DECISION_TO_ISSUE, MilestoneType.DECISION_NOT_TO_ISSUE), open, null);
      if (milestone(MilestoneType.DECISION_NOT_TO_ISSUE) != null) {
        return;
      }
      add("Draft plan served", "CoP 9.77: by week 14 in practice (no legal deadline)", rules.draftPlanTarget(received),
          milestone(MilestoneType.DRAFT_PLAN_SERVED), open, null);
      add("Final plan issued", "Reg 13(2): within 20 weeks of the request", view.deadlines().finalPlan(),
          milestone(MilestoneType.FINAL_PLAN_ISSUED), open,
          view.week20ExceptionApplies() ? "A 20-week exception applies (reg 13(3))" : null);
    }

    void review(PlanRecords.Review review) {
      boolean open = view.status() == CaseStatus.PLAN_ISSUED;
      add("Review " + review.cycle() + " decided", "CFA s44: within 12 months of the plan or the last review",
          review.dueDate(), review.decisionDate(), open, null);
      if (review.meetingDate() != null) {
        add("Review " + review.cycle() + " decision after the meeting",
            "Reg 20(10): within 4 weeks of the meeting on " + Figures.date(review.meetingDate()),
            rules.reviewDecision(review.meetingDate()), review.decisionDate(), open, null);
      }
    }

    private void adviceStep(CaseView.Advice advice, boolean open) {
      String step = Labels.adviceType(advice.type()) + " advice";
      String rule = "Reg 8(1): within 6 weeks of the request to the adviser";
      if (advice.returnedDate() == null && advice.closedWithoutReturnDate() != null) {
        list.add(new TimelineStep(step, rule, advice.dueDate(), advice.closedWithoutReturnDate(),
            TimelineStep.Result.WENT_ON_WITHOUT, advice.closedWithoutReason(), week(advice.dueDate()),
            week(advice.closedWithoutReturnDate())));
      } else {
        add(step, rule, advice.dueDate(), advice.returnedDate(), open, null);
      }
    }

    private void add(String step, String rule, LocalDate deadline, LocalDate done, boolean running, String note) {
      TimelineStep.Result result;
      String detail;
      if (done != null) {
        long early = rules.daysUntil(done, deadline);
        result = early >= 0 ? TimelineStep.Result.ON_TIME : TimelineStep.Result.LATE;
        detail = early == 0 ? "Done on the deadline" : early > 0 ? "Done " + days(early) + " early"
            : "Done " + days(-early) + " late";
      } else if (!running) {
        result = TimelineStep.Result.NOT_REACHED;
        detail = "The case closed before this step";
      } else {
        long left = rules.daysUntil(today, deadline);
        result = left >= 0 ? TimelineStep.Result.DUE : TimelineStep.Result.OVERDUE;
        detail = left == 0 ? "Due today" : left > 0 ? "Due in " + days(left) : "Overdue by " + days(-left);
      }
      list.add(new TimelineStep(step, rule, deadline, done, result, note == null ? detail : detail + ". " + note,
          week(deadline), week(done)));
    }

    private Double week(LocalDate date) {
      return date == null ? null : Math.round(rules.daysUntil(received, date) * 10 / 7.0) / 10.0;
    }

    private LocalDate milestone(MilestoneType... types) {
      Set<MilestoneType> wanted = Set.of(types);
      return view.milestones().stream().filter(m -> wanted.contains(m.type())).map(CaseView.Milestone::date)
          .findFirst().orElse(null);
    }

    private static String days(long days) {
      return days == 1 ? "1 day" : days + " days";
    }
  }
}
