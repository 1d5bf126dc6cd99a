package org.ehcpathway.review;

/**
 * What was asked cannot be done to the plan in the state it is in (409): a meeting that has been held, a plan that
 * is already moving to another council. {@code title} names what was refused.
 */
public class PlanConflictException extends RuntimeException {

  private final String title;

  PlanConflictException(String title, String detail) {
    super(detail);
    this.title = title;
  }

  public String title() {
    return title;
  }

  static PlanConflictException meetingNotMovable(String detail) {
    return new PlanConflictException("Meeting cannot be moved", detail);
  }
}
