package com.xiezuo.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the SQL the application prepares while a test asks it to, so a test can count queries (the app and the
 * engine share the one data source this wraps).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatements implements BeanPostProcessor {

  private static final List<String> RECORDED = Collections.synchronizedList(new ArrayList<>());
  private static volatile boolean recording;

  public static void start() {
    RECORDED.clear();
    recording = true;
  }

  public static List<String> stop() {
    recording = false;
    synchronized (RECORDED) {
      return List.copyOf(RECORDED);
    }
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (bean instanceof DataSource dataSource && !(bean instanceof Recording)) {
      return new Recording(dataSource);
    }
    return bean;
  }

  static final class Recording extends DelegatingDataSource {

    Recording(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return recorded(super.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return recorded(super.getConnection(user, password));
    }

    private static Connection recorded(Connection connection) {
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (recording && (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))) {
              RECORDED.add((String) args[0]);
            }
            try {
              return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
