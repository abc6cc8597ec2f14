package com.xiezuo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.decomposition.AllocationEntry;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TasklistSession;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every role against every engine operation, by every path a request can take: {@code /engine-rest},
 * {@code /engine-rest/engine/default}, a trailing slash, and Tasklist's own API with a webapp session. The target is a
 * co-unit's running unit task (市驻遵义工作组 on task 2, whose lead unit is 市人社局). Each cell asserts the status a
 * user of that role gets; "200[]" is an empty list, "200+" a list with entries, "-" a cell not run (an administrator
 * may repair anything, so destructive cells are not tried as one). After every cell the target is given back
 * unclaimed; at the end it must still be open, unchanged.
 */
@XiezuoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  enum Role {
    OWNER("zunyiWorkGroup"), LEAD("hrss"), OTHER_UNIT("finance"), COORDINATOR("coordinator"),
    SUPERVISOR("supervisor"), LEADER("leader"), ADMIN("demo"), ANONYMOUS(null);

    final String user;

    Role(String user) {
      this.user = user;
    }
  }

  enum Route {
    REST("/engine-rest", false), NAMED_ENGINE("/engine-rest/engine/default", false),
    TRAILING_SLASH("/engine-rest", true), TASKLIST("/camunda/api/engine/engine/default", false);

    final String prefix;
    final boolean slash;

    Route(String prefix, boolean slash) {
      this.prefix = prefix;
      this.slash = slash;
    }
  }

  /** One operation: expected outcomes in the order of {@link Role}. */
  record Operation(String name, String method, String path, String contentType, String body, String expected) {}

  private static final String JSON = "application/json";
  private static final String BOUNDARY = "matrixBoundary";
  private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired Allocations allocations;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  private final Map<Role, TasklistSession> sessions = new EnumMap<>(Role.class);
  private final List<String> report = new ArrayList<>();
  private String target;
  private String targetName;
  private String targetInstance;
  private String decomposition;
  private long planId;
  private long decomposingPlanId;
  private long assignmentId;
  private final Map<Role, WebSession> pages = new EnumMap<>(Role.class);

  @BeforeAll
  void aPlanAtWorkAndAnotherBeingDecomposed() {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    PlanSummary working = LifecycleFixture.importPlan(importer, false);
    planId = working.id();
    LifecycleFixture.approve(taskService, working);
    new ProcessDriver(managementService, historyService, working.processInstanceId()).runDueJobs();
    UnitAssignment coUnit = assignments.ofPlan(working.id()).stream()
        .filter(a -> a.unitId().equals(Role.OWNER.user) && a.taskNumber().equals("2")).findFirst().orElseThrow();
    targetInstance = coUnit.processInstanceId();
    assignmentId = coUnit.id();
    target = openTask(targetInstance).getId();
    targetName = openTask(targetInstance).getName();
    assertThat(targetName).startsWith("签收任务｜");

    PlanSummary decomposing = LifecycleFixture.importPlan(importer, true);
    decomposingPlanId = decomposing.id();
    LifecycleFixture.approve(taskService, decomposing);
    ProcessDriver driver = new ProcessDriver(managementService, historyService, decomposing.processInstanceId());
    decomposition = driver.family().stream().filter(id -> !id.equals(decomposing.processInstanceId()))
        .findFirst().orElseThrow();
    long funds = allocations.indicators(decomposing.id()).get(0).id();
    allocations.save(decomposing.id(), List.of(new AllocationEntry(funds, "doumen", new BigDecimal("220000000"), "元"),
        new AllocationEntry(funds, "jinwan", new BigDecimal("200000000"), "元")), "coordinator");
    taskService.complete(taskService.createTaskQuery().processInstanceId(decomposition).singleResult().getId(),
        Map.of("allocationReady", true, "allocationRounding", 0));

    for (Role role : Role.values()) {
      if (role.user != null) {
        sessions.put(role, TasklistSession.logIn(port, role.user));
        pages.put(role, WebSession.logIn(port, role.user));
      }
    }
  }

  @AfterAll
  void resetClockAndWriteTheMatrix() throws java.io.IOException {
    ProcessDriver.resetClock();
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/authorization-matrix.txt"), report, StandardCharsets.UTF_8);
  }

  private Task openTask(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private List<Operation> operations() {
    String date = "2099-12-31T00:00:00.000+0800";
    return List.of(
        // reads: roles see only what is theirs or what their role follows
        new Operation("任务详情", "GET", "task/{T}", null, null, "200 404 404 200 200 200 200 401"),
        new Operation("任务变量", "GET", "task/{T}/variables", null, null, "200 403 403 200 200 200 200 401"),
        new Operation("任务列表", "GET", "task?processInstanceId={P}", null, null,
            "200+ 200[] 200[] 200+ 200+ 200+ 200+ 401"),
        new Operation("不存在的任务的变量", "GET", "task/no-such-task/variables", null, null, "404 404 404 404 404 404 404 401"),
        new Operation("没有这个接口", "GET", "no-such-resource", null, null, "404 404 404 404 404 404 404 401"),
        new Operation("历史变量", "GET", "history/variable-instance?processInstanceId={P}", null, null,
            "200+ 200[] 200[] 200+ 200+ 200+ 200+ 401"),
        new Operation("历史明细", "GET", "history/detail?processInstanceId={P}", null, null,
            "200+ 200[] 200[] 200+ 200+ 200+ 200+ 401"),
        new Operation("历史任务", "GET", "history/task?processInstanceId={P}", null, null,
            "200+ 200[] 200[] 200+ 200+ 200+ 200+ 401"),
        new Operation("分解流程的历史变量", "GET", "history/variable-instance?processInstanceId={D}", null, null,
            "200[] 200[] 200[] 200+ 200[] 200+ 200+ 401"),
        new Operation("分解流程的历史明细", "GET", "history/detail?processInstanceId={D}", null, null,
            "200[] 200[] 200[] 200+ 200[] 200+ 200+ 401"),
        // working on the task
        new Operation("本人签收", "POST", "task/{T}/claim", JSON, "{\"userId\":\"{self}\"}", "204 403 403 403 403 403 - 401"),
        new Operation("替他人签收", "POST", "task/{T}/claim", JSON, "{\"userId\":\"finance\"}", "403 403 403 403 403 403 - 401"),
        new Operation("取消签收", "POST", "task/{T}/unclaim", JSON, "", "204 403 403 403 403 403 - 401"),
        new Operation("指定办理人", "POST", "task/{T}/assignee", JSON, "{\"userId\":\"finance\"}", "403 403 403 403 403 403 - 401"),
        new Operation("转办", "POST", "task/{T}/delegate", JSON, "{\"userId\":\"finance\"}", "403 403 403 403 403 403 - 401"),
        new Operation("办理并改写系统变量", "POST", "task/{T}/complete", JSON,
            "{\"variables\":{\"taskAccepted\":{\"value\":true},\"unitId\":{\"value\":\"finance\"}}}",
            "403 403 403 403 403 403 - 401"),
        new Operation("提交表单并改写期限", "POST", "task/{T}/submit-form", JSON,
            "{\"variables\":{\"taskAccepted\":{\"value\":true},\"deadline\":{\"value\":\"" + date + "\",\"type\":\"Date\"}}}",
            "403 403 403 403 403 403 - 401"),
        new Operation("办理时改只读项且未勾选签收", "POST", "task/{T}/complete", JSON,
            "{\"variables\":{\"unitName\":{\"value\":\"市财政局\"}}}", "400 403 403 403 403 403 - 401"),
        new Operation("表单项传入序列化对象", "POST", "task/{T}/complete", JSON,
            "{\"variables\":{\"taskAccepted\":{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":"
                + "{\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}}}}",
            "400 403 403 403 403 403 - 401"),
        new Operation("表单项传入文件", "POST", "task/{T}/submit-form", JSON,
            "{\"variables\":{\"taskAccepted\":{\"value\":\"aGVsbG8=\",\"type\":\"Bytes\"}}}",
            "400 403 403 403 403 403 - 401"),
        new Operation("表单项以临时值提交", "POST", "task/{T}/submit-form", JSON,
            "{\"variables\":{\"taskAccepted\":{\"value\":true,\"valueInfo\":{\"transient\":true}}}}",
            "400 403 403 403 403 403 - 401"),
        new Operation("请求内容为 null", "POST", "task/{T}/complete", JSON, "null", "400 400 400 400 400 400 400 401"),
        new Operation("勾选项传入文字", "POST", "task/{T}/complete", JSON,
            "{\"variables\":{\"taskAccepted\":{\"value\":\"是\"}}}", "400 403 403 403 403 403 - 401"),
        new Operation("以 BPMN 错误结束", "POST", "task/{T}/bpmnError", JSON,
            "{\"errorCode\":\"cancelled\",\"variables\":{\"unitId\":{\"value\":\"finance\"}}}", "403 403 403 403 403 403 - 401"),
        new Operation("以升级结束", "POST", "task/{T}/bpmnEscalation", JSON, "{\"escalationCode\":\"late\"}",
            "403 403 403 403 403 403 - 401"),
        new Operation("写任务变量", "PUT", "task/{T}/variables/unitId", JSON, "{\"value\":\"finance\",\"type\":\"String\"}",
            "403 403 403 403 403 403 - 401"),
        new Operation("批量改任务变量", "POST", "task/{T}/variables", JSON,
            "{\"modifications\":{\"deadline\":{\"value\":\"" + date + "\",\"type\":\"Date\"}}}", "403 403 403 403 403 403 - 401"),
        new Operation("写任务局部变量", "PUT", "task/{T}/localVariables/note", JSON, "{\"value\":\"x\"}",
            "403 403 403 403 403 403 - 401"),
        new Operation("写流程变量", "PUT", "process-instance/{P}/variables/deadline", JSON,
            "{\"value\":\"" + date + "\",\"type\":\"Date\"}", "403 403 403 403 403 403 - 401"),
        new Operation("批量改流程变量", "POST", "process-instance/{P}/variables", JSON,
            "{\"modifications\":{\"unitId\":{\"value\":\"finance\"}}}", "403 403 403 403 403 403 - 401"),
        new Operation("修改任务（到期日）", "PUT", "task/{T}", JSON, "{\"name\":\"改名\",\"due\":\"" + date + "\"}",
            "403 404 404 403 403 403 - 401"),
        new Operation("添加候选单位", "POST", "task/{T}/identity-links", JSON, "{\"groupId\":\"finance\",\"type\":\"candidate\"}",
            "403 403 403 403 403 403 - 401"),
        new Operation("删除候选单位", "POST", "task/{T}/identity-links/delete", JSON,
            "{\"groupId\":\"zunyiWorkGroup\",\"type\":\"candidate\"}", "403 403 403 403 403 403 - 401"),
        // the comment and attachment resources look the task up in the user's history first: a unit that cannot
        // see it gets 404 "没有找到任务", as on every other resource
        new Operation("添加意见", "POST", "task/{T}/comment/create", JSON, "{\"message\":\"权限矩阵测试意见\"}",
            "200 404 404 403 403 403 - 401"),
        new Operation("借本任务在他人流程里添加意见", "POST", "task/{T}/comment/create", JSON,
            "{\"message\":\"领导批示（leader）：本任务暂停办理\",\"processInstanceId\":\"{D}\"}",
            "403 404 404 403 403 403 - 401"),
        new Operation("添加空意见", "POST", "task/{T}/comment/create", JSON, "{\"message\":\" \"}",
            "400 404 404 403 403 403 - 401"),
        new Operation("添加附件", "POST", "task/{T}/attachment/create", MULTIPART, attachment(),
            "403 404 404 403 403 403 - 401"),
        new Operation("删除任务", "DELETE", "task/{T}", null, null, "403 403 403 403 403 403 - 401"),
        new Operation("办理不存在的任务", "POST", "task/no-such-task/complete", JSON, "{}", "404 404 404 404 404 404 404 401"),
        new Operation("签收不存在的任务", "POST", "task/no-such-task/claim", JSON, "{\"userId\":\"{self}\"}",
            "404 404 404 404 404 404 404 401"),
        new Operation("完成转办", "POST", "task/{T}/resolve", JSON, "{}", "403 403 403 403 403 403 - 401"),
        // the processes themselves
        new Operation("删除流程实例", "DELETE", "process-instance/{P}", null, null, "403 403 403 403 403 403 - 401"),
        new Operation("挂起流程实例", "PUT", "process-instance/{P}/suspended", JSON, "{\"suspended\":true}",
            "403 403 403 403 403 403 - 401"),
        new Operation("修改流程实例（跳过签收）", "POST", "process-instance/{P}/modification", JSON,
            "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"userTask_acceptTask\"}]}",
            "403 403 403 403 403 403 - 401"),
        new Operation("触发执行", "POST", "execution/{P}/signal", JSON, "{}", "403 403 403 403 403 403 - 401"),
        new Operation("发送信号", "POST", "signal", JSON, "{\"name\":\"matrixProbe\"}", "403 403 403 403 403 403 204 401"),
        new Operation("发送消息", "POST", "message", JSON, "{\"messageName\":\"deadlineMoved\",\"processInstanceId\":\"{P}\"}",
            "403 403 403 403 403 403 - 401"),
        new Operation("再次发起工作计划流程", "POST", "process-definition/key/annualPlan/start", JSON,
            "{\"businessKey\":\"plan/2023/{plan}\",\"variables\":{\"planId\":{\"value\":{plan},\"type\":\"Long\"}}}",
            "403 403 403 403 403 403 403 401"),
        new Operation("单独发起单位任务", "POST", "process-definition/key/unitTask/start", JSON, "{}",
            "403 403 403 403 403 403 403 401"),
        new Operation("单独发起指标分解", "POST", "process-definition/key/indicatorDecomposition/start", JSON,
            "{\"variables\":{\"planId\":{\"value\":{plan},\"type\":\"Long\"}}}", "403 403 403 403 403 403 403 401"),
        // accounts, groups, rights, deployments, filters
        new Operation("删除本人账号", "DELETE", "user/{self}", null, null, "403 403 403 403 403 403 - 401"),
        new Operation("设置一位字符的密码", "PUT", "user/{self}/credentials", JSON,
            "{\"password\":\"a\",\"authenticatedUserPassword\":\"{self}\"}", "400 400 400 400 400 400 400 401"),
        new Operation("改本人姓名和邮箱", "PUT", "user/{self}/profile", JSON,
            "{\"id\":\"{self}\",\"firstName\":\"金湾区\",\"lastName\":\"经办人\",\"email\":\"x@example.invalid\"}",
            "403 403 403 403 403 403 - 401"),
        new Operation("流程统计", "GET", "process-definition/statistics", null, null, "403 403 403 200+ 200+ 200+ 200+ 401"),
        new Operation("运行指标", "GET", "metrics/activity-instance-start/sum", null, null, "403 403 403 200 200 200 200 401"),
        new Operation("新建用户", "POST", "user/create", JSON,
            "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"入侵\",\"lastName\":\"者\"},\"credentials\":{\"password\":\"Intruder-1234!\"}}",
            "403 403 403 403 403 403 - 401"),
        new Operation("新建用户组", "POST", "group/create", JSON, "{\"id\":\"intruders\",\"name\":\"入侵者\",\"type\":\"WORKFLOW\"}",
            "403 403 403 403 403 403 - 401"),
        new Operation("加入其他单位", "PUT", "group/finance/members/{self}", JSON, "",
            "403 403 403 403 403 403 - 401"),
        new Operation("新建授权", "POST", "authorization/create", JSON,
            "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"{self}\",\"resourceType\":7,\"resourceId\":\"*\"}",
            "403 403 403 403 403 403 - 401"),
        new Operation("部署流程", "POST", "deployment/create", MULTIPART, deployment(), "403 403 403 403 403 403 - 401"),
        new Operation("新建过滤器", "POST", "filter/create", JSON, "{\"resourceType\":\"Task\",\"name\":\"偷看\",\"query\":{}}",
            "403 403 403 403 403 403 - 401"));
  }

  @TestFactory
  Stream<DynamicTest> everyRoleAgainstEveryOperationByEveryRoute() {
    List<DynamicTest> cells = new ArrayList<>();
    for (Operation operation : operations()) {
      String[] expected = operation.expected().split(" ");
      for (Route route : Route.values()) {
        for (Role role : Role.values()) {
          String expect = expected[role.ordinal()];
          if (expect.equals("-")) {
            continue;
          }
          cells.add(DynamicTest.dynamicTest(operation.name() + " | " + route + " | " + role + " → " + expect,
              () -> cell(operation, route, role, expect)));
        }
      }
    }
    cells.add(DynamicTest.dynamicTest("the target task is still open, unassigned and unchanged", this::targetUntouched));
    return cells.stream();
  }

  /** Xiezuo's own API (HTTP basic) and pages (a logged-in session; anonymous visitors are sent to the login page). */
  private List<Operation> appOperations() {
    return List.of(
        new Operation("单位名录", "GET", "/api/units", null, null, "200 200 200 200 200 200 200 401"),
        new Operation("计划列表", "GET", "/api/plans", null, null, "200 200 200 200 200 200 200 401"),
        new Operation("计划详情", "GET", "/api/plans/{plan}", null, null, "200 200 200 200 200 200 200 401"),
        new Operation("导入计划", "POST", "/api/plans/import", JSON, "{}", "403 403 403 400 403 403 400 401"),
        new Operation("改写已下发的分解表", "PUT", "/api/plans/{decomposing}/allocations", JSON, "[]", "403 403 403 400 403 403 400 401"),
        new Operation("分解表（签批前）", "GET", "/api/plans/{decomposing}/allocations", null, null,
            "200 200 200 200 403 200 200 401"),
        new Operation("指标进度", "GET", "/api/plans/{plan}/indicators", null, null, "200 200 200 200 200 200 200 401"),
        new Operation("提出任务变更", "POST", "/api/plans/{plan}/changes", JSON, "{}", "403 403 403 400 403 403 400 401"),
        new Operation("导入计划页面", "PAGE", "/plans/new", null, null, "403 403 403 200 403 403 200 302"),
        new Operation("分解表页面", "PAGE", "/plans/{decomposing}/allocation", null, null, "403 403 403 200 403 200 200 302"),
        new Operation("单位任务页面", "PAGE", "/execution/{assignment}", null, null, "200 200 403 200 200 200 200 302"),
        new Operation("登记台账", "FORM", "/execution/{assignment}/ledger", null, "indicatorId=1&date=2023-05-09&amount=1",
            "- 403 403 403 403 403 - 302"),
        new Operation("领导批示", "FORM", "/execution/{assignment}/instructions", null, "text=请抓紧落实",
            "403 403 403 403 403 302 - 302"),
        new Operation("督查催办", "FORM", "/execution/{assignment}/urge", null, "message=请加快进度",
            "403 403 403 403 302 403 - 302"),
        new Operation("发件箱", "PAGE", "/outbox", null, null, "403 403 403 200 200 403 200 302"),
        new Operation("监控中心的流程统计", "WEBAPP", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
            null, null, "403 403 403 200 200 403 200 401"));
  }

  @TestFactory
  Stream<DynamicTest> everyRoleAgainstXiezuosApiAndPages() {
    List<DynamicTest> cells = new ArrayList<>();
    for (Operation operation : appOperations()) {
      String[] expected = operation.expected().split(" ");
      for (Role role : Role.values()) {
        String expect = expected[role.ordinal()];
        if (!expect.equals("-")) {
          cells.add(DynamicTest.dynamicTest(operation.name() + " | " + role + " → " + expect,
              () -> appCell(operation, role, Integer.parseInt(expect))));
        }
      }
    }
    return cells.stream();
  }

  private void appCell(Operation operation, Role role, int expected) {
    String path = fill(operation.path(), role).replace("{decomposing}", String.valueOf(decomposingPlanId))
        .replace("{assignment}", String.valueOf(assignmentId));
    Api.Response response;
    if (operation.method().equals("WEBAPP")) {
      response = role == Role.ANONYMOUS ? Api.anonymous(port).get(path) : sessions.get(role).get(path);
    } else if (operation.method().equals("PAGE") || operation.method().equals("FORM")) {
      WebSession session = pages.get(role);
      if (session == null) {
        response = operation.method().equals("PAGE") ? Api.anonymous(port).get(path)
            : Api.anonymous(port).post(path, "application/x-www-form-urlencoded",
                operation.body().getBytes(StandardCharsets.UTF_8));
      } else if (operation.method().equals("PAGE")) {
        response = session.get(path);
      } else {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : operation.body().split("&")) {
          fields.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        response = session.postForm(path, fields);
      }
    } else {
      Api api = role == Role.ANONYMOUS ? Api.anonymous(port) : Api.as(port, role.user);
      response = operation.method().equals("GET") ? api.get(path)
          : api.send(operation.method(), path, JSON, operation.body().getBytes(StandardCharsets.UTF_8));
    }
    record(operation, "APP", role, String.valueOf(expected), response);
    assertThat(response.status()).as(response.body()).isEqualTo(expected);
    if (expected == 403 || expected == 400 || expected == 404) {
      assertThat(response.body()).as("a refusal says why in Chinese").containsPattern("\\p{IsHan}");
    }
    if (expected == 302 && role == Role.ANONYMOUS) {
      assertThat(response.location()).as("a page sends to the login, a form without its token says the login expired")
          .endsWith(operation.method().equals("FORM") ? "/login?expired" : "/login");
    }
  }

  private void record(Operation operation, String route, Role role, String expect, Api.Response response) {
    String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
    report.add(String.join(" | ", operation.name(), route, role.name(), expect, String.valueOf(response.status()),
        body.substring(0, Math.min(160, body.length()))));
  }

  private void cell(Operation operation, Route route, Role role, String expect) {
    String path = fill(operation.path(), role);
    if (route.slash) {
      path = path.contains("?") ? path.replaceFirst("\\?", "/?") : path + "/";
    }
    String url = route.prefix + "/" + path;
    byte[] body = operation.body() == null ? null : fill(operation.body(), role).getBytes(StandardCharsets.UTF_8);
    Api.Response response;
    if (route == Route.TASKLIST && role != Role.ANONYMOUS) {
      TasklistSession session = sessions.get(role);
      response = body == null && operation.method().equals("GET") ? session.get(url)
          : session.send(operation.method(), url, operation.contentType() == null ? JSON : operation.contentType(),
              body == null ? new byte[0] : body);
    } else {
      Api api = role == Role.ANONYMOUS ? Api.anonymous(port) : Api.as(port, role.user);
      response = body == null && operation.method().equals("GET") ? api.get(url)
          : api.send(operation.method(), url, operation.contentType() == null ? JSON : operation.contentType(),
              body == null ? new byte[0] : body);
    }
    record(operation, route.name(), role, expect, response);
    try {
      int status = Integer.parseInt(expect.replaceAll("\\D.*", ""));
      assertThat(response.status()).as(response.body()).isEqualTo(status);
      if (expect.endsWith("[]")) {
        assertThat(response.body().trim()).isEqualTo("[]");
      } else if (expect.endsWith("+")) {
        assertThat(response.body().trim()).startsWith("[{");
      }
      if (status == 403 || status == 400 || status == 404) {
        assertThat(response.body()).as("a refusal says why in Chinese").containsPattern("\\p{IsHan}");
      }
    } finally {
      Task task = taskService.createTaskQuery().taskId(target).singleResult();
      if (task != null && task.getAssignee() != null) {
        taskService.setAssignee(target, null);
      }
    }
  }

  private String fill(String text, Role role) {
    return text.replace("{T}", target).replace("{P}", targetInstance).replace("{D}", decomposition)
        .replace("{plan}", String.valueOf(planId)).replace("{self}", role.user == null ? "nobody" : role.user);
  }

  private void targetUntouched() {
    Task task = taskService.createTaskQuery().taskId(target).singleResult();
    assertThat(task).as("the accept task is still open").isNotNull();
    assertThat(task.getAssignee()).isNull();
    assertThat(task.getName()).isEqualTo(targetName);
    assertThat(taskService.getVariable(target, "unitId")).isEqualTo(Role.OWNER.user);
    assertThat(taskService.getVariable(target, "note")).isNull();
    assertThat(taskService.getIdentityLinksForTask(target)).extracting(link -> link.getGroupId())
        .containsOnly(Role.OWNER.user);
    assertThat(taskService.getTaskAttachments(target)).isEmpty();
  }

  private static String attachment() {
    return multipart("attachment-name", "content", "evil.html", "<script>alert(1)</script>");
  }

  private static String deployment() {
    return multipart("deployment-name", "data", "evil.bpmn", "<definitions/>");
  }

  private static String multipart(String nameField, String fileField, String fileName, String content) {
    return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + nameField + "\"\r\n\r\nprobe\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
  }
}
