-- Sequences that hot paths draw one value at a time with a native NEXTVAL: a ticket's number (TicketIntakeWriter), a
-- report fact for every ticket event (FactOutbox), an agent state change (AgentStateLog), an ACD offer
-- (OfferReservation). A sequence writes its state each time its cache runs out: on H2 that is a commit of its own, a
-- store write with WRITE_DELAY=0 (1.9 % of the server's CPU at intake, docs/performance.md run J); on Oracle a
-- dictionary update. 1,000 values per write. A restart
-- leaves a gap of at most the cache in these ids, which only order and identify rows, and in the ticket numbers'
-- counter, which was cached by 100 before: numbers stay unique and increasing, not gapless (as on Oracle, which caches
-- 20 by default and loses them at a restart too).
ALTER SEQUENCE TICKET_NO_SEQ CACHE 1000;
ALTER SEQUENCE REPORT_FACT_SEQ CACHE 1000;
ALTER SEQUENCE ACD_AGENT_STATE_LOG_SEQ CACHE 1000;
ALTER SEQUENCE ACD_OFFER_SEQ CACHE 1000;
