package com.xiezuo.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorExtractorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "保障我市财政援助资金投入不少于 4.2 亿元 | >= | 420000000 | 元",
      "新增转移到东部地区就业贫困人口不低于 155 人 | >= | 155 | 人",
      "两地联合开展干部培训 20 人次以上 | >= | 20 | 人次",
      "召开常务会议等至少各 1 次 | >= | 1 | 次",
      "结对两地党委、政府负责同志到结对县开展互访共 4 次 | = | 4 | 次",
      "互派医生、医务人员等 2 名以上支医 | >= | 2 | 名",
      "实际投资额不少于 5000 万元 | >= | 50000000 | 元",
      "培训农村劳动力 200 人次以上 | >= | 200 | 人次",
      "脱贫劳动力务工规模达到 3 万人 | >= | 30000 | 人",
      "管理费用不超过 5% | <= | 5 | %",
  })
  void readsComparatorValueAndUnit(String text, String comparator, BigDecimal value, String unit) {
    var indicators = IndicatorExtractor.extract(text);
    assertThat(indicators).hasSize(1);
    assertThat(indicators.get(0).comparator()).isEqualTo(comparator);
    assertThat(indicators.get(0).value()).isEqualByComparingTo(value);
    assertThat(indicators.get(0).unit()).isEqualTo(unit);
  }

  @Test
  void aTargetWithAStretchGoal() {
    var indicators = IndicatorExtractor.extract("用于产业发展的资金比例控制在 55%，力争达到 60%。");
    assertThat(indicators).singleElement().satisfies(indicator -> {
      assertThat(indicator.comparator()).isEqualTo(">=");
      assertThat(indicator.value()).isEqualByComparingTo("55");
      assertThat(indicator.stretch()).isEqualByComparingTo("60");
      assertThat(indicator.unit()).isEqualTo("%");
      assertThat(indicator.name()).isEqualTo("产业发展资金比例");
    });
  }

  @Test
  void bareNumbersAndDatesAreNotTargets() {
    assertThat(IndicatorExtractor.extract("以现有 13 个园区建设为载体，3 月底前拨付到位，2023 年签订协议，助力 8 个脱贫县")).isEmpty();
  }
}
