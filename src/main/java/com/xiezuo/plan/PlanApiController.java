package com.xiezuo.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.parse.NoticeParser;
import com.xiezuo.plan.parse.ParsedPlan;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The plan intake API (src/site/markdown/reference.md): parse a notice, import a plan (JSON or xlsx), read and export plans. */
@RestController
@RequestMapping("/api/plans")
public class PlanApiController {

  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  private final NoticeParser parser;
  private final IntakeReview review;
  private final PlanImportService importer;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final ObjectMapper json;

  public PlanApiController(NoticeParser parser, IntakeReview review, PlanImportService importer, PlanRepository plans,
      UnitDirectory directory, ObjectMapper json) {
    this.parser = parser;
    this.review = review;
    this.importer = importer;
    this.plans = plans;
    this.directory = directory;
    this.json = json;
  }

  /** Body: the notice as UTF-8 text. */
  @PostMapping("/parse")
  public ParsedPlan parse(@RequestParam(required = false) Integer year, HttpServletRequest request) throws IOException {
    return review.assess(parser.parse(utf8(body(request)), year, review.lexicon()));
  }

  @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<PlanSummary> importJson(@RequestParam(defaultValue = "false") boolean newVersion,
      HttpServletRequest request, Principal user) throws IOException {
    ParsedPlan plan = json.readValue(body(request), ParsedPlan.class);
    if (plan == null) {
      throw new PlanImportException(List.of(ImportProblem.ofPlan("plan",
          "请求正文为 null：请提交计划 JSON（{title, year, issuer, tasks: […]}）")), false);
    }
    PlanSummary summary = importer.importPlan(plan,
        new PlanImportService.Options(PlanImportService.Source.JSON, user.getName(), newVersion, null));
    return ResponseEntity.status(HttpStatus.CREATED).body(summary);
  }

  @PostMapping(path = "/import", consumes = {XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  public ResponseEntity<PlanSummary> importXlsx(@RequestParam(defaultValue = "false") boolean newVersion,
      @RequestParam(required = false) Integer year, @RequestParam(required = false) String title,
      @RequestParam(required = false) String issuer, @RequestParam(required = false) String docNumber,
      HttpServletRequest request, Principal user) throws IOException {
    return importWorkbook(new ByteArrayInputStream(body(request)),
        new ChecklistWorkbook.Defaults(year, title, issuer, docNumber), newVersion, user);
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<PlanSummary> importUpload(@RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean newVersion, @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String title, @RequestParam(required = false) String issuer,
      @RequestParam(required = false) String docNumber, Principal user) throws IOException {
    try (InputStream in = file.getInputStream()) {
      return importWorkbook(in, new ChecklistWorkbook.Defaults(year, title, issuer, docNumber), newVersion, user);
    }
  }

  private ResponseEntity<PlanSummary> importWorkbook(InputStream in, ChecklistWorkbook.Defaults defaults,
      boolean newVersion, Principal user) {
    ChecklistWorkbook.Content content = ChecklistWorkbook.read(in, defaults);
    PlanSummary summary = importer.importPlan(content.plan(),
        new PlanImportService.Options(PlanImportService.Source.XLSX, user.getName(), newVersion, content.rows()));
    return ResponseEntity.status(HttpStatus.CREATED).body(summary);
  }

  @GetMapping
  public List<PlanSummary> list() {
    return plans.findAll();
  }

  @GetMapping("/{id}/export.xlsx")
  public ResponseEntity<byte[]> export(@PathVariable long id) {
    PlanDetail plan = plans.find(id, directory.snapshot())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的计划"));
    return ChecklistWorkbook.download(plan);
  }

  /** The request body, refused beyond the limit before it is read into memory in full. */
  static byte[] body(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      throw new PayloadTooLargeException(request.getContentLengthLong());
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new PayloadTooLargeException(-1);
      }
      return bytes;
    }
  }

  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new com.xiezuo.plan.parse.NoticeParseException(
          "内容不是 UTF-8 文本（可能是二进制文件或其他编码）：请粘贴通知正文，或上传 .xlsx 任务清单。");
    }
  }

  /** A body over the limit of the plan API. */
  public static class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long length) {
      super("请求内容过大" + (length > 0 ? "（" + length / 1024 + " KB）" : "") + "：上限为 " + MAX_BODY_BYTES / 1024 / 1024
          + " MB。通知正文通常不足 100 KB，请只提交通知文本。");
    }
  }
}
