-- Issue 9 §4, ALLOC-080: an item may ask that allocation takes whole cases from storage and the remainder from the
-- pick face (rules/allocation/walk.drl). Off for every existing item, as allocation behaved before.
alter table item
    add column whole_cases_from_storage boolean not null default false;
