-- The planner needs the new column's statistics before the next list is asked for: without them
-- it took "text in the URL" for rare and read every matching resource of a million cases (8 s on
-- the benchmark's data) instead of walking the newest cases.
analyze case_resource;
