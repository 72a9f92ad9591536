-- A participating organisation's name in Arabic and French beside the one it was recorded with (read as English):
-- people read names in their language, and IATI publishes a narrative per language.
ALTER TABLE projects.project_organisation
    ADD COLUMN name_ar text NOT NULL DEFAULT '' CHECK (length(name_ar) <= 200),
    ADD COLUMN name_fr text NOT NULL DEFAULT '' CHECK (length(name_fr) <= 200);

UPDATE projects.project_organisation SET name_ar = 'البنك الإسلامي للتنمية', name_fr = 'Banque islamique de développement'
WHERE name = 'Islamic Development Bank';
UPDATE projects.project_organisation SET name_ar = 'المنظمة الإسلامية للأمن الغذائي',
    name_fr = 'Organisation islamique pour la sécurité alimentaire'
WHERE name = 'Islamic Organization for Food Security';
