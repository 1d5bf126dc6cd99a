package org.ehcpathway.simulation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ehcpathway.workflow.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The settings of a run: the configured defaults ({@code ehc.simulation.history}) with whatever a request
 * changes laid over them, checked. Bad settings are an {@link InvalidInputException} or a
 * {@link ConstraintViolationException} naming the field, which the API answers with 400.
 */
@Component
public class HistorySettingsReader {

  /** The EHC duties began on 1 September 2014. */
  static final LocalDate EARLIEST = LocalDate.of(2014, 9, 1);
  /** The last day the simulated clock may be set to, as for the reports' years. */
  static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private final HistorySettings defaults;
  private final ObjectMapper objectMapper;
  private final Validator validator;

  HistorySettingsReader(HistorySettings defaults, ObjectMapper objectMapper, Validator validator) {
    this.defaults = defaults;
    this.objectMapper = objectMapper;
    this.validator = validator;
  }

  public HistorySettings defaults() {
    return defaults;
  }

  /** The defaults with the given fields changed (a JSON object with any of the settings' fields, nested too). */
  public HistorySettings read(JsonNode changes) {
    ObjectNode merged = objectMapper.valueToTree(defaults);
    if (changes != null && !changes.isNull()) {
      if (!changes.isObject()) {
        throw new InvalidInputException("settings", "must be a JSON object");
      }
      merge(merged, (ObjectNode) changes);
    }
    HistorySettings settings;
    try {
      settings = objectMapper.readerFor(HistorySettings.class)
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .readValue(merged);
    } catch (JsonMappingException e) {
      String field = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
          : String.valueOf(ref.getIndex())).collect(Collectors.joining("."));
      throw new InvalidInputException(field.isEmpty() ? "settings" : field, e.getOriginalMessage().contains("Unrecognized")
          ? "is not a setting" : "has the wrong type");
    } catch (IOException e) {
      throw new InvalidInputException("settings", "could not be read");
    }
    return check(settings);
  }

  /** Checks settings as a whole; used for the configured defaults too. */
  public HistorySettings check(HistorySettings settings) {
    Set<ConstraintViolation<HistorySettings>> violations = validator.validate(settings);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    if (settings.from() != null && settings.from().isBefore(EARLIEST)) {
      throw new InvalidInputException("from", "must be on or after " + EARLIEST + ", when EHC needs assessments began");
    }
    if (settings.from() != null && settings.from().isAfter(LATEST)) {
      throw new InvalidInputException("from", "must be on or before " + LATEST);
    }
    if (settings.to() != null && settings.to().isAfter(LATEST)) {
      throw new InvalidInputException("to", "must be on or before " + LATEST);
    }
    if (settings.from() != null && settings.to() != null) {
      if (!settings.from().isBefore(settings.to())) {
        throw new InvalidInputException("to", "must be after from (" + settings.from() + ")");
      }
      if (ChronoUnit.MONTHS.between(settings.from(), settings.to()) > 120) {
        throw new InvalidInputException("to", "the period may be at most 120 months");
      }
    }
    if (settings.from() == null && settings.to() != null && settings.to().minusMonths(settings.months())
        .isBefore(EARLIEST)) {
      throw new InvalidInputException("months", "reaches back before " + EARLIEST);
    }
    HistorySettings.Reviews reviews = settings.reviews();
    if (reviews.meetingLeadDaysMax() < reviews.meetingLeadDaysMin()) {
      throw new InvalidInputException("reviews.meetingLeadDaysMax", "must be at least meetingLeadDaysMin ("
          + reviews.meetingLeadDaysMin() + ")");
    }
    if (reviews.amendRate() + reviews.ceaseRate() > 1) {
      throw new InvalidInputException("reviews.ceaseRate", "amendRate + ceaseRate must be at most 1");
    }
    return settings;
  }

  private static void merge(ObjectNode target, ObjectNode changes) {
    Iterator<Map.Entry<String, JsonNode>> fields = changes.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = target.get(field.getKey());
      if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode changed) {
        merge(existingObject, changed);
      } else {
        target.set(field.getKey(), field.getValue());
      }
    }
  }
}
