package com.xiezuo.audit;

/** The kinds of things the audit trail records, named as a coordinator would say them. */
public enum AuditAction {
  PLAN_IMPORTED("导入工作计划"),
  TASK_CLAIMED("领取任务"),
  TASK_UNCLAIMED("取消领取"),
  TASK_ASSIGNED("指派任务"),
  TASK_COMPLETED("办理完成"),
  SUBMITTED("提交审批"),
  APPROVED("批准"),
  RETURNED("退回修改"),
  REPORTED("报送情况"),
  TASK_CANDIDATES("变更办理范围"),
  TASK_OTHER("修改任务"),
  LEDGER_ADDED("登记台账"),
  LEDGER_CORRECTED("更正台账"),
  EVIDENCE_UPLOADED("上传佐证材料"),
  EVIDENCE_WITHDRAWN("撤回佐证材料"),
  ALLOCATION_SAVED("填报指标分解"),
  ALLOCATION_ANSWERED("确认指标分解"),
  CHANGE_PROPOSED("申请任务调整"),
  CHANGE_APPLIED("任务调整生效"),
  URGED("督查催办"),
  INSTRUCTED("领导批示"),
  DIRECTORY_CHANGED("修改单位名录"),
  ACCOUNT_CHANGED("账号和权限变更"),
  ASSESSMENT_CLAIM("创新加分申报"),
  ASSESSMENT_POINTS("考核加减分"),
  ARCHIVE_REQUESTED("申请归档"),
  ENGINE_ADMIN("流程管理操作");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
