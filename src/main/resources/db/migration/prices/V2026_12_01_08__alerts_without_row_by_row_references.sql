-- An alert's series, market, member and commodity are no longer checked by foreign keys: PostgreSQL checks each
-- with one query per inserted row, four per alert, which took most of the time of raising the 80,000 alerts of a
-- large import. The alerts are written only by SeriesIndicators, from a join with prices.series and prices.market
-- in the same transaction, their member and commodity read from those rows; series and markets are never deleted,
-- nor are members and commodities (reference data), so the references hold by construction. ObservationStorageIT
-- checks them. This also ends two references from this module's tables into other modules' schemas.
ALTER TABLE prices.alert DROP CONSTRAINT alert_series_id_fkey;
ALTER TABLE prices.alert DROP CONSTRAINT alert_country_iso3_fkey;
ALTER TABLE prices.alert DROP CONSTRAINT alert_market_id_fkey;
ALTER TABLE prices.alert DROP CONSTRAINT alert_commodity_code_fkey;
