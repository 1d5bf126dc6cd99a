package org.ehcpathway.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import org.ehcpathway.casefile.CaseFile;
import org.ehcpathway.casefile.CaseView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.ehcpathway.casefile.CaseNotFoundException;
import org.ehcpathway.workflow.InvalidInputException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
  private final PhaseTransferReviews phaseTransfers;
  private final ReviewMeetingMove meetingMove;
  private final TransferOut transferOut;
  private final PlanCeasing ceasing;
  private final CeaseConsultation ceaseConsultation;

  PlanController(TransferIn transferIn, PlanImport planImport, CaseFile caseFile,
      PhaseTransferReviews phaseTransfers, ReviewMeetingMove meetingMove, TransferOut transferOut,
      PlanCeasing ceasing, CeaseConsultation ceaseConsultation) {
    this.ceaseConsultation = ceaseConsultation;
    this.phaseTransfers = phaseTransfers;
    this.ceasing = ceasing;
    this.transferOut = transferOut;
    this.meetingMove = meetingMove;
    this.transferIn = transferIn;
    this.planImport = planImport;
    this.caseFile = caseFile;
  }

  /** Records the plan's next phase transfer; a review open now, or else the next one, is brought forward for it. */
  @PutMapping("/{reference}/next-phase-transfer")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  CaseView nextPhaseTransfer(@PathVariable String reference, @Valid @RequestBody NextPhaseTransferRequest request) {
    String problem = NextPhaseTransfer.problem(request.nextPhaseTransfer());
    if (problem != null) {
      throw new InvalidInputException("nextPhaseTransfer", problem);
    }
    if (!phaseTransfers.record(reference, request.nextPhaseTransfer())) {
      throw new CaseNotFoundException(reference + " (no plan in force)");
    }
    return caseFile.view(reference);
  }

  /** The plan has no phase transfer ahead: a review brought forward for one goes back to its regular date. */
  @DeleteMapping("/{reference}/next-phase-transfer")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  CaseView clearNextPhaseTransfer(@PathVariable String reference) {
    if (!phaseTransfers.clear(reference)) {
      throw new CaseNotFoundException(reference + " (no plan in force)");
    }
    return caseFile.view(reference);
  }

  record NextPhaseTransferRequest(
      @NotNull(message = "is required")
      @Pattern(regexp = NextPhaseTransfer.FORMAT, message = NextPhaseTransfer.EXPECTED)
      String nextPhaseTransfer) {
  }

  /** Moves the open review's meeting to another day; what was dated from the meeting follows it. */
  @PutMapping("/{reference}/review-meeting")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  CaseView moveReviewMeeting(@PathVariable String reference, @Valid @RequestBody ReviewMeetingRequest request) {
    meetingMove.move(reference, request.meetingDate(), request.reason().strip());
    return caseFile.view(reference);
  }

  record ReviewMeetingRequest(
      @NotNull(message = "is required (YYYY-MM-DD)") LocalDate meetingDate,
      @NotBlank(message = "is required: why the meeting moves")
      @Size(max = 300, message = "must be at most 300 characters") String reason) {
  }

  /** The child is moving to another council's area: the plan is to be sent there by the transfer day (reg 15). */
  @PostMapping("/{reference}/transfer-out")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  CaseView transferOut(@PathVariable String reference, @Valid @RequestBody TransferOutRequest request) {
    transferOut.start(reference, request.newLaCode(), request.moveDate(), request.learnedOfMoveOn());
    return caseFile.view(reference);
  }

  /** Reg 31: the council is considering ceasing the plan between reviews; the family and setting are consulted. */
  @PostMapping("/{reference}/cease-consultation")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  CaseView ceaseConsultation(@PathVariable String reference, @Valid @RequestBody CeaseConsultationRequest request) {
    ceaseConsultation.start(reference, request.ceaseReason(), request.reason().strip(), request.viewsBy());
    return caseFile.view(reference);
  }

  record CeaseConsultationRequest(
      @NotBlank(message = "is required: an SEN2 cease reason, 1 to 4 or 6 to 9")
      @Pattern(regexp = "[0-9]", message = "must be an SEN2 cease reason, 1 to 4 or 6 to 9") String ceaseReason,
      @NotBlank(message = "is required: why the council is considering ceasing the plan, for the family")
      @Size(max = 2000, message = "must be at most 2000 characters") String reason,
      @NotNull(message = "is required (YYYY-MM-DD): the day by which the family and setting may give their views")
      LocalDate viewsBy) {
  }

  /** The family is not moving after all: the transfer stops and the plan stays here. */
  @PostMapping("/{reference}/transfer-out/cancel")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  CaseView cancelTransferOut(@PathVariable String reference, @Valid @RequestBody CancelTransferOutRequest request) {
    transferOut.cancel(reference, request.reason().strip());
    return caseFile.view(reference);
  }

  record CancelTransferOutRequest(
      @NotBlank(message = "is required: why the move is off")
      @Size(max = 300, message = "must be at most 300 characters") String reason) {
  }

  record TransferOutRequest(
      @NotNull(message = "is required: the new council's 3-digit LA code")
      @Pattern(regexp = "[1-9]\\d{2}", message = "must be the new council's 3-digit LA code") String newLaCode,
      @NotNull(message = "is required (YYYY-MM-DD)") LocalDate moveDate,
      LocalDate learnedOfMoveOn) {
  }

  /** The family has appealed against the decision to cease: the plan stays in force until the tribunal decides. */
  @PostMapping("/{reference}/cease-appeal")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  CaseView ceaseAppeal(@PathVariable String reference, @Valid @RequestBody CeaseAppealRequest request) {
    ceasing.appealLodged(reference, request.lodgedOn());
    return caseFile.view(reference);
  }

  record CeaseAppealRequest(@NotNull(message = "is required (YYYY-MM-DD)") LocalDate lodgedOn) {
  }

  /** The family is in mediation: the plan stays in force until the mediation certificate is recorded. */
  @PostMapping("/{reference}/cease-mediation")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  CaseView ceaseMediation(@PathVariable String reference, @Valid @RequestBody MediationStartedRequest request) {
    ceasing.mediationStarted(reference, request.startedOn());
    return caseFile.view(reference);
  }

  record MediationStartedRequest(@NotNull(message = "is required (YYYY-MM-DD)") LocalDate startedOn) {
  }

  /** A mediation certificate: the family may appeal until 1 month after it, and the plan stays in force till then. */
  @PostMapping("/{reference}/cease-mediation-certificate")
  @PreAuthorize("hasAnyAuthority('caseworkers', 'managers')")
  CaseView ceaseMediationCertificate(@PathVariable String reference,
      @Valid @RequestBody MediationCertificateRequest request) {
    ceasing.mediationCertificate(reference, request.issuedOn());
    return caseFile.view(reference);
  }

  record MediationCertificateRequest(@NotNull(message = "is required (YYYY-MM-DD)") LocalDate issuedOn) {
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
