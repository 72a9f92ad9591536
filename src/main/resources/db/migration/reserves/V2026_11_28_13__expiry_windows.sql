-- How many days before its best-before date a lot of a commodity raises a near-expiry alert; commodities without a
-- row use fse.reserves.near-expiry-days (default 90).
CREATE TABLE reserves.expiry_window (
    commodity_code text     PRIMARY KEY REFERENCES commodities.commodity (code),
    days           smallint NOT NULL CHECK (days BETWEEN 1 AND 730)
);
