package org.ehcpathway.review;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.workflow.InvalidInputException;

/** A date a task is completed with: Tasklist's date field sends YYYY-MM-DD, the REST API may send a Date. */
final class TaskDates {

  private TaskDates() {
  }

  static LocalDate required(VariableScope task, String name) {
    Object value = task.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidInputException(name, "is required (YYYY-MM-DD)");
    }
    if (value instanceof Date date) {
      return EngineClock.dateOf(date);
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    } catch (RuntimeException e) {
      throw new InvalidInputException(name, "'" + value + "' is not a date in the form YYYY-MM-DD");
    }
  }
}
