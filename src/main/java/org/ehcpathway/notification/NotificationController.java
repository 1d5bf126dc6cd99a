package org.ehcpathway.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox, newest first: what was sent, what is waiting, what failed, and the letters to print. With no mail
 * server configured (the embedded default) this is where the demo's emails are read.
 */
@RestController
@Validated
@RequestMapping("/api/notifications")
class NotificationController {

  private final JdbcOutbox outbox;

  NotificationController(JdbcOutbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping
  @PreAuthorize("hasAnyAuthority('managers', 'caseworkers')")
  List<NotificationView> list(@RequestParam(required = false) String caseReference,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
      @RequestParam(defaultValue = "50") @Min(value = 1, message = "must be at least 1")
      @Max(value = 500, message = "must be at most 500") int size) {
    String reference = caseReference == null || caseReference.isBlank() ? null : caseReference.trim();
    return outbox.list(reference, size, (long) page * size);
  }

  /** A caseworker printed and posted a letter (a family with no email address): it leaves the print queue. */
  @PostMapping("/{id}/posted")
  @PreAuthorize("hasAnyAuthority('managers', 'caseworkers')")
  ResponseEntity<Void> posted(@PathVariable long id) {
    if (outbox.markPosted(id) == 1) {
      return ResponseEntity.noContent().build();
    }
    if (!outbox.exists(id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No notification " + id);
    }
    throw new ResponseStatusException(HttpStatus.CONFLICT, "Notification " + id + " is not a letter waiting to be printed");
  }
}
