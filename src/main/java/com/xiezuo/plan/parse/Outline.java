package com.xiezuo.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered outline of a notice body: 一、 sections, （一） subsections, 1. items, （1） sub-items (and ①).
 * A marker counts only at the start of a line, where published notices put them.
 */
public final class Outline {

  /** One numbered node; {@code lines} are its text lines, the first one without the marker. */
  public static final class Node {
    final int level;
    final int ordinal;
    final List<String> lines = new ArrayList<>();
    final List<Node> children = new ArrayList<>();
    Node parent;

    Node(int level, int ordinal) {
      this.level = level;
      this.ordinal = ordinal;
    }

    public String text() {
      String text = "";
      for (String line : lines) {
        text = NoticeText.join(text, line);
      }
      return text;
    }

    public boolean isLeaf() {
      return children.isEmpty();
    }
  }

  private static final String CN_NUMBER = "[一二三四五六七八九十]+";
  private static final Pattern[] MARKERS = {
      Pattern.compile("^(" + CN_NUMBER + ")、\\s*(.*)$"),
      Pattern.compile("^（(" + CN_NUMBER + ")）\\s*(.*)$"),
      Pattern.compile("^(\\d{1,2})(?:[.、](?!\\d))\\s*(.*)$"),
      Pattern.compile("^（(\\d{1,2})）\\s*(.*)$"),
      Pattern.compile("^([①②③④⑤⑥⑦⑧⑨⑩])\\s*(.*)$"),
  };

  private final Node root = new Node(0, 0);
  private final List<String> preamble = new ArrayList<>();

  public static Outline of(List<String> lines) {
    Outline outline = new Outline();
    Node current = outline.root;
    for (String line : lines) {
      Node started = outline.start(line, current);
      if (started != null) {
        current = started;
      } else if (current == outline.root) {
        outline.preamble.add(line);
      } else {
        current.lines.add(line);
      }
    }
    return outline;
  }

  private Node start(String line, Node current) {
    for (int level = 1; level <= MARKERS.length; level++) {
      Matcher m = MARKERS[level - 1].matcher(line);
      if (m.matches()) {
        Node parent = current;
        while (parent.level >= level) {
          parent = parent.parent;
        }
        Node node = new Node(level, ordinal(m.group(1)));
        node.parent = parent;
        parent.children.add(node);
        if (!m.group(2).isBlank()) {
          node.lines.add(m.group(2).trim());
        }
        return node;
      }
    }
    return null;
  }

  public List<String> preamble() {
    return preamble;
  }

  public List<Node> topLevel() {
    return root.children;
  }

  public static List<Node> leavesUnder(Node node) {
    List<Node> leaves = new ArrayList<>();
    collect(node, leaves);
    return leaves;
  }

  private static void collect(Node node, List<Node> leaves) {
    if (node.isLeaf()) {
      leaves.add(node);
    } else {
      node.children.forEach(child -> collect(child, leaves));
    }
  }

  public static int ordinal(String marker) {
    if (Character.isDigit(marker.charAt(0))) {
      return Integer.parseInt(marker);
    }
    int circled = "①②③④⑤⑥⑦⑧⑨⑩".indexOf(marker.charAt(0));
    if (circled >= 0) {
      return circled + 1;
    }
    return IndicatorExtractor.parseNumber(marker).intValue();
  }
}
