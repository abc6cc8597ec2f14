package com.xiezuo.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.intake.FileKind;
import com.xiezuo.plan.intake.IntakeLimits;
import com.xiezuo.plan.intake.NoticeIntake;
import com.xiezuo.plan.intake.PlanDefaults;
import com.xiezuo.plan.parse.NoticeParseException;
import com.xiezuo.plan.parse.ParsedPlan;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
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

/**
 * The plan intake API (src/site/markdown/reference.md): parse a notice (text, .docx, .pdf, .xlsx, .xls), import a
 * plan (JSON or a checklist workbook), read and export plans.
 */
@RestController
@RequestMapping("/api/plans")
public class PlanApiController {

  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String XLS = "application/vnd.ms-excel";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String PDF = "application/pdf";
  /** Text and JSON bodies; files may be larger ({@link IntakeLimits#MAX_FILE_BYTES}). */
  static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  private final NoticeIntake intake;
  private final PlanImportService importer;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final ObjectMapper json;

  public PlanApiController(NoticeIntake intake, PlanImportService importer, PlanRepository plans,
      UnitDirectory directory, ObjectMapper json) {
    this.intake = intake;
    this.importer = importer;
    this.plans = plans;
    this.directory = directory;
    this.json = json;
  }

  /** Body: the notice as UTF-8 text, or the file itself (.docx, .pdf, .xlsx, .xls), told apart by its content. */
  @PostMapping("/parse")
  public ParsedPlan parse(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
    String type = request.getContentType();
    boolean text = type == null || type.toLowerCase(Locale.ROOT).startsWith("text/");
    byte[] body = text ? body(request, MAX_BODY_BYTES, Limit.TEXT) : body(request, IntakeLimits.MAX_FILE_BYTES, Limit.FILE);
    return intake.read(fileName, text ? inUtf8(body, declaredCharset(type)) : body, year).plan();
  }

  /** The charset the client named in its Content-Type (the request's own encoding is forced to UTF-8). */
  private static String declaredCharset(String type) {
    if (type == null) {
      return null;
    }
    for (String parameter : type.split(";")) {
      String[] pair = parameter.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
        return pair[1].trim().replace("\"", "");
      }
    }
    return null;
  }

  /** Text sent with its own charset ("text/plain; charset=GBK") is read in it; intake reads UTF-8. */
  private static byte[] inUtf8(byte[] body, String declared) {
    if (declared == null) {
      return body;
    }
    try {
      Charset charset = Charset.forName(declared);
      return charset.equals(StandardCharsets.UTF_8) ? body : new String(body, charset).getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException unknown) {
      throw new NoticeParseException("未知的字符集“" + declared + "”：请以 UTF-8 或 GBK 提交通知正文。");
    }
  }

  @PostMapping(path = "/parse", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ParsedPlan parseUpload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) Integer year)
      throws IOException {
    return intake.read(file.getOriginalFilename(), bytes(file), year).plan();
  }

  @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<PlanSummary> importJson(@RequestParam(defaultValue = "false") boolean newVersion,
      HttpServletRequest request, Principal user) throws IOException {
    ParsedPlan plan = json.readValue(body(request, MAX_BODY_BYTES, Limit.TEXT), ParsedPlan.class);
    if (plan == null) {
      throw new PlanImportException(List.of(ImportProblem.ofPlan("plan",
          "请求正文为 null：请提交计划 JSON（{title, year, issuer, tasks: […]}）")), false);
    }
    PlanSummary summary = importer.importPlan(plan,
        new PlanImportService.Options(PlanImportService.Source.JSON, user.getName(), newVersion, null));
    return ResponseEntity.status(HttpStatus.CREATED).body(summary);
  }

  @PostMapping(path = "/import", consumes = {XLSX, XLS, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  public ResponseEntity<PlanSummary> importWorkbook(@RequestParam(defaultValue = "false") boolean newVersion,
      @RequestParam(required = false) Integer year, @RequestParam(required = false) String title,
      @RequestParam(required = false) String issuer, @RequestParam(required = false) String docNumber,
      HttpServletRequest request, Principal user) throws IOException {
    return importChecklist(null, body(request, IntakeLimits.MAX_FILE_BYTES, Limit.FILE),
        new PlanDefaults(year, title, issuer, docNumber), newVersion, user);
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<PlanSummary> importUpload(@RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean newVersion, @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String title, @RequestParam(required = false) String issuer,
      @RequestParam(required = false) String docNumber, Principal user) throws IOException {
    return importChecklist(file.getOriginalFilename(), bytes(file), new PlanDefaults(year, title, issuer, docNumber),
        newVersion, user);
  }

  /** All or nothing: a checklist is imported only when every row reads exactly; a doubt refuses it. */
  private ResponseEntity<PlanSummary> importChecklist(String fileName, byte[] bytes, PlanDefaults defaults,
      boolean newVersion, Principal user) {
    FileKind kind = intake.kindOf(fileName, bytes);
    if (!kind.isSpreadsheet()) {
      throw new PlanImportException(List.of(ImportProblem.ofPlan("file", "无法读取该文件：不是有效的 .xlsx 或 .xls 工作簿（它是"
          + kind.label() + "）。导入接口接受任务清单表格或计划 JSON；Word、PDF 或文本通知请先用 POST /api/plans/parse 识别，"
          + "核对后以 JSON 导入")), false);
    }
    NoticeIntake.Result read = intake.read(fileName, bytes, defaults);
    if (!read.doubts().isEmpty()) {
      throw new PlanImportException(read.doubts().stream().map(ImportProblem::of).toList(), false);
    }
    PlanSummary summary = importer.importPlan(read.plan(),
        new PlanImportService.Options(PlanImportService.Source.XLSX, user.getName(), newVersion, read.rows()));
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

  /** What a body over its limit is told. */
  enum Limit {
    TEXT("通知正文通常不足 100 KB，请只提交通知文本。"),
    FILE("请删去图片等附带内容后再上传。");

    private final String hint;

    Limit(String hint) {
      this.hint = hint;
    }
  }

  /** The request body, refused beyond the limit before it is read into memory in full. */
  static byte[] body(HttpServletRequest request, int limit, Limit kind) throws IOException {
    if (request.getContentLengthLong() > limit) {
      throw new PayloadTooLargeException(request.getContentLengthLong(), limit, kind);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new PayloadTooLargeException(-1, limit, kind);
      }
      return bytes;
    }
  }

  static byte[] bytes(MultipartFile file) throws IOException {
    if (file.getSize() > IntakeLimits.MAX_FILE_BYTES) {
      throw new PayloadTooLargeException(file.getSize(), IntakeLimits.MAX_FILE_BYTES, Limit.FILE);
    }
    return file.getBytes();
  }

  /** A body over the limit of the plan API. */
  public static class PayloadTooLargeException extends RuntimeException {
    PayloadTooLargeException(long length, int limit, Limit kind) {
      super("请求内容过大" + (length > 0 ? "（" + length / 1024 + " KB）" : "") + "：上限为 " + limit / 1024 / 1024
          + " MB。" + kind.hint);
    }
  }
}
