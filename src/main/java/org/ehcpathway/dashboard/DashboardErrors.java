package org.ehcpathway.dashboard;

import org.ehcpathway.casefile.CaseNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The dashboard's errors as pages, ahead of the API's ProblemDetail handler (which serves every other controller). */
@ControllerAdvice(assignableTypes = DashboardController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

  @ExceptionHandler(CaseNotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(CaseNotFoundException e, Model model) {
    return page(model, "Case not found", e.getMessage());
  }

  @ExceptionHandler(ReportPeriod.InvalidPeriodException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String invalidPeriod(ReportPeriod.InvalidPeriodException e, Model model) {
    return page(model, "Period not valid", e.getMessage());
  }

  @ExceptionHandler(DashboardController.InvalidPageException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String invalidPage(DashboardController.InvalidPageException e, Model model) {
    return page(model, "Page not valid", e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String badParameter(MethodArgumentTypeMismatchException e, Model model) {
    if (e.getName().equals("page")) {
      return page(model, "Page not valid", "'page' must be a whole number, 0 or more");
    }
    return page(model, "Period not valid", "'" + e.getName() + "' must be a date in the form YYYY-MM-DD");
  }

  private static String page(Model model, String title, String message) {
    model.addAttribute("title", title);
    model.addAttribute("message", message);
    return "web/error";
  }
}
