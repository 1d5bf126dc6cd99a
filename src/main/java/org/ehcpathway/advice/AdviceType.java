package org.ehcpathway.advice;

import java.util.List;
import org.ehcpathway.security.Groups;

/** The advice and information sought for an assessment (reg 6(1)) and the group that gives it. */
public enum AdviceType {
  EDUCATIONAL(Groups.EDUCATION_ADVISERS),
  HEALTH(Groups.HEALTH_ADVISERS),
  PSYCHOLOGICAL(Groups.EDUCATIONAL_PSYCHOLOGISTS),
  SOCIAL_CARE(Groups.SOCIAL_CARE_ADVISERS),
  PREPARING_FOR_ADULTHOOD(Groups.EDUCATION_ADVISERS),
  OTHER(Groups.CASEWORKERS);

  /** Reg 6(1)(b)-(e): sought in every assessment unless existing advice suffices (reg 6(4)). */
  public static final List<AdviceType> REQUIRED_BY_REGULATION_6 = List.of(EDUCATIONAL, HEALTH, PSYCHOLOGICAL,
      SOCIAL_CARE);

  private final String answeringGroup;

  AdviceType(String answeringGroup) {
    this.answeringGroup = answeringGroup;
  }

  public String answeringGroup() {
    return answeringGroup;
  }
}
