package org.ehcpathway.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The reports as CSV for spreadsheets: each figure is named by its path in the JSON ({@code newPlans.within20Weeks},
 * {@code advice.HEALTH.returned}), so the CSV and the JSON always say the same thing.
 */
@Component
class ReportCsv {

  private final ObjectMapper json;

  ReportCsv(ObjectMapper json) {
    this.json = json;
  }

  /** One row per figure: {@code measure,value}. */
  String timeliness(TimelinessReport report) {
    StringBuilder csv = new StringBuilder("measure,value\r\n");
    flatten(report).forEach((measure, value) -> csv.append(cell(measure)).append(',').append(cell(value))
        .append("\r\n"));
    return csv.toString();
  }

  /** One row per month and one for the year, one column per figure. */
  String monthly(MonthlyTimeliness monthly) {
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> periods = new ArrayList<>();
    for (TimelinessReport month : monthly.months()) {
      rows.add(flatten(month));
      periods.add(month.from().toString().substring(0, 7));
    }
    rows.add(flatten(monthly.wholeYear()));
    periods.add(String.valueOf(monthly.year()));
    Set<String> columns = new LinkedHashSet<>();
    rows.forEach(row -> columns.addAll(row.keySet()));
    columns.remove("from");
    columns.remove("to");
    StringBuilder csv = new StringBuilder("period,")
        .append(columns.stream().map(ReportCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      csv.append(cell(periods.get(i))).append(',')
          .append(columns.stream().map(column -> cell(row.getOrDefault(column, ""))).collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString();
  }

  String atRisk(List<AtRiskCase> cases) {
    StringBuilder csv = new StringBuilder("caseReference,requestReceivedDate,stage,weekInPathway,nextDeadline,"
        + "nextDeadlineDate,rag,outstandingAdvice,forecastIssueDate,forecastWithin20Weeks,caseworker\r\n");
    for (AtRiskCase c : cases) {
      String advice = c.outstandingAdvice().stream()
          .map(a -> a.type() + " due " + a.dueDate() + (a.daysLate() > 0 ? " (" + a.daysLate() + " days late)" : ""))
          .collect(Collectors.joining("; "));
      csv.append(String.join(",", cell(c.caseReference()), cell(String.valueOf(c.requestReceivedDate())),
          cell(c.stage()), String.valueOf(c.weekInPathway()), cell(c.nextDeadline()),
          cell(String.valueOf(c.nextDeadlineDate())), c.rag().name(), cell(advice),
          cell(String.valueOf(c.forecastIssueDate())), String.valueOf(c.forecastWithin20Weeks()),
          cell(c.caseworker()))).append("\r\n");
    }
    return csv.toString();
  }

  private Map<String, String> flatten(Object report) {
    Map<String, String> values = new LinkedHashMap<>();
    flatten("", json.valueToTree(report), values);
    return values;
  }

  private static void flatten(String path, JsonNode node, Map<String, String> values) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field ->
          flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), values));
    } else {
      values.put(path, node.isNull() ? "" : node.asText());
    }
  }

  /** RFC 4180 quoting, and a leading apostrophe so a spreadsheet never runs a value as a formula. */
  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
        ? "'" + value : value;
    return safe.matches(".*[,\"\r\n].*") || safe.contains("\n")
        ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
