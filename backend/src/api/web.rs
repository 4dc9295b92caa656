//! The supporters' app (static files with a fallback to index.html), the OpenAPI document and its
//! offline docs page.

use std::path::{Path, PathBuf};

use actix_web::{web, HttpRequest, HttpResponse};

use super::AppState;

const NOT_BUILT: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hushdesk</title></head>\
<body><h1>Hushdesk</h1><p>The web app has not been built. Run <code>scripts/build-frontend.sh</code>, \
or use the API under <a href=\"/REST/2.0/\">/REST/2.0/</a> (documented at <a href=\"/docs/\">/docs/</a>).</p></body></html>";

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// Serves a file of the built app, or index.html for client-side routes.
pub async fn app(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let dir: PathBuf = state.config.web_dir.clone();
    let rel = req.path().trim_start_matches('/');
    // Only plain relative names: no parent references, no absolute paths.
    let safe = !rel.split('/').any(|seg| seg == ".." || seg.contains('\\'));
    let candidate = dir.join(rel);
    let file = if safe && !rel.is_empty() && candidate.is_file() {
        candidate
    } else {
        dir.join("index.html")
    };
    match tokio::fs::read(&file).await {
        Ok(bytes) => HttpResponse::Ok()
            .content_type(content_type(&file))
            .insert_header(("X-Content-Type-Options", "nosniff"))
            .insert_header(("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"))
            .body(bytes),
        Err(_) => HttpResponse::Ok().content_type("text/html; charset=utf-8").body(NOT_BUILT),
    }
}

pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(crate::openapi_json())
}
