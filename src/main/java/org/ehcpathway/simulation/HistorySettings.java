package org.ehcpathway.simulation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Map;
import org.ehcpathway.advice.AdviceType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the simulator is asked to generate: the period, the volumes and how the council and its partners behave.
 * Every rate is a share from 0 to 1. The defaults are in {@code application.yaml} ({@code ehc.simulation.history})
 * with the England 2024 figure each comes from; {@code docs/simulator.md} explains them.
 */
@ConfigurationProperties("ehc.simulation.history")
public record HistorySettings(
    @Min(value = 1, message = "must be 1 to 120") @Max(value = 120, message = "must be 1 to 120") int months,
    LocalDate from,
    LocalDate to,
    @Min(value = 0, message = "must be 0 to 2000") @Max(value = 2000, message = "must be 0 to 2000")
    int requestsPerMonth,
    @Min(value = 0, message = "must be 0 to 20000") @Max(value = 20000, message = "must be 0 to 20000")
    int existingPlans,
    long seed,
    @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
    double refusalRate,
    @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
    double decisionsToAssessWithin6Weeks,
    @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
    double noPlanRate,
    @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
    double noPlanDecisionsWithin16Weeks,
    @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
    double plansWithin20Weeks,
    @Min(value = 1, message = "must be 1 to 365") @Max(value = 365, message = "must be 1 to 365")
    int meanDaysLatePlan,
    @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
    double exceptionRate,
    @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
    double withdrawalRate,
    @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
    double familyViewsRate,
    @NotNull(message = "is required") Map<AdviceType, @Valid @NotNull(message = "is required") AgencyAdvice> advice,
    @NotNull(message = "is required") @Valid Reviews reviews) {

  /** How one agency answers a request for assessment advice (reg 8(1): within 6 weeks). */
  public record AgencyAdvice(
      @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
      double onTimeRate,
      @Min(value = 1, message = "must be 1 to 365") @Max(value = 365, message = "must be 1 to 365")
      int meanDaysLate) {
  }

  /** How annual reviews go (reg 20-22). */
  public record Reviews(
      @Min(value = 14, message = "must be 14 to 120 (invitations 2 weeks ahead, reg 20(3))")
      @Max(value = 120, message = "must be 14 to 120") int meetingLeadDaysMin,
      @Min(value = 14, message = "must be 14 to 120") @Max(value = 120, message = "must be 14 to 120")
      int meetingLeadDaysMax,
      @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
      double meetingsInTime,
      @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
      double adviceBeforeDue,
      @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
      double reportsWithin2Weeks,
      @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
      double decisionsWithin4Weeks,
      @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
      double amendRate,
      @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
      double ceaseRate,
      @DecimalMin(value = "0", message = "must be 0 to 1") @DecimalMax(value = "1", message = "must be 0 to 1")
      double amendedPlansWithin8Weeks) {
  }

  /** The same settings over another period. */
  public HistorySettings between(LocalDate from, LocalDate to) {
    return new HistorySettings(months, from, to, requestsPerMonth, existingPlans, seed, refusalRate,
        decisionsToAssessWithin6Weeks, noPlanRate, noPlanDecisionsWithin16Weeks, plansWithin20Weeks,
        meanDaysLatePlan, exceptionRate, withdrawalRate, familyViewsRate, advice, reviews);
  }

  /** The same settings with other volumes. */
  public HistorySettings withVolumes(int months, int requestsPerMonth, int existingPlans) {
    return new HistorySettings(months, from, to, requestsPerMonth, existingPlans, seed, refusalRate,
        decisionsToAssessWithin6Weeks, noPlanRate, noPlanDecisionsWithin16Weeks, plansWithin20Weeks,
        meanDaysLatePlan, exceptionRate, withdrawalRate, familyViewsRate, advice, reviews);
  }

  /** How the advice of a type is answered; a type with no settings answers like educational advice. */
  AgencyAdvice adviceFor(String type) {
    try {
      AgencyAdvice settings = advice.get(AdviceType.valueOf(type));
      return settings != null ? settings : advice.getOrDefault(AdviceType.EDUCATIONAL, new AgencyAdvice(0.8, 14));
    } catch (IllegalArgumentException e) {
      return new AgencyAdvice(0.8, 14);
    }
  }
}
