-- The day a unit task first went overdue; an extension clears the overdue flag but not this, so the year's
-- assessment counts a task that was late as late. Tasks overdue before this column existed keep their flag only.
alter table xz_unit_assignment add column overdue_since date;
