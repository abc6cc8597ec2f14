package com.xiezuo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Flow-node coverage of one process by the instances a test class ran: the share of the model's flow nodes
 * (events, tasks, gateways, subprocesses) that history shows executed. Reported to target/process-coverage/.
 */
public final class FlowNodeCoverage {

  public record Result(String processKey, Set<String> nodes, Set<String> covered) {

    public double ratio() {
      return nodes.isEmpty() ? 1.0 : (double) covered.size() / nodes.size();
    }

    public Set<String> missed() {
      Set<String> missed = new TreeSet<>(nodes);
      missed.removeAll(covered);
      return missed;
    }
  }

  private FlowNodeCoverage() {}

  public static Result of(RepositoryService repository, HistoryService history, String processKey,
      Collection<String> instanceIds) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    Set<String> nodes = repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)
        .stream().map(FlowNode::getId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> covered = new TreeSet<>();
    for (String instanceId : instanceIds) {
      List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
          .processInstanceId(instanceId).list();
      activities.stream().filter(activity -> activity.getProcessDefinitionKey().equals(processKey))
          .map(HistoricActivityInstance::getActivityId)
          .map(id -> id.replace("#multiInstanceBody", ""))
          .filter(nodes::contains).forEach(covered::add);
    }
    return new Result(processKey, nodes, covered);
  }

  public static void report(String testClass, List<Result> results) {
    StringBuilder text = new StringBuilder("Flow-node coverage by " + testClass + "\n");
    for (Result result : results) {
      text.append(String.format("%-24s %3d/%-3d %6.1f %%  missed: %s%n", result.processKey(), result.covered().size(),
          result.nodes().size(), result.ratio() * 100, result.missed()));
    }
    try {
      Path dir = Path.of("target", "process-coverage");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(testClass + ".txt"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.print(text);
  }
}
