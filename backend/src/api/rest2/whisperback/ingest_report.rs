//! `POST /REST/2.0/whisperback`: a decrypted report becomes a ticket with its facts.

use actix_web::{post, web, HttpResponse};
use futures_util::StreamExt;
use hushdesk_api::rest2::ErrorBody;
use hushdesk_api::wb::{IngestQuery, IngestResponse};

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, ctx, State};
use crate::whisperback;

async fn read_raw(mut payload: web::Payload, limit: usize) -> ApiResult<Vec<u8>> {
    let mut data = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::BadRequest(format!("Invalid body: {e}")))?;
        if data.len() + chunk.len() > limit {
            return Err(ApiError::TooLarge);
        }
        data.extend_from_slice(&chunk);
    }
    Ok(data)
}

/// Ingest a decrypted WhisperBack report (the body as sent, any encoding): a ticket in the
/// queue of the user's language (else General), the contact email as requestor, the user's
/// text as body and the whole report attached, with its facts stored. A report id already
/// ingested returns the existing ticket with 200.
#[utoipa::path(
    post, path = "/REST/2.0/whisperback", tag = "whisperback",
    params(IngestQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The decrypted report body (any Content-Type is accepted)"),
    responses(
        (status = 201, description = "Ticket created", body = IngestResponse),
        (status = 200, description = "Already ingested", body = IngestResponse),
        (status = 400, description = "Empty or still encrypted report, bad subject", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, description = "No CreateTicket right on the queue", body = ErrorBody),
        (status = 413, body = ErrorBody),
    )
)]
#[post("/whisperback")]
pub async fn ingest_report(
    state: State,
    me: CurrentUser,
    query: web::Query<IngestQuery>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let raw = read_raw(payload, state.config.max_body_bytes).await?;
    let (raw, report) = tokio::task::spawn_blocking(move || {
        let report = whisperback::parse(&raw);
        (raw, report)
    })
    .await
    .map_err(|_| ApiError::Internal("report parser task failed".into()))?;
    let subject = query.into_inner().subject;
    let st = state.clone();
    let done = state
        .store
        .write(move |conn| -> ApiResult<whisperback::Ingested> {
            let now = st.clock.now();
            Ok(whisperback::ingest_parsed(
                conn,
                &ctx(&st, &me, now),
                &raw,
                &report,
                subject.as_deref(),
                &st.config.mail,
            )?)
        })
        .await?;
    let body = IngestResponse {
        ticket: done.ticket,
        report: done.report,
        duplicate: done.duplicate,
        queue: done.queue,
        language: done.language,
        report_id: done.report_id,
    };
    Ok(if body.duplicate {
        common::ok(&body)
    } else {
        common::created(&body)
    })
}
