package org.ehcpathway.advice;

import java.util.List;
import org.ehcpathway.security.Groups;

/** The advice and information sought for an assessment (reg 6(1)) and the group that gives it. */
public enum AdviceType {
  EDUCATIONAL(Groups.EDUCATION_ADVISERS, "educational"),
  HEALTH(Groups.HEALTH_ADVISERS, "health"),
  PSYCHOLOGICAL(Groups.EDUCATIONAL_PSYCHOLOGISTS, "educational psychology"),
  SOCIAL_CARE(Groups.SOCIAL_CARE_ADVISERS, "social care"),
  PREPARING_FOR_ADULTHOOD(Groups.EDUCATION_ADVISERS, "preparing for adulthood"),
  OTHER(Groups.CASEWORKERS, "other");

  /** Reg 6(1)(b)-(e): sought in every assessment unless existing advice suffices (reg 6(4)). */
  public static final List<AdviceType> REQUIRED_BY_REGULATION_6 = List.of(EDUCATIONAL, HEALTH, PSYCHOLOGICAL,
      SOCIAL_CARE);

  private final String answeringGroup;
  private final String label;

  AdviceType(String answeringGroup, String label) {
    this.answeringGroup = answeringGroup;
    this.label = label;
  }

  /** In plain words, as in "health advice". */
  public String label() {
    return label;
  }

  public String answeringGroup() {
    return answeringGroup;
  }
}
