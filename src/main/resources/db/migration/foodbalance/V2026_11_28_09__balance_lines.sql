-- Balance values are stored one line per member state, FBS item and year, the elements of the line side by side in
-- aligned arrays (element, value, unit, flag, flag class, source import, source user). A FAOSTAT file of two
-- million values becomes some 140,000 lines, which is what makes a bulk import cost little more than its COPY:
-- one row per value meant two million primary-key and index insertions and foreign-key checks.
-- The view foodbalance.balance_value keeps presenting one row per value to every reader.
--
-- The member state and the item are not foreign keys: checking them line by line doubled the time of an insert.
-- BalanceLines.merge checks a whole batch against countries.country and foodbalance.fbs_item in one query instead
-- (neither list ever loses a row). A value's flag class is not stored but derived in the view from its raw flag and
-- the FAOSTAT flag scheme its file used, which is stored (old_flag_schemes).
CREATE TABLE foodbalance.balance_line (
    country_iso3   char(3)         NOT NULL,
    year           smallint        NOT NULL CHECK (year BETWEEN 1900 AND 2100),
    item_code      integer         NOT NULL,
    element_codes  integer[]       NOT NULL,
    vals           numeric(18,4)[] NOT NULL,
    units          text[]          NOT NULL,
    flags          text[]          NOT NULL,
    old_flag_schemes boolean[]     NOT NULL,
    source_imports bigint[]        NOT NULL,
    source_users   text[]          NOT NULL,
    status         text            NOT NULL DEFAULT 'PUBLISHED' CHECK (status IN ('DRAFT', 'SUBMITTED', 'VALIDATED',
                                                                                  'PUBLISHED')),
    updated_at     timestamptz     NOT NULL DEFAULT now(),
    PRIMARY KEY (country_iso3, year, item_code),
    CHECK (cardinality(element_codes) > 0
        AND cardinality(vals) = cardinality(element_codes) AND cardinality(units) = cardinality(element_codes)
        AND cardinality(flags) = cardinality(element_codes) AND cardinality(old_flag_schemes) = cardinality(element_codes)
        AND cardinality(source_imports) = cardinality(element_codes)
        AND cardinality(source_users) = cardinality(element_codes)),
    -- Elements come from the element catalogue (21 codes, fixed by FAOSTAT); writers check them, this keeps out
    -- the impossible.
    CHECK (element_codes <@ ARRAY[511, 5511, 5611, 5072, 5911, 5301, 5521, 5527, 5123, 5131, 5154, 5171, 5170,
                                  5142, 645, 664, 674, 684, 661, 671, 681])
);

-- Indicators and OIC-wide sums read one item and year across all members.
CREATE INDEX balance_line_item_year_idx ON foodbalance.balance_line (item_code, year);

-- Values already stored keep their class: the scheme that gives it back from their flag is chosen here.
INSERT INTO foodbalance.balance_line (country_iso3, year, item_code, element_codes, vals, units, flags,
                                      old_flag_schemes, source_imports, source_users, status, updated_at)
SELECT country_iso3, year, item_code,
       array_agg(element_code ORDER BY element_code), array_agg(value ORDER BY element_code),
       array_agg(unit ORDER BY element_code), array_agg(flag ORDER BY element_code),
       array_agg(foodbalance.flag_class(flag, true) = flag_class ORDER BY element_code),
       array_agg(source_import ORDER BY element_code),
       array_agg(source_user ORDER BY element_code), min(status), max(updated_at)
FROM foodbalance.balance_value
GROUP BY country_iso3, year, item_code;

DROP TABLE foodbalance.balance_value;

CREATE VIEW foodbalance.balance_value AS
SELECT l.country_iso3, l.item_code, v.element_code, l.year, v.value, v.unit, v.flag,
       foodbalance.flag_class(v.flag, v.old_flag_scheme) AS flag_class, v.source_import, v.source_user, l.status,
       l.updated_at
FROM foodbalance.balance_line l
CROSS JOIN LATERAL unnest(l.element_codes, l.vals, l.units, l.flags, l.old_flag_schemes, l.source_imports,
                          l.source_users) AS v (element_code, value, unit, flag, old_flag_scheme, source_import,
                                                source_user);
