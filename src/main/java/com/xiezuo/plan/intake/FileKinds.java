package com.xiezuo.plan.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Tells what a file is by its bytes: {@code %PDF}, a ZIP holding word/document.xml or xl/workbook.xml, an OLE2
 * container (an .xls; an old .doc or a password-protected .docx/.xlsx are refused), else text. A ZIP is inflated
 * once here, counting what it really holds, so a zip bomb is refused before POI opens it.
 */
final class FileKinds {

  static final String ENCRYPTED = "文件已加密，请去除密码后再上传";
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

  private FileKinds() {}

  static FileKind detect(String fileName, byte[] bytes) {
    String file = named(fileName);
    if (bytes.length > IntakeLimits.MAX_FILE_BYTES) {
      throw IntakeException.tooLarge(file + "过大（" + IntakeLimits.megabytes(bytes.length) + "）：上限为 "
          + IntakeLimits.MAX_FILE_BYTES / 1024 / 1024 + " MB，请删去图片等附带内容后再上传");
    }
    if (fileName != null && bytes.length == 0) {
      throw IntakeException.unreadable(file + "是空的（0 字节），请重新选择文件");
    }
    if (isPdf(bytes)) {
      return FileKind.PDF;
    }
    if (startsWith(bytes, ZIP)) {
      return zipped(file, bytes);
    }
    if (startsWith(bytes, OLE2)) {
      return ole2(file, bytes);
    }
    if (startsWith(bytes, "{\\rtf".getBytes(StandardCharsets.US_ASCII))) {
      throw IntakeException.unreadable(file + "是 RTF 格式：请在 Word 中另存为 .docx 后上传");
    }
    String extension = extension(fileName);
    if (Set.of("pdf", "docx", "xlsx", "xls", "doc", "wps", "et").contains(extension)) {
      throw IntakeException.unreadable(file + "已损坏，或不是它的扩展名所说的 ." + extension
          + " 文件（文件开头不是该格式应有的内容）：请用 Word、Excel 或 PDF 阅读器打开确认后重新导出");
    }
    return FileKind.TEXT;
  }

  static String named(String fileName) {
    return fileName == null || fileName.isBlank() ? "提交的内容" : "文件“" + fileName + "”";
  }

  /** How messages name a file of a known kind: by its name, or by its kind when it came without one. */
  static String named(String fileName, FileKind kind) {
    String label = kind.label();
    String space = label.charAt(0) < 0x80 ? " " : "";
    return fileName == null || fileName.isBlank() ? "上传的" + space + label : named(fileName);
  }

  static String extension(String fileName) {
    if (fileName == null || fileName.lastIndexOf('.') < 0) {
      return "";
    }
    return fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean isPdf(byte[] bytes) {
    // the header may follow a few bytes of junk; readers accept it within the first kilobyte
    String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
    return head.contains("%PDF-");
  }

  private static FileKind zipped(String file, byte[] bytes) {
    Set<String> names = new HashSet<>();
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (names.size() >= IntakeLimits.MAX_ZIP_ENTRIES) {
          throw IntakeException.unreadable(file + "包含超过 " + IntakeLimits.MAX_ZIP_ENTRIES + " 个部件，不是正常的 Word 或 Excel 文件");
        }
        names.add(entry.getName());
        for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
          total += read;
          if (total > IntakeLimits.MAX_UNCOMPRESSED_BYTES) {
            throw IntakeException.tooLarge(file + "解压后超过 " + IntakeLimits.MAX_UNCOMPRESSED_BYTES / 1024 / 1024
                + " MB（可能是“压缩炸弹”），不予读取：请上传正常的 Word 或 Excel 文件");
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // a damaged entry name is an IllegalArgumentException of the JDK's zip reader
      throw IntakeException.unreadable(file + "已损坏，无法解压：请用 Word 或 Excel 打开后重新保存");
    }
    if (names.isEmpty()) {
      throw IntakeException.unreadable(file + "已损坏，无法解压（压缩包里没有可读的部件）：请用 Word 或 Excel 打开后重新保存");
    }
    if (names.contains("word/document.xml")) {
      return FileKind.DOCX;
    }
    if (names.contains("xl/workbook.xml")) {
      return FileKind.XLSX;
    }
    if (names.contains("xl/workbook.bin")) {
      throw IntakeException.unreadable(file + "是 Excel 二进制工作簿（.xlsb）：请在 Excel 中另存为 .xlsx 后上传");
    }
    if (names.contains("content.xml")) {
      throw IntakeException.unreadable(file + "是 OpenDocument 文件（.odt/.ods）：请另存为 .docx 或 .xlsx 后上传");
    }
    throw IntakeException.unreadable(file + "是 ZIP 压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件：请解压后上传其中的通知或清单");
  }

  private static FileKind ole2(String file, byte[] bytes) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
        throw IntakeException.unreadable(file + "：" + ENCRYPTED);
      }
      if (root.hasEntry("WordDocument")) {
        throw IntakeException.unreadable(file + "是旧版 Word 文档（.doc），无法读取：请在 Word 中另存为 .docx 后上传");
      }
      if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
        return FileKind.XLS;
      }
      throw IntakeException.unreadable(file + "是 Office 文件，但不是 Word 或 Excel（可能是 PowerPoint 等）：请上传通知（.docx/.pdf）或任务清单（.xlsx/.xls）");
    } catch (IOException | RuntimeException e) {
      if (e instanceof IntakeException refusal) {
        throw refusal;
      }
      throw IntakeException.unreadable(file + "已损坏，无法读取：请用 Word 或 Excel 打开后重新保存");
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
