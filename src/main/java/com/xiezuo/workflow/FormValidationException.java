package com.xiezuo.workflow;

import org.camunda.bpm.engine.ProcessEngineException;

/** A submitted form value was refused on the server; the message names the fields. */
public class FormValidationException extends ProcessEngineException {

  public FormValidationException(String message) {
    super(message);
  }
}
