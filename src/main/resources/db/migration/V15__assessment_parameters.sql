-- The year's assessment parameters of a plan (weights, deductions, caps, grade lines), set by a coordinator before
-- the assessment opens; a parameter not set here has its default.
create table xz_assessment_parameter (
  plan_id         bigint         not null references xz_plan (id),
  name            varchar(64)    not null,
  parameter_value numeric(12, 4) not null,
  changed_by      varchar(64)    not null,
  changed_at      timestamp      not null,
  primary key (plan_id, name)
);
