package org.ehcpathway.advice;

import jakarta.validation.Valid;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{reference}/advice")
class AdviceController {

  private final ProceedWithoutAdvice proceedWithoutAdvice;
  private final CaseFile caseFile;

  AdviceController(ProceedWithoutAdvice proceedWithoutAdvice, CaseFile caseFile) {
    this.proceedWithoutAdvice = proceedWithoutAdvice;
    this.caseFile = caseFile;
  }

  /** Ends an outstanding advice request so the case can go on to the decision whether to issue. */
  @PostMapping("/{adviceType}/proceed-without")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  CaseView proceedWithout(@PathVariable String reference, @PathVariable String adviceType,
      @Valid @RequestBody ProceedWithoutAdviceRequest request) {
    proceedWithoutAdvice.proceed(reference, adviceType, request.outcome(), request.reason().trim());
    return caseFile.view(reference);
  }
}
