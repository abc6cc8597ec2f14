package com.xiezuo.plan.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF's text as lines of positioned words (what PDFBox reads, with where each word starts and ends), so that a
 * table can be put back into its columns: a cell that wraps interleaves its lines with its neighbours' in plain text.
 */
final class PdfLines extends PDFTextStripper {

  /** A run of glyphs without a gap, from {@code x} to {@code endX} on its line. */
  record Word(float x, float endX, String text) {}

  /** One printed line: its page, its baseline, its words from left to right. */
  record Line(int page, float y, float height, List<Word> words) {

    String text() {
      StringBuilder text = new StringBuilder();
      for (Word word : words) {
        text.append(text.isEmpty() ? "" : " ").append(word.text());
      }
      return text.toString();
    }
  }

  private final List<Line> lines = new ArrayList<>();
  private List<Word> current = new ArrayList<>();
  private float currentY;
  private float currentHeight;

  private PdfLines() throws IOException {
    setSortByPosition(true);
  }

  static List<Line> of(PDDocument document) throws IOException {
    PdfLines reader = new PdfLines();
    reader.getText(document);
    reader.endLine();
    return reader.lines;
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) {
    if (positions.isEmpty() || text.isBlank()) {
      return;
    }
    TextPosition first = positions.get(0);
    TextPosition last = positions.get(positions.size() - 1);
    if (current.isEmpty()) {
      currentY = first.getYDirAdj();
      currentHeight = Math.max(1f, first.getHeightDir());
    }
    current.add(new Word(first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(), text.trim()));
  }

  @Override
  protected void writeLineSeparator() {
    endLine();
  }

  @Override
  protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
    endLine();
    super.endPage(page);
  }

  private void endLine() {
    if (!current.isEmpty()) {
      lines.add(new Line(getCurrentPageNo(), currentY, currentHeight, current));
      current = new ArrayList<>();
    }
  }
}
