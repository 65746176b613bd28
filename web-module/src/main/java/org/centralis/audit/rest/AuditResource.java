package org.centralis.audit.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.centralis.audit.application.AuditFilter;
import org.centralis.audit.application.AuditTrail;
import org.centralis.audit.domain.AuditEvent;
import org.centralis.audit.domain.ChainVerification;
import org.centralis.audit.web.AuditSheet;
import org.centralis.shared.rest.PageDto;
import org.centralis.shared.rest.QueryParams;
import org.centralis.shared.rest.SpreadsheetDownload;
import org.centralis.shared.web.Spreadsheet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail for auditors: search, and verify the hash chain. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

  /** An audit event in API form; {@code seqNo}, {@code hash} and {@code prevHash} are null until it is sealed. */
  public record EventDto(
      Long seqNo, String occurredAt, String actor, String role, Long actorBranchId, String clientIp, String action,
      String targetType, String targetId, String before, String after, String hash, String prevHash) {
    static EventDto of(AuditEvent e) {
      return new EventDto(
          e.getSeqNo(), e.getOccurredAt().toString(), e.getActorLogin(), e.getActorRole(), e.getActorBranchId(), e.getClientIp(),
          e.getAction(), e.getTargetType(), e.getTargetId(), e.getBeforeSummary(), e.getAfterSummary(), e.getHash(), e.getPrevHash());
    }
  }

  @Inject private AuditTrail trail;

  @GET
  @Path("events")
  @Operation(summary = "Search audit events, newest first")
  public PageDto<EventDto> search(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("targetType") String targetType,
      @QueryParam("targetId") String targetId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 50, 500, 10_000_000);
    return PageDto.of(trail.search(filter(actor, action, targetType, targetId, from, to), paging.offset(), paging.limit()).map(EventDto::of));
  }

  @GET
  @Path("events/export")
  @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The events the search would list (same filters and scope), as a spreadsheet: format=xlsx (default) or csv, lang=zh_CN or en",
      description = "At most 50,000 rows (400 export-too-large). Audited as AUDIT_EXPORTED.")
  public Response export(
      @QueryParam("format") String format,
      @QueryParam("lang") String lang,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("targetType") String targetType,
      @QueryParam("targetId") String targetId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    List<AuditEvent> rows = trail.export(filter(actor, action, targetType, targetId, from, to));
    return SpreadsheetDownload.of(as, "audit-log", (f, out) -> AuditSheet.write(f, rows, SpreadsheetDownload.locale(lang), out));
  }

  private static AuditFilter filter(String actor, String action, String targetType, String targetId, String from, String to) {
    return new AuditFilter(actor, action, targetType, targetId, QueryParams.instant("from", from), QueryParams.instant("to", to));
  }

  @POST
  @Path("verification")
  @Operation(summary = "Recompute the hash chain; names the first broken event if any")
  public ChainVerification.Result verify() {
    return trail.verify();
  }
}
