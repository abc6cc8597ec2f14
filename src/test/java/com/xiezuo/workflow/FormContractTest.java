package com.xiezuo.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;

/**
 * Forms refer only to variables the processes set: every key a form shows and every name in a {@code hide} or
 * {@code readonly} condition is set by Xiezuo's code (a typed variable written with set/setLocal/put, or by name), by
 * a model (a call activity's input, a multi-instance element variable) or typed in by a user in some form. A form
 * that hid a field behind a variable nobody sets any more would show or hide it for everyone, silently.
 */
class FormContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TYPED_WRITE = Pattern.compile("\\b([A-Z][A-Z0-9_]+)\\.(?:set|setLocal|put)\\(");
  private static final Pattern NAMED_WRITE =
      Pattern.compile("setVariable(?:Local)?s?\\([^;]*?(?:\"([a-zA-Z][a-zA-Z0-9]*)\"|\\b([A-Z][A-Z0-9_]+)\\.name\\(\\))");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> FEEL_WORDS = Set.of("null", "and", "or", "not", "true", "false", "if", "then",
      "else", "in", "some", "every", "satisfies", "instance", "of", "between", "for", "return", "function");

  @Test
  void everyFormRefersOnlyToVariablesTheProcessesSet() throws IOException {
    Set<String> set = variablesSet();
    Map<String, JsonNode> forms = formsByUserTask();
    forms.values().forEach(form -> set.addAll(typedIn(form)));
    Map<String, List<String>> problems = new HashMap<>();
    for (Map.Entry<String, JsonNode> form : forms.entrySet()) {
      List<String> missing = missingVariables(form.getValue(), set);
      if (!missing.isEmpty()) {
        problems.put(form.getKey(), missing);
      }
    }
    assertThat(problems).as("form → variables it refers to that nothing sets").isEmpty();
  }

  @Test
  void aFormReferringToAVariableNobodySetsIsCaught() throws IOException {
    JsonNode form = JSON.readTree("""
        {"components": [
          {"key": "planTitle", "type": "textfield", "readonly": true},
          {"key": "coUnitContributions", "type": "textarea", "readonly": true,
           "conditional": {"hide": "=unitRole != \\"LEAD\\""}}]}""");
    assertThat(missingVariables(form, variablesSet())).containsExactly("unitRole");
  }

  /** The fields a user fills in on this form (set by the user when the task is completed). */
  static Set<String> typedIn(JsonNode form) {
    Set<String> read = new TreeSet<>();
    Set<String> typedIn = new TreeSet<>();
    collect(form.path("components"), read, typedIn);
    return typedIn;
  }

  /** Names of variables a form reads: its keys and the names in its conditions (string literals left out). */
  static List<String> missingVariables(JsonNode form, Set<String> set) {
    Set<String> read = new TreeSet<>();
    Set<String> typedIn = new TreeSet<>();
    collect(form.path("components"), read, typedIn);
    List<String> missing = new ArrayList<>();
    for (String name : read) {
      if (!set.contains(name) && !typedIn.contains(name)) {
        missing.add(name);
      }
    }
    return missing;
  }

  private static void collect(JsonNode components, Set<String> read, Set<String> typedIn) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null) {
        read.add(key);
        if (!component.path("readonly").asBoolean(false)) {
          typedIn.add(key);
        }
      }
      for (JsonNode condition : List.of(component.path("conditional").path("hide"), component.path("readonly"))) {
        if (condition.isTextual() && condition.asText().startsWith("=")) {
          Matcher names = IDENTIFIER.matcher(condition.asText().substring(1).replaceAll("\"[^\"]*\"", ""));
          while (names.find()) {
            if (!FEEL_WORDS.contains(names.group())) {
              read.add(names.group());
            }
          }
        }
      }
      collect(component.path("components"), read, typedIn);
    }
  }

  /** Every user task with a Camunda Form, by "process/task", with the form's JSON. */
  private static Map<String, JsonNode> formsByUserTask() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        forms.put(form.path("id").asText(), form);
      }
    }
    Map<String, JsonNode> byTask = new HashMap<>();
    for (BpmnModelInstance model : models()) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        assertThat(forms).as("the form of " + task.getId()).containsKey(formRef);
        org.camunda.bpm.model.xml.instance.ModelElementInstance process = task.getParentElement();
        while (!(process instanceof org.camunda.bpm.model.bpmn.instance.Process)) {
          process = process.getParentElement();
        }
        byTask.put(process.getAttributeValue("id") + "/" + task.getId(), forms.get(formRef));
      }
    }
    return byTask;
  }

  private static List<BpmnModelInstance> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).map(f -> Bpmn.readModelFromFile(f.toFile())).toList();
    }
  }

  /** What sets variables: Xiezuo's code, the models' mappings and element variables. */
  static Set<String> variablesSet() throws IOException {
    Map<String, String> constants = new HashMap<>();
    for (Field field : ProcessVariables.class.getFields()) {
      if (field.getType() == Var.class) {
        try {
          constants.put(field.getName(), ((Var<?>) field.get(null)).name());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    Set<String> set = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
        String code = Files.readString(source);
        Matcher typed = TYPED_WRITE.matcher(code);
        while (typed.find()) {
          if (constants.containsKey(typed.group(1))) {
            set.add(constants.get(typed.group(1)));
          }
        }
        Matcher named = NAMED_WRITE.matcher(code);
        while (named.find()) {
          set.add(named.group(1) != null ? named.group(1) : constants.getOrDefault(named.group(2), named.group(2)));
        }
      }
    }
    for (BpmnModelInstance model : models()) {
      model.getModelElementsByType(CamundaIn.class).forEach(in -> {
        if (in.getCamundaTarget() != null) {
          set.add(in.getCamundaTarget());
        }
      });
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics.class)
          .forEach(loop -> {
            if (loop.getCamundaElementVariable() != null) {
              set.add(loop.getCamundaElementVariable());
            }
          });
    }
    return set;
  }
}
