-- The data set of the PostgreSQL fixtures (tests/golden/postgres_fixtures.sh):
-- the tables of sql-fixtures/model.yaml in PostgreSQL's shape (no database
-- level; event times as `timestamp` holding UTC, store_visits in New York
-- wall-clock time, epoch columns as bigint).
--
-- Every case's .expect was worked out by hand from this file and the spec,
-- against now = 2026-03-30 12:00:00 UTC, a Monday (--now of the runner).
-- README.md beside this file lists the edges each row sits on.

CREATE SCHEMA analytics;
CREATE SCHEMA ml;
CREATE SCHEMA events;
CREATE SCHEMA crm;
CREATE SCHEMA web;
CREATE SCHEMA mobile;

CREATE TABLE public.customers (
    customer_id text PRIMARY KEY,
    email text,
    first_name text,
    loyalty_tier text,
    home_city text,
    age integer,
    balance numeric,
    email_opt_in boolean,
    signup_date date,
    renewal_date date,
    last_login_at timestamp,
    interests text[],
    lucky_numbers numeric[],
    "age range" text,
    "group" text
);

INSERT INTO public.customers VALUES
('p01', 'ann@example.com', 'Ann', 'Gold', 'Paris', 34, 120.5, true,
 '2024-02-29', '2026-04-15', '2026-03-30 11:59:59', '{golf,tennis}', '{7,13}', '25-34', 'A'),
('p02', 'bob@example.com', 'Bob', 'Silver', 'New York', 17, 0, false,
 '2026-03-01', '2026-03-30', '2026-03-29 12:00:00', '{golf}', '{3}', '<18', 'B'),
('p03', 'o''neil@test.org', 'O''Neil', 'gold', 'C:\Temp', 65, -5, NULL,
 '2026-02-28', '2026-04-29', '2026-02-28 12:00:00', '{}', '{}', '65+', NULL),
('p04', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
 NULL, NULL, NULL, NULL, NULL, NULL, NULL),
('p05', 'zoë@exämple.com', 'Zoë', 'Platinum', 'Zürich', 18, 1000000, true,
 '2026-03-30', '2026-04-30', '2026-03-30 12:00:01', '{yoga,NULL}', '{NULL,2.5}', '18-24', 'C'),
('p06', 'DAN@EXAMPLE.COM', 'Dan', 'Bronze', 'new york', 44, 99.99, false,
 '2025-12-31', NULL, '2026-03-30 12:00:00', '{tennis,chess}', '{1.5,2}', '35-44', 'A'),
('p07', 'eve+spam@example.com', 'Eve', 'Gold', 'Lyon', 25, 5000, true,
 '2026-01-01', '2026-03-31', '2025-03-30 12:00:00', '{golf,chess,tennis}', NULL, '25-34', 'C'),
('p08', 'frank@example.org', 'Frank', 'Silver', 'Berlin', NULL, 250, true,
 NULL, '2026-05-01', '2026-03-23 12:00:00', NULL, '{13}', NULL, 'B'),
('p09', '', '', 'Bronze', 'Paris', 0, NULL, false,
 '2026-03-29', '2027-03-30', '2026-01-01 00:00:00', '{NULL}', '{0}', '', 'A'),
('p10', 'grace_100%@example.com', 'Grace', 'Platinum', 'Tokyo', 52, 7500.25, true,
 '2025-03-30', '2026-03-29', '2026-03-01 00:00:00', '{chess}', '{7}', '45-54', 'pattern'),
('p11', 'hiro@example.com', 'Hiro', 'Gold', 'Osaka', 29, 42, NULL,
 '2026-02-01', '2026-06-30', '2025-12-31 23:59:59', NULL, NULL, '25-34', 'Pattern'),
('p12', 'ivy@example.net', 'Ivy', NULL, 'Paris', 34, 0.001, true,
 '2026-03-31', '2026-04-06', '2026-03-16 12:00:00', '{golf,golf}', '{13,13}', '25-34', 'pttrn'),
('p13', 'jo@example.com', '日本語', 'Silver', '東京', 34, 3.14, true,
 '2025-02-28', '2026-07-01', '2026-03-30 04:00:00', '{news}', '{3,7}', '25-34', 'B'),
('p14', 'kim@example.com', 'Kim', 'Bronze', 'Paris', 40, 10, false,
 '2026-01-15', '2026-04-01', '2026-03-29 23:59:59', '{}', NULL, '35-44', 'A'),
('p15', 'lee@example.com', 'Lee', 'Gold', 'Lyon', 61, 300, true,
 '2026-03-23', '2026-04-13', '2026-03-23 00:00:00', '{tennis}', '{2.5}', '55-64', 'C'),
('p16', 'max@example.com', 'Max', 'Platinum', 'Berlin', 33, 20000, true,
 '2023-06-15', '2026-10-01', '2026-02-01 00:00:00', '{golf,yoga}', '{1,2,3}', '25-34', 'B');

-- One row per profile at most; p04, p09 and p14 have none.
CREATE TABLE analytics.customer_metrics (
    customer_id text PRIMARY KEY,
    ltv numeric,
    churn_probability numeric
);

INSERT INTO analytics.customer_metrics VALUES
('p01', 1200, 0.2),
('p02', 0, 0.9),
('p03', NULL, NULL),
('p05', 5000.01, 0.05),
('p06', 5000, NULL),
('p07', 8000, 0.5),
('p08', 300, 0.7),
('p10', 12000, 0.1),
('p11', -1, 0.33),
('p12', NULL, 0.5),
('p13', 999.99, 1),
('p15', 6000, 0),
('p16', 25000, 0.01);

CREATE TABLE ml.category_affinity (
    cust_id text PRIMARY KEY,
    top_categories text[]
);

INSERT INTO ml.category_affinity VALUES
('p01', '{Shoes,Electronics}'),
('p02', '{}'),
('p03', NULL),
('p05', '{Books}'),
('p07', '{Electronics}'),
('p10', '{Shoes}');

-- Table segment "Suppressed"; p99 is not a customer.
CREATE TABLE public.suppression_list (
    id text
);

INSERT INTO public.suppression_list VALUES ('p04'), ('p07'), ('p10'), ('p99');

-- Times in UTC.
CREATE TABLE events.purchases (
    customer_id text,
    purchased_at timestamp,
    amount numeric,
    category text,
    quantity integer,
    coupon text,
    delivered_on date
);

INSERT INTO events.purchases VALUES
('p01', '2026-03-30 12:00:00', 50, 'Shoes', 1, NULL, NULL),
('p01', '2026-03-23 12:00:00', 150, 'Electronics', 2, 'SPRING', '2026-03-25'),
('p01', '2026-02-28 12:00:00', 100, 'Electronics', 1, NULL, '2026-03-02'),
('p01', '2025-06-01 10:00:00', 300, 'Books', 3, NULL, NULL),
('p02', '2026-02-28 11:59:59', 20, 'Shoes', 1, NULL, NULL),
('p02', '2026-03-31 00:00:00', 999, 'Electronics', 1, NULL, NULL),
('p03', '2026-03-29 08:00:00', NULL, NULL, NULL, NULL, NULL),
('p03', '2026-03-29 09:00:00', 10, 'Books', 1, 'X', NULL),
('p05', '2026-03-30 11:00:00', 5, 'Books', 1, NULL, NULL),
('p05', '2026-03-15 00:00:00', 5, 'Books', 1, NULL, NULL),
('p05', '2026-01-10 00:00:00', 8, 'Toys', 2, NULL, NULL),
('p05', '2025-12-30 12:00:00', 2, 'Toys', 1, NULL, NULL),
('p06', '2026-03-01 00:00:00', 200, 'Electronics', 1, NULL, NULL),
('p06', '2026-02-01 00:00:00', 100, 'Electronics', 1, NULL, NULL),
('p06', '2026-01-31 23:59:59', 99.99, 'Electronics', 1, NULL, NULL),
('p07', '2025-09-01 00:00:00', 600, 'Electronics', 1, NULL, NULL),
('p07', '2025-03-30 12:00:00', 10, 'Shoes', 1, NULL, NULL),
('p08', '2026-03-29 23:59:59', 30, 'Shoes', 1, NULL, NULL),
('p08', '2026-03-29 22:00:00', 30, 'Shoes', 1, NULL, NULL),
('p10', '2024-02-29 12:00:00', 1000, 'Jewelry', 1, NULL, NULL),
('p10', '2025-12-31 23:59:59', 700, 'Jewelry', 1, NULL, NULL),
('p11', '2026-03-22 23:30:00', 12, 'Garden', 1, NULL, NULL),
('p11', '2026-01-01 00:00:00', 250.5, 'Garden', 1, NULL, NULL),
('p11', '2025-10-01 00:00:00', 1, 'Garden', 1, NULL, NULL),
('p12', '2026-04-06 00:00:00', 15, 'Books', 1, NULL, NULL),
('p12', '2026-04-12 23:59:59', 15, 'Books', 1, NULL, NULL),
('p13', '2026-03-30 00:00:00', 40, 'Shoes', 1, 'it''s', NULL),
('p13', '2026-03-27 15:00:00', 60, 'Shoes', 1, NULL, '2026-03-30'),
('p15', '2026-03-25 10:00:00', 0, 'Gift', 1, NULL, NULL),
('p15', '2026-03-26 10:00:00', NULL, 'Gift', 1, NULL, NULL),
('p16', '2026-03-30 11:30:00', 2000, 'Electronics', 1, NULL, NULL),
('p16', '2026-03-30 10:30:00', 1, 'Electronics', 1, NULL, NULL),
('p16', '2026-03-30 09:00:00', 1, 'Books', 1, NULL, NULL),
('p16', '2026-03-23 00:00:00', 5, 'Books', 1, NULL, NULL);

-- Wall-clock times in America/New_York (the behavior's timezone:); the
-- comment gives the instant in UTC.
CREATE TABLE events.store_visits (
    customer_id text,
    visited_at timestamp,
    store_name text
);

INSERT INTO events.store_visits VALUES
('p01', '2026-03-30 08:00:00', 'Fifth Ave'),  -- 2026-03-30 12:00:00Z, now
('p02', '2026-03-29 20:00:00', 'SoHo'),       -- 2026-03-30 00:00:00Z
('p02', '2026-03-29 19:59:59', 'SoHo'),       -- 2026-03-29 23:59:59Z
('p06', '2026-03-30 00:00:00', 'Fifth Ave'),  -- 2026-03-30 04:00:00Z
('p08', '2026-03-08 03:00:00', 'Brooklyn'),   -- 2026-03-08 07:00:00Z, EDT began at 2:00
('p08', '2026-03-08 01:59:59', 'Brooklyn'),   -- 2026-03-08 06:59:59Z, still EST
('p10', '2026-03-07 07:30:00', 'Brooklyn'),   -- 2026-03-07 12:30:00Z
('p13', '2026-02-28 07:30:00', 'SoHo'),       -- 2026-02-28 12:30:00Z
('p15', '2026-03-30 08:00:01', 'SoHo'),       -- 2026-03-30 12:00:01Z, 1 s ahead
('p16', '2026-03-31 09:00:00', 'Fifth Ave');  -- 2026-03-31 13:00:00Z

CREATE TABLE crm.email_opens (
    customer_id text,
    opened_on date,
    campaign text
);

INSERT INTO crm.email_opens VALUES
('p01', '2026-03-30', 'Spring'),
('p01', '2026-03-29', 'Spring'),
('p01', '2026-03-02', 'Spring'),
('p01', '2026-03-01', 'March'),
('p02', '2026-02-28', 'Feb'),
('p02', '2026-02-01', 'Feb'),
('p02', '2026-03-31', 'April'),
('p03', '2024-02-29', 'Leap'),
('p05', '2026-03-01', 'March'),
('p05', '2026-03-01', 'March'),
('p05', '2026-03-01', 'March'),
('p05', '2026-03-31', NULL),
('p07', '2025-12-31', 'NYE'),
('p10', '2026-01-01', 'NY'),
('p13', '2026-03-23', 'Week'),
('p13', '2026-03-29', 'Week'),
('p16', '2026-03-30', NULL),
('p16', '2026-03-30', 'Spring'),
('p16', '2026-03-16', 'Spring'),
('p16', '2026-03-09', 'Spring'),
('p16', '2026-02-28', 'Feb');

-- Unix seconds; now is 1774872000 (2026-03-30 12:00:00Z), this week began
-- at 1774828800 (2026-03-30 00:00:00Z).
CREATE TABLE web.page_views (
    visitor_id text,
    time bigint,
    url text,
    device text
);

INSERT INTO web.page_views VALUES
('p01', 1774872000, '/home', 'mobile'),    -- now
('p01', 1774871940, '/home', 'mobile'),    -- now - 60 s
('p01', 1774871990, '/c', NULL),           -- now - 10 s
('p01', 1774871980, NULL, NULL),           -- now - 20 s
('p01', 1774868400, '/cart', 'desktop'),   -- now - 1 h
('p01', 1774864800, '/b', 'desktop'),      -- now - 2 h
('p01', 1774828800, '/a', 'desktop'),      -- start of this week
('p05', 1774871900, '/x', 'tablet'),       -- now - 100 s
('p05', 1774871800, '/x', 'tablet'),
('p05', 1774871700, '/y', 'tablet'),
('p05', 1774871600, '/z', 'tablet'),
('p05', 1774871500, '/w', 'tablet'),
('p05', 1774871400, NULL, 'tablet'),       -- now - 600 s
('p06', 1774828799, '/1', 'desktop'),      -- 2026-03-29 23:59:59Z, last week
('p06', 1774832400, '/2', 'desktop'),      -- 2026-03-30 01:00:00Z
('p06', 1774836000, '/3', 'desktop'),      -- 02:00Z
('p06', 1774839600, '/4', 'desktop'),      -- 03:00Z
('p06', 1774843200, '/5', 'desktop'),      -- 04:00Z
('p11', 1774872001, '/future', NULL),      -- now + 1 s
('p16', 1774828800, '/p1', 'mobile'),      -- start of this week
('p16', 1774871999, '/p2', 'mobile'),      -- now - 1 s
('p16', 1774871998, '/p3', 'mobile'),
('p16', 1774871997, '/p4', 'mobile'),
('p16', 1774871996, '/p5', 'mobile');      -- now - 4 s

-- Unix milliseconds; now is 1774872000000.
CREATE TABLE mobile.app_sessions (
    customer_id text,
    started_ms bigint,
    platform text,
    duration_seconds integer
);

INSERT INTO mobile.app_sessions VALUES
('p01', 1774872000000, 'ios', 60),         -- now
('p02', 1774861200000, 'android', 30),     -- now - 3 h
('p03', 1774861199999, 'android', 10),     -- now - 3 h - 1 ms
('p05', 1774872000001, 'ios', 5),          -- now + 1 ms
('p13', 1774785600000, 'web', NULL),       -- now - 1 day
('p13', 1774699200000, 'web', 100);        -- now - 2 days
