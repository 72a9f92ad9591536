-- FINANCIER: the staff of a financial institution, acting for it on the finance requests it receives.
ALTER TABLE identity.role_grant DROP CONSTRAINT role_grant_role_check;
ALTER TABLE identity.role_grant ADD CONSTRAINT role_grant_role_check
    CHECK (role IN ('ADMIN', 'ANALYST', 'COUNTRY_FOCAL_POINT', 'HUB_OPERATOR', 'COMPANY_MEMBER', 'FINANCIER'));
