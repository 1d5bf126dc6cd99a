package org.ehcpathway.casefile;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{reference}/exceptions")
class ExceptionController {

  private final ExceptionRegister register;
  private final CaseFile caseFile;

  ExceptionController(ExceptionRegister register, CaseFile caseFile) {
    this.register = register;
    this.caseFile = caseFile;
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  ResponseEntity<CaseView> record(@PathVariable String reference, @Valid @RequestBody ExceptionRequest request,
      Principal user) {
    register.record(reference, request, user.getName());
    return ResponseEntity.created(URI.create("/api/cases/" + reference)).body(caseFile.view(reference));
  }
}
