package com.xiezuo.demo;

import static com.xiezuo.workflow.ProcessVariables.BULLETIN_ID;

import com.xiezuo.supervision.bulletin.Bulletin;
import com.xiezuo.supervision.bulletin.BulletinFigures.UnitFigures;
import com.xiezuo.supervision.bulletin.Bulletins;
import com.xiezuo.supervision.bulletin.MentionKind;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The demo supervisor's choice before sending a bulletin to leadership: the first unit the record suggests for
 * commendation and the first two for criticism, with the facts the record states.
 */
@Component
class DemoBulletin {

  private static final int CRITICISED = 2;

  private final Bulletins bulletins;
  private final TaskService taskService;

  DemoBulletin(Bulletins bulletins, TaskService taskService) {
    this.bulletins = bulletins;
    this.taskService = taskService;
  }

  void chooseMentions(Task editTask) {
    Long id = (Long) taskService.getVariable(editTask.getId(), BULLETIN_ID.name());
    Bulletin bulletin = bulletins.find(id).orElseThrow();
    if (!bulletin.mentions().isEmpty()) {
      return;
    }
    mention(bulletin, Bulletins.suggestions(bulletin, MentionKind.PRAISE), MentionKind.PRAISE, 1);
    mention(bulletin, Bulletins.suggestions(bulletin, MentionKind.CRITICISM), MentionKind.CRITICISM, CRITICISED);
  }

  private void mention(Bulletin bulletin, List<Map.Entry<UnitFigures, String>> suggested, MentionKind kind,
      int limit) {
    suggested.stream().limit(limit).forEach(entry -> bulletins.mention(bulletin.id(), entry.getKey().unitId(), kind,
        entry.getValue(), DemoUsersSetup.SUPERVISOR));
  }
}
