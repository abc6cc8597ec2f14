package com.xiezuo.security;

import com.xiezuo.directory.Roles;
import com.xiezuo.workflow.CommandRefusedException;
import com.xiezuo.workflow.FormValidationException;
import com.xiezuo.workflow.TaskFormOpening;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricDecisionInstanceStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AddIdentityLinkForProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkForProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Rights enforced on the engine's commands, so they hold whatever path a request took: {@code /engine-rest},
 * {@code /engine-rest/engine/{name}}, Tasklist's API, with or without a trailing slash, or the Java API. For every
 * authenticated user but an administrator, a command given directly (not from inside another command: listeners and
 * delegates act for the process) is checked here, on top of the engine's own authorization:
 * <ul>
 *   <li>a task is completed or its form submitted only with the fields its form lets the user fill in; values of
 *   read-only fields are dropped, so what the process set stays as it was;</li>
 *   <li>a task is claimed, or given back, only by the user themself; comments go only on tasks the user works on;</li>
 *   <li>no direct variable writes, BPMN errors or escalations, task updates, identity links, delegation,
 *   attachments, edited or deleted comments, signals, messages, process starts, or deleted accounts.</li>
 * </ul>
 * The checks read the task without the user's authorization but never answer differently for a task the user may not
 * work on: that command goes on to the engine, which refuses it as it would anyway.
 */
public class UserCommandGuard extends CommandInterceptor {

  private static final Pattern MISSING_TASK =
      Pattern.compile("(?i)(?:cannot find task with id|^task) ?'?([^' :]+)'?(?: doesn't exist|:|$)");
  private static final Pattern MISSING_EXECUTION =
      Pattern.compile("(?i)(?:cannot find execution with id|^execution|^process instance) ?'?([^' :]+)'?(?: doesn't exist|:|$)");
  private static final String VARIABLES = "不允许通过接口直接修改流程变量，请通过任务表单办理";
  private static final Map<Class<?>, String> REFUSED = refused();

  private static final List<Class<?>> MONITORING = List.of(ProcessDefinitionStatisticsQueryImpl.class,
      ActivityStatisticsQueryImpl.class, DeploymentStatisticsQueryImpl.class, HistoricActivityStatisticsQueryImpl.class,
      HistoricDecisionInstanceStatisticsQueryImpl.class, MetricsQueryImpl.class);

  private final ProcessEngineConfigurationImpl configuration;

  private final ObjectProvider<TaskFormOpening> openings;

  public UserCommandGuard(ProcessEngineConfigurationImpl configuration, ObjectProvider<TaskFormOpening> openings) {
    this.configuration = configuration;
    this.openings = openings;
  }

  private static Map<Class<?>, String> refused() {
    Map<Class<?>, String> refused = new LinkedHashMap<>();
    List.of(AbstractSetVariableCmd.class, AbstractRemoveVariableCmd.class, AbstractPatchVariablesCmd.class)
        .forEach(type -> refused.put(type, VARIABLES));
    List.of(HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class)
        .forEach(type -> refused.put(type, "不允许以 BPMN 错误或升级结束任务，请通过任务表单办理"));
    List.of(SaveTaskCmd.class, AbstractSetTaskPropertyCmd.class, DelegateTaskCmd.class, DeleteIdentityLinkCmd.class,
            AddIdentityLinkForProcessDefinitionCmd.class, DeleteIdentityLinkForProcessDefinitionCmd.class)
        .forEach(type -> refused.put(type, "任务的办理人、候选单位、到期日等由系统按计划维护，不能直接修改"));
    List.of(SignalEventReceivedCmd.class, SignalCmd.class, AbstractCorrelateMessageCmd.class,
            MessageEventReceivedCmd.class, EvaluateStartConditionCmd.class)
        .forEach(type -> refused.put(type, "不允许直接向流程发送信号、消息或条件事件"));
    List.of(StartProcessInstanceCmd.class, StartProcessInstanceAtActivitiesCmd.class, SubmitStartFormCmd.class,
            AbstractRestartProcessInstanceCmd.class)
        .forEach(type -> refused.put(type, "流程由协作系统根据计划状态发起，不能直接启动，请在协作系统页面上操作"));
    List.of(CreateAttachmentCmd.class, SaveAttachmentCmd.class, DeleteAttachmentCmd.class)
        .forEach(type -> refused.put(type, "佐证材料请在协作系统的任务页面上传（不能通过接口添加或删除任务附件）"));
    List.of(UpdateCommentCmd.class, DeleteTaskCommentCmd.class, DeleteProcessInstanceCommentCmd.class)
        .forEach(type -> refused.put(type, "意见一经提交不能修改或删除"));
    refused.put(DeleteUserCmd.class, "不能删除用户账号，请联系系统管理员");
    refused.put(DeleteTaskCmd.class, "任务由流程创建和结束，不能删除");
    return Map.copyOf(refused);
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      return next.execute(command);
    }
    try {
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      boolean guarded = user != null && user.getUserId() != null && !isAdministrator(user);
      if (guarded) {
        check(command, user.getUserId(), groups(user));
      }
      if (command instanceof SaveUserCmd) {
        checkPasswordPolicy(command);
      }
      if (user != null && command instanceof GetTaskFormVariablesCmd form && form.resourceId != null) {
        openings.forEach(opening -> opening.opening(form.resourceId));
      }
      return next.execute(command);
    } catch (CommandRefusedException refused) {
      throw refused;
    } catch (AuthorizationException engineRefusal) {
      throw new CommandRefusedException(inChinese(engineRefusal));
    } catch (NullValueException missing) {
      throw notFound(missing);
    } catch (ProcessEngineException failure) {
      throw formRefusalIn(failure);
    }
  }

  /** A form check refused a value inside a task listener; the engine wraps it, Tasklist and REST should see it. */
  private static ProcessEngineException formRefusalIn(ProcessEngineException failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refusal) {
        return refusal;
      }
    }
    return failure;
  }

  /** A task that is not there (never was, or already done) is a 404 with a Chinese message, not an engine error. */
  private static ProcessEngineException notFound(NullValueException missing) {
    String message = String.valueOf(missing.getMessage());
    Matcher task = MISSING_TASK.matcher(message);
    if (task.find()) {
      return new NotFoundException("没有找到任务 " + task.group(1) + "：它不存在或已经办结");
    }
    Matcher execution = MISSING_EXECUTION.matcher(message);
    return execution.find() ? new NotFoundException("没有找到流程实例 " + execution.group(1) + "：它不存在或已经结束")
        : missing;
  }

  /** The engine's own refusal, said in Chinese, still naming the permissions it asked for. */
  private static String inChinese(AuthorizationException refusal) {
    List<MissingAuthorization> missing = refusal.getMissingAuthorizations();
    if (missing == null || missing.isEmpty()) {
      return "没有权限执行此操作";
    }
    boolean onTasks = missing.stream().anyMatch(m -> "Task".equals(m.getResourceType()));
    String wanted = missing.stream().map(m -> m.getViolatedPermissionName() + " " + m.getResourceType()
        + (m.getResourceId() == null ? "" : " " + m.getResourceId())).distinct().reduce((a, b) -> a + "；" + b).orElse("");
    return (onTasks ? "没有权限执行此操作：只有任务的承办单位（或有相应职责的角色）才能办理" : "没有权限执行此操作")
        + "（缺少以下权限之一：" + wanted + "）";
  }

  private void check(Command<?> command, String userId, Set<String> groups) {
    if (groups.stream().noneMatch(Roles.OVERSEEING::contains) && isMonitoring(command)) {
      throw new CommandRefusedException("统计与监控数据只供协调员、督查人员和领导查看");
    }
    if (command instanceof ResolveTaskCmd) {
      throw new CommandRefusedException("任务不能转办，因此也没有需要“完成转办”的任务");
    }
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      checkFormVariables(command, userId, groups);
      return;
    }
    if (command instanceof ClaimTaskCmd || command instanceof AssignTaskCmd) {
      String target = EngineCommandFields.string(command, "userId");
      if (target != null && !target.equals(userId)) {
        throw new CommandRefusedException("只能由本人签收任务，不能把任务交给他人办理");
      }
      return;
    }
    if (command instanceof SaveUserCmd) {
      Object account = EngineCommandFields.read(command, "user");
      if (account instanceof UserEntity entity && entity.getRevision() == 0) {
        throw new CommandRefusedException("只有系统管理员可以新建用户");
      }
      if (account instanceof UserEntity entity && !userId.equals(entity.getId())) {
        throw new CommandRefusedException("只能修改本人的账号");
      }
      if (account instanceof UserEntity entity && profileChanged(entity)) {
        throw new CommandRefusedException("姓名和邮箱由系统管理员维护（提醒邮件发往单位名录中的联系邮箱），本人只能修改密码");
      }
      return;
    }
    if (command instanceof AddCommentCmd) {
      TaskFacts task = facts(EngineCommandFields.string(command, "taskId"), false);
      String instance = EngineCommandFields.string(command, "processInstanceId");
      if (task == null || !task.workableBy(userId, groups)
          || (instance != null && !instance.equals(task.processInstanceId()))) {
        throw new CommandRefusedException("只能对本人（本单位）正在办理的任务添加意见");
      }
      String message = EngineCommandFields.string(command, "message");
      if (message == null || message.isBlank()) {
        throw new FormValidationException("意见不能为空");
      }
      return;
    }
    REFUSED.entrySet().stream().filter(refused -> refused.getKey().isInstance(command)).findFirst()
        .ifPresent(refused -> {
          throw new CommandRefusedException(refused.getValue());
        });
  }

  /**
   * Counts over every instance (statistics, metrics, Cockpit's and Admin's own queries) would let a unit watch other
   * units' progress, e.g. how many districts have yet to answer the decomposition.
   */
  private static boolean isMonitoring(Command<?> command) {
    String type = command.getClass().getName();
    return MONITORING.stream().anyMatch(monitoring -> monitoring.isInstance(command))
        || type.startsWith("org.camunda.bpm.cockpit.") || type.startsWith("org.camunda.bpm.admin.")
        || type.startsWith("org.camunda.bpm.webapp.impl.db.");
  }

  /** Only the fields the form lets the user fill in; read-only fields are shown, never written back. */
  private void checkFormVariables(Command<?> command, String userId, Set<String> groups) {
    String field = command instanceof SubmitTaskFormCmd ? "properties" : "variables";
    Map<String, Object> submitted = EngineCommandFields.variables(command, field);
    if (submitted == null || submitted.isEmpty()) {
      return;
    }
    TaskFacts task = facts(EngineCommandFields.string(command, "taskId"), true);
    if (task == null || !task.workableBy(userId, groups)) {
      return;
    }
    VariableMap kept = Variables.createVariables();
    for (String name : List.copyOf(submitted.keySet())) {
      String fieldType = task.form().writable().get(name);
      if (fieldType != null) {
        // typed values are read without deserializing them: a user's serialized object is never turned into Java
        TypedValue value = submitted instanceof VariableMap map ? map.getValueTyped(name)
            : Variables.untypedValue(submitted.get(name));
        FormValueKinds.check(task.form().label(name), fieldType, value);
        kept.putValueTyped(name, value);
      } else if (!task.form().readOnly().contains(name)) {
        throw new CommandRefusedException("不能写入“" + name + "”：它不是本任务表单中可填写的项目");
      }
    }
    if (kept.size() < submitted.size()) {
      EngineCommandFields.replace(command, field, kept);
    }
  }

  private boolean profileChanged(UserEntity edited) {
    Command<User> read = context -> context.runWithoutAuthorization(
        () -> context.getReadOnlyIdentityProvider().findUserById(edited.getId()));
    User stored = next.execute(read);
    return stored != null && !(Objects.equals(stored.getFirstName(), edited.getFirstName())
        && Objects.equals(stored.getLastName(), edited.getLastName())
        && Objects.equals(stored.getEmail(), edited.getEmail()));
  }

  /** The engine refuses a weak password with a bare error (a 500 on REST); say which rules it breaks, as a 400. */
  private void checkPasswordPolicy(Command<?> command) {
    if (!configuration.isEnablePasswordPolicy() || Boolean.TRUE.equals(EngineCommandFields.read(command, "skipPasswordPolicy"))
        || !(EngineCommandFields.read(command, "user") instanceof UserEntity user) || !user.hasNewPassword()) {
      return;
    }
    String message = next.execute(context -> PasswordRules.problems(context, user));
    if (message != null) {
      throw new BadUserRequestException(message);
    }
  }

  private TaskFacts facts(String taskId, boolean withForm) {
    return next.execute(context -> TaskFacts.read(context, taskId, withForm));
  }

  private boolean isAdministrator(Authentication user) {
    List<String> adminUsers = configuration.getAdminUsers();
    List<String> adminGroups = configuration.getAdminGroups();
    return (adminUsers != null && adminUsers.contains(user.getUserId()))
        || (adminGroups != null && groups(user).stream().anyMatch(adminGroups::contains));
  }

  private static Set<String> groups(Authentication user) {
    return user.getGroupIds() == null ? Set.of() : Set.copyOf(user.getGroupIds());
  }
}
