-- The tables of bench/sql/model.yaml, for PostgreSQL and DuckDB alike
-- (run.sh runs this file unchanged on both). gen_data.c writes their rows.
-- Event times are `timestamp` (without time zone) holding UTC.
CREATE SCHEMA crm;
CREATE SCHEMA analytics;
CREATE SCHEMA events;

CREATE TABLE crm.customers (
    customer_id bigint NOT NULL,
    email text,
    loyalty_tier text,
    country_code text,
    age integer,
    email_opt_in boolean,
    signup_date date,
    last_login_at timestamp,
    interests text[]
);

CREATE TABLE analytics.customer_scores (
    customer_id bigint NOT NULL,
    ltv numeric(12, 2),
    churn_probability numeric(5, 4)
);

CREATE TABLE crm.suppression_list (
    customer_id bigint NOT NULL
);

CREATE TABLE events.purchases (
    customer_id bigint NOT NULL,
    purchased_at timestamp NOT NULL,
    amount numeric(12, 2),
    category text,
    channel text
);

CREATE TABLE events.page_views (
    customer_id bigint NOT NULL,
    viewed_at timestamp NOT NULL,
    url text,
    device text
);

CREATE TABLE events.email_opens (
    customer_id bigint NOT NULL,
    opened_at timestamp NOT NULL,
    campaign text
);
