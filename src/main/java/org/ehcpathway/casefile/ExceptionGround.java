package org.ehcpathway.casefile;

/** The grounds on which the regulations excuse a late step (reg 5(4), 8(2), 10(4), 13(3)). */
public enum ExceptionGround {
  SCHOOL_CLOSURE("the school is closed for 4 weeks or more", true),
  EARLY_YEARS_CLOSURE("the early years setting is closed for 4 weeks or more", true),
  EXCEPTIONAL_PERSONAL_CIRCUMSTANCES("of exceptional personal circumstances", false),
  ABSENT_FROM_AREA("the child or young person, or their family, is away from the area for 4 weeks or more", true),
  MISSED_APPOINTMENT("an appointment for an examination or test was missed", false);

  private final String forTheFamily;
  private final boolean needsFourWeeks;

  ExceptionGround(String forTheFamily, boolean needsFourWeeks) {
    this.forTheFamily = forTheFamily;
    this.needsFourWeeks = needsFourWeeks;
  }

  /** The reason in words a letter to the family can use ("because ..."). */
  public String forTheFamily() {
    return forTheFamily;
  }

  public boolean needsFourWeeks() {
    return needsFourWeeks;
  }
}
