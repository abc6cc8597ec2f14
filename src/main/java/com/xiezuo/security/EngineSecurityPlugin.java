package com.xiezuo.security;

import com.xiezuo.workflow.TaskFormOpening;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Rights that live in the engine itself: the command guard on every command executor, the expiring lockout, and
 * Camunda's built-in password policy (at least 10 characters with upper and lower case, a digit and a symbol).
 */
@Component
public class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskFormOpening> openings;

  public EngineSecurityPlugin(ObjectProvider<TaskFormOpening> openings) {
    this.openings = openings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // one guard per chain: an interceptor holds its chain's next link
    configuration.setCustomPreCommandInterceptorsTxRequired(
        with(configuration.getCustomPreCommandInterceptorsTxRequired(), new UserCommandGuard(configuration, openings)));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new UserCommandGuard(configuration, openings)));
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(ExpiringLockoutIdentityProvider.class));
    configuration.setEnablePasswordPolicy(true);
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor guard) {
    List<CommandInterceptor> interceptors = new ArrayList<>(existing == null ? List.of() : existing);
    interceptors.add(guard);
    return interceptors;
  }
}
