-- The unit directory: organisations that appear in a plan. Each unit is also a Camunda group (same id).
create table xz_unit (
  id             varchar(64)  not null primary key,
  name           varchar(200) not null,
  kind           varchar(32)  not null,
  partner_county varchar(200),
  sort_order     integer      not null,
  constraint uk_xz_unit_name unique (name)
);

-- Other names the same unit is printed under ("市人社局" for "市人力资源和社会保障局").
create table xz_unit_alias (
  alias   varchar(200) not null primary key,
  unit_id varchar(64)  not null references xz_unit (id)
);

create table xz_unit_email (
  unit_id varchar(64)  not null references xz_unit (id),
  email   varchar(320) not null,
  primary key (unit_id, email)
);

-- Collective names in plans ("各结对区") and the units they stand for.
create table xz_unit_group (
  token       varchar(100) not null primary key,
  description varchar(500)
);

create table xz_unit_group_member (
  token   varchar(100) not null references xz_unit_group (token),
  unit_id varchar(64)  not null references xz_unit (id),
  primary key (token, unit_id)
);
