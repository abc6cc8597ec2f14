package com.xiezuo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The engine's command arguments the guard reads are where it expects them: an upgrade that moves one fails here. */
class EngineCommandFieldsTest {

  @Test
  void theGuardReadsTheArgumentsOfTheEnginesCommands() {
    var complete = new CompleteTaskCmd("task-1", Map.of("taskAccepted", true));
    assertThat(EngineCommandFields.string(complete, "taskId")).isEqualTo("task-1");
    assertThat(EngineCommandFields.variables(complete, "variables")).containsEntry("taskAccepted", true);
    var submit = new SubmitTaskFormCmd("task-2", Variables.createVariables().putValue("x", 1), false, false);
    assertThat(EngineCommandFields.variables(submit, "properties")).containsKey("x");
    EngineCommandFields.replace(submit, "properties", Variables.createVariables());
    assertThat(EngineCommandFields.variables(submit, "properties")).isEmpty();
    assertThat(EngineCommandFields.string(new ClaimTaskCmd("task-3", "hrss"), "userId")).isEqualTo("hrss");
    assertThat(EngineCommandFields.string(new AssignTaskCmd("task-4", "finance"), "userId")).isEqualTo("finance");
    var comment = new AddCommentCmd("task-5", "instance-5", "意见");
    assertThat(EngineCommandFields.string(comment, "processInstanceId")).isEqualTo("instance-5");
    assertThat(EngineCommandFields.string(comment, "message")).isEqualTo("意见");
    var user = new UserEntity("someone");
    user.setPassword("new password");
    var save = new SaveUserCmd(user, false);
    assertThat(EngineCommandFields.read(save, "user")).isSameAs(user);
    assertThat(EngineCommandFields.read(save, "skipPasswordPolicy")).isEqualTo(false);
    assertThat(EngineCommandFields.read(user, "newPassword")).isEqualTo("new password");
  }
}
