package org.ehcpathway.advice;

import org.ehcpathway.security.Groups;

/** The advice and information sought for an assessment (reg 6(1)) and the group that gives it. */
public enum AdviceType {
  EDUCATIONAL(Groups.EDUCATION_ADVISERS),
  HEALTH(Groups.HEALTH_ADVISERS),
  PSYCHOLOGICAL(Groups.EDUCATIONAL_PSYCHOLOGISTS),
  SOCIAL_CARE(Groups.SOCIAL_CARE_ADVISERS),
  PREPARING_FOR_ADULTHOOD(Groups.EDUCATION_ADVISERS),
  OTHER(Groups.CASEWORKERS);

  private final String answeringGroup;

  AdviceType(String answeringGroup) {
    this.answeringGroup = answeringGroup;
  }

  public String answeringGroup() {
    return answeringGroup;
  }
}
