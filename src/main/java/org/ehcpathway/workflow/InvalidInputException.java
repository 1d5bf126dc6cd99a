package org.ehcpathway.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that a caller got wrong, naming the field. Thrown from task listeners it rolls back the step, and
 * the engine REST API and our own API answer it with 400 (see EngineRestInputErrors and ApiExceptionHandler).
 */
public class InvalidInputException extends BadUserRequestException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return getMessage().substring(field.length() + 2);
  }
}
