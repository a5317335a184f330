-- "Text in the URL" searched two trigram indexes, one on the address as typed and one on its
-- normalised form, and a rare text whose trigrams most addresses share (the benchmark's
-- "promo/123456-") read long posting lists in both: 75 ms each, once for the page and again for
-- its count. One column holding both forms, with one index, reads them once.
alter table case_resource
    add column url_search text generated always as (lower(url_original) || ' ' || lower(url_normalized)) stored;
create index case_resource_url_search_trgm on case_resource using gin (url_search gin_trgm_ops);
drop index case_resource_original_trgm;
drop index case_resource_normalized_trgm;
