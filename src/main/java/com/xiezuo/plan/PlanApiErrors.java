package com.xiezuo.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.xiezuo.plan.intake.IntakeException;
import com.xiezuo.plan.parse.NoticeParseException;
import com.xiezuo.workflow.JsonProblems;
import com.xiezuo.workflow.RequestProblems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Bad input to the plan API gets a clear 4xx answer in JSON ({message, problems}), never a 500. */
@RestControllerAdvice(basePackages = "com.xiezuo.plan")
public class PlanApiErrors {

  public record Error(String message, List<ImportProblem> problems) {}

  @ExceptionHandler(PlanImportException.class)
  ResponseEntity<Error> refused(PlanImportException e) {
    return ResponseEntity.status(e.isConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST)
        .body(new Error(e.getMessage(), e.problems()));
  }

  @ExceptionHandler(NoticeParseException.class)
  ResponseEntity<Error> unreadable(NoticeParseException e) {
    return status(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /** A file that cannot be read (damaged, encrypted, a scan, no task table, too large): the message says where and why. */
  @ExceptionHandler(IntakeException.class)
  ResponseEntity<Error> unreadableFile(IntakeException e) {
    return ResponseEntity.status(e.status())
        .body(new Error(e.getMessage(), e.problems().stream().map(ImportProblem::of).toList()));
  }

  @ExceptionHandler(PlanApiController.PayloadTooLargeException.class)
  ResponseEntity<Error> tooLarge(RuntimeException e) {
    return status(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
  }

  @ExceptionHandler({JsonProcessingException.class, HttpMessageNotReadableException.class})
  ResponseEntity<Error> badJson(Exception e) {
    return status(HttpStatus.BAD_REQUEST, JsonProblems.describe(e));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Error> mediaType(HttpMediaTypeNotSupportedException e) {
    return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "不支持的内容类型 " + e.getContentType() + "：导入请以 application/json 提交计划 JSON，或上传任务清单 .xlsx / .xls（"
            + PlanApiController.XLSX + "、" + PlanApiController.XLS + "、application/octet-stream 或 multipart 的 file 字段）");
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
      MethodArgumentTypeMismatchException.class})
  ResponseEntity<Error> badParameter(Exception e) {
    return status(HttpStatus.BAD_REQUEST, "请求参数有误：" + RequestProblems.describe(e).orElse("参数不完整或格式不对"));
  }

  private static ResponseEntity<Error> status(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(new Error(message, List.of()));
  }

}
