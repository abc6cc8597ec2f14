package com.xiezuo.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.support.Api;
import com.xiezuo.support.TasklistSession;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The unit directory kept in the app: every change checked whole, recorded with who and when, and only by coordinators. */
@XiezuoSpringTest
class DirectoryPagesTest {

  @Autowired UnitDirectory directory;
  @Autowired IdentityService identityService;
  @LocalServerPort int port;

  private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

  private static Map<String, String> unit(String id, String name, String kind, String aliases, String emails) {
    return Map.of("id", id, "name", name, "kind", kind, "partnerCounty", "", "aliases", aliases, "emails", emails);
  }

  @Test
  void aUnitIsAddedRenamedAndRetiredAndEveryStepIsRecorded() {
    WebSession coordinator = WebSession.logIn(port, "coordinator");
    String id = "port" + suffix;
    Api.Response added = coordinator.postForm("/directory/units",
        unit(id, "市港口管理局" + suffix, "CITY_DEPARTMENT", "市港口局" + suffix, "port" + suffix + "@example.gov.cn"));
    assertThat(added.status()).isEqualTo(302);
    assertThat(coordinator.follow(added).body()).contains("单位已新增");
    assertThat(directory.snapshot().resolve("市港口局" + suffix).unitId()).as("its alias resolves").isEqualTo(id);
    assertThat(identityService.createGroupQuery().groupId(id).singleResult().getName()).isEqualTo("市港口管理局" + suffix);

    Api.Response renamed = coordinator.postForm("/directory/units/" + id, Map.of("name", "市港航管理局" + suffix,
        "kind", "CITY_DEPARTMENT", "partnerCounty", "", "aliases", "市港口局" + suffix, "emails", ""));
    assertThat(renamed.status()).isEqualTo(302);
    assertThat(directory.snapshot().resolve("市港口管理局" + suffix).unitId()).as("the old name still resolves").isEqualTo(id);
    assertThat(directory.snapshot().resolve("市港航管理局" + suffix).unitId()).isEqualTo(id);

    assertThat(coordinator.postForm("/directory/units/" + id + "/retire", Map.of("retired", "true")).status()).isEqualTo(302);
    assertThat(directory.snapshot().resolve("市港航管理局" + suffix).kind()).as("retired: not in new plans")
        .isEqualTo(UnitRef.Kind.UNKNOWN);
    String plan = "{\"title\":\"停用单位测试\",\"year\":2026,\"issuer\":\"测试\",\"tasks\":[{\"number\":\"1\","
        + "\"title\":\"港口协作\",\"content\":\"开展港口协作。\",\"leadUnit\":\"市港口局" + suffix + "\",\"coUnits\":[],"
        + "\"deadline\":\"2026-12-31\",\"deadlineText\":\"年底前\",\"yearRound\":false,\"indicators\":[],"
        + "\"milestones\":[]}]}";
    assertThat(coordinator.postJson("/plans/check", plan).body()).as("an alias of the retired unit")
        .contains("是已停用的单位（市港航管理局" + suffix + "，编码 " + id + "）", "恢复启用").doesNotContain("请先在单位名录中添加");

    assertThat(directory.changes(id, 10)).extracting(UnitDirectory.Change::action).containsExactly("RETIRE", "RENAME", "ADD");
    assertThat(directory.changes(id, 10)).allMatch(change -> change.changedBy().equals("coordinator"));
    assertThat(directory.changes(id, 10).get(1).detail()).contains("更名：“市港口管理局" + suffix + "” → “市港航管理局" + suffix + "”");
    assertThat(coordinator.get("/directory/units/" + id).body()).contains("修改记录", "已停用", "coordinator");
  }

  @Test
  void aRefusedUnitNamesEveryProblemKeepsWhatWasTypedAndWritesNothing() {
    WebSession coordinator = WebSession.logIn(port, "coordinator");
    Api.Response refused = coordinator.postForm("/directory/units",
        unit("hrss", "市人社局", "", "市财政局", "not-a-mail"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("单位编码“hrss”已被使用", "名称“市人社局”已是“市人力资源和社会保障局”（hrss）的名称或别名",
        "请选择单位类别", "名称“市财政局”已是“市财政局”（finance）的名称或别名", "联系邮箱“not-a-mail”格式不正确",
        "value=\"not-a-mail\"");
    assertThat(directory.find("hrss").orElseThrow().name()).isEqualTo("市人力资源和社会保障局");
  }

  @Test
  void aSpreadsheetImportsUnitsAndGroupsWholeOrNotAtAll() throws Exception {
    WebSession coordinator = WebSession.logIn(port, "coordinator");
    String a = "countyA" + suffix;
    String b = "countyB" + suffix;
    byte[] bad = workbook(new String[] {a, "甲区" + suffix, "区（功能区）", "遵义市甲县", "", "", "各测试区" + suffix},
        new String[] {b, "乙区" + suffix, "街道", "", "", "a@@b", "各测试区" + suffix},
        new String[] {"1x", "", "市直部门", "", "", "", ""});
    Api.Response refused = coordinator.upload("/directory/import", "file", "名录.xlsx", bad, Map.of());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).as("every problem at once").contains("第 3 行：“类别”：“街道”不是可用的类别",
        "第 3 行：联系邮箱“a@@b”格式不正确", "第 4 行：单位编码“1x”无效", "第 4 行：请填写单位名称");
    assertThat(directory.find(a)).as("nothing written").isEmpty();

    byte[] twice = workbook(new String[] {a, "甲区" + suffix, "区（功能区）", "", "", "", ""},
        new String[] {a, "乙区" + suffix, "区（功能区）", "", "", "x@@y", ""});
    assertThat(coordinator.upload("/directory/import", "file", "名录.xlsx", twice, Map.of()).body())
        .contains("第 3 行：单位编码“" + a + "”在表中出现了两次", "第 3 行：联系邮箱“x@@y”格式不正确");

    Api.Response template = coordinator.upload("/directory/import", "file", "模板.xlsx",
        coordinator.getBytes("/directory/template.xlsx").body(), Map.of());
    assertThat(template.status()).as("the template as downloaded changes nothing").isEqualTo(400);
    assertThat(template.body()).contains("表格中没有单位");
    assertThat(directory.find("hrss").orElseThrow().emails()).containsExactly("hrss@units.xiezuo.example");
    assertThat(coordinator.postForm("/directory/import", Map.of()).status()).as("not an upload").isEqualTo(400);

    byte[] good = workbook(new String[] {a, "甲区" + suffix, "区（功能区）", "遵义市甲县", "甲区政府" + suffix, "a@example.gov.cn", "各测试区" + suffix},
        new String[] {b, "乙区" + suffix, "区（功能区）", "", "", "", "各测试区" + suffix});
    Api.Response imported = coordinator.upload("/directory/import", "file", "名录.xlsx", good, Map.of());
    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.body()).contains("新增 2 个单位");
    assertThat(directory.snapshot().resolve("各测试区" + suffix).unitIds()).containsExactly(a, b);
    assertThat(directory.snapshot().resolve("甲区政府" + suffix).unitId()).isEqualTo(a);
    assertThat(directory.changes(a, 5)).extracting(UnitDirectory.Change::detail).anyMatch(d -> d.contains("表格导入"));

    byte[] renameOnly = workbook(new String[] {a, "甲区新名" + suffix, "区（功能区）", "", "", "", ""});
    assertThat(coordinator.upload("/directory/import", "file", "名录.xlsx", renameOnly, Map.of()).status()).isEqualTo(200);
    Unit renamed = directory.find(a).orElseThrow();
    assertThat(renamed.name()).isEqualTo("甲区新名" + suffix);
    assertThat(renamed.partnerCounty()).as("an empty cell keeps what was there").isEqualTo("遵义市甲县");
    assertThat(renamed.emails()).containsExactly("a@example.gov.cn");
    assertThat(renamed.aliases()).contains("甲区政府" + suffix, "甲区" + suffix);
  }

  @Test
  void namesThatLookLikeOthersAreRefusedAndPagesShowOnlyWhatHappened() {
    WebSession coordinator = WebSession.logIn(port, "coordinator");
    Api.Response invisible = coordinator.postForm("/directory/units",
        unit("zw" + suffix, "市商\u200b务局", "CITY_DEPARTMENT", "", ""));
    assertThat(invisible.status()).isEqualTo(400);
    assertThat(invisible.body()).contains("含有不可见字符");
    Api.Response blank = coordinator.postForm("/directory/units", unit("sp" + suffix, "\u3000", "OTHER", "", ""));
    assertThat(blank.body()).contains("请填写单位名称");
    assertThat(coordinator.postForm("/directory/units", unit("Leadership", "某领导单位" + suffix, "OTHER", "", "")).body())
        .as("a role's name in another case").contains("单位编码“Leadership”已被使用");
    assertThat(coordinator.get("/directory/units/hrss").body()).doesNotContain("单位已新增", "已停用：", "经办人账号已新增");
    assertThat(coordinator.postForm("/directory/units/nope" + suffix + "/retire", Map.of("retired", "true")).status())
        .isEqualTo(404);
  }

  @Test
  void staffAccountsFollowThePasswordPolicyAndANewUnitsStaffWorksInTasklist() {
    WebSession coordinator = WebSession.logIn(port, "coordinator");
    String id = "lab" + suffix;
    coordinator.postForm("/directory/units", unit(id, "市测试实验室" + suffix, "OTHER", "", ""));
    Api.Response weak = coordinator.postForm("/directory/units/" + id + "/staff",
        Map.of("userId", "staff" + suffix, "userName", "张三", "email", "", "password", "abc"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.body()).contains("密码不符合安全要求");
    assertThat(identityService.createUserQuery().userId("staff" + suffix).count()).isZero();

    Api.Response ok = coordinator.postForm("/directory/units/" + id + "/staff",
        Map.of("userId", "staff" + suffix, "userName", "张三", "email", "zs@example.gov.cn", "password", "Xz-2026-test!"));
    assertThat(ok.status()).isEqualTo(302);
    assertThat(identityService.createUserQuery().memberOfGroup(id).list()).extracting(u -> u.getId()).containsExactly("staff" + suffix);
    assertThat(directory.changes(id, 5).get(0).detail()).contains("新增经办人账号 staff" + suffix);
    TasklistSession staff = TasklistSession.logIn(port, "staff" + suffix, "Xz-2026-test!");
    assertThat(staff.get("/camunda/api/engine/engine/default/task?candidateGroup=" + id).status()).isEqualTo(200);
  }

  @Test
  void onlyCoordinatorsKeepTheDirectory() {
    WebSession unitStaff = WebSession.logIn(port, "hrss");
    assertThat(unitStaff.get("/directory").status()).isEqualTo(403);
    assertThat(unitStaff.postForm("/directory/units", unit("x" + suffix, "某单位" + suffix, "OTHER", "", "")).status())
        .isEqualTo(403);
    assertThat(directory.find("x" + suffix)).isEmpty();
    WebSession leader = WebSession.logIn(port, "leader");
    assertThat(leader.get("/directory").status()).isEqualTo(403);
  }

  private static byte[] workbook(String[]... rows) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      Row header = sheet.createRow(0);
      String[] names = {"单位编码", "单位名称", "类别", "结对县（区）", "别名", "联系邮箱", "统称"};
      for (int c = 0; c < names.length; c++) {
        header.createCell(c).setCellValue(names[c]);
      }
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
