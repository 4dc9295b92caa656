//! TicketGet (`GET /Ticket/:TicketID`) and its list form (`GET /TicketList?TicketID=1,2`).

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::mapping::{self, Include};
use super::{authenticate, flag, list, params, respond, OtrsError, OtrsResult, State};
use crate::api::rest2::common::ctx;
use crate::api::rest2::render::Lookup;
use crate::domain::error::DomainError;
use crate::store::tickets as ops;

const OP: &str = "TicketGet";

pub async fn ticket_get(state: State, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    respond(get(state, req, body).await)
}

pub async fn ticket_get_list(state: State, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    respond(get(state, req, body).await)
}

async fn get(state: State, req: HttpRequest, body: web::Bytes) -> OtrsResult<Value> {
    let m = params(&req, &body, OP)?;
    // `TicketID` may be `1,2,3` or a list.
    let raw: Vec<String> = list(m.get("TicketID"))
        .iter()
        .flat_map(|s| s.split(','))
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    let inc = Include {
        articles: flag(&m, "AllArticles"),
        attachments: flag(&m, "Attachments"),
        dynamic_fields: flag(&m, "DynamicFields"),
        html_body_as_attachment: flag(&m, "HTMLBodyAsAttachment"),
    };
    let st = state.clone();
    state
        .store
        .read(move |conn| -> OtrsResult<Value> {
            let me = authenticate(&st, conn, &m, OP)?;
            if raw.is_empty() {
                return Err(OtrsError::missing(OP, "TicketID parameter is missing!"));
            }
            let now = st.clock.now();
            let c = ctx(&st, &me, now);
            let not_found = || {
                OtrsError::new(
                    OP,
                    "NotValidTicketID",
                    "Could not get Ticket data in Kernel::GenericInterface::Operation::Ticket::TicketGet::Run()",
                )
            };
            let mut out = Vec::with_capacity(raw.len());
            for r in &raw {
                let id: i64 = r.parse().map_err(|_| not_found())?;
                let asked = ops::raw(conn, id)?.ok_or_else(not_found)?;
                let t = match ops::visible(conn, &c, id) {
                    Ok(t) => t,
                    Err(DomainError::NotFound(_)) => return Err(not_found()),
                    Err(DomainError::Forbidden) => {
                        return Err(OtrsError::denied(
                            OP,
                            "User does not have access to the ticket!",
                        ))
                    }
                    Err(e) => return Err(OtrsError::domain(OP, e)),
                };
                let mut lk = Lookup::new(conn);
                out.push(mapping::ticket(&mut lk, &c, &asked, &t, inc)?);
            }
            Ok(json!({ "Ticket": out }))
        })
        .await
}
