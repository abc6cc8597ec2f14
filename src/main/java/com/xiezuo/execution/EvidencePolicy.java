package com.xiezuo.execution;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Which evidence files are accepted. The type is read from the file's bytes, never from its name or the browser's
 * claim: PDF, JPEG, PNG, Office documents (without macros) and plain text. Everything else (programs, scripts,
 * web pages, SVG, archives) is refused. Files are stored as data and only ever offered as downloads.
 */
@Component
public class EvidencePolicy {

  /** A file's detected type, or why it was refused. */
  public record Verdict(String contentType, String refusal) {
    boolean accepted() {
      return refusal == null;
    }
  }

  private final long maxBytes;

  public EvidencePolicy(@Value("${xiezuo.evidence.max-size:20MB}") DataSize maxSize) {
    this.maxBytes = maxSize.toBytes();
  }

  public long maxBytes() {
    return maxBytes;
  }

  public Verdict check(String fileName, byte[] bytes) {
    if (bytes.length == 0) {
      return new Verdict(null, "文件为空");
    }
    if (bytes.length > maxBytes) {
      return new Verdict(null, "文件过大（" + String.format(java.util.Locale.ROOT, "%.2f", bytes.length / 1048576.0)
          + " MB），单个文件上限为 " + maxBytes / 1024 / 1024 + " MB，请压缩或拆分后再上传");
    }
    String lower = fileName.toLowerCase();
    if (startsWith(bytes, "%PDF-")) {
      return new Verdict("application/pdf", null);
    }
    if (bytes.length > 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) {
      return new Verdict("image/jpeg", null);
    }
    if (startsWith(bytes, "\u0089PNG")) {
      return new Verdict("image/png", null);
    }
    if (bytes.length > 8 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF && (bytes[2] & 0xff) == 0x11
        && (bytes[3] & 0xff) == 0xE0) {
      return legacyOffice(lower, bytes);
    }
    if (startsWith(bytes, "PK\u0003\u0004")) {
      return officeOpenXml(bytes);
    }
    if ((lower.endsWith(".txt") || lower.endsWith(".csv")) && isText(bytes)) {
      if (looksLikeMarkupOrScript(bytes)) {
        return new Verdict(null, "文本文件中含有网页代码（HTML/SVG）或脚本，不能作为佐证材料：请上传 PDF 或截图");
      }
      return new Verdict(lower.endsWith(".csv") ? "text/csv; charset=UTF-8" : "text/plain; charset=UTF-8", null);
    }
    return new Verdict(null, "不支持的文件类型：请上传 PDF、图片（JPG/PNG）、Word/Excel/PowerPoint 文档或文本文件");
  }

  /** Markup a browser would run, or a script a shell would: a first line "#!", tags such as <script> or <svg>. */
  private static final Pattern MARKUP_OR_SCRIPT = Pattern.compile(
      "\\A\\s*#!|<\\s*(?:!doctype|html|script|svg|iframe|object|embed|body|img|a)[\\s>/]"
          + "|\\bon(?:load|error|click|mouse[a-z]*|focus|blur|submit)\\s*=|javascript:|\\|\\s*(?:ba|z|da)?sh\\b"
          + "|\\brm\\s+-rf\\b", Pattern.CASE_INSENSITIVE);

  private static boolean looksLikeMarkupOrScript(byte[] bytes) {
    return MARKUP_OR_SCRIPT.matcher(new String(bytes, 0, Math.min(bytes.length, 64 * 1024), StandardCharsets.UTF_8))
        .find();
  }

  /**
   * Word 97-2003 and Excel 97-2003 files keep macros in their own storage ("Macros", "_VBA_PROJECT_CUR"); PowerPoint
   * 97-2003 hides them inside its document stream, where they cannot be ruled out, so .ppt is refused.
   */
  private static Verdict legacyOffice(String lower, byte[] bytes) {
    String contentType;
    if (lower.endsWith(".doc")) {
      contentType = "application/msword";
    } else if (lower.endsWith(".xls")) {
      contentType = "application/vnd.ms-excel";
    } else if (lower.endsWith(".ppt")) {
      return new Verdict(null, "不接受 PowerPoint 97-2003（.ppt）文件：无法排除其中的宏，请另存为 .pptx 或 PDF 后上传");
    } else {
      return new Verdict(null, "无法识别的 Office 文件：请使用 .doc/.xls 扩展名，或另存为 .docx/.xlsx/.pptx");
    }
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      if (holdsMacros(fs.getRoot())) {
        return new Verdict(null, "文件含有宏，不能作为佐证材料：请另存为不含宏的文档（如 .docx/.xlsx）或 PDF 后上传");
      }
      return new Verdict(contentType, null);
    } catch (IOException | RuntimeException damaged) {
      return new Verdict(null, "文件已损坏或不是有效的 Office 文档");
    }
  }

  private static boolean holdsMacros(DirectoryEntry directory) {
    for (Entry entry : directory) {
      String name = entry.getName();
      if (entry instanceof DirectoryEntry child
          && (name.equals("Macros") || name.equals("_VBA_PROJECT_CUR") || name.equals("VBA") || holdsMacros(child))) {
        return true;
      }
    }
    return false;
  }

  private static Verdict officeOpenXml(byte[] bytes) {
    Optional<String> kind = Optional.empty();
    boolean contentTypes = false;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        if (name.equals("[Content_Types].xml")) {
          contentTypes = true;
        } else if (name.toLowerCase().endsWith("vbaproject.bin")) {
          return new Verdict(null, "文件含宏代码，出于安全考虑不予接收：请另存为不含宏的文档后上传");
        } else if (name.startsWith("word/")) {
          kind = Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        } else if (name.startsWith("xl/")) {
          kind = Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        } else if (name.startsWith("ppt/")) {
          kind = Optional.of("application/vnd.openxmlformats-officedocument.presentationml.presentation");
        }
      }
    } catch (IOException e) {
      return new Verdict(null, "文件已损坏，无法读取");
    }
    if (!contentTypes || kind.isEmpty()) {
      return new Verdict(null, "不接收压缩包：请直接上传 PDF、图片或 Office 文档");
    }
    return new Verdict(kind.get(), null);
  }

  private static boolean isText(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    if (bytes.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if ((bytes[i] & 0xff) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
