-- A recompute rewrites every recommendation it reaches. With no index on the columns it
-- changes, and room left on each page, PostgreSQL updates the rows in place (HOT updates) and
-- writes no index entries at all. Lists by status read a tenant's rows through the primary
-- key's tenant prefix instead.
DROP INDEX recommendation_status;
ALTER TABLE recommendation SET (fillfactor = 50);
