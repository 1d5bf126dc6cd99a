package org.ehcpathway.review;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans")
class PlanController {

  private final TransferIn transferIn;
  private final CaseFile caseFile;

  PlanController(TransferIn transferIn, CaseFile caseFile) {
    this.transferIn = transferIn;
    this.caseFile = caseFile;
  }

  @PostMapping("/transfer-in")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  ResponseEntity<CaseView> transferIn(@Valid @RequestBody TransferInRequest request, Principal user) {
    String reference = transferIn.receive(request, user.getName());
    return ResponseEntity.created(URI.create("/api/cases/" + reference)).body(caseFile.view(reference));
  }
}
