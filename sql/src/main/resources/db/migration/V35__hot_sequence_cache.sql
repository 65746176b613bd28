-- Sequences that hot paths draw one value at a time with a native NEXTVAL: a report fact for every ticket event
-- (FactOutbox), an agent state change (AgentStateLog), an ACD offer (OfferReservation). A sequence writes its state
-- each time its cache runs out: on H2 that is a commit of its own, a store write with WRITE_DELAY=0 (1.9 % of the
-- server's CPU at intake, docs/performance.md run K); on Oracle a dictionary update. 1,000 values per write. A restart
-- leaves a gap of at most the cache in these ids, which only order and identify rows.
ALTER SEQUENCE REPORT_FACT_SEQ CACHE 1000;
ALTER SEQUENCE ACD_AGENT_STATE_LOG_SEQ CACHE 1000;
ALTER SEQUENCE ACD_OFFER_SEQ CACHE 1000;
