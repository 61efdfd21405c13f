-- The stale-recommendation query finds rows by their primary key; an index on as_of only cost
-- every recompute a third index write per position.
DROP INDEX recommendation_as_of;
