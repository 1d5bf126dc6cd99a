package org.ehcpathway.casefile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/cases")
class CaseController {

  private final CaseFile caseFile;
  private final CaseAudit audit;

  CaseController(CaseFile caseFile, CaseAudit audit) {
    this.caseFile = caseFile;
    this.audit = audit;
  }

  /** Who did what and when, so a delay can be attributed to a named service. */
  @GetMapping("/{reference}/audit")
  @PreAuthorize("hasAuthority('managers')")
  List<AuditEntry> audit(@PathVariable String reference) {
    return audit.trail(reference);
  }

  @GetMapping
  @PreAuthorize("hasAnyAuthority('caseworkers', 'panel', 'managers', 'camunda-admin')")
  List<CaseSummary> list(@RequestParam(required = false) CaseStatus status,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
      @RequestParam(defaultValue = "50") @Min(value = 1, message = "must be at least 1")
      @Max(value = 500, message = "must be at most 500") int size) {
    return caseFile.list(status, page, size);
  }

  @GetMapping("/{reference}")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'panel', 'managers', 'camunda-admin')")
  CaseView view(@PathVariable String reference) {
    return caseFile.view(reference);
  }

  @PostMapping({"/{reference}/withdraw", "/{reference}/withdrawal"})
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  ResponseEntity<CaseView> withdraw(@PathVariable String reference, @Valid @RequestBody WithdrawalRequest request) {
    caseFile.withdraw(reference, request.reason());
    return ResponseEntity.ok(caseFile.view(reference));
  }
}
