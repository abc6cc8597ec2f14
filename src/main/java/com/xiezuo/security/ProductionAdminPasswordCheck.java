package com.xiezuo.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code prod} profile without an administrator password from the environment.
 * Runs before any bean exists, so the engine never creates an administrator with an empty password.
 */
public class ProductionAdminPasswordCheck implements EnvironmentPostProcessor {

  static final String PROD_PROFILE = "prod";
  static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";
  static final int MIN_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of(PROD_PROFILE))) {
      return;
    }
    String password = environment.getProperty(PASSWORD_PROPERTY);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "Xiezuo will not start in the 'prod' profile without an administrator password: "
              + "set the environment variable XIEZUO_ADMIN_PASSWORD (at least " + MIN_LENGTH
              + " characters). 生产环境必须通过环境变量 XIEZUO_ADMIN_PASSWORD 设置管理员密码。");
    }
    if (password.length() < MIN_LENGTH || !password.matches("(?s)(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])(?=.*[^A-Za-z0-9]).*")) {
      throw new IllegalStateException(
          "XIEZUO_ADMIN_PASSWORD is too weak for the 'prod' profile: use at least " + MIN_LENGTH
              + " characters with upper and lower case letters, a digit and a symbol. 管理员密码至少 " + MIN_LENGTH
              + " 位，须含大写字母、小写字母、数字和符号。");
    }
  }
}
