-- PostgreSQL only, after loading: the keys and indexes a user of these
-- tables would have, the same for casc's SQL and the baseline. A primary key
-- on each profile table; on each event table an index on (profile key,
-- event time), for one profile's events in a window, and one on the event
-- time, for all events in a window. The event tables are written in time
-- order, as an append-only log is, so a scan of the time index reads the
-- table in order.
-- DuckDB gets none: it has no secondary indexes to speak of, and prunes by
-- the zone maps of each row group (min/max per column), the stand-in for
-- Snowflake's and Databricks' micro-partition pruning.
ALTER TABLE crm.customers ADD PRIMARY KEY (customer_id);
ALTER TABLE analytics.customer_scores ADD PRIMARY KEY (customer_id);
ALTER TABLE crm.suppression_list ADD PRIMARY KEY (customer_id);
CREATE INDEX purchases_customer_time ON events.purchases (customer_id, purchased_at);
CREATE INDEX page_views_customer_time ON events.page_views (customer_id, viewed_at);
CREATE INDEX email_opens_customer_time ON events.email_opens (customer_id, opened_at);
CREATE INDEX purchases_time ON events.purchases (purchased_at);
CREATE INDEX page_views_time ON events.page_views (viewed_at);
CREATE INDEX email_opens_time ON events.email_opens (opened_at);
VACUUM (ANALYZE);
