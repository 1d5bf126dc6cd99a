package org.ehcpathway.advice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ehcpathway.workflow.InvalidInputException;

/**
 * Reads {@code adviceTypes} however it arrives: a comma-separated String ("HEALTH,SOCIAL_CARE"), a JSON array
 * (as a Tasklist checklist submits it, a Spin JSON value or a String holding JSON) or a Java collection.
 */
public final class AdviceTypeList {

  public static final String VARIABLE = "adviceTypes";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AdviceTypeList() {
  }

  public static List<AdviceType> parse(Object value) {
    List<String> names = names(value);
    Set<AdviceType> types = new LinkedHashSet<>();
    for (String name : names) {
      try {
        types.add(AdviceType.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(VARIABLE, "unknown advice type '" + abbreviate(name) + "'; expected "
            + Arrays.stream(AdviceType.values()).map(Enum::name).collect(Collectors.joining(", ")));
      }
    }
    if (types.isEmpty()) {
      throw new InvalidInputException(VARIABLE, "choose at least one type of advice to seek");
    }
    return List.copyOf(types);
  }

  /** Exactly one advice type, named by {@code field} in the error. */
  public static AdviceType parseOne(String field, String value) {
    try {
      return AdviceType.valueOf(value == null ? "" : value.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "'" + abbreviate(String.valueOf(value)) + "' is not one of "
          + Arrays.stream(AdviceType.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
  }

  private static List<String> names(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().map(item -> String.valueOf(item).trim()).filter(s -> !s.isEmpty()).toList();
    }
    String text = value.toString().trim();
    if (text.startsWith("[")) {
      try {
        List<String> names = new ArrayList<>();
        for (var node : JSON.readTree(text)) {
          names.add(node.asText().trim());
        }
        return names.stream().filter(s -> !s.isEmpty()).toList();
      } catch (JsonProcessingException e) {
        throw new InvalidInputException(VARIABLE, "is not a valid JSON array of advice types");
      }
    }
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
