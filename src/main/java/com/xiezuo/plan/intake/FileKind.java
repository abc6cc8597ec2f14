package com.xiezuo.plan.intake;

/** What a file is, told by its content (magic bytes and the parts inside), never by its name alone. */
public enum FileKind {
  TEXT("文本"),
  PDF("PDF 文件"),
  DOCX("Word 文件（.docx）"),
  XLSX("Excel 工作簿（.xlsx）"),
  XLS("Excel 工作簿（.xls）");

  private final String label;

  FileKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isSpreadsheet() {
    return this == XLSX || this == XLS;
  }
}
