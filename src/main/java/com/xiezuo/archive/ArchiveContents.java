package com.xiezuo.archive;

import com.xiezuo.assessment.AssessmentFiles;
import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.assessment.AssessmentViews;
import com.xiezuo.audit.AuditFilter;
import com.xiezuo.audit.AuditRecord;
import com.xiezuo.audit.AuditTrail;
import com.xiezuo.execution.Evidence;
import com.xiezuo.execution.UnitTaskData;
import com.xiezuo.plan.change.PlanChange;
import com.xiezuo.plan.change.PlanChangeService;
import com.xiezuo.progress.PlanProgress;
import com.xiezuo.supervision.bulletin.Bulletin;
import com.xiezuo.supervision.bulletin.BulletinDocx;
import com.xiezuo.supervision.bulletin.BulletinWorkbook;
import com.xiezuo.supervision.bulletin.Bulletins;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * What a plan's archive holds, in folders by task and unit: each unit task's reports, ledger, evidence files and its
 * own trail of claims, completions and approvals with their comments; at the top the progress report, the ledger, the
 * completion table, the task changes, the whole audit trail, the published bulletins and the assessment.
 */
@Component
class ArchiveContents {

  static final int AUDIT_LIMIT = 200_000;
  static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final UnitTaskData data;
  private final Evidence evidence;
  private final AuditTrail audit;
  private final PlanChangeService changes;
  private final Bulletins bulletins;
  private final AssessmentViews assessments;

  ArchiveContents(UnitTaskData data, Evidence evidence, AuditTrail audit, PlanChangeService changes,
      Bulletins bulletins, AssessmentViews assessments) {
    this.data = data;
    this.evidence = evidence;
    this.audit = audit;
    this.changes = changes;
    this.bulletins = bulletins;
    this.assessments = assessments;
  }

  List<ArchiveEntry> of(PlanExports.Snapshot s) {
    long planId = s.plan().plan().id();
    List<ArchiveEntry> entries = new ArrayList<>();
    entries.add(new ArchiveEntry("计划进展报告.docx", "进展报告", "", "", "截至 " + s.asOf(),
        () -> ProgressReportDocx.write(s)));
    entries.add(new ArchiveEntry("台账.xlsx", "台账", "", "", "全部台账明细和指标完成情况",
        () -> PlanExports.ledgerWorkbook(s)));
    entries.add(new ArchiveEntry("各单位完成情况.xlsx", "完成率", "", "", "各单位完成率和单位任务明细",
        () -> PlanExports.ratesWorkbook(s)));
    entries.add(new ArchiveEntry("任务调整.xlsx", "任务调整", "", "", "调整、延期、取消的申请和审批",
        () -> changesWorkbook(s, changes.ofPlan(planId))));
    entries.add(new ArchiveEntry("操作记录.xlsx", "操作记录", "", "", "本计划的全部操作记录（含审批意见）",
        () -> auditWorkbook(s, audit.all(AuditFilter.everything().ofPlan(planId).inOrder(), AUDIT_LIMIT))));
    for (PlanProgress.TaskProgress task : s.plan().tasks()) {
      String folder = "任务/" + ArchiveEntry.safe(task.task().number() + " " + task.task().title(), 40) + "/";
      for (var unitTask : task.unitTasks()) {
        String unitName = s.unitName(unitTask.unitId());
        String unitFolder = folder + ArchiveEntry.safe(unitName, 40) + "/";
        String number = task.task().number();
        long assignmentId = unitTask.assignmentId();
        entries.add(new ArchiveEntry(unitFolder + "情况报送.txt", "情况报送", number, unitName, "进展和完成情况报送",
            () -> reports(data.reports(assignmentId))));
        entries.add(new ArchiveEntry(unitFolder + "操作记录和审批意见.txt", "审批和操作记录", number, unitName,
            "签收、办理、审核和签批，连同意见", () -> trail(audit.all(AuditFilter.everything().ofPlan(planId)
                .ofTask(number).ofUnit(unitTask.unitId()).inOrder(), AUDIT_LIMIT))));
        for (Evidence.File file : evidence.of(assignmentId)) {
          String where = file.withdrawn() ? "佐证材料（已撤回）/" : "佐证材料/";
          entries.add(new ArchiveEntry(unitFolder + where + file.id() + "-" + ArchiveEntry.safe(file.fileName(), 100),
              "佐证材料", number, unitName, (file.description() == null ? "" : file.description())
                  + (file.withdrawn() ? "（已撤回：" + file.withdrawnReason() + "）" : ""),
              () -> evidence.load(file.id()).orElseThrow().bytes()));
        }
      }
    }
    List<Bulletin> published = bulletins.published(10_000).stream()
        .filter(bulletin -> bulletin.stored().planId() == planId).toList();
    for (Bulletin bulletin : published) {
      String name = "督查通报/" + ArchiveEntry.safe(bulletin.stored().text().title() + "（" + bulletin.issueLabel() + "）", 80);
      entries.add(new ArchiveEntry(name + ".docx", "督查通报", "", "", bulletin.issueLabel(),
          () -> BulletinDocx.write(bulletin)));
      entries.add(new ArchiveEntry(name + ".xlsx", "督查通报", "", "", bulletin.issueLabel() + "附表",
          () -> BulletinWorkbook.write(bulletin)));
    }
    for (Assessment version : assessments.versions(planId).stream().filter(a -> a.status().published()).toList()) {
      String name = "年度考核/年度考核结果（第" + version.version() + "版，" + version.status().label() + "）";
      entries.add(new ArchiveEntry(name + ".docx", "年度考核", "", "", "考核结果通报",
          () -> AssessmentFiles.document(assessments.overview(version.id()).orElseThrow(),
              assessments.issuer(version))));
      entries.add(new ArchiveEntry(name + ".xlsx", "年度考核", "", "", "考核结果和各单位评分表", () -> {
        var overview = assessments.overview(version.id()).orElseThrow();
        var sheets = Stream.concat(overview.districts().stream(), overview.others().stream())
            .map(unit -> assessments.sheet(version.id(), unit.unitId()).orElseThrow()).toList();
        return AssessmentFiles.workbook(overview, sheets);
      }));
    }
    return entries;
  }

  private static byte[] reports(List<UnitTaskData.Report> reports) {
    StringBuilder text = new StringBuilder();
    for (UnitTaskData.Report report : reports) {
      text.append(UnitTaskData.COMPLETION.equals(report.kind()) ? "【完成情况】" : "【进展报送"
              + (report.periodEnd() == null ? "" : "，" + report.periodEnd() + " 期") + "】")
          .append(MINUTE.format(report.submittedAt().atZone(ZoneId.systemDefault()))).append(' ')
          .append(report.submittedBy() == null ? "" : report.submittedBy()).append('\n')
          .append(report.text()).append("\n\n");
    }
    return (reports.isEmpty() ? "尚无报送。\n" : text.toString()).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] trail(List<AuditRecord> lines) {
    StringBuilder text = new StringBuilder();
    for (AuditRecord line : lines) {
      text.append(MINUTE.format(line.occurredAt())).append("  ").append(line.userId() == null ? "系统" : line.userId())
          .append("  ").append(line.action().label()).append("  ").append(line.subject())
          .append(line.detail() == null ? "" : "\n    " + line.detail().replace("\n", "\n    ")).append('\n');
    }
    return (lines.isEmpty() ? "尚无操作记录。\n" : text.toString()).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] auditWorkbook(PlanExports.Snapshot s, List<AuditRecord> lines) {
    List<List<Object>> rows = lines.stream().map(line -> List.<Object>of(MINUTE.format(line.occurredAt()),
        line.userId() == null ? "系统" : line.userId(), line.action().label(), line.subject(),
        line.detail() == null ? "" : line.detail(), line.taskNumber() == null ? "" : line.taskNumber(),
        line.unitId() == null ? "" : s.unitName(line.unitId()))).toList();
    return Workbooks.of(new Workbooks.Table("操作记录", s.caption("操作记录"),
        List.of("时间", "操作人", "操作", "对象", "详情", "任务", "单位"), rows));
  }

  private static byte[] changesWorkbook(PlanExports.Snapshot s, List<PlanChange> changes) {
    List<List<Object>> rows = changes.stream().map(change -> List.<Object>of(change.taskNumber(), change.typeLabel(),
        change.reason(), change.newDeadline() == null ? "" : change.newDeadline().toString(),
        change.newTitle() == null ? "" : change.newTitle(), change.statusLabel(), change.proposedBy(),
        MINUTE.format(change.proposedAt().atZone(ZoneId.systemDefault())),
        change.decidedBy() == null ? "" : change.decidedBy(),
        change.decisionComment() == null ? "" : change.decisionComment())).toList();
    return Workbooks.of(new Workbooks.Table("任务调整", s.caption("任务调整"),
        List.of("任务编号", "类型", "理由", "新时限", "新名称", "状态", "申请人", "申请时间", "审批人", "审批意见"), rows));
  }
}
