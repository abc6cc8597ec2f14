package com.xiezuo.directory;

import com.xiezuo.workflow.AsSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordinators keep the directory: add a unit, rename it (the old name stays an alias, so earlier notices still
 * resolve), change its kind, county, aliases and contact mails, retire and reinstate it, and keep the group tokens
 * ("各结对区"). Every change is checked whole (all problems at once, in Chinese, nothing half-written) and recorded
 * with who and when. A new unit gets its Camunda group here and its Tasklist access from whoever listens to
 * {@link UnitAdded}.
 */
@Service
public class DirectoryEditor {

  /** Camunda's default whitelist for group ids, and a length the tables take. */
  static final Pattern ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{1,63}");
  private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> RESERVED = Set.of(Roles.COORDINATORS, Roles.LEADERSHIP, Roles.SUPERVISORS,
      Roles.CAMUNDA_ADMIN, "admin");

  /** A unit was added to the directory (its Camunda group exists). */
  public record UnitAdded(String unitId) {}

  /** What a coordinator enters for a unit; lists may be empty. */
  public record UnitForm(String id, String name, UnitKind kind, String partnerCounty, List<String> aliases,
      List<String> emails) {

    public UnitForm {
      aliases = clean(aliases);
      emails = clean(emails);
      name = name == null ? null : name.strip();
      id = id == null ? null : id.strip();
      partnerCounty = partnerCounty == null || partnerCounty.isBlank() ? null : partnerCounty.strip();
    }

    /** "市人社局；人社局、市人力资源局" as typed in one field or cell: the entries, in order. */
    public static List<String> split(String text) {
      return text == null ? List.of() : clean(List.of(text.split("[；;、,，\\n]+")));
    }

    private static List<String> clean(List<String> values) {
      return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip)
          .filter(value -> !value.isEmpty()).distinct().toList();
    }
  }

  private final UnitDirectory directory;
  private final UnitIdentitySync identity;
  private final ApplicationEventPublisher events;
  private final AsSystem asSystem;

  public DirectoryEditor(UnitDirectory directory, UnitIdentitySync identity, ApplicationEventPublisher events,
      AsSystem asSystem) {
    this.directory = directory;
    this.identity = identity;
    this.events = events;
    this.asSystem = asSystem;
  }

  /** The unit's Camunda group (and, on adding, its grants) are the system's doing; the coordinator's right is the page's. */
  private void syncGroup(Unit unit, boolean added) {
    asSystem.run(() -> {
      identity.sync(unit);
      if (added) {
        events.publishEvent(new UnitAdded(unit.id()));
      }
    });
  }

  @Transactional
  public Unit add(UnitForm form, String user) {
    List<String> problems = check(form, null, directory.findAll());
    if (!problems.isEmpty()) {
      throw new DirectoryProblemException(problems);
    }
    Unit unit = new Unit(form.id(), form.name(), form.kind(), form.partnerCounty(), form.emails(), form.aliases());
    directory.save(unit);
    syncGroup(unit, true);
    directory.record(unit.id(), "ADD", "新增单位“" + unit.name() + "”：" + describe(unit), user);
    return unit;
  }

  /** Changes a unit; a new name keeps the old one as an alias. */
  @Transactional
  public Unit update(String id, UnitForm form, String user) {
    Unit before = existing(id);
    List<Unit> others = directory.findAll().stream().filter(unit -> !unit.id().equals(id)).toList();
    List<String> aliases = new ArrayList<>(form.aliases());
    boolean renamed = form.name() != null && !form.name().equals(before.name());
    if (renamed && !aliases.contains(before.name())) {
      aliases.add(before.name());
    }
    UnitForm changed = new UnitForm(id, form.name(), form.kind(), form.partnerCounty(), aliases, form.emails());
    List<String> problems = check(changed, before, others);
    if (!problems.isEmpty()) {
      throw new DirectoryProblemException(problems);
    }
    Unit after = new Unit(id, changed.name(), changed.kind(), changed.partnerCounty(), changed.emails(),
        changed.aliases(), before.retired());
    if (after.equals(before)) {
      return before;
    }
    directory.save(after);
    syncGroup(after, false);
    directory.record(id, renamed ? "RENAME" : "UPDATE", (renamed ? "更名：“" + before.name() + "” → “" + after.name()
        + "”（原名保留为别名）。" : "修改。") + "原：" + describe(before) + "；现：" + describe(after), user);
    return after;
  }

  @Transactional
  public Unit retire(String id, boolean retired, String user) {
    Unit before = existing(id);
    if (before.retired() == retired) {
      return before;
    }
    Unit after = new Unit(id, before.name(), before.kind(), before.partnerCounty(), before.emails(), before.aliases(),
        retired);
    directory.save(after);
    directory.record(id, retired ? "RETIRE" : "REINSTATE", retired
        ? "停用“" + before.name() + "”：新计划中不再识别该单位，已有计划和任务不受影响"
        : "恢复启用“" + before.name() + "”", user);
    return after;
  }

  /** Adds or replaces a group token and its members. */
  @Transactional
  public UnitGroup saveGroup(String token, String description, List<String> memberIds, String user) {
    String name = token == null ? "" : token.trim();
    List<String> problems = new ArrayList<>();
    if (name.isEmpty() || name.length() > 100) {
      problems.add("请填写统称（如“各结对区”），不超过 100 字");
    }
    Set<String> members = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
    List<Unit> units = directory.findAll();
    for (String member : members) {
      if (units.stream().noneMatch(unit -> unit.id().equals(member))) {
        problems.add("统称“" + name + "”的成员“" + member + "”不在单位名录中");
      }
    }
    if (members.isEmpty()) {
      problems.add("统称“" + name + "”至少要包含一个单位");
    }
    DirectorySnapshot snapshot = new DirectorySnapshot(units, List.of());
    if (!name.isEmpty() && snapshot.resolve(name).kind() == UnitRef.Kind.UNIT) {
      problems.add("“" + name + "”已是一个单位的名称或别名，不能再作统称");
    }
    if (!problems.isEmpty()) {
      throw new DirectoryProblemException(problems);
    }
    UnitGroup group = new UnitGroup(name, description == null || description.isBlank() ? null : description.trim(),
        List.copyOf(members));
    directory.saveGroup(group);
    directory.record(name, "GROUP", "统称“" + name + "”：" + String.join("、", units.stream()
        .filter(unit -> members.contains(unit.id())).map(Unit::name).toList()), user);
    return group;
  }

  /** What an import did. */
  public record ImportResult(int added, int updated, List<String> groups) {}

  /**
   * A spreadsheet: rows with a known id change that unit, others add one; each row's 统称 adds the unit to those
   * group tokens (created when new). Refused whole, with every problem named by its row.
   */
  @Transactional
  public ImportResult importRows(DirectoryWorkbook.Content content, String user) {
    List<DirectoryWorkbook.Entry> entries = content.entries();
    List<Unit> current = directory.findAll();
    List<String> problems = new ArrayList<>();
    List<Unit> planned = new ArrayList<>();
    List<Boolean> isNew = new ArrayList<>();
    List<Unit> befores = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (DirectoryWorkbook.Entry entry : entries) {
      UnitForm form = entry.unit();
      String where = "第 " + entry.row() + " 行：";
      String cellProblem = content.cellProblems().get(entry.row());
      if (cellProblem != null) {
        problems.add(where + cellProblem);
      }
      Unit before = current.stream().filter(unit -> unit.id().equals(form.id())).findFirst().orElse(null);
      if (form.id() != null && !form.id().isEmpty() && !ids.add(form.id())) {
        problems.add(where + "单位编码“" + form.id() + "”在表中出现了两次");
      }
      List<Unit> others = new ArrayList<>(current.stream().filter(unit -> before == null || !unit.id().equals(before.id()))
          .toList());
      others.addAll(planned);
      // a known unit's optional cells left empty keep what the directory holds (a sheet of names only erases nothing)
      boolean keep = before != null;
      List<String> aliases = new ArrayList<>(keep && form.aliases().isEmpty() ? before.aliases() : form.aliases());
      if (before != null && form.name() != null && !form.name().equals(before.name()) && !aliases.contains(before.name())) {
        aliases.add(before.name());
      }
      String county = keep && (form.partnerCounty() == null || form.partnerCounty().isBlank()) ? before.partnerCounty()
          : form.partnerCounty();
      List<String> emails = keep && form.emails().isEmpty() ? before.emails() : form.emails();
      UnitForm checked = new UnitForm(form.id(), form.name(), form.kind(), county, aliases, emails);
      List<String> found = new ArrayList<>(check(checked, before, others));
      if (cellProblem != null) {
        found.remove("请选择单位类别");
      }
      found.forEach(problem -> problems.add(where + problem));
      for (String token : entry.groups()) {
        if (token.length() > 100) {
          problems.add(where + "统称“" + token.substring(0, 20) + "…”超过 100 字");
        }
      }
      if (found.isEmpty() && cellProblem == null) {
        planned.add(new Unit(checked.id(), checked.name(), checked.kind(), checked.partnerCounty(), checked.emails(),
            checked.aliases(), before != null && before.retired()));
        isNew.add(before == null);
        befores.add(before);
      }
    }
    if (!problems.isEmpty()) {
      throw new DirectoryProblemException(problems);
    }
    int added = 0;
    int updated = 0;
    for (int i = 0; i < planned.size(); i++) {
      Unit unit = planned.get(i);
      if (unit.equals(befores.get(i))) {
        continue; // the row says what the directory already holds
      }
      if (!isNew.get(i)) {
        updated++;
      }
      directory.save(unit);
      syncGroup(unit, isNew.get(i));
      directory.record(unit.id(), isNew.get(i) ? "ADD" : "UPDATE", "表格导入：" + (isNew.get(i) ? "新增单位“" + unit.name()
          + "”：" + describe(unit) : "修改单位“" + unit.name() + "”。原：" + describe(befores.get(i)) + "；现：" + describe(unit)), user);
      if (isNew.get(i)) {
        added++;
      }
    }
    Map<String, Set<String>> members = new LinkedHashMap<>();
    directory.groups().forEach(group -> members.put(group.token(), new LinkedHashSet<>(group.memberIds())));
    List<String> touched = new ArrayList<>();
    for (DirectoryWorkbook.Entry entry : entries) {
      for (String token : entry.groups()) {
        if (members.computeIfAbsent(token, k -> new LinkedHashSet<>()).add(entry.unit().id()) && !touched.contains(token)) {
          touched.add(token);
        }
      }
    }
    for (String token : touched) {
      saveGroup(token, directory.groups().stream().filter(group -> group.token().equals(token)).findFirst()
          .map(UnitGroup::description).orElse(null), List.copyOf(members.get(token)), user);
    }
    return new ImportResult(added, updated, touched);
  }

  private Unit existing(String id) {
    return directory.find(id).orElseThrow(() -> new DirectoryProblemException(List.of("单位名录中没有编码为“" + id + "”的单位")));
  }

  /** Everything wrong with a unit as entered: id, name, kind, aliases, mails, clashes with other units. */
  /** Zero-width characters, controls and the like: a name that looks like another must not be another. */
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\u2028\\u2029]");

  private static List<String> check(UnitForm form, Unit before, List<Unit> others) {
    List<String> problems = new ArrayList<>();
    List<String> texts = new ArrayList<>(form.aliases());
    if (form.name() != null) {
      texts.add(0, form.name());
    }
    for (String text : texts) {
      if (INVISIBLE.matcher(text).find()) {
        problems.add("“" + INVISIBLE.matcher(text).replaceAll("") + "”含有不可见字符（如零宽空格、换行），请删除后重新填写");
      }
    }
    if (before == null) {
      if (form.id() == null || !ID.matcher(form.id()).matches()) {
        problems.add("单位编码“" + Optional.ofNullable(form.id()).orElse("") + "”无效：须以英文字母开头，只含英文字母和数字，2–64 位（如 hrss、xiangzhou）");
      } else if (RESERVED.stream().anyMatch(reserved -> reserved.equalsIgnoreCase(form.id()))
          || others.stream().anyMatch(unit -> unit.id().equalsIgnoreCase(form.id()))) {
        problems.add("单位编码“" + form.id() + "”已被使用，请换一个");
      }
    }
    if (form.name() == null || form.name().isEmpty()) {
      problems.add("请填写单位名称");
    } else if (form.name().length() > 200) {
      problems.add("单位名称不能超过 200 字");
    }
    if (form.kind() == null) {
      problems.add("请选择单位类别");
    }
    if (form.partnerCounty() != null && form.partnerCounty().length() > 200) {
      problems.add("结对县（区）不能超过 200 字");
    }
    List<String> names = new ArrayList<>();
    if (form.name() != null && !form.name().isEmpty()) {
      names.add(form.name());
    }
    names.addAll(form.aliases());
    for (String name : names) {
      if (name.length() > 200) {
        problems.add("别名“" + name.substring(0, 20) + "…”超过 200 字");
      }
      others.stream().filter(unit -> compactEquals(unit.name(), name)
              || unit.aliases().stream().anyMatch(alias -> compactEquals(alias, name))).findFirst()
          .ifPresent(unit -> problems.add("名称“" + name + "”已是“" + unit.name() + "”（" + unit.id() + "）的名称或别名"));
    }
    for (String mail : form.emails()) {
      if (!MAIL.matcher(mail).matches() || mail.length() > 320) {
        problems.add("联系邮箱“" + mail + "”格式不正确");
      }
    }
    return problems;
  }

  private static boolean compactEquals(String a, String b) {
    return DirectorySnapshot.compact(a).equals(DirectorySnapshot.compact(b));
  }

  private static String describe(Unit unit) {
    List<String> parts = new ArrayList<>(List.of("编码 " + unit.id(), "名称 " + unit.name(), "类别 " + unit.kind().label()));
    if (unit.partnerCounty() != null) {
      parts.add("结对 " + unit.partnerCounty());
    }
    if (!unit.aliases().isEmpty()) {
      parts.add("别名 " + String.join("、", unit.aliases()));
    }
    if (!unit.emails().isEmpty()) {
      parts.add("邮箱 " + String.join("、", unit.emails()));
    }
    return String.join("，", parts);
  }
}
