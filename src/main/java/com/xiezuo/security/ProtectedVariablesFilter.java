package com.xiezuo.security;

import com.xiezuo.workflow.AsSystem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Users change process data only through their forms. The engine's REST API would let a user who may complete a
 * task write any variable with it (claim to be the lead unit, point the task at another unit's assignment), so for
 * everyone but administrators: completing a task may not change the variables the processes rely on (a read-only
 * field sent back unchanged is fine), and the endpoints that write variables directly are closed.
 */
public class ProtectedVariablesFilter extends OncePerRequestFilter {

  /** Variables set by Xiezuo, never by a user. */
  static final Set<String> PROTECTED = Set.of("planId", "planTitle", "planYear", "taskCount", "assignmentCount",
      "assignmentId", "assignmentSeq", "planTaskId", "taskNumber", "taskTitle", "unitId", "unitName", "unitRole",
      "unitRoleLabel", "leadUnitId", "leadUnitName", "deadline", "deadlineText", "indicatorTargets", "remindersFrom",
      "nextReminderAt", "reportPeriodDue", "reportPeriodLabel", "ledgerSummary", "coUnitContributions",
      "allocationUnitId", "allocationRound", "allocationSummary", "unitAllocation", "objectionSummary", "hasObjections",
      "indicatorCount", "changeId", "changeSummary", "nextSupervisionAt", "supervisionRound", "assessmentAt",
      "atRiskSummary", "executionSummary");

  private static final Pattern COMPLETE = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)$");
  private static final Pattern DIRECT_WRITES = Pattern.compile(
      "^/(task/[^/]+/(variables|localVariables)(/.*)?|process-instance/[^/]+/variables(/.*)?"
          + "|execution/[^/]+/localVariables(/.*)?|message|signal|condition)$");

  private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)$");

  private final IdentityService identityService;
  private final TaskService taskService;
  private final CamundaWebappSession webappSession;
  private final AsSystem asSystem;
  private final ObjectMapper json = new ObjectMapper();

  public ProtectedVariablesFilter(IdentityService identityService, TaskService taskService,
      CamundaWebappSession webappSession, AsSystem asSystem) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.webappSession = webappSession;
    this.asSystem = asSystem;
  }

  /** The user of the request: HTTP basic on /engine-rest (already authenticated), the session in Tasklist. */
  private Optional<List<String>> groupsOfUser(HttpServletRequest request) {
    Authentication rest = identityService.getCurrentAuthentication();
    if (rest != null) {
      return Optional.of(rest.getGroupIds() == null ? List.of() : rest.getGroupIds());
    }
    return webappSession.loggedInUser(request).map(user -> identityService.createGroupQuery().groupMember(user).list()
        .stream().map(Group::getId).toList());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    Matcher webapp = WEBAPP_ENGINE.matcher(uri);
    String path = webapp.matches() ? webapp.group(1) : uri.replaceFirst("^/engine-rest", "");
    boolean writes = !"GET".equals(request.getMethod()) && !"OPTIONS".equals(request.getMethod());
    Optional<List<String>> groups = writes ? groupsOfUser(request) : Optional.empty();
    if (!writes || groups.isEmpty() || groups.get().contains(Roles.CAMUNDA_ADMIN)) {
      chain.doFilter(request, response);
      return;
    }
    if (DIRECT_WRITES.matcher(path).matches()) {
      refuse(response, "不允许通过接口直接修改流程变量，请通过任务表单办理");
      return;
    }
    Matcher complete = COMPLETE.matcher(path);
    if (!complete.matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    String changed = changedProtectedVariable(complete.group(1), body);
    if (changed != null) {
      refuse(response, "不允许修改系统变量“" + changed + "”");
      return;
    }
    chain.doFilter(new ReplayedBody(request, body), response);
  }

  private String changedProtectedVariable(String taskId, byte[] body) throws IOException {
    if (body.length == 0) {
      return null;
    }
    JsonNode variables = json.readTree(body).path("variables");
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      if (PROTECTED.contains(variable.getKey())
          && !unchanged(currentValue(taskId, variable.getKey()), variable.getValue().path("value"))) {
        return variable.getKey();
      }
    }
    return null;
  }

  /** Read by the filter itself: whether the user may work on the task is the engine's check, made next. */
  private Object currentValue(String taskId, String name) {
    try {
      return asSystem.call(() -> taskService.getVariable(taskId, name));
    } catch (NullValueException noSuchTask) {
      return null;
    }
  }

  static boolean unchanged(Object current, JsonNode submitted) {
    if (submitted.isMissingNode() || submitted.isNull() || (submitted.isTextual() && submitted.asText().isEmpty())) {
      return current == null || current.toString().isEmpty();
    }
    if (current == null) {
      return false;
    }
    if (current instanceof Number number && submitted.isNumber()) {
      return new BigDecimal(number.toString()).compareTo(submitted.decimalValue()) == 0;
    }
    if (current instanceof Date date) {
      try {
        return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").parse(submitted.asText()).equals(date);
      } catch (ParseException notADate) {
        return false;
      }
    }
    return current.toString().equals(submitted.asText());
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(new ObjectMapper().writeValueAsString(
        Map.of("type", "AuthorizationException", "message", message)).getBytes(StandardCharsets.UTF_8));
  }

  /** The request with its body read once by this filter and offered again to the REST API. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }
  }
}
