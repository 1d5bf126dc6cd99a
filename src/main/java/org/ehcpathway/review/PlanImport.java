package org.ehcpathway.review;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.ehcpathway.casefile.CaseRecords;
import org.ehcpathway.casefile.CaseStatus;
import org.ehcpathway.casefile.MilestoneType;
import org.ehcpathway.casefile.NewCaseRecord;
import org.ehcpathway.intake.NewCaseRequest;
import org.ehcpathway.statutory.CaseDeadlines;
import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.statutory.StatutoryDeadlines;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a council's existing plans from CSV and starts each one's review cycle. Each row commits on its own:
 * good rows load, bad rows are reported by line number, and a row whose reference was imported before is
 * skipped, so running the same file again duplicates nothing.
 */
@Service
public class PlanImport {

  public static final String HEADER =
      "reference,forename,surname,dateOfBirth,sex,postcode,issueDate,lastReviewDate,nextPhaseTransfer,placement";
  /** The header with the SEN2 details as three more columns (each may be blank), so the plans count in SEN2. */
  public static final String HEADER_WITH_SEN2 = HEADER + ",primaryNeed,secondaryNeed,ethnicity";

  public record RowError(int line, String message) {
  }

  public record Result(int loaded, int alreadyImported, List<RowError> errors) {
  }

  private final CaseRecords cases;
  private final PlanRecords plans;
  private final RuntimeService runtimeService;
  private final StatutoryDeadlines rules;
  private final EngineClock clock;
  private final TransactionTemplate perRow;

  public PlanImport(CaseRecords cases, PlanRecords plans, RuntimeService runtimeService, StatutoryDeadlines rules,
      EngineClock clock, PlatformTransactionManager transactions) {
    this.cases = cases;
    this.plans = plans;
    this.runtimeService = runtimeService;
    this.rules = rules;
    this.clock = clock;
    this.perRow = new TransactionTemplate(transactions);
  }

  public Result load(String csv, String user) {
    String[] lines = csv.replace("\r", "").split("\n");
    List<RowError> errors = new ArrayList<>();
    boolean withSen2 = lines.length > 0 && lines[0].trim().equalsIgnoreCase(HEADER_WITH_SEN2);
    if (lines.length == 0 || !(withSen2 || lines[0].trim().equalsIgnoreCase(HEADER))) {
      return new Result(0, 0, List.of(new RowError(1, "the first line must be the header: " + HEADER
          + " (optionally followed by ,primaryNeed,secondaryNeed,ethnicity)")));
    }
    int loaded = 0;
    int skipped = 0;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int lineNumber = i + 1;
      try {
        Row row = Row.parse(lines[i], clock.today(), withSen2 ? 13 : 10);
        Boolean created = perRow.execute(status -> {
          if (plans.isImported(row.reference())) {
            return false;
          }
          importRow(row, user);
          return true;
        });
        if (Boolean.TRUE.equals(created)) {
          loaded++;
        } else {
          skipped++;
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        errors.add(new RowError(lineNumber, e.getMessage()));
      }
    }
    return new Result(loaded, skipped, errors);
  }

  private void importRow(Row row, String user) {
    String reference = cases.create(new NewCaseRecord(row.forename(), row.surname(), row.dateOfBirth(), row.sex(),
        row.postcode(), null, row.issueDate(), "OTHER", CaseDeadlines.forRequestReceived(row.issueDate(), rules), user,
        null));
    cases.close(reference, CaseStatus.PLAN_ISSUED, row.issueDate());
    cases.recordOrigin(reference, "IMPORT");
    cases.recordSen2Details(reference, row.ethnicity(), row.primaryNeed(), row.secondaryNeed());
    cases.recordMilestone(reference, MilestoneType.PLAN_IMPORTED, clock.today(), user,
        "Imported plan " + row.reference() + ", issued " + row.issueDate());
    plans.createImportedPlan(reference, row.reference(), row.issueDate(), row.lastReviewDate(),
        row.nextPhaseTransfer(), row.placement());
    runtimeService.startProcessInstanceByKey(PlanReviews.PROCESS_KEY, reference,
        Variables.putValue("caseReference", reference));
  }

  /** One checked CSV row. */
  record Row(String reference, String forename, String surname, LocalDate dateOfBirth, String sex, String postcode,
      LocalDate issueDate, LocalDate lastReviewDate, String nextPhaseTransfer, String placement, String primaryNeed,
      String secondaryNeed, String ethnicity) {

    static Row parse(String line, LocalDate today, int columns) {
      String[] cells = line.split(",", -1);
      if (cells.length != columns) {
        throw new IllegalArgumentException("expected " + columns + " columns, found " + cells.length);
      }
      String reference = required(cells[0], "reference");
      if (reference.length() > 40) {
        throw new IllegalArgumentException("reference: at most 40 characters");
      }
      String sex = required(cells[4], "sex");
      if (!sex.matches("M|F|U")) {
        throw new IllegalArgumentException("sex: must be M, F or U");
      }
      String postcode = required(cells[5], "postcode");
      if (!postcode.matches(NewCaseRequest.POSTCODE)) {
        throw new IllegalArgumentException("postcode: '" + postcode + "' is not a UK postcode");
      }
      postcode = NewCaseRequest.normalisePostcode(postcode);
      LocalDate dateOfBirth = date(cells[3], "dateOfBirth");
      LocalDate issued = date(cells[6], "issueDate");
      LocalDate lastReview = cells[7].isBlank() ? null : date(cells[7], "lastReviewDate");
      if (issued.isAfter(today) || issued.isBefore(dateOfBirth)) {
        throw new IllegalArgumentException("issueDate: must be after the date of birth and not in the future");
      }
      if (lastReview != null && (lastReview.isBefore(issued) || lastReview.isAfter(today))) {
        throw new IllegalArgumentException("lastReviewDate: must be between the issue date and today");
      }
      String transfer = cells[8].trim();
      if (!transfer.isEmpty() && NextPhaseTransfer.problem(transfer) != null) {
        throw new IllegalArgumentException("nextPhaseTransfer: " + NextPhaseTransfer.problem(transfer));
      }
      String placement = cells[9].trim();
      if (placement.length() > 200) {
        throw new IllegalArgumentException("placement: at most 200 characters");
      }
      return new Row(reference, name(cells[1], "forename"), name(cells[2], "surname"), dateOfBirth, sex, postcode,
          issued, lastReview, transfer.isEmpty() ? null : transfer, placement.isEmpty() ? null : placement,
          code(cells, 10, "primaryNeed", NewCaseRequest.SEN_TYPE), code(cells, 11, "secondaryNeed",
              NewCaseRequest.SEN_TYPE), code(cells, 12, "ethnicity", NewCaseRequest.ETHNICITY));
    }

    /** An optional SEN2 code: blank (or a file without the column) is none. */
    private static String code(String[] cells, int index, String column, String codes) {
      String code = index < cells.length ? cells[index].trim() : "";
      if (code.isEmpty()) {
        return null;
      }
      if (!code.matches(codes)) {
        throw new IllegalArgumentException(column + ": '" + code + "' is not an SEN2 code (" + codes.replace("|", ", ")
            + ")");
      }
      return code;
    }

    private static String required(String cell, String column) {
      if (cell.isBlank()) {
        throw new IllegalArgumentException(column + ": is required");
      }
      return cell.trim();
    }

    private static String name(String cell, String column) {
      String name = required(cell, column);
      if (name.length() > 100 || !name.matches(NewCaseRequest.NAME)) {
        throw new IllegalArgumentException(column + ": must be letters, spaces, hyphens or apostrophes");
      }
      return name;
    }

    private static LocalDate date(String cell, String column) {
      try {
        return LocalDate.parse(required(cell, column));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(column + ": '" + cell.trim() + "' is not a date in the form YYYY-MM-DD");
      }
    }
  }
}
