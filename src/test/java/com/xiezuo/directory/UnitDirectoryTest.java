package com.xiezuo.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xiezuo.support.Api;
import com.xiezuo.support.XiezuoSpringTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@XiezuoSpringTest
class UnitDirectoryTest {

  @Autowired UnitDirectory directory;
  @Autowired IdentityService identityService;
  @LocalServerPort int port;

  @Test
  void theZhuhaiSeedHasEveryUnitOfThePlanEachAsACamundaGroup() {
    // other tests add units of their own to the shared directory; the seed's are those of the file
    java.util.Set<String> seeded;
    try (var in = getClass().getClassLoader().getResourceAsStream("directory/zhuhai.yml")) {
      seeded = DirectorySeedFile.read(in, "zhuhai.yml").toUnits().stream().map(Unit::id)
          .collect(java.util.stream.Collectors.toSet());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var units = directory.findAll().stream().filter(unit -> seeded.contains(unit.id())).toList();
    assertThat(units).hasSize(seeded.size());
    assertThat(units).extracting(Unit::name).contains("市乡村振兴局", "市人力资源和社会保障局", "市驻遵义工作组",
        "珠海华发集团", "香洲区", "金湾区", "斗门区", "高新区", "广珠铁路公司");
    for (Unit unit : units) {
      var group = identityService.createGroupQuery().groupId(unit.id()).singleResult();
      assertThat(group).as(unit.name()).isNotNull();
      assertThat(group.getName()).isEqualTo(unit.name());
      assertThat(unit.emails()).as(unit.name() + " contact").isNotEmpty();
    }
    Unit doumen = directory.find("doumen").orElseThrow();
    assertThat(doumen.kind()).isEqualTo(UnitKind.DISTRICT);
    assertThat(doumen.partnerCounty()).isEqualTo("湄潭县");
    assertThat(directory.find("hrss").orElseThrow().aliases()).contains("市人社局");
  }

  @Test
  void groupTokensStandForTheirUnits() {
    UnitGroup paired = directory.groups().stream().filter(group -> group.token().equals("各结对区")).findFirst()
        .orElseThrow();
    assertThat(paired.memberIds()).containsExactly("xiangzhou", "jinwan", "doumen", "hitech");
  }

  @Test
  void eachUnitHasADemoUserInItsGroup() {
    assertThat(identityService.createUserQuery().userId("hrss").memberOfGroup("hrss").count()).isOne();
    assertThat(identityService.checkPassword("hrss", "hrss")).isTrue();
  }

  @Test
  void theDirectoryIsReadableOverTheApi() {
    Api.Response units = Api.as(port, "hrss").get("/api/units");
    assertThat(units.status()).isEqualTo(200);
    assertThat(units.body()).contains("\"id\":\"hrss\"", "市人力资源和社会保障局", "各结对区");
  }

  @Test
  void anInvalidSeedFileIsRefusedNamingEachProblem() {
    String yaml = """
        city: 测试市
        defaultEmailDomain: test.example
        units:
          - { id: good1, name: 甲局, kind: CITY_DEPARTMENT }
          - { id: bad-id, name: 乙局, kind: CITY_DEPARTMENT }
          - { id: good1, name: 丙局, kind: DISTRICT }
        groups:
          - { token: 各区, members: [good1, nobody] }
        """;
    assertThatThrownBy(() -> DirectorySeedFile.read(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml"))
        .hasMessageContaining("unit #2 (乙局): id 'bad-id' must be letters and digits only")
        .hasMessageContaining("unit #3 (丙局): id 'good1' is used twice")
        .hasMessageContaining("group '各区': unknown member id 'nobody'");
  }
}
