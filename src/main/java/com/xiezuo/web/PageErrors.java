package com.xiezuo.web;

import com.xiezuo.workflow.CommandRefusedException;
import com.xiezuo.workflow.Conflicts;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals every page and API share (an upload over the multipart limit is refused before any controller runs,
 * a race is decided in the database): pages get an error page in Chinese, the API a JSON message, never a 500.
 */
@ControllerAdvice
public class PageErrors {

  private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

  static final String MESSAGE = "上传文件过大：单个文件不超过 20 MB（上传上限 25 MB），请压缩或拆分后再上传。";

  /** The engine refused a step on the user's behalf: that is a 403 with the engine's Chinese reason, never a 500. */
  @ExceptionHandler(CommandRefusedException.class)
  Object refused(CommandRefusedException e, HttpServletRequest request) {
    return answer(request, HttpStatus.FORBIDDEN, e.getMessage());
  }

  /**
   * Two users did the same thing at the same moment and the engine or a unique key let only one through: the
   * other is told so (409) and sees the result after a refresh.
   */
  @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class, DuplicateKeyException.class})
  Object conflict(Exception e, HttpServletRequest request) {
    LOG.info("Concurrent change refused with 409 on {}: {}", request.getRequestURI(), e.getClass().getSimpleName());
    return answer(request, HttpStatus.CONFLICT, "有人同时办理了同一事项，您的操作未执行：请刷新页面查看最新情况后再操作。");
  }

  /** An engine step that met another user's change of the same thing (a lock it waited for in vain): 409 as well. */
  @ExceptionHandler(ProcessEngineException.class)
  Object engineFailed(ProcessEngineException e, HttpServletRequest request) throws ProcessEngineException {
    if (!Conflicts.isConcurrentChange(e)) {
      throw e;
    }
    return conflict(e, request);
  }

  /**
   * The last guard behind every input check: a value the database will not hold is a 400. The log names the
   * constraint's SQL state only, never the statement or the values (they may be a unit's report text).
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  Object notStorable(DataIntegrityViolationException e, HttpServletRequest request) {
    LOG.warn("Input refused by the database on {} (SQL state {}); a check before storing should have named the field",
        request.getRequestURI(), sqlState(e));
    return answer(request, HttpStatus.BAD_REQUEST, "提交的内容超出允许的范围（过长或数值过大），未保存：请缩短或更正后重试。");
  }

  private static String sqlState(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql.getSQLState();
      }
    }
    return "unknown";
  }

  /** A form post that is not the upload form (no file part, another content type): a 400, never a 500. */
  @ExceptionHandler(MultipartException.class)
  Object notAnUpload(MultipartException e, HttpServletRequest request) throws MultipartException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getDispatcherType() == DispatcherType.ERROR || path.startsWith("/engine-rest") || path.startsWith("/camunda")) {
      throw e; // the engine's REST API and the webapps answer for themselves (an anonymous upload stays a 401)
    }
    return answer(request, HttpStatus.BAD_REQUEST, "请求格式不正确：请通过页面上的表单选择文件后上传");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object uploadTooLarge(HttpServletRequest request) {
    return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, MESSAGE);
  }

  /** The API gets a JSON message, pages the error page. */
  private static Object answer(HttpServletRequest request, HttpStatus status, String message) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
    }
    ModelAndView page = new ModelAndView("error", status);
    page.addObject("status", status.value());
    page.addObject("message", message);
    return page;
  }
}
