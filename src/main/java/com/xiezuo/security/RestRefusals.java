package com.xiezuo.security;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.xiezuo.workflow.CommandRefusedException;
import com.xiezuo.workflow.Conflicts;
import com.xiezuo.workflow.JsonProblems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.server.ParamException;

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

  /** Camunda's English answers that users meet, said in Chinese (the identifier they name is kept). */
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
    NOT_FOUND.put(Pattern.compile("^(?:Historic )?[Vv]ariable instance with [Ii]d '?([^' ]*)'? does not exist"),
        "没有找到变量 %s，或您无权查看它");
    NOT_FOUND.put(Pattern.compile("^Historic (?:detail|activity instance|task instance) with [Ii]d '?([^' ]*)'? does not exist"),
        "没有找到历史记录 %s，或您无权查看它");
    NOT_FOUND.put(Pattern.compile("^Task comment with id '?([^' ]*)'?"), "没有找到意见 %s，或您无权查看它");
    NOT_FOUND.put(Pattern.compile("^Attachment(?: content)? (?:with id|for attachment with id) '?([^' ]*)'?"),
        "没有找到附件 %s，或您无权查看它");
    NOT_FOUND.put(Pattern.compile("Unsupported value type '([^']*)'"), "不支持的变量类型“%s”：表单只接受文字、数字、是或否和日期");
    NOT_FOUND.put(Pattern.compile("Cannot convert value '([^']*)'"), "值“%s”与它声明的类型不符");
    NOT_FOUND.put(Pattern.compile("^(Expressions are forbidden in adhoc queries)"), "查询中不允许使用表达式");
    NOT_FOUND.put(Pattern.compile("^(The given authenticated user password is not valid)"), "当前密码不正确");
    NOT_FOUND.put(Pattern.compile("^Cannot set query parameter '([^']*)'"),
        "查询参数“%s”的值无效：日期写成 2026-10-31T00:00:00.000+0800，数字写成整数，排序字段须为接口支持的字段");
    NOT_FOUND.put(Pattern.compile("^(Only a single sorting parameter specified)"), "排序须同时给出 sortBy 和 sortOrder（asc 或 desc）");
  }

  static final String CONFLICT = "有人同时办理了同一任务，您的提交未执行：请刷新任务列表查看最新情况后再办理";

  /** "Cannot complete task …", "Cannot submit task form …": the task a failed submission was about. */
  private static final Pattern TASK_SUBMISSION = Pattern.compile("^Cannot (?:complete task|submit task form) ([0-9a-fA-F-]{1,64})");

  /** The path of a task submission (complete, submit-form, resolve), as the REST resources are addressed. */
  private static final Pattern SUBMISSION_PATH =
      Pattern.compile("(?:^|/)task/([0-9a-fA-F-]{1,64})/(?:complete|submit-form|resolve)/?$");

  @Override
  public Response toResponse(RestException exception) {
    if (Conflicts.isConcurrentChange(exception) || taskGoneMeanwhile(exception)) {
      return answer(Response.Status.CONFLICT.getStatusCode(), "OptimisticLockingException", CONFLICT);
    }
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
    return inChinese(exception);
  }

  /**
   * A submission that failed because another completed the same task in the same moment (the engine then fails in
   * whatever step met the other's change first): the task is gone now, and the loser is told so.
   */
  private static boolean taskGoneMeanwhile(RestException exception) {
    Matcher task = TASK_SUBMISSION.matcher(String.valueOf(exception.getMessage()));
    if (!task.find()) {
      return false;
    }
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof NotFoundException || cause instanceof NullValueException || cause instanceof AuthorizationException
          || cause instanceof CommandRefusedException || cause instanceof FormFieldValidationException) {
        return false; // answered for what it is
      }
    }
    ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
    return engine != null && engine.getTaskService().createTaskQuery().taskId(task.group(1)).count() == 0;
  }

  /** Camunda's answer, with its English message said in Chinese where the table knows it. */
  static Response inChinese(Throwable exception) {
    Response original = ExceptionHandlerHelper.getInstance().getResponse(exception);
    for (Map.Entry<Pattern, String> notFound : NOT_FOUND.entrySet()) {
      Matcher matcher = notFound.getKey().matcher(String.valueOf(exception.getMessage()));
      if (matcher.find()) {
        String message = String.format(notFound.getValue(), matcher.group(1));
        // whatever the resource answered, what is not there (or not the user's to see) is a 404
        return answer(message.startsWith("没有找到") ? Response.Status.NOT_FOUND.getStatusCode() : original.getStatus(),
            exception.getClass().getSimpleName(), message);
      }
    }
    return original;
  }

  /** An engine exception no resource wrapped (a task form of a task that is not there …): the same table applies. */
  @Priority(1)
  public static class Engine implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      if (Conflicts.isConcurrentChange(exception)) {
        return answer(Response.Status.CONFLICT.getStatusCode(), "OptimisticLockingException", CONFLICT);
      }
      return inChinese(exception);
    }
  }

  private static Response answer(int status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** A task someone else has just claimed, or a change that met another at the same moment: 409, try again. */
  @Priority(1)
  public static class ConcurrentChanges implements ExceptionMapper<OptimisticLockingException> {
    @Override
    public Response toResponse(OptimisticLockingException conflict) {
      return answer(Response.Status.CONFLICT.getStatusCode(), "OptimisticLockingException",
          CONFLICT);
    }
  }

  /** A task already claimed by a colleague: 409 with who holds it. */
  @Priority(1)
  public static class AlreadyClaimed implements ExceptionMapper<TaskAlreadyClaimedException> {
    @Override
    public Response toResponse(TaskAlreadyClaimedException claimed) {
      return answer(Response.Status.CONFLICT.getStatusCode(), "TaskAlreadyClaimedException",
          "任务已由“" + claimed.getTaskAssignee() + "”签收，请对方取消签收后再办理");
    }
  }

  /**
   * The engine fails with a bare NullPointerException when the execution tree of a task it is completing was removed
   * by another user's completion in the same moment (the loaded task points at a process instance already deleted);
   * the REST resource does not wrap it. When the request was a submission of a task that is gone now, it is that
   * race: 409. Any other NullPointerException keeps Camunda's answer, a 500 — a bug to look at.
   */
  @Priority(1)
  public static class VanishedExecution implements ExceptionMapper<NullPointerException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(NullPointerException failure) {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
      if (uri != null && engine != null && isSubmissionOfTaskGone(uri.getPath(), engine)) {
        return answer(Response.Status.CONFLICT.getStatusCode(), "OptimisticLockingException", CONFLICT);
      }
      return ExceptionHandlerHelper.getInstance().getResponse(failure);
    }
  }

  /** "…/task/{id}/complete" or "…/submit-form" (or resolve) of a task the engine no longer has. */
  static boolean isSubmissionOfTaskGone(String path, ProcessEngine engine) {
    Matcher submission = SUBMISSION_PATH.matcher(String.valueOf(path));
    return submission.find()
        && engine.getTaskService().createTaskQuery().taskId(submission.group(1)).count() == 0;
  }

  /** JAX-RS's own answers (no such resource, method or media type) in Chinese, with their status. */
  @Priority(1)
  public static class Protocol implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
      if (exception instanceof ParamException wrong) {
        // JAX-RS answers a query or path value of the wrong type with 404; it is the request that is wrong
        return answer(Response.Status.BAD_REQUEST.getStatusCode(), exception.getClass().getSimpleName(),
            "参数“" + wrong.getParameterName() + "”的值无效（应为数字、日期或规定的取值）");
      }
      int status = exception.getResponse().getStatus();
      String message = switch (status) {
        case 404 -> "没有这个接口";
        case 405 -> "该接口不支持此请求方法";
        case 406 -> "无法按所要求的格式作答";
        case 415 -> "请求内容的类型不受支持（请使用 application/json，上传文件用 multipart/form-data）";
        default -> "请求无效（HTTP " + status + "）";
      };
      return answer(status, exception.getClass().getSimpleName(), message);
    }
  }

  /** The engine's own "not found" is a 404 on every resource (Camunda answers it 400 where it is not wrapped). */
  @Priority(1)
  public static class Missing implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException missing) {
      return answer(Response.Status.NOT_FOUND.getStatusCode(), "NotFoundException", missing.getMessage());
    }
  }

  /** A request body that is not JSON (Camunda's own answer quotes the parser and the body's source). */
  @Priority(1)
  public static class UnreadableJson implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException problem) {
      return answer(Response.Status.BAD_REQUEST.getStatusCode(), "InvalidRequestException", JsonProblems.describe(problem));
    }
  }

  /** JSON of the wrong shape or types, said in Chinese with the field it is about. */
  @Priority(1)
  public static class MisshapenJson implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException problem) {
      return answer(Response.Status.BAD_REQUEST.getStatusCode(), "InvalidRequestException", JsonProblems.describe(problem));
    }
  }

  /** Registers the mappers in each Jersey application (listed in META-INF/services). */
  public static class Registration implements AutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      for (Class<?> mapper : new Class<?>[] {RestRefusals.class, Missing.class, ConcurrentChanges.class, AlreadyClaimed.class,
          Protocol.class, UnreadableJson.class, MisshapenJson.class, Engine.class, VanishedExecution.class}) {
        if (!context.getConfiguration().isRegistered(mapper)) {
          context.register(mapper);
        }
      }
    }
  }
}
