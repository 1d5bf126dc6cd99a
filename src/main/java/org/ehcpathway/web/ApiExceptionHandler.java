package org.ehcpathway.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.ehcpathway.advice.ProceedWithoutAdvice;
import org.ehcpathway.casefile.CaseNotFoundException;
import org.ehcpathway.casefile.CaseNotOpenException;
import org.ehcpathway.review.PlanConflictException;
import org.ehcpathway.statutory.CalendarNotCoveredException;
import org.ehcpathway.workflow.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the API as a ProblemDetail that says what is wrong, naming the field; never a stack trace. */
@RestControllerAdvice(basePackages = "org.ehcpathway")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  record FieldError(String field, String message) {
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    return badRequest(List.of(new FieldError(e.field(), e.reason())));
  }

  @ExceptionHandler(CaseNotFoundException.class)
  ProblemDetail notFound(CaseNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Case not found", e.getMessage());
  }

  @ExceptionHandler(ProceedWithoutAdvice.NoOutstandingAdviceException.class)
  ProblemDetail noOutstandingAdvice(ProceedWithoutAdvice.NoOutstandingAdviceException e) {
    return problem(HttpStatus.NOT_FOUND, "No outstanding advice", e.getMessage());
  }

  /** A working-day deadline in a year beyond the bank holiday calendar: the request is sound, the calendar short. */
  @ExceptionHandler(CalendarNotCoveredException.class)
  ProblemDetail calendarNotCovered(CalendarNotCoveredException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Date outside the bank holiday calendar", e.getMessage()
        + "; nothing was changed. The calendar is extended when the government announces the year's bank holidays.");
  }

  @ExceptionHandler(PlanConflictException.class)
  ProblemDetail planConflict(PlanConflictException e) {
    return problem(HttpStatus.CONFLICT, e.title(), e.getMessage());
  }

  /** Two requests raced on the same case (a double click): the other one won; nothing was half-done. */
  @ExceptionHandler({OptimisticLockingException.class, MismatchingMessageCorrelationException.class})
  ProblemDetail concurrentChange(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "Changed meanwhile",
        "The case changed while this request was being handled; reload it and try again if still needed.");
  }

  @ExceptionHandler(CaseNotOpenException.class)
  ProblemDetail notOpen(CaseNotOpenException e) {
    return problem(HttpStatus.CONFLICT, "Case is closed", e.getMessage());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request");
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    return badRequest(e.getConstraintViolations().stream()
        .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() != null && e.getRequiredType().isEnum()
        ? "one of " + Arrays.stream(e.getRequiredType().getEnumConstants()).map(Object::toString)
            .collect(Collectors.joining(", "))
        : "a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
    return badRequest(List.of(new FieldError(e.getName(), "must be " + expected)));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    // Exception messages can quote submitted values (a child's name in a database error): log where, not what.
    StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
    LOG.error("Unexpected error in the API: {} at {}{}", e.getClass().getName(), where, causes(e));
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error",
        "The request could not be completed; nothing was changed. Please try again or contact support.");
  }

  /**
   * What lies under an unexpected error, without its messages: the classes of its causes and, for a database error,
   * the SQLState (23505: a unique key already taken; 40P01: a deadlock), which say what went wrong.
   */
  static String causes(Throwable e) {
    StringBuilder chain = new StringBuilder();
    int depth = 0;
    for (Throwable cause = e.getCause(); cause != null && depth++ < 10; cause = cause.getCause()) {
      chain.append(" <- ").append(cause.getClass().getName());
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        chain.append(" (SQLState ").append(sql.getSQLState()).append(')');
      }
    }
    return chain.isEmpty() ? "" : "; caused by " + chain.substring(" <- ".length());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
    return ResponseEntity.badRequest().body(badRequest(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = e.getParameterValidationResults().stream()
        .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
            r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
        .toList();
    return ResponseEntity.badRequest().body(badRequest(errors));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(badRequest(List.of(new FieldError(e.getParameterName(), "is required"))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(badRequest(List.of(new FieldError(e.getRequestPartName(),
        "is required"))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      return ResponseEntity.badRequest().body(badRequest(List.of(new FieldError(field, describe(mapping)))));
    }
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request",
        "The request body is missing or is not valid JSON"));
  }

  private static String describe(JsonMappingException mapping) {
    if (mapping instanceof UnrecognizedPropertyException) {
      return "is not a field of this request (check the spelling)";
    }
    if (mapping instanceof InvalidFormatException format) {
      Class<?> target = format.getTargetType();
      if (target != null && target.isEnum()) {
        return "'" + format.getValue() + "' is not one of " + Arrays.stream(target.getEnumConstants())
            .map(Object::toString).collect(Collectors.joining(", "));
      }
      if (target == String.class) {
        return "must be text (a JSON string)";
      }
      if (target != null && target.getSimpleName().equals("LocalDate")) {
        return "'" + format.getValue() + "' is not a date in the form YYYY-MM-DD";
      }
      return "'" + format.getValue() + "' is not a valid " + (target == null ? "value" : target.getSimpleName());
    }
    return "has the wrong type or shape";
  }

  private static ProblemDetail badRequest(List<FieldError> errors) {
    String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    problem.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message()))
        .toList());
    return problem;
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  private static String lastNode(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
