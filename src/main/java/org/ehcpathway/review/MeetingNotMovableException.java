package org.ehcpathway.review;

/** The review's meeting cannot be moved now: none is scheduled, it has been held, or its report has been sent. */
public class MeetingNotMovableException extends RuntimeException {

  MeetingNotMovableException(String reason) {
    super(reason);
  }
}
