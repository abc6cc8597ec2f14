package com.xiezuo.reliability;

import com.xiezuo.reliability.HostileInput.Value;
import com.xiezuo.support.Api;
import com.xiezuo.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Generated hostile input at every endpoint that takes input: plan import (JSON and workbook), notice parsing, the
 * task forms of Tasklist, allocations, ledger, evidence, changes and the coordinators' and supervisors' page forms.
 * Whatever comes, the answer is never a 5xx, a refusal stores nothing, and no answer shows SQL or code.
 */
class HostileInputProperties {

  private static HostileStage stage;
  private static byte[] exportedWorkbook;

  @BeforeContainer
  static void setUp() {
    stage = HostileStage.get();
    exportedWorkbook = stage.session("coordinator").getBytes("/plans/" + stage.handedOut.id() + "/export.xlsx").body();
  }

  // --- plan import and parsing -------------------------------------------------------------------------------

  private static final List<String> PLAN_FIELDS = List.of("TITLE", "YEAR", "ISSUER", "DOC", "NUMBER", "SECTION",
      "TASK_TITLE", "CONTENT", "LEAD", "CO_UNIT", "DEADLINE", "DEADLINE_TEXT", "YEAR_ROUND", "IND_TEXT", "IND_NAME",
      "COMPARATOR", "VALUE", "IND_UNIT", "STRETCH", "MS_DATE", "MS_TEXT");

  private static String plan(Map<String, String> replaced) {
    Map<String, String> fields = new LinkedHashMap<>(Map.ofEntries(Map.entry("TITLE", "\"敌意输入测试计划\""),
        Map.entry("YEAR", "2031"), Map.entry("ISSUER", "\"珠海市人民政府\""),
        Map.entry("DOC", "\"测〔2031〕" + UUID.randomUUID() + "\""), Map.entry("NUMBER", "\"1\""),
        Map.entry("SECTION", "\"加强组织领导\""), Map.entry("TASK_TITLE", "\"完善工作机制\""), Map.entry("CONTENT", "\"签订协议。\""),
        Map.entry("LEAD", "\"市乡村振兴局\""), Map.entry("CO_UNIT", "\"市财政局\""), Map.entry("DEADLINE", "\"2031-10-31\""),
        Map.entry("DEADLINE_TEXT", "\"10 月底前\""), Map.entry("YEAR_ROUND", "false"), Map.entry("IND_TEXT", "\"投入不少于 1 亿元\""),
        Map.entry("IND_NAME", "\"资金\""), Map.entry("COMPARATOR", "\">=\""), Map.entry("VALUE", "100000000"),
        Map.entry("IND_UNIT", "\"元\""), Map.entry("STRETCH", "null"), Map.entry("MS_DATE", "\"2031-06-30\""),
        Map.entry("MS_TEXT", "\"完成调研\"")));
    fields.putAll(replaced);
    String json = """
        {"title": @TITLE, "year": @YEAR, "issuer": @ISSUER, "docNumber": @DOC, "tasks": [
          {"number": @NUMBER, "section": @SECTION, "title": @TASK_TITLE, "content": @CONTENT, "leadUnit": @LEAD,
           "coUnits": [@CO_UNIT], "deadline": @DEADLINE, "deadlineText": @DEADLINE_TEXT, "yearRound": @YEAR_ROUND,
           "indicators": [{"text": @IND_TEXT, "name": @IND_NAME, "comparator": @COMPARATOR, "value": @VALUE,
             "unit": @IND_UNIT, "stretch": @STRETCH}],
           "milestones": [{"date": @MS_DATE, "text": @MS_TEXT}]}]}""";
    for (Map.Entry<String, String> field : fields.entrySet()) {
      json = json.replace("@" + field.getKey() + ",", field.getValue() + ",").replace("@" + field.getKey() + "}",
          field.getValue() + "}").replace("@" + field.getKey() + "]", field.getValue() + "]");
    }
    return json;
  }

  record Sent(String body, List<String> texts) {}

  @Provide
  Arbitrary<Sent> plans() {
    Arbitrary<Map<String, Value>> mutations = Arbitraries.maps(Arbitraries.of(PLAN_FIELDS), HostileInput.jsonValue())
        .ofMinSize(1).ofMaxSize(3);
    Arbitrary<Sent> mutated = mutations.map(m -> new Sent(plan(m.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().json()))),
        m.values().stream().map(Value::text).toList()));
    Arbitrary<Sent> truncated = Arbitraries.integers().between(0, 400)
        .map(cut -> { String whole = plan(Map.of()); return new Sent(whole.substring(0, Math.min(cut, whole.length())), List.of()); });
    Arbitrary<Sent> manyTasks = Arbitraries.of(501, 2_000).map(n -> {
      String one = plan(Map.of());
      String task = one.substring(one.indexOf("[") + 1, one.lastIndexOf("]"));
      return new Sent(one.replace(task, String.join(",", Collections.nCopies(n, task))), List.of());
    });
    return Arbitraries.frequencyOf(Tuple.of(8, mutated), Tuple.of(2, truncated), Tuple.of(1, manyTasks));
  }

  @Property(tries = 80)
  void aPlanImportedAsJson(@ForAll("plans") Sent plan, @ForAll("importPaths") String path) {
    Map<String, Long> before = stage.rows();
    Api.Response answer = path.startsWith("/api")
        ? stage.api("coordinator").postJson(path, plan.body())
        : stage.session("coordinator").postJson(path, plan.body());
    stage.assertSafe("POST " + path, answer, before, plan.texts());
  }

  @Provide
  Arbitrary<String> importPaths() {
    return Arbitraries.of("/api/plans/import", "/api/plans/import?newVersion=true", "/plans", "/plans/check");
  }

  @Provide
  Arbitrary<String> notices() {
    Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(3, HostileInput.text()),
        Tuple.of(4, Arbitraries.of("一、", "二、", "（一）", "（二）", "1.", "2．", "牵头单位：", "责任单位：", "各结对区",
            "10 月底前", "全年实施", "不少于 4.2 亿元", "\n", "\n\n", "（", "）", "：", "；", "。", "市财政局", "市乡村振兴局，")));
    return piece.list().ofMaxSize(60).map(pieces -> String.join("", pieces));
  }

  @Property(tries = 50)
  void aNoticeToParse(@ForAll("notices") String notice, @ForAll boolean asPage) {
    Map<String, Long> before = stage.rows();
    Api.Response answer = asPage
        ? stage.session("coordinator").postForm("/plans/review", Map.of("notice", notice, "year", "2031"))
        : stage.api("coordinator").post("/api/plans/parse?year=2031", "text/plain; charset=UTF-8",
            notice.getBytes(StandardCharsets.UTF_8));
    stage.assertSafe(asPage ? "POST /plans/review" : "POST /api/plans/parse", answer, before, List.of(notice));
  }

  @Provide
  Arbitrary<List<Tuple.Tuple3<Integer, Integer, String>>> cellEdits() {
    return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 20),
        HostileInput.text()).as(Tuple::of).list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 30)
  void aPlanWorkbookWithHostileCells(@ForAll("cellEdits") List<Tuple.Tuple3<Integer, Integer, String>> edits)
      throws IOException {
    byte[] workbook;
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(exportedWorkbook));
         ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.getSheetAt(0);
      for (Tuple.Tuple3<Integer, Integer, String> edit : edits) {
        Row row = sheet.getRow(edit.get1()) == null ? sheet.createRow(edit.get1()) : sheet.getRow(edit.get1());
        Cell cell = row.getCell(edit.get2()) == null ? row.createCell(edit.get2()) : row.getCell(edit.get2());
        cell.setCellValue(edit.get3().length() > 32_767 ? edit.get3().substring(0, 32_767) : edit.get3());
      }
      book.write(out);
      workbook = out.toByteArray();
    }
    Map<String, Long> before = stage.rows();
    Api.Response answer = stage.api("coordinator").post("/api/plans/import",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook);
    stage.assertSafe("POST /api/plans/import (xlsx)", answer, before, edits.stream().map(Tuple.Tuple3::get3).toList());
  }

  @Property(tries = 15)
  void bytesThatAreNoWorkbook(@ForAll("garbage") byte[] bytes) {
    Map<String, Long> before = stage.rows();
    Api.Response answer = stage.api("coordinator").post("/api/plans/import",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
    stage.assertSafe("POST /api/plans/import (bytes)", answer, before, List.of());
  }

  @Provide
  Arbitrary<byte[]> garbage() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(4_000);
    Arbitrary<byte[]> cut = Arbitraries.integers().between(0, 3_000)
        .map(n -> Arrays.copyOf(exportedWorkbook, Math.min(n, exportedWorkbook.length)));
    return Arbitraries.oneOf(random, cut);
  }

  // --- decomposition, ledger, evidence, changes ----------------------------------------------------------------

  @Provide
  Arbitrary<Sent> allocationBodies() {
    Arbitrary<Value> indicator = Arbitraries.oneOf(Arbitraries.just(new Value(
        String.valueOf(stage.decomposingFunds), "")), HostileInput.jsonValue());
    Arbitrary<Value> unit = Arbitraries.oneOf(Arbitraries.just(new Value("\"doumen\"", "")), HostileInput.jsonValue());
    Arbitrary<Sent> entry = Combinators.combine(indicator, unit, HostileInput.jsonValue(), HostileInput.jsonValue())
        .as((i, u, v, w) -> new Sent("{\"indicatorId\": " + i.json() + ", \"unitId\": " + u.json() + ", \"value\": "
            + v.json() + ", \"unit\": " + w.json() + "}", List.of(i.text(), u.text(), v.text(), w.text())));
    Arbitrary<Sent> list = entry.list().ofMaxSize(4).map(entries -> new Sent(
        "[" + entries.stream().map(Sent::body).collect(Collectors.joining(",")) + "]",
        entries.stream().flatMap(e -> e.texts().stream()).toList()));
    return Arbitraries.oneOf(list, HostileInput.jsonValue().map(v -> new Sent(v.json(), List.of(v.text()))));
  }

  @Property(tries = 40)
  void allocationsOverTheApi(@ForAll("allocationBodies") Sent body) {
    Map<String, Long> before = stage.rows();
    Api.Response answer = stage.api("coordinator").send("PUT", "/api/plans/" + stage.decomposing.id() + "/allocations",
        body.body());
    stage.assertSafe("PUT allocations", answer, before, body.texts());
  }

  @Property(tries = 30)
  void allocationsOnTheirPage(@ForAll("texts") List<String> values, @ForAll("texts") List<String> keys) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      String key = i < keys.size() && i % 2 == 1 ? "cell_" + keys.get(i) : "cell_" + stage.decomposingFunds + "_doumen";
      form.put(key, values.get(i));
    }
    Map<String, Long> before = stage.rows();
    Api.Response answer = stage.session("coordinator").postForm("/plans/" + stage.decomposing.id() + "/allocation", form);
    List<String> sent = new ArrayList<>(values);
    sent.addAll(keys);
    stage.assertSafe("POST allocation page", answer, before, sent);
  }

  @Provide
  Arbitrary<List<String>> texts() {
    return HostileInput.text().list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> hostile() {
    return HostileInput.text();
  }

  @Provide
  Arbitrary<String> dates() {
    return Arbitraries.oneOf(Arbitraries.of("2023-05-20", "2023-06-01"), HostileInput.text());
  }

  @Property(tries = 40)
  void aLedgerEntry(@ForAll("hostile") String amount, @ForAll("hostile") String note, @ForAll("dates") String date,
      @ForAll boolean rightIndicator, @ForAll("hostile") String indicator) {
    Map<String, String> form = Map.of("indicatorId", rightIndicator ? String.valueOf(stage.fundsIndicator) : indicator,
        "date", date, "amount", amount, "note", note);
    Map<String, Long> before = stage.rows();
    Api.Response answer = stage.session("finance").postForm("/execution/" + stage.financeWork.id() + "/ledger", form);
    stage.assertSafe("POST ledger", answer, before, List.of(amount, note, date, indicator));
  }

  @Provide
  Arbitrary<byte[]> evidenceContent() {
    return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000),
        Arbitraries.of("<html><script>alert(1)</script></html>", "#!/bin/sh\nrm -rf /\n", "%PDF-1.4\n%%EOF", "名单")
            .map(text -> text.getBytes(StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<String> fileNames() {
    return Arbitraries.oneOf(HostileInput.text(), HostileInput.text().map(name -> name + ".pdf"),
        Arbitraries.of("名单.txt", "a.html", "run.sh", "x.exe", "报告.docx", ".pdf", "a.pdf.exe", "a.PDF"));
  }

  @Property(tries = 40)
  void anEvidenceFile(@ForAll("fileNames") String name, @ForAll("evidenceContent") byte[] content,
      @ForAll("hostile") String description) {
    String safeName = name.replace("\"", "").replace("\r", "").replace("\n", "");
    Map<String, Long> before = stage.rows();
    Api.Response answer = stage.session("finance").upload("/execution/" + stage.financeWork.id() + "/evidence", "file",
        safeName, content, Map.of("description", description));
    stage.assertSafe("POST evidence", answer, before, List.of(safeName, description));
  }

  @Provide
  Arbitrary<Sent> changeBodies() {
    Arbitrary<Value> number = Arbitraries.oneOf(Arbitraries.just(new Value("\"1\"", "")), HostileInput.jsonValue());
    Arbitrary<Value> type = Arbitraries.oneOf(Arbitraries.of("\"EXTEND\"", "\"CANCEL\"", "\"ADJUST\"")
        .map(t -> new Value(t, "")), HostileInput.jsonValue());
    return Combinators.combine(number, type, HostileInput.jsonValue(), HostileInput.jsonValue(), HostileInput.jsonValue(),
        HostileInput.jsonValue()).as((n, t, reason, deadline, title, content) -> new Sent(
            "{\"taskNumber\": " + n.json() + ", \"type\": " + t.json() + ", \"reason\": " + reason.json()
                + ", \"newDeadline\": " + deadline.json() + ", \"newTitle\": " + title.json() + ", \"newContent\": "
                + content.json() + "}",
            List.of(n.text(), t.text(), reason.text(), deadline.text(), title.text(), content.text())));
  }

  @Property(tries = 30)
  void aChangeOverTheApi(@ForAll("changeBodies") Sent body) {
    Map<String, Long> before = stage.rows();
    Api.Response answer = stage.api("coordinator").postJson("/api/plans/" + stage.handedOut.id() + "/changes",
        body.body());
    stage.assertSafe("POST changes", answer, before, body.texts());
  }

  @Property(tries = 20)
  void aChangeOnThePlanPage(@ForAll("hostile") String number, @ForAll("hostile") String type,
      @ForAll("hostile") String reason, @ForAll("dates") String deadline, @ForAll("hostile") String title) {
    Map<String, Long> before = stage.rows();
    Api.Response answer = stage.session("coordinator").postForm("/plans/" + stage.handedOut.id() + "/changes",
        Map.of("taskNumber", number, "type", type, "reason", reason, "newDeadline", deadline, "newTitle", title));
    stage.assertSafe("POST change page", answer, before, List.of(number, type, reason, deadline, title));
  }

  // --- Tasklist forms ------------------------------------------------------------------------------------------

  private static final List<String> VARIABLE_TYPES = List.of("String", "Long", "Integer", "Double", "Boolean", "Date",
      "Json", "Object", "Xml", "Bytes", "Null", "Short", "Nonsense");

  @Provide
  Arbitrary<String> taskUsers() {
    return Arbitraries.of("finance", "rrb", "doumen", "hrss", "coordinator", "leader");
  }

  @Provide
  Arbitrary<List<Tuple.Tuple3<String, String, Value>>> variables() {
    Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("taskAccepted", "completionReport", "progressReport",
        "reviewDecision", "signOffDecision", "approvalDecision", "reviewConfirmed", "allocationReady", "allocationDecision",
        "unitId", "assignee", "planId", "reportText"), HostileInput.text());
    return Combinators.combine(name, Arbitraries.of(VARIABLE_TYPES), HostileInput.jsonValue()).as(Tuple::of).list()
        .ofMaxSize(4);
  }

  @Property(tries = 60)
  void aTasklistFormSubmission(@ForAll("taskUsers") String user, @ForAll("variables")
      List<Tuple.Tuple3<String, String, Value>> variables, @ForAll boolean submitForm, @ForAll boolean malformed) {
    TaskService tasks = stage.context.getBean(TaskService.class);
    List<Task> open = tasks.createTaskQuery().taskCandidateUser(user).includeAssignedTasks().list();
    if (open.isEmpty()) {
      return;
    }
    Task task = open.get(Math.floorMod(variables.hashCode(), open.size()));
    String body = malformed ? "{\"variables\": {\"x\": {\"value\": " : "{\"variables\": {" + variables.stream()
        .map(v -> HostileInput.jsonString(v.get1()) + ": {\"value\": " + v.get3().json() + ", \"type\": \"" + v.get2()
            + "\"" + (v.get2().equals("Object") ? ", \"valueInfo\": {\"objectTypeName\": \"java.util.ArrayList\","
            + " \"serializationDataFormat\": \"application/x-java-serialized-object\"}" : "") + "}")
        .collect(Collectors.joining(", ")) + "}}";
    String path = "/engine-rest/task/" + task.getId() + (submitForm ? "/submit-form" : "/complete");
    Map<String, Long> before = stage.rows();
    Api.Response answer = stage.api(user).postJson(path, body);
    List<String> sent = new ArrayList<>();
    variables.forEach(v -> {
      sent.add(v.get1());
      sent.add(v.get3().text());
    });
    stage.assertSafe("POST " + path + " as " + user, answer, before, sent);
  }

  // --- coordinators', supervisors' and administrators' page forms -------------------------------------------------

  @Property(tries = 30)
  void aNewUnitInTheDirectory(@ForAll("hostile") String id, @ForAll("hostile") String name, @ForAll("hostile") String kind,
      @ForAll("hostile") String aliases, @ForAll("hostile") String emails, @ForAll boolean asJson) {
    Map<String, String> fields = Map.of("id", id, "name", name, "kind", kind, "aliases", aliases, "emails", emails,
        "partnerCounty", name);
    Map<String, Long> before = stage.rows();
    WebSession admin = stage.session("demo");
    Api.Response answer = asJson
        ? admin.postJson("/directory/units", "{" + fields.entrySet().stream()
            .map(e -> HostileInput.jsonString(e.getKey()) + ": " + HostileInput.jsonString(e.getValue()))
            .collect(Collectors.joining(", ")) + "}")
        : admin.postForm("/directory/units", fields);
    stage.assertSafe("POST /directory/units", answer, before, List.of(id, name, kind, aliases, emails));
  }

  @Property(tries = 20)
  void aStaffAccount(@ForAll("hostile") String userId, @ForAll("hostile") String userName,
      @ForAll("hostile") String email, @ForAll("hostile") String password) {
    Map<String, Long> before = stage.rows();
    Api.Response answer = stage.session("demo").postForm("/directory/units/designCenter/staff",
        Map.of("userId", userId, "userName", userName, "email", email, "password", password));
    stage.assertSafe("POST staff", answer, before, List.of(userId, userName, email, password));
  }

  @Property(tries = 20)
  void aSupervisionRound(@ForAll("hostile") String planId, @ForAll("texts") List<String> units) {
    List<String> fields = new ArrayList<>(List.of("planId", planId));
    units.forEach(unit -> {
      fields.add("units");
      fields.add(unit);
    });
    Map<String, Long> before = stage.rows();
    Api.Response answer = stage.session("supervisor").postFields("/supervision/rounds", fields.toArray(String[]::new));
    List<String> sent = new ArrayList<>(units);
    sent.add(planId);
    stage.assertSafe("POST /supervision/rounds", answer, before, sent);
  }

  @Property(tries = 20)
  void anInstructionOrAnUrge(@ForAll("hostile") String text, @ForAll boolean urge) {
    Map<String, Long> before = stage.rows();
    String base = "/execution/" + stage.financeWork.id();
    Api.Response answer = urge
        ? stage.session("supervisor").postForm(base + "/urge", Map.of("message", text))
        : stage.session("leader").postForm(base + "/instructions", Map.of("text", text));
    stage.assertSafe("POST " + (urge ? "urge" : "instructions"), answer, before, List.of(text));
  }
}
