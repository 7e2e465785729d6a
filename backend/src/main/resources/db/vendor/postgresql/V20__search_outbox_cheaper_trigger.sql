-- The outbox trigger read the changed row's document id by turning the whole row into JSON (a case's form
-- and all): a fifth of the database's work on a case submission. Now it reads the one column, and writes one
-- row per document and transaction: a submission touches its case a dozen times (the case, each item, each
-- item's start) and the relay indexes the case as it is at commit once.
create or replace function search_outbox_changed() returns trigger language plpgsql as $$
declare
    changed record;
    doc     varchar(80);
    seen    text := coalesce(current_setting('onething.search_outbox_seen', true), '');
begin
    if tg_op = 'DELETE' then
        changed := old;
    else
        changed := new;
    end if;
    -- each branch is planned only for the tables that have its column (PL/pgSQL compiles per table)
    if tg_argv[1] = 'id' then
        doc := changed.id;
    elsif tg_argv[1] = 'case_id' then
        doc := changed.case_id;
    else
        doc := changed.number;
    end if;
    if position('|' || tg_argv[0] || ':' || doc || '|' in seen) = 0 then
        insert into search_outbox (doc_type, doc_id) values (tg_argv[0], doc);
        -- remembered for the rest of this transaction only; a long list (a bulk change) is not kept growing
        if length(seen) < 4000 then
            perform set_config('onething.search_outbox_seen', seen || '|' || tg_argv[0] || ':' || doc || '|', true);
        end if;
    end if;
    return null;
end $$;
