//! `GET /hushdesk/attachment/{id}/content`: an attachment's bytes, as a download.

use actix_web::{get, web, HttpResponse};
use hushdesk_api::rest2::ErrorBody;

use crate::api::auth::CurrentUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::rest2::common::{self, ctx, State};
use crate::domain::rights::Right;
use crate::store::{attachments, tickets, transactions};

/// Quotes a file name for Content-Disposition: printable ASCII only, no quotes.
fn safe_filename(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.trim().is_empty() {
        "attachment".into()
    } else {
        s
    }
}

/// The exact bytes of an attachment, with its content type, to save (never shown inline).
#[utoipa::path(get, path = "/REST/2.0/hushdesk/attachment/{id}/content", tag = "app",
    params(("id" = i64, Path, description = "Attachment id")),
    responses((status = 200, description = "The bytes", content_type = "application/octet-stream"),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/hushdesk/attachment/{id}/content")]
pub async fn get_attachment_content(
    state: State,
    me: CurrentUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id = common::path_id(&path)?;
    let st = state.clone();
    let (meta, content) = state
        .store
        .read(move |conn| -> ApiResult<_> {
            let now = st.clock.now();
            let c = ctx(&st, &me, now);
            let meta = attachments::meta(conn, id)?.ok_or(ApiError::NotFound)?;
            let txn = transactions::by_id(conn, meta.transaction_id)?.ok_or(ApiError::NotFound)?;
            if txn.object_type != transactions::TICKET {
                return Err(ApiError::NotFound);
            }
            let t = tickets::visible(conn, &c, txn.object_id)?;
            if (txn.txn_type == "Comment" || txn.txn_type == "CommentEmailRecord")
                && !tickets::can(conn, &c, &t, Right::ShowTicketComments)?
            {
                return Err(ApiError::Forbidden);
            }
            let content = attachments::content(conn, id)?.unwrap_or_default();
            Ok((meta, content))
        })
        .await?;
    let ct = if meta.content_type.is_empty() || meta.content_type.contains('\n') {
        "application/octet-stream".to_owned()
    } else {
        meta.content_type.clone()
    };
    Ok(HttpResponse::Ok()
        .content_type(ct)
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Content-Security-Policy", "sandbox"))
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{}\"", safe_filename(&meta.filename)),
        ))
        .body(content))
}
