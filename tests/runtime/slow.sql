-- A master table that takes a long time to read (tests/golden/runtime_pg.sh):
-- every row waits 30 s, so a rule on tests/runtime/slow.yaml runs until it
-- is cancelled.
CREATE SCHEMA slow;
CREATE FUNCTION slow.wait() RETURNS boolean LANGUAGE plpgsql VOLATILE
    AS $$ BEGIN PERFORM pg_sleep(30); RETURN true; END $$;
CREATE VIEW slow.customers AS
    SELECT customer_id, loyalty_tier FROM public.customers WHERE slow.wait();

-- Values that need quoting or escaping in CSV, TSV and JSON.
CREATE SCHEMA fmt;
CREATE TABLE fmt.customers (customer_id text PRIMARY KEY, tier text);
INSERT INTO fmt.customers VALUES
    ('plain', 'A'), ('a,b', 'A'), ('say "hi"', 'A'), (E'two\nlines', 'A'),
    (E'tab\there', 'A'), (E'back\\slash', 'A'), ('', 'A'), ('ünï', 'A'),
    ('other', 'B');

-- A role that may connect but read nothing.
CREATE ROLE reader LOGIN;
