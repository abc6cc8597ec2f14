-- Each assignment carries its plan task's number, so execution reads its own table without joining the plan's
-- (xz_plan_task belongs to the plan feature); task numbers never change after import.
alter table xz_unit_assignment add column task_number varchar(32);
update xz_unit_assignment set task_number = (select t.task_number from xz_plan_task t where t.id = xz_unit_assignment.plan_task_id);
alter table xz_unit_assignment alter column task_number set not null;
