package com.xiezuo.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/** Camunda's password policy, said in Chinese: which of its rules a new password breaks. */
final class PasswordRules {

  private static final Map<String, String> RULES = Map.of(
      "LENGTH", "至少 %s 个字符",
      "LOWERCASE", "至少 %s 个小写字母",
      "UPPERCASE", "至少 %s 个大写字母",
      "DIGIT", "至少 %s 个数字",
      "SPECIAL", "至少 %s 个符号（如 !、#、-）",
      "USER_DATA", "不得包含用户名、姓名或邮箱");

  private PasswordRules() {}

  /** Null when the password is fine, else a message naming every broken rule. */
  static String problems(CommandContext context, UserEntity user) {
    PasswordPolicyResult result = context.getProcessEngineConfiguration().getIdentityService()
        .checkPasswordAgainstPolicy(newPassword(user), user);
    if (result.isValid()) {
      return null;
    }
    List<String> broken = result.getViolatedRules().stream().map(PasswordRules::describe).toList();
    return "密码不符合安全要求：" + String.join("；", broken);
  }

  private static String newPassword(UserEntity user) {
    return (String) EngineCommandFields.read(user, "newPassword");
  }

  private static String describe(PasswordPolicyRule rule) {
    String name = rule.getPlaceholder().replaceFirst("^PASSWORD_POLICY_", "");
    String template = RULES.getOrDefault(name, name);
    Map<String, String> parameters = rule.getParameters();
    String amount = parameters == null || parameters.isEmpty() ? "" : parameters.values().iterator().next();
    return template.contains("%s") ? String.format(template, amount) : template;
  }
}
