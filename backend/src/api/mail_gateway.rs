//! `POST /REST/1.0/NoAuth/mail-gateway`: RT's mail gateway, as `rt-mailgate` calls it.
//!
//! Form fields `queue`, `action` (correspond|comment), optional `ticket`, and the message as
//! `message`. Answers in RT's words: `ok` with `Ticket:`/`Queue:`/`Action:` lines, or `not ok`
//! with the reason (a permanent refusal; RT's client then exits 0 and RT's bounce carries the
//! reason; `X-Hushdesk-Exit` tells `hushdesk mailgate` which sysexits code to use). Temporary
//! failures are HTTP 503, on which `rt-mailgate` exits 75 so the MTA retries.

use std::net::IpAddr;

use actix_multipart::Multipart;
use actix_web::{web, HttpRequest, HttpResponse};
use base64::Engine;
use futures_util::StreamExt;
use subtle::ConstantTimeEq;

use crate::api::AppState;
use crate::mail::inbound::{self, Action, Delivery, InboundError, Settings};

#[derive(Default)]
struct Form {
    queue: Option<String>,
    action: Option<String>,
    ticket: Option<String>,
    secret: Option<String>,
    message: Vec<u8>,
    /// The message was larger than accepted; its size.
    oversized: Option<usize>,
}

fn text(status: actix_web::http::StatusCode, exit: u8, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/plain; charset=utf-8")
        .insert_header(("X-Hushdesk-Exit", exit.to_string()))
        .body(body)
}

fn temporary(why: &str) -> HttpResponse {
    text(
        actix_web::http::StatusCode::SERVICE_UNAVAILABLE,
        inbound::EX_TEMPFAIL,
        format!("temporary failure: {why}\n"),
    )
}

fn secret_presented(req: &HttpRequest, path_secret: Option<&str>, form: &Form) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    out.extend(path_secret.map(str::to_owned));
    out.extend(form.secret.clone());
    if let Some(v) = req
        .headers()
        .get("X-Hushdesk-Mailgate-Secret")
        .and_then(|v| v.to_str().ok())
    {
        out.push(v.trim().to_owned());
    }
    let basic = req
        .headers()
        .get("Authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| {
            base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .ok()
        })
        .and_then(|b| String::from_utf8(b).ok());
    if let Some((_, pass)) = basic.as_deref().and_then(|s| s.split_once(':')) {
        out.push(pass.to_owned());
    }
    out
}

/// The configured guard: an allowed client address and/or the shared secret.
fn allowed(
    state: &AppState,
    req: &HttpRequest,
    path_secret: Option<&str>,
    form: &Form,
) -> Result<(), String> {
    let cfg = &state.config.mail;
    if !cfg.gateway_clients.is_empty() {
        let peer = req.peer_addr().map(|a| a.ip());
        let ok = peer.is_some_and(|ip| {
            cfg.gateway_clients
                .iter()
                .filter_map(|c| c.trim().parse::<IpAddr>().ok())
                .any(|c| c == ip || ip.to_canonical() == c)
        });
        if !ok {
            return Err("this client address may not use the mail gateway".into());
        }
    }
    if let Some(secret) = cfg.gateway_secret.as_deref().filter(|s| !s.is_empty()) {
        let ok = secret_presented(req, path_secret, form)
            .iter()
            .any(|p| bool::from(p.as_bytes().ct_eq(secret.as_bytes())));
        if !ok {
            return Err("the mail gateway secret is missing or wrong".into());
        }
    }
    if cfg.gateway_clients.is_empty() && cfg.gateway_secret.as_deref().unwrap_or("").is_empty() {
        return Err(
            "the mail gateway is not configured (set mail.gateway_clients or mail.gateway_secret)"
                .into(),
        );
    }
    Ok(())
}

async fn read_form(
    req: &HttpRequest,
    mut payload: web::Payload,
    limit: usize,
) -> Result<Form, String> {
    let mut form = Form::default();
    let ct = req
        .headers()
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let store = |form: &mut Form, name: &str, data: Vec<u8>| {
        let v = || String::from_utf8_lossy(&data).trim().to_owned();
        match name {
            "queue" => form.queue = Some(v()),
            "action" => form.action = Some(v()),
            "ticket" => form.ticket = Some(v()),
            "secret" => form.secret = Some(v()),
            "message" => form.message = data,
            _ => {}
        }
    };
    if ct.starts_with("multipart/form-data") {
        let mut mp = Multipart::new(req.headers(), payload);
        while let Some(field) = mp.next().await {
            let mut field = field.map_err(|e| format!("invalid multipart body: {e}"))?;
            let name = field.name().unwrap_or("").to_owned();
            let mut data = Vec::new();
            let mut size = 0usize;
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(|e| format!("invalid multipart body: {e}"))?;
                size += chunk.len();
                // Past the limit the rest is read and dropped, so the client gets the answer.
                if size <= limit {
                    data.extend_from_slice(&chunk);
                }
            }
            if size > limit {
                form.oversized = Some(size);
                data.clear();
            }
            store(&mut form, &name, data);
        }
        return Ok(form);
    }
    let mut data = Vec::new();
    let mut size = 0usize;
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| format!("could not read the body: {e}"))?;
        size += chunk.len();
        if size <= limit.saturating_mul(2) {
            data.extend_from_slice(&chunk);
        }
    }
    if size > limit.saturating_mul(2) {
        form.oversized = Some(size);
        return Ok(form);
    }
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&data).map_err(|e| format!("invalid form body: {e}"))?;
    for (k, v) in pairs {
        store(&mut form, &k, v.into_bytes());
    }
    Ok(form)
}

pub async fn mail_gateway(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let path_secret = req.match_info().get("secret").map(str::to_owned);
    let limit = state.config.mail.max_message_bytes;
    let form = match read_form(&req, payload, limit).await {
        Ok(f) => f,
        Err(e) => return temporary(&e),
    };
    if let Err(why) = allowed(&state, &req, path_secret.as_deref(), &form) {
        tracing::warn!(reason = %why, "mail gateway: refused a client");
        return text(
            actix_web::http::StatusCode::FORBIDDEN,
            inbound::EX_TEMPFAIL,
            format!("not allowed: {why}\n"),
        );
    }
    let refuse = |e: InboundError| {
        tracing::info!(reason = %e, "mail gateway: message refused");
        text(
            actix_web::http::StatusCode::OK,
            e.exit_code(),
            format!("not ok\n{e}\n"),
        )
    };
    if let Some(size) = form.oversized {
        return refuse(InboundError::Refused(format!(
            "message too large: {size} bytes, this help desk accepts at most {limit} bytes"
        )));
    }
    let Some(action) = Action::parse(form.action.as_deref().unwrap_or("")) else {
        return refuse(InboundError::Refused(format!(
            "unknown action '{}' (expected correspond or comment)",
            form.action.unwrap_or_default()
        )));
    };
    let ticket = match form
        .ticket
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        None => None,
        Some(t) => match t.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => return refuse(InboundError::Refused(format!("invalid ticket '{t}'"))),
        },
    };
    let delivery = Delivery {
        queue: form.queue,
        action,
        ticket,
        raw: form.message,
    };
    let settings = Settings::from_config(&state.config);
    let now = state.clock.now();
    let store = state.store.clone();
    let result = tokio::task::spawn_blocking(move || {
        inbound::deliver_blocking(&store, &settings, &delivery, now)
    })
    .await;
    match result {
        Ok(Ok(d)) => {
            tracing::info!(
                ticket = d.ticket,
                created = d.created,
                duplicate = d.duplicate,
                problems = d.problems.len(),
                "mail gateway: message stored"
            );
            text(
                actix_web::http::StatusCode::OK,
                inbound::EX_OK,
                format!(
                    "ok\nTicket: {}\nQueue: {}\nAction: {}\n",
                    d.ticket,
                    d.queue,
                    action.as_str()
                ),
            )
        }
        Ok(Err(e @ (InboundError::Temporary(_) | InboundError::Race))) => {
            tracing::warn!(reason = %e, "mail gateway: temporary failure");
            temporary(&e.to_string())
        }
        Ok(Err(e)) => refuse(e),
        Err(_) => temporary("the delivery task failed"),
    }
}
