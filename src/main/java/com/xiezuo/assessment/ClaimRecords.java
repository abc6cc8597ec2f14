package com.xiezuo.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Units' innovation claims ({@code xz_assessment_claim}) and the evidence each cites ({@code xz_assessment_claim_evidence}). */
@Repository
public class ClaimRecords {

  /** A file a claim cites, as it was named when cited. */
  public record CitedFile(long evidenceId, String fileName, String taskNumber) {}

  public record Claim(long id, String unitId, String title, String description, List<CitedFile> evidence,
      String claimedBy, Instant claimedAt, String withdrawnBy, Instant withdrawnAt) {

    public boolean standing() {
      return withdrawnAt == null;
    }
  }

  private final JdbcClient jdbc;

  public ClaimRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long assessmentId, String unitId, String title, String description, List<CitedFile> evidence,
      String user, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_assessment_claim (assessment_id, unit_id, title, description, claimed_by, claimed_at)
        values (?, ?, ?, ?, ?, ?)""").params(assessmentId, unitId, title, description, user, Timestamp.from(at))
        .update(key, "id");
    long id = key.getKey().longValue();
    for (CitedFile file : evidence) {
      jdbc.sql("""
          insert into xz_assessment_claim_evidence (claim_id, evidence_id, file_name, task_number) values (?, ?, ?, ?)""")
          .params(id, file.evidenceId(), file.fileName(), file.taskNumber()).update();
    }
    return id;
  }

  public void withdraw(long claimId, String user, Instant at) {
    jdbc.sql("update xz_assessment_claim set withdrawn_by = ?, withdrawn_at = ? where id = ? and withdrawn_at is null")
        .params(user, Timestamp.from(at), claimId).update();
  }

  /** Every claim of the assessment, withdrawn ones included, in the order they were made. */
  public List<Claim> of(long assessmentId) {
    Map<Long, List<CitedFile>> cited = new HashMap<>();
    jdbc.sql("""
        select c.id, e.evidence_id, e.file_name, e.task_number from xz_assessment_claim_evidence e
        join xz_assessment_claim c on c.id = e.claim_id where c.assessment_id = ? order by e.evidence_id""")
        .param(assessmentId).query(rs -> {
          cited.computeIfAbsent(rs.getLong("id"), id -> new ArrayList<>()).add(new CitedFile(
              rs.getLong("evidence_id"), rs.getString("file_name"), rs.getString("task_number")));
        });
    return jdbc.sql("select * from xz_assessment_claim where assessment_id = ? order by id").param(assessmentId)
        .query((rs, row) -> {
          Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
          long id = rs.getLong("id");
          return new Claim(id, rs.getString("unit_id"), rs.getString("title"), rs.getString("description"),
              List.copyOf(cited.getOrDefault(id, List.of())), rs.getString("claimed_by"),
              rs.getTimestamp("claimed_at").toInstant(), rs.getString("withdrawn_by"),
              withdrawn == null ? null : withdrawn.toInstant());
        }).list();
  }

  /** A correction carries the standing claims over; returns new id by old id. */
  public Map<Long, Long> copy(long fromAssessmentId, long toAssessmentId) {
    Map<Long, Long> ids = new LinkedHashMap<>();
    for (Claim claim : of(fromAssessmentId)) {
      if (claim.standing()) {
        ids.put(claim.id(), insert(toAssessmentId, claim.unitId(), claim.title(), claim.description(),
            claim.evidence(), claim.claimedBy(), claim.claimedAt()));
      }
    }
    return ids;
  }
}
