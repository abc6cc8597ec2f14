package com.xiezuo.plan.intake;

/** What POI or PDFBox threw on a damaged or hostile file, said in Chinese for the user. */
final class OfficeFailures {

  private OfficeFailures() {}

  static IntakeException unreadable(String file, String what, Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (message.contains("Zip bomb") || message.contains("max. ratio") || message.contains("exceed the max")) {
        return IntakeException.tooLarge(file + "的内容压缩比异常或解压后过大（可能是“压缩炸弹”），不予读取：请上传正常的 Word 或 Excel 文件");
      }
    }
    return IntakeException.unreadable(file + what + "，无法读取：文件可能已损坏，请用 Word、Excel 或 PDF 阅读器打开确认后重新保存");
  }
}
