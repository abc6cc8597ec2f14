package com.xiezuo.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

/** Every element id the code names exists, as a flow node, in the model its class is named after. */
class ElementIdsTest {

  @Test
  void everyConstantIsAFlowNodeOfItsProcess() throws IllegalAccessException {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Class<?> process : ElementIds.class.getDeclaredClasses()) {
      String key = Character.toLowerCase(process.getSimpleName().charAt(0)) + process.getSimpleName().substring(1);
      BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/" + key + ".bpmn"));
      for (Field field : process.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          String id = (String) field.get(null);
          checked++;
          if (!(model.getModelElementById(id) instanceof FlowNode)) {
            missing.add(key + ".bpmn has no flow node " + id + " (ElementIds." + process.getSimpleName() + "."
                + field.getName() + ")");
          }
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(checked).as("constants checked").isGreaterThanOrEqualTo(6);
  }
}
