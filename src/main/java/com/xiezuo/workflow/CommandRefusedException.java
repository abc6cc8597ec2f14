package com.xiezuo.workflow;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Something the engine may not be asked to do, whatever path the request came by (a command a user may not give, a
 * process that may not start): the REST API and Tasklist answer 403 with the message.
 */
public class CommandRefusedException extends AuthorizationException {

  public CommandRefusedException(String message) {
    super(message);
  }
}
