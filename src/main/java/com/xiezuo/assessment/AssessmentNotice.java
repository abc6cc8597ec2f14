package com.xiezuo.assessment;

import com.xiezuo.assessment.AssessmentRecords.AssessedUnit;
import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.assessment.AssessmentViews.Overview;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The assessment 通报 as words, the same in the Word file and on the printable page: title, 主送, what was assessed
 * and how, the grades, what the result is for, the issuer and the date. A correction says what it corrects and why.
 */
public record AssessmentNotice(String title, String recipients, List<String> paragraphs, String issuer,
    String dateLine) {

  public static AssessmentNotice of(Overview overview, String issuer) {
    Assessment assessment = overview.assessment();
    List<AssessedUnit> units = Stream.concat(overview.districts().stream(), overview.others().stream()).toList();
    String grades = Grades.counted(units).entrySet().stream()
        .map(entry -> "“" + entry.getKey() + "”" + entry.getValue() + " 个").collect(Collectors.joining("，"));
    boolean correction = assessment.correctsId() != null;
    List<String> paragraphs = new ArrayList<>();
    if (assessment.status() == AssessmentStatus.SUPERSEDED) {
      paragraphs.add("（本版已被更正，现已作废，以最新发布的版本为准。）");
    }
    paragraphs.add("按照年度考核评价指标体系，依据全年任务完成、协议指标、信息报送、督查整改和通报讲评等记录，经单位自评、"
        + "评审组审核和领导审定，现将 " + units.size() + " 个单位的考核结果通报如下"
        + (grades.isEmpty() ? "（尚未计分）" : "：" + grades) + "。");
    if (correction) {
      paragraphs.add("本通报为第 " + assessment.version() + " 版，更正此前发布的考核结果，原结果同时作废。更正理由："
          + assessment.correctionReason());
    }
    paragraphs.add("考核结果作为干部选拔任用、评优评先的重要参考。各单位要对照评分表查找不足，抓好整改落实。");
    return new AssessmentNotice("关于" + overview.planTitle() + "年度考核结果" + (correction ? "（更正）" : "") + "的通报",
        "各区（功能区），市直有关单位", List.copyOf(paragraphs), issuer, assessment.publishedAt() == null ? "（未发布）"
            : chineseDate(assessment.publishedAt().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate()));
  }

  private static String chineseDate(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }
}
