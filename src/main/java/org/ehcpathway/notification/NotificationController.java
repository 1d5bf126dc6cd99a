package org.ehcpathway.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
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
}
