package com.xiezuo.workflow;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submitted form value was refused on the server; the message names the fields. A form-field validation failure
 * to the engine, so the REST API and Tasklist answer 400 with the message instead of 500.
 */
public class FormValidationException extends FormFieldValidationException {

  public FormValidationException(String message) {
    super(null, message);
  }
}
