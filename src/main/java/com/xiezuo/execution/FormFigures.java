package com.xiezuo.execution;

import static com.xiezuo.workflow.ProcessVariables.CO_UNIT_CONTRIBUTIONS;
import static com.xiezuo.workflow.ProcessVariables.LEDGER_SUMMARY;

import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.workflow.AsSystem;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The figures a unit task's forms show (台账合计, 配合单位贡献): written when the completion step opens and again
 * whenever the unit adds a ledger entry or a report, so that its form shows them as they are, not as they were
 * when the step began.
 */
@Component
public class FormFigures {

  private final UnitTaskFigures figures;
  private final UnitAssignments assignments;
  private final UnitDirectory directory;
  private final RuntimeService runtimeService;
  private final AsSystem asSystem;

  public FormFigures(UnitTaskFigures figures, UnitAssignments assignments, UnitDirectory directory,
      RuntimeService runtimeService, AsSystem asSystem) {
    this.figures = figures;
    this.assignments = assignments;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.asSystem = asSystem;
  }

  public Map<String, Object> of(UnitAssignment assignment) {
    Map<String, Object> variables = new HashMap<>();
    LEDGER_SUMMARY.put(variables, figures.ledgerSummary(assignment));
    CO_UNIT_CONTRIBUTIONS.put(variables, figures.coUnitContributions(assignment,
        directory.findAll().stream().collect(Collectors.toMap(Unit::id, Unit::name))));
    return variables;
  }

  /**
   * After the unit added a ledger entry outside its forms (on its task page): its own instance's figures, written as
   * the system because unit staff may work on their tasks but not write their instance. Another unit's instance is
   * never written: a co-unit finishing while its lead signs off would collide with the lead's own step
   * (ConcurrentCompletionIT showed it); the lead's forms take co-unit figures when its step opens.
   */
  public void refresh(UnitAssignment assignment) {
    String instance = assignment.processInstanceId();
    asSystem.run(() -> {
      if (instance != null && runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
        runtimeService.setVariables(instance, of(assignments.find(assignment.id()).orElseThrow()));
      }
    });
  }
}
