package org.ehcpathway.dashboard;

/**
 * England's figures for the national indicators, shown beside the council's own. Source: DfE "Education, health and
 * care plans" (SEN2), calendar year 2024, as quoted in ../shared/reference/statutory-timescales.md ("National
 * indicators"). Update them here, with {@link #YEAR}, when a new year is published; docs/dashboard.md says how.
 */
final class EnglandFigures {

  static final int YEAR = 2024;

  /** New plans issued within 20 weeks, excluding plans where an exception applies. */
  static final double PLANS_WITHIN_20_WEEKS_EXCLUDING_EXCEPTIONS = 46.4;

  /** Decisions whether to assess made within 6 weeks. */
  static final double DECISIONS_TO_ASSESS_WITHIN_6_WEEKS = 84.8;

  /** Decisions not to issue a plan made within 16 weeks. */
  static final double NO_PLAN_DECISIONS_WITHIN_16_WEEKS = 34.1;

  /** Annual review decisions made within 4 weeks of the review meeting. */
  static final double REVIEW_DECISIONS_WITHIN_4_WEEKS = 44.4;

  private EnglandFigures() {
  }
}
