package com.xiezuo.security;

import com.xiezuo.workflow.CommandRefusedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * The REST resources wrap engine exceptions in their own: completing a task turns every engine error into a 500
 * "Cannot complete task …", adding a comment into a 400 "Not enough parameters submitted". This mapper, registered in
 * every Jersey application of the server (the engine REST API and the webapps' APIs, through Jersey's
 * auto-discovery), answers what was really meant, with its Chinese message: a refusal of the {@link UserCommandGuard}
 * 403, a refused form value 400, a task that is not there 404. Camunda's own not-found answers are said in Chinese;
 * everything else keeps Camunda's answer.
 */
@Priority(1)
public class RestRefusals implements ExceptionMapper<RestException> {

  private static final Map<Pattern, String> NOT_FOUND = new LinkedHashMap<>();

  static {
    NOT_FOUND.put(Pattern.compile("^(?:No task found for task id|No matching task with id|Cannot find task with id) ?'?([^' :]*)"),
        "没有找到任务 %s，或您无权查看它");
    NOT_FOUND.put(Pattern.compile("^Historic process instance with id '?([^' ]*)'? does not exist"),
        "没有找到流程实例 %s 的历史，或您无权查看它");
    NOT_FOUND.put(Pattern.compile("^(?:Process instance with id|No process instance found for id) '?([^' ]*)'?"),
        "没有找到流程实例 %s，或您无权查看它");
    NOT_FOUND.put(Pattern.compile("^Execution with id '?([^' ]*)'? does not exist"), "没有找到执行 %s，或您无权查看它");
    NOT_FOUND.put(Pattern.compile("^User with id '?([^' ]*)'? does not exist"), "没有找到用户 %s，或您无权查看它");
  }

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof CommandRefusedException refused) {
        return answer(Response.Status.FORBIDDEN.getStatusCode(), "AuthorizationException", refused.getMessage());
      }
      if (cause instanceof FormFieldValidationException refused) {
        return answer(Response.Status.BAD_REQUEST.getStatusCode(), "FormFieldValidationException", refused.getMessage());
      }
      if (cause instanceof NotFoundException missing) {
        return answer(Response.Status.NOT_FOUND.getStatusCode(), "NotFoundException", missing.getMessage());
      }
    }
    Response original = ExceptionHandlerHelper.getInstance().getResponse(exception);
    for (Map.Entry<Pattern, String> notFound : NOT_FOUND.entrySet()) {
      Matcher matcher = notFound.getKey().matcher(String.valueOf(exception.getMessage()));
      if (matcher.find()) {
        return answer(original.getStatus(), exception.getClass().getSimpleName(),
            String.format(notFound.getValue(), matcher.group(1)));
      }
    }
    return original;
  }

  private static Response answer(int status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** The engine's own "not found" is a 404 on every resource (Camunda answers it 400 where it is not wrapped). */
  @Priority(1)
  public static class Missing implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException missing) {
      return answer(Response.Status.NOT_FOUND.getStatusCode(), "NotFoundException", missing.getMessage());
    }
  }

  /** Registers the mappers in each Jersey application (listed in META-INF/services). */
  public static class Registration implements AutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      for (Class<?> mapper : new Class<?>[] {RestRefusals.class, Missing.class}) {
        if (!context.getConfiguration().isRegistered(mapper)) {
          context.register(mapper);
        }
      }
    }
  }
}
