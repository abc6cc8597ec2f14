package com.xiezuo.execution;

import com.xiezuo.audit.AuditAction;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Evidence files of a unit task, stored in the database (every node serves them; nothing on local disk). */
@Repository
public class Evidence {

  static final int DESCRIPTION_MAX = 500;
  /** A longer name is refused, never shortened behind the user's back. */
  static final int NAME_MAX = 120;

  /** A stored file; a withdrawn one stays stored with who withdrew it, when and why. */
  public record File(long id, long assignmentId, String fileName, String contentType, long size, String sha256,
      String description, String uploadedBy, Instant uploadedAt, String withdrawnBy, Instant withdrawnAt,
      String withdrawnReason) {

    public boolean withdrawn() {
      return withdrawnAt != null;
    }
  }

  public record Content(File file, byte[] bytes) {}

  private final JdbcClient jdbc;
  private final EvidencePolicy policy;

  private final UnitTaskAudit audit;

  public Evidence(JdbcClient jdbc, EvidencePolicy policy, UnitTaskAudit audit) {
    this.audit = audit;
    this.jdbc = jdbc;
    this.policy = policy;
  }

  public long maxBytes() {
    return policy.maxBytes();
  }

  /** Stores the file if the policy accepts it; otherwise throws with the reason for the user. */
  @Transactional
  public long store(long assignmentId, String originalName, byte[] bytes, String description, String user) {
    String name = safeName(originalName);
    if (name.length() > NAME_MAX) {
      throw new EvidenceRefusedException("“" + name.substring(0, 30) + "…”未上传：文件名过长（" + name.length() + " 字），最多 "
          + NAME_MAX + " 字，请改名后再上传");
    }
    if (description != null && description.trim().length() > DESCRIPTION_MAX) {
      throw new EvidenceRefusedException("“" + name + "”未上传：说明不能超过 " + DESCRIPTION_MAX + " 字（现为 "
          + description.trim().length() + " 字）");
    }
    EvidencePolicy.Verdict verdict = policy.check(name, bytes);
    if (!verdict.accepted()) {
      throw new EvidenceRefusedException("“" + name + "”未上传：" + verdict.refusal());
    }
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_evidence (assignment_id, file_name, content_type, size_bytes, sha256, content, description,
          uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(assignmentId, name, verdict.contentType(), bytes.length, sha256(bytes), bytes,
            description == null || description.isBlank() ? null : description.trim(), user,
            Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
        .update(key, "id");
    audit.record(AuditAction.EVIDENCE_UPLOADED, assignmentId, user, name,
        (description == null || description.isBlank() ? "" : description.trim() + "；") + bytes.length + " 字节");
    return key.getKey().longValue();
  }

  /** Every file of the unit task, withdrawn ones included, in upload order. */
  public List<File> of(long assignmentId) {
    return jdbc.sql("""
        select id, assignment_id, file_name, content_type, size_bytes, sha256, description, uploaded_by, uploaded_at,
          withdrawn_by, withdrawn_at, withdrawn_reason
        from xz_evidence where assignment_id = ? order by id""").param(assignmentId)
        .query((rs, n) -> file(rs)).list();
  }

  /** The files a unit keeps on its tasks of a plan that are still standing, with the task's number, oldest first. */
  public List<UnitFile> standingOfUnit(long planId, String unitId) {
    return jdbc.sql("""
        select e.id, e.assignment_id, e.file_name, e.content_type, e.size_bytes, e.sha256, e.description, e.uploaded_by,
          e.uploaded_at, e.withdrawn_by, e.withdrawn_at, e.withdrawn_reason, a.task_number
        from xz_evidence e join xz_unit_assignment a on a.id = e.assignment_id
        where a.plan_id = ? and a.unit_id = ? and e.withdrawn_at is null order by e.id""").params(planId, unitId)
        .query((rs, n) -> new UnitFile(file(rs), rs.getString("task_number"))).list();
  }

  /** Which of these files were withdrawn since (a claim citing them rests on them no more). */
  public Set<Long> withdrawnAmong(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(jdbc.sql("select id from xz_evidence where id in (:ids) and withdrawn_at is not null")
        .param("ids", ids).query(Long.class).list());
  }

  /** A unit's file with the number of the task it was filed on. */
  public record UnitFile(File file, String taskNumber) {}

  public Optional<Content> load(long id) {
    return jdbc.sql("select * from xz_evidence where id = ?").param(id)
        .query((rs, n) -> new Content(file(rs), rs.getBytes("content"))).optional();
  }

  public void withdraw(long id, String reason, String user) {
    jdbc.sql("update xz_evidence set withdrawn_by = ?, withdrawn_at = ?, withdrawn_reason = ? where id = ? and withdrawn_at is null")
        .params(user, Timestamp.from(ClockUtil.getCurrentTime().toInstant()), reason, id).update();
  }

  private static File file(java.sql.ResultSet rs) throws java.sql.SQLException {
    Timestamp withdrawnAt = rs.getTimestamp("withdrawn_at");
    return new File(rs.getLong("id"), rs.getLong("assignment_id"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("description"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant(), rs.getString("withdrawn_by"),
        withdrawnAt == null ? null : withdrawnAt.toInstant(), rs.getString("withdrawn_reason"));
  }

  /** The last path segment, without control characters. */
  static String safeName(String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").trim();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      name = "佐证材料";
    }
    return name;
  }

  /** The digest the evidence store keeps of a file (hex SHA-256), as archives list it. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An upload the policy refused; the message says why. */
  public static class EvidenceRefusedException extends RuntimeException {
    public EvidenceRefusedException(String message) {
      super(message);
    }
  }
}
