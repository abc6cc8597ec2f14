package com.xiezuo.security;

import com.xiezuo.workflow.CommandRefusedException;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Some REST resources catch every engine exception and answer 400 "Not enough parameters submitted" (adding a
 * comment, say), which would hide a refusal of the {@link UserCommandGuard}. This mapper, registered in every Jersey
 * application of the server (the engine REST API and the webapps' APIs, through Jersey's auto-discovery), answers
 * such a refusal as what it is: 403 with its Chinese message. Everything else keeps Camunda's answer; a task that the
 * user cannot see is said in Chinese too.
 */
public class RestRefusals implements ExceptionMapper<InvalidRequestException> {

  private static final Pattern TASK_NOT_FOUND =
      Pattern.compile("^(?:No task found for task id|No matching task with id|Cannot find task with id) ?'?([^' ]*)'?.*");

  @Override
  public Response toResponse(InvalidRequestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof CommandRefusedException refused) {
        return answer(Response.Status.FORBIDDEN.getStatusCode(), "AuthorizationException", refused.getMessage());
      }
    }
    Response original = ExceptionHandlerHelper.getInstance().getResponse(exception);
    Matcher notFound = TASK_NOT_FOUND.matcher(String.valueOf(exception.getMessage()));
    if (notFound.matches()) {
      return answer(original.getStatus(), exception.getClass().getSimpleName(),
          "没有找到任务 " + notFound.group(1) + "，或您无权查看它");
    }
    return original;
  }

  private static Response answer(int status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Registers the mapper in each Jersey application (listed in META-INF/services). */
  public static class Registration implements AutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(RestRefusals.class)) {
        context.register(RestRefusals.class);
      }
    }
  }
}
