package org.ehcpathway.dashboard;

import java.util.Map;
import org.ehcpathway.advice.AdviceType;

/** Plain words for the identifiers the read model stores (step ids, deadline names, advice types). */
final class Labels {

  private static final Map<String, String> DEADLINES = Map.of(
      "decisionToAssess", "Decision whether to assess (6 weeks)",
      "noPlanDecision", "Decision whether to issue a plan (16 weeks)",
      "finalPlan", "Final plan (20 weeks)");

  private Labels() {
  }

  /** A BPMN step id as words: {@code decideWhetherToAssess} is "Decide whether to assess". */
  static String step(String id) {
    if (id == null || id.isBlank()) {
      return "";
    }
    String words = id.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.UK);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static String deadline(String name) {
    return name == null ? "" : DEADLINES.getOrDefault(name, step(name));
  }

  /** The order of the advice types in regulation 6 (educational, health, psychological, ...); unknown types last. */
  static int adviceOrder(String type) {
    try {
      return AdviceType.valueOf(type).ordinal();
    } catch (IllegalArgumentException | NullPointerException e) {
      return Integer.MAX_VALUE;
    }
  }

  /** "Health", "Educational psychology": the agency an advice type is asked of; unknown types as stored. */
  static String adviceType(String type) {
    try {
      String label = AdviceType.valueOf(type).label();
      return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    } catch (IllegalArgumentException | NullPointerException e) {
      return type;
    }
  }
}
