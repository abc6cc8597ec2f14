-- A supervisor's clearing of a red card raised by hand is a row of its own: raised (manual) and cleared (manual,
-- cleared) rows tell whether a hand-raised red card still stands, whatever colour the record gives the task.
alter table xz_supervision_card add column cleared boolean not null default false;
