package org.ehcpathway.dashboard;

import java.security.Principal;
import java.time.LocalDate;
import org.ehcpathway.statutory.EngineClock;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The managers' dashboard and a case's timeline, as server-rendered pages (templates/web/). */
@Controller
@RequestMapping("/dashboard")
class DashboardController {

  private final Dashboard dashboard;
  private final CaseTimeline timelines;
  private final EngineClock clock;

  DashboardController(Dashboard dashboard, CaseTimeline timelines, EngineClock clock) {
    this.dashboard = dashboard;
    this.timelines = timelines;
    this.clock = clock;
  }

  /** Who is signed in, for the page header. */
  @ModelAttribute("user")
  String user(Principal principal) {
    return principal == null ? null : principal.getName();
  }

  @GetMapping
  @PreAuthorize("hasAuthority('managers')")
  String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page, Model model) {
    if (page < 0) {
      throw new InvalidPageException("'page' must be 0 or more, not " + page);
    }
    model.addAttribute("page", dashboard.page(ReportPeriod.of(from, to, clock.today()), page));
    return "web/dashboard";
  }

  @GetMapping("/cases/{reference}")
  @PreAuthorize("hasAuthority('managers')")
  String timeline(@PathVariable String reference, Model model) {
    model.addAttribute("page", timelines.of(reference));
    return "web/case-timeline";
  }

  /** A page of the at-risk list that cannot exist; answered with 400 and the reason. */
  static class InvalidPageException extends RuntimeException {
    InvalidPageException(String message) {
      super(message);
    }
  }

  /** Where the security chain sends a signed-in user who is not a manager. */
  @GetMapping("/forbidden")
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String forbidden() {
    return "web/forbidden";
  }
}
