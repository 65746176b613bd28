-- The branch ticket list (TicketQueries.list) at a million tickets: the page is chosen by id and sort key first
-- (SELECT t.id, t.createdAt ... ORDER BY t.createdAt DESC, t.id DESC, then the page's rows by id) and counted with
-- COUNT(t), i.e. COUNT(ID). On the embedded H2 a secondary index does not hold ID (NUMBER(19) is not H2's row key),
-- so both read the whole row of every ticket in scope unless the index carries ID and the filter columns; these do,
-- so that the page and its count are read from one index alone. On Oracle they are covering indexes all the same.
-- Measured in docs/performance.md ("Ticket list with 1,000,000 tickets").

-- Scope first: "this branch and below" with any of the list's filters. Replaces the (path, created) index: same
-- leading column, so a path prefix is the same index range in both (how BranchComparisonSource's report reads a
-- scope; a range on the first column leaves the created range to be tested on the rows, with either index).
DROP INDEX IX_TICKET_SCOPE_CREATED;
CREATE INDEX IX_TICKET_SCOPE_LIST ON TICKET (OWNING_BRANCH_PATH, STATUS, TICKET_TYPE, PRIORITY, CREATED_AT, ID);

-- Status first: one status in a scope (H2 prefers the status equality to the path range, and without the path here
-- it would read every ticket of that status in the bank).
CREATE INDEX IX_TICKET_STATUS_SCOPE ON TICKET (STATUS, OWNING_BRANCH_PATH, TICKET_TYPE, PRIORITY, CREATED_AT, ID);

-- Team first: a team member's list is its scope plus the team's tickets outside it, read as a second query
-- (TicketQueries: one query with "scope OR team" is a full table scan on H2). Replaces (team, status), which it extends.
DROP INDEX IX_TICKET_TEAM_STATUS;
CREATE INDEX IX_TICKET_TEAM_LIST ON TICKET (ASSIGNED_TEAM_ID, STATUS, TICKET_TYPE, PRIORITY, OWNING_BRANCH_PATH, CREATED_AT, ID);
