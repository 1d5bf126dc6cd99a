package org.ehcpathway.simulation;

import java.time.LocalDate;
import java.util.List;
import org.ehcpathway.intake.NewCaseRequest;
import org.ehcpathway.intake.RequestSource;
import org.springframework.stereotype.Component;

/**
 * The requests that arrive, with fictional children (made-up names, postcodes in the unused ZZ area, addresses at
 * {@code family.example}), and what will become of each (its {@link CaseScript}). Also the plans already in force
 * when the simulation starts, as rows for the plan import.
 */
@Component
class SimulatedFamilies {

  static final List<String> FORENAMES = List.of("Alex", "Bailey", "Casey", "Devon", "Ellis", "Finley", "Gray",
      "Harper", "Indigo", "Jordan", "Kai", "Logan", "Morgan", "Nico", "Oakley", "Parker", "Quinn", "Riley", "Sage",
      "Taylor", "Umber", "Vale", "Winter", "Wren", "Yael", "Zephyr");
  static final List<String> SURNAMES = List.of("Ashdown", "Brackenby", "Copperfield", "Dunmore", "Elmsworth",
      "Fernhill", "Greystoke", "Hollowell", "Ivybridge", "Juniper", "Kestrel", "Larkspur", "Moorcroft", "Nettlefold",
      "Oakhurst", "Pebblesworth", "Quillon", "Rookwood", "Stonebridge", "Thornbury", "Underhill", "Vexley",
      "Whitlock", "Yarrow");

  /** Who asks for an assessment: an assumption (SEN2 does not publish it), roughly as councils report it. */
  private static final double[] SOURCE_SHARES = {0.50, 0.02, 0.35, 0.06, 0.03, 0.04};

  CaseScript script(HistorySettings settings, long ordinal, LocalDate received) {
    Dice dice = Dice.of(settings.seed(), ordinal, "script");
    boolean assess = !dice.chance(settings.refusalRate());
    boolean assessOnTime = dice.chance(settings.decisionsToAssessWithin6Weeks());
    boolean issue = assess && !dice.chance(settings.noPlanRate());
    LocalDate noPlanDay = null;
    LocalDate target = null;
    boolean planOnTime = false;
    LocalDate exceptionDay = null;
    if (assess && !issue) {
      noPlanDay = dice.chance(settings.noPlanDecisionsWithin16Weeks())
          ? received.plusDays(dice.between(84, 112))
          : received.plusDays(112 + dice.exponential(28));
    }
    if (issue) {
      boolean exception = dice.chance(settings.exceptionRate());
      planOnTime = !exception && dice.chance(settings.plansWithin20Weeks());
      if (planOnTime) {
        target = received.plusDays(dice.between(105, 140));
        while (target.getDayOfWeek().getValue() > 5) {
          target = target.minusDays(1);
        }
      } else {
        target = received.plusDays(140 + dice.exponential(settings.meanDaysLatePlan() * (exception ? 1.5 : 1)));
      }
      if (exception) {
        exceptionDay = received.plusDays(dice.between(56, 126));
      }
    }
    LocalDate withdrawal = dice.chance(settings.withdrawalRate()) ? received.plusDays(dice.between(14, 120)) : null;
    return new CaseScript(ordinal, received, false, assess, assessOnTime, issue, noPlanDay, target, planOnTime,
        exceptionDay, withdrawal);
  }

  NewCaseRequest request(long seed, long ordinal, LocalDate received) {
    Dice dice = Dice.of(seed, ordinal, "child");
    LocalDate dateOfBirth = received.minusDays(ageInDays(dice));
    RequestSource source = RequestSource.values()[weighted(dice, SOURCE_SHARES)];
    String email = dice.chance(0.7) ? "family" + ordinal + "@family.example" : null;
    return new NewCaseRequest(new NewCaseRequest.Child(dice.pick(FORENAMES), dice.pick(SURNAMES), dateOfBirth,
        dice.pick(List.of("M", "M", "F", "U")), postcode(dice), null), received, source, email);
  }

  /**
   * A plan in force at the start, for the plan import: issued 3 months to 6 years before, last reviewed in the
   * 12 months before the start (if issued over a year before), so its reviews fall due through the first year.
   */
  String existingPlanRow(long seed, int n, String sourceReference, LocalDate start) {
    Dice dice = Dice.of(seed, "existing-plan", n);
    LocalDate dateOfBirth = start.minusDays(dice.between(3 * 365, 19 * 365));
    LocalDate issued = start.minusDays(dice.between(90, 6 * 365));
    if (issued.isBefore(dateOfBirth.plusYears(2))) {
      issued = dateOfBirth.plusYears(2);
    }
    LocalDate lastReview = issued.isBefore(start.minusDays(365)) ? start.minusDays(dice.between(1, 364)) : null;
    return String.join(",", sourceReference, dice.pick(FORENAMES), dice.pick(SURNAMES), dateOfBirth.toString(),
        dice.pick(List.of("M", "M", "F")), postcode(dice), issued.toString(),
        lastReview == null ? "" : lastReview.toString(), "", dice.pick(SimulatedStaff.SCHOOLS));
  }

  /** Ages at request, roughly as SEN2 reports new plans: a quarter under 5, most 5 to 15, a few 16 to 24. */
  private static int ageInDays(Dice dice) {
    double draw = dice.unit();
    int years = draw < 0.25 ? dice.between(2, 4) : draw < 0.70 ? dice.between(5, 10)
        : draw < 0.92 ? dice.between(11, 15) : draw < 0.98 ? dice.between(16, 19) : dice.between(20, 23);
    return years * 365 + dice.between(0, 364);
  }

  private static String postcode(Dice dice) {
    String letters = "ABDEFGHJLNPQRSTUWXYZ";
    return "ZZ" + dice.between(1, 9) + " " + dice.between(1, 9) + letters.charAt(dice.between(0, 19))
        + letters.charAt(dice.between(0, 19));
  }

  private static int weighted(Dice dice, double[] shares) {
    double draw = dice.unit();
    double sum = 0;
    for (int i = 0; i < shares.length; i++) {
      sum += shares[i];
      if (draw < sum) {
        return i;
      }
    }
    return shares.length - 1;
  }
}
