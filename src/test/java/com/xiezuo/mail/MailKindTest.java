package com.xiezuo.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** xz_mail.kind holds 16 characters: a longer kind would fail only when its first mail is recorded. */
class MailKindTest {

  @Test
  void everyKindFitsItsColumnAndHasAChineseLabel() {
    assertThat(Arrays.stream(MailKind.values())).allSatisfy(kind -> {
      assertThat(kind.name()).hasSizeLessThanOrEqualTo(16);
      assertThat(kind.label()).containsPattern("\\p{IsHan}");
    });
  }
}
