-- Financiers of IFPA deals (ITFC, IsDB, Islamic banks) are organisations of their own kind.
ALTER TABLE organisations.organisation DROP CONSTRAINT organisation_type_check;
ALTER TABLE organisations.organisation ADD CONSTRAINT organisation_type_check
    CHECK (type IN ('IOFS_SECRETARIAT', 'MEMBER_STATE_AGENCY', 'COMPANY', 'PARTNER_INSTITUTION', 'FINANCIAL_INSTITUTION'));
