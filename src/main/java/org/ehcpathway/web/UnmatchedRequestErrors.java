package org.ehcpathway.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A request that no controller method matches (an unknown path, a method or content type the path does not take)
 * has no controller, so ApiExceptionHandler, which serves the product's controllers, never sees it. This answers
 * it with the same ProblemDetail shape (404, 405 with Allow, 415 with Accept) instead of Spring's error page JSON.
 */
@RestControllerAdvice
class UnmatchedRequestErrors {

  @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
      HttpMediaTypeNotSupportedException.class})
  ResponseEntity<ProblemDetail> unmatched(Exception e) {
    ErrorResponse error = (ErrorResponse) e;
    return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(error.getBody());
  }
}
