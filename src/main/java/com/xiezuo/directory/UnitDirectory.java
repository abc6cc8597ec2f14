package com.xiezuo.directory;

import com.xiezuo.audit.AuditAction;
import com.xiezuo.audit.AuditEntry;
import com.xiezuo.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The unit directory in the app's own tables (Flyway owns them, see db/migration). */
@Repository
public class UnitDirectory {

  private final JdbcClient jdbc;

  private final AuditTrail audit;

  public UnitDirectory(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public boolean isEmpty() {
    return jdbc.sql("select count(*) from xz_unit").query(Long.class).single() == 0;
  }

  public List<Unit> findAll() {
    Map<String, List<String>> emails = multimap("select unit_id, email from xz_unit_email order by email");
    Map<String, List<String>> aliases = multimap("select unit_id, alias from xz_unit_alias order by alias");
    return jdbc.sql("select id, name, kind, partner_county, retired from xz_unit order by sort_order, id")
        .query((rs, i) -> new Unit(rs.getString("id"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
            rs.getString("partner_county"), emails.get(rs.getString("id")), aliases.get(rs.getString("id")),
            rs.getBoolean("retired")))
        .list();
  }

  /** Every unit as reports list them: the districts first, then the others, each in the directory's order. */
  public List<Unit> districtsFirst() {
    List<Unit> all = findAll();
    List<Unit> ordered = new ArrayList<>(all.stream().filter(Unit::isDistrict).toList());
    all.stream().filter(unit -> !unit.isDistrict()).forEach(ordered::add);
    return ordered;
  }

  public DirectorySnapshot snapshot() {
    return new DirectorySnapshot(findAll(), groups());
  }

  public Optional<Unit> find(String id) {
    return findAll().stream().filter(unit -> unit.id().equals(id)).findFirst();
  }

  public List<UnitGroup> groups() {
    Map<String, List<String>> members = multimap(
        "select m.token, m.unit_id from xz_unit_group_member m join xz_unit u on u.id = m.unit_id order by u.sort_order");
    return jdbc.sql("select token, description from xz_unit_group order by token")
        .query((rs, i) -> new UnitGroup(rs.getString("token"), rs.getString("description"),
            members.getOrDefault(rs.getString("token"), List.of())))
        .list();
  }

  /** Adds the unit or replaces what is stored under its id (name, kind, county, mails, aliases). */
  @Transactional
  public void save(Unit unit) {
    int updated = jdbc.sql("update xz_unit set name = ?, kind = ?, partner_county = ?, retired = ? where id = ?")
        .params(unit.name(), unit.kind().name(), unit.partnerCounty(), unit.retired(), unit.id()).update();
    if (updated == 0) {
      int next = jdbc.sql("select coalesce(max(sort_order), 0) + 1 from xz_unit").query(Integer.class).single();
      jdbc.sql("insert into xz_unit (id, name, kind, partner_county, sort_order, retired) values (?, ?, ?, ?, ?, ?)")
          .params(unit.id(), unit.name(), unit.kind().name(), unit.partnerCounty(), next, unit.retired()).update();
    }
    jdbc.sql("delete from xz_unit_email where unit_id = ?").param(unit.id()).update();
    for (String email : unit.emails()) {
      jdbc.sql("insert into xz_unit_email (unit_id, email) values (?, ?)").params(unit.id(), email).update();
    }
    jdbc.sql("delete from xz_unit_alias where unit_id = ?").param(unit.id()).update();
    for (String alias : unit.aliases()) {
      jdbc.sql("insert into xz_unit_alias (alias, unit_id) values (?, ?)").params(alias, unit.id()).update();
    }
  }

  @Transactional
  public void saveGroup(UnitGroup group) {
    int updated = jdbc.sql("update xz_unit_group set description = ? where token = ?")
        .params(group.description(), group.token()).update();
    if (updated == 0) {
      jdbc.sql("insert into xz_unit_group (token, description) values (?, ?)")
          .params(group.token(), group.description()).update();
    }
    jdbc.sql("delete from xz_unit_group_member where token = ?").param(group.token()).update();
    for (String member : group.memberIds()) {
      jdbc.sql("insert into xz_unit_group_member (token, unit_id) values (?, ?)").params(group.token(), member).update();
    }
  }

  /** One entry of the directory's change log. */
  public record Change(long id, String unitId, String action, String detail, String changedBy, Instant changedAt) {}

  public void record(String unitId, String action, String detail, String user) {
    jdbc.sql("insert into xz_unit_change (unit_id, action, detail, changed_by, changed_at) values (?, ?, ?, ?, ?)")
        .params(unitId, action, detail.length() > 4000 ? detail.substring(0, 4000) : detail, user,
            Timestamp.from(ClockUtil.getCurrentTime().toInstant())).update();
    boolean account = action.startsWith("STAFF_");
    Optional<Unit> unit = find(unitId);
    audit.record(AuditEntry.of(account ? AuditAction.ACCOUNT_CHANGED : AuditAction.DIRECTORY_CHANGED, user,
        unit.map(Unit::name).orElse(unitId)).detail(detail).unit(unit.map(Unit::id).orElse(null)));
  }

  /** The latest changes, newest first; of one unit (or group token) when {@code unitId} is given. */
  public List<Change> changes(String unitId, int limit) {
    String where = unitId == null ? "" : " where unit_id = ?";
    var query = jdbc.sql("select * from xz_unit_change" + where + " order by id desc limit " + Math.max(1, Math.min(limit, 500)));
    if (unitId != null) {
      query = query.param(unitId);
    }
    return query.query((rs, i) -> new Change(rs.getLong("id"), rs.getString("unit_id"), rs.getString("action"),
        rs.getString("detail"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant())).list();
  }

  private Map<String, List<String>> multimap(String sql) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    jdbc.sql(sql).query(rs -> {
      result.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getString(2));
    });
    return result;
  }
}
