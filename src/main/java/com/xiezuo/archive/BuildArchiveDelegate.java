package com.xiezuo.archive;

import static com.xiezuo.workflow.ProcessVariables.ARCHIVE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_buildArchive: builds the archive the process was started for. */
@Component("buildArchiveDelegate")
class BuildArchiveDelegate implements JavaDelegate {

  private final ArchiveBuilder builder;

  BuildArchiveDelegate(ArchiveBuilder builder) {
    this.builder = builder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    builder.build(ARCHIVE_ID.get(execution));
  }
}
