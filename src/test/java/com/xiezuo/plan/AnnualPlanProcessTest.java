package com.xiezuo.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.support.XiezuoSpringTest;
import com.xiezuo.workflow.FormValidationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@XiezuoSpringTest
class AnnualPlanProcessTest {

  @Autowired ProcessEngine processEngine;
  @Autowired PlanImportService importer;

  private ProcessInstance plan;

  @BeforeEach
  void importPlan() {
    BpmnAwareTests.init(processEngine);
    String instanceId = LifecycleFixture.importPlan(importer, true).processInstanceId();
    plan = runtimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
  }

  @Test
  void coordinatorsReviewThenLeadershipApproves() {
    assertThat(plan).isWaitingAt("userTask_reviewPlan");
    assertThat(task(plan)).hasCandidateGroup("coordinators");

    complete(task(plan), withVariables("reviewConfirmed", true, "reviewComment", "已核对"));
    assertThat(plan).isWaitingAt("userTask_approvePlan");
    assertThat(task(plan)).hasCandidateGroup("leadership");

    complete(task(plan), withVariables("approvalDecision", "approve"));
    assertThat(plan).hasPassed("serviceTask_markPlanApproved").isWaitingAt("callActivity_decomposeIndicators");
    assertThat(calledProcessInstance(plan)).isWaitingAt("userTask_proposeAllocation");
  }

  @Test
  void aReturnWithCommentGoesBackToTheCoordinatorAsOftenAsNeeded() {
    for (int round = 1; round <= 2; round++) {
      complete(task(plan), withVariables("reviewConfirmed", true));
      complete(task(plan), withVariables("approvalDecision", "return", "approvalComment", "第 " + round + " 轮：请补充指标"));
      assertThat(plan).isWaitingAt("userTask_reviewPlan").variables()
          .containsEntry("approvalComment", "第 " + round + " 轮：请补充指标");
    }
    complete(task(plan), withVariables("reviewConfirmed", true));
    complete(task(plan), withVariables("approvalDecision", "approve"));
    assertThat(plan).isWaitingAt("callActivity_decomposeIndicators");
  }

  @Test
  void theSecondRoundShowsTheFirstRoundsReturnAndComesBackUnticked() {
    complete(task(plan), withVariables("reviewConfirmed", true, "reviewComment", "已核对全部任务"));
    complete(task(plan), withVariables("approvalDecision", "return", "approvalComment", "资金指标须与省里口径一致"));
    assertThat(plan).isWaitingAt("userTask_reviewPlan").variables().containsEntry("reviewConfirmed", null);
    complete(task(plan), withVariables("reviewConfirmed", true, "reviewComment", "已按省里口径修改"));
    assertThat(plan).isWaitingAt("userTask_approvePlan");
    String history = (String) runtimeService().getVariable(plan.getId(), "approvalHistory");
    org.assertj.core.api.Assertions.assertThat(history.split("\n")).hasSize(3);
    org.assertj.core.api.Assertions.assertThat(history)
        .contains("审核工作计划 · ", "提交审批。意见：已核对全部任务")
        .contains("领导审批工作计划 · ", "退回修改。意见：资金指标须与省里口径一致")
        .contains("提交审批。意见：已按省里口径修改");
    org.assertj.core.api.Assertions.assertThat(runtimeService().getVariable(plan.getId(), "approvalComment"))
        .as("the decision fields themselves start empty").isNull();
  }

  @Test
  void aReturnWithoutCommentIsRefusedAndTheTaskStaysOpen() {
    complete(task(plan), withVariables("reviewConfirmed", true));
    assertThatThrownBy(() -> complete(task(plan), withVariables("approvalDecision", "return")))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("退回时必须填写审批意见");
    assertThat(plan).isWaitingAt("userTask_approvePlan");
  }

  @Test
  void anUnknownDecisionIsRefused() {
    complete(task(plan), withVariables("reviewConfirmed", true));
    assertThatThrownBy(() -> complete(task(plan), withVariables("approvalDecision", "maybe")))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("请选择审批结果：批准，或退回");
    assertThat(plan).isWaitingAt("userTask_approvePlan");
  }

  @Test
  void aReviewWithoutConfirmationIsRefused() {
    assertThatThrownBy(() -> complete(task(plan), withVariables("reviewConfirmed", false)))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("请先核对并勾选确认");
    assertThat(plan).isWaitingAt("userTask_reviewPlan");
  }
}
