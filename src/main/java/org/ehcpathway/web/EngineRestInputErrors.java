package org.ehcpathway.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.ehcpathway.workflow.InvalidInputException;

/**
 * Camunda's REST API answers any exception from a task listener with 500. When the cause is input the caller
 * got wrong (an unknown advice type, a missing decision), answer 400 with the message naming the variable; when
 * the task (or other object) named in the path does not exist (complete or submit-form with a forged task id),
 * 404 in Camunda's own error shape. Everything else is left to Camunda's own handler.
 */
@Priority(1)
public class EngineRestInputErrors implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camundaHandler = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "InvalidInputException", "message", invalid.getMessage(),
                "field", invalid.field()))
            .build();
      }
      if (exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR && notFound(cause)) {
        return camundaHandler.toResponse(new RestException(Response.Status.NOT_FOUND, exception.getMessage()));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return camundaHandler.toResponse(exception);
  }

  /** The engine says "Cannot find task with id ..." with a NullValueException, some commands with NotFoundException. */
  private static boolean notFound(Throwable cause) {
    return cause instanceof NotFoundException
        || cause instanceof NullValueException && String.valueOf(cause.getMessage()).startsWith("Cannot find ");
  }
}
