package com.xiezuo.plan.intake;

import com.xiezuo.plan.parse.NoticeParser;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * How much of a file intake reads. A work plan is a few pages and a few hundred rows; these limits are far above
 * that and far below what would take the server down (a zip bomb inflates a few KB into gigabytes).
 */
public final class IntakeLimits {

  public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
  /** Longer than any office names a file, short enough to quote in a message. */
  public static final int MAX_FILE_NAME = 200;
  /** All parts of a .docx/.xlsx together, uncompressed. */
  public static final long MAX_UNCOMPRESSED_BYTES = 100L * 1024 * 1024;
  /** One part of a .docx/.xlsx, uncompressed (POI refuses beyond it). */
  public static final long MAX_ENTRY_BYTES = 40L * 1024 * 1024;
  public static final int MAX_ZIP_ENTRIES = 2_000;
  /** Below this compressed/uncompressed ratio a part is a zip bomb, not a document (POI's check). */
  public static final double MIN_INFLATE_RATIO = 0.01;
  public static final int MAX_ROWS = 5_000;
  public static final int MAX_COLUMNS = 100;
  public static final int MAX_PDF_PAGES = 200;
  public static final long PDF_MEMORY_BYTES = 64L * 1024 * 1024;
  public static final long PDF_STORAGE_BYTES = 256L * 1024 * 1024;
  public static final int MAX_PARAGRAPHS = 100_000;
  public static final int MAX_CHARACTERS = NoticeParser.MAX_CHARACTERS;

  private IntakeLimits() {}

  /** POI's zip checks are process-wide settings, set before intake opens a file (and holding for every reader after). */
  static void guardOfficeFiles() {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    ZipSecureFile.setMaxFileCount(MAX_ZIP_ENTRIES);
    ZipSecureFile.setMaxTextSize(MAX_ENTRY_BYTES);
  }

  static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
  }
}
