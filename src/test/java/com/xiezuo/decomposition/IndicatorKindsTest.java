package com.xiezuo.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xiezuo.workflow.Quantities;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Which indicators are shared out and which each unit meets by itself; values typed as printed. */
class IndicatorKindsTest {

  private static IndicatorRow row(String statement, String unit) {
    return new IndicatorRow(1, "1", null, statement, ">=", BigDecimal.ONE, unit, null);
  }

  @Test
  void eachAtLeastIsMetByEveryUnitAndAmountsAreSharedOut() {
    assertThat(row("召开党委常委会会议、政府常务会议等至少各 1 次", "次").isEach()).isTrue();
    assertThat(row("各区每季度至少召开 1 次联席会议", "次").isEach()).isTrue();
    assertThat(row("每个结对区不少于 2 场招聘会", "场").isEach()).isTrue();
    assertThat(row("区党政主要负责同志按“一年至少 1 次", "次").isEach()).as("the seed notice's visits").isTrue();
    assertThat(row("保障各级财政援助资金投入不少于 4.2 亿元", "元").isEach()).as("a total").isFalse();
    assertThat(row("帮助农村劳动力就业不少于 1 万人", "人").isSplit()).isTrue();
    assertThat(row("用于产业发展的资金比例控制在 55%", "%").isSplit()).isFalse();
    assertThat(row("用于产业发展的资金比例控制在 55%", "%").isRatio()).isTrue();
  }

  @Test
  void valuesAreReadAsPrinted() {
    assertThat(Quantities.parse("4.2亿", "元")).isEqualByComparingTo("420000000");
    assertThat(Quantities.parse(" 4.2 亿元 ", "元")).isEqualByComparingTo("420000000");
    assertThat(Quantities.parse("3000万", "元")).isEqualByComparingTo("30000000");
    assertThat(Quantities.parse("1,200", "人")).isEqualByComparingTo("1200");
    assertThat(Quantities.parse("55%", "%")).isEqualByComparingTo("55");
    assertThat(Quantities.parse("", "元")).isNull();
    assertThatThrownBy(() -> Quantities.parse("一亿", "元")).hasMessageContaining("“一亿”不是数值");
    assertThatThrownBy(() -> Quantities.parse("5 个", "元")).isInstanceOf(NumberFormatException.class);
    assertThat(Quantities.typed(new BigDecimal("420000000"), "元")).isEqualTo("4.2亿");
    assertThat(Quantities.typed(new BigDecimal("30000000"), "元")).isEqualTo("3000万");
    assertThat(Quantities.typed(new BigDecimal("55"), "%")).isEqualTo("55");
  }
}
