package com.xiezuo.archive;

import com.xiezuo.execution.Evidence;
import com.xiezuo.workflow.Deadlines;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds an archive's ZIP on a temporary file, one entry at a time, with its progress committed as it goes (in
 * transactions of their own, so the page sees it while the job runs); then stores the file in parts and ends with
 * the index spreadsheet (索引.xlsx) naming every file, its kind, task, unit, size and SHA-256. A failed build is
 * marked and rethrown, so the job executor retries it from the start.
 */
@Component
class ArchiveBuilder {

  static final int PROGRESS_EVERY = 25;

  private final ArchiveRecords records;
  private final PlanExports exports;
  private final ArchiveContents contents;
  private final TransactionTemplate separately;

  ArchiveBuilder(ArchiveRecords records, PlanExports exports, ArchiveContents contents,
      PlatformTransactionManager transactions) {
    this.records = records;
    this.exports = exports;
    this.contents = contents;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  void build(long archiveId) {
    ArchiveRecords.Archive archive = records.find(archiveId).orElseThrow();
    Path zip = null;
    try {
      PlanExports.Snapshot snapshot = exports.wholePlan(archive.planId()).orElseThrow();
      List<ArchiveEntry> entries = contents.of(snapshot);
      separately.executeWithoutResult(status -> records.started(archiveId, entries.size() + 1,
          Deadlines.now().toInstant()));
      String root = ArchiveEntry.safe(snapshot.plan().plan().year() + "年" + snapshot.plan().plan().title() + "归档", 60)
          + "/";
      zip = Files.createTempFile("xiezuo-archive-", ".zip");
      int files = write(archiveId, root, entries, snapshot, zip);
      long size = Files.size(zip);
      try (InputStream in = Files.newInputStream(zip)) {
        byte[] buffer = new byte[ArchiveRecords.PART_BYTES];
        for (int seq = 0; ; seq++) {
          int filled = in.readNBytes(buffer, 0, buffer.length);
          if (filled == 0) {
            break;
          }
          byte[] part = Arrays.copyOf(buffer, filled);
          int number = seq;
          separately.executeWithoutResult(status -> records.part(archiveId, number, part));
        }
      }
      separately.executeWithoutResult(status -> records.finished(archiveId, files, size, Deadlines.now().toInstant()));
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      separately.executeWithoutResult(status -> records.failed(archiveId, why, Deadlines.now().toInstant()));
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    } finally {
      if (zip != null) {
        try {
          Files.deleteIfExists(zip);
        } catch (IOException ignored) {
          // a temporary file the system cleans up
        }
      }
    }
  }

  private int write(long archiveId, String root, List<ArchiveEntry> entries, PlanExports.Snapshot snapshot, Path zip)
      throws IOException {
    List<List<Object>> index = new ArrayList<>();
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file,
        StandardCharsets.UTF_8)) {
      for (int i = 0; i < entries.size(); i++) {
        ArchiveEntry entry = entries.get(i);
        byte[] bytes = entry.content().get();
        out.putNextEntry(new ZipEntry(root + entry.path()));
        out.write(bytes);
        out.closeEntry();
        index.add(List.of(i + 1, entry.path(), entry.kind(), entry.taskNumber(), entry.unitName(), bytes.length,
            Evidence.sha256(bytes), entry.note()));
        if ((i + 1) % PROGRESS_EVERY == 0) {
          int done = i + 1;
          separately.executeWithoutResult(status -> records.progressed(archiveId, done));
        }
      }
      out.putNextEntry(new ZipEntry(root + "索引.xlsx"));
      out.write(Workbooks.of(new Workbooks.Table("索引", snapshot.caption("归档索引"),
          List.of("序号", "路径", "类别", "任务编号", "单位", "大小（字节）", "SHA-256", "说明"), index)));
      out.closeEntry();
    }
    return entries.size() + 1;
  }

}
