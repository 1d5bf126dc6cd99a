package org.ehcpathway.reporting;

import org.ehcpathway.statutory.EngineClock;
import org.ehcpathway.workflow.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The SEN2 return of a collection year as XML, for managers. */
@RestController
class Sen2Controller {

  /** The first SEN2 return to count EHC plans. */
  static final int FIRST_YEAR = 2015;

  private final Sen2Export export;
  private final EngineClock clock;

  Sen2Controller(Sen2Export export, EngineClock clock) {
    this.export = export;
    this.clock = clock;
  }

  @GetMapping("/api/reports/sen2")
  @PreAuthorize("hasAuthority('managers')")
  ResponseEntity<byte[]> sen2(@RequestParam(required = false) String year) {
    int collectionYear = collectionYear(year);
    Sen2Return sen2 = export.build(collectionYear);
    if (sen2.persons().isEmpty()) {
      throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
          "No case falls in the SEN2 " + collectionYear + " return (requests, assessments and plans of "
              + (collectionYear - 1) + ", plans in force on its census date); the schema needs at least one person"),
          null);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("SEN2-" + collectionYear + "-" + sen2.header().laCode() + ".xml").build().toString())
        .body(Sen2Xml.write(sen2));
  }

  private int collectionYear(String year) {
    int latest = clock.today().getYear() + 1;
    String expected = "must be a collection year from " + FIRST_YEAR + " to " + latest + " (YYYY)";
    if (year == null || !year.matches("\\d{4}")) {
      throw new InvalidInputException("year", year == null ? "is required; " + expected : expected);
    }
    int value = Integer.parseInt(year);
    if (value < FIRST_YEAR || value > latest) {
      throw new InvalidInputException("year", expected);
    }
    return value;
  }
}
