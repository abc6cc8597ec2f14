package com.xiezuo.security;

import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Camunda's own user store with a lockout that ends by itself: after {@code loginMaxAttempts} wrong passwords in a
 * row an account is locked for {@code loginDelayMaxTime} seconds, then the count starts again. (The engine's own
 * rule locks an account for good after ten failures, so anyone who knows a user name could shut that user out,
 * administrators included.) A successful login resets the count; administrators can unlock early in Admin.
 */
public class ExpiringLockoutIdentityProvider extends DbIdentityServiceProvider {

  @Override
  protected boolean isUserLocked(UserEntity user) {
    Date lockedUntil = user.getLockExpirationTime();
    return lockedUntil != null && lockedUntil.after(ClockUtil.getCurrentTime());
  }

  @Override
  protected void lockUser(UserEntity user) {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    int failures = user.getAttempts() + 1;
    if (failures >= configuration.getLoginMaxAttempts()) {
      long lockedUntil = ClockUtil.getCurrentTime().getTime() + configuration.getLoginDelayMaxTime() * 1000L;
      getIdentityInfoManager().updateUserLock(user, 0, new Date(lockedUntil));
    } else {
      getIdentityInfoManager().updateUserLock(user, failures, null);
    }
  }
}
