package com.xiezuo.audit;

import java.util.Map;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/** How a line of the engine's user operation log reads in Chinese, and which audit action it is. */
final class EngineOperations {

  private static final Map<String, String> OPERATIONS = Map.ofEntries(
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_CREATE, "新建"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_UPDATE, "修改"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE, "删除"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_UNLOCK, "解锁"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_CLAIM, "领取"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ASSIGN, "指派"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, "完成"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELEGATE, "委托"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_RESOLVE, "交回"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_OWNER, "设置负责人"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_PRIORITY, "设置优先级"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_DUEDATE, "设置到期日"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_FOLLOW_UP_DATE, "设置跟进日"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ADD_USER_LINK, "添加候选人"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE_USER_LINK, "移除候选人"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ADD_GROUP_LINK, "添加候选单位"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE_GROUP_LINK, "移除候选单位"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ADD_ATTACHMENT, "添加附件"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE_ATTACHMENT, "删除附件"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SUSPEND, "挂起"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ACTIVATE, "激活"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE, "修改流程实例"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES, "重试作业"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE, "设置变量"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLES, "设置变量"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_REMOVE_VARIABLE, "删除变量"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE, "修改变量"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE, "发送消息"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE_HISTORY, "删除历史"));

  private static final Map<String, String> ENTITIES = Map.ofEntries(
      Map.entry(EntityTypes.TASK, "任务"),
      Map.entry(EntityTypes.USER, "用户"),
      Map.entry(EntityTypes.GROUP, "用户组"),
      Map.entry(EntityTypes.GROUP_MEMBERSHIP, "用户组成员"),
      Map.entry(EntityTypes.AUTHORIZATION, "权限"),
      Map.entry(EntityTypes.TENANT, "租户"),
      Map.entry(EntityTypes.TENANT_MEMBERSHIP, "租户成员"),
      Map.entry(EntityTypes.PROCESS_INSTANCE, "流程实例"),
      Map.entry(EntityTypes.HISTORIC_PROCESS_INSTANCE, "流程历史"),
      Map.entry(EntityTypes.PROCESS_DEFINITION, "流程定义"),
      Map.entry(EntityTypes.JOB, "作业"),
      Map.entry(EntityTypes.JOB_DEFINITION, "作业定义"),
      Map.entry(EntityTypes.VARIABLE, "流程变量"),
      Map.entry(EntityTypes.DEPLOYMENT, "部署"),
      Map.entry(EntityTypes.IDENTITY_LINK, "任务办理范围"),
      Map.entry(EntityTypes.ATTACHMENT, "附件"),
      Map.entry(EntityTypes.FILTER, "过滤器"),
      Map.entry(EntityTypes.INCIDENT, "异常"),
      Map.entry(EntityTypes.DECISION_DEFINITION, "决策表"),
      Map.entry(EntityTypes.COMMENT, "评论"),
      Map.entry(EntityTypes.BATCH, "批量操作"));

  private static final Map<String, String> PROPERTIES = Map.of(
      "userId", "用户", "groupId", "用户组", "assignee", "办理人", "owner", "负责人", "candidateUser", "候选人",
      "candidateGroup", "候选单位", "tenantId", "租户", "dueDate", "到期日", "name", "名称");

  private EngineOperations() {}

  static String operation(String type) {
    return OPERATIONS.getOrDefault(type, type);
  }

  static String entity(String type) {
    return type == null ? "" : ENTITIES.getOrDefault(type, type);
  }

  static String property(String name, String value) {
    if (name == null || "delete".equals(name) || value == null) {
      return null;
    }
    return PROPERTIES.getOrDefault(name, name) + "：" + value;
  }

  static AuditAction action(UserOperationLogEntry entry) {
    String entity = entry.getEntityType();
    String operation = entry.getOperationType();
    if (EntityTypes.TASK.equals(entity)) {
      return switch (operation) {
        case UserOperationLogEntry.OPERATION_TYPE_CLAIM ->
            entry.getNewValue() == null ? AuditAction.TASK_UNCLAIMED : AuditAction.TASK_CLAIMED;
        case UserOperationLogEntry.OPERATION_TYPE_ASSIGN -> AuditAction.TASK_ASSIGNED;
        case UserOperationLogEntry.OPERATION_TYPE_COMPLETE -> AuditAction.TASK_COMPLETED;
        default -> AuditAction.TASK_OTHER;
      };
    }
    if (EntityTypes.IDENTITY_LINK.equals(entity)) {
      return AuditAction.TASK_CANDIDATES;
    }
    if (EntityTypes.ATTACHMENT.equals(entity)) {
      return AuditAction.TASK_OTHER;
    }
    if (EntityTypes.USER.equals(entity) || EntityTypes.GROUP.equals(entity)
        || EntityTypes.GROUP_MEMBERSHIP.equals(entity) || EntityTypes.AUTHORIZATION.equals(entity)
        || EntityTypes.TENANT.equals(entity) || EntityTypes.TENANT_MEMBERSHIP.equals(entity)) {
      return AuditAction.ACCOUNT_CHANGED;
    }
    return AuditAction.ENGINE_ADMIN;
  }
}
