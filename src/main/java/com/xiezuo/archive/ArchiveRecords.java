package com.xiezuo.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The archives of plans, their progress, and the ZIP stored in parts. */
@Repository
public class ArchiveRecords {

  /** One archive as requested and built. */
  public record Archive(long id, long planId, ArchiveStatus status, String requestedBy, Instant requestedAt,
      Instant startedAt, Instant finishedAt, int totalItems, int doneItems, int fileCount, long sizeBytes,
      String error) {

    public int percent() {
      return status == ArchiveStatus.DONE ? 100 : totalItems == 0 ? 0 : Math.min(99, doneItems * 100 / totalItems);
    }

    public boolean running() {
      return status == ArchiveStatus.QUEUED || status == ArchiveStatus.RUNNING;
    }
  }

  static final int PART_BYTES = 4 * 1024 * 1024;

  private final JdbcClient jdbc;

  public ArchiveRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long planId, String user, Instant at) {
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into xz_archive (plan_id, status, requested_by, requested_at) values (?, ?, ?, ?)")
        .params(planId, ArchiveStatus.QUEUED.name(), user, Timestamp.from(at)).update(key, "id");
    return key.getKey().longValue();
  }

  void attachProcess(long id, String processInstanceId) {
    jdbc.sql("update xz_archive set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  public Optional<Archive> find(long id) {
    return jdbc.sql("select * from xz_archive where id = ?").param(id).query(ArchiveRecords::map).optional();
  }

  public List<Archive> ofPlan(long planId) {
    return jdbc.sql("select * from xz_archive where plan_id = ? order by id desc").param(planId)
        .query(ArchiveRecords::map).list();
  }

  void started(long id, int total, Instant at) {
    jdbc.sql("delete from xz_archive_part where archive_id = ?").param(id).update();
    jdbc.sql("""
        update xz_archive set status = ?, started_at = ?, total_items = ?, done_items = 0, error = null,
          finished_at = null where id = ?""").params(ArchiveStatus.RUNNING.name(), Timestamp.from(at), total, id)
        .update();
  }

  void progressed(long id, int done) {
    jdbc.sql("update xz_archive set done_items = ? where id = ?").params(done, id).update();
  }

  void part(long id, int seq, byte[] bytes) {
    jdbc.sql("insert into xz_archive_part (archive_id, seq, content) values (?, ?, ?)").params(id, seq, bytes).update();
  }

  void finished(long id, int files, long size, Instant at) {
    jdbc.sql("""
        update xz_archive set status = ?, finished_at = ?, file_count = ?, size_bytes = ?, done_items = total_items
        where id = ?""").params(ArchiveStatus.DONE.name(), Timestamp.from(at), files, size, id).update();
  }

  void failed(long id, String error, Instant at) {
    jdbc.sql("update xz_archive set status = ?, finished_at = ?, error = ? where id = ?")
        .params(ArchiveStatus.FAILED.name(), Timestamp.from(at), error.length() > 2000 ? error.substring(0, 2000)
            : error, id).update();
  }

  /** Copies the stored ZIP to {@code out}, one part at a time (never the whole archive in memory). */
  public void copy(long id, OutputStream out) throws IOException {
    int parts = jdbc.sql("select count(*) from xz_archive_part where archive_id = ?").param(id)
        .query(Integer.class).single();
    for (int seq = 0; seq < parts; seq++) {
      byte[] bytes = jdbc.sql("select content from xz_archive_part where archive_id = ? and seq = ?")
          .params(id, seq).query((rs, n) -> rs.getBytes("content")).single();
      out.write(bytes);
    }
    out.flush();
  }

  private static Archive map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Archive(rs.getLong("id"), rs.getLong("plan_id"), ArchiveStatus.valueOf(rs.getString("status")),
        rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")), rs.getInt("total_items"), rs.getInt("done_items"),
        rs.getInt("file_count"), rs.getLong("size_bytes"), rs.getString("error"));
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
