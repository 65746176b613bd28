-- Tickets logged in a period within a scope (the HQ home page's "logged today", a list filtered by creation date):
-- COUNT(ID) with a created range and the scope's path prefix. With (CREATED_AT) alone the embedded H2 preferred the
-- covering scope index and read every ticket of the bank (1,000,001 index entries at a million tickets) to count one
-- day's; with the path and ID beside the creation time this index covers the count, and a bounded created range on
-- it reads that day's entries only (1,513). Replaces (CREATED_AT), which it extends: same leading column.
-- Measured in docs/performance.md ("The home pages' figures").
DROP INDEX IX_TICKET_CREATED;
CREATE INDEX IX_TICKET_CREATED_SCOPE ON TICKET (CREATED_AT, OWNING_BRANCH_PATH, ID);
