package org.ehcpathway.casefile;

public class CaseNotOpenException extends RuntimeException {

  public CaseNotOpenException(String reference, CaseStatus status) {
    super("Case " + reference + " is " + status + ", not OPEN");
  }
}
