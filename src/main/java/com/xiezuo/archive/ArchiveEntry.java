package com.xiezuo.archive;

import java.util.function.Supplier;

/**
 * One file of an archive: where it goes, what kind of record it is, which task and unit it belongs to, and its
 * content, read only when it is written (an archive of thousands of evidence files never sits in memory).
 */
record ArchiveEntry(String path, String kind, String taskNumber, String unitName, String note,
    Supplier<byte[]> content) {

  /** A folder or file name without what file systems refuse, at most {@code max} characters. */
  static String safe(String name, int max) {
    String cleaned = name == null ? "" : name.replaceAll("[\\p{Cntrl}\\\\/:*?\"<>|]", "_").strip();
    if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
      cleaned = "_";
    }
    return cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
  }
}
