-- An agreement's reference is unique per drafting agency, no longer platform-wide: "reference taken" told an
-- administrator that another agency had an agreement under that reference (e.g. DSA-MOI-INTERPOL-2026), whether or
-- not their agency was a party.
alter table agreement drop constraint agreement_reference_uk;
alter table agreement add constraint agreement_reference_uk unique (drafting_agency_id, reference);
