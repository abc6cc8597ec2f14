package com.xiezuo.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.Evidence;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.execution.UnitTaskActions;
import com.xiezuo.lifecycle.AcceptedYear;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The exports and the year-end archive of a walked plan: the archive holds every evidence file (byte for byte) and
 * every approval with its comment, indexed; the exports hold what the user may see; units may not archive.
 */
@XiezuoSpringTest
class PlanArchiveTest {

  @Autowired PlanImportService importer;
  @Autowired Allocations allocations;
  @Autowired UnitAssignments assignments;
  @Autowired Evidence evidence;
  @Autowired ArchiveRecords records;
  @Autowired UnitTaskActions actions;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void theArchiveHoldsEveryEvidenceFileAndEveryApprovalWithItsComment() throws IOException {
    AcceptedYear year = AcceptedYear.begin(importer, allocations, assignments, taskService, managementService,
        historyService);
    long planId = year.plan().id();
    UnitAssignment hrss = year.work().unit("hrss", "2");
    UnitAssignment doumen = year.work().unit("doumen", "1");
    WebSession hrssPages = WebSession.logIn(port, "hrss");
    hrssPages.upload("/execution/" + hrss.id() + "/evidence", "file", "招聘会签到表.pdf",
        "%PDF-1.4\n签到表\n".getBytes(StandardCharsets.UTF_8), Map.of("description", "5 月招聘会"));
    WebSession.logIn(port, "doumen").upload("/execution/" + doumen.id() + "/evidence", "file", "资金拨付/凭证.txt",
        "拨付凭证 1.2 亿元".getBytes(StandardCharsets.UTF_8), Map.of());
    long funds = LifecycleFixture.fundsIndicator(allocations, planId);
    actions.addLedgerEntry(doumen, funds, LocalDate.of(2023, 5, 9), new BigDecimal("120000000"), "首批资金", "doumen");
    year.work().complete(hrss, "userTask_reportCompletion", Map.of("completionSummary", "全年输送劳动力 200 人。"));
    taskService.complete(year.work().open(hrss, "userTask_signOff").getId(),
        Map.of("approvalDecision", "approve", "approvalComment", "同意签批，成效明显"));

    WebSession coordinator = WebSession.logIn(port, "coordinator");
    assertThat(coordinator.postForm("/plans/" + planId + "/archive", Map.of()).status()).isEqualTo(302);
    assertThat(coordinator.postForm("/plans/" + planId + "/archive", Map.of()).status())
        .as("one archive at a time").isEqualTo(409);
    ArchiveRecords.Archive queued = records.ofPlan(planId).get(0);
    assertThat(coordinator.get("/plans/" + planId + "/archive").body()).contains("排队中");
    assertThat(WebSession.logIn(port, "hrss").get("/plans/" + planId + "/archive").status()).isEqualTo(403);

    String instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey("archive/" + planId + "/" + queued.id()).singleResult().getId();
    Job build = managementService.createJobQuery().processInstanceId(instance).singleResult();
    managementService.executeJob(build.getId());
    ArchiveRecords.Archive done = records.find(queued.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(ArchiveStatus.DONE);
    assertThat(coordinator.get("/plans/" + planId + "/archive").body()).contains("已生成", "下载");
    assertThat(WebSession.logIn(port, "doumen").getBytes("/archives/" + done.id() + "/download").statusCode())
        .as("units do not download the whole plan").isEqualTo(403);

    var download = WebSession.logIn(port, "leader").getBytes("/archives/" + done.id() + "/download");
    assertThat(download.statusCode()).isEqualTo(200);
    Map<String, byte[]> files = unzip(download.body());
    assertThat(files).hasSize(done.fileCount());
    for (UnitAssignment assignment : assignments.ofPlan(planId)) {
      for (Evidence.File file : evidence.of(assignment.id())) {
        byte[] stored = evidence.load(file.id()).orElseThrow().bytes();
        assertThat(files.entrySet()).as(file.fileName() + " in the archive, byte for byte")
            .anyMatch(entry -> entry.getKey().endsWith("/" + file.id() + "-" + ArchiveEntry.safe(file.fileName(), 100))
                && Arrays.equals(entry.getValue(), stored));
      }
    }
    String trail = files.entrySet().stream().filter(entry -> entry.getKey().contains("/任务/2 强化劳务协作/市人力资源和社会保障局/")
        && entry.getKey().endsWith("操作记录和审批意见.txt")).map(entry -> new String(entry.getValue(), StandardCharsets.UTF_8))
        .findFirst().orElseThrow();
    assertThat(trail).contains("批准", "同意签批，成效明显", "报送情况");
    List<String> indexed = column(files.entrySet().stream().filter(entry -> entry.getKey().endsWith("/索引.xlsx"))
        .findFirst().orElseThrow().getValue(), 1);
    assertThat(indexed).as("the index names every other file").hasSize(files.size() - 1);
    assertThat(files.keySet()).anyMatch(name -> name.endsWith("/计划进展报告.docx"))
        .anyMatch(name -> name.endsWith("/操作记录.xlsx")).anyMatch(name -> name.endsWith("/台账.xlsx"));

    byte[] ledger = coordinator.getBytes("/plans/" + planId + "/exports/ledger.xlsx").body();
    assertThat(column(ledger, 3)).as("the ledger entry's unit").containsExactly("斗门区");
    assertThat(column(ledger, 7)).containsExactly("首批资金");
    byte[] unitLedger = WebSession.logIn(port, "zunyiWorkGroup").getBytes("/plans/" + planId
        + "/exports/rates.xlsx").body();
    assertThat(column(unitLedger, 0)).as("a unit's completion table has its own row only").containsExactly("市驻遵义工作组");
    byte[] report = coordinator.getBytes("/plans/" + planId + "/exports/progress.docx").body();
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(report))) {
      assertThat(document.getParagraphs().get(0).getText()).isEqualTo("2023 年" + LifecycleFixture.plan(true).title()
          + "进展情况报告");
      assertThat(document.getDocument().getBody().getSectPr().getPgSz().getW().toString()).isEqualTo("11906");
    }
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  /** The values of one column of the first sheet, below the caption and header rows. */
  private static List<String> column(byte[] xlsx, int column) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<String> values = new ArrayList<>();
      for (Row row : workbook.getSheetAt(0)) {
        if (row.getRowNum() >= 2 && row.getCell(column) != null) {
          values.add(row.getCell(column).toString());
        }
      }
      return values;
    }
  }
}
