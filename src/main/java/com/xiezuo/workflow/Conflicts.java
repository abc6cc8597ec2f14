package com.xiezuo.workflow;

import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Whether a failure was two users changing the same thing at the same moment: the engine's optimistic lock, the
 * database giving up on a lock or a deadlock, or a unique key met by a row another transaction just wrote. Such a failure is a 409 for the one who lost, never a 500.
 */
public final class Conflicts {

  /**
   * PostgreSQL: serialization failure, deadlock, lock not available; H2: lock timeout; both: a unique key met —
   * inside an engine step that is the same row written by another transaction at the same moment (two claims of
   * one task by one user insert its authorization twice).
   */
  private static final Set<String> SQL_STATES = Set.of("40001", "40P01", "55P03", "HYT00", "23505");
  private static final Set<Integer> H2_CODES = Set.of(50200, 40001);

  private Conflicts() {}

  public static boolean isConcurrentChange(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException) {
        return true;
      }
      if (cause instanceof SQLException sql && (SQL_STATES.contains(sql.getSQLState())
          || H2_CODES.contains(sql.getErrorCode()))) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
