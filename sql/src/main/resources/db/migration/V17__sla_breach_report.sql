-- SLA breach report (issue 6): its list of breached tickets reads the breached clocks of a period; a range scan on the
-- breach instant instead of a scan of every clock.
CREATE INDEX IX_SLA_CLOCK_BREACHED ON SLA_CLOCK (BREACHED_AT);
