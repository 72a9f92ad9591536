-- What the reserves name, named in the platform's three languages (English stays in the existing columns, which
-- older clients and fixtures write): hubs and their operators, storage conditions and grades as codes that the
-- message bundles name, and the release history's system messages as codes with their figures instead of English
-- sentences.

-- A hub's Arabic and French names; null means "the English name", as the hub was set up before they existed.
ALTER TABLE reserves.hub
    ADD COLUMN name_ar     text CHECK (length(name_ar) BETWEEN 1 AND 200),
    ADD COLUMN name_fr     text CHECK (length(name_fr) BETWEEN 1 AND 200),
    ADD COLUMN operator_ar text NOT NULL DEFAULT '',
    ADD COLUMN operator_fr text NOT NULL DEFAULT '';

-- Storage conditions from a list (the page names each in the reader's language); the free text they replace is
-- mapped by its words.
ALTER TABLE reserves.hub ADD COLUMN conditions text[] NOT NULL DEFAULT '{}'
    CHECK (conditions <@ ARRAY['AMBIENT', 'VENTILATED', 'AERATED', 'TEMPERATURE_CONTROLLED', 'HERMETIC', 'FUMIGATION',
                               'PALLETS', 'BULK']::text[]);
UPDATE reserves.hub SET conditions = ARRAY(
    SELECT c FROM (VALUES ('VENTILATED', 'ventilat'), ('AERATED', 'aerat'), ('FUMIGATION', 'fumigat'),
                          ('PALLETS', 'pallet'), ('HERMETIC', 'hermetic'), ('TEMPERATURE_CONTROLLED', 'temperature'),
                          ('BULK', 'silo')) AS w (c, word)
    WHERE lower(storage_conditions) LIKE '%' || word || '%');
ALTER TABLE reserves.hub DROP COLUMN storage_conditions;

-- Grades from a list too: the grade numbers of a national or Codex standard, fair average quality, or none given.
UPDATE reserves.lot SET grade = CASE
    WHEN grade ~* '^\s*(grade|no\.?)?\s*[1-5]\s*$' THEN 'GRADE_' || substring(grade FROM '[1-5]')
    WHEN grade ~* 'fair average|^\s*faq\s*$' THEN 'FAQ'
    ELSE '' END
WHERE grade !~ '^(GRADE_[1-5]|FAQ|)$';
UPDATE reserves.pledge SET grade = CASE
    WHEN grade ~* '^\s*(grade|no\.?)?\s*[1-5]\s*$' THEN 'GRADE_' || substring(grade FROM '[1-5]')
    WHEN grade ~* 'fair average|^\s*faq\s*$' THEN 'FAQ'
    ELSE '' END
WHERE grade !~ '^(GRADE_[1-5]|FAQ|)$';
ALTER TABLE reserves.lot ADD CONSTRAINT lot_grade_known CHECK (grade ~ '^(GRADE_[1-5]|FAQ|)$');
ALTER TABLE reserves.pledge ADD CONSTRAINT pledge_grade_known CHECK (grade ~ '^(GRADE_[1-5]|FAQ|)$');

-- A dispatch's event names its shipment; the page says "shipment 2 from <hub>" in the reader's language.
ALTER TABLE reserves.release_event ADD COLUMN shipment_id bigint REFERENCES reserves.shipment (id);
UPDATE reserves.release_event e SET shipment_id = s.id, note = NULL
FROM reserves.shipment s
WHERE e.to_status = 'DISPATCHED' AND e.note ~ '^shipment [0-9]+ from ' AND s.id = substring(e.note FROM '^shipment ([0-9]+)')::bigint;

-- What people write in a request (justification, delivery point, received condition) and in its history (notes,
-- the assessment) is shown as written, in the language it was written in, which the page declares (lang) so that
-- it is read and spoken right; the language is the writer's page language when they wrote it.
ALTER TABLE reserves.release_request
    ADD COLUMN written_in            text NOT NULL DEFAULT 'en' CHECK (written_in IN ('en', 'ar', 'fr')),
    ADD COLUMN assessment_written_in text CHECK (assessment_written_in IN ('en', 'ar', 'fr'));
ALTER TABLE reserves.release_event
    ADD COLUMN written_in text CHECK (written_in IN ('en', 'ar', 'fr'));
