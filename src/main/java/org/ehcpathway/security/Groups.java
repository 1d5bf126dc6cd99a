package org.ehcpathway.security;

import java.util.List;

/** The groups of the identity service, which are the product's roles. */
public final class Groups {

  public static final String CASEWORKERS = "caseworkers";
  public static final String PANEL = "panel";
  public static final String HEALTH_ADVISERS = "health-advisers";
  public static final String SOCIAL_CARE_ADVISERS = "social-care-advisers";
  public static final String EDUCATIONAL_PSYCHOLOGISTS = "educational-psychologists";
  public static final String EDUCATION_ADVISERS = "education-advisers";
  public static final String MANAGERS = "managers";
  public static final String ADMINS = "camunda-admin";

  /** Everyone who works tasks in Tasklist. */
  public static final List<String> TASK_WORKERS = List.of(CASEWORKERS, PANEL, HEALTH_ADVISERS, SOCIAL_CARE_ADVISERS,
      EDUCATIONAL_PSYCHOLOGISTS, EDUCATION_ADVISERS, MANAGERS);

  private Groups() {
  }
}
