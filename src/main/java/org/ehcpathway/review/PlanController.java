package org.ehcpathway.review;

import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/plans")
class PlanController {

  private final TransferIn transferIn;
  private final PlanImport planImport;
  private final CaseFile caseFile;

  PlanController(TransferIn transferIn, PlanImport planImport, CaseFile caseFile) {
    this.transferIn = transferIn;
    this.planImport = planImport;
    this.caseFile = caseFile;
  }

  /** A council's existing plans as CSV (the request body, or a multipart field named file). */
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  @PreAuthorize("hasAnyAuthority('managers')")
  PlanImport.Result importCsv(@RequestBody String csv, Principal user) {
    return planImport.load(csv, user.getName());
  }

  @PostMapping(path = "/import", consumes = "multipart/form-data")
  @PreAuthorize("hasAnyAuthority('managers')")
  PlanImport.Result importFile(@RequestParam("file") MultipartFile file, Principal user) throws IOException {
    return planImport.load(new String(file.getBytes(), StandardCharsets.UTF_8), user.getName());
  }

  @PostMapping("/transfer-in")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  ResponseEntity<CaseView> transferIn(@Valid @RequestBody TransferInRequest request, Principal user) {
    String reference = transferIn.receive(request, user.getName());
    return ResponseEntity.created(URI.create("/api/cases/" + reference)).body(caseFile.view(reference));
  }
}
