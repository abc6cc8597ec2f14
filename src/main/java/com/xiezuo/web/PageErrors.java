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
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("message", e.getMessage()));
    }
    ModelAndView page = new ModelAndView("error", HttpStatus.FORBIDDEN);
    page.addObject("status", 403);
    page.addObject("message", e.getMessage());
    return page;
  }

  /** A form post that is not the upload form (no file part, another content type): a 400, never a 500. */
  @ExceptionHandler(MultipartException.class)
  Object notAnUpload(MultipartException e, HttpServletRequest request) throws MultipartException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getDispatcherType() == DispatcherType.ERROR || path.startsWith("/engine-rest") || path.startsWith("/camunda")) {
      throw e; // the engine's REST API and the webapps answer for themselves (an anonymous upload stays a 401)
    }
    String message = "请求格式不正确：请通过页面上的表单选择文件后上传";
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("message", message));
    }
    ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
    page.addObject("status", 400);
    page.addObject("message", message);
    return page;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object uploadTooLarge(HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("message", MESSAGE));
    }
    ModelAndView page = new ModelAndView("error", HttpStatus.PAYLOAD_TOO_LARGE);
    page.addObject("status", 413);
    page.addObject("message", MESSAGE);
    return page;
  }
}
