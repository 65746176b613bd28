-- The archive is searched by the period a run covers (HQ managers look for "September's report"), not only by when it
-- ran: the period's first and last day as columns, filled from PARAMETERS for the runs made before this version
-- (RunParameters writes {"from":"YYYY-MM-DD","to":"YYYY-MM-DD",...}; plain string functions run on Oracle and H2 alike).
ALTER TABLE REPORT_RUN ADD (PERIOD_FROM DATE, PERIOD_TO DATE);

UPDATE REPORT_RUN
   SET PERIOD_FROM = TO_DATE(SUBSTR(PARAMETERS, INSTR(PARAMETERS, '"from":"') + 8, 10), 'YYYY-MM-DD'),
       PERIOD_TO = TO_DATE(SUBSTR(PARAMETERS, INSTR(PARAMETERS, '"to":"') + 6, 10), 'YYYY-MM-DD')
 WHERE INSTR(PARAMETERS, '"from":"') > 0 AND INSTR(PARAMETERS, '"to":"') > 0;

CREATE INDEX IX_REPORT_RUN_PERIOD ON REPORT_RUN (PERIOD_FROM, PERIOD_TO);
