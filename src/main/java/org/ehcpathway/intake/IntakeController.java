package org.ehcpathway.intake;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class IntakeController {

  private final IntakeService intake;

  IntakeController(IntakeService intake) {
    this.intake = intake;
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  ResponseEntity<NewCaseResponse> receiveRequest(@Valid @RequestBody NewCaseRequest request, Principal user) {
    NewCaseResponse created = intake.receiveRequest(request, user.getName());
    return ResponseEntity.created(URI.create("/api/cases/" + created.caseReference())).body(created);
  }
}
