-- Knowledge search: a covering index for the token index (docs/performance.md, "Knowledge search with 10,000
-- articles"). KB_TOKEN's primary key (TOKEN, ARTICLE_ID) finds the matching rows, but H2 then reads every one of
-- them from the table for WEIGHT and the filter columns: with queries matching thousands of articles that row
-- reading was most of the search time (p95 1 s on 10,000 articles). This index holds every column the search
-- reads, in the order it filters — TOKEN, then STATUS (always filtered), then the rest — so the search is an
-- index range scan and nothing else, on H2 and on Oracle alike. Each save writes its ~130 rows into one more index.
CREATE INDEX IX_KB_TOKEN_SEARCH ON KB_TOKEN (TOKEN, STATUS, ARTICLE_ID, WEIGHT, LANGUAGE, VISIBILITY, CATEGORY_ID);
