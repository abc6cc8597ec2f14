package com.xiezuo.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Adds the copy of the user operation log beside the engine's own history handler (which keeps writing). */
@Component
public class AuditPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<AuditTrail> trail;

  public AuditPlugin(ObjectProvider<AuditTrail> trail) {
    this.trail = trail;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>(configuration.getCustomHistoryEventHandlers() == null
        ? List.of() : configuration.getCustomHistoryEventHandlers());
    handlers.add(new OperationLogCopy(trail));
    configuration.setCustomHistoryEventHandlers(handlers);
  }
}
