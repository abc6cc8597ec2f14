-- Every routing lookup of a running unit task finds its assignment by the process instance.
create index ix_xz_unit_assignment_instance on xz_unit_assignment (process_instance_id);
