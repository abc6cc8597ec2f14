package com.xiezuo.archive;

/** Where an archive stands: waiting for the job executor, being built, ready to download, or failed. */
public enum ArchiveStatus {
  QUEUED("排队中"),
  RUNNING("正在生成"),
  DONE("已生成"),
  FAILED("生成失败");

  private final String label;

  ArchiveStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
