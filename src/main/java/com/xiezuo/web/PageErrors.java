package com.xiezuo.web;

import com.xiezuo.workflow.CommandRefusedException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the multipart limit is refused before any controller runs, so this advice is global: pages get
 * an error page in Chinese, the API a JSON message.
 */
@ControllerAdvice
public class PageErrors {

  static final String MESSAGE = "上传文件过大：单个文件不超过 20 MB（上传上限 25 MB），请压缩或拆分后再上传。";

  /** The engine refused a step on the user's behalf: that is a 403 with the engine's Chinese reason, never a 500. */
  @ExceptionHandler(CommandRefusedException.class)
  Object refused(CommandRefusedException e, HttpServletRequest request) {
    return answer(request, HttpStatus.FORBIDDEN, e.getMessage());
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
