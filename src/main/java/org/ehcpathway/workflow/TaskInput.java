package org.ehcpathway.workflow;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads and checks the variables a user task is completed with, naming the variable in every error. */
public final class TaskInput {

  private final VariableScope scope;

  private TaskInput(VariableScope scope) {
    this.scope = scope;
  }

  public static TaskInput of(VariableScope scope) {
    return new TaskInput(scope);
  }

  public <E extends Enum<E>> E requiredChoice(String name, Class<E> type) {
    Object value = scope.getVariable(name);
    String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException(name, "is required; one of " + allowed);
    }
    try {
      return Enum.valueOf(type, value.toString().trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(name, "'" + abbreviate(value.toString()) + "' is not one of " + allowed);
    }
  }

  public String requiredText(String name, int maxLength) {
    String text = optionalText(name, maxLength);
    if (text == null) {
      throw new InvalidInputException(name, "is required");
    }
    return text;
  }

  /** Trimmed text, or null when absent or blank. */
  public String optionalText(String name, int maxLength) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new InvalidInputException(name, "must be text");
    }
    String trimmed = text.trim();
    if (trimmed.length() > maxLength) {
      throw new InvalidInputException(name, "must be at most " + maxLength + " characters");
    }
    return trimmed;
  }

  /** A yes/no answer; absent means no. Accepts a boolean or the text "true"/"false". */
  public boolean flag(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new InvalidInputException(name, "must be true or false");
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
