package com.xiezuo.plan.intake;

import com.xiezuo.directory.DirectorySnapshot;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.directory.UnitRef;
import com.xiezuo.plan.parse.Lexicon;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
import com.xiezuo.plan.parse.TaskReview;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What intake makes of its own reading, task by task, against the unit directory: a task without units, without
 * a stated deadline, or with units the directory does not know is flagged for the coordinator's attention.
 */
@Component
public class IntakeReview {

  private final Supplier<DirectorySnapshot> directory;

  @Autowired
  public IntakeReview(UnitDirectory directory) {
    this(directory::snapshot);
  }

  private IntakeReview(Supplier<DirectorySnapshot> directory) {
    this.directory = directory;
  }

  /** A review against a fixed directory (tools and tests that run without the application). */
  public static IntakeReview against(DirectorySnapshot snapshot) {
    return new IntakeReview(() -> snapshot);
  }

  /** The directory's names, aliases and group tokens, for the parser to know units its grammar does not. */
  public Lexicon lexicon() {
    return Lexicon.of(directory.get().knownNames());
  }

  public ParsedPlan assess(ParsedPlan plan) {
    DirectorySnapshot snapshot = directory.get();
    List<ParsedTask> tasks = plan.tasks().stream().map(task -> task.withReview(review(task, snapshot))).toList();
    return new ParsedPlan(plan.title(), plan.year(), plan.issuer(), plan.docNumber(), tasks);
  }

  static TaskReview review(ParsedTask task, DirectorySnapshot snapshot) {
    List<String> attention = new ArrayList<>(task.review() == null ? List.of() : task.review().attention());
    double confidence = 1.0;
    boolean deadlineDoubted = attention.stream().anyMatch(reason -> reason.contains("完成时限"));
    if (deadlineDoubted) {
      confidence -= 0.2;
    }
    if (task.leadUnit() == null) {
      attention.add(0, "未识别出责任单位");
      confidence -= 0.5;
    }
    boolean yearEnd = task.deadline() == null || task.deadline().getMonthValue() == 12 && task.deadline().getDayOfMonth() == 31;
    if (!deadlineDoubted && task.deadlineText() == null && !task.yearRound() && yearEnd) {
      attention.add("未写明完成时限（暂按年底）");
      confidence -= 0.2;
    }
    List<String> named = Stream.concat(Stream.ofNullable(task.leadUnit()), task.coUnits().stream()).toList();
    List<String> unknown = named.stream().filter(name -> snapshot.resolve(name).kind() == UnitRef.Kind.UNKNOWN).toList();
    if (!unknown.isEmpty()) {
      attention.add("单位名录中没有：" + String.join("、", unknown));
      confidence -= 0.3 * unknown.size() / named.size();
    }
    return new TaskReview(BigDecimal.valueOf(Math.max(0, confidence)).setScale(2, RoundingMode.HALF_UP).doubleValue(),
        attention);
  }
}
