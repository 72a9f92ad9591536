-- The language each person last read the platform in: what they are written to in (notification e-mails).
ALTER TABLE identity.account
    ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ar', 'fr'));
