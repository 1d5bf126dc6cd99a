package org.ehcpathway.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An exception to record on a case. */
public record ExceptionRequest(
    @NotNull(message = "is required; one of SCHOOL_CLOSURE, EARLY_YEARS_CLOSURE, EXCEPTIONAL_PERSONAL_CIRCUMSTANCES, ABSENT_FROM_AREA, MISSED_APPOINTMENT")
    ExceptionGround ground,
    @NotNull(message = "is required (YYYY-MM-DD)") LocalDate from,
    @NotNull(message = "is required (YYYY-MM-DD)") LocalDate to,
    @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String evidence,
    @NotNull(message = "is required; one of DECISION_TO_ASSESS, ADVICE, NO_PLAN_DECISION, FINAL_PLAN")
    AppliesTo appliesTo,
    String adviceType) {

  /** The step whose time limit the exception excuses. */
  public enum AppliesTo {
    DECISION_TO_ASSESS("decisionToAssess", "the decision whether to carry out an EHC needs assessment"),
    ADVICE(null, "advice for the assessment"),
    NO_PLAN_DECISION("noPlanDecision", "the decision whether to issue an EHC plan"),
    FINAL_PLAN("finalPlan", "the final EHC plan");

    private final String deadline;
    private final String step;

    AppliesTo(String deadline, String step) {
      this.deadline = deadline;
      this.step = step;
    }

    /** The case deadline it concerns; null for advice, whose due date is per request. */
    public String deadline() {
      return deadline;
    }

    public String step() {
      return step;
    }
  }
}
