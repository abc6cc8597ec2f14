package com.xiezuo.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A generated Word or Excel file as a download, under a Chinese file name. */
final class Downloads {

  static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private Downloads() {}

  static ResponseEntity<byte[]> of(byte[] bytes, MediaType type, String fileName) {
    return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName)).body(bytes);
  }

  /** A large file written to the response as it is read (never whole in memory). */
  static ResponseEntity<StreamingResponseBody> streamed(StreamingResponseBody body, MediaType type, long length,
      String fileName) {
    return ResponseEntity.ok().contentType(type).contentLength(length)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName)).body(body);
  }

  private static String attachment(String fileName) {
    return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
  }
}
